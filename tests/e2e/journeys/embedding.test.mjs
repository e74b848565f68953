// Clinic embedding: the snippet on the host pages in tests/hosts (a plain clinic page, a
// hostile one with third-party-looking scripts, two widgets, the iframe option), each
// under the clinic's own strict CSP (the fixture fails any journey with a violation).
import assert from 'node:assert/strict';
import { journey } from '../harness/fixture.mjs';
import { axeViolations } from '../harness/axe.mjs';

/** Computed styles of widget parts, to compare one host page with another. */
async function widgetStyles(page) {
  return page.evaluate(() => {
    const shadow = document.querySelector('[data-afterglow]').shadowRoot;
    const parts = {
      app: '.ag-app',
      brand: '.ag-brand',
      privacy: '.ag-privacy',
      nav: '.ag-nav__link',
      current: '.ag-nav__link[aria-current="page"]',
      help: '.ag-header .ag-button',
      editor: 'textarea',
      save: 'button[type="submit"]',
      heading: 'h2',
      select: 'select',
    };
    const props = [
      'font-size', 'font-family', 'font-style', 'line-height', 'letter-spacing', 'text-transform', 'text-align',
      'text-decoration-line', 'color', 'background-color', 'box-sizing', 'padding-top', 'padding-left',
      'margin-top', 'border-top-width', 'border-top-style', 'border-top-left-radius', 'display', 'height',
    ];
    const out = {};
    for (const [name, sel] of Object.entries(parts)) {
      const el = shadow.querySelector(sel);
      if (!el) {
        out[name] = 'missing';
        continue;
      }
      const style = getComputedStyle(el);
      out[name] = Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
    }
    return out;
  });
}

journey('the clinic snippet runs on a plain clinic page with its configuration', async ({ app, page }) => {
  await app.open('/hosts/plain.html');
  // Clinic name, stage, theme.
  await page.getByText('Nobody at Riverside Clinic can read it unless you share it.').waitFor();
  assert.equal(await app.stage(), 'Preparation');
  const brand = await page.evaluate(() => {
    const s = getComputedStyle(document.querySelector('[data-afterglow]').shadowRoot.querySelector('.ag-brand'));
    return [s.color, s.fontFamily];
  });
  assert.deepEqual(brand, ['rgb(27, 94, 32)', 'Georgia, serif, system-ui, sans-serif']);
  // No setup note: every value was valid.
  assert.equal(await page.getByText("Setup note for the site's developer").count(), 0);
  // The region's crisis resources replace 988/911.
  await app.safetyPlan().getHelp();
  const links = await app.crisisLinks().evaluateAll((as) => as.map((a) => `${a.textContent} ${a.getAttribute('href')}`));
  assert.deepEqual(links, ['Call 116123 tel:116123', 'Text 85258 sms:85258', 'Call 999 tel:999']);
  const site = page.getByRole('link', { name: 'Website (opens a new tab)' });
  assert.deepEqual(await site.evaluateAll((as) => as.map((a) => a.href)), ['https://www.samaritans.org/']);
  // The clinic's prompt is offered, as text: its markup is never parsed.
  for (let i = 0; i < 12 && !(await app.prompt()).includes('garden room'); i += 1) await app.anotherPrompt();
  assert.equal(await app.prompt(), 'Riverside asks: what would you like to bring to the garden room? <b>not bold</b>');
  assert.equal(await page.evaluate(() => document.querySelector('[data-afterglow]').shadowRoot.querySelector('label b')), null);
  // It saves under the clinic's namespace only.
  await app.write('Written on the clinic page');
  await app.save();
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.ok(keys.length > 0 && keys.every((k) => k.startsWith('riverside:')), keys.join(', '));
  // The therapist summary is titled for the clinic.
  await app.goTo('Share');
  assert.equal(await app.share().title().inputValue(), 'Journal summary for Riverside Clinic');
  await app.share().titleHeading('Journal summary for Riverside Clinic').waitFor();
  assert.deepEqual(await axeViolations(page), []);
});

journey('printing the summary from a clinic page prints the summary alone', async ({ app, page }) => {
  await app.open('/hosts/plain.html');
  await app.write('For the print');
  await app.save();
  await app.goTo('Share');
  // The dialog itself cannot be driven headless: print() only records that it was called.
  await page.evaluate(() => {
    window.print = () => {
      window.__agPrinted = true;
    };
  });
  await app.share().print();
  assert.equal(await page.evaluate(() => window.__agPrinted), true);
  const shown = () =>
    page.evaluate(() =>
      ['.clinic-header', '.clinic-footer', '.clinic-main', '[data-afterglow]'].map((s) => getComputedStyle(document.querySelector(s)).display),
    );
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await shown(), ['none', 'none', 'block', 'block'], 'only the host (and what contains it) prints');
  // afterprint puts the page back as it was.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.deepEqual(await shown(), ['block', 'block', 'block', 'block']);
  assert.equal(await page.evaluate(() => document.querySelector('[data-afterglow-printing]')), null);
  assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), 0);
  await page.emulateMedia({ media: 'screen' });
});

