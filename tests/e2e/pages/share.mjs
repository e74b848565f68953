// The Share view's page objects: the summary (its preview, what it includes, its period,
// its downloads), the list of summaries shared with the therapist, and the backup (a full
// backup downloaded, a file restored: merged or replacing, and undone). Every selector is
// a role and an accessible name; methods wait for the app, never sleep.
import { View } from './view.mjs';

export class Share extends View {
  heading() {
    return this.q.getByRole('heading', { name: 'A summary for your therapist' });
  }

  /** The summary's title field. */
  title() {
    return this.q.getByLabel('Title');
  }

  /** The summary's heading, as titled. */
  titleHeading(name) {
    return this.q.getByRole('heading', { name });
  }

  /** The summary as it will be shared. */
  preview() {
    return this.q.getByRole('article', { name: 'Summary preview' });
  }

  /** An "Include" box, by its label ('Dosing sessions', 'My safety plan', ...). */
  include(name, { exact = false } = {}) {
    return this.q.getByRole('checkbox', { name, exact });
  }

  /** "Choose entries": opens the list of entries to tick. */
  async chooseEntries() {
    await this.q.getByText(/Choose entries/).click();
  }

  /** The period's select, and its dates ('From', 'To'). */
  async period(label) {
    await this.q.getByRole('combobox', { name: 'Period' }).selectOption({ label });
  }

  date(label) {
    return this.q.getByLabel(label, { exact: true });
  }

  /** The summaries shared so far (shown once one is). */
  shared() {
    return this.q.getByRole('region', { name: 'Shared with your therapist' });
  }

  /** The shared list's record of a download. */
  downloaded() {
    return this.shared().getByText(/, downloaded$/);
  }

  /** Removes the (one) shared record; waits for the confirmation. */
  async removeShared() {
    await this.shared().getByRole('button', { name: /^Remove the summary/ }).click();
    await this.app.status('Summary record deleted.').waitFor();
  }

  async downloadMarkdown() {
    return this.download('Download Markdown');
  }

  async print() {
    await this.q.getByRole('button', { name: 'Print or save as PDF' }).click();
  }

  async copy() {
    await this.q.getByRole('button', { name: /^Copy/ }).click();
  }

  /** The system's share button (shown where the browser can share). */
  shareButton() {
    return this.q.getByRole('button', { name: /^Share/ });
  }

  async downloadCsv() {
    return this.download('Download check-ins (CSV)');
  }

  async downloadBackup() {
    return this.download('Download a full backup');
  }
}

export class Restore extends View {
  fileInput() {
    return this.q.getByLabel('Restore from a backup file');
  }

  /** Chooses a file to restore: a path, or { name, mimeType, buffer }. */
  async fromFile(file) {
    await this.fileInput().setInputFiles(file);
  }

  /** What the chosen file holds, before anything is changed. */
  offer() {
    return this.q.getByRole('region', { name: 'Backup to restore' });
  }

  /** Merges the chosen file (the journey waits for the count it reports). */
  async merge() {
    await this.q.getByRole('button', { name: 'Merge into my journal' }).click();
  }

  /** Replaces the journal with the chosen file, confirmed (the journey waits for the result). */
  async replace() {
    await this.q.getByRole('button', { name: 'Replace my journal…' }).click();
    await this.q.getByRole('button', { name: 'Yes, replace everything' }).click();
  }

  undoButton() {
    return this.q.getByRole('button', { name: 'Undo the last restore' });
  }
}
