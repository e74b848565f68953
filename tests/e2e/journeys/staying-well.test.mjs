// Follow-up, as a patient lives it: a plan for staying well written with two thresholds
// of their own (a wrong number refused in words), shown gently on Today when their own
// numbers cross them, with the clinic's number, then "not now"; printed alone and in the
// summary only when ticked. A follow-up check-in with the figures then and now, its note
// printed alone and in the summary; the summary downloaded and remembered ("Shared with
// your therapist", removable with undo, "since the last summary I shared"); all of it
// restored into a new profile. Then the new screens by keyboard and axe at 360 px and
// desktop, light and dark, with a phone's one-row bar and its "More".
import assert from 'node:assert/strict';
import { fillLeaving, journey, restoreIntoNewProfile, secondTab, artifact } from '../harness/fixture.mjs';
import { axeViolations } from '../harness/axe.mjs';
import { printed } from '../harness/pdf.mjs';
import {
  checkInRecord, goalRatingRecord, goalRecord, journalStore, plantOnce, questionnaireRecord, recordId, sessionRecord,
} from '../harness/seed.mjs';

const DAY = 86_400_000;
const NOW = Date.now();

/**
 * Riverside's follow-up journal: a PHQ-9 of 16 before the first of four sessions (75 to
 * 65 days ago) and 12 twenty days ago; mood 3 in the two weeks before the first session
 * and again in the last two weeks; a goal rated 2 when set and 6 in a review.
 */
function followUp() {
  const records = [];
  const at = (days) => NOW - days * DAY;
  records.push(questionnaireRecord({ id: recordId(at(80), 1), at: at(80), ans: [2, 2, 2, 2, 2, 2, 2, 2, 0] }));
  records.push(questionnaireRecord({ id: recordId(at(20), 2), at: at(20), ans: [2, 2, 2, 2, 2, 1, 1, 0, 0] }));
  [75, 72, 68, 65].forEach((d, i) => records.push(sessionRecord({ id: recordId(at(d), 10 + i), at: at(d), n: i + 1 })));
  for (let d = 88; d >= 76; d -= 1) records.push(checkInRecord({ id: recordId(at(d), 100 + d), at: at(d), s: 'preparation', m: 3, a: 5, en: 4 }));
  for (let d = 12; d >= 0; d -= 1) records.push(checkInRecord({ id: recordId(at(d) - 3_600_000, 300 + d), at: at(d) - 3_600_000, s: 'follow-up', m: 3, a: 5, en: 4 }));
  const goal = recordId(at(85), 500);
  records.push(goalRecord({ id: goal, t: 'Sleep through the night', c: at(85) }));
  records.push(goalRatingRecord({ id: recordId(at(85), 501), g: goal, at: at(85), sc: 2 }));
  records.push(goalRatingRecord({ id: recordId(at(10), 502), g: goal, at: at(10), sc: 6, t: 'Most nights', rv: true }));
  return plantOnce(journalStore({ namespace: 'riverside', prefs: { stage: 'follow-up', w: true }, records }));
}

/** Waits until start-up has read every record (the archive's work of the visit is over). */
async function archiveRead(page) {
  await page.waitForFunction(() => performance.getEntriesByName('ag:archive-folded').length > 0);
}

async function writePlan(app) {
  const staying = app.stayingWell();
  await staying.fillPart('My early warning signs', 'Sleeping past noon\nCancelling on friends');
  await staying.fillPart('What helps', 'A walk before breakfast');
  await staying.fillPart('People I can contact', 'Sam, 555 0100');
  await staying.fillPart('When I will call my clinic', 'Two bad weeks in a row');
  await staying.when('My 7-day mood stays low').check();
  await staying.fillPart('Below (1-10)', '4');
  await staying.fillPart('Days in a row', '40');
  await staying.saveButton().click();
  await app.alert().filter({ hasText: 'The mood to notice is a number from 1 to 10, for 1 to 28 days. Nothing was saved yet.' }).waitFor();
  await staying.fillPart('Days in a row', '3');
  await staying.when('My latest PHQ-9 (last 30 days) is high').check();
  await staying.fillPart('At or above (1-27)', '10');
  await staying.save();
}

