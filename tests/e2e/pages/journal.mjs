// The page object for Afterglow: every selector is a role and an accessible name, so each
// journey also proves those names exist. Methods wait for the app, never sleep.
// (The one exception, the text of an entry, is marked where it is.) The newer views have
// their own page objects, reached from here: `app.goals()`, `app.share()`, ...
import { Goals, Review } from './goals.mjs';
import { FollowUp, SafetyPlan, StayingWell } from './plans.mjs';
import { Medicines, SessionDay, Sessions } from './session-day.mjs';
import { Mood } from './mood.mjs';
import { Restore, Share } from './share.mjs';
import { Settings, Storage } from './settings.mjs';
import { LockedBackup, LockScreen, LockSettings } from './lock.mjs';
import { CalendarReminders } from './reminders.mjs';

/**
 * What has focus, looked up inside the widget's shadow root (runs in the page): null, or
 * its tag, id, type, name (aria-label, else its text, trimmed), text, href and outline style.
 */
function describeFocus() {
  const el = document.activeElement?.shadowRoot?.activeElement ?? document.activeElement;
  if (!el) return null;
  return {
    tag: el.tagName,
    id: el.id,
    type: el.getAttribute('type')?.toLowerCase() ?? null,
    name: (el.getAttribute('aria-label') || el.textContent || '').trim(),
    text: el.textContent,
    href: el.getAttribute('href'),
    outline: getComputedStyle(el).outlineStyle,
  };
}

