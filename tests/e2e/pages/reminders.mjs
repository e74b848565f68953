// "Reminders in your calendar" in Settings, as a page object: the choices, the words, and
// the calendar file it downloads. Selectors are roles and accessible names; methods wait
// for the app, never sleep.
import { View } from './view.mjs';

export class CalendarReminders extends View {
  card() {
    return this.q.getByRole('region', { name: 'Reminders in your calendar' });
  }

  /** Unticks or ticks a weekday of the check-in. */
  async checkInOn(day, on) {
    await this.card().getByRole('checkbox', { name: day, exact: true }).setChecked(on);
  }

  async checkInAt(time) {
    await this.card().getByLabel('Time of the check-in').fill(time);
  }

  async changeWords(which, text) {
    const details = this.card().locator('details');
    if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
    await this.card().getByLabel(which, { exact: true }).fill(text);
  }

  /** The warning that the words would tell a lock screen what they are for. */
  telling() {
    return this.card().getByText(/These words would show on a lock screen/);
  }

  /** Downloads the calendar file: its name and text. */
  async downloadFile() {
    const [file] = await Promise.all([
      this.page.waitForEvent('download'),
      this.card().getByRole('button', { name: 'Download the calendar file' }).click(),
    ]);
    const { readFile } = await import('node:fs/promises');
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
  }
}
