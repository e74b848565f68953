// Reports the release build's wasm, JS and CSS sizes, raw and brotli (level 11, as a
// server would precompress). Reports only; never fails on a number.
// Usage: node tests/e2e/tools/sizes.mjs [dist] [--json]
import { readdir, readFile } from 'node:fs/promises';
import { join, extname } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'dist';
const kinds = { '.wasm': 'wasm', '.js': 'js', '.css': 'css' };
const totals = {};
for (const name of await readdir(dist)) {
  const kind = kinds[extname(name)];
  // The frame helper runs on a clinic page that frames Afterglow, not in the app.
  if (!kind || name === 'afterglow-frame.js') continue;
  const bytes = await readFile(join(dist, name));
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  totals[kind] ??= { raw: 0, brotli: 0 };
  totals[kind].raw += bytes.length;
  totals[kind].brotli += brotli;
}
const all = Object.values(totals).reduce((a, t) => ({ raw: a.raw + t.raw, brotli: a.brotli + t.brotli }), { raw: 0, brotli: 0 });
totals.total = all;
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(totals));
} else {
  const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KiB';
  console.log('\nRelease bundle sizes (brotli level 11):');
  for (const [kind, t] of Object.entries(totals)) console.log(`  ${kind.padEnd(6)} raw ${kb(t.raw)}   brotli ${kb(t.brotli)}`);
}
