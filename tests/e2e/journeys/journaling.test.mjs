// The journaling core as a patient lives it: an intention set in preparation, a dosing
// session logged in one tap, a same-day capture, the intention shown back, an insight
// kept and turned into a step that is checked off; a reload after every step loses
// nothing. Then search, edit and delete with undo, prompt controls, session details.
import assert from 'node:assert/strict';
import { journey } from '../harness/fixture.mjs';
import { axeEveryView } from '../harness/views.mjs';
import { generateJournal, plantOnce } from '../harness/seed.mjs';
import { JournalPage } from '../pages/journal.mjs';

const SAME_DAY = [
  'One word for right now.',
  'An image, colour or sound that stayed with you.',
  'Where in your body do you feel something now?',
  'What surprised you?',
  'Who would you like to tell about this, if anyone?',
  'The hardest moment, in a few words.',
  'The best moment, in a few words.',
  'What do you need for the rest of today?',
];

journey('intention, session, capture, insight, step: nothing lost across reloads', async ({ app, page }) => {
  await app.open();
  await app.chooseStage('Preparation');
  await app.write('More patience with myself');
  await app.markIntention();
  await app.save();
  await app.reload();
  assert.equal(await app.stage(), 'Preparation');
  assert.equal(await app.intentionsCard().count(), 0, 'intentions are shown back later, not while setting them');

  // One tap after the session: dosing stage, a same-day prompt, the entry linked.
  await app.justHadSession();
  assert.equal(await app.stage(), 'Dosing');
  assert.ok(SAME_DAY.includes(await app.prompt()), `a same-day prompt, got ${await app.prompt()}`);
  assert.match(await app.linkedSession(), /^Session 1, /);
  assert.match(await app.intentionsCard().textContent(), /More patience with myself/);
  assert.equal((await app.focused())?.tag, 'TEXTAREA', 'the patient is writing straight away');
  await app.write('Held.');
  await app.save();
  await app.reload();
  assert.match(await app.intentionsCard().textContent(), /How does that look now\?/);
  assert.match(await app.linkedSession(), /^Session 1/);

  await app.goTo('Journal');
  const capture = app.entries().first();
  assert.match(await capture.textContent(), /Session 1/);
  assert.match(await capture.textContent(), /Held\./);
  assert.match(await app.entries().nth(1).textContent(), /Intention/);
  await app.keepInsight(1, 'patience');
  await app.reload();

  await app.goTo('My plan');
  await app.insights().locator('blockquote').first().waitFor();
  assert.deepEqual(await app.insights().locator('blockquote').allTextContents(), ['patience']);
  await app.addStepFromInsight(0, 'Breathe before answering emails');
  await app.reload();
  await app.goTo('Today');
  await app.nextSteps().getByRole('checkbox', { name: 'Breathe before answering emails' }).click();
  await app.status('Step done').waitFor();
  await app.reload();
  assert.equal(await app.nextSteps().count(), 0, 'no open steps left on Today');
  await app.goTo('My plan');
  assert.equal(await app.stepCheckbox('Breathe before answering emails').isChecked(), true);

  await app.goTo('Today');
  await app.chooseStage('Integration');
  assert.match(await app.intentionsCard().textContent(), /More patience with myself/);
  assert.deepEqual(await axeEveryView(app), []);
});

