// One patient, from evaluation to follow-up, in one journey: a goal set; an intention
// linked to it as it is written; a session, an insight linked from the insights list and
// a step grown from it that serves the same goal; a review (its words back after a
// reload); the plan for staying well with a PHQ-9 threshold, crossed by a PHQ-9 taken,
// and shown on Today; a follow-up check-in whose words survive a reload, its note printed;
// the summary downloaded and remembered; and all of it restored into a new profile.
// Then the forms' words across reloads and closed tabs, and two tabs reviewing at once.
import assert from 'node:assert/strict';
import { journey, restoreIntoNewProfile, secondTab } from '../harness/fixture.mjs';
import { axeViolations } from '../harness/axe.mjs';
import { printed } from '../harness/pdf.mjs';

/** Waits until start-up has read every record (the archive's work of the visit is over). */
async function archiveRead(page) {
  await page.waitForFunction(() => performance.getEntriesByName('ag:archive-folded').length > 0);
}

async function setGoal(goals, text) {
  await goals.goalField().fill(text);
  await goals.closeness().fill('3');
  await goals.submitGoal();
}

const GOAL = 'Sleep through the night';

journey('the whole arc: evaluation to follow-up, linked where it is written, restored in a new profile', async ({ app, page }) => {
  const goals = app.goals();
  const review = app.review();
  const staying = app.stayingWell();
  const followUp = app.followUp();
  const share = app.share();
  await app.open('/hosts/plain.html');
  await app.chooseStage('Evaluation');
  await goals.inviteLink().click();
  await setGoal(goals, GOAL);

  // Preparation: the intention names its goal as it is written.
  await app.goTo('Today');
  await app.chooseStage('Preparation');
  await app.write('To rest without guilt');
  await app.markIntention();
  await app.forGoal(GOAL);
  assert.deepEqual(await axeViolations(page), [], 'the composer with its goal');
  await app.save();

  // Dosing: a session and its entry; the insight linked from the list, a step from it.
  await app.chooseStage('Dosing');
  await app.justHadSession();
  await app.write('I noticed I can let the day end.');
  await app.save();
  await app.goTo('Journal');
  await app.keepInsight(0);
  await app.goTo('My plan');
  const insight = app.insights().first();
  await insight.getByRole('combobox', { name: 'For my goal', exact: true }).selectOption({ label: GOAL });
  await app.status(`Now linked to your goal “${GOAL}”.`).waitFor();
  await insight.getByText('Turn it into an action step').click();
  await insight.getByRole('textbox', { name: 'What will you do?' }).fill('Screens off at ten');
  // The form opened in the insight's <details> keeps to the insight's width.
  const [field, card] = [await insight.getByRole('textbox', { name: 'What will you do?' }).boundingBox(), await insight.boundingBox()];
  assert.ok(field.x + field.width <= card.x + card.width + 0.5, `the step's field (${field.width}px) fits its insight (${card.width}px)`);
  // A step grown from an insight serves the insight's goal unless changed.
  const stepGoal = insight.getByRole('combobox', { name: 'For my goal (optional)' });
  assert.equal(await stepGoal.locator('option:checked').textContent(), GOAL);
  await insight.getByRole('button', { name: 'Add step' }).click();
  await app.status('Action step added.').waitFor();
  const step = goals.step(/Screens off at ten/);
  assert.equal(await step.getByRole('combobox', { name: 'For my goal', exact: true }).locator('option:checked').textContent(), GOAL);
  assert.deepEqual(await axeViolations(page), [], 'insights and steps with their goals');
  await app.goTo('Today');
  await app.nextSteps().getByText(`For your goal: ${GOAL}`).waitFor();

  // The goal's page shows the chain.
  await app.goTo('My plan');
  await goals.open(GOAL);
  await goals.part('Intentions').getByText('To rest without guilt').waitFor();
  await goals.part('Insights').getByText('I noticed I can let the day end.').waitFor();
  await goals.part('Action steps').getByText('Screens off at ten').waitFor();

  // Integration: the review, its words back after a reload, then saved.
  await app.goTo('Today');
  await app.chooseStage('Integration');
  await goals.reviewDueLink().click();
  await review.sentence().fill('Most nights now');
  await review.slider().focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(600);
  await app.reload();
  await archiveRead(page);
  await review.wordsBack().waitFor();
  assert.equal(await review.sentence().inputValue(), 'Most nights now');
  assert.equal(await review.slider().inputValue(), '4');
  await review.save();
  await app.status('Review saved: 1 goal rated.').waitFor();

  // Follow-up: a plan with a PHQ-9 threshold; a PHQ-9 of 10 crosses it; Today shows it.
  await app.goTo('Today');
  await app.chooseStage('Follow-up');
  await staying.inviteLink().click();
  await staying.fillPart('My early warning signs', 'Sleeping past noon');
  await staying.fillPart('What helps', 'A walk before breakfast');
  await staying.when('My latest PHQ-9 (last 30 days) is high').check();
  await staying.fillPart('At or above (1-27)', '10');
  await staying.save();
  await app.goTo('Mood');
  await app.answer('PHQ-9', [2, 2, 2, 2, 1, 1, 0, 0, 0]);
  await app.mood().saveButton('PHQ-9').click();
  await app.status(/PHQ-9 saved: 10 of 27/).waitFor();
  await app.goTo('Today');
  const moment = staying.moment();
  await moment.getByText('Your latest PHQ-9 is 10: at or above the 10 your plan asked to notice.').waitFor();
  await moment.getByText('Sleeping past noon').waitFor();
  assert.doesNotMatch(await moment.textContent(), /dose|booster|diagnos|medication/i);

  // The follow-up check-in: its words survive a reload; its note printed.
  await app.goTo('My plan');
  await followUp.start();
  await followUp.field('What do you notice?').fill('Sleep is better');
  await followUp.field('Things I want to discuss with my team').fill('How to keep sleep on track');
  await page.waitForTimeout(600);
  await app.reload();
  await archiveRead(page);
  await followUp.wordsBack().waitFor();
  assert.equal(await followUp.field('What do you notice?').inputValue(), 'Sleep is better');
  await followUp.save();
  const pdf = await printed(page);
  assert.equal(pdf.pages, 1, pdf.text);
  assert.match(pdf.text, /Things I want to discuss with my team .*How to keep sleep on track/);
  assert.match(pdf.text, new RegExp(`Goal “${GOAL}”: 3 of 10 when set, 4 now`));

  // Shared and remembered.
  await app.goTo('Share');
  const preview = share.preview();
  await preview.getByText('How to keep sleep on track').waitFor();
  assert.match(await preview.textContent(), /Intention: To rest without guilt/);
  await share.downloadMarkdown();
  await share.downloaded().waitFor();

  // A new profile holds all of it, and the words of a saved form are gone.
  const backup = await share.downloadBackup();
  const restored = await restoreIntoNewProfile(app, backup, '/hosts/plain.html');
  const { other, page: there } = restored;
  await archiveRead(there);
  await other.goTo('Today');
  if ((await other.stage()) !== 'Follow-up') await other.chooseStage('Follow-up');
  await other.stayingWell().moment().waitFor();
  await other.goTo('My plan');
  await other.followUp().lastOne().waitFor();
  await other.stayingWell().card().getByText('Sleeping past noon').waitFor();
  const linked = other.insights().first().getByRole('combobox', { name: 'For my goal', exact: true });
  assert.equal(await linked.locator('option:checked').textContent(), GOAL);
  const theirs = other.goals();
  await theirs.open(GOAL);
  await theirs.part('Intentions').getByText('To rest without guilt').waitFor();
  await theirs.part('Action steps').getByText('Screens off at ten').waitFor();
  assert.match(await theirs.ratings().textContent(), /Most nights now/);
  await other.goTo('Share');
  await other.share().downloaded().waitFor();
  assert.deepEqual(restored.audit.problems, []);
  await restored.context.close();
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':forms:')));
  assert.deepEqual(left, [], 'saved forms leave no words behind');
});

