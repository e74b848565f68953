// One patient, from evaluation to follow-up, in one journey: a goal set; an intention
// linked to it as it is written; a session, an insight linked from the insights list and
// a step grown from it that serves the same goal; a review (its words back after a
// reload); the plan for staying well with a PHQ-9 threshold, crossed by a PHQ-9 taken,
// and shown on Today; a follow-up check-in whose words survive a reload, its note printed;
// the summary downloaded and remembered; and all of it restored into a new profile.
// Then the forms' words across reloads and closed tabs, and two tabs reviewing at once.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { journey, restoreIntoNewProfile, secondTab } from '../harness/fixture.mjs';
import { axeViolations } from '../harness/axe.mjs';
import { printed } from '../harness/pdf.mjs';

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/** Waits until start-up has read every record (the archive's work of the visit is over). */
async function archiveRead(page) {
  await page.waitForFunction(() => performance.getEntriesByName('ag:archive-folded').length > 0);
}

async function setGoal(app, page, text) {
  await page.getByLabel('What I want from treatment').fill(text);
  await page.getByRole('slider', { name: /How close am I now/ }).fill('3');
  await page.getByRole('button', { name: 'Set this goal' }).click();
  await app.status('Goal set.').waitFor();
}

const GOAL = 'Sleep through the night';
const UNSAVED_BACK = 'Your unsaved words from last time are back.';

