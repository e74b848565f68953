// Captures every view at phone (360x640) and desktop (1280x900) widths, light and dark,
// into tests/e2e/artifacts/screens/ (or the folder given). Builds a small journal first
// by using the app as a patient would. Then each clinic host page in tests/hosts.
// Usage: node tests/e2e/tools/screenshots.mjs [outdir]   (after `make build`)
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startServer } from '../harness/server.mjs';
import { launchBrowser } from '../harness/browser.mjs';
import { JournalPage } from '../pages/journal.mjs';
import { generateJournal, plantOnce } from '../harness/seed.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const out = process.argv[2] ?? `${root}tests/e2e/artifacts/screens`;
await mkdir(out, { recursive: true });

const server = await startServer(process.env.AFTERGLOW_DIST ?? `${root}dist`, { mounts: { '/hosts/': `${root}tests/hosts/` } });
const browser = await launchBrowser();
const sizes = { phone: { width: 360, height: 640 }, desktop: { width: 1280, height: 900 } };

async function seed(app) {
  await app.chooseStage('Preparation');
  await app.write('More patience with myself, and less rushing.');
  await app.markIntention();
  await app.save();
  await app.justHadSession();
  await app.write('Held.');
  await app.save();
  await app.write("A field of warm colour, then my grandmother's kitchen.\nI want to remember the smell.");
  await app.save();
  await app.goTo('Journal');
  await app.keepInsight(0, 'I want to remember the smell.');
  await app.goTo('My plan');
  await app.addStepFromInsight(0, 'Cook her soup on Sunday');
  await app.goTo('Mood');
  await app.checkIn({ mood: 7, anxiety: 2 });
  await app.goTo('Today');
}

const views = ['Today', 'Journal', 'Mood', 'Sessions', 'My plan', 'Share', 'Settings'];

for (const [sizeName, viewport] of Object.entries(sizes)) {
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport, colorScheme: scheme });
    await context.addInitScript(plantOnce(generateJournal({ days: 100, seed: 3, entries: false })));
    const page = await context.newPage();
    const app = new JournalPage(page, server.url);
    await app.open();
    await seed(app);
    for (const view of views) {
      await app.goTo(view);
      const name = view.toLowerCase().replace(/[^a-z]+/g, '-');
      const file = `${out}/${name}-${sizeName}-${scheme}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await context.close();
  }
}
// The session-day and safety views, each part as its own picture (full size to look at).
for (const [size, viewport] of Object.entries(sizes)) {
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport, colorScheme: scheme });
    const page = await context.newPage();
    const app = new JournalPage(page, server.url);
    await app.open('/hosts/plain.html');
    await app.justHadSession();
    await app.goTo('Sessions');
    const shot = async (name, locator) => {
      const file = `${out}/${name}-${size}-${scheme}.png`;
      await locator.screenshot({ path: file });
      console.log(file);
    };
    await shot('sessions-list', page.getByRole('region', { name: 'Sessions', exact: true }));
    await page.getByRole('link', { name: 'Session 1: checklist, medicines, after-effects' }).click();
    await page.getByRole('button', { name: 'Note after-effects' }).click();
    await page.getByRole('group', { name: 'Nausea' }).getByRole('radio', { name: 'Mild' }).check();
    await shot('after-effects-form', page.locator('.ag-effects__form'));
    await page.getByRole('checkbox', { name: 'Blood in my urine' }).check();
    await page.getByRole('button', { name: 'Save after-effects' }).click();
    await page.getByRole('alert').filter({ hasText: 'Contact your clinic today' }).waitFor();
    await shot('session-page', page.getByRole('region', { name: 'Session', exact: true }));
    await app.goTo('Sessions');
    await page.getByRole('link', { name: 'Plan a session' }).click();
    await page.getByRole('button', { name: 'Plan it' }).click();
    await app.goTo('Today');
    await page.getByRole('region', { name: 'Ready for the day' }).waitFor();
    await shot('today-session-day', page.getByRole('region', { name: 'Today' }));
    await page.getByRole('button', { name: 'Get help now' }).click();
    await page.locator('.ag-crisis-wrap').getByRole('link', { name: 'My safety plan' }).click();
    await page.getByRole('heading', { name: 'My safety plan', level: 2 }).waitFor();
    await shot('safety-plan', page.getByRole('region', { name: 'My safety plan' }));
    await context.close();
  }
}
for (const [sizeName, viewport] of Object.entries(sizes)) {
  for (const scheme of ['light', 'dark']) {
    for (const host of ['plain', 'hostile', 'two']) {
      const context = await browser.newContext({ viewport, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(`${server.url}/hosts/${host}.html`);
      const navs = page.getByRole('navigation', { name: 'Afterglow sections' });
      await navs.first().waitFor();
      const skip = page.getByRole('button', { name: 'Skip' });
      while (await skip.count()) await skip.first().click();
      const file = `${out}/host-${host}-${sizeName}-${scheme}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      await context.close();
    }
  }
}
await browser.close();
await server.close();
