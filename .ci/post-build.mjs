// Trunk post-build hook (release builds; job 5 in every build). Five jobs:
//
// 0. The split. Trunk's single module is replaced by the split one (see .ci/split.mjs):
//    a main module for the first screen and one chunk per view, all content-hashed.
// 1. The loader. Trunk injects an inline module script that loads the wasm. Inline
//    script would need a hash in every host page's CSP, so it becomes a file,
//    `afterglow.js`, with a stable name: the one script a clinic page includes. It
//    imports the content-hashed files relative to its own URL, so dist/ can be served
//    from any path. The standalone page loads it like any clinic page would.
// 2. The policy. index.html gets a strict Content-Security-Policy: with no inline
//    script left, `script-src 'self' 'wasm-unsafe-eval'` needs no hash.
//    (frame-ancestors cannot be set from a <meta>; the iframe option sends it as a header.)
// 3. Offline. The standalone page gets a service worker, a manifest and icons (see
//    .ci/offline.mjs); a clinic page that includes the snippet gets none of them.
//
// 4. The clinic setup page (setup.html) gets its own loader and the same policy, and its
//    module loses the linker's relocations (.ci/strip.mjs), which only the split needs.
//
// Development builds get only job 5: `trunk serve` adds an inline live-reload script.
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { split } from './split.mjs';
import { offline } from './offline.mjs';
import { stripRelocations } from './strip.mjs';
import { createHash } from 'node:crypto';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) process.exit(0);
const fail = (message) => {
  console.error(`post-build: ${message}`);
  process.exit(1);
};
// 5. The Spanish texts (every build): build.rs checks src/i18n/es.txt against the English
//    table and writes it, named by its content, into target/i18n/; the one whose name the
//    module carries goes beside it, fetched by every visit whatever the language.
{
  const shared = 'target/i18n';
  const names = (await readdir(shared).catch(() => [])).filter((n) => /^afterglow-es-[0-9a-f]{16}\.txt$/.test(n));
  const modules = await Promise.all(
    (await readdir(dir)).filter((n) => n.endsWith('.wasm')).map((n) => readFile(join(dir, n))),
  );
  const wanted = names.filter((n) => modules.some((m) => m.includes(n)));
  // The setup page's preview mounts the journal itself and never fetches the table (its
  // module does not name one); the journal's must.
  const setupPage = basename(process.env.TRUNK_HTML_FILE ?? '') === 'setup.html';
  if (setupPage && wanted.length === 0) {
    // Nothing to copy.
  } else if (wanted.length !== 1) fail(`expected one Spanish table named in the module, found ${wanted.length} (target/i18n: ${names.length} files)`);
  else await copyFile(join(shared, wanted[0]), join(dir, wanted[0]));
}
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const policy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const charset = '<meta charset="utf-8">';

// The clinic setup page (setup.html, built by .ci/build into dist/setup/): its loader
// becomes setup/setup.js and it gets the same policy; no split, no offline files.
if (basename(process.env.TRUNK_HTML_FILE ?? '') === 'setup.html') {
  const page = join(dir, 'setup.html');
  let html = await readFile(page, 'utf8');
  const scripts = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)];
  const js = scripts[0]?.[1].match(/import init from '\.\/setup\/([^']+\.js)'/)?.[1];
  const wasm = scripts[0]?.[1].match(/module_or_path: '\.\/setup\/([^']+\.wasm)'/)?.[1];
  if (scripts.length !== 1 || !js || !wasm) fail(`setup.html: Trunk's loader changed shape; update .ci/post-build.mjs\n${html}`);
  await writeFile(
    join(dir, 'setup.js'),
    `// The setup page's loader.\nimport init from './${js}';\n\nawait init({ module_or_path: new URL('./${wasm}', import.meta.url) });\n`,
  );
  // The linker's relocations (kept for the journal's split) are 2.5 MB of nothing here;
  // the preload's integrity is made again for the smaller file.
  const wasmFile = join(dir, wasm);
  const stripped = stripRelocations(await readFile(wasmFile));
  await writeFile(wasmFile, stripped);
  const integrity = `sha384-${createHash('sha384').update(stripped).digest('base64')}`;
  const preload = new RegExp(`(<link rel="preload" href="\\./setup/${wasm.replace(/[.]/g, '\\.')}"[^>]*integrity=")[^"]+(")`);
  if (!preload.test(html)) fail("setup.html: the wasm's preload link changed shape; update .ci/post-build.mjs");
  html = html.replace(preload, `$1${integrity}$2`);
  html = html.replace(scripts[0][0], '<script type="module" src="./setup/setup.js"></script>');
  if (!html.includes(charset)) fail('setup.html must declare <meta charset="utf-8">');
  html = html.replace(charset, `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${policy}">`);
  if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) fail('an inline script is left in setup.html');
  await writeFile(page, html);
  process.exit(0);
}
const file = join(dir, 'index.html');
let html = await readFile(file, 'utf8');
try {
  // Afterglow's own page only (any other page Trunk builds is left as it is).
  if (/import init from '\/afterglow-[0-9a-f]+\.js'/.test(html)) html = await split(dir, html);
} catch (error) {
  fail(`splitting the release build: ${error.message}`);
}

const scripts = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)];
if (scripts.length !== 1) fail(`expected one inline module script, found ${scripts.length}`);
const inline = scripts[0][1];
const js = inline.match(/import init from '\/([^']+\.js)'/)?.[1];
const wasm = inline.match(/module_or_path: '\/([^']+\.wasm)'/)?.[1];
if (!js || !wasm) fail("Trunk's loader changed shape; update .ci/post-build.mjs");

const loader = `// Afterglow's loader: the one script a page includes to run Afterglow in every
// [data-afterglow] element. It exports nothing and sets no globals.
import init from './${js}';

await init({ module_or_path: new URL('./${wasm}', import.meta.url) });
`;
await writeFile(join(dir, 'afterglow.js'), loader);
html = html.replace(scripts[0][0], '<script type="module" src="/afterglow.js"></script>');

if (!html.includes(charset)) fail('index.html must declare <meta charset="utf-8">');
html = html.replace(charset, `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${policy}">`);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) fail('an inline script is left in index.html');
try {
  html = await offline(dir, html);
} catch (error) {
  fail(`the offline files: ${error.message}`);
}
await writeFile(file, html);
