// The treatment arc, as a patient lives it: goals set at evaluation from Today's card,
// an intention linked to a goal, a session, an insight and a step linked, the move to
// integration suggesting a review, the review (one goal re-rated, one let go), the goal's
// page with its chain and chart, the summary and CSV carrying the goals, a goal deleted
// and brought back, and all of it restored into a new profile. Then the plan's views by
// keyboard and axe at 360 px and desktop, light and dark, with the navigation in at most
// two rows on a phone. The audit stays at zero throughout.
import assert from 'node:assert/strict';
import { journey, restoreIntoNewProfile, secondTab, artifact } from '../harness/fixture.mjs';
import { axeViolations } from '../harness/axe.mjs';

journey('goals from evaluation to integration: set, linked, reviewed, summarised, restored', async ({ app, page, context, baseUrl }) => {
  const goals = app.goals();
  const review = app.review();
  const share = app.share();
  await app.open('/hosts/plain.html');
  await app.chooseStage('Evaluation');
  await goals.invite().waitFor();
  await goals.inviteLink().click();
  await goals.heading().waitFor();
  await goals.setGoal('Sleep through the night', 'I wake up rested', 3);
  await goals.setGoal('Feel close to my sister again', '', 2);
  await goals.list().getByText('Latest rating: 3 of 10').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the plan with goals');

  // A second tab sees the goals; Today's invitation is gone once one is set.
  const { page: other, app: otherApp } = await secondTab(context, baseUrl, '/hosts/plain.html');
  await otherApp.goTo('My plan');
  await otherApp.goals().goalLink('Feel close to my sister again').waitFor();
  await other.close();
  await app.goTo('Today');
  assert.equal(await goals.invite().count(), 0);

  // Preparation: an intention, linked to the first goal.
  await app.chooseStage('Preparation');
  await app.write('To rest without guilt');
  await app.markIntention();
  await app.save();
  await app.goTo('My plan');
  await goals.open('Sleep through the night');
  await goals.goalHeading('Sleep through the night').waitFor();
  await goals.link('Link an intention', 'To rest without guilt');
  await goals.part('Intentions').getByText('To rest without guilt').waitFor();

  // A session, an insight from the entry after it, and a step; both linked.
  await app.goTo('Today');
  await app.chooseStage('Dosing');
  await app.justHadSession();
  await app.write('I noticed I can let the day end.');
  await app.save();
  await app.goTo('Journal');
  await app.keepInsight(0);
  await app.goTo('My plan');
  await goals.addStep('Screens off at ten');
  await goals.open('Sleep through the night');
  await goals.link('Link an insight', 'I noticed I can let the day end.');
  await goals.link('Link a step', 'Screens off at ten');
  await goals.part('Sessions since this goal was set').getByText(/Session 1,/).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'a goal page');

  // Integration: Today suggests a review.
  await app.goTo('Today');
  await app.chooseStage('Integration');
  await goals.reviewDue().getByText('You are in integration now').waitFor();
  await goals.reviewDueLink().click();
  const first = '1. Sleep through the night';
  await review.slider(first).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await review.sentence(first).fill('Most nights now');
  await review.letGo('2. Feel close to my sister again');
  assert.deepEqual(await axeViolations(page), [], 'the review');
  await review.save();
  await app.status('Review saved: 2 goals rated.').waitFor();
  await review.closed().getByText('Feel close to my sister again').waitFor();
  await app.goTo('Today');
  assert.equal(await goals.reviewDue().count(), 0, 'reviewed: nothing more to ask');

  // The goal's page: the chain and the ratings with the session marked.
  await app.goTo('My plan');
  await goals.open('Sleep through the night');
  assert.match(await goals.ratings().textContent(), /\(review\)5 of 10Most nights now/);
  assert.match(await goals.ratingsChart(/Ratings from .*: 3 at first, 5 now\./).textContent(), /S1/);
  await page.screenshot({ path: artifact('goal-page.png'), fullPage: true }).catch(() => {});

  // The summary and the CSV carry them.
  await app.goTo('Share');
  const preview = share.preview();
  await preview.getByRole('heading', { name: 'Treatment goals' }).waitFor();
  const text = await preview.textContent();
  assert.match(text, /1\. Sleep through the night/);
  assert.match(text, /When set: 3 of 10/);
  assert.match(text, /Rated 5 of 10 on .+?: Most nights now/);
  assert.match(text, /Intention: To rest without guilt/);
  assert.match(text, /Step \(open\): Screens off at ten/);
  assert.match(text, /Let go on/);
  const csv = await share.downloadCsv();
  const rows = csv.text.split('\r\n').filter((r) => r.startsWith('goal-rating,'));
  assert.equal(rows.length, 4, csv.text);
  assert.match(csv.text, /\r\ngoal-rating,[^,]+,,,,,,,Most nights now,,5,.*,Sleep through the night,,,\r\n/);

  // Deleted by mistake, and brought back.
  await app.goTo('My plan');
  await goals.open('Sleep through the night');
  const holding = (words) => page.evaluate((w) => Object.entries(localStorage).filter(([k, v]) => k.startsWith('riverside:') && v.includes(w)).map(([k]) => k), words);
  const linked = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('riverside:l:')).length);
  assert.equal((await holding('Most nights now')).length, 1, 'the review rating is stored');
  // Its ratings (with the patient's sentences) and its links go with it, in one change.
  await goals.deleteGoal();
  assert.deepEqual(await holding('Most nights now'), [], 'no sentence of its ratings is left');
  assert.ok(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('riverside:l:')).length) < linked, 'its links go too');
  await app.undo();
  await goals.goalLink('Sleep through the night').waitFor();
  assert.equal((await holding('Most nights now')).length, 1, 'undo brings the ratings back');
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('riverside:l:')).length), linked, 'and the links');

  // Everything comes back in a new profile.
  await app.goTo('Share');
  const backup = await share.downloadBackup();
  const restored = await restoreIntoNewProfile(app, backup, '/hosts/plain.html');
  const theirs = restored.other.goals();
  await restored.other.goTo('My plan');
  await theirs.open('Sleep through the night');
  await theirs.part('Intentions').getByText('To rest without guilt').waitFor();
  await theirs.part('Action steps').getByText('Screens off at ten').waitFor();
  assert.match(await theirs.ratings().textContent(), /Most nights now/);
  assert.deepEqual(restored.audit.problems, []);
  await restored.context.close();
});

