// Code splitting for the release build, run by .ci/post-build.mjs inside Trunk's
// post_build hook. Trunk 0.21 compiles and binds one module; this step takes cargo's own
// output (linked with `--emit-relocs`, see .cargo/config.toml) and:
//
// 1. splits it with `wasm-split-cli` at the `#[wasm_split]` points of
//    src/ui/shell/parts.rs: a main module (the first screen) and one `.wasm` per chunk
//    of views, plus chunks of code that several of those share (after wasm-opt, the
//    one only the views and Today share goes into Today's file, and the small ones are
//    merged into one: `mergeIntoParts`, `mergeSmall`);
// 2. binds the main module with `wasm-bindgen` (relocations are gone after binding,
//    hence this order), keeping the exports the chunks link against, less the stream
//    classes the journal never uses (`.ci/glue.mjs`);
// 3. optimises every module with binaryen's `wasm-opt -Os` (npm's binaryen, never
//    Debian's 108, which miscompiles wasm-bindgen output), and minifies the two scripts
//    that load them with npm's terser (names of locals only: every property and export
//    keeps its name, since the module's imports are looked up by them), after the main
//    module's imports from the glue are given short names in both (`.ci/glue.mjs`), and
//    the source paths of panic locations are blanked in every module (`.ci/paths.mjs`);
// 4. names every file by its content hash, gives each chunk fetch an `integrity`, and
//    swaps Trunk's single module out of the staging directory and index.html.
//
// The chunks are fetched relative to the loader's URL, so dist/ can be served from any
// path. Must never leave a half-swapped staging directory: everything is built in a
// temporary directory first and moved in at the end.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mergeChunks } from './merge.mjs';
import { dropStreams, shortenImports } from './glue.mjs';
import { blankPanicPaths } from './paths.mjs';

/**
 * What every module is optimised for (wasm-opt's passes, in order). `-Os`, not `-Oz`:
 * measured on this build with brotli 11, -Os gives smaller transfers (main 221.6 -> 220.7
 * KiB, views 167.4 -> 166.6, share 103.5 -> 103.3) though its raw files are about 4%
 * larger: -Oz's last squeezes leave code that compresses worse. Flattened and its control
 * flow rebuilt first (`--flatten --rereloop`, as -O4 does), then -Os twice: the main
 * module 199.9 -> 198.2 KiB, views 167.0 -> 166.1, share 103.6 -> 103.1 (each alone:
 * -Os -Os 199.5, --flatten -Os -Os 200.1, --flatten --rereloop -Os 198.7, with a third
 * -Os 198.2). About 40 s more build; CPU-bound work (a restore) ran about 5% slower.
 */
export const OPT = ['--flatten', '--rereloop', '-Os', '-Os'];

export const FEATURES = [
  '--enable-bulk-memory',
  '--enable-nontrapping-float-to-int',
  '--enable-reference-types',
  '--enable-sign-ext',
  '--enable-mutable-globals',
];

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
const sha384 = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const short = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex').slice(0, 16);
};

/** cargo's release build of the afterglow binary for wasm32 (Trunk has just built it). */
function cargoWasm(root) {
  const meta = JSON.parse(run('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline', '--manifest-path', join(root, 'Cargo.toml')]));
  return join(meta.target_directory, 'wasm32-unknown-unknown', 'release', 'afterglow.wasm');
}

/** binaryen's wasm-opt from npm (tests/e2e), whatever else is on PATH. */
export function wasmOpt(root) {
  const own = join(root, 'tests', 'e2e', 'node_modules', '.bin', 'wasm-opt');
  const version = run(own, ['--version']);
  if (!/version 132\b/.test(version)) throw new Error(`wasm-opt 132 expected, found ${version.trim()}`);
  return own;
}

/**
 * A script minified by npm's terser (tests/e2e): comments and whitespace out, locals
 * renamed, dead code dropped. Properties keep their names (the wasm module's imports
 * are an object's keys), and so do the module's exports. Measured with `make sizes`:
 * the two scripts lose about 2.2 KiB brotli of the first screen.
 */
