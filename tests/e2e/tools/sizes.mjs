// Reports the release build's wasm, JS and CSS sizes, raw and brotli (level 11, as a
// server would precompress). Reports only, unless asked to check the budget:
//
//   node tests/e2e/tools/sizes.mjs dist --budget tests/budget.json [--record]
//
// checks the first screen, all files and the number of files a visit fetches against the
// budget's limits (sizes are deterministic, so this is a test, not a timing) and, when one
// is exceeded, names what grew since the budget's baseline and by how much. `--record`
// rewrites the baseline (what each part weighed) to this build, never the limits: moving
// a limit is a change of its own, made on purpose in tests/budget.json with its reason.
//
// Below the per-kind table (kept as it was, to compare with older figures): the first
// screen (every file but the view chunks and sw.js: main wasm, the JS, CSS), the chunks
// (with sw.js, the standalone page's service worker) together,
// and each chunk, largest (brotli) first. A build that is not split has no chunks.
// Usage: node tests/e2e/tools/sizes.mjs [dist] [--json] [--budget file [--record]]
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, extname } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'dist';
const kinds = { '.wasm': 'wasm', '.js': 'js', '.css': 'css', '.txt': 'text' };
// A language's texts (`afterglow-es-<hash16>.txt`): every visit fetches them, whatever the
// language; in all files, and in a Spanish-speaking patient's first screen only.
const TEXTS = /^afterglow-[a-z]{2}-[0-9a-f]{16}\.txt$/;
const texts = { raw: 0, brotli: 0 };
// A view or shared chunk (`afterglow-journal-<hash16>.wasm`, `afterglow-shared-7-<hash16>.wasm`);
// the main module is `afterglow-<hash>_bg.wasm`. The name without its hash is group 1.
const CHUNK = /^(afterglow-.+)-[0-9a-f]{16}\.wasm$/;
const totals = {};
const firstScreen = { raw: 0, brotli: 0 };
const chunks = { raw: 0, brotli: 0, count: 0 };
const chunkFiles = [];
// What each part weighs (brotli bytes), by a name without its hash, for the budget.
const parts = {};
const partOf = (name, kind, chunk) => {
  if (name === 'sw.js') return 'service worker';
  if (chunk) return /^afterglow-shared-/.test(chunk[1]) ? 'shared chunks' : `${chunk[1].replace(/^afterglow-/, '')} chunk`;
  if (kind === 'wasm') return 'main wasm';
  if (kind === 'text') return 'Spanish texts';
  return kind === 'js' ? 'JS' : 'CSS';
};
let files = 0;
for (const name of await readdir(dist)) {
  const kind = kinds[extname(name)];
  // The frame helper runs on a clinic page that frames Afterglow, not in the app.
  if (!kind || name === 'afterglow-frame.js' || (kind === 'text' && !TEXTS.test(name))) continue;
  const bytes = await readFile(join(dist, name));
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  totals[kind] ??= { raw: 0, brotli: 0 };
  totals[kind].raw += bytes.length;
  totals[kind].brotli += brotli;
  const chunk = kind === 'wasm' ? CHUNK.exec(name) : null;
  files += 1;
  const group = partOf(name, kind, chunk);
  parts[group] = (parts[group] ?? 0) + brotli;
  // The service worker is fetched by the browser for the worker, after the prefetch, on
  // the standalone page only: counted in all files, not in the first screen.
  const part = chunk || name === 'sw.js' || kind === 'text' ? chunks : firstScreen;
  if (kind === 'text') {
    texts.raw += bytes.length;
    texts.brotli += brotli;
  }
  part.raw += bytes.length;
  part.brotli += brotli;
  if (chunk) {
    chunks.count += 1;
    chunkFiles.push({ name: `${chunk[1]}.wasm`, file: name, raw: bytes.length, brotli });
  }
}
chunkFiles.sort((a, b) => b.brotli - a.brotli || b.raw - a.raw || a.name.localeCompare(b.name));
const all = Object.values(totals).reduce((a, t) => ({ raw: a.raw + t.raw, brotli: a.brotli + t.brotli }), { raw: 0, brotli: 0 });
totals.total = all;
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ ...totals, firstScreen, chunks, chunkFiles }));
} else {
  const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KiB';
  console.log('\nRelease bundle sizes (brotli level 11):');
  for (const [kind, t] of Object.entries(totals)) console.log(`  ${kind.padEnd(6)} raw ${kb(t.raw)}   brotli ${kb(t.brotli)}`);
  const width = Math.max(24, ...chunkFiles.map((c) => c.name.length + 2));
  const line = (what, t) => console.log(`  ${what.padEnd(width)} raw ${kb(t.raw)}   brotli ${kb(t.brotli)}`);
  console.log('\nFirst screen and chunks (brotli level 11):');
  line('first screen', firstScreen);
  console.log('    (every file but the chunks: main wasm, all JS, CSS)');
  if (texts.raw) line('  in Spanish, with its texts', { raw: firstScreen.raw + texts.raw, brotli: firstScreen.brotli + texts.brotli });
  line(`chunks (${chunks.count})`, chunks);
  for (const c of chunkFiles) line(`  ${c.name}`, c);
  // The clinic setup page (dist/setup.html, dist/setup/): clinics only, never fetched by a
  // patient, so outside every figure above and the budget.
  const setupFiles = await readdir(join(dist, 'setup')).catch(() => []);
  if (setupFiles.length) {
    const setup = { raw: 0, brotli: 0 };
    for (const name of setupFiles) {
      const bytes = await readFile(join(dist, 'setup', name));
      setup.raw += bytes.length;
      setup.brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    }
    console.log('\nNot counted above (clinics only, never loaded by a patient):');
    line(`setup page (${setupFiles.length} files)`, setup);
  }
}