journey('the whole arc: evaluation to follow-up, linked where it is written, restored in a new profile', async ({ app, page }) => {
  await app.open('/hosts/plain.html');
  await app.chooseStage('Evaluation');
  await page.getByRole('region', { name: 'Set your goals' }).getByRole('link', { name: 'Set my goals' }).click();
  await setGoal(app, page, GOAL);

  // Preparation: the intention names its goal as it is written.
  await app.goTo('Today');
  await app.chooseStage('Preparation');
  await app.write('To rest without guilt');
  await app.markIntention();
  await page.getByRole('combobox', { name: 'For one of my goals (optional)' }).selectOption({ label: GOAL });
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
  const step = page.getByRole('region', { name: 'Insights and steps' }).getByRole('listitem').filter({ has: page.getByRole('checkbox', { name: /Screens off at ten/ }) });
  assert.equal(await step.getByRole('combobox', { name: 'For my goal', exact: true }).locator('option:checked').textContent(), GOAL);
  assert.deepEqual(await axeViolations(page), [], 'insights and steps with their goals');
  await app.goTo('Today');
  await app.nextSteps().getByText(`For your goal: ${GOAL}`).waitFor();

  // The goal's page shows the chain.
  await app.goTo('My plan');
  await page.getByRole('link', { name: GOAL }).click();
  await page.getByRole('region', { name: 'Intentions' }).getByText('To rest without guilt').waitFor();
  await page.getByRole('region', { name: 'Insights' }).getByText('I noticed I can let the day end.').waitFor();
  await page.getByRole('region', { name: 'Action steps' }).getByText('Screens off at ten').waitFor();

  // Integration: the review, its words back after a reload, then saved.
  await app.goTo('Today');
  await app.chooseStage('Integration');
  await page.getByRole('region', { name: 'Review your goals' }).getByRole('link', { name: 'Review my goals' }).click();
  let review = page.getByRole('form', { name: 'Review my goals' });
  await review.getByLabel('What I notice, in a sentence').fill('Most nights now');
  await review.getByRole('slider').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(600);
  await app.reload();
  await archiveRead(page);
  review = page.getByRole('form', { name: 'Review my goals' });
  await review.getByText(UNSAVED_BACK).waitFor();
  assert.equal(await review.getByLabel('What I notice, in a sentence').inputValue(), 'Most nights now');
  assert.equal(await review.getByRole('slider').inputValue(), '4');
  await review.getByRole('button', { name: 'Save my review' }).click();
  await app.status('Review saved: 1 goal rated.').waitFor();

  // Follow-up: a plan with a PHQ-9 threshold; a PHQ-9 of 10 crosses it; Today shows it.
  await app.goTo('Today');
  await app.chooseStage('Follow-up');
  await page.getByRole('region', { name: 'Write your plan for staying well' }).getByRole('link', { name: 'Write my plan' }).click();
  await page.getByLabel('My early warning signs').fill('Sleeping past noon');
  await page.getByLabel('What helps').fill('A walk before breakfast');
  await page.getByRole('checkbox', { name: 'My latest PHQ-9 (last 30 days) is high' }).check();
  await page.getByLabel('At or above (1-27)').fill('10');
  await page.getByRole('button', { name: 'Save my plan' }).click();
  await app.status('Plan for staying well saved.').waitFor();
  await app.goTo('Mood');
  await app.answer('PHQ-9', [2, 2, 2, 2, 1, 1, 0, 0, 0]);
  await page.getByRole('button', { name: 'Save PHQ-9' }).click();
  await app.status(/PHQ-9 saved: 10 of 27/).waitFor();
  await app.goTo('Today');
  const moment = page.getByRole('region', { name: 'A moment for your plan' });
  await moment.getByText('Your latest PHQ-9 is 10: at or above the 10 your plan asked to notice.').waitFor();
  await moment.getByText('Sleeping past noon').waitFor();
  assert.doesNotMatch(await moment.textContent(), /dose|booster|diagnos|medication/i);

  // The follow-up check-in: its words survive a reload; its note printed.
  await app.goTo('My plan');
  await page.getByRole('region', { name: 'Follow-up check-in' }).getByRole('link', { name: 'Start a check-in' }).click();
  await page.getByLabel('What do you notice?').fill('Sleep is better');
  await page.getByLabel('Things I want to discuss with my team').fill('How to keep sleep on track');
  await page.waitForTimeout(600);
  await app.reload();
  await archiveRead(page);
  await page.getByText(UNSAVED_BACK).waitFor();
  assert.equal(await page.getByLabel('What do you notice?').inputValue(), 'Sleep is better');
  await page.getByRole('button', { name: 'Save and make my note' }).click();
  await app.status('Check-in saved. Your note is below, ready to print.').waitFor();
  const pdf = await printed(page);
  assert.equal(pdf.pages, 1, pdf.text);
  assert.match(pdf.text, /Things I want to discuss with my team .*How to keep sleep on track/);
  assert.match(pdf.text, new RegExp(`Goal “${GOAL}”: 3 of 10 when set, 4 now`));

  // Shared and remembered.
  await app.goTo('Share');
  const preview = page.getByRole('article', { name: 'Summary preview' });
  await preview.getByText('How to keep sleep on track').waitFor();
  assert.match(await preview.textContent(), /Intention: To rest without guilt/);
  await download(page, 'Download Markdown');
  await page.getByRole('region', { name: 'Shared with your therapist' }).getByText(/, downloaded$/).waitFor();

  // A new profile holds all of it, and the words of a saved form are gone.
  const backup = await download(page, 'Download a full backup');
  const restored = await restoreIntoNewProfile(app, backup, '/hosts/plain.html');
  const { other, page: there } = restored;
  await archiveRead(there);
  await other.goTo('Today');
  if ((await other.stage()) !== 'Follow-up') await other.chooseStage('Follow-up');
  await there.getByRole('region', { name: 'A moment for your plan' }).waitFor();
  await other.goTo('My plan');
  await there.getByRole('region', { name: 'Follow-up check-in' }).getByText(/^Last one: /).waitFor();
  await there.getByRole('region', { name: 'My plan for staying well' }).getByText('Sleeping past noon').waitFor();
  const linked = other.insights().first().getByRole('combobox', { name: 'For my goal', exact: true });
  assert.equal(await linked.locator('option:checked').textContent(), GOAL);
  await there.getByRole('link', { name: GOAL }).click();
  await there.getByRole('region', { name: 'Intentions' }).getByText('To rest without guilt').waitFor();
  await there.getByRole('region', { name: 'Action steps' }).getByText('Screens off at ten').waitFor();
  assert.match(await there.getByRole('table', { name: /Ratings of this goal/ }).textContent(), /Most nights now/);
  await other.goTo('Share');
  await there.getByRole('region', { name: 'Shared with your therapist' }).getByText(/, downloaded$/).waitFor();
  assert.deepEqual(restored.audit.problems, []);
  await restored.context.close();
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':forms:')));
  assert.deepEqual(left, [], 'saved forms leave no words behind');
});