journey('a goal cannot be a sixth open one, and old #/steps links land on the plan', async ({ app, page }) => {
  const goals = app.goals();
  await app.open('/#/steps');
  await goals.heading().waitFor();
  assert.equal(await app.currentView(), 'My plan');
  for (const n of [1, 2, 3, 4, 5]) await goals.setGoal(`Goal number ${n}`, '', n);
  await goals.full().waitFor();
  assert.equal(await goals.goalField().count(), 0);
});

for (const [size, viewport] of Object.entries({ phone: { width: 360, height: 640 }, desktop: { width: 1280, height: 900 } })) {
  for (const colorScheme of ['light', 'dark']) {
    journey(`the plan's views pass axe on a ${size}, ${colorScheme}, and work by keyboard`, async ({ app, page }) => {
      const goals = app.goals();
      const review = app.review();
      await app.open('/hosts/plain.html');
      // The navigation keeps to two rows at most.
      const rows = await app.nav().getByRole('link').evaluateAll((links) => new Set(links.map((l) => Math.round(l.getBoundingClientRect().top))).size);
      assert.ok(rows <= 2, `the navigation takes ${rows} rows`);
      await goals.inviteLink().focus();
      await page.keyboard.press('Enter');
      await goals.goalField().focus();
      await page.keyboard.type('Walk every day');
      await page.keyboard.press('Tab');
      await page.keyboard.type('My legs feel strong');
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowRight');
      await goals.setGoalButton().focus();
      await page.keyboard.press('Enter');
      await app.status('Goal set.').waitFor();
      assert.deepEqual(await axeViolations(page), [], 'plan');
      await goals.goalLink('Walk every day').focus();
      await page.keyboard.press('Enter');
      await goals.goalHeading('Walk every day').waitFor();
      await goals.saveRatingButton().focus();
      await page.keyboard.press('Enter');
      await app.status('Rating saved.').waitFor();
      assert.deepEqual(await axeViolations(page), [], 'goal page');
      await page.screenshot({ path: artifact(`goal-${size}-${colorScheme}.png`), fullPage: true }).catch(() => {});
      await goals.backLink().click();
      await goals.reviewLink().focus();
      await page.keyboard.press('Enter');
      await review.achieved().focus();
      await page.keyboard.press('Space');
      assert.deepEqual(await axeViolations(page), [], 'review');
      await review.saveButton().focus();
      await page.keyboard.press('Enter');
      await app.status('Review saved: 1 goal rated.').waitFor();
      await page.screenshot({ path: artifact(`plan-${size}-${colorScheme}.png`), fullPage: true }).catch(() => {});
    }, { viewport, colorScheme });
  }
}