journey('the words of a form come back after a reload and from a closed tab, never after saving', async ({ app, page, context, baseUrl }) => {
  await app.open('/hosts/plain.html');
  // A check-in's note, typed and not saved: back after a reload; saved, gone.
  const mood = app.mood();
  await app.goTo('Mood');
  await mood.note().fill('Tired after work');
  await page.waitForTimeout(600);
  await app.reload();
  await archiveRead(page);
  await app.goTo('Mood');
  assert.equal(await mood.note().inputValue(), 'Tired after work');
  await mood.saveCheckIn();
  await app.reload();
  await archiveRead(page);
  await app.goTo('Mood');
  assert.equal(await mood.note().inputValue(), '', 'saved: not back again');

  // A second tab types into its plan for staying well and is closed; this tab, reloaded,
  // takes the words over.
  const { page: other, app: otherApp } = await secondTab(context, baseUrl, '/hosts/plain.html');
  await otherApp.goTo('My plan');
  await otherApp.stayingWell().writeLink().click();
  await otherApp.stayingWell().fillPart('What helps', 'Calling my brother');
  await other.waitForTimeout(600);
  await other.close();
  await app.reload();
  await archiveRead(page);
  const staying = app.stayingWell();
  await app.goTo('My plan');
  await staying.writeLink().click();
  await staying.wordsBack().waitFor();
  assert.equal(await staying.part('What helps').inputValue(), 'Calling my brother');
  assert.deepEqual(await axeViolations(page), [], 'the plan with its words back');
});

journey('two tabs reviewing at once: the second save asks first, and a retry never doubles a rating', async ({ app, page, context, baseUrl }) => {
  const goals = app.goals();
  const review = app.review();
  await app.open('/hosts/plain.html');
  await app.goTo('My plan');
  await setGoal(goals, GOAL);
  await goals.reviewLink().click();
  const { page: other, app: otherApp } = await secondTab(context, baseUrl, '/hosts/plain.html');
  await otherApp.goTo('My plan');
  await otherApp.goals().reviewLink().click();
  await otherApp.review().sentence().fill('From the other tab');
  await otherApp.review().save();
  await otherApp.status('Review saved: 1 goal rated.').waitFor();
  await other.close();
  await review.sentence().fill('From this tab');
  await review.save();
  await app.alert().filter({ hasText: 'A review was saved in another tab at' }).waitFor();
  assert.equal(await review.sentence().inputValue(), 'From this tab', 'nothing lost');
  await review.save();
  await app.status('Review saved: 1 goal rated.').waitFor();
  await goals.open(GOAL);
  const table = await goals.ratings().textContent();
  assert.match(table, /From this tab/);
  assert.match(table, /From the other tab/);
});
