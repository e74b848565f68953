// The Mood view's page object, beyond the check-in and the answers JournalPage gives:
// the chart's range and table, the recent check-ins, the questionnaires' forms (PHQ-9,
// GAD-7, and WHO-5 and PCL-5 when a clinic offers them), their scores and the crisis
// alert item 9 raises. Every selector is a role and an accessible name (the one exception,
// the open questionnaire's form, is marked where it is); methods wait, never sleep.
import { View } from './view.mjs';

export class Mood extends View {
  // --- Check-ins -------------------------------------------------------------------

  /** Shows the chart over a range: '2 weeks', 'All', ... */
  async showRange(name) {
    await this.q.getByRole('button', { name }).click();
  }

  async showTable() {
    await this.q.getByText('Show the numbers as a table').click();
  }

  /** The chart's numbers as a table. */
  table() {
    return this.q.getByRole('table', { name: /Daily averages/ });
  }

  /** The check-in's note field. */
  note() {
    return this.q.getByLabel('A note (optional)');
  }

  async saveCheckIn() {
    await this.q.getByRole('button', { name: 'Save check-in' }).click();
    await this.app.status('Check-in saved.').waitFor();
  }

  recent() {
    return this.q.getByRole('region', { name: 'Recent check-ins' });
  }

  // --- The year at a glance ----------------------------------------------------------

  /** The year card ("2026 at a glance"). */
  year() {
    return this.q.getByRole('region', { name: /at a glance$/ });
  }

  /** The year's picture, the one place the keyboard walks. */
  yearGrid() {
    return this.year().getByRole('group', { name: /day by day$/ });
  }

  /** What the chosen day holds, as read out. */
  async yearDay() {
    return (await this.year().locator('[aria-live]').textContent()).trim();
  }

  async chooseYear(year) {
    await this.year().getByRole('combobox', { name: 'Year' }).selectOption(String(year));
    await this.q.getByRole('heading', { name: `${year} at a glance` }).waitFor();
  }

  /** Focuses the picture and presses `keys` in turn; returns the day read out then. */
  async walkYear(...keys) {
    await this.yearGrid().focus();
    for (const key of keys) await this.page.keyboard.press(key);
    return this.yearDay();
  }

  /** The year's table, opened. */
  async yearTable() {
    await this.year().getByText('Show the year as a table').click();
    return this.year().getByRole('table', { name: /days with a check-in or a session/ });
  }

  // --- Questionnaires --------------------------------------------------------------

  answerButton(instrument) {
    return this.q.getByRole('button', { name: `Answer the ${instrument}` });
  }

  /** The open questionnaire. By class: the form has no name of its own. */
  form() {
    return this.q.locator('form.ag-questionnaire');
  }

  /** Opens `instrument`'s form and picks the answer labelled `label` for every item; returns how many. */
  async answerAll(instrument, label) {
    await this.answerButton(instrument).click();
    const groups = this.form().getByRole('group');
    const n = await groups.count();
    for (let i = 0; i < n; i++) await groups.nth(i).getByRole('radio', { name: label, exact: true }).check();
    return n;
  }

  /** Item `number` of the open questionnaire (its group's name starts "n. "). */
  item(number) {
    return this.q.getByRole('group', { name: new RegExp(`^${number}\\. `) });
  }

  saveButton(instrument) {
    return this.q.getByRole('button', { name: `Save ${instrument}` });
  }

  /** The questionnaires' cards, with their attributions. */
  cards() {
    return this.q.getByRole('region', { name: 'Questionnaires' });
  }

  /** The scores of every questionnaire taken. */
  scores() {
    return this.q.getByRole('region', { name: 'Questionnaire scores' });
  }

  scoresHeading(instrument) {
    return this.q.getByRole('heading', { name: `${instrument} scores` });
  }

  scoresChart(instrument) {
    return this.q.getByRole('img', { name: `${instrument} scores` });
  }

  /** Deletes the result of `instrument` (one taken); waits for the confirmation. */
  async deleteResult(instrument) {
    await this.q.getByRole('button', { name: new RegExp(`^Delete the ${instrument} from `) }).click();
    await this.app.status('Questionnaire result deleted.').waitFor();
  }

  /** A line of the view, by its words: a score ("Last: 11 (moderate)"), a band, a reminder. */
  says(text) {
    return this.q.getByText(text);
  }

  /** Today's reminder's link to the Mood view. */
  async answerUnderMood() {
    await this.q.getByRole('link', { name: 'Answer it under Mood' }).click();
  }

  /** The crisis alert a PHQ-9 item-9 answer above 0 raises. */
  crisisAlert() {
    return this.q.getByRole('alert').filter({ hasText: 'Help, right now' });
  }
}