journey('a plan for staying well: written with thresholds, shown gently on Today when crossed, then not now', async ({ app, page, context, baseUrl }) => {
  const staying = app.stayingWell();
  const share = app.share();
  await app.open('/hosts/plain.html');
  await staying.invite().waitFor();
  await staying.inviteLink().click();
  await staying.heading().waitFor();
  // A full device: refused in words, the words kept on screen, saved once there is room.
  await staying.fillPart('My early warning signs', 'Sleeping past noon');
  await fillLeaving(page, 10);
  await staying.saveButton().click();
  await app.alert().filter({ hasText: 'storage for Afterglow is full' }).waitFor();
  assert.equal(await staying.part('My early warning signs').inputValue(), 'Sleeping past noon');
  assert.equal(await staying.notSavedYet().count(), 1);
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('filler-')) localStorage.removeItem(k); });
  await writePlan(app);
  assert.deepEqual(await axeViolations(page), [], 'the plan page');

  const md = await staying.downloadMarkdown();
  assert.match(md.name, /^afterglow-staying-well-\d{4}-\d{2}-\d{2}\.md$/);
  assert.match(md.text, /^# My plan for staying well\n\n## My early warning signs\n\n- Sleeping past noon\n- Cancelling on friends\n/);
  assert.match(md.text, /## When Afterglow shows me this plan\n\n- My 7-day mood stays below 4 for 3 days in a row\n- My PHQ-9 is 10 or more\n/);
  const pdf = await printed(page);
  assert.equal(pdf.pages, 1, pdf.text);
  assert.match(pdf.text, /My plan for staying well My early warning signs Sleeping past noon Cancelling on friends What helps A walk before breakfast/);
  assert.doesNotMatch(pdf.text, /Get help now|Save my plan|Journal|Riverside Clinic: your journal/, 'only the plan prints');

  // Today: both of the patient's own thresholds are crossed; the plan, gently, with the clinic's number.
  await app.goTo('Today');
  const card = staying.moment();
  await card.waitFor();
  const text = await card.textContent();
  assert.match(text, /Your 7-day mood has been below 4 for 3 days in a row \(it is 3\.0 now\), as your plan asked to notice\./);
  assert.match(text, /Your latest PHQ-9 is 12: at or above the 10 your plan asked to notice\./);
  assert.match(text, /Sleeping past noon/);
  assert.doesNotMatch(text, /dose|booster|diagnos|medication/i);
  assert.equal(await card.getByRole('link', { name: 'Call Riverside Clinic (+442079460000)' }).getAttribute('href'), 'tel:+442079460000');
  assert.equal(await staying.invite().count(), 0);
  assert.deepEqual(await axeViolations(page), [], 'Today with the plan shown');

  // A second tab has the plan (and its card) too.
  const { page: other, app: otherApp } = await secondTab(context, baseUrl, '/hosts/plain.html');
  await otherApp.stayingWell().moment().waitFor();
  await otherApp.goTo('My plan');
  await otherApp.stayingWell().card().getByText('Cancelling on friends').waitFor();
  await other.close();

  await staying.notNow();
  assert.equal(await card.count(), 0);
  await app.reload();
  await archiveRead(page);
  assert.equal(await staying.moment().count(), 0, 'still quiet after a reload');

  // In the summary only when ticked.
  await app.goTo('Share');
  const preview = share.preview();
  assert.doesNotMatch(await preview.textContent(), /Cancelling on friends/);
  await share.include('My plan for staying well').check();
  await preview.getByText('Cancelling on friends').waitFor();
  const summary = await share.downloadMarkdown();
  assert.match(summary.text, /## My plan for staying well\n\n### My early warning signs\n\n- Sleeping past noon\n/);
}, { initScript: followUp() });

journey('a follow-up check-in: then and now, a note printed; the summary shared, remembered and restored', async ({ app, page }) => {
  const followUp = app.followUp();
  const share = app.share();
  await app.open('/hosts/plain.html');
  await app.goTo('My plan');
  await followUp.start();
  await followUp.heading().waitFor();
  await followUp.figure('Since my last session (session 4): 9 weeks').first().waitFor();
  await followUp.figure(/^PHQ-9: 16 at the baseline \(.+\), 12 most recently \(.+\)$/).waitFor();
  await followUp.figure(/^Mood \(0-10\): 3\.0 in the 14 days before my first session \(13 check-ins\); 3\.0 in the last 14 days \(13 check-ins\)$/).waitFor();
  await followUp.figure('Goal “Sleep through the night”: 2 of 10 when set, 6 now').waitFor();
  await followUp.field('What do you notice?').fill('Sleep is better; work stress is back');
  await followUp.field('Things I want to discuss with my team').fill('How to keep sleep on track\nWhat to do if low weeks return');
  // A full device: refused in words, the words kept.
  await fillLeaving(page, 10);
  await followUp.saveButton().click();
  await app.alert().filter({ hasText: 'storage for Afterglow is full' }).waitFor();
  assert.equal(await followUp.field('What do you notice?').inputValue(), 'Sleep is better; work stress is back');
  assert.equal(await followUp.note().count(), 0);
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('filler-')) localStorage.removeItem(k); });
  await followUp.save();
  const note = followUp.note();
  await note.getByText('What to do if low weeks return').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the check-in and its note');

  const pdf = await printed(page);
  assert.equal(pdf.pages, 1, pdf.text);
  assert.match(pdf.text, /Things I want to discuss with my team .* How to keep sleep on track What to do if low weeks return What I notice Sleep is better; work stress is back Where I am Since my last session \(session 4\): 9 weeks/);
  assert.match(pdf.text, /This note is for the conversation with my team; it decides nothing\./);
  assert.doesNotMatch(pdf.text, /Save and make my note|Get help now|Download as Markdown/, 'only the note prints');
  assert.doesNotMatch(pdf.text, /dose|booster|diagnos/i);

  // The summary carries the note; downloading it is remembered, not its text.
  await app.goTo('Share');
  const preview = share.preview();
  await preview.getByText('How to keep sleep on track').waitFor();
  assert.equal(await share.shared().count(), 0, 'nothing shared yet');
  const summary = await share.downloadMarkdown();
  assert.match(summary.text, /## Follow-up check-ins\n\n### Follow-up check-in\n\n.+\n\n#### Things I want to discuss with my team\n\n- How to keep sleep on track\n/);
  const shared = share.shared();
  await share.downloaded().waitFor();
  // What the summary held, not what was ticked: no empty section, never "Group entries by stage".
  const held = (await shared.textContent()).match(/to [^:]+: ([^]*?)Remove/)?.[1] ?? '';
  assert.equal(held.trim(), 'Mood check-ins, Treatment goals, Follow-up check-ins', 'the PHQ-9s are older than the period');
  assert.doesNotMatch(held, /Group entries by stage|Intentions|Journal entries|Insights and steps/, held);
  assert.doesNotMatch(await shared.textContent(), /How to keep sleep on track/, 'never the text');
  assert.deepEqual(await axeViolations(page), [], 'Share with the list');

  // "Since the last summary I shared": from the day it was shared.
  const today = await share.date('To').inputValue();
  await share.period('Since the last summary I shared');
  assert.equal(await share.date('From').inputValue(), today);

  // Removed from the list, and back with undo.
  await share.removeShared();
  assert.equal(await shared.count(), 0);
  await app.undoButton().click();
  await share.downloaded().waitFor();

  // A plan for staying well, then everything restored into a new profile.
  await app.goTo('My plan');
  await app.stayingWell().writeLink().click();
  await writePlan(app);
  await app.goTo('Share');
  const backup = await share.downloadBackup();
  const restored = await restoreIntoNewProfile(app, backup);
  await restored.other.goTo('Share');
  await restored.other.share().downloaded().waitFor();
  await restored.other.goTo('My plan');
  await restored.other.followUp().lastOne().waitFor();
  await restored.other.goals().goalLink('Sleep through the night').waitFor();
  await restored.other.stayingWell().card().getByText('Cancelling on friends').waitFor();
  assert.deepEqual(restored.audit.problems, []);
  await restored.context.close();
}, { initScript: followUp() });

