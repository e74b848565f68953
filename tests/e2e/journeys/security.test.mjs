// The standalone page's security: a strict Content-Security-Policy that the app lives
// within (no violation through real use), no global left on window, and inline script
// that someone might inject is refused.
import assert from 'node:assert/strict';
import { journey } from '../harness/fixture.mjs';
import { VIEWS } from '../harness/views.mjs';

journey('the app works under a strict CSP and leaves no global behind', async ({ app, page }) => {
  await app.open();
  const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content);
  // No inline script is left to allow: the loader is the file afterglow.js.
  assert.match(csp, /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data: blob:;/);
  assert.match(csp, /object-src 'none'; base-uri 'none'/);
  await app.write('under a strict policy');
  await app.save();
  await app.goTo('Mood');
  await app.checkIn({ mood: 6 });
  for (const view of VIEWS) await app.goTo(view);
  assert.deepEqual(await page.evaluate(() => window.__agCspViolations), []);
  assert.equal(await page.evaluate(() => typeof window.wasmBindings), 'undefined');
  // Nothing new on window at all, compared with the names it had before any script ran.
  const added = await page.evaluate(() =>
    Object.getOwnPropertyNames(window).filter((n) => !window.__agGlobalsAtStart.includes(n) && n !== '__agGlobalsAtStart'),
  );
  assert.deepEqual(added, []);
}, { initScript: () => { window.__agGlobalsAtStart = Object.getOwnPropertyNames(window); } });

journey(
  'inline script injected into the page is refused',
  async ({ app, page }) => {
    await app.open();
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__agInjected = true;';
      document.body.append(s);
    });
    await page.waitForFunction(() => window.__agCspViolations.length > 0);
    assert.equal(await page.evaluate(() => window.__agInjected), undefined);
    assert.match((await page.evaluate(() => window.__agCspViolations))[0], /^script-src/);
    app.audit.problems = app.audit.problems.filter((p) => !/Content Security Policy/.test(p));
  },
  { expectCspViolations: true },
);
