// The archive of closed months on real storage: a schema-1 journal is packed into month
// keys after the first visit and reads back whole; a second tab follows edits and deletes
// of archived entries; a damaged month is set aside and the rest loads; a backup of a
// packed journal restores into a new profile; erase removes the months; and a full
// quota on packed data keeps the typed text.
import assert from 'node:assert/strict';
import { fillLeaving, journey, openContext, secondTab, within } from '../harness/fixture.mjs';
import { Audit } from '../harness/audit.mjs';
import { JournalPage } from '../pages/journal.mjs';
import { entryRecord, journalStore, recordId } from '../harness/seed.mjs';

const DAY = 86_400_000;
const NOW = Date.now();

/** 25 entries, one every 16 days from 14 months ago (one page of the journal): most in closed months. */
function oldJournal() {
  const records = [];
  for (let i = 0; i < 25; i += 1) {
    const at = NOW - 420 * DAY + i * 16 * DAY;
    records.push(entryRecord({ id: recordId(at, 100 + i), c: at, s: 'integration', t: `Old entry ${i}: the river at dusk.` }));
  }
  return journalStore({ prefs: { stage: 'follow-up', w: true }, records });
}

/** Plants `store` once per profile (not per tab: a second tab must not plant it again). */
const plantForProfile = (store) => ({
  initScript: {
    content: `(() => {
      if (localStorage.getItem('ag-test-planted')) return;
      localStorage.setItem('ag-test-planted', '1');
      for (const [k, v] of Object.entries(${JSON.stringify(store)})) localStorage.setItem(k, v);
    })();`,
  },
});

const packedDone = (page) => page.waitForFunction(() => performance.getEntriesByName('ag:archive-folded').length > 0);
const keys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('afterglow:')).sort());

/** Opens the app and waits until the closed months are packed. */
async function openPacked(app, page, path = '/') {
  await app.open(path);
  await packedDone(page);
  const all = await keys(page);
  assert.ok(all.some((k) => k.startsWith('afterglow:m:')), `months packed: ${all.join(' ')}`);
  return all;
}

journey('a schema-1 journal is packed into months after the first visit and reads back whole', async ({ app, page }) => {
  const packed = await openPacked(app, page);
  const loose = packed.filter((k) => k.startsWith('afterglow:e:'));
  assert.ok(loose.length < 8, `only this month's and last month's entries stay loose: ${loose.length}`);
  assert.equal(await page.evaluate(() => localStorage.getItem('afterglow:meta')), '{"schema":2}');
  await app.reload();
  await app.goTo('Journal');
  assert.equal((await app.entryTexts()).length, 25);
  await app.search('Old entry 3:');
  const found = await app.entryTexts();
  assert.ok(found.includes('Old entry 3: the river at dusk.') && !found.includes('Old entry 4: the river at dusk.'), found.join(' | '));
}, plantForProfile(oldJournal()));

journey('another tab follows edits and deletes of archived entries', async ({ app, page, context, baseUrl }) => {
  await openPacked(app, page, '/#/journal');
  await app.reload();
  const other = await secondTab(context, baseUrl, '/#/journal');
  await within(10_000, async () => (await other.app.entryTexts()).length === 25);
  await app.goTo('Journal');
  const texts = await app.entryTexts();
  const oldest = texts.length - 1;
  assert.equal(texts[oldest], 'Old entry 0: the river at dusk.');
  await app.editEntry(oldest, 'Old entry 0, read again a year later.');
  await within(10_000, async () => (await other.app.entryTexts()).includes('Old entry 0, read again a year later.'));
  await app.deleteEntry(oldest - 1);
  await within(10_000, async () => !(await other.app.entryTexts()).includes('Old entry 1: the river at dusk.'));
  const tomb = await page.evaluate(() => Object.values(localStorage).filter((v) => v === '{"deleted":true}').length);
  assert.equal(tomb, 1, 'the archived entry is deleted by a tombstone');
  await other.app.reload();
  await other.app.goTo('Journal');
  const after = await other.app.entryTexts();
  assert.equal(after.length, 24);
  assert.ok(after.includes('Old entry 0, read again a year later.'));
  assert.deepEqual(other.audit.problems, []);
}, plantForProfile(oldJournal()));

