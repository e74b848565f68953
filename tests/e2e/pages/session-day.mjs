// The session day's page objects: a session planned, its checklist ("Ready for the day"),
// the session's own page with medicines ticked, after-effects noted the next day and the
// clinic's alert for a red flag; the medicines list; and a logged session's details. Every selector is a role and an
// accessible name; methods wait for the app, never sleep.
import { View } from './view.mjs';

export class SessionDay extends View {
  // --- Planning (Sessions view) ----------------------------------------------------

  planLink() {
    return this.q.getByRole('link', { name: 'Plan a session' });
  }

  /** The planning form's date and time (it starts at tomorrow, ten o'clock). */
  when() {
    return this.q.getByLabel('Date and time');
  }

  /** Plans the session and waits for the confirmation. */
  async planIt() {
    await this.q.getByRole('button', { name: 'Plan it' }).click();
    await this.app.status(/Session planned for/).waitFor();
  }

  plannedHeading() {
    return this.q.getByRole('heading', { name: 'Planned session' });
  }

  /** Today's heading over the coming session. */
  nextSessionHeading() {
    return this.q.getByRole('heading', { name: 'Your next session' });
  }

  /** Opens the planned session's page from Today. */
  async openPlanned() {
    await this.q.getByRole('link', { name: 'Plan and checklist' }).click();
  }

  // --- The checklist ---------------------------------------------------------------

  checklist() {
    return this.q.getByRole('region', { name: 'Ready for the day' });
  }

  /** An item of the checklist, by its words. */
  checklistItem(name) {
    return this.checklist().getByRole('checkbox', { name });
  }

  /** Every item of the checklist. */
  checklistItems() {
    return this.checklist().getByRole('checkbox');
  }

  /** The checklist's count, "n of 6 ready". */
  checklistCount(text) {
    return this.checklist().getByText(text);
  }

  /** A tick box anywhere on the view, by its words (a checklist item or a red flag). */
  box(name) {
    return this.q.getByRole('checkbox', { name });
  }

  /** The count "n of 6 ready", wherever the view shows it. */
  readyCount(text) {
    return this.q.getByText(text);
  }

  // --- The session's page ----------------------------------------------------------

  /** The link to session `number`'s page (Sessions view). */
  sessionLink(number) {
    return this.q.getByRole('link', { name: `Session ${number}: checklist, medicines, after-effects` });
  }

  async openSession(number) {
    await this.sessionLink(number).click();
  }

  sessionHeading(number) {
    return this.q.getByRole('heading', { name: `Session ${number}`, exact: true });
  }

  medicinesTaken() {
    return this.q.getByRole('checkbox', { name: 'My medicines were taken or held as my clinic asked' });
  }

  /** Writes the medicines note and saves it. */
  async noteMedicines(text) {
    await this.q.getByLabel('Note (optional)').fill(text);
    await this.q.getByRole('button', { name: 'Save note' }).click();
    await this.app.status('Medicines note saved.').waitFor();
  }

  /** Logs the planned session (the journey waits for its confirmation, which names it). */
  async logIt() {
    await this.q.getByRole('button', { name: 'Log this session' }).click();
  }

  // --- After-effects ---------------------------------------------------------------

  /** Today's question the day after session `number`. */
  async howAreYouAfter(number) {
    await this.q.getByRole('link', { name: `How are you after session ${number}? Note after-effects` }).click();
  }

  noteAfterEffectsButton() {
    return this.q.getByRole('button', { name: 'Note after-effects' });
  }

  async noteAfterEffects() {
    await this.noteAfterEffectsButton().click();
  }

  /** The radio for `level` (None, Mild, ...) of a symptom's group. */
  level(symptom, level) {
    return this.q.getByRole('group', { name: symptom }).getByRole('radio', { name: level });
  }

  async sleptThatNight(label) {
    await this.q.getByLabel('Sleep that night').selectOption({ label });
  }

  ownWords() {
    return this.q.getByLabel('In your own words (optional)');
  }

  /** The vitals group "After the session" (a clinic asks for it). */
  vitalsAfter() {
    return this.q.getByRole('group', { name: 'After the session' });
  }

  /** A field of the vitals after the session: 'Upper (systolic)', 'Lower (diastolic)'. */
  vitalAfter(label) {
    return this.vitalsAfter().getByLabel(label);
  }

  saveAfterEffectsButton() {
    return this.q.getByRole('button', { name: 'Save after-effects' });
  }

  /** Saves the after-effects and waits for the confirmation. */
  async saveAfterEffects() {
    await this.saveAfterEffectsButton().click();
    await this.app.status('After-effects saved.').waitFor();
  }

  /** The alert a red flag raises. */
  contactClinic() {
    return this.q.getByRole('alert').filter({ hasText: 'Contact your clinic today' });
  }

  /** What was noted, as the session's page sums it up. */
  afterEffects() {
    return this.q.getByRole('region', { name: 'After-effects' });
  }
}

export class Medicines extends View {
  /** The link to the medicines list (Sessions view, and a session's page). */
  link() {
    return this.q.getByRole('link', { name: 'My medicines' });
  }

  async open() {
    await this.link().click();
  }

  async startAdding() {
    await this.q.getByRole('button', { name: 'Add a medicine' }).click();
  }

  /** Fills the open form and saves; waits for "<name> saved.". */
  async add({ name, dose, often }) {
    await this.q.getByLabel('Name').fill(name);
    await this.q.getByLabel('Dose (as prescribed)').fill(dose);
    await this.q.getByLabel('How often').fill(often);
    await this.q.getByRole('button', { name: 'Save medicine' }).click();
    await this.app.status(`${name} saved.`).waitFor();
  }

  async remove() {
    await this.q.getByRole('button', { name: 'Remove' }).click();
    await this.app.status('Medicine deleted.').waitFor();
  }

  none() {
    return this.q.getByText('No medicines listed.');
  }

  /** A medicine as listed: "Sertraline, 50 mg, every morning". */
  listed(text) {
    return this.q.getByText(text);
  }
}

export class Sessions extends View {
  /** Opens the details of session `number` (Sessions view). */
  async openDetails(number) {
    await this.q.getByRole('button', { name: `Details of session ${number}` }).click();
  }

  /** Fills the open details and saves; waits for the confirmation. */
  async saveDetails({ route, intention, before, after }) {
    await this.q.getByRole('combobox', { name: 'How it was given' }).selectOption({ label: route });
    await this.q.getByRole('textbox', { name: 'Intention for this session' }).fill(intention);
    await this.q.getByRole('combobox', { name: 'Mood before' }).selectOption(before);
    await this.q.getByRole('combobox', { name: 'Mood after' }).selectOption(after);
    await this.q.getByRole('button', { name: 'Save session' }).click();
    await this.app.status('Session saved.').waitFor();
  }

  /** Deletes the session whose details are open (the journey waits, or reloads). */
  async deleteIt() {
    await this.q.getByRole('button', { name: 'Delete session' }).click();
  }

  /** The heading of session `number`'s card (its name starts so). */
  heading(number) {
    return this.q.getByRole('heading', { name: `Session ${number}` });
  }

  /** Follows a card's "Entries about it (n)". */
  async entriesAbout(count) {
    await this.q.getByRole('link', { name: `Entries about it (${count})` }).click();
  }
}
