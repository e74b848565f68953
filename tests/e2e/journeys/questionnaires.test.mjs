// WHO-5 and PCL-5 when a clinic offers them (`data-questionnaires`): off by default; when
// on, their items and answers verbatim with the adapted instruction marked, scored as
// published (WHO-5 raw times 4; PCL-5 0-80), read against their published cut-offs as a
// screen, never a diagnosis, with their attributions in the form and the summary, one
// CSV row per score, restored into a new profile. axe clean with the forms open.
import assert from 'node:assert/strict';
import { artifact, journey, restoreIntoNewProfile } from '../harness/fixture.mjs';
import { axeViolations } from '../harness/axe.mjs';

journey('WHO-5 and PCL-5 are off by default', async ({ app, page }) => {
  await app.open('/');
  const mood = app.mood();
  await app.goTo('Mood');
  await mood.answerButton('PHQ-9').waitFor();
  assert.equal(await mood.answerButton('WHO-5').count(), 0);
  assert.equal(await mood.answerButton('PCL-5').count(), 0);
});

journey('a clinic turns on WHO-5 and PCL-5: verbatim, scored as published, attributed, in the summary and CSV', async ({ app, page }) => {
  const mood = app.mood();
  const share = app.share();
  await app.open('/hosts/questionnaires.html');
  await app.goTo('Mood');
  const items = await mood.answerAll('WHO-5', 'More than half of the time');
  assert.equal(items, 5);
  const form = mood.form();
  await form.getByText('Please indicate for each of the five statements which is closest to how you have been feeling over the last two weeks. Notice that higher numbers mean better well-being.').waitFor();
  await form.getByText('Instructions adapted for a screen; the questions and answers are the form\'s own.').waitFor();
  await form.getByRole('group', { name: '4. I woke up feeling fresh and rested' }).waitFor();
  assert.deepEqual(
    await form.getByRole('group').first().getByRole('radio').evaluateAll((r) => r.map((x) => x.parentElement.textContent.trim())),
    ['All of the time', 'Most of the time', 'More than half of the time', 'Less than half of the time', 'Some of the time', 'At no time'],
  );
  assert.deepEqual(await axeViolations(page), [], 'the WHO-5 form');
  await mood.saveButton('WHO-5').click();
  // Raw 15, times 4.
  await app.status('WHO-5 saved: 60 of 100, above 50.').waitFor();
  await mood.says('In the WHO-5\'s published scoring (the 2015 review cited below), 50 or less reads as low well-being and 28 or less as likely depression. It is a screen, not a diagnosis: your team can tell you what it means for you.').waitFor();

  assert.equal(await mood.answerAll('PCL-5', 'Moderately'), 20);
  await mood.form().getByRole('group', { name: '17. Being \u201csuperalert\u201d or watchful or on guard?' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the PCL-5 form');
  await mood.saveButton('PCL-5').click();
  await app.status('PCL-5 saved: 40 of 80, above the cut-off.').waitFor();
  const cards = mood.cards();
  assert.match(await cards.textContent(), /WHO-Five Well-Being Index \(WHO-5\), 1998 version\. Psychiatric Research Unit, WHO Collaborating Center in Mental Health/);
  assert.match(await cards.textContent(), /Weathers, F\. W\., Litz, B\. T\., .*The PTSD Checklist for DSM-5 \(PCL-5\) – Standard/);
  // No crisis panel: the item-9 rule is PHQ-9's alone.
  assert.equal(await app.safetyPlan().helpPanel().count(), 0);
  await mood.scoresHeading('WHO-5').waitFor();
  await mood.says(/^WHO-5: 60 \(above 50\) on .+\. The first score is the baseline\.$/).waitFor();

  await app.goTo('Share');
  const preview = share.preview();
  assert.match(await preview.textContent(), /WHO-5 on .+: 60 of 100, above 50 \(first score: the baseline\)/);
  assert.match(await preview.textContent(), /PCL-5 on .+: 40 of 80, above the cut-off \(first score: the baseline\)/);
  assert.match(await preview.textContent(), /WHO-5: WHO-Five Well-Being Index/);
  const summary = await share.downloadMarkdown();
  assert.match(summary.text, /- WHO-5 on .+: 60 of 100, above 50 \(first score: the baseline\)\n- PCL-5 on .+: 40 of 80, above the cut-off \(first score: the baseline\)\n/);
  assert.match(summary.text, /\nWHO-5: WHO-Five Well-Being Index .*\n\nPCL-5: Weathers/);
  const csv = await share.downloadCsv();
  const rows = csv.text.split('\r\n').filter((r) => r.startsWith('questionnaire,'));
  assert.equal(rows.length, 2, csv.text);
  assert.match(rows.join('\n'), /,WHO-5,60,above 50/);
  assert.match(rows.join('\n'), /,PCL-5,40,above the cut-off/);

  const backup = await share.downloadBackup();
  const restored = await restoreIntoNewProfile(app, backup);
  await restored.other.goTo('Mood');
  // Restored where only PHQ-9 and GAD-7 are offered: the scores still show.
  await restored.other.mood().scoresHeading('WHO-5').waitFor();
  await restored.other.mood().scoresHeading('PCL-5').waitFor();
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
    const mood = app.mood();
    const summary = app.share();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await app.open('/hosts/questionnaires.html');
    await app.goTo('Mood');
    await mood.answerAll('WHO-5', 'Some of the time');
    assert.deepEqual(await axeViolations(page), [], 'the WHO-5 form');
    await mood.saveButton('WHO-5').click();
    await app.status(/WHO-5 saved: 20 of 100, likely depression/).waitFor();
    await mood.says("A questionnaire's band is a screen, not a diagnosis: your team can tell you what it means for you.").first().waitFor();
    await mood.answerAll('PCL-5', 'A little bit');
    assert.deepEqual(await axeViolations(page), [], 'the PCL-5 form');
    await mood.saveButton('PCL-5').click();
    await app.status(/PCL-5 saved: 20 of 80/).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the score charts with their bands');

    await app.goTo('Share');
    await summary.preview().getByText(/WHO-5 on /).waitFor();
    await summary.print();
    const shared = summary.shared();
    await shared.getByText(/, printed or saved as PDF$/).waitFor();
    await summary.copy();
    await shared.getByText(/, copied$/).waitFor();
    const share = summary.shareButton();
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
    await app.followUp().field('What do you notice?').waitFor();
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
