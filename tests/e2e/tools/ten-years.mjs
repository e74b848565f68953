// Reports how Afterglow behaves with a ten-year journal (3,650 entries and check-ins, 41
// sessions), as medians (min-max) over several runs after a discarded warm-up, in
// headless Chromium on this machine. Reports only; it never fails on a number.
// Usage: node tests/e2e/tools/ten-years.mjs [runs]   (after `make build`)
import { fileURLToPath } from 'node:url';
import { startServer } from '../harness/server.mjs';
import { launchBrowser } from '../harness/browser.mjs';
import { generateJournal, plantOnce } from '../harness/seed.mjs';

const runs = Number(process.argv[2] ?? 7);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const server = await startServer(process.env.AFTERGLOW_DIST ?? `${root}dist`);
const browser = await launchBrowser();
const store = generateJournal({ days: 3650, seed: 7 });
const stored = Object.entries(store).reduce((n, [k, v]) => n + k.length + v.length, 0);

const context = await browser.newContext();
await context.addInitScript(plantOnce(store));
const page = await context.newPage();
const samples = { mount: [], journal: [], mood: [], chartAll: [] };
for (let run = 0; run <= runs; run += 1) {
  await page.goto(`${server.url}/`);
  await page.getByRole('navigation', { name: 'Afterglow sections' }).waitFor();
  const mount = await page.evaluate(() => performance.now());
  const switchTo = (hash, ready) =>
    page.evaluate(async ([h, sel]) => {
      const t0 = performance.now();
      location.hash = h;
      while (!document.querySelector('[data-afterglow]').shadowRoot.querySelector(sel)) await new Promise((r) => setTimeout(r, 1));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - t0;
    }, [hash, ready]);
  const journal = await switchTo('#/journal', '.ag-day');
  const mood = await switchTo('#/mood', '.ag-chart__svg');
  await page.getByRole('button', { name: 'All', exact: true }).click();
  const chart = await page.evaluate(() => performance.getEntriesByName('ag:chart').at(-1)?.duration ?? NaN);
  if (run === 0) continue; // warm-up
  samples.mount.push(mount);
  samples.journal.push(journal);
  samples.mood.push(mood);
  samples.chartAll.push(chart);
}
await browser.close();
await server.close();

const stat = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return `${median.toFixed(1)} ms (${s[0].toFixed(1)}-${s.at(-1).toFixed(1)})`;
};
console.log(`Ten-year journal: ${Object.keys(store).length} keys, ${(stored / 1024 / 1024).toFixed(2)} M UTF-16 units stored; ${runs} runs after a warm-up`);
console.log(`  navigation start -> app mounted      ${stat(samples.mount)}`);
console.log(`  Today -> Journal view ready          ${stat(samples.journal)}`);
console.log(`  Journal -> Mood view (chart) ready   ${stat(samples.mood)}`);
console.log(`  all-time chart build (ag:chart mark) ${stat(samples.chartAll)}`);