async function minify(root, code) {
  const { minify: terser } = await import(pathToFileURL(join(root, 'tests', 'e2e', 'node_modules', 'terser', 'main.js')).href);
  const out = await terser(code, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (typeof out.code !== 'string' || out.code.length === 0) throw new Error('terser gave no script');
  return out.code;
}

/**
 * Shared chunks this small or smaller (bytes, after wasm-opt) are merged into one. 24 KiB:
 * measured, 6 KiB merged eight chunks (28 -> 21 files), 16 KiB twelve (-> 17 files, all
 * files 664.5 -> 661.8 KiB brotli), 24 KiB thirteen (-> 16 files, 661.0 KiB; the one
 * more, 21 KiB, serves the archive, which waited for the merged file already). Of the two
 * left, 52 and 98 KiB, each serves only the views with Share or Today: merged, the
 * archive's part, the first the prefetch needs, would wait for them. 28 KiB since the
 * storage banner moved to Today's chunk: the code it shares with the views and Share
 * grew one of the merged chunks to 25 KiB, a seventeenth file of 10.7 KiB brotli that
 * Today waited for besides; merged again, 16 files and all files 1.4 KiB lighter.
 */
export const SMALL_CHUNK = 28672;

/**
 * A shared chunk used only by the views' chunk (the largest, opened only when the patient
 * leaves Today) and Today's (the comment above the chunk's loader in wasm-split-cli's
 * `__wasm_split.js` names its users) goes into Today's file, which the views then wait
 * for instead: Today needed that code before it could run anyway, so only the views wait
 * for more (Today's own part, fetched before them), and a visit fetches a file fewer.
 * Measured with `make sizes`: 15 -> 14 files, all files 634.0 -> 631.1 KiB. Not done for
 * the archive's and the lock's chunks (the same rule would save 2.3 KiB more and a
 * file): the views would then fail whenever either of them did, where now a failed
 * archive leaves every view working and says so only in the lists it holds back.
 */
const LATE = 'views_part';
const EARLY = 'today_part';

/**
 * The text of shared chunk `n`'s loader in `loaders` (`const __chunk_N = makeLoad(...)`,
 * fetching `chunk_N.wasm`, with no dependencies of its own).
 */
function chunkLoader(loaders, n) {
  const loader = new RegExp(
    `const __chunk_${n} = makeLoad\\(\\(\\) => \\{\\n    const src = fetch\\(new URL\\("\\./chunk_${n}\\.wasm", import\\.meta\\.url\\)\\);\\n(?:(?!makeLoad)[^])*?\\n\\}\\n, \\[\\]\\);`,
  );
  const found = loaders.match(loader);
  if (!found) throw new Error(`__wasm_split.js has no loader without dependencies for chunk_${n}; update .ci/split.mjs`);
  return found[0];
}

/**
 * Merges each shared chunk used only by `LATE` and `EARLY` into `EARLY`'s module, and
 * rewrites `loaders` so that part's loader is a constant of its own, which the views
 * wait for where they waited for the chunk. `modules` is updated in place. Returns the
 * new loaders.
 */
async function mergeIntoParts(opt, cut, modules, loaders) {
  const chunks = [];
  for (const [, users, n] of loaders.matchAll(/\/\* ([a-z_, ]+) \*\/\nconst __chunk_(\d+) = makeLoad/g)) {
    const parts = users.split(', ');
    if (parts.length === 2 && parts.includes(LATE) && parts.includes(EARLY)) chunks.push(n);
  }
  if (chunks.length === 0) return loaders;
  const file = join(cut, `split_${EARLY}.wasm`);
  const merged = chunks.map((n) => join(cut, `chunk_${n}.wasm`));
  if (!modules.includes(file) || merged.some((m) => !modules.includes(m))) throw new Error(`no module for ${EARLY}; update .ci/split.mjs`);
  // Into a file of its own first: the merge checks what it wrote against its inputs.
  await mergeChunks(opt, OPT, [...FEATURES, '--enable-multivalue'], [file, ...merged], `${file}.merged`);
  await rename(`${file}.merged`, file);
  for (const m of merged) modules.splice(modules.indexOf(m), 1);

  const exported = new RegExp(
    `export const __wasm_split_load_${EARLY} = wrapAsyncCb\\((makeLoad\\(\\(\\) => \\{\\n(?:(?!makeLoad)[^])*?\\n\\}\\n, \\[)([^\\]]*)(\\]\\))\\);`,
  );
  const found = loaders.match(exported);
  if (!found) throw new Error(`__wasm_split.js has no loader for ${EARLY}; update .ci/split.mjs`);
  const gone = new Set(chunks.map((n) => `__chunk_${n}`));
  const deps = found[2].split(', ').filter((d) => d && !gone.has(d)).join(', ');
  let own = `const __part_${EARLY} = ${found[1]}${deps}${found[3]};\n`;
  for (const n of chunks) {
    loaders = loaders.replace(chunkLoader(loaders, n), '');
    own += `const __chunk_${n} = __part_${EARLY};\n`;
  }
  loaders = loaders.replace(found[0], `export const __wasm_split_load_${EARLY} = wrapAsyncCb(__part_${EARLY});`);
  // After every chunk's loader (its dependencies), before every part's.
  const at = loaders.indexOf('export const __wasm_split_load_');
  return `${loaders.slice(0, at)}${own}${loaders.slice(at)}`;
}

/**
 * Merges the small shared chunks among `modules` (wasm-split-cli's `chunk_N.wasm` in
 * `cut`) into `chunk_small.wasm` (see .ci/merge.mjs), and points their loaders in
 * `loaders` at it: each `__chunk_N` becomes the merged one's loader, so the file is
 * fetched and instantiated once, by whichever part asks first, and every part still
 * waits for all it needs. `modules` is updated in place. Returns the new loaders.
 */
async function mergeSmall(opt, cut, modules, loaders) {
  const small = [];
  for (const file of modules) {
    const n = file.slice(cut.length + 1).match(/^chunk_(\d+)\.wasm$/)?.[1];
    if (n && (await readFile(file)).length <= SMALL_CHUNK) small.push({ file, n });
  }
  if (small.length < 2) return loaders;
  const merged = join(cut, 'chunk_small.wasm');
  await mergeChunks(opt, OPT, [...FEATURES, '--enable-multivalue'], small.map((c) => c.file), merged);
  let own;
  for (const { file, n } of small) {
    const found = chunkLoader(loaders, n);
    own ??= found.replaceAll(`__chunk_${n}`, '__chunk_small').replace(`chunk_${n}.wasm`, 'chunk_small.wasm');
    loaders = loaders.replace(found, `const __chunk_${n} = __chunk_small;`);
    modules.splice(modules.indexOf(file), 1);
  }
  // Before every chunk's loader, so each alias reads a defined constant.
  const at = loaders.indexOf('const __chunk_');
  loaders = `${loaders.slice(0, at)}${own}\n${loaders.slice(at)}`;
  modules.push(merged);
  return loaders;
}

/**
 * Splits the release build into `dir` (Trunk's staging directory) and rewrites `html`,
 * Trunk's index.html, to load the split main module. Returns the new html.
 */
export async function split(dir, html, root = resolve(process.cwd())) {
  const oldJs = html.match(/import init from '\/([^']+\.js)'/)?.[1];
  const oldWasm = html.match(/module_or_path: '\/([^']+\.wasm)'/)?.[1];
  if (!oldJs || !oldWasm) throw new Error("Trunk's loader changed shape; update .ci/split.mjs");

  const work = await mkdtemp(join(tmpdir(), 'afterglow-split-'));
  try {
    const cut = join(work, 'cut');
    run('wasm-split-cli', ['--target', 'web', cargoWasm(root), cut]);
    const bound = join(work, 'bound');
    run('wasm-bindgen', [join(cut, 'main.wasm'), '--target', 'web', '--keep-lld-exports', '--no-demangle', '--out-dir', bound, '--out-name', 'main']);
    const opt = wasmOpt(root);
    const modules = [join(bound, 'main_bg.wasm')];
    for (const name of (await readdir(cut)).sort()) {
      if (name.endsWith('.wasm') && name !== 'main.wasm') modules.push(join(cut, name));
    }
    // The glue's unused stream classes go first, so wasm-opt drops the code behind them.
    const streamless = dropStreams(await readFile(modules[0]), await readFile(join(bound, 'main.js'), 'utf8'));
    await writeFile(modules[0], streamless.wasm);
    await writeFile(join(bound, 'main.js'), streamless.js);
    for (const file of modules) run(opt, [...OPT, ...FEATURES, '--strip-debug', '--strip-producers', file, '-o', file]);

    let loaders = await readFile(join(cut, '__wasm_split.js'), 'utf8');
    loaders = await mergeIntoParts(opt, cut, modules, loaders);
    loaders = await mergeSmall(opt, cut, modules, loaders);
    let blanked = 0;
    for (const file of modules) {
      const out = blankPanicPaths(await readFile(file));
      await writeFile(file, out.wasm);
      blanked += out.blanked;
    }
    if (blanked === 0) throw new Error('no panic-location path found to blank; update .ci/paths.mjs');
    const named = shortenImports(await readFile(modules[0]), await readFile(join(bound, 'main.js'), 'utf8'));
    await writeFile(modules[0], named.wasm);
    await writeFile(join(bound, 'main.js'), named.js);

    // Chunks first: they are leaves, named by their own content.
    const out = new Map();
    for (const file of modules.slice(1)) {
      const name = file.slice(cut.length + 1);
      const bytes = await readFile(file);
      const stem = name.replace(/\.wasm$/, '').replace(/^split_(.*)_part$/, '$1').replace(/^chunk_/, 'shared-');
      const hashed = `afterglow-${stem}-${short(bytes)}.wasm`;
      const fetch = `fetch(new URL("./${name}", import.meta.url))`;
      if (!loaders.includes(fetch)) throw new Error(`__wasm_split.js does not fetch ${name}`);
      loaders = loaders.replace(fetch, `fetch(new URL("./${hashed}", import.meta.url), { integrity: "${sha384(bytes)}" })`);
      out.set(hashed, bytes);
    }
    if (/fetch\(new URL\("\.\/(chunk|split)_/.test(loaders)) throw new Error('a chunk fetch was left unnamed');

    // The main module, its JS and the chunk loaders; the two scripts import each other,
    // so they share one name, hashed from both (with the names left out) and the module.
    const wasm = await readFile(join(bound, 'main_bg.wasm'));
    const wasmName = `afterglow-${short(wasm)}_bg.wasm`;
    let js = await readFile(join(bound, 'main.js'), 'utf8');
    const pair = short(js, loaders, wasm);
    const jsName = `afterglow-${pair}.js`;
    const loadersName = `afterglow-${pair}-chunks.js`;
    // Only the import statements: the import object's keys stay the wasm module's names.
    if (!js.includes('from "./__wasm_split.js"') || !loaders.includes('from "./main.js"')) {
      throw new Error('wasm-bindgen or wasm-split-cli output changed shape; update .ci/split.mjs');
    }
    js = await minify(root, js.replaceAll('from "./__wasm_split.js"', `from "./${loadersName}"`));
    loaders = await minify(root, loaders.replaceAll('from "./main.js"', `from "./${jsName}"`));
    out.set(wasmName, wasm);
    out.set(jsName, Buffer.from(js));
    out.set(loadersName, Buffer.from(loaders));

    // Trunk's unsplit module makes way; the preload links point at the split one.
    const relink = (from, to, bytes) => {
      const link = new RegExp(`href="/${from.replace(/[.]/g, '\\.')}"([^>]*?)integrity="[^"]*"`);
      if (!link.test(html)) throw new Error(`index.html has no preload link for ${from}`);
      html = html.replace(link, `href="/${to}"$1integrity="${sha384(bytes)}"`).replaceAll(`/${from}`, `/${to}`);
    };
    relink(oldJs, jsName, out.get(jsName));
    relink(oldWasm, wasmName, wasm);
    const mainLink = html.match(/<link rel="modulepreload"[^>]*>/)[0];
    html = html.replace(
      mainLink,
      `${mainLink}<link rel="modulepreload" href="/${loadersName}" crossorigin="anonymous" integrity="${sha384(out.get(loadersName))}">`,
    );
    await rm(join(dir, oldJs));
    await rm(join(dir, oldWasm));
    for (const [name, bytes] of out) await writeFile(join(dir, name), bytes);
    return html;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