for (const [width, scheme] of [[360, 'light'], [360, 'dark'], [1280, 'light'], [1280, 'dark']]) {
  journey(`the plan for staying well, the check-in and the navigation by keyboard, axe clean at ${width} px, ${scheme}`, async ({ app, page }) => {
    const staying = app.stayingWell();
    const followUp = app.followUp();
    await app.open('/hosts/plain.html');
    await staying.invite().waitFor();
    assert.deepEqual(await axeViolations(page), [], 'Today in follow-up');
    const nav = app.nav();
    const visible = await nav.locator('a:visible, button:visible').evaluateAll((els) => new Set(els.map((e) => Math.round(e.getBoundingClientRect().top))).size);
    assert.ok(visible <= (width === 360 ? 1 : 2), `the navigation takes ${visible} rows`);
    if (width === 360) {
      // The phone bar: "More" opens by Enter and closes by Escape; Tab to Share, Enter.
      const more = app.moreViews();
      await more.focus();
      await page.keyboard.press('Enter');
      assert.equal(await more.getAttribute('aria-expanded'), 'true');
      assert.deepEqual(await axeViolations(page), [], 'the bar with More open');
      await page.screenshot({ path: artifact(`bar-more-${scheme}.png`) });
      await page.keyboard.press('Escape');
      assert.equal(await more.getAttribute('aria-expanded'), 'false');
      // Escape from a link inside "More" hides it and gives focus back to "More",
      // never to the page's body.
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await app.waitForFocus((f) => f?.tag === 'A');
      await page.keyboard.press('Escape');
      assert.equal(await more.getAttribute('aria-expanded'), 'false');
      const back = await app.focused();
      assert.ok(back?.tag === 'BUTTON' && back.name.startsWith('More'), `focus after Escape: ${JSON.stringify(back)}`);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await app.waitForFocus((f) => f?.name === 'Share');
      await page.keyboard.press('Enter');
      await app.share().heading().waitFor();
      assert.match(await more.textContent(), /More, now Share/);
    }
    // The plan for staying well by keyboard: Tab to the link, Enter, type, save with Enter.
    await app.goTo('My plan');
    await staying.writeLink().focus();
    await page.keyboard.press('Enter');
    await staying.part('My early warning signs').focus();
    await page.keyboard.type('Sleeping past noon');
    await staying.when('My latest PHQ-9 (last 30 days) is high').focus();
    await page.keyboard.press('Space');
    await staying.saveButton().focus();
    await page.keyboard.press('Enter');
    await app.status('Plan for staying well saved.').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the plan page');
    await page.screenshot({ path: artifact(`well-plan-${width}-${scheme}.png`), fullPage: true });
    // Today shows it (the PHQ-9 of 12 crosses 10).
    await app.goTo('Today');
    await staying.moment().waitFor();
    assert.deepEqual(await axeViolations(page), [], 'Today with the plan');
    await page.screenshot({ path: artifact(`well-today-${width}-${scheme}.png`), fullPage: true });
    // The check-in by keyboard.
    await app.goTo('My plan');
    await followUp.startLink().focus();
    await page.keyboard.press('Enter');
    await followUp.field('Things I want to discuss with my team').focus();
    await page.keyboard.type('Sleep');
    await followUp.saveButton().focus();
    await page.keyboard.press('Enter');
    await followUp.note().waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the check-in with its note');
    if (width === 360) await page.screenshot({ path: artifact(`check-in-phone-${scheme}.png`), fullPage: true });
    else await page.screenshot({ path: artifact(`check-in-desktop-${scheme}.png`), fullPage: true });
  }, { initScript: followUp(), viewport: { width, height: 900 }, colorScheme: scheme });
}

