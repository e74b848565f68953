// WHO-5 and PCL-5 when a clinic offers them (`data-questionnaires`): off by default; when
// on, their items and answers verbatim with the adapted instruction marked, scored as
// published (WHO-5 raw times 4; PCL-5 0-80), read against their published cut-offs as a
// screen, never a diagnosis, with their attributions in the form and the summary, one
// CSV row per score, restored into a new profile. axe clean with the forms open.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { artifact, journey, restoreIntoNewProfile } from '../harness/fixture.mjs';
import { axeViolations } from '../harness/axe.mjs';

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/** Opens `instrument`'s form and picks the answer labelled `label` for every item. */
async function answerAll(page, instrument, label) {
  await page.getByRole('button', { name: `Answer the ${instrument}` }).click();
  const form = page.locator('form.ag-questionnaire');
  const groups = form.getByRole('group');
  const n = await groups.count();
  for (let i = 0; i < n; i++) await groups.nth(i).getByRole('radio', { name: label, exact: true }).check();
  return n;
}

journey('WHO-5 and PCL-5 are off by default', async ({ app, page }) => {
  await app.open('/');
  await app.goTo('Mood');
  await page.getByRole('button', { name: 'Answer the PHQ-9' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Answer the WHO-5' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Answer the PCL-5' }).count(), 0);
});

journey('a clinic turns on WHO-5 and PCL-5: verbatim, scored as published, attributed, in the summary and CSV', async ({ app, page }) => {
  await app.open('/hosts/questionnaires.html');
  await app.goTo('Mood');
  const items = await answerAll(page, 'WHO-5', 'More than half of the time');
  assert.equal(items, 5);
  const form = page.locator('form.ag-questionnaire');
  await form.getByText('Please indicate for each of the five statements which is closest to how you have been feeling over the last two weeks. Notice that higher numbers mean better well-being.').waitFor();
  await form.getByText('Instructions adapted for a screen; the questions and answers are the form\'s own.').waitFor();
  await form.getByRole('group', { name: '4. I woke up feeling fresh and rested' }).waitFor();
  assert.deepEqual(
    await form.getByRole('group').first().getByRole('radio').evaluateAll((r) => r.map((x) => x.parentElement.textContent.trim())),
    ['All of the time', 'Most of the time', 'More than half of the time', 'Less than half of the time', 'Some of the time', 'At no time'],
  );
  assert.deepEqual(await axeViolations(page), [], 'the WHO-5 form');
  await page.getByRole('button', { name: 'Save WHO-5' }).click();
  // Raw 15, times 4.
  await app.status('WHO-5 saved: 60 of 100, above 50.').waitFor();
  await page.getByText('In the WHO-5\'s published scoring (the 2015 review cited below), 50 or less reads as low well-being and 28 or less as likely depression. It is a screen, not a diagnosis: your team can tell you what it means for you.').waitFor();

  assert.equal(await answerAll(page, 'PCL-5', 'Moderately'), 20);
  await page.locator('form.ag-questionnaire').getByRole('group', { name: '17. Being \u201csuperalert\u201d or watchful or on guard?' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the PCL-5 form');
  await page.getByRole('button', { name: 'Save PCL-5' }).click();
  await app.status('PCL-5 saved: 40 of 80, above the cut-off.').waitFor();
  const cards = page.getByRole('region', { name: 'Questionnaires' });
  assert.match(await cards.textContent(), /WHO-Five Well-Being Index \(WHO-5\), 1998 version\. Psychiatric Research Unit, WHO Collaborating Center in Mental Health/);
  assert.match(await cards.textContent(), /Weathers, F\. W\., Litz, B\. T\., .*The PTSD Checklist for DSM-5 \(PCL-5\) – Standard/);
  // No crisis panel: the item-9 rule is PHQ-9's alone.
  assert.equal(await page.getByRole('region', { name: 'Help, right now' }).count(), 0);
  await page.getByRole('heading', { name: 'WHO-5 scores' }).waitFor();
  await page.getByText(/^WHO-5: 60 \(above 50\) on .+\. The first score is the baseline\.$/).waitFor();

  await app.goTo('Share');
  const preview = page.getByRole('article', { name: 'Summary preview' });
  assert.match(await preview.textContent(), /WHO-5 on .+: 60 of 100, above 50 \(baseline\)/);
  assert.match(await preview.textContent(), /PCL-5 on .+: 40 of 80, above the cut-off \(baseline\)/);
  assert.match(await preview.textContent(), /WHO-5: WHO-Five Well-Being Index/);
  const summary = await download(page, 'Download Markdown');
  assert.match(summary.text, /- WHO-5 on .+: 60 of 100, above 50 \(first score: the baseline\)\n- PCL-5 on .+: 40 of 80, above the cut-off \(first score: the baseline\)\n/);
  assert.match(summary.text, /\nWHO-5: WHO-Five Well-Being Index .*\n\nPCL-5: Weathers/);
  const csv = await download(page, 'Download check-ins (CSV)');
  const rows = csv.text.split('\r\n').filter((r) => r.startsWith('questionnaire,'));
  assert.equal(rows.length, 2, csv.text);
  assert.match(rows.join('\n'), /,WHO-5,60,above 50/);
  assert.match(rows.join('\n'), /,PCL-5,40,above the cut-off/);

  const backup = await download(page, 'Download a full backup');
  const restored = await restoreIntoNewProfile(app, backup);
  await restored.other.goTo('Mood');
  // Restored where only PHQ-9 and GAD-7 are offered: the scores still show.
  await restored.page.getByRole('heading', { name: 'WHO-5 scores' }).waitFor();
  await restored.page.getByRole('heading', { name: 'PCL-5 scores' }).waitFor();
  assert.deepEqual(restored.audit.problems, []);
  await restored.context.close();
});

/** Presses Tab until the focused element satisfies `check` (at most `limit` times). */
async function tabTo(app, page, check, limit = 120) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (check(await app.focused())) return;
  }
  throw new Error(`Tab never reached ${check}`);
}

