// Durability across tabs: the same journal open twice. Both add and edit; each shows the
// other's changes within a second; an edit made on a stale copy keeps both versions; and
// an edit in progress survives the other tab changing the same entry.
import assert from 'node:assert/strict';
import { fillLeaving, journey, secondTab, within } from '../harness/fixture.mjs';
import { entryRecord, journalStore, plantOnce } from '../harness/seed.mjs';

journey('two tabs add entries at once, and each shows the other\u2019s within a second', async ({ app, context }) => {
  await app.open('/#/journal');
  const { app: b, audit } = await secondTab(context, app.baseUrl, '/');
  await b.write('written in tab B');
  await b.save();
  await within(1000, async () => (await app.entryTexts()).includes('written in tab B'));

  await app.goTo('Today');
  await b.goTo('Journal');
  await app.write('written in tab A');
  await app.save();
  await within(1000, async () => (await b.entryTexts()).includes('written in tab A'));
  await app.goTo('Journal');
  assert.deepEqual((await app.entryTexts()).sort(), ['written in tab A', 'written in tab B']);
  assert.deepEqual((await b.entryTexts()).sort(), ['written in tab A', 'written in tab B']);

  await b.editEntry(0, 'edited in tab B');
  await within(1000, async () => (await app.entryTexts()).includes('edited in tab B'));
  await b.page.reload();
  await b.ready();
  await b.goTo('Journal');
  assert.equal((await b.entryTexts()).length, 2, 'no entry lost or doubled');
  assert.deepEqual(audit.problems, []);
});

journey('an edit started before the other tab changed the entry keeps both versions', async ({ app, context }) => {
  await app.open();
  await app.write('the first version');
  await app.save();
  await app.goTo('Journal');
  const { app: b } = await secondTab(context, app.baseUrl, '/#/journal');

  // Tab A opens the editor and types; meanwhile tab B edits and saves the same entry.
  const entryA = app.entries().first();
  await entryA.getByRole('button', { name: 'Edit' }).click();
  await entryA.getByRole('textbox', { name: 'Edit entry' }).fill('A is still typing');
  await b.editEntry(0, "B's version");
  // A's row re-renders with B's change, but A's unsaved words are still in the editor.
  const editing = app.editingEntry();
  await within(1000, async () => (await editing.getByRole('textbox', { name: 'Edit entry' }).inputValue().catch(() => '')) === 'A is still typing');
  await editing.getByRole('button', { name: 'Save changes' }).click();
  await app.status('Both versions are kept').waitFor();
  await within(1000, async () => (await b.entryTexts()).length === 2);
  for (const tab of [app, b]) {
    assert.deepEqual((await tab.entryTexts()).sort(), ["A is still typing", "B's version"]);
  }
});

journey(
  'erase everything is guarded, removes this journal and leaves the host page\u2019s keys',
  async ({ app, page }) => {
    await app.open();
    await app.write('to be erased');
    await app.save();
    const storage = app.storage();
    await app.goTo('Settings');
    await storage.usage().waitFor();
    const erase = storage.eraseButton();
    assert.equal(await erase.isDisabled(), true, 'not without typing the word');
    await storage.confirmErase('erase');
    assert.equal(await erase.isDisabled(), true, 'the word must match');
    await storage.confirmErase('ERASE');
    await erase.click();
    await app.status('Everything was erased from this browser.').waitFor();
    const keys = await page.evaluate(() => Object.keys(localStorage).sort());
    assert.deepEqual(keys, ['clinic-site-setting', 'other-widget:e:x1']);
    await app.reload();
    await app.goTo('Journal');
    assert.equal(await app.entries().count(), 0);
  },
  // The host page's own key, and another widget's record (not Afterglow's).
  { initScript: plantOnce({ 'clinic-site-setting': 'keep me', 'other-widget:e:x1': '{"kept":true}' }) },
);

