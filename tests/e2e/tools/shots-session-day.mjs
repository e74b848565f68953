// Screens of the session-day and safety views at 360 px and desktop, light and dark, into
// tests/e2e/artifacts/screens/ (or the folder given), each part as its own picture so it
// can be looked at full size. Usage: node tests/e2e/tools/shots-session-day.mjs [outdir]
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startServer } from '../harness/server.mjs';
import { launchBrowser } from '../harness/browser.mjs';
import { JournalPage } from '../pages/journal.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const out = process.argv[2] ?? `${root}tests/e2e/artifacts/screens`;
await mkdir(out, { recursive: true });
const server = await startServer(process.env.AFTERGLOW_DIST ?? `${root}dist`, { mounts: { '/hosts/': `${root}tests/hosts/` } });
const browser = await launchBrowser();
const sizes = { phone: { width: 360, height: 640 }, desktop: { width: 1280, height: 900 } };
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
await browser.close();
await server.close();