journey('a damaged month is set aside whole and the rest of the journal loads', async ({ app, page }) => {
  const packed = await openPacked(app, page);
  const month = packed.find((k) => k.startsWith('afterglow:m:'));
  const cut = await page.evaluate((k) => {
    const v = localStorage.getItem(k);
    localStorage.setItem(k, v.slice(0, Math.floor(v.length / 2)));
    return localStorage.getItem(k);
  }, month);
  await app.reload();
  await page.getByRole('status').filter({ hasText: 'could not be read. It was set aside, not deleted' }).waitFor();
  const tail = month.slice('afterglow:'.length);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), `afterglow:quarantine:${tail}`), cut);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), month), null);
  await app.goTo('Journal');
  const n = (await app.entryTexts()).length;
  assert.ok(n > 15 && n < 25, `the other months load: ${n}`);
}, plantForProfile(oldJournal()));

journey('a packed journal backs up, restores into a new profile, and erases whole', async ({ app, page }) => {
  await openPacked(app, page, '/#/share');
  await app.reload();
  await app.goTo('Share');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a full backup' }).click(),
  ]);
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(await download.path(), 'utf8');
  assert.equal(JSON.parse(text).journal.entries.length, 25, 'the backup holds the archived entries');

  const context = await openContext();
  const fresh = await context.newPage();
  const audit = new Audit();
  audit.watch(fresh);
  const other = new JournalPage(fresh, app.baseUrl, audit);
  await other.open('/#/share');
  await fresh.getByLabel('Restore from a backup file').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await fresh.getByRole('button', { name: 'Merge into my journal' }).click();
  await other.status(/Backup merged: 25 added/).waitFor();
  await other.reload();
  await packedDone(fresh);
  await other.goTo('Journal');
  assert.equal((await other.entryTexts()).length, 25);
  assert.deepEqual(audit.problems, []);
  await context.close();

  await app.goTo('Settings');
  await page.getByRole('textbox', { name: 'To confirm, type ERASE' }).fill('ERASE');
  await page.getByRole('button', { name: 'Erase everything' }).click();
  await app.status('Everything was erased from this browser.').waitFor();
  assert.deepEqual(await keys(page), [], 'months and all');
  await app.reload();
  await app.goTo('Journal');
  assert.equal(await app.entries().count(), 0);
}, plantForProfile(oldJournal()));

journey('at a full quota on packed data the typed text is kept, and nothing of the archive is lost', async ({ app, page }) => {
  await openPacked(app, page);
  await fillLeaving(page, 0);
  await app.write('words typed into full packed storage');
  await app.alert().filter({ hasText: 'A copy is kept in this tab' }).waitFor();
  assert.equal(await app.editor().inputValue(), 'words typed into full packed storage');
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('filler-')) localStorage.removeItem(k); });
  await app.goTo('Journal');
  assert.equal((await app.entryTexts()).length, 25, 'nothing of the archive was lost');
}, plantForProfile(oldJournal()));