journey('search ignores case and accents; edit and delete with undo', async ({ app }) => {
  await app.open();
  for (const text of ['Café avec Zoë, soft rain', 'A heavy day', 'cafe again, alone']) {
    await app.write(text);
    await app.save();
  }
  await app.goTo('Journal');
  await app.search('CAFE zoe');
  assert.deepEqual(await app.entryTexts(), ['Café avec Zoë, soft rain']);
  await app.search('café');
  assert.deepEqual(await app.entryTexts(), ['cafe again, alone', 'Café avec Zoë, soft rain']);
  await app.search('');

  await app.editEntry(1, 'A heavy day, lighter by evening');
  await app.reload();
  assert.deepEqual(await app.entryTexts(), ['cafe again, alone', 'A heavy day, lighter by evening', 'Café avec Zoë, soft rain']);

  await app.deleteEntry(0);
  assert.equal((await app.entryTexts()).length, 2);
  await app.undo();
  assert.deepEqual((await app.entryTexts())[0], 'cafe again, alone');
  await app.reload();
  assert.equal((await app.entryTexts()).length, 3, 'the undone delete stays undone');
  await app.deleteEntry(0);
  await app.reload();
  assert.deepEqual(await app.entryTexts(), ['A heavy day, lighter by evening', 'Café avec Zoë, soft rain']);
});

journey('prompt controls: another, pin, write freely; a draft keeps its session link', async ({ app, page }) => {
  await app.open();
  await app.chooseStage('Integration');
  const first = await app.prompt();
  await app.anotherPrompt();
  const second = await app.prompt();
  assert.notEqual(second, first);
  await app.pinButton().click();
  assert.equal(await app.pinButton().getAttribute('aria-pressed'), 'true');
  await app.reload();
  assert.equal(await app.prompt(), second, 'a pinned prompt comes first');
  assert.equal(await app.pinButton().getAttribute('aria-pressed'), 'true');

  await app.writeFreely();
  assert.equal(await app.prompt(), 'Write freely.');
  await app.usePrompt();
  assert.equal(await app.prompt(), second);

  await app.justHadSession();
  await app.write('half a thought about the mu');
  await page.waitForTimeout(600);
  await app.reload();
  assert.equal(await app.editor().inputValue(), 'half a thought about the mu');
  assert.match(await app.linkedSession(), /^Session 1/);
});

journey('a session gets its details and lists the entries about it', async ({ app, page }) => {
  await app.open();
  await app.justHadSession();
  await app.write('Quiet.');
  await app.save();
  const sessions = app.sessions();
  await app.goTo('Sessions');
  await sessions.openDetails(1);
  await sessions.saveDetails({ route: 'Intranasal', intention: 'To listen', before: '3', after: '7' });
  await app.reload();
  const card = app.sessionCard(1);
  assert.match(await card.textContent(), /Intranasal/);
  assert.match(await card.textContent(), /mood 3\/10 → 7\/10/);
  assert.match(await card.textContent(), /To listen/);

  await app.goTo('Today');
  assert.match(await app.intentionsCard().textContent(), /To listen/, "the session's intention is shown back");
  await app.goTo('Sessions');
  await sessions.entriesAbout(1);
  await page.waitForFunction(() => location.hash.startsWith('#/journal?session='));
  assert.deepEqual(await app.entryTexts(), ['Quiet.']);
});

journey(
  'a ten-year journal mounts one page of rows, and an edit re-renders one row',
  async ({ app, page }) => {
    await app.open('/#/journal');
    assert.match(await app.entryCount(/^3650 entries$/).textContent(), /3650/);
    assert.equal(await app.entries().count(), 30, 'one page of entries is mounted');

    // Count entry rows added to the DOM while one entry is edited.
    const rowsAdded = await app.countAddedRows();
    await app.editEntry(3, 'Edited after ten years of entries.');
    const rows = await rowsAdded();
    assert.ok(rows >= 1 && rows <= 2, `an edit re-rendered ${rows} rows`);
    assert.equal((await app.entryTexts())[3], 'Edited after ten years of entries.');

    await app.showOlderEntries(/Show older entries \(3620 more\)/);
    assert.equal(await app.entries().count(), 60);
  },
  { initScript: plantOnce(generateJournal({ days: 3650, seed: 7 })) },
);

