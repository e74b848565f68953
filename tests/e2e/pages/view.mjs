// What every view's page object shares: it is made from the JournalPage it belongs to
// (`app.goals()`, `other.share()`), so it looks inside the same page and scope (a second
// tab, a restored profile, one widget of several) and waits on the same status line.
// Selectors are roles and accessible names; methods wait for the app, never sleep.
import { readFile } from 'node:fs/promises';

export class View {
  constructor(app) {
    this.app = app;
    this.page = app.page;
    this.q = app.q;
  }

  /** "Your unsaved words from last time are back.", said by a form that kept them. */
  wordsBack() {
    return this.q.getByText('Your unsaved words from last time are back.');
  }

  /** Clicks the button named `name` and returns the file it downloads: its name and text. */
  async download(name) {
    const [file] = await Promise.all([this.page.waitForEvent('download'), this.q.getByRole('button', { name }).click()]);
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
  }
}
