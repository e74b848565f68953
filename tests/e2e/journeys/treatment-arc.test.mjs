// The treatment arc, as a patient lives it: goals set at evaluation from Today's card,
// an intention linked to a goal, a session, an insight and a step linked, the move to
// integration suggesting a review, the review (one goal re-rated, one let go), the goal's
// page with its chain and chart, the summary and CSV carrying the goals, a goal deleted
// and brought back, and all of it restored into a new profile. Then the plan's views by
// keyboard and axe at 360 px and desktop, light and dark, with the navigation in at most
// two rows on a phone. The audit stays at zero throughout.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { journey, restoreIntoNewProfile, secondTab, artifact } from '../harness/fixture.mjs';
import { axeViolations } from '../harness/axe.mjs';

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

async function setGoal(app, page, text, sign, steps) {
  await page.getByLabel('What I want from treatment').fill(text);
  if (sign) await page.getByLabel("How I'd know it's better (optional)").fill(sign);
  const scale = page.getByRole('slider', { name: /How close am I now\?/ });
  await scale.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowRight');
  await page.getByRole('button', { name: 'Set this goal' }).click();
  await app.status('Goal set.').waitFor();
}

async function link(page, app, name, option) {
  const select = page.getByRole('combobox', { name });
  await select.selectOption({ label: option });
  await select.locator('xpath=..').getByRole('button', { name: 'Link' }).click();
  await app.status('Linked to this goal.').waitFor();
}