journey("the widget's styles change nothing on the clinic's page", async ({ app, page, context }) => {
  const clinicStyles = () =>
    page.evaluate(() =>
      ['body', '.clinic-title', '.clinic-intro', '.clinic-button', '.clinic-footer p'].map((sel) => {
        const s = getComputedStyle(document.querySelector(sel));
        return [sel, s.fontSize, s.fontFamily, s.color, s.backgroundColor, s.margin, s.padding, s.boxSizing, s.lineHeight];
      }),
    );
  // The same page with the loader replaced by an empty script: no widget at all.
  await context.route('**/afterglow.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
  await page.goto(`${app.baseUrl}/hosts/plain.html`);
  const without = await clinicStyles();
  await context.unroute('**/afterglow.js');
  await app.open('/hosts/plain.html');
  assert.deepEqual(await clinicStyles(), without);
  // Nothing of the widget is in the page's own DOM: it is all in the shadow root.
  assert.equal(await page.evaluate(() => document.querySelectorAll('[class^="ag-"], style').length), 0);
});

journey('the widget looks and works the same inside a hostile page', async ({ app, page }) => {
  await app.open('/');
  const standalone = await widgetStyles(page);
  await app.open('/hosts/hostile.html');
  const hostile = await widgetStyles(page);
  for (const part of Object.keys(standalone)) {
    assert.notEqual(standalone[part], 'missing', part);
    assert.deepEqual(hostile[part], standalone[part], `${part} is styled by the host page`);
  }
  // The page's own rules did apply to its own elements (the test is not vacuous).
  const own = await page.evaluate(() => getComputedStyle(document.querySelector('#content button')).backgroundColor);
  assert.equal(own, 'rgb(255, 255, 0)');
  // Real use through the third-party listeners, prototype patches and observers.
  await app.write('Written under a hostile page');
  await app.save();
  await app.goTo('Journal');
  assert.deepEqual(await app.entryTexts(), ['Written under a hostile page']);
  await app.goTo('Mood');
  await app.checkIn({ mood: 7 });
  assert.ok(await page.evaluate(() => window.dataLayer.length > 3), 'the page scripts ran alongside');
});

journey('two widgets on one page keep their own journals and places', async ({ app, page }) => {
  await page.goto(`${app.baseUrl}/hosts/two.html`);
  const a = app.within(page.getByRole('region', { name: 'Programme A' }));
  const b = app.within(page.getByRole('region', { name: 'Programme B' }));
  for (const w of [a, b]) {
    await w.nav().waitFor();
    await w.skipWelcome();
  }
  await app.prefetched();
  app.audit.markLoaded();
  await a.write('Only in A');
  await a.save();
  await a.goTo('Journal');
  assert.equal(await b.currentView(), 'Today', 'B stays where it was');
  await b.goTo('Mood');
  assert.equal(await a.currentView(), 'Journal', 'A stays where it was');
  assert.deepEqual(await a.entryTexts(), ['Only in A']);
  await b.goTo('Journal');
  assert.deepEqual(await b.entryTexts(), []);
  await b.goTo('Mood');
  // The hash holds both places; back and reload restore each.
  assert.equal(new URL(page.url()).hash, '#clinic-a/journal;clinic-b/mood');
  await page.goBack();
  await b.nav().getByRole('link', { name: 'Journal', exact: true }).and(page.locator('[aria-current="page"]')).waitFor();
  assert.equal(await a.currentView(), 'Journal');
  await page.reload();
  await a.nav().waitFor();
  assert.deepEqual([await a.currentView(), await b.currentView()], ['Journal', 'Journal']);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.ok(keys.some((k) => k.startsWith('clinic-a:e:')) && !keys.some((k) => k.startsWith('clinic-b:e:')), keys.join());
  // Each has its own theme, ids and stylesheet.
  const schemes = await page.evaluate(() =>
    [...document.querySelectorAll('[data-afterglow]')].map((h) => getComputedStyle(h.shadowRoot.querySelector('.ag-app')).colorScheme),
  );
  assert.deepEqual(schemes, ['light dark', 'dark']);
  assert.deepEqual(await axeViolations(page), []);
});

/** A host page with the given markup inside <main>, served at /hosts/custom.html. */
async function customHost(page, app, body) {
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src data:">
    <link rel="icon" href="data:,"><title>Config cases</title><script type="module" src="/afterglow.js"></script></head>
    <body><main>${body}</main></body></html>`;
  await page.route('**/hosts/custom.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(`${app.baseUrl}/hosts/custom.html`);
}

journey('configuration mistakes are reported to the developer and fall back', async ({ app, page }) => {
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await customHost(
    page,
    app,
    `<section aria-label="Bad look">
       <div data-afterglow data-namespace="bad-look" data-accent="hotpink" data-accent-dark="#1b5e20"
            data-radius="99" data-font="x}body{display:none" data-theme="neon" data-acent="#123456"></div>
     </section>
     <section aria-label="Bad links">
       <div data-afterglow data-namespace="bad-links">
         <script type="application/json" data-afterglow-config>
           {"crisis": [{"name": "Evil", "url": "javascript:alert(1)"}, {"name": "Plain", "url": "http://example.org"}],
            "colour": "red"}
         </script>
       </div>
     </section>
     <section aria-label="Bad JSON">
       <div data-afterglow data-namespace="Bad JSON!">
         <script type="application/json" data-afterglow-config>{"crisis": [</script>
       </div>
     </section>`,
  );
  const note = async (region) => {
    const w = page.getByRole('region', { name: region });
    await w.getByRole('navigation', { name: 'Afterglow sections' }).waitFor();
    const details = w.getByText("Setup note for the site's developer");
    await details.click();
    return w.locator('details li').allTextContents();
  };
  const look = await note('Bad look');
  assert.deepEqual(
    look.map((l) => l.split(':')[0]),
    ['data-theme', 'data-accent', 'data-accent-dark', 'data-font', 'data-radius'],
    look.join('\n'),
  );
  assert.match(look[2], /contrast of 1\.\d:1 in the dark theme/);
  const links = await note('Bad links');
  assert.equal(links.length, 4, links.join('\n'));
  assert.match(links.join('\n'), /unknown key "colour"/);
  assert.match(links.join('\n'), /crisis\[0\] is ignored: "url" "javascript:alert\(1\)" must be an https: address/);
  assert.match(links.join('\n'), /using the defaults \(988, 911\)/);
  const json = await note('Bad JSON');
  assert.match(json.join('\n'), /data-namespace: .*using "afterglow"/);
  assert.match(json.join('\n'), /is not valid JSON/);
  // Each still works with the defaults, and the console names every problem too.
  const badLinks = page.getByRole('region', { name: 'Bad links' });
  await badLinks.getByRole('button', { name: 'Get help now' }).click();
  await badLinks.getByRole('link', { name: 'Call 988' }).waitFor();
  assert.ok(warnings.some((w) => w.includes('data-acent')), 'a likely typo is named in the console');
  assert.ok(warnings.filter((w) => w.startsWith('Afterglow:')).length >= 11, warnings.join('\n'));
  const radius = await page.evaluate(() =>
    getComputedStyle(document.querySelector('[data-namespace="bad-look"]').shadowRoot.querySelector('.ag-card')).borderTopLeftRadius,
  );
  assert.equal(radius, '12px', 'the default radius');
});

journey('the iframe option: framed by the clinic, sized to its content, refused elsewhere', async ({ page, clinicUrl, baseUrl }) => {
  await page.goto(`${clinicUrl}/framed.html`);
  const frame = page.frameLocator('iframe[data-afterglow-frame]');
  await frame.getByRole('navigation', { name: 'Afterglow sections' }).waitFor();
  // The frame grows to the page's reported height: no inner scrollbar.
  await page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 400);
  const [outer, inner] = await Promise.all([
    page.evaluate(() => Math.round(document.querySelector('iframe').getBoundingClientRect().height)),
    page.frames()[1].evaluate(() => document.documentElement.scrollHeight),
  ]);
  assert.ok(Math.abs(outer - inner) <= 1, `frame ${outer}px, content ${inner}px`);
  // It is the full app, with its storage in the frame's own (partitioned) origin.
  const welcome = frame.getByRole('region', { name: 'Welcome' });
  if (await welcome.count()) await welcome.getByRole('button', { name: 'Skip' }).click();
  await frame.getByRole('textbox', { name: /./ }).first().fill('Written in the frame');
  await frame.getByRole('button', { name: 'Save entry' }).click();
  await frame.getByText('Saved.').waitFor();
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], 'the clinic page sees none of it');
  // Afterglow's pages send frame-ancestors: only the clinic's origin may frame them.
  const other = await page.context().newPage();
  const refused = [];
  other.on('console', (m) => refused.push(m.text()));
  await other.setContent(`<iframe src="${baseUrl}/"></iframe>`);
  await other.waitForTimeout(500);
  assert.ok(refused.some((t) => /frame-ancestors/.test(t)), refused.join('\n'));
  await other.close();
});
