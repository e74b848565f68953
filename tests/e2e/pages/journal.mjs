// The page object for the journal view: every selector is a role and an accessible name,
// so each journey also proves those names exist. Methods wait for the app, never sleep.

export class JournalPage {
  constructor(page, baseUrl, audit) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.audit = audit;
  }

  /** Navigates to `path` and waits until the app has mounted. */
  async open(path = '/') {
    await this.page.goto(this.baseUrl + path);
    await this.ready();
  }

  async reload() {
    await this.page.reload();
    await this.ready();
  }

  /** Waits for the mounted app; from then on the audit forbids requests. */
  async ready() {
    await this.stageSelect().waitFor();
    this.audit?.markLoaded();
  }

  stageSelect() {
    return this.page.getByRole('combobox', { name: 'Where you are in treatment' });
  }

  async stage() {
    return this.stageSelect().evaluate((el) => el.selectedOptions[0]?.textContent);
  }

  async chooseStage(label) {
    await this.stageSelect().selectOption({ label });
  }

  editor() {
    return this.page.getByRole('textbox');
  }

  /** The prompt offered: the editor's label. */
  async prompt() {
    return this.editor().evaluate((el) => el.labels[0]?.textContent ?? '');
  }

  async anotherPrompt() {
    const before = await this.prompt();
    await this.page.getByRole('button', { name: 'Another prompt' }).click();
    await this.page.waitForFunction(
      (old) => document.querySelector('textarea')?.labels[0]?.textContent !== old,
      before,
    );
  }

  async write(text) {
    await this.editor().fill(text);
  }

  async markPrivate() {
    await this.page.getByRole('checkbox', { name: /Private/ }).check();
  }

  /** Saves and waits for the confirmation. */
  async save() {
    const count = await this.entries().count();
    await this.page.getByRole('button', { name: 'Save entry' }).click();
    await this.page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await this.page.waitForFunction(
      (n) => document.querySelectorAll('.ag-entry').length > n,
      count,
    );
  }

  entriesRegion() {
    return this.page.getByRole('region', { name: /Your entries/ });
  }

  entries() {
    return this.entriesRegion().getByRole('listitem');
  }

  /** The text of every shown entry, newest first. */
  async entryTexts() {
    return this.entries().locator('.ag-entry__text').allTextContents();
  }

  alert() {
    return this.page.getByRole('alert').filter({ hasText: /\S/ });
  }
}