const budgetAt = process.argv.indexOf('--budget');
if (budgetAt > 0) {
  const file = process.argv[budgetAt + 1];
  const budget = JSON.parse(await readFile(file, 'utf8'));
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const now = { firstScreenKiB: firstScreen.brotli / 1024, allKiB: all.brotli / 1024, files };
  if (process.argv.includes('--record')) {
    budget.baseline = Object.fromEntries(Object.entries(parts).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, Math.round((v / 1024) * 10) / 10]));
    budget.baseline.files = files;
    await writeFile(file, `${JSON.stringify(budget, null, 2)}\n`);
    console.log(`Recorded this build as the baseline of ${file} (the limits are unchanged).`);
  }
  const over = [];
  const { limits } = budget;
  if (now.firstScreenKiB > limits.firstScreenKiB) over.push(`the first screen weighs ${kib(firstScreen.brotli)}, over its ${limits.firstScreenKiB} KiB`);
  if (now.allKiB > limits.allKiB) over.push(`all files weigh ${kib(all.brotli)}, over their ${limits.allKiB} KiB`);
  if (files > limits.files) over.push(`a visit fetches ${files} files, over the ${limits.files} allowed`);
  console.log(`\nBudget (${file}): first screen ${kib(firstScreen.brotli)} of ${limits.firstScreenKiB} KiB, all ${kib(all.brotli)} of ${limits.allKiB} KiB, ${files} of ${limits.files} files.`);
  if (over.length) {
    console.log(`Over budget: ${over.join('; ')}.`);
    console.log(`What changed since the baseline (brotli):`);
    const names = new Set([...Object.keys(parts), ...Object.keys(budget.baseline ?? {}).filter((k) => k !== 'files')]);
    const rows = [...names].map((k) => [k, (parts[k] ?? 0) / 1024 - (budget.baseline?.[k] ?? 0)]).sort((a, b) => b[1] - a[1]);
    for (const [k, grew] of rows) {
      if (Math.abs(grew) >= 0.1) console.log(`  ${k.padEnd(24)} ${grew > 0 ? '+' : ''}${grew.toFixed(1)} KiB (now ${((parts[k] ?? 0) / 1024).toFixed(1)} KiB)`);
    }
    if (budget.baseline?.files !== undefined && files !== budget.baseline.files) console.log(`  files                    ${files - budget.baseline.files > 0 ? '+' : ''}${files - budget.baseline.files}`);
    console.log('Make it fit, or move the limit on purpose in its own commit with the reason (tests/budget.json).');
    process.exit(1);
  }
}
