// Offline and installed, as a patient lives it: the standalone journal visited once opens
// again with no connection (on the way home from a session, in a waiting room), saves what
// is written and opens every view; a second visit asks the network for nothing; Chromium
// finds it installable; a clinic page that includes the snippet gets no service worker;
// and a new version waits for the patient's "Update now", without interrupting writing.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DIST, journey, openContext } from '../harness/fixture.mjs';
import { startServer } from '../harness/server.mjs';
import { Audit } from '../harness/audit.mjs';
import { JournalPage } from '../pages/journal.mjs';
import { VIEWS } from '../harness/views.mjs';
import { ARGS, CHROMIUM } from '../harness/browser.mjs';
import { chromium } from 'playwright-core';

/** Waits until the page is served by Afterglow's worker (a first visit's takes over quietly). */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
}

journey('offline: after one visit the journal opens with no connection, saves an entry and opens every view', async ({ app, page, context }) => {
  await app.open('/');
  await controlled(page);
  await context.setOffline(true);
  await app.reload();
  await app.write('Written on the train home, no signal');
  await app.save();
  for (const view of VIEWS) await app.goTo(view);
  await app.goTo('Today');
  await app.reload();
  await app.goTo('Journal');
  assert.deepEqual(await app.entryTexts(), ['Written on the train home, no signal']);
  await context.setOffline(false);
});

journey('a second visit asks the network for nothing: every file comes from the worker', async ({ app, page, context, served }) => {
  await app.open('/');
  await controlled(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  const before = served.length;
  const second = await context.newPage();
  const again = new JournalPage(second, app.baseUrl, null);
  await again.open('/');
  await again.goTo('Mood');
  assert.deepEqual(served.slice(before), [], 'requests on the second visit');
  await second.close();
});

test('Chromium finds the standalone journal installable', async () => {
  // A profile on disk: Chromium never offers to install from an off-the-record one.
  const profile = await mkdtemp(join(tmpdir(), 'afterglow-profile-'));
  const server = await startServer(process.env.AFTERGLOW_DIST ?? DIST);
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await new JournalPage(page, server.url, null).open('/');
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const { errors } = await cdp.send('Page.getAppManifest');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
});

journey('a clinic page that includes the snippet gets no service worker', async ({ app, page, served }) => {
  const before = served.length;
  await app.open('/hosts/plain.html');
  await app.goTo('Mood');
  assert.deepEqual(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  const asked = served.slice(before);
  assert.ok(!asked.some((p) => /sw\.js|offline\.js|manifest|icon/.test(p)), `asked for ${asked.join(', ')}`);
});

/** A copy of the release as the next version: the same files, a new version. */
async function nextVersion(from, to) {
  await cp(from, to, { recursive: true });
  const old = (await readFile(join(from, 'index.html'), 'utf8')).match(/name="afterglow-version" content="([0-9a-f]+)"/)[1];
  const next = `${old.slice(0, -4)}beef`;
  for (const name of ['index.html', 'sw.js']) {
    const text = await readFile(join(to, name), 'utf8');
    assert.ok(text.includes(old), `${name} names the version`);
    await writeFile(join(to, name), text.replaceAll(old, next));
  }
  return { old, next };
}

test('a new version waits for "Update now", never interrupts writing, and runs with the journal intact', async () => {
  const work = await mkdtemp(join(tmpdir(), 'afterglow-update-'));
  const live = join(work, 'live');
  await cp(process.env.AFTERGLOW_DIST ?? DIST, live, { recursive: true });
  const { old, next } = await nextVersion(live, join(work, 'next'));
  const server = await startServer(live);
  const context = await openContext();
  try {
    const page = await context.newPage();
    const audit = new Audit();
    audit.watch(page);
    const app = new JournalPage(page, server.url, audit);
    await app.open('/');
    await controlled(page);
    await app.write('Kept before the update');
    await app.save();
    await app.editor().click();
    await page.keyboard.type('Halfway through a thought');

    // The next version is deployed; the browser's check finds it.
    await rm(live, { recursive: true });
    await cp(join(work, 'next'), live, { recursive: true });
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const ready = page.getByRole('status').filter({ hasText: 'A new version is ready' });
    await ready.waitFor();
    // Writing goes on: the words and the focus stay in the editor.
    await page.keyboard.type(', and the rest of it');
    assert.equal(await app.editor().inputValue(), 'Halfway through a thought, and the rest of it');
    assert.equal((await app.focused())?.tag, 'TEXTAREA');
    assert.equal(await page.locator('meta[name="afterglow-version"]').getAttribute('content'), old, 'no reload by itself');

    // "Update now": the new version runs, the journal and the words in progress intact.
    await Promise.all([page.waitForEvent('load'), ready.getByRole('button', { name: 'Update now' }).click()]);
    await app.ready();
    assert.equal(await page.locator('meta[name="afterglow-version"]').getAttribute('content'), next);
    assert.equal(await app.editor().inputValue(), 'Halfway through a thought, and the rest of it');
    await app.goTo('Journal');
    assert.deepEqual(await app.entryTexts(), ['Kept before the update']);
    const caches = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('afterglow-')));
    assert.deepEqual(caches, [`afterglow-${next}`], 'the old version\'s cache is gone');
    assert.deepEqual(audit.problems, []);
  } finally {
    await context.close();
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
});
