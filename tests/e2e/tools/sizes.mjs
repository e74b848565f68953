// Reports the release build's wasm, JS and CSS sizes, raw and brotli (level 11, as a
// server would precompress). Reports only; never fails on a number.
//
// Below the per-kind table (kept as it was, to compare with older figures): the first
// screen (every file but the view chunks: main wasm, all JS, CSS), the chunks together,
// and each chunk, largest (brotli) first. A build that is not split has no chunks.
// Usage: node tests/e2e/tools/sizes.mjs [dist] [--json]
import { readdir, readFile } from 'node:fs/promises';
import { join, extname } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'dist';
const kinds = { '.wasm': 'wasm', '.js': 'js', '.css': 'css' };
// A view or shared chunk (`afterglow-journal-<hash16>.wasm`, `afterglow-shared-7-<hash16>.wasm`);
// the main module is `afterglow-<hash>_bg.wasm`. The name without its hash is group 1.
const CHUNK = /^(afterglow-.+)-[0-9a-f]{16}\.wasm$/;
const totals = {};
const firstScreen = { raw: 0, brotli: 0 };
const chunks = { raw: 0, brotli: 0, count: 0 };
const chunkFiles = [];
for (const name of await readdir(dist)) {
  const kind = kinds[extname(name)];
  // The frame helper runs on a clinic page that frames Afterglow, not in the app.
  if (!kind || name === 'afterglow-frame.js') continue;
  const bytes = await readFile(join(dist, name));
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  totals[kind] ??= { raw: 0, brotli: 0 };
  totals[kind].raw += bytes.length;
  totals[kind].brotli += brotli;
  const chunk = kind === 'wasm' ? CHUNK.exec(name) : null;
  const part = chunk ? chunks : firstScreen;
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
  line(`chunks (${chunks.count})`, chunks);
  for (const c of chunkFiles) line(`  ${c.name}`, c);
}