journey('goals from evaluation to integration: set, linked, reviewed, summarised, restored', async ({ app, page, context, baseUrl }) => {
  await app.open('/hosts/plain.html');
  await app.chooseStage('Evaluation');
  const invite = page.getByRole('region', { name: 'Set your goals' });
  await invite.waitFor();
  await invite.getByRole('link', { name: 'Set my goals' }).click();
  await page.getByRole('heading', { name: 'My goals' }).waitFor();
  await setGoal(app, page, 'Sleep through the night', 'I wake up rested', 3);
  await setGoal(app, page, 'Feel close to my sister again', '', 2);
  const goals = page.getByRole('region', { name: 'My goals' });
  await goals.getByText('Latest rating: 3 of 10').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the plan with goals');

  // A second tab sees the goals; Today's invitation is gone once one is set.
  const { page: other, app: otherApp } = await secondTab(context, baseUrl, '/hosts/plain.html');
  await otherApp.goTo('My plan');
  await other.getByRole('link', { name: 'Feel close to my sister again' }).waitFor();
  await other.close();
  await app.goTo('Today');
  assert.equal(await page.getByRole('region', { name: 'Set your goals' }).count(), 0);

  // Preparation: an intention, linked to the first goal.
  await app.chooseStage('Preparation');
  await app.write('To rest without guilt');
  await app.markIntention();
  await app.save();
  await app.goTo('My plan');
  await page.getByRole('link', { name: 'Sleep through the night' }).click();
  await page.getByRole('heading', { name: 'Sleep through the night' }).waitFor();
  await link(page, app, 'Link an intention', 'To rest without guilt');
  await page.getByRole('region', { name: 'Intentions' }).getByText('To rest without guilt').waitFor();

  // A session, an insight from the entry after it, and a step; both linked.
  await app.goTo('Today');
  await app.chooseStage('Dosing');
  await app.justHadSession();
  await app.write('I noticed I can let the day end.');
  await app.save();
  await app.goTo('Journal');
  await app.keepInsight(0);
  await app.goTo('My plan');
  await page.getByLabel('A new action step').fill('Screens off at ten');
  await page.getByRole('button', { name: 'Add step' }).click();
  await app.status('Action step added.').waitFor();
  await page.getByRole('link', { name: 'Sleep through the night' }).click();
  await link(page, app, 'Link an insight', 'I noticed I can let the day end.');
  await link(page, app, 'Link a step', 'Screens off at ten');
  await page.getByRole('region', { name: 'Sessions since this goal was set' }).getByText(/Session 1,/).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'a goal page');

  // Integration: Today suggests a review.
  await app.goTo('Today');
  await app.chooseStage('Integration');
  const due = page.getByRole('region', { name: 'Review your goals' });
  await due.getByText('You are in integration now').waitFor();
  await due.getByRole('link', { name: 'Review my goals' }).click();
  const review = page.getByRole('form', { name: 'Review my goals' });
  const first = review.getByRole('group', { name: '1. Sleep through the night' });
  await first.getByRole('slider').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await first.getByLabel('What I notice, in a sentence').fill('Most nights now');
  await review.getByRole('group', { name: '2. Feel close to my sister again' }).getByRole('radio', { name: 'Let it go' }).check();
  assert.deepEqual(await axeViolations(page), [], 'the review');
  await review.getByRole('button', { name: 'Save my review' }).click();
  await app.status('Review saved: 2 goals rated.').waitFor();
  await page.getByRole('region', { name: 'Goals achieved or let go' }).getByText('Feel close to my sister again').waitFor();
  await app.goTo('Today');
  assert.equal(await page.getByRole('region', { name: 'Review your goals' }).count(), 0, 'reviewed: nothing more to ask');

  // The goal's page: the chain and the ratings with the session marked.
  await app.goTo('My plan');
  await page.getByRole('link', { name: 'Sleep through the night' }).click();
  const ratings = page.getByRole('table', { name: /Ratings of this goal/ });
  assert.match(await ratings.textContent(), /\(review\)5 of 10Most nights now/);
  assert.match(await page.getByRole('img', { name: /Ratings from .*: 3 at first, 5 now\./ }).textContent(), /S1/);
  await page.screenshot({ path: artifact('goal-page.png'), fullPage: true }).catch(() => {});

  // The summary and the CSV carry them.
  await app.goTo('Share');
  const preview = page.getByRole('article', { name: 'Summary preview' });
  await preview.getByRole('heading', { name: 'Treatment goals' }).waitFor();
  const text = await preview.textContent();
  assert.match(text, /1\. Sleep through the night/);
  assert.match(text, /When set: 3 of 10/);
  assert.match(text, /Rated 5 of 10 on .+?: Most nights now/);
  assert.match(text, /Intention: To rest without guilt/);
  assert.match(text, /Step \(open\): Screens off at ten/);
  assert.match(text, /Let go on/);
  const csv = await download(page, 'Download check-ins (CSV)');
  const rows = csv.text.split('\r\n').filter((r) => r.startsWith('goal-rating,'));
  assert.equal(rows.length, 4, csv.text);
  assert.match(csv.text, /\r\ngoal-rating,[^,]+,,,,,,,Most nights now,,5,.*,Sleep through the night\r\n/);

  // Deleted by mistake, and brought back.
  await app.goTo('My plan');
  await page.getByRole('link', { name: 'Sleep through the night' }).click();
  const holding = (words) => page.evaluate((w) => Object.entries(localStorage).filter(([k, v]) => k.startsWith('riverside:') && v.includes(w)).map(([k]) => k), words);
  const linked = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('riverside:l:')).length);
  assert.equal((await holding('Most nights now')).length, 1, 'the review rating is stored');
  await page.getByRole('button', { name: 'Delete goal' }).click();
  // Its ratings (with the patient's sentences) and its links go with it, in one change.
  await app.status(/^Goal deleted, with its \d+ ratings\./).waitFor();
  assert.deepEqual(await holding('Most nights now'), [], 'no sentence of its ratings is left');
  assert.ok(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('riverside:l:')).length) < linked, 'its links go too');
  await app.undo();
  await page.getByRole('link', { name: 'Sleep through the night' }).waitFor();
  assert.equal((await holding('Most nights now')).length, 1, 'undo brings the ratings back');
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('riverside:l:')).length), linked, 'and the links');

  // Everything comes back in a new profile.
  await app.goTo('Share');
  const backup = await download(page, 'Download a full backup');
  const restored = await restoreIntoNewProfile(app, backup, '/hosts/plain.html');
  await restored.other.goTo('My plan');
  await restored.page.getByRole('link', { name: 'Sleep through the night' }).click();
  await restored.page.getByRole('region', { name: 'Intentions' }).getByText('To rest without guilt').waitFor();
  await restored.page.getByRole('region', { name: 'Action steps' }).getByText('Screens off at ten').waitFor();
  assert.match(await restored.page.getByRole('table', { name: /Ratings of this goal/ }).textContent(), /Most nights now/);
  assert.deepEqual(restored.audit.problems, []);
  await restored.context.close();
});

journey('a goal cannot be a sixth open one, and old #/steps links land on the plan', async ({ app, page }) => {
  await app.open('/#/steps');
  await page.getByRole('heading', { name: 'My goals' }).waitFor();
  assert.equal(await app.currentView(), 'My plan');
  for (const n of [1, 2, 3, 4, 5]) await setGoal(app, page, `Goal number ${n}`, '', n);
  await page.getByText('You have 5 goals open, the most Afterglow keeps at once.').waitFor();
  assert.equal(await page.getByLabel('What I want from treatment').count(), 0);
});

