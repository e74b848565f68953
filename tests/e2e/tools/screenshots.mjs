// Captures every view at phone (360x640) and desktop (1280x900) widths, light and dark,
// into tests/e2e/artifacts/screens/ (or the folder given). Seeds a small journal first.
// Usage: node tests/e2e/tools/screenshots.mjs [outdir]   (after `make build`)
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startServer } from '../harness/server.mjs';
import { launchBrowser } from '../harness/browser.mjs';
import { JournalPage } from '../pages/journal.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const out = process.argv[2] ?? `${root}tests/e2e/artifacts/screens`;
await mkdir(out, { recursive: true });

const server = await startServer(process.env.AFTERGLOW_DIST ?? `${root}dist`);
const browser = await launchBrowser();
const sizes = { phone: { width: 360, height: 640 }, desktop: { width: 1280, height: 900 } };

// Each view: a name and how to reach it from a freshly seeded journal.
const views = [
  ['journal', async () => {}],
  ['journal-typing', async (app) => { await app.write('Soft light behind my eyes, and a long exhale.'); }],
];

for (const [sizeName, viewport] of Object.entries(sizes)) {
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport, colorScheme: scheme });
    const page = await context.newPage();
    const app = new JournalPage(page, server.url);
    await app.open();
    await app.chooseStage('Dosing');
    for (const text of ['Held.', 'A field of warm colour, then my grandmother\'s kitchen.\nI want to remember the smell.']) {
      await app.write(text);
      await app.save();
    }
    for (const [name, reach] of views) {
      await reach(app);
      const file = `${out}/${name}-${sizeName}-${scheme}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await context.close();
  }
}
await browser.close();
await server.close();
