// Mood tracking as a patient uses it: quick check-ins by keyboard, the chart with session
// markers and its table, PHQ-9 / GAD-7 scored with their bands, and crisis resources the
// moment PHQ-9 item 9 is answered above 0, and from every view in one step.
import assert from 'node:assert/strict';
import { journey, within } from '../harness/fixture.mjs';
import { axeViolations } from '../harness/axe.mjs';
import { VIEWS } from '../harness/views.mjs';
import { generateJournal, journalStore, plantOnce, questionnaireRecord, recordId } from '../harness/seed.mjs';

const week = generateJournal({ days: 7, seed: 11, entries: false });

journey(
  'a week of check-ins: the chart marks the session, says the trend, and its table matches',
  async ({ app, page }) => {
    await app.open('/#/mood');
    await app.checkIn({ mood: 8, anxiety: 1, energy: 6, sleep: '7,5', emotions: ['calm', 'hopeful'], note: 'A good walk.' });
    await app.reload();

    const mood = app.mood();
    const chart = app.moodChart();
    await mood.showRange('2 weeks');
    const description = await chart.evaluate((svg) => svg.getRootNode().getElementById(svg.getAttribute('aria-describedby')).textContent);
    assert.match(description, /Mood \(7-day average\) (rose|fell|stayed about the same)/);
    assert.match(description, /Anxiety \(7-day average\)/);
    assert.equal(await chart.locator('path.ag-line--mood.ag-line--avg').count(), 1);
    assert.equal(await chart.locator('path.ag-line--anxiety.ag-line--avg').count(), 1);

    await mood.showTable();
    const table = mood.table();
    await table.locator('tbody tr').first().waitFor();
    const rows = await table.locator('tbody tr').count();
    const days = new Set(
      Object.entries(week)
        .filter(([k]) => k.includes(':c:'))
        .map(([, v]) => new Date(JSON.parse(v).at).toDateString()),
    );
    days.add(new Date().toDateString());
    assert.equal(rows, days.size, 'one row per day with check-ins');
    const today = await table.locator('tbody tr').first().locator('td').allTextContents();
    const seededToday = Object.entries(week)
      .filter(([k, v]) => k.includes(':c:') && new Date(JSON.parse(v).at).toDateString() === new Date().toDateString())
      .map(([, v]) => JSON.parse(v).m);
    const expected = [...seededToday, 8].reduce((a, b) => a + b, 0) / (seededToday.length + 1);
    assert.equal(today[0], expected.toFixed(1), "today's mood is the mean of today's check-ins");
    await mood.recent().getByText(/slept 7.5\u00a0h; calm, hopeful/).waitFor();
    assert.deepEqual(await axeViolations(page), []);
  },
  { initScript: plantOnce(week) },
);

journey('a dosing session shows as a marker on the chart', async ({ app, page }) => {
  await app.open();
  await app.justHadSession();
  await app.goTo('Mood');
  await app.checkIn({ mood: 6 });
  const chart = app.moodChart();
  assert.equal(await chart.locator('line.ag-marker').count(), 1);
  assert.equal(await chart.locator('text.ag-marker__label').textContent(), 'S1');
  const description = await chart.evaluate((svg) => svg.getRootNode().getElementById(svg.getAttribute('aria-describedby')).textContent);
  assert.match(description, /Dosing sessions marked: 1\./);
});

journey('PHQ-9 item 9 above 0 shows crisis resources at once; scores get their band', async ({ app, page }) => {
  const mood = app.mood();
  await app.open('/#/mood');
  await app.answer('PHQ-9', [null, null, null, null, null, null, null, null, 1]);
  const alert = mood.crisisAlert();
  await alert.waitFor();
  assert.match(await alert.textContent(), /nobody at your clinic sees this journal/);
  const hrefs = await alert.locator('a[href^="tel:"], a[href^="sms:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(hrefs, ['tel:988', 'sms:988', 'tel:911']);
  assert.deepEqual(await axeViolations(page), []);

  const options = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];
  const answers = [2, 2, 1, 2, 1, 1, 1, 0, 1];
  for (const [i, a] of answers.entries()) {
    await mood.item(i + 1).getByRole('radio', { name: options[a], exact: true }).check();
  }
  await mood.saveButton('PHQ-9').click();
  await app.status('PHQ-9 saved: 11 of 27, moderate.').waitFor();
  await app.reload();
  await mood.says(/Last: 11 \(moderate\)/).waitFor();
  const scores = mood.scoresChart('PHQ-9');
  assert.equal(await scores.locator('circle').count(), 1);
  assert.match(await mood.says(/^PHQ-9: 11 \(moderate\)/).textContent(), /baseline/);
  assert.match(await mood.says(/^Developed by Drs\. Robert L\. Spitzer/).textContent(), /No permission required/);
});