for (const [width, scheme] of [[360, 'light'], [360, 'dark'], [1280, 'dark']]) {
  journey(`the WHO-5 and PCL-5 forms and the Shared list are axe clean at ${width} px, ${scheme}; print, copy and share are each remembered`, async ({ app, page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await app.open('/hosts/questionnaires.html');
    await app.goTo('Mood');
    await answerAll(page, 'WHO-5', 'Some of the time');
    assert.deepEqual(await axeViolations(page), [], 'the WHO-5 form');
    await page.getByRole('button', { name: 'Save WHO-5' }).click();
    await app.status(/WHO-5 saved: 20 of 100, likely depression/).waitFor();
    await page.getByText("A questionnaire's band is a screen, not a diagnosis: your team can tell you what it means for you.").first().waitFor();
    await answerAll(page, 'PCL-5', 'A little bit');
    assert.deepEqual(await axeViolations(page), [], 'the PCL-5 form');
    await page.getByRole('button', { name: 'Save PCL-5' }).click();
    await app.status(/PCL-5 saved: 20 of 80/).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the score charts with their bands');

    await app.goTo('Share');
    await page.getByRole('article', { name: 'Summary preview' }).getByText(/WHO-5 on /).waitFor();
    await page.getByRole('button', { name: 'Print or save as PDF' }).click();
    const shared = page.getByRole('region', { name: 'Shared with your therapist' });
    await shared.getByText(/, printed or saved as PDF$/).waitFor();
    await page.getByRole('button', { name: /^Copy/ }).click();
    await shared.getByText(/, copied$/).waitFor();
    const share = page.getByRole('button', { name: /^Share/ });
    if (await share.count()) {
      await share.click();
      await shared.getByText(/, shared$/).waitFor();
    }
    assert.match(await shared.textContent(), /Questionnaire scores/);
    assert.deepEqual(await axeViolations(page), [], 'Share with the Shared list');
    await page.screenshot({ path: artifact(`shared-${width}-${scheme}.png`), fullPage: true });

    // My plan and the follow-up check-in by keyboard alone: Tab, Enter, type.
    await app.goTo('Today');
    await app.justHadSession();
    await app.chooseStage('Follow-up');
    await app.goTo('My plan');
    await tabTo(app, page, (f) => f?.tag === 'A' && f.name === 'Start a check-in');
    await page.keyboard.press('Enter');
    await page.getByLabel('What do you notice?').waitFor();
    await tabTo(app, page, (f) => f?.tag === 'TEXTAREA');
    await page.keyboard.type('Sleeping better');
    await tabTo(app, page, (f) => f?.tag === 'BUTTON' && f.name === 'Save and make my note');
    await page.keyboard.press('Enter');
    await app.status('Check-in saved. Your note is below, ready to print.').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the check-in and its note');
  }, {
    viewport: { width, height: 900 },
    colorScheme: scheme,
    initScript: () => {
      window.print = () => {};
      navigator.canShare = () => true;
      navigator.share = async () => {};
    },
  });
}