journey('a goal page keeps what is typed while the goal changes; a link undone and redone; a check-in note deleted and brought back', async ({ app, page, context, baseUrl }) => {
  const goals = app.goals();
  const followUp = app.followUp();
  await app.open('/hosts/plain.html');
  await app.chooseStage('Preparation');
  await app.write('To rest without guilt');
  await app.markIntention();
  await app.save();
  await app.goTo('My plan');
  // A goal set with the slider left alone has no rating, not a 3.
  await goals.goalField().fill('Walk every day');
  assert.match(await goals.closeness().getAttribute('aria-valuetext'), /Not rated yet/);
  assert.match(await goals.closeness().getAttribute('class'), /ag-range--unset/, 'greyed, not a 3');
  await goals.submitGoal();
  await goals.listedRating('Not rated yet').waitFor();
  // Moved, it is a rating: no longer greyed.
  await goals.closeness().press('ArrowRight');
  assert.doesNotMatch(await goals.closeness().getAttribute('class'), /ag-range--unset/);
  await goals.setGoal('Sleep through the night', '', 3);
  await goals.open('Sleep through the night');
  await goals.link('Link an intention', 'To rest without guilt');

  // A sentence typed under "Rate it now", then the goal reworded here and a sign set in
  // another tab: the sentence is still there.
  const sentence = goals.rateSentence();
  await sentence.fill('Two good nights this week');
  await goals.changeWords({ goal: 'Sleep six hours' });
  await goals.goalHeading('Sleep six hours').waitFor();
  assert.equal(await sentence.inputValue(), 'Two good nights this week', 'rewording here keeps the sentence');
  const { page: other, app: otherApp } = await secondTab(context, baseUrl, '/hosts/plain.html');
  const theirs = otherApp.goals();
  await otherApp.goTo('My plan');
  await theirs.open('Sleep six hours');
  await theirs.changeWords({ sign: 'I wake up rested' });
  await goals.says("How I'd know it's better: I wake up rested").waitFor();
  assert.equal(await sentence.inputValue(), 'Two good nights this week', 'another tab\u2019s change keeps it too');
  await other.close();

  // Unlinked, then brought back with one Undo.
  const unlink = goals.unlinkButton('Intentions', 'To rest without guilt');
  await unlink.click();
  await app.status('Unlinked from this goal.').waitFor();
  assert.equal(await unlink.count(), 0, 'no longer linked');
  await app.undo();
  await unlink.waitFor();

  // A follow-up check-in's note deleted by mistake, and brought back.
  await app.goTo('Today');
  await app.justHadSession();
  await app.chooseStage('Follow-up');
  await app.goTo('My plan');
  await followUp.start();
  await followUp.field('Things I want to discuss with my team').fill('How to keep sleep on track');
  await followUp.save();
  await followUp.deleteIt();
  assert.equal(await followUp.note().count(), 0);
  await app.undo();
  await app.status('Restored.').waitFor();
  await app.reload();
  await app.goTo('My plan');
  await followUp.lastOne().waitFor();
});
