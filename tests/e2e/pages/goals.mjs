// My plan's goals, as page objects: Today's invitations, the goals set under My plan (and
// an action step added there, a step or insight deleted), a goal's own page (its links, ratings, words and chart)
// and the review of every open goal. Every selector is a role and an accessible name;
// methods wait for the app, never sleep.
import { View } from './view.mjs';

export class Goals extends View {
  // --- Today -----------------------------------------------------------------------

  /** Today's invitation to set goals (evaluation). */
  invite() {
    return this.q.getByRole('region', { name: 'Set your goals' });
  }

  inviteLink() {
    return this.invite().getByRole('link', { name: 'Set my goals' });
  }

  /** Today's suggestion to review the goals (integration). */
  reviewDue() {
    return this.q.getByRole('region', { name: 'Review your goals' });
  }

  reviewDueLink() {
    return this.reviewDue().getByRole('link', { name: 'Review my goals' });
  }

  // --- My plan ---------------------------------------------------------------------

  heading() {
    return this.q.getByRole('heading', { name: 'My goals' });
  }

  /** The goals listed under My plan. */
  list() {
    return this.q.getByRole('region', { name: 'My goals' });
  }

  /** A goal's latest rating as listed ("Not rated yet", ...). By class: only the class
   * tells the rating's line from the goal's other lines. */
  listedRating(text) {
    return this.list().locator('.ag-goal__rating').filter({ hasText: text });
  }

  /** The new goal's words. */
  goalField() {
    return this.q.getByLabel('What I want from treatment');
  }

  /** "How close am I now?", from 0 to 10 (its text says "Not rated yet" until moved). */
  closeness() {
    return this.q.getByRole('slider', { name: /How close am I now/ });
  }

  setGoalButton() {
    return this.q.getByRole('button', { name: 'Set this goal' });
  }

  /** Sets the goal the form holds; waits for the confirmation. */
  async submitGoal() {
    await this.setGoalButton().click();
    await this.app.status('Goal set.').waitFor();
  }

  /** Sets a goal: its words, an optional sign, and `steps` right of 0 by the keyboard. */
  async setGoal(text, sign, steps) {
    await this.goalField().fill(text);
    if (sign) await this.q.getByLabel("How I'd know it's better (optional)").fill(sign);
    await this.closeness().focus();
    await this.page.keyboard.press('Home');
    for (let i = 0; i < steps; i++) await this.page.keyboard.press('ArrowRight');
    await this.submitGoal();
  }

  /** Said when five goals are open. */
  full() {
    return this.q.getByText('You have 5 goals open, the most Afterglow keeps at once.');
  }

  /** The link to a goal's page. */
  goalLink(name) {
    return this.q.getByRole('link', { name });
  }

  async open(name) {
    await this.goalLink(name).click();
  }

  /** Adds an action step under My plan; waits for the confirmation. */
  async addStep(text) {
    await this.q.getByLabel('A new action step').fill(text);
    await this.q.getByRole('button', { name: 'Add step' }).click();
    await this.app.status('Action step added.').waitFor();
  }

  /** The action step whose box is named `name` (Insights and steps). */
  step(name) {
    return this.q
      .getByRole('region', { name: 'Insights and steps' })
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('checkbox', { name }) });
  }

  /** Deletes the step `text` (its button is "Delete step: <text>"); waits for the confirmation. */
  async deleteStep(text) {
    await this.q.getByRole('button', { name: `Delete step: ${text}` }).click();
    await this.app.status('Step deleted.').waitFor();
  }

  /** Deletes the (one) kept insight; waits for the confirmation. */
  async deleteInsight() {
    await this.q.getByRole('button', { name: 'Delete insight' }).click();
    await this.app.status('Insight deleted.').waitFor();
  }

  reviewLink() {
    return this.q.getByRole('link', { name: 'Review my goals' });
  }

  // --- A goal's page ---------------------------------------------------------------

  goalHeading(name) {
    return this.q.getByRole('heading', { name });
  }

  /** A part of the goal's page: 'Intentions', 'Insights', 'Action steps', 'Sessions since this goal was set'. */
  part(name) {
    return this.q.getByRole('region', { name });
  }

  /** Links `option` from the select named `select` ('Link an intention', ...) with its Link button. */
  async link(select, option) {
    const field = this.q.getByRole('combobox', { name: select });
    await field.selectOption({ label: option });
    await field.locator('xpath=..').getByRole('button', { name: 'Link' }).click();
    await this.app.status('Linked to this goal.').waitFor();
  }

  /** The button that unlinks `text` from the goal, in its `part` ('Intentions', ...). */
  unlinkButton(part, text) {
    return this.part(part).getByRole('button', { name: `Unlink: ${text}` });
  }

  /** The table of the goal's ratings. */
  ratings() {
    return this.q.getByRole('table', { name: /Ratings of this goal/ });
  }

  /** The chart of the goal's ratings, by its name. */
  ratingsChart(name) {
    return this.q.getByRole('img', { name });
  }

  /** "In a sentence (optional)", under "Rate it now". */
  rateSentence() {
    return this.q.getByLabel('In a sentence (optional)');
  }

  saveRatingButton() {
    return this.q.getByRole('button', { name: 'Save rating' });
  }

  /** Rewords the goal: opens "Change its words", fills its words or sign, saves, waits. */
  async changeWords({ goal, sign }) {
    await this.q.getByText('Change its words').click();
    if (goal !== undefined) await this.q.getByLabel('The goal', { exact: true }).fill(goal);
    if (sign !== undefined) await this.q.getByLabel("How I'd know it's better").fill(sign);
    await this.q.getByRole('button', { name: 'Save the new words' }).click();
    await this.app.status('Goal changed. Its earlier words and ratings are kept.').waitFor();
  }

  /** A line of the goal's page, by its words. */
  says(text) {
    return this.q.getByText(text);
  }

  /** Deletes the goal; waits for the confirmation (with its ratings). */
  async deleteGoal() {
    await this.q.getByRole('button', { name: 'Delete goal' }).click();
    await this.app.status(/^Goal deleted, with its \d+ ratings\./).waitFor();
  }

  backLink() {
    return this.q.getByRole('link', { name: '← My plan' });
  }
}

export class Review extends View {
  form() {
    return this.q.getByRole('form', { name: 'Review my goals' });
  }

  /** The group of one goal in the review, by its number and words ('1. Sleep through the night'). */
  goal(name) {
    return this.form().getByRole('group', { name });
  }

  /** "What I notice, in a sentence": of the goal named, else the form's (one goal). */
  sentence(goal) {
    return (goal ? this.goal(goal) : this.form()).getByLabel('What I notice, in a sentence');
  }

  /** The rating slider: of the goal named, else the form's (one goal). */
  slider(goal) {
    return (goal ? this.goal(goal) : this.form()).getByRole('slider');
  }

  async letGo(goal) {
    await this.goal(goal).getByRole('radio', { name: 'Let it go' }).check();
  }

  /** The "Achieved" choice (one goal open). */
  achieved() {
    return this.q.getByRole('radio', { name: 'Achieved' });
  }

  saveButton() {
    return this.form().getByRole('button', { name: 'Save my review' });
  }

  /** Saves (the journey waits for the confirmation, which counts the goals, or a refusal). */
  async save() {
    await this.saveButton().click();
  }

  /** "Your unsaved words from last time are back.", in the review's form. */
  wordsBack() {
    return this.form().getByText('Your unsaved words from last time are back.');
  }

  /** The goals achieved or let go, under My plan. */
  closed() {
    return this.q.getByRole('region', { name: 'Goals achieved or let go' });
  }
}