journey('a save into full storage keeps the text, says what to do, and loses nothing', async ({ app, page }) => {
  await app.open();
  await app.write('saved before the storage filled up');
  await app.save();
  // Fill the site's storage as another script on the page might.
  await fillLeaving(page, 0);
  const words = 'Words I must not lose. '.repeat(20);
  await app.write(words);
  await app.saveEntryButton().click();
  await app.alert().filter({ hasText: 'storage for Afterglow is full' }).waitFor();
  assert.equal(await app.editor().inputValue(), words, 'the text is still in the editor');
  await app.reload();
  await app.goTo('Journal');
  assert.deepEqual(await app.entryTexts(), ['saved before the storage filled up']);
  await app.storage().fullness().waitFor();
});

journey('a backup is suggested once there is something to keep, and not after one', async ({ app, page }) => {
  const storage = app.storage();
  await app.open();
  assert.equal(await storage.backupSuggested().count(), 0, 'nothing to keep yet');
  await app.write('worth keeping');
  await app.save();
  await storage.backupSuggested().waitFor();
  await app.goTo('Share');
  await app.share().downloadBackup();
  await app.goTo('Today');
  assert.equal(await storage.backupSuggested().count(), 0);
  await storage.lastBackup('Last backup: today.').waitFor();
  await app.goTo('Settings');
  await storage.lastBackup('Your last backup was today.').waitFor();
});

/** A journal of one entry, last backed up (and written) at `bk`. */
function lastBackedUp(bk) {
  return journalStore({
    prefs: { stage: 'integration', bk },
    records: [entryRecord({ id: 'old-1', c: bk, s: 'integration', t: 'an old entry' })],
  });
}

journey(
  'a backup older than 14 days is due again',
  async ({ app, page }) => {
    await app.open();
    await app.storage().backupOverdue().waitFor();
  },
  { initScript: plantOnce(lastBackedUp(Date.now() - 20 * 86_400_000)) },
);

journey('two tabs writing the safety plan keep each other\u2019s steps, and both texts of a step both changed', async ({ app, page, context }) => {
  const mine = app.safetyPlan();
  await app.open('/#/safety-plan');
  const { app: b, page: other } = await secondTab(context, app.baseUrl, '/#/safety-plan');
  const theirs = b.safetyPlan();
  // A types in step 1; B types in step 4 and saves; then A saves.
  await mine.fillStep('1. Signs that a hard time is starting', 'I stop answering messages');
  await theirs.fillStep('4. People I can ask for help', 'Sam, 555 0100');
  await theirs.save();
  await mine.save();
  assert.equal(await mine.step('4. People I can ask for help').inputValue(), 'Sam, 555 0100', 'B\u2019s step is taken in');
  // Both change one step: both texts are kept, and the patient is told.
  await other.reload();
  await b.ready();
  await theirs.fillStep('2. Things I can do on my own', 'Walk the dog');
  await mine.fillStep('2. Things I can do on my own', 'Call my sister');
  await theirs.save();
  await mine.saveButton().click();
  await app.status(/both versions are kept/).waitFor();
  await app.reload();
  assert.equal(await mine.step('1. Signs that a hard time is starting').inputValue(), 'I stop answering messages');
  assert.equal(await mine.step('2. Things I can do on my own').inputValue(), 'Call my sister\n\nWalk the dog');
  assert.equal(await mine.step('4. People I can ask for help').inputValue(), 'Sam, 555 0100');
});

journey('the safety plan at a full quota keeps its words in the tab, brings them back after a reload, and asks before leaving', async ({ app, page }) => {
  const safety = app.safetyPlan();
  await app.open('/#/safety-plan');
  await fillLeaving(page, 0);
  await safety.fillStep('1. Signs that a hard time is starting', 'I stop answering messages');
  await safety.saveButton().click();
  await app.alert().filter({ hasText: 'A copy is kept in this tab' }).waitFor();
  let asked = false;
  page.on('dialog', async (dialog) => {
    asked = dialog.type() === 'beforeunload';
    await dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await within(2000, async () => asked);
  page.removeAllListeners('dialog');
  page.on('dialog', (dialog) => dialog.accept());
  await app.reload();
  await safety.wordsBack().waitFor();
  assert.equal(await safety.step('1. Signs that a hard time is starting').inputValue(), 'I stop answering messages');
});