export class JournalPage {
  /** `scope`: a locator around one widget, when a page has several. */
  constructor(page, baseUrl, audit, scope = page) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.audit = audit;
    this.q = scope;
  }

  /** The same page object, for the widget inside `locator`. */
  within(locator) {
    return new JournalPage(this.page, this.baseUrl, this.audit, locator);
  }

  // --- The newer views' page objects, in the same page and scope --------------------
  // goals.mjs: goals, a goal's page, the review; plans.mjs: the plan for staying well,
  // the follow-up check-in, the safety plan and "Get help now"; session-day.mjs: a session
  // planned, its checklist and after-effects, the medicines, a session's details; mood.mjs: the chart, recent
  // check-ins, questionnaires; share.mjs: the summary, the shared list, a restore;
  // settings.mjs: the theme, storage, backups, erasing.

  goals() { return new Goals(this); }
  review() { return new Review(this); }
  stayingWell() { return new StayingWell(this); }
  followUp() { return new FollowUp(this); }
  safetyPlan() { return new SafetyPlan(this); }
  sessionDay() { return new SessionDay(this); }
  medicines() { return new Medicines(this); }
  sessions() { return new Sessions(this); }
  mood() { return new Mood(this); }
  share() { return new Share(this); }
  restore() { return new Restore(this); }
  storage() { return new Storage(this); }
  settings() { return new Settings(this); }
  lock() { return new LockSettings(this); }
  lockScreen() { return new LockScreen(this); }
  lockedBackup() { return new LockedBackup(this); }
  calendarReminders() { return new CalendarReminders(this); }

  /**
   * Navigates to `path` and waits until the app has mounted. A first-run welcome is
   * skipped unless `keepWelcome` is set (the first-run journey walks through it).
   */
  async open(path = '/', { keepWelcome = false } = {}) {
    await this.page.goto(this.baseUrl + path);
    await this.ready();
    if (!keepWelcome) await this.skipWelcome();
  }

  welcome() {
    return this.q.getByRole('region', { name: /^(Welcome|Bienvenida)$/ });
  }

  async skipWelcome() {
    if (await this.welcome().count()) await this.welcome().getByRole('button', { name: /^(Skip|Omitir)$/ }).click();
  }

  async reload() {
    await this.page.reload();
    await this.ready();
  }

  /**
   * Waits for the mounted app and its fixed prefetch of every view's chunk; from then on
   * the audit forbids requests.
   */
  async ready() {
    await this.nav().waitFor();
    await this.prefetched();
    this.audit?.markLoaded();
  }

  /** Waits until the page has fetched every chunk (the `ag:prefetched` mark). */
  async prefetched() {
    await this.page.waitForFunction(() => performance.getEntriesByName('ag:prefetched').length > 0);
  }

  nav() {
    return this.q.getByRole('navigation', { name: /^(Afterglow sections|Secciones de Afterglow)$/ });
  }

  /**
   * Opens a view by its link in the navigation: the tabs, or on a phone the bottom bar,
   * opening its "More" when the view is under it.
   */
  async goTo(label) {
    const link = this.nav().getByRole('link', { name: label, exact: true });
    if (!(await link.count())) await this.moreViews().click();
    await link.click();
    const current = this.nav().getByRole('link', { name: label, exact: true, includeHidden: true });
    await current.and(this.q.locator('[aria-current="page"]')).waitFor({ state: 'attached' });
  }

  /** The phone bar's "More" button (its name adds the view shown, when under it). */
  moreViews() {
    return this.nav().getByRole('button', { name: /^(More|Más)/ });
  }

  async currentView() {
    return this.nav().locator('[aria-current="page"]').textContent();
  }

  // --- Focus -----------------------------------------------------------------------

  /** The focused element, described as by `describeFocus` (null when nothing has focus). */
  async focused() {
    return this.page.evaluate(describeFocus);
  }

  /** Waits until `check(description of the focused element)` holds. */
  async waitForFocus(check, { timeout = 30_000 } = {}) {
    const end = Date.now() + timeout;
    while (!check(await this.focused())) {
      if (Date.now() > end) throw new Error(`focus never satisfied ${check} within ${timeout} ms`);
      await new Promise((resolve) => setTimeout(resolve, 16));
    }
  }

  // --- Today -----------------------------------------------------------------------

  stageSelect() {
    return this.q.getByRole('combobox', { name: 'Where you are in treatment' });
  }

  async stage() {
    return this.stageSelect().evaluate((el) => el.selectedOptions[0]?.textContent);
  }

  async chooseStage(label) {
    await this.stageSelect().selectOption({ label });
  }

  /** The editor for a new entry (its name is the prompt). */
  editor() {
    return this.q.locator('form').filter({ has: this.page.getByRole('heading', { name: 'Write' }) }).getByRole('textbox');
  }

  /** "Your unsaved words from last time are back.", when the composer kept them. */
  wordsBack() {
    return this.q.getByText('Your unsaved words from last time are back.');
  }

  /** The prompt offered: the editor's label. */
  async prompt() {
    return this.editor().evaluate((el) => el.labels[0]?.textContent ?? '');
  }

  /** The id of the prompt offered (`prep-more-of`), or null when writing freely. */
  async promptId() {
    return this.editor().evaluate((el) => el.labels[0]?.dataset.prompt ?? null);
  }

  async anotherPrompt() {
    const before = await this.prompt();
    await this.q.getByRole('button', { name: 'Another prompt' }).click();
    await this.page.waitForFunction(
      ([old, id]) => document.querySelector('[data-afterglow]').shadowRoot.getElementById(id)?.labels[0]?.textContent !== old,
      [before, await this.editor().getAttribute('id')],
    );
  }

  async writeFreely() {
    await this.q.getByRole('button', { name: 'Write freely' }).click();
  }

  async usePrompt() {
    await this.q.getByRole('button', { name: 'Use a prompt' }).click();
  }

  pinButton() {
    return this.q.getByRole('button', { name: 'Pin prompt' });
  }

  async write(text) {
    await this.editor().fill(text);
  }

  async markPrivate() {
    await this.q.getByRole('checkbox', { name: /^Private: never/ }).check();
  }

  async markIntention() {
    await this.q.getByRole('checkbox', { name: /This is an intention/ }).check();
  }

  /** Names the goal an intention is for, as it is written. */
  async forGoal(label) {
    await this.q.getByRole('combobox', { name: 'For one of my goals (optional)' }).selectOption({ label });
  }

  async linkedSession() {
    return this.q.getByRole('combobox', { name: 'About' }).evaluate((el) => el.selectedOptions[0]?.textContent);
  }

  async justHadSession() {
    await this.q.getByRole('button', { name: 'I just had a session' }).click();
    await this.status(/Session \d+ logged/).waitFor();
  }

  status(text) {
    return this.q.getByRole('status').filter({ hasText: text });
  }

  /** The first status region: the status line a view's messages are announced in. */
  statusLine() {
    return this.q.getByRole('status').first();
  }

  alert() {
    return this.q.getByRole('alert').filter({ hasText: /\S/ });
  }

  saveEntryButton() {
    return this.q.getByRole('button', { name: 'Save entry' });
  }

  /** Saves and waits for the confirmation. */
  async save() {
    await this.saveEntryButton().click();
    await this.status('Saved.').waitFor();
  }

  intentionsCard() {
    return this.q.getByRole('region', { name: 'Your intentions' });
  }

  nextSteps() {
    return this.q.getByRole('region', { name: 'Your next steps' });
  }

  // --- Journal ---------------------------------------------------------------------

  /** The Journal view. */
  journal() {
    return this.q.getByRole('region', { name: /^(Journal|Diario)$/ });
  }

  /** Every shown entry, newest first (Journal view). */
  entries() {
    return this.journal().getByRole('listitem');
  }

  /** The entry whose edit is open (its "Edit entry" textbox is shown). */
  editingEntry() {
    return this.entries().filter({ has: this.page.getByRole('textbox', { name: 'Edit entry' }) });
  }

  /** Every open "Edit entry" textbox (Journal view). */
  editBoxes() {
    return this.q.getByRole('textbox', { name: 'Edit entry' });
  }

  /**
   * The text of every shown entry, newest first (Journal view). By class: nothing but the
   * class tells an entry's text paragraph from its prompt paragraph.
   */
  async entryTexts() {
    return this.entries().locator('.ag-entry__text').allTextContents();
  }

  /** The count of entries ("3650 entries"). */
  entryCount(text) {
    return this.q.getByText(text);
  }

  /** Shows the next page of older entries (its button names how many are left). */
  async showOlderEntries(name) {
    await this.q.getByRole('button', { name }).click();
  }

  async search(text) {
    await this.q.getByRole('searchbox', { name: 'Search your entries' }).fill(text);
  }

  /** Keeps a passage of the `index`th shown entry as an insight. */
  async keepInsight(index, passage) {
    const entry = this.entries().nth(index);
    await entry.getByRole('button', { name: 'Keep as insight' }).click();
    if (passage !== undefined) await entry.getByRole('textbox', { name: /The words to keep/ }).fill(passage);
    await entry.getByRole('button', { name: 'Keep insight' }).click();
    await this.status('Kept as an insight').waitFor();
  }

  async editEntry(index, text) {
    const entry = this.entries().nth(index);
    await entry.getByRole('button', { name: 'Edit' }).click();
    await entry.getByRole('textbox', { name: 'Edit entry' }).fill(text);
    await entry.getByRole('button', { name: 'Save changes' }).click();
    await this.status('Changes saved.').waitFor();
  }

  async deleteEntry(index) {
    await this.entries().nth(index).getByRole('button', { name: 'Delete' }).click();
    await this.status('Entry deleted.').waitFor();
  }

  undoButton() {
    return this.q.getByRole('button', { name: 'Undo' });
  }

  async undo() {
    await this.undoButton().click();
    await this.status('Restored.').waitFor();
  }

  // --- Mood ------------------------------------------------------------------------

  /** Saves a check-in, setting each given scale with the keyboard (Home, then arrows). */
  async checkIn({ mood, anxiety, energy, sleep, emotions = [], note } = {}) {
    for (const [name, value] of [['Mood', mood], ['Anxiety', anxiety], ['Energy', energy]]) {
      if (value === undefined) continue;
      const slider = this.q.getByRole('slider', { name: new RegExp(`^${name}`) });
      await slider.focus();
      await this.page.keyboard.press('Home');
      for (let i = 0; i < value; i += 1) await this.page.keyboard.press('ArrowRight');
    }
    if (sleep !== undefined) await this.q.getByRole('textbox', { name: /Hours of sleep/ }).fill(String(sleep));
    for (const word of emotions) await this.q.getByRole('checkbox', { name: word, exact: true }).check();
    if (note !== undefined) await this.q.getByRole('textbox', { name: 'A note (optional)' }).fill(note);
    await this.q.getByRole('button', { name: 'Save check-in' }).click();
    await this.status('Check-in saved.').waitFor();
  }

  moodChart() {
    return this.q.getByRole('img', { name: 'Mood over time' });
  }

  /** Every image in the widget, including hidden ones (an <img> without alt is one). */
  images() {
    return this.q.getByRole('img', { includeHidden: true });
  }

  /** Opens a questionnaire and picks answers (0-3, or null to leave one open). */
  async answer(instrument, answers) {
    await this.q.getByRole('button', { name: `Answer the ${instrument}` }).click();
    const options = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];
    for (const [i, a] of answers.entries()) {
      if (a === null) continue;
      const group = this.q.getByRole('group', { name: new RegExp(`^${i + 1}\\. `) });
      await group.getByRole('radio', { name: options[a], exact: true }).check();
    }
  }

  crisisLinks() {
    return this.q.locator('a[href^="tel:"], a[href^="sms:"]');
  }

  // --- Sessions --------------------------------------------------------------------

  /** The card of dosing session `number` (Sessions view). */
  sessionCard(number) {
    return this.q
      .getByRole('region', { name: 'Sessions', exact: true })
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { name: `Session ${number}`, exact: true }) });
  }

  // --- Insights & steps ------------------------------------------------------------

  /** Every kept insight (Insights & steps view): the items that can be deleted as one. */
  insights() {
    return this.q
      .getByRole('region', { name: 'Insights and steps', exact: true })
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('button', { name: 'Delete insight', exact: true }) });
  }

  async addStepFromInsight(index, text) {
    const insight = this.insights().nth(index);
    await insight.getByText('Turn it into an action step').click();
    await insight.getByRole('textbox', { name: 'What will you do?' }).fill(text);
    await insight.getByRole('button', { name: 'Add step' }).click();
    await this.status('Action step added.').waitFor();
  }

  stepCheckbox(text) {
    return this.q.getByRole('checkbox', { name: text });
  }

  /**
   * Starts counting the entry rows added to the widget's DOM; returns a function that
   * reads the count so far (how many rows a change re-rendered).
   */
  async countAddedRows() {
    await this.page.evaluate(() => {
      window.__agRows = 0;
      new MutationObserver((records) => {
        for (const r of records) {
          for (const n of r.addedNodes) {
            if (n.nodeType === 1) window.__agRows += n.matches('li.ag-entry') ? 1 : n.querySelectorAll('li.ag-entry').length;
          }
        }
      }).observe(document.querySelector('[data-afterglow]').shadowRoot.querySelector('.ag-app'), { childList: true, subtree: true });
    });
    return () => this.page.evaluate(() => window.__agRows);
  }
}