for (const [size, viewport] of Object.entries({ phone: { width: 360, height: 640 }, desktop: { width: 1280, height: 900 } })) {
  for (const colorScheme of ['light', 'dark']) {
    journey(`the plan's views pass axe on a ${size}, ${colorScheme}, and work by keyboard`, async ({ app, page }) => {
      await app.open('/hosts/plain.html');
      // The navigation keeps to two rows at most.
      const rows = await app.nav().getByRole('link').evaluateAll((links) => new Set(links.map((l) => Math.round(l.getBoundingClientRect().top))).size);
      assert.ok(rows <= 2, `the navigation takes ${rows} rows`);
      await page.getByRole('region', { name: 'Set your goals' }).getByRole('link', { name: 'Set my goals' }).focus();
      await page.keyboard.press('Enter');
      await page.getByLabel('What I want from treatment').focus();
      await page.keyboard.type('Walk every day');
      await page.keyboard.press('Tab');
      await page.keyboard.type('My legs feel strong');
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowRight');
      await page.getByRole('button', { name: 'Set this goal' }).focus();
      await page.keyboard.press('Enter');
      await app.status('Goal set.').waitFor();
      assert.deepEqual(await axeViolations(page), [], 'plan');
      await page.getByRole('link', { name: 'Walk every day' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Walk every day' }).waitFor();
      await page.getByRole('button', { name: 'Save rating' }).focus();
      await page.keyboard.press('Enter');
      await app.status('Rating saved.').waitFor();
      assert.deepEqual(await axeViolations(page), [], 'goal page');
      await page.screenshot({ path: artifact(`goal-${size}-${colorScheme}.png`), fullPage: true }).catch(() => {});
      await page.getByRole('link', { name: '← My plan' }).click();
      await page.getByRole('link', { name: 'Review my goals' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('radio', { name: 'Achieved' }).focus();
      await page.keyboard.press('Space');
      assert.deepEqual(await axeViolations(page), [], 'review');
      await page.getByRole('button', { name: 'Save my review' }).focus();
      await page.keyboard.press('Enter');
      await app.status('Review saved: 1 goal rated.').waitFor();
      await page.screenshot({ path: artifact(`plan-${size}-${colorScheme}.png`), fullPage: true }).catch(() => {});
    }, { viewport, colorScheme });
  }
}

journey('a goal page keeps what is typed while the goal changes; a link undone and redone; a check-in note deleted and brought back', async ({ app, page, context, baseUrl }) => {
  await app.open('/hosts/plain.html');
  await app.chooseStage('Preparation');
  await app.write('To rest without guilt');
  await app.markIntention();
  await app.save();
  await app.goTo('My plan');
  // A goal set with the slider left alone has no rating, not a 3.
  await page.getByLabel('What I want from treatment').fill('Walk every day');
  assert.match(await page.getByRole('slider', { name: /How close am I now/ }).getAttribute('aria-valuetext'), /Not rated yet/);
  await page.getByRole('button', { name: 'Set this goal' }).click();
  await app.status('Goal set.').waitFor();
  await page.getByRole('region', { name: 'My goals' }).locator('.ag-goal__rating').filter({ hasText: 'Not rated yet' }).waitFor();
  await setGoal(app, page, 'Sleep through the night', '', 3);
  await page.getByRole('link', { name: 'Sleep through the night' }).click();
  await link(page, app, 'Link an intention', 'To rest without guilt');

  // A sentence typed under "Rate it now", then the goal reworded here and a sign set in
  // another tab: the sentence is still there.
  const sentence = page.getByLabel('In a sentence (optional)');
  await sentence.fill('Two good nights this week');
  await page.getByText('Change its words').click();
  await page.getByLabel('The goal', { exact: true }).fill('Sleep six hours');
  await page.getByRole('button', { name: 'Save the new words' }).click();
  await app.status('Goal changed. Its earlier words and ratings are kept.').waitFor();
  await page.getByRole('heading', { name: 'Sleep six hours' }).waitFor();
  assert.equal(await sentence.inputValue(), 'Two good nights this week', 'rewording here keeps the sentence');
  const { page: other, app: otherApp } = await secondTab(context, baseUrl, '/hosts/plain.html');
  await otherApp.goTo('My plan');
  await other.getByRole('link', { name: 'Sleep six hours' }).click();
  await other.getByText('Change its words').click();
  await other.getByLabel("How I'd know it's better").fill('I wake up rested');
  await other.getByRole('button', { name: 'Save the new words' }).click();
  await otherApp.status('Goal changed. Its earlier words and ratings are kept.').waitFor();
  await page.getByText("How I'd know it's better: I wake up rested").waitFor();
  assert.equal(await sentence.inputValue(), 'Two good nights this week', 'another tab\u2019s change keeps it too');
  await other.close();

  // Unlinked, then brought back with one Undo.
  const intentions = page.getByRole('region', { name: 'Intentions' });
  const unlink = intentions.getByRole('button', { name: 'Unlink: To rest without guilt' });
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
  await page.getByRole('region', { name: 'Follow-up check-in' }).getByRole('link', { name: 'Start a check-in' }).click();
  await page.getByLabel('Things I want to discuss with my team').fill('How to keep sleep on track');
  await page.getByRole('button', { name: 'Save and make my note' }).click();
  await app.status('Check-in saved. Your note is below, ready to print.').waitFor();
  await page.getByRole('button', { name: 'Delete this check-in' }).click();
  await app.status('Check-in deleted.').waitFor();
  assert.equal(await page.getByRole('article', { name: 'Note for my team' }).count(), 0);
  await app.undo();
  await app.status('Restored.').waitFor();
  await app.reload();
  await app.goTo('My plan');
  await page.getByRole('region', { name: 'Follow-up check-in' }).getByText(/^Last one: /).waitFor();
});