journey('an incomplete GAD-7 is not saved and says what is missing', async ({ app, page }) => {
  await app.open('/#/mood');
  await app.answer('GAD-7', [3, 3, 3]);
  await app.mood().saveButton('GAD-7').click();
  await app.alert().filter({ hasText: 'Please answer every question (3 of 7 answered).' }).waitFor();
  assert.equal(await app.mood().crisisAlert().count(), 0, 'GAD-7 never triggers item-9 help');
});

journey('crisis resources are one step away from every view', async ({ app, page }) => {
  const help = app.safetyPlan();
  await app.open();
  for (const view of VIEWS) {
    await app.goTo(view);
    const button = help.helpButton();
    await button.click();
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    const panel = help.helpPanel();
    assert.ok((await panel.locator('a[href="tel:988"]').count()) === 1, `988 on ${view}`);
    await button.click();
    assert.equal(await panel.count(), 0);
  }
});

journey(
  'ten years of check-ins: the all-time chart stays within a pixel budget',
  async ({ app, page }) => {
    await app.open('/#/mood');
    await app.mood().showRange('All');
    const d = await app.moodChart().locator('path.ag-line--mood.ag-line--avg').getAttribute('d');
    const points = d.split(/[ML]/).filter(Boolean).length;
    assert.ok(points > 100 && points <= 800, `${points} points drawn for 3,650 days`);
    assert.equal(await app.moodChart().locator('path.ag-line--mood.ag-line--raw').getAttribute('d'), '', 'no daily line over ten years');
    const description = await app.moodChart().evaluate((svg) => svg.getRootNode().getElementById(svg.getAttribute('aria-describedby')).textContent);
    assert.match(description, /between [^.]*\b20\d\d and [^.]*\b20\d\d\./, 'long ranges name the year');
    const ms = await page.evaluate(() => performance.getEntriesByName('ag:chart').map((e) => e.duration));
    console.log(`all-time chart build (ms, each draw): ${ms.map((x) => x.toFixed(1)).join(', ')}`);
    assert.ok(ms.length >= 2, 'the app marks each chart build');
  },
  { initScript: plantOnce(generateJournal({ days: 3650, seed: 5, entries: false })) },
);

journey('a questionnaire never taken is offered plainly, not "again"', async ({ app, page }) => {
  const mood = app.mood();
  await app.open('/#/mood');
  assert.equal(await mood.says(/answer the PHQ-9 again/).count(), 0);
  assert.equal(await mood.scores().count(), 0);
  assert.equal(await mood.says('Not taken yet.').count(), 2);
});

/** A journal holding one PHQ-9 (6, mild) taken `daysAgo` days ago. */
function seededResult(daysAgo) {
  const at = Date.now() - daysAgo * 86_400_000;
  return journalStore({ records: [questionnaireRecord({ id: recordId(at, 1), i: 'phq9', at, ans: [1, 1, 1, 1, 1, 1, 0, 0, 0] })] });
}

journey(
  'a PHQ-9 taken 15 days ago is gently suggested again on Today and Mood',
  async ({ app, page }) => {
    const mood = app.mood();
    await app.open();
    const reminder = mood.says(/It has been 14 days since your last PHQ-9/);
    await reminder.waitFor();
    await mood.answerUnderMood();
    await mood.says(/a good time to answer the PHQ-9 again/).waitFor();
    assert.equal(await mood.says(/a good time to answer the GAD-7 again/).count(), 0, 'never taken: no nagging');
  },
  { initScript: plantOnce(seededResult(15)) },
);