journey('the words of a form come back after a reload and from a closed tab, never after saving', async ({ app, page, context, baseUrl }) => {
  await app.open('/hosts/plain.html');
  // A check-in's note, typed and not saved: back after a reload; saved, gone.
  await app.goTo('Mood');
  await page.getByLabel('A note (optional)').fill('Tired after work');
  await page.waitForTimeout(600);
  await app.reload();
  await archiveRead(page);
  await app.goTo('Mood');
  assert.equal(await page.getByLabel('A note (optional)').inputValue(), 'Tired after work');
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await app.status('Check-in saved.').waitFor();
  await app.reload();
  await archiveRead(page);
  await app.goTo('Mood');
  assert.equal(await page.getByLabel('A note (optional)').inputValue(), '', 'saved: not back again');

  // A second tab types into its plan for staying well and is closed; this tab, reloaded,
  // takes the words over.
  const { page: other, app: otherApp } = await secondTab(context, baseUrl, '/hosts/plain.html');
  await otherApp.goTo('My plan');
  await other.getByRole('region', { name: 'My plan for staying well' }).getByRole('link', { name: 'Write my plan' }).click();
  await other.getByLabel('What helps').fill('Calling my brother');
  await other.waitForTimeout(600);
  await other.close();
  await app.reload();
  await archiveRead(page);
  await app.goTo('My plan');
  await page.getByRole('region', { name: 'My plan for staying well' }).getByRole('link', { name: 'Write my plan' }).click();
  await page.getByText(UNSAVED_BACK).waitFor();
  assert.equal(await page.getByLabel('What helps').inputValue(), 'Calling my brother');
  assert.deepEqual(await axeViolations(page), [], 'the plan with its words back');
});

journey('two tabs reviewing at once: the second save asks first, and a retry never doubles a rating', async ({ app, page, context, baseUrl }) => {
  await app.open('/hosts/plain.html');
  await app.goTo('My plan');
  await setGoal(app, page, GOAL);
  await page.getByRole('link', { name: 'Review my goals' }).click();
  const { page: other, app: otherApp } = await secondTab(context, baseUrl, '/hosts/plain.html');
  await otherApp.goTo('My plan');
  await other.getByRole('link', { name: 'Review my goals' }).click();
  await other.getByRole('form', { name: 'Review my goals' }).getByLabel('What I notice, in a sentence').fill('From the other tab');
  await other.getByRole('button', { name: 'Save my review' }).click();
  await otherApp.status('Review saved: 1 goal rated.').waitFor();
  await other.close();
  const review = page.getByRole('form', { name: 'Review my goals' });
  await review.getByLabel('What I notice, in a sentence').fill('From this tab');
  await review.getByRole('button', { name: 'Save my review' }).click();
  await app.alert().filter({ hasText: 'A review was saved in another tab at' }).waitFor();
  assert.equal(await review.getByLabel('What I notice, in a sentence').inputValue(), 'From this tab', 'nothing lost');
  await review.getByRole('button', { name: 'Save my review' }).click();
  await app.status('Review saved: 1 goal rated.').waitFor();
  await page.getByRole('link', { name: GOAL }).click();
  const table = await page.getByRole('table', { name: /Ratings of this goal/ }).textContent();
  assert.match(table, /From this tab/);
  assert.match(table, /From the other tab/);
});
