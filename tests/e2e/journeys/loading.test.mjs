// The split build: the first screen loads a main module, then every view's chunk is
// fetched in one fixed order whatever the patient does, and nothing after. A chunk that
// cannot be fetched gives a plain message and a retry, never a blank view.
import assert from 'node:assert/strict';
import { journey, openContext } from '../harness/fixture.mjs';
import { Audit } from '../harness/audit.mjs';
import { JournalPage } from '../pages/journal.mjs';

const CHUNK = /\/afterglow-[a-z_]+(-(\d+|small))?-[0-9a-f]{16}\.wasm$/;
const pathOf = (url) => new URL(url).pathname;

/** Runs `walk` on a fresh profile and returns the paths it requested, in order. */
async function requestsOf(app, walk) {
  const context = await openContext();
  try {
    const page = await context.newPage();
    const audit = new Audit();
    audit.watch(page);
    const other = new JournalPage(page, app.baseUrl, audit);
    await walk(other);
    // Long enough for any late or on-demand fetch to show itself.
    await page.waitForTimeout(1000);
    assert.deepEqual(audit.problems, [], 'the audit rules');
    return audit.requests.map(pathOf);
  } finally {
    await context.close();
  }
}

journey('two different patient journeys make identical requests, and none after the prefetch', async ({ app, page, audit }) => {
  await app.open();
  await app.write('A quiet evening.');
  await app.save();
  await app.goTo('Share');
  await app.goTo('Journal');
  await page.waitForTimeout(1000);
  const writes = audit.requests.map(pathOf);
  // Another patient reloads straight onto Settings, then checks in: other views, other order.
  const checksIn = await requestsOf(app, async (b) => {
    await b.open('/#/settings');
    await b.goTo('Mood');
    await b.checkIn({ mood: 4 });
    await b.goTo('My plan');
  });
  assert.deepEqual(checksIn, writes, 'the same requests in the same order');
  const chunks = writes.filter((p) => CHUNK.test(p));
  assert.ok(chunks.length >= 6, `every view's chunk is fetched (${chunks.length})`);
  assert.equal(new Set(chunks).size, chunks.length, 'each chunk once');
  assert.ok(CHUNK.test(writes.at(-1)), 'the prefetch is the last thing fetched');
});

journey('a view opened before its chunk has arrived waits for it, then shows', async ({ app, page }) => {
  // A slow connection: the views' chunk (Share's with them) takes a while.
  await page.route(/afterglow-views-[0-9a-f]{16}\.wasm$/, async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.goto(`${app.baseUrl}/#/share`);
  await app.nav().waitFor();
  await app.q.getByRole('status').filter({ hasText: 'Loading this part of Afterglow' }).waitFor();
  await app.q.getByRole('heading', { name: 'A summary for your therapist' }).waitFor();
  await app.prefetched();
});

journey('a chunk that fails to load gives a message and a retry; the rest works', async ({ app, page, audit }) => {
  // The views' chunk (Journal, Share and the rest) cannot be fetched; Today is the first
  // screen and its own chunk, so writing and saving go on.
  let offline = true;
  await page.route(/afterglow-views-[0-9a-f]{16}\.wasm$/, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
  await app.open();
  await app.write('Kept while the connection was down.');
  await app.save();
  await app.goTo('Share');
  const failed = app.q.getByRole('alert').filter({ hasText: 'This part of Afterglow did not load' });
  await failed.waitFor();
  assert.match(await failed.textContent(), /Your journal is safe on this device, and Today still works/);
  await app.goTo('Today');
  await app.write('And this one too.');
  await app.save();
  // Back online: the retry fetches the chunk and the view appears.
  offline = false;
  await app.goTo('Share');
  await failed.getByRole('button', { name: 'Try again' }).click();
  await app.q.getByRole('heading', { name: 'A summary for your therapist' }).waitFor();
  await app.goTo('Journal');
  await app.entries().nth(1).waitFor();
  assert.deepEqual(await app.entryTexts(), ['And this one too.', 'Kept while the connection was down.']);
  // The failed fetch is logged, and the retry is the one request after the prefetch.
  const expected = (p) => /console error: (Failed to load resource: net::ERR_INTERNET_DISCONNECTED|TypeError: Failed to fetch)|request after the app had loaded: .*afterglow-views-/.test(p);
  assert.ok(audit.problems.some((p) => p.startsWith('request after')), 'the retry fetched the chunk');
  audit.problems.splice(0, audit.problems.length, ...audit.problems.filter((p) => !expected(p)));
});