journey(
  'a PHQ-9 taken 10 days ago is not suggested yet',
  async ({ app, page }) => {
    await app.open();
    await app.goTo('Mood');
    await app.mood().says(/Last: 6 \(mild\)/).waitFor();
    assert.equal(await app.mood().says(/again/).count(), 0);
  },
  { initScript: plantOnce(seededResult(10)) },
);

journey('a check-in can be edited, deleted and brought back', async ({ app, page }) => {
  await app.open('/#/mood');
  await app.checkIn({ mood: 4, note: 'first try' });
  const recent = app.mood().recent();
  await recent.getByRole('button', { name: 'Edit check-in' }).click();
  const slider = recent.getByRole('slider', { name: /^Mood/ });
  assert.equal(await slider.getAttribute('aria-valuetext'), '4 of 10, low');
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await recent.getByRole('button', { name: 'Save changes' }).click();
  await app.status('Check-in updated.').waitFor();
  await app.reload();
  assert.match(await recent.textContent(), /Mood 6, anxiety/);
  assert.equal(await recent.getByRole('listitem').count(), 1, 'an edit does not add a check-in');
  await recent.getByRole('button', { name: 'Delete check-in' }).click();
  await app.undo();
  await app.reload();
  assert.match(await recent.textContent(), /Mood 6, anxiety/);
});

journey('a mistaken questionnaire can be deleted, and brought back', async ({ app, page }) => {
  await app.open('/#/mood');
  const mood = app.mood();
  await app.answer('GAD-7', [0, 0, 0, 0, 0, 0, 0]);
  await mood.saveButton('GAD-7').click();
  await app.status('GAD-7 saved: 0 of 21, minimal.').waitFor();
  await mood.deleteResult('GAD-7');
  assert.equal(await mood.scores().count(), 0);
  await app.undo();
  await app.reload();
  await mood.says(/^Last: 0 \(minimal\)/).waitFor();
});

journey('a first check-in shows on the chart as a dot, not as nothing', async ({ app }) => {
  await app.open('/#/mood');
  await app.checkIn({ mood: 6, anxiety: 3, energy: 5 });
  const d = await app.moodChart().locator('path.ag-line--mood.ag-line--avg').getAttribute('d');
  const [from, to] = d.split('L');
  assert.ok(from.startsWith('M') && to, `one day is a line to itself (round caps draw a dot): ${d}`);
  assert.equal(from.slice(1), to, d);
});

journey(
  'a table is a keyboard stop while it scrolls, and no stop while all of it is in view',
  async ({ app, page }) => {
    await app.open('/#/mood');
    const tabindex = (region) => region.evaluate((r) => r.getAttribute('tabindex'));
    // Four measures before and after the first session fit their box: Tab goes past.
    const beforeAfter = page.getByRole('region', { name: /Averages: the 14 days before/ });
    await beforeAfter.waitFor();
    await within(5000, async () => (await tabindex(beforeAfter)) === null);
    // On a 320 px phone it scrolls sideways, so it is a stop. Focused there, it keeps its
    // stop when the window widens, and gives it up once the focus moves on.
    await page.setViewportSize({ width: 320, height: 700 });
    await within(5000, async () => (await tabindex(beforeAfter)) === '0');
    await beforeAfter.focus();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.waitForTimeout(300);
    assert.equal(await tabindex(beforeAfter), '0', 'a focused region keeps its stop');
    await page.keyboard.press('Tab');
    await within(5000, async () => (await tabindex(beforeAfter)) === null);
    // Three months of daily rows are more than the box shows: the keyboard reaches it,
    // and scrolls it.
    const mood = app.mood();
    await mood.showRange('3 months');
    await mood.showTable();
    const daily = page.getByRole('region', { name: /Daily averages/ });
    await daily.waitFor();
    await within(5000, async () => (await tabindex(daily)) === '0');
    await daily.focus();
    await page.keyboard.press('PageDown');
    await within(2000, async () => (await daily.evaluate((r) => r.scrollTop)) > 0);
    assert.deepEqual(await axeViolations(page), []);
  },
  { initScript: plantOnce(generateJournal({ days: 90, seed: 5, entries: false })) },
);