journey('a clinic without the PHQ-9 offers only the mood rule, and a PHQ-9 rule set before can still be turned off', async ({ app, page }) => {
  const staying = app.stayingWell();
  const host = (questionnaires) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src data:">
    <link rel="icon" href="data:,"><title>Brookside</title><script type="module" src="/afterglow.js"></script></head>
    <body><main><div data-afterglow data-namespace="brookside" data-clinic="Brookside" data-questionnaires="${questionnaires}"></div></main></body></html>`;
  let offered = 'phq9,gad7';
  await page.route('**/hosts/brookside.html', (route) => route.fulfill({ contentType: 'text/html', body: host(offered) }));
  // With the PHQ-9 offered, the patient sets both rules.
  await app.open('/hosts/brookside.html');
  await app.chooseStage('Follow-up');
  await staying.invite().waitFor();
  await staying.inviteLink().click();
  await staying.heading().waitFor();
  await staying.when('My 7-day mood stays low').check();
  await staying.when('My latest PHQ-9 (last 30 days) is high').check();
  await staying.save();
  // The clinic stops offering it: a rule already on stays, so it can be turned off.
  offered = 'gad7';
  await app.reload();
  await staying.heading().waitFor();
  assert.ok(await staying.when('My latest PHQ-9 (last 30 days) is high').isChecked());
  await staying.when('My latest PHQ-9 (last 30 days) is high').uncheck();
  await staying.save();
  await app.reload();
  await staying.heading().waitFor();
  // Off, and not offered: gone. The mood rule, the patient's own numbers, stays.
  assert.equal(await staying.when('My latest PHQ-9 (last 30 days) is high').count(), 0);
  assert.ok(await staying.when('My 7-day mood stays low').isChecked());
  assert.deepEqual(await axeViolations(page), []);
});
