// The shared fixture of every journey: one server and one browser per test file, a fresh
// browser context (an empty profile: no storage) per test, and the audit checked after
// each test. A journey is `journey('name', async ({ page, app, context }) => { ... })`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';
import { launchBrowser } from './browser.mjs';
import { Audit } from './audit.mjs';
import { JournalPage } from '../pages/journal.mjs';

export const DIST = fileURLToPath(new URL('../../../dist/', import.meta.url));
/** The clinic host pages (plain, hostile, two widgets, framed). */
export const HOSTS = fileURLToPath(new URL('../../hosts/', import.meta.url));
/** Where a journey's pictures go (tests/e2e/artifacts, ignored by git), whatever the
 * directory the tests run from. */
export const artifact = (name) => fileURLToPath(new URL(`../artifacts/${name}`, import.meta.url));

let server;
let clinic;
let browser;

before(async () => {
  // Afterglow's origin: the build, plus the host pages as a clinic serving it itself.
  // Its pages may be framed only by the clinic's origin (the iframe option).
  const frameAncestors = {};
  server = await startServer(process.env.AFTERGLOW_DIST ?? DIST, {
    mounts: { '/hosts/': HOSTS },
    headers: (path) => ({
      ...(frameAncestors.value ? { 'content-security-policy': `frame-ancestors 'self' ${frameAncestors.value}` } : {}),
      // As README asks of a deployment: the worker's file may be kept a day, so a later
      // visit's update check asks the network at most once a day.
      ...(path === '/sw.js' ? { 'cache-control': 'max-age=86400' } : {}),
    }),
  });
  // A clinic on another origin that frames Afterglow's.
  clinic = await startServer(HOSTS, { vars: { APP: server.url } });
  frameAncestors.value = clinic.url;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await clinic?.close();
});

/** Opens a context with `options` (viewport, colour scheme, an init script and its argument). */
export async function openContext(options = {}) {
  const { initScript, initArg, ...contextOptions } = options;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  // Every Content-Security-Policy violation is recorded for the audit.
  await context.addInitScript(() => {
    window.__agCspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__agCspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  if (initScript) await context.addInitScript(initScript, initArg);
  return context;
}

/** A test with a fresh context, a page and a page object; fails on any audit problem. */
export function journey(name, body, options = {}) {
  test(name, async () => {
    const context = await openContext(options);
    const audit = new Audit();
    const page = await context.newPage();
    audit.watch(page);
    const app = new JournalPage(page, server.url, audit);
    try {
      await body({ page, app, context, audit, baseUrl: server.url, clinicUrl: clinic.url, served: server.served });
      if (!page.isClosed() && !options.expectCspViolations) {
        assert.deepEqual(await page.evaluate(() => window.__agCspViolations ?? []), [], 'CSP violations');
      }
      assert.deepEqual(audit.problems, [], 'the page broke the audit rules');
      assert.ok(audit.requests.length > 0, 'the audit saw no request at all');
    } finally {
      await context.close();
    }
  });
}

/** Another tab on the same context (the same browser profile), opened at `path`, with its own audit. */
export async function secondTab(context, baseUrl, path) {
  const page = await context.newPage();
  const audit = new Audit();
  audit.watch(page);
  const app = new JournalPage(page, baseUrl, audit);
  await app.open(path);
  return { app, page, audit };
}

/** Restores `backup` into a fresh profile and returns its page object. */
export async function restoreIntoNewProfile(app, backup, path = '/#/share') {
  const context = await openContext();
  const page = await context.newPage();
  const audit = new Audit();
  audit.watch(page);
  const other = new JournalPage(page, app.baseUrl, audit);
  await other.open(path);
  if (!(await page.getByLabel('Restore from a backup file').count())) await other.goTo('Share');
  await page.getByLabel('Restore from a backup file').setInputFiles({ name: backup.name, mimeType: 'application/json', buffer: Buffer.from(backup.text) });
  await page.getByRole('button', { name: 'Merge into my journal' }).click();
  await other.status(/Backup merged/).waitFor();
  await other.reload();
  return { other, page, audit, context };
}

/** Waits until `check()` holds, failing after `ms`. */
export async function within(ms, check) {
  const end = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Fills the site's storage as another script on the page might, leaving about `free` UTF-16 units. */
export async function fillLeaving(page, free) {
  await page.evaluate((free) => {
    let n = 0;
    for (const size of [256 * 1024, 16 * 1024, 1024, 64, 1]) {
      const block = 'x'.repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`filler-${(n += 1)}`, block);
        } catch {
          break;
        }
      }
    }
    // Largest first, each only while it keeps the free space at or under `free`.
    const size = (k) => k.length + localStorage.getItem(k).length;
    const fillers = Object.keys(localStorage).filter((k) => k.startsWith('filler-')).sort((a, b) => size(b) - size(a));
    let left = 0;
    for (const k of fillers) {
      if (left + size(k) <= free) {
        left += size(k);
        localStorage.removeItem(k);
      }
    }
  }, free);
}