journey('a mistaken session, insight and step can be deleted, and undone', async ({ app, page }) => {
  const sessions = app.sessions();
  await app.open();
  await app.justHadSession();
  await app.goTo('Sessions');
  await sessions.openDetails(1);
  await sessions.deleteIt();
  await app.status('Session deleted.').waitFor();
  await app.undo();
  await app.reload();
  assert.equal(await sessions.heading(1).count(), 1, 'undo brought it back');
  await sessions.openDetails(1);
  await sessions.deleteIt();
  await app.reload();
  assert.equal(await sessions.heading(1).count(), 0);

  await app.goTo('Today');
  await app.write('Slow mornings help.');
  await app.save();
  await app.goTo('Journal');
  await app.keepInsight(0);
  await app.goTo('My plan');
  await app.addStepFromInsight(0, 'Wake up without the phone');
  await app.goals().deleteStep('Wake up without the phone');
  await app.goals().deleteInsight();
  await app.reload();
  assert.equal(await app.insights().count(), 0);
  assert.equal(await app.stepCheckbox('Wake up without the phone').count(), 0);
});

journey('a status message does not follow the patient to another view', async ({ app }) => {
  await app.open();
  await app.write('x');
  await app.save();
  await app.goTo('Journal');
  assert.equal((await app.statusLine().textContent()).trim(), '');
});

journey('an edit typed and left unsaved is back after the tab is closed', async ({ app, context }) => {
  await app.open();
  await app.write('the words as saved');
  await app.save();
  await app.goTo('Journal');
  const entry = app.entries().first();
  await entry.getByRole('button', { name: 'Edit' }).click();
  await entry.getByRole('textbox', { name: 'Edit entry' }).fill('the words as I was changing th');
  await app.page.close({ runBeforeUnload: true });

  const page = await context.newPage();
  const again = new JournalPage(page, app.baseUrl);
  await again.open('/#/journal');
  const editor = again.entries().first().getByRole('textbox', { name: 'Edit entry' });
  assert.equal(await editor.inputValue(), 'the words as I was changing th');
  await editor.fill('the words as I changed them');
  await again.entries().first().getByRole('button', { name: 'Save changes' }).click();
  await again.status('Changes saved.').waitFor();
  await again.reload();
  await again.goTo('Journal');
  assert.deepEqual(await again.entryTexts(), ['the words as I changed them']);
  assert.equal(await again.editBoxes().count(), 0, 'no edit left open');
});

journey('an edit re-renders its own row, not the rest of its day', async ({ app, page }) => {
  await app.open();
  for (const text of ['morning', 'noon', 'evening']) {
    await app.write(text);
    await app.save();
  }
  await app.goTo('Journal');
  const rowsAdded = await app.countAddedRows();
  await app.editEntry(1, 'noon, edited');
  assert.equal(await rowsAdded(), 1, 'one row re-rendered');
  assert.deepEqual(await app.entryTexts(), ['evening', 'noon, edited', 'morning']);
});

journey('unsaved words survive a trip to another view and back, and a reload after it', async ({ app, page }) => {
  await app.open();
  await app.write('half a thought');
  await page.waitForTimeout(600); // past the draft's debounce
  await app.goTo('Journal');
  await app.goTo('Today');
  assert.equal(await app.editor().inputValue(), 'half a thought');
  await app.write('half a thought, now whole');
  await page.waitForTimeout(600);
  await app.reload();
  assert.equal(await app.editor().inputValue(), 'half a thought, now whole');
});

journey(
  'a long course of insights shows a page at a time, newest first',
  async ({ app }) => {
    await app.open();
    await app.goTo('My plan');
    assert.equal(await app.insights().count(), 30);
    const more = app.q.getByRole('button', { name: 'Show older insights (5 more)' });
    await more.click();
    assert.equal(await app.insights().count(), 35);
    assert.equal(await more.count(), 0, 'nothing left to show');
    // Growing a step from one still works once the page is longer.
    await app.addStepFromInsight(32, 'Walk by the river on Saturday');
  },
  { initScript: plantOnce(generateJournal({ days: 90, seed: 5, checkIns: false, insights: 35 })) },
);