journey('when the archive\u2019s chunk cannot load, lists say so and Try again reads the months', async ({ app, page, audit }) => {
  await openPacked(app, page);
  let offline = true;
  await page.route(/afterglow-archive-[0-9a-f]{16}\.wasm$/, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
  // A fresh page load without the cache holding the chunk.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.reload();
  await app.nav().waitFor();
  await app.goTo('Journal');
  const failed = app.q.getByRole('alert').filter({ hasText: 'Older entries could not be read here' });
  await failed.waitFor();
  assert.match(await failed.textContent(), /Nothing is lost/);
  assert.equal(await app.entries().count(), 0, 'no list that looks complete and is not');
  assert.ok((await keys(page)).some((k) => k.startsWith('afterglow:m:')), 'the months are still stored');
  offline = false;
  await failed.getByRole('button', { name: 'Try again' }).click();
  await within(10_000, async () => (await app.entryTexts()).length === 25);
  const expected = (p) => /console error: (Failed to load resource: net::ERR_INTERNET_DISCONNECTED|TypeError: Failed to fetch|.*afterglow-archive-)|request after the app had loaded: .*afterglow-archive-/.test(p);
  audit.problems.splice(0, audit.problems.length, ...audit.problems.filter((p) => !expected(p)));
  // Without the standalone page's service worker: with it, a chunk it has cached cannot
  // fail to load (offline.test.mjs), and this is about one the network lost.
}, { ...plantForProfile(oldJournal()), serviceWorkers: 'block' });

journey('an edit in progress of an archived entry comes back after a reload as that edit, never as a second entry', async ({ app, page }) => {
  await openPacked(app, page);
  await app.goTo('Journal');
  await app.search('Old entry 2:');
  const entry = app.entries().first();
  await entry.getByRole('button', { name: 'Edit' }).click();
  await entry.getByRole('textbox', { name: 'Edit entry' }).fill('Old entry 2: the river at dusk, and the heron.');
  await page.waitForTimeout(800);
  await app.reload();
  await packedDone(page);
  await app.goTo('Journal');
  await app.search('Old entry 2:');
  const back = app.entries().first().getByRole('textbox', { name: 'Edit entry' });
  assert.equal(await back.inputValue(), 'Old entry 2: the river at dusk, and the heron.', 'the editor is back with the text');
  assert.equal(await page.getByText('was deleted in another tab').count(), 0);
  await app.search('');
  assert.equal(await app.entries().count(), 25, 'no second entry (one of them open in its editor)');
}, plantForProfile(oldJournal()));

journey('another tab’s entry, saved before this tab’s archive chunk is in, shows once it is', async ({ app, page, context, baseUrl }) => {
  // Following another tab reads any kind of record and merges text in progress: that
  // code comes with the archive's chunk, and until it is in the changes wait in order.
  // The chunk is held back until the other tab has saved.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/afterglow-archive-[0-9a-f]{16}\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${baseUrl}/`);
  await app.nav().waitFor();
  const other = await secondTab(context, baseUrl, '/');
  await other.app.write('Saved in the other tab in the first seconds.');
  await other.app.save();
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => performance.getEntriesByName('ag:prefetched').length), 0, 'this tab has not had the chunk yet');
  release();
  await app.goTo('Journal');
  await within(10_000, async () => (await app.entryTexts()).includes('Saved in the other tab in the first seconds.'));
  assert.deepEqual(other.audit.problems, [], 'the other tab’s audit');
}, { serviceWorkers: 'block' });

journey('when the archive chunk cannot load, another tab’s changes wait and come in with Try again', async ({ app, page, context, baseUrl, audit }) => {
  let offline = true;
  await page.route(/afterglow-archive-[0-9a-f]{16}\.wasm$/, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
  await app.open();
  await app.goTo('Journal');
  const failed = app.q.getByRole('alert').filter({ hasText: 'Older entries could not be read here' });
  await failed.waitFor();
  const other = await secondTab(context, baseUrl, '/');
  await other.app.write('Saved in the other tab while the chunk was missing.');
  await other.app.save();
  offline = false;
  await failed.getByRole('button', { name: 'Try again' }).click();
  await within(10_000, async () => (await app.entryTexts()).includes('Saved in the other tab while the chunk was missing.'));
  const expected = (p) => /console error: (Failed to load resource: net::ERR_INTERNET_DISCONNECTED|TypeError: Failed to fetch|.*afterglow-archive-)|request after the app had loaded: .*afterglow-archive-|could not take over another tab/.test(p);
  audit.problems.splice(0, audit.problems.length, ...audit.problems.filter((p) => !expected(p)));
}, { serviceWorkers: 'block' });
