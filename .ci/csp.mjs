// Trunk post-build hook: gives the release page a strict Content-Security-Policy. Trunk
// injects one inline module script (the loader); its SHA-256 goes into script-src so
// nothing else inline can run. Development builds are left alone: `trunk serve` adds an
// inline live-reload script of its own.
// (frame-ancestors cannot be set from a <meta>; the iframe option sets it as a header.)
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir || process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const file = join(dir, 'index.html');
let html = await readFile(file, 'utf8');
const inline = [...html.matchAll(/<script type="module"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inline.length !== 1) {
  console.error(`csp: expected one inline module script, found ${inline.length}`);
  process.exit(1);
}
const hash = createHash('sha256').update(inline[0], 'utf8').digest('base64');
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash}'`,
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const charset = '<meta charset="utf-8">';
if (!html.includes(charset)) {
  console.error('csp: index.html must declare <meta charset="utf-8">');
  process.exit(1);
}
html = html.replace(charset, `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${policy}">`);
await writeFile(file, html);
