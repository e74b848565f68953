// My plan's other plans, as page objects: the plan for staying well (with the thresholds
// that bring it to Today), the follow-up check-in and its note for the team, and the
// safety plan behind "Get help now". Every selector is a role and an accessible name;
// methods wait for the app, never sleep. (Goals and the review are in goals.mjs.)
import { View } from './view.mjs';

export class StayingWell extends View {
  /** Today's invitation to write the plan (follow-up). */
  invite() {
    return this.q.getByRole('region', { name: 'Write your plan for staying well' });
  }

  inviteLink() {
    return this.invite().getByRole('link', { name: 'Write my plan' });
  }

  /** The plan's card under My plan. */
  card() {
    return this.q.getByRole('region', { name: 'My plan for staying well' });
  }

  /** The card's link to the plan (under My plan). */
  writeLink() {
    return this.card().getByRole('link', { name: 'Write my plan' });
  }

  heading() {
    return this.q.getByRole('heading', { name: 'My plan for staying well', level: 2 });
  }

  /** A part of the plan, by its label: 'My early warning signs', 'What helps', 'Below (1-10)', ... */
  part(label) {
    return this.q.getByLabel(label);
  }

  async fillPart(label, text) {
    await this.part(label).fill(text);
  }

  /** A "show me this plan when" box: 'My 7-day mood stays low', 'My latest PHQ-9 (last 30 days) is high'. */
  when(name) {
    return this.q.getByRole('checkbox', { name });
  }

  saveButton() {
    return this.q.getByRole('button', { name: 'Save my plan' });
  }

  /** Saves and waits for the confirmation (a refusal: `saveButton().click()` and the alert). */
  async save() {
    await this.saveButton().click();
    await this.app.status('Plan for staying well saved.').waitFor();
  }

  /** The status that says the words on screen are not stored yet. */
  notSavedYet() {
    return this.q.getByRole('status').filter({ hasText: 'Not saved yet' });
  }

  /** Today's card when the patient's own numbers cross the plan's thresholds. */
  moment() {
    return this.q.getByRole('region', { name: 'A moment for your plan' });
  }

  /** "Not now" on Today's card; waits for the confirmation. */
  async notNow() {
    await this.moment().getByRole('button', { name: 'Not now' }).click();
    await this.app.status('Your plan will stay off Today for 7 days. It is always under My plan.').waitFor();
  }

  async downloadMarkdown() {
    return this.download('Download as Markdown');
  }
}

export class FollowUp extends View {
  /** The check-in's card under My plan. */
  card() {
    return this.q.getByRole('region', { name: 'Follow-up check-in' });
  }

  startLink() {
    return this.card().getByRole('link', { name: 'Start a check-in' });
  }

  async start() {
    await this.startLink().click();
  }

  heading() {
    return this.q.getByRole('heading', { name: 'Follow-up check-in', level: 2 });
  }

  /** The card's "Last one: ..." once a check-in is saved. */
  lastOne() {
    return this.card().getByText(/^Last one: /);
  }

  /** A figure of "then and now", by its words. */
  figure(text) {
    return this.q.getByText(text);
  }

  /** A field: 'What do you notice?', 'Things I want to discuss with my team'. */
  field(label) {
    return this.q.getByLabel(label);
  }

  saveButton() {
    return this.q.getByRole('button', { name: 'Save and make my note' });
  }

  /** Saves and waits for the note (a refusal: `saveButton().click()` and the alert). */
  async save() {
    await this.saveButton().click();
    await this.app.status('Check-in saved. Your note is below, ready to print.').waitFor();
  }

  /** The note made for the team. */
  note() {
    return this.q.getByRole('article', { name: 'Note for my team' });
  }

  async deleteIt() {
    await this.q.getByRole('button', { name: 'Delete this check-in' }).click();
    await this.app.status('Check-in deleted.').waitFor();
  }
}

export class SafetyPlan extends View {
  /** The header's "Get help now". */
  helpButton() {
    return this.q.getByRole('button', { name: 'Get help now' });
  }

  async getHelp() {
    await this.helpButton().click();
  }

  /** "Help, right now": the header's panel, or the crisis lines shown in a view. */
  helpPanel() {
    return this.q.getByRole('region', { name: 'Help, right now' });
  }

  /** The link to the plan inside `within` (a help panel); anywhere when not given. */
  link(within = this.q) {
    return within.getByRole('link', { name: 'My safety plan' });
  }

  /** The link in the header's panel (a view may show the crisis lines too). */
  headerLink() {
    return this.link(this.q.locator('.ag-crisis-wrap'));
  }

  /** The help panels that offer the plan. */
  panelsWithPlan() {
    return this.helpPanel().filter({ has: this.page.getByRole('link', { name: 'My safety plan' }) });
  }

  heading() {
    return this.q.getByRole('heading', { name: 'My safety plan', level: 2 });
  }

  /** A step, by its label: '1. Signs that a hard time is starting', ... */
  step(label) {
    return this.q.getByLabel(label);
  }

  async fillStep(label, text) {
    await this.step(label).fill(text);
  }

  saveButton() {
    return this.q.getByRole('button', { name: 'Save my plan' });
  }

  async save() {
    await this.saveButton().click();
    await this.app.status('Safety plan saved.').waitFor();
  }

  async downloadMarkdown() {
    return this.download('Download as Markdown');
  }
}
