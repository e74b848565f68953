// Durability across tabs: the same journal open twice. Both add and edit; each shows the
// other's changes within a second; an edit made on a stale copy keeps both versions; and
// an edit in progress survives the other tab changing the same entry.
import assert from 'node:assert/strict';
import { journey } from '../harness/fixture.mjs';
import { Audit } from '../harness/audit.mjs';
import { JournalPage } from '../pages/journal.mjs';

async function secondTab(context, baseUrl, path) {
  const page = await context.newPage();
  const audit = new Audit();
  audit.watch(page);
  const app = new JournalPage(page, baseUrl, audit);
  await app.open(path);
  return { app, audit };
}

async function within(ms, check) {
  const end = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

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

journey('an edit started before the other tab changed the entry keeps both versions', async ({ app, page, context }) => {
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
  await within(1000, async () => (await page.locator('.ag-entry__form textarea').inputValue().catch(() => '')) === 'A is still typing');
  await page.locator('.ag-entry__form').getByRole('button', { name: 'Save changes' }).click();
  await app.status('Both versions are kept').waitFor();
  await within(1000, async () => (await b.entryTexts()).length === 2);
  for (const tab of [app, b]) {
    assert.deepEqual((await tab.entryTexts()).sort(), ["A is still typing", "B's version"]);
  }
});
