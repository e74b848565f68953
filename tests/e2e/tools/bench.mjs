// Afterglow's performance benchmark: one command (`make bench`) that builds the release and
// a Leptos hello-world yardstick, serves both on 127.0.0.1, drives headless Chromium through
// the scenarios of a patient's use with an empty, a one-year and a ten-year journal, and
// prints medians (min-max) over several runs after a discarded warm-up, plus bundle sizes,
// stored size against the smallest quota, and ratios against hello world. Writes the same
// as JSON. Times come from the Performance API and the app's `ag:*` user-timing marks
// (src/ui/shell/perf.rs), never from sleeps. Reports only: it never fails on a number.
//
// The release build is code-split: the first screen is what the page fetches before
// `ag:mounted`; then the app fetches every view's chunk in one fixed order and marks
// `ag:prefetched`. The bundle section reports the first screen, each chunk and all files
// together, and the prefetch time; the use section opens each lazy view after the prefetch.
// `ag:ready` marks the home view's first content (the composer; on a first visit, with
// nothing stored, the welcome): a start's "ready" row is when a patient can begin.
//
// Start and prefetch are also timed on an emulated slow connection (1.6 Mbit/s, 150 ms,
// DevTools protocol network emulation, files sent compressed), where what requests cost
// shows.
//
// Usage: node tests/e2e/tools/bench.mjs [--runs N] [--no-build] [--out FILE] [--only views|migration]
// --only views times only the view opens after the prefetch (empty and ten-year journals),
// --only migration only the migration to packed months (CPU-bound: the archive's deflate
// and JSON), for comparing two builds quickly; each prints its figures and writes nothing.
// --no-build skips the app's release build; the hello-world yardstick is always built,
// like the app's release (cargo, wasm-bindgen, wasm-opt at the app's level), and checked to be in its
// expected range before any ratio to it is printed. AFTERGLOW_DIST=DIR benchmarks the app
// build in DIR instead of dist/, as it is.
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { startServer } from '../harness/server.mjs';
import { FEATURES, OPT, wasmOpt } from '../../../.ci/split.mjs';
import { shortenImports } from '../../../.ci/glue.mjs';
import { launchBrowser } from '../harness/browser.mjs';
import { generateJournal } from '../harness/seed.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
/** `--name VALUE` or `--name=VALUE`; `fallback` when absent. */
const arg = (name, fallback) => {
  const eq = process.argv.find((a) => a.startsWith(`${name}=`));
  if (eq) return eq.slice(name.length + 1);
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const value = process.argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value;
};
const RUNS = Number(arg('--runs', 7));
// Every series runs RUNS times after its warm-up, so --runs must be a whole number >= 1.
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs must be a whole number >= 1, not ${arg('--runs')}`);
const OUT = resolve(arg('--out', join(root, 'tests/e2e/artifacts/bench.json')));
const APP_DIST = process.env.AFTERGLOW_DIST ? resolve(process.env.AFTERGLOW_DIST) : join(root, 'dist');
const OWN_DIST = !process.env.AFTERGLOW_DIST;
const HELLO_DIST = join(root, 'target/bench/hello');
const QUOTA_UNITS = 5 * 1024 * 1024; // Firefox: 5 MiB of UTF-16 code units per origin
const THROTTLE = 4;

// --- Build -------------------------------------------------------------------------------
// A dist given by AFTERGLOW_DIST is benchmarked as it is, never rebuilt.
if (!process.argv.includes('--no-build') && OWN_DIST) {
  console.error('$ trunk build --release --offline');
  const r = spawnSync('trunk', ['build', '--release', '--offline'], { cwd: root, env: { ...process.env, TRUNK_SKIP_VERSION_CHECK: 'true' }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('trunk build --release --offline failed');
}
await buildHello();

/**
 * The hello-world yardstick, built as the app's release is (.ci/split.mjs): cargo's release
 * profile, wasm-bindgen, then binaryen's `wasm-opt` at the same level (.ci/split.mjs's
 * OPT) with the same features, stripped, and its glue's names shortened (.ci/glue.mjs).
 * Always built (cargo answers at once when nothing changed), so it never measures a stale
 * or differently built file.
 */
async function buildHello() {
  const step = (cmd, args) => {
    const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
  };
  step('cargo', ['build', '--release', '--locked', '--offline', '--target', 'wasm32-unknown-unknown', '-p', 'afterglow-bench-hello']);
  await mkdir(HELLO_DIST, { recursive: true });
  step('wasm-bindgen', [join(root, 'target/wasm32-unknown-unknown/release/afterglow-bench-hello.wasm'), '--target', 'web', '--no-typescript', '--out-dir', HELLO_DIST, '--out-name', 'hello']);
  const wasm = join(HELLO_DIST, 'hello_bg.wasm');
  // `--emit-relocs` (.cargo/config.toml, for the split) leaves linking and relocation
  // sections that wasm-split consumes in the app's build; nothing consumes them here, so
  // they go before wasm-opt (which keeps what it does not know), as the app's modules
  // carry none. The features section stays: wasm-opt reads it.
  await writeFile(wasm, withoutCustomSections(await readFile(wasm), (name) => name === 'linking' || name.startsWith('reloc.')));
  step(wasmOpt(root), [...OPT, ...FEATURES, '--strip-debug', '--strip-producers', wasm, '-o', wasm]);
  const glue = join(HELLO_DIST, 'hello.js');
  const named = shortenImports(await readFile(wasm), await readFile(glue, 'utf8'), './hello_bg.js');
  await writeFile(wasm, named.wasm);
  await writeFile(glue, named.js);
  await writeFile(
    join(HELLO_DIST, 'index.html'),
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Hello, world</title><link rel="icon" href="data:,">' +
      '<script type="module">import init from "./hello.js"; init();</script></head><body></body></html>\n',
  );
}

/** `bytes`, a wasm module, without the custom sections (id 0) whose name `drop` picks. */
function withoutCustomSections(bytes, drop) {
  const kept = [bytes.subarray(0, 8)];
  let pos = 8;
  const leb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[pos++];
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
    }
  };
  while (pos < bytes.length) {
    const start = pos;
    const id = bytes[pos++];
    const size = leb();
    const end = pos + size;
    let name = null;
    if (id === 0) {
      const length = leb();
      name = bytes.subarray(pos, pos + length).toString('utf8');
    }
    pos = end;
    if (id !== 0 || !drop(name)) kept.push(bytes.subarray(start, end));
  }
  return Buffer.concat(kept);
}

// A Leptos hello world built like Afterglow weighs about 23 KB brotli (22 KiB). Outside this range
// the yardstick was built some other way, and a ratio to it would say nothing.
const HELLO_RANGE = [15_000, 40_000];

// --- Helpers -----------------------------------------------------------------------------
/** A series' median and range, as every table row prints it. */
const ms = (s) => (s && Number.isFinite(s.median) ? `${s.median.toFixed(1)} ms (${s.min.toFixed(1)}-${s.max.toFixed(1)})` : 'n/a');
const stats = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return { median: NaN, min: NaN, max: NaN, n: 0 };
  const mid = s.length / 2;
  const median = s.length % 2 ? s[Math.floor(mid)] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s.at(-1), n: s.length };
};
const median = (xs) => stats(xs).median;
const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

const appServer = await startServer(APP_DIST, { mounts: { '/bench/': join(root, 'tests/bench') } });
const helloServer = await startServer(HELLO_DIST);
// The slow-network runs download what a server would send: every file compressed.
const appNetServer = await startServer(APP_DIST, { mounts: { '/bench/': join(root, 'tests/bench') }, compress: true });
const helloNetServer = await startServer(HELLO_DIST, { compress: true });
const browser = await launchBrowser();
// As each journal was kept before the archive (schema 1, one key a record); the app packs
// the closed months of each on its first visit (`packed` below).
const plainJournals = {
  empty: {},
  oneYear: generateJournal({ days: 365, seed: 7 }),
  tenYears: generateJournal({ days: 3650, seed: 7 }),
  // 500 words a day, one entry in eight with text beyond Latin-1 (curly quotes, emoji).
  heavyWriter: generateJournal({ days: 3650, seed: 11, wordsPerDay: 500 }),
};

/**
 * A fresh profile whose origin (`url`'s) already holds `store`, as a returning patient's
 * does: it is written from a blank page of that origin first, so writing it is not timed.
 */
// The slow connection of a patient on a weak phone signal or a clinic's shared hosting.
const SLOW_NET = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const SLOW_NET_LABEL = '1.6 Mbit/s, 150 ms';

async function openPage(url, store, { throttle = 1, keepPrefs = false, network = null } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // `store` null: a first visit, nothing stored at all (the welcome shows).
  if (store !== null) await page.goto(new URL('/planting-storage', url).href); // a 404 page on the same origin
  if (store !== null) await page.evaluate(([data, keepPrefs]) => {
    for (const [k, v] of Object.entries(data)) localStorage.setItem(k, v);
    if (keepPrefs && localStorage.getItem('afterglow:prefs')) return;
    // Skip the first-run welcome, as a returning patient would.
    // A locked journal's preferences are sealed: they stay as they are.
    if (localStorage.getItem('afterglow:prefs')?.startsWith('agx1')) return;
    const prefs = JSON.parse(localStorage.getItem('afterglow:prefs') ?? '{"stage":"integration"}');
    localStorage.setItem('afterglow:prefs', JSON.stringify({ ...prefs, w: true }));
  }, [store, keepPrefs]);
  if (throttle !== 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  if (network) {
    // DevTools protocol network emulation: every request of the page pays the latency and
    // shares the throughput, as on the slow connection itself.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  return { context, page };
}

const PREFETCH_TIMEOUT = 120_000;

/**
 * Opens the app once on a schema-1 journal and waits until it has folded every closed
 * month (`ag:archive-folded`): what a returning patient's storage holds after the first
 * visit of this version. Returns that storage, the migration's time (`ag:archive-fold`)
 * and every long task (over 50 ms) that ran while it did.
 */
async function packed(store) {
  const { context, page } = await openPage(appServer.url, store);
  await context.addInitScript({
    content: `window.__longTasks = [];
      try {
        new PerformanceObserver((l) => { for (const e of l.getEntries()) __longTasks.push({ start: e.startTime, duration: e.duration }); })
          .observe({ type: 'longtask', buffered: true });
      } catch {}`,
  });
  await page.goto(`${appServer.url}/`);
  await page.waitForFunction(() => performance.getEntriesByName('ag:archive-folded').length > 0, null, { timeout: PREFETCH_TIMEOUT });
  const out = await page.evaluate(() => {
    const fold = performance.getEntriesByName('ag:archive-fold')[0];
    const during = fold
      ? __longTasks.filter((t) => t.start >= fold.startTime && t.start < fold.startTime + fold.duration)
      : [];
    const data = {};
    for (let i = 0; i < localStorage.length; i += 1) {
      const k = localStorage.key(i);
      data[k] = localStorage.getItem(k);
    }
    return { foldMs: fold ? fold.duration : 0, longTasks: during.map((t) => t.duration), data };
  });
  await context.close();
  return out;
}
// A build from before code splitting (to compare against, with AFTERGLOW_DIST) has no
// chunk loaders and never marks `ag:prefetched`: everything is in at `ag:mounted`.
const SPLIT = (await readdir(APP_DIST)).some((f) => f.endsWith('-chunks.js'));
/** Waits for the app's `ag:prefetched` mark (every chunk fetched and instantiated). */
const prefetched = async (page) => {
  if (SPLIT) {
    await page.waitForFunction(() => performance.getEntriesByName('ag:prefetched').length > 0, null, { timeout: PREFETCH_TIMEOUT });
  }
};

/**
 * Milliseconds from navigation start to the `ag:mounted` mark and the files fetched before
 * it (the first screen: the document and every resource whose fetch started before the
 * mark). With `prefetch`, then waits for `ag:prefetched`: the milliseconds from
 * `ag:mounted` to it, and every file fetched by then.
 */
async function startOnce(url, store, throttle, prefetch, network = null) {
  const { context, page } = await openPage(url, store, { throttle, network });
  const requested = new Set();
  page.on('requestfinished', (r) => {
    const u = new URL(r.url());
    if (u.origin === new URL(url).origin) requested.add(u.pathname);
  });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('ag:mounted').length > 0);
  // Resource timing, not request events: it says when each fetch started, by the page's clock.
  const timeline = () =>
    page.evaluate(() => ({
      mounted: performance.getEntriesByName('ag:mounted')[0].startTime,
      prefetched: performance.getEntriesByName('ag:prefetched')[0]?.startTime ?? NaN,
      ready: performance.getEntriesByName('ag:ready')[0]?.startTime ?? NaN,
      archiveRead: performance.getEntriesByName('ag:archive-read')[0]?.duration ?? NaN,
      resources: performance
        .getEntriesByType('resource')
        .filter((e) => new URL(e.name).origin === location.origin)
        .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime })),
    }));
  let t = await timeline();
  const ms = t.mounted;
  const firstScreen = new Set(['/', ...t.resources.filter((r) => r.start < t.mounted).map((r) => r.path)]);
  let prefetchMs = NaN;
  // The home view's first content (the composer, or the welcome on a first visit): a
  // part of Today's chunk may come after the first screen.
  // (Only Afterglow's own page marks it; the hello world and an old build do not.)
  let readyMs = NaN;
  if (prefetch) {
    await page.waitForFunction(() => performance.getEntriesByName('ag:ready').length > 0, null, { timeout: PREFETCH_TIMEOUT }).catch(() => {});
    readyMs = (await timeline()).ready;
  }
  if (prefetch) {
    try {
      await prefetched(page);
    } catch {
      console.error(`  no ag:prefetched within ${PREFETCH_TIMEOUT / 1000} s (${url}, throttle ${throttle}x)`);
    }
    await page.waitForFunction(() => performance.getEntriesByName('ag:archive-folded').length > 0, null, { timeout: PREFETCH_TIMEOUT }).catch(() => {});
    t = await timeline();
    prefetchMs = t.prefetched - t.mounted;
  }
  const all = new Set(['/', ...t.resources.map((r) => r.path), ...requested]);
  await context.close();
  return { ms, readyMs, prefetchMs, archiveReadMs: t.archiveRead, firstScreen: [...firstScreen], files: [...all] };
}

/**
 * A second visit of the standalone page: the first (in the same profile) has installed
 * the service worker; the second is timed from navigation start to `ag:mounted`, on
 * `network` if given, and counts the requests that reached the network.
 */
async function secondVisitOnce(url, store, network = null) {
  const { context, page } = await openPage(url, store);
  await page.goto(url);
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: PREFETCH_TIMEOUT });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.close();
  const second = await context.newPage();
  if (network) {
    const cdp = await context.newCDPSession(second);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  let fromNetwork = 0;
  second.on('response', (r) => {
    if (!r.fromServiceWorker()) fromNetwork += 1;
  });
  await second.goto(url);
  await second.waitForFunction(() => performance.getEntriesByName('ag:mounted').length > 0);
  const ms = await second.evaluate(() => performance.getEntriesByName('ag:mounted')[0].startTime);
  await context.close();
  return { ms, fromNetwork };
}

async function secondVisitSeries(url, store, network = null) {
  const runs = [];
  for (let run = 0; run < RUNS; run += 1) runs.push(await secondVisitOnce(url, store, network));
  return { ...stats(runs.map((r) => r.ms)), fromNetwork: Math.max(...runs.map((r) => r.fromNetwork)) };
}

/** Transfer of `files` (URL paths), brotli level 11 as a server would send. */
async function transfer(dist, files) {
  const out = { wasm: 0, js: 0, css: 0, html: 0 };
  for (const f of files) {
    const path = f === '/' ? 'index.html' : f.slice(1);
    const kind = path.endsWith('.wasm') ? 'wasm' : path.endsWith('.js') ? 'js' : path.endsWith('.css') ? 'css' : 'html';
    out[kind] += brotli(await readFile(join(dist, path)));
  }
  out.total = out.wasm + out.js + out.css;
  return out;
}

// A view or shared chunk (`afterglow-journal-<hash16>.wasm`, `afterglow-shared-7-<hash16>.wasm`);
// the main module is `afterglow-<hash>_bg.wasm`. The name without its hash is group 1.
const CHUNK = /^(afterglow-.+)-[0-9a-f]{16}\.wasm$/;
const chunkName = (path) => {
  const m = CHUNK.exec(path.split('/').at(-1));
  return m && `${m[1]}.wasm`;
};

/** Each chunk among `files` (URL paths), brotli level 11, largest first; and the chunks in
 * `dist` that none of `files` is. */
async function chunkSizes(dist, files) {
  const out = [];
  for (const f of files) {
    const name = chunkName(f);
    if (name) out.push({ name, file: f.slice(1), brotli: brotli(await readFile(join(dist, f.slice(1)))) });
  }
  out.sort((a, b) => b.brotli - a.brotli || a.name.localeCompare(b.name));
  const fetched = new Set(out.map((c) => c.file));
  const missing = (await readdir(dist)).filter((f) => chunkName(f) && !fetched.has(f));
  return { chunks: out, missing };
}

/** Navigation start to DOMContentLoaded of a document with no script, on an origin
 * holding `store`: what the browser spends before any of the page's code can run. */
async function blankSeries(store) {
  const samples = [];
  for (let run = 0; run <= RUNS; run += 1) {
    const { context, page } = await openPage(appServer.url, store);
    await page.goto(`${appServer.url}/bench/blank.html`);
    const ms = await page.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd);
    await context.close();
    if (run > 0) samples.push(ms);
  }
  return stats(samples);
}

async function startSeries(url, store, throttle, { prefetch = SPLIT, network = null } = {}) {
  const samples = [];
  const readySamples = [];
  const prefetchSamples = [];
  const archiveSamples = [];
  let files = [];
  let firstScreen = [];
  for (let run = 0; run <= RUNS; run += 1) {
    const r = await startOnce(url, store, throttle, prefetch, network);
    ({ files, firstScreen } = r);
    if (run > 0) {
      // run 0 warms the caches
      samples.push(r.ms);
      readySamples.push(r.readyMs);
      prefetchSamples.push(r.prefetchMs);
      archiveSamples.push(r.archiveReadMs);
    }
  }
  return {
    ...stats(samples),
    files,
    firstScreen,
    ready: stats(readySamples),
    prefetch: prefetch ? stats(prefetchSamples) : undefined,
    archiveRead: prefetch ? stats(archiveSamples) : undefined,
  };
}

// In the page: the widget's shadow root, waiting for a selector, a forced layout.
const IN_PAGE = `
  window.__ag = {
    root: () => document.querySelector('[data-afterglow]').shadowRoot,
    until(sel) {
      const r = this.root();
      if (r.querySelector(sel)) return Promise.resolve();
      return new Promise((ok) => {
        const o = new MutationObserver(() => { if (r.querySelector(sel)) { o.disconnect(); ok(); } });
        o.observe(r, { childList: true, subtree: true, attributes: true });
      });
    },
    layout() { return this.root().querySelector('.ag-app').getBoundingClientRect().height; },
    /** Resolves after every queued microtask (where Leptos runs effects) has run. */
    settled() {
      return new Promise((ok) => {
        const c = new MessageChannel();
        c.port1.onmessage = () => ok();
        c.port2.postMessage(0);
      });
    },
    last(name) { return performance.getEntriesByName(name).at(-1)?.duration ?? NaN; },
    /** Types text one character at a time; each keystroke's time until its effects have
        run and the page is laid out again (paint excluded). */
    async type(el, text) {
      const times = [];
      for (const ch of text) {
        const t0 = performance.now();
        el.value += ch;
        el.dispatchEvent(new InputEvent('input', { bubbles: true, data: ch, inputType: 'insertText' }));
        await this.settled();
        this.layout();
        times.push(performance.now() - t0);
      }
      return times;
    },
  };`;

/** The app on `store`, its first screen mounted and every chunk prefetched, with IN_PAGE. */
async function openApp(store, throttle = 1) {
  const { context, page } = await openPage(appServer.url, store, { throttle });
  await context.addInitScript({ content: IN_PAGE });
  await page.goto(`${appServer.url}/`);
  await page.waitForFunction(() => performance.getEntriesByName('ag:mounted').length > 0);
  // Every chunk in before any view is opened: a view opened earlier waits its turn in the
  // prefetch queue, which would time the network, not the view.
  await prefetched(page);
  return { context, page };
}

/** Follows a navigation link; the time until `ready` (inside the view) is in the DOM and
 * the page has been laid out. NaN if the view's chunk failed (its message shows instead). */
const nav = (page, label, ready) =>
  page.evaluate(
    async ([name, sel]) => {
      const link = [...__ag.root().querySelectorAll('.ag-nav__link')].find((a) => a.textContent === name);
      if (!link) throw new Error(`no navigation link ${name}`);
      const t0 = performance.now();
      link.click();
      await __ag.until(`${sel}, .ag-part-failed`);
      await __ag.settled();
      __ag.layout();
      const ms = performance.now() - t0;
      return __ag.root().querySelector(sel) ? ms : NaN;
    },
    [label, ready],
  );

/** One pass through the use scenarios on a journal; returns a sample per metric. */
async function usePass(store) {
  const { context, page } = await openApp(store);
  const out = {};
  // Typing in the editor (Today), then saving that entry.
  out.keystroke = median(
    await page.evaluate(() => __ag.type(__ag.root().querySelector('textarea'), 'A quiet morning after the session, and tea.')),
  );
  out.save = await page.evaluate(async () => {
    const t0 = performance.now();
    __ag.root().querySelector('button[type="submit"]').click();
    await __ag.until('[role="status"]:not(:empty)');
    return { store: __ag.last('ag:save'), confirmed: performance.now() - t0 };
  });
  // Opening the journal, then searching it.
  out.journal = await nav(page, 'Journal', '.ag-filters');
  out.search = median(await page.evaluate(() => __ag.type(__ag.root().querySelector('input[type="search"]'), 'river')));
  // The all-time chart.
  await nav(page, 'Mood', '.ag-checkin');
  out.chart = await page.evaluate(async () => {
    const all = [...__ag.root().querySelectorAll('button')].find((b) => b.textContent === 'All');
    if (!all) return NaN; // no chart without check-ins
    all.click();
    await __ag.settled();
    return __ag.last('ag:chart');
  });
  // The whole-course summary.
  await nav(page, 'Share', '.ag-summary');
  out.summary = await page.evaluate(async () => {
    const select = [...__ag.root().querySelectorAll('select')].find((s) => s.labels[0]?.textContent === 'Period');
    select.value = [...select.options].find((o) => o.textContent === 'Whole course').value;
    const t0 = performance.now();
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await __ag.settled();
    __ag.layout();
    return { build: __ag.last('ag:summary'), shown: performance.now() - t0 };
  });
  await context.close();
  return out;
}

async function useSeries(store) {
  const samples = [];
  for (let run = 0; run <= RUNS; run += 1) {
    const s = await usePass(store);
    if (run > 0) samples.push(s);
  }
  const pick = (f) => stats(samples.map(f));
  return {
    journalOpen: pick((s) => s.journal),
    keystroke: pick((s) => s.keystroke),
    saveStore: pick((s) => s.save.store),
    saveConfirmed: pick((s) => s.save.confirmed),
    chartAll: pick((s) => s.chart),
    summaryBuild: pick((s) => s.summary.build),
    summaryShown: pick((s) => s.summary.shown),
    searchKeystroke: pick((s) => s.search),
  };
}

// The six lazy views, by their navigation link text, each with a selector found only in
// that view (src/ui/<feature>/mod.rs), so it cannot match the view being left.
const VIEWS = [
  ['Journal', '.ag-filters'],
  ['Mood', '.ag-checkin'],
  ['Sessions', '.ag-section[aria-label="Sessions"]'],
  ['My plan', '.ag-section[aria-label="Insights and steps"] .ag-step-form'],
  ['Share', '.ag-summary'],
  ['Settings', '.ag-section[aria-label="Settings"] .ag-danger'],
];

/** Opens each lazy view once, in navigation order from Today, after the prefetch: the
 * milliseconds per view, and the slowest. */
async function viewsPass(store, throttle) {
  const { context, page } = await openApp(store, throttle);
  const out = {};
  for (const [label, ready] of VIEWS) out[label] = await nav(page, label, ready);
  await context.close();
  out.slowest = Math.max(...Object.values(out)); // NaN if any view failed
  return out;
}

async function viewsSeries(store, throttle = 1) {
  const samples = [];
  for (let run = 0; run <= RUNS; run += 1) {
    const s = await viewsPass(store, throttle);
    if (run > 0) samples.push(s);
  }
  const out = {};
  for (const key of [...VIEWS.map(([label]) => label), 'slowest']) out[key] = stats(samples.map((s) => s[key]));
  return out;
}

/** Stored size of a journal: UTF-16 units (Firefox's count) and Safari's bytes. */
function storedSize(store) {
  let units = 0;
  let safariBytes = 0;
  for (const [k, v] of Object.entries(store)) {
    for (const s of [k, v]) {
      units += s.length;
      // Safari stores a string with any character beyond Latin-1 at 2 bytes per unit.
      safariBytes += /[^\u0000-\u00ff]/.test(s) ? 2 * s.length : s.length;
    }
  }
  return { keys: Object.keys(store).length, units, safariBytes, quota: QUOTA_UNITS };
}

/**
 * A journal too big to store unpacked (the heavy writer's ten years are twice any quota
 * as one key a record) packed the way a patient's grows: a year's records are added to
 * what the app has packed so far, and the app is opened to fold them, year by year.
 */
async function packedYearByYear(store) {
  const created = (key) => {
    const id = key.split(':')[2] ?? '';
    const t = parseInt(id.split('-')[0], 36);
    return Number.isFinite(t) ? t : Infinity;
  };
  const year = 365 * 86_400_000;
  const oldest = Math.min(...Object.keys(store).map(created));
  let data = {};
  for (const [k, v] of Object.entries(store)) if (created(k) === Infinity) data[k] = v;
  for (let from = oldest; from < Date.now(); from += year) {
    const slice = { ...data };
    for (const [k, v] of Object.entries(store)) {
      const t = created(k);
      if (t >= from && t < from + year) slice[k] = v;
    }
    data = (await packed(slice)).data;
    if (process.env.BENCH_DEBUG) {
      const sz = storedSize(data);
      console.error(`  packed to ${new Date(from + year).toISOString().slice(0, 10)}: ${sz.keys} keys, ${sz.units} units`);
    }
  }
  return data;
}

// --- Run ---------------------------------------------------------------------------------
const result = { runs: RUNS, throttle: THROTTLE, chromium: browser.version(), at: new Date().toISOString() };
/**
 * The heavy writer's own backup, downloaded from the profile that holds it, restored with
 * Merge into a new, empty profile (the same quota): the `ag:restore` measure and the
 * WebAssembly memory after it (`ag:wasm-memory:N`; it only grows, so it bounds the peak).
 */
async function restoreOnce(store) {
  const { context, page } = await openPage(appServer.url, store);
  await page.goto(`${appServer.url}/#/share`);
  await prefetched(page);
  await page.waitForFunction(() => performance.getEntriesByName('ag:archive-read').length > 0, null, { timeout: PREFETCH_TIMEOUT });
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: PREFETCH_TIMEOUT }),
    page.getByRole('button', { name: 'Download a full backup' }).click(),
  ]);
  const text = await readFile(await file.path(), 'utf8');
  await context.close();
  const fresh = await openPage(appServer.url, {});
  await fresh.page.goto(`${appServer.url}/#/share`);
  await prefetched(fresh.page);
  await fresh.page.getByLabel('Restore from a backup file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await fresh.page.getByRole('button', { name: 'Merge into my journal' }).click();
  await fresh.page.waitForFunction(() => performance.getEntriesByName('ag:restore').length > 0, null, { timeout: PREFETCH_TIMEOUT });
  const out = await fresh.page.evaluate(() => {
    const restore = performance.getEntriesByName('ag:restore')[0];
    const memory = performance.getEntriesByType('mark').map((m) => m.name).filter((n) => n.startsWith('ag:wasm-memory:')).at(-1);
    // The app renders in its host's shadow root, which document.querySelectorAll does not enter.
    const root = document.querySelector('[data-afterglow]')?.shadowRoot ?? document;
    const said = [...root.querySelectorAll('[role=status], [role=alert]')].map((e) => e.textContent).join(' ');
    let units = 0;
    for (let i = 0; i < localStorage.length; i += 1) {
      const k = localStorage.key(i);
      units += k.length + localStorage.getItem(k).length;
    }
    return { ms: restore.duration, wasmBytes: Number(memory?.split(':').at(-1) ?? NaN), said, units };
  });
  await fresh.context.close();
  return { ...out, fileBytes: Buffer.byteLength(text) };
}

const LOCK_PASSPHRASE = 'quiet harbour lanterns';

/** `store` with the lock turned on through Settings: its storage, and how long turning
 * the lock on took (click to "locked" said, the conversion in slices included). */
async function lockedStore(store) {
  const { context, page } = await openPage(appServer.url, store);
  await page.goto(`${appServer.url}/#/settings`);
  await prefetched(page);
  await page.waitForFunction(() => performance.getEntriesByName('ag:archive-read').length > 0, null, { timeout: PREFETCH_TIMEOUT });
  await page.getByRole('button', { name: 'Set a passphrase…' }).click();
  await page.getByLabel('New passphrase').fill(LOCK_PASSPHRASE);
  await page.getByLabel('The same passphrase again').fill(LOCK_PASSPHRASE);
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Turn on the lock' }).click();
  await page.getByRole('status').getByText('Your journal is locked with your passphrase').waitFor({ timeout: PREFETCH_TIMEOUT });
  const turnOnMs = Date.now() - t0;
  const data = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
  await context.close();
  return { data, turnOnMs };
}

/** A locked start, then the passphrase:
 * the key derivation (`ag:unlock-derive`), to the journal's first screen (`ag:unlock`),
 * to every month read; then one entry saved under the lock (`ag:save`). */
async function unlockOnce(store) {
  const { context, page } = await openPage(appServer.url, store, { keepPrefs: true });
  await page.goto(`${appServer.url}/`);
  await page.waitForFunction(() => performance.getEntriesByName('ag:mounted').length > 0);
  await prefetched(page);
  await page.getByLabel('Passphrase').fill(LOCK_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.waitForFunction(
    () => performance.getEntriesByName('ag:unlock').length > 0 && performance.getEntriesByName('ag:archive-read').length > 0,
    null,
    { timeout: PREFETCH_TIMEOUT },
  );
  const times = await page.evaluate(() => {
    const unlock = performance.getEntriesByName('ag:unlock')[0];
    const read = performance.getEntriesByName('ag:archive-read')[0];
    return {
      derive: performance.getEntriesByName('ag:unlock-derive')[0]?.duration ?? NaN,
      firstScreen: unlock.duration,
      everything: read.startTime + read.duration - unlock.startTime,
    };
  });
  await page.locator('textarea').first().fill('A quiet morning, written under the lock.');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.waitForFunction(() => performance.getEntriesByName('ag:save').length > 0);
  const save = await page.evaluate(() => performance.getEntriesByName('ag:save').at(-1).duration);
  await context.close();
  return { ...times, save };
}

console.error('migrating each journal to packed months...');
const journals = { empty: {} };
result.migration = {};
for (const name of ['oneYear', 'tenYears']) {
  const runs = [];
  for (let run = 0; run < Math.min(RUNS, 3); run += 1) runs.push(await packed(plainJournals[name]));
  journals[name] = runs[0].data;
  result.migration[name] = {
    ...stats(runs.map((r) => r.foldMs)),
    longestTask: Math.max(0, ...runs.flatMap((r) => r.longTasks)),
    longTasks: runs.map((r) => r.longTasks.length),
  };
}
const only = arg('--only');
if (only === 'migration' || only === 'views') {
  if (only === 'migration') {
    for (const [name, m] of Object.entries(result.migration)) console.log(`migration to packed months, ${name}: ${ms(m)}`);
  } else {
    for (const [name, store] of [['empty', journals.empty], ['ten years', journals.tenYears]]) {
      const views = await viewsSeries(store);
      for (const [key, st] of Object.entries(views)) console.log(`open ${key} after the prefetch, ${name}: ${ms(st)}`);
    }
  }
  await browser.close();
  await appServer.close?.();
  process.exit(0);
}
journals.heavyWriter = await packedYearByYear(plainJournals.heavyWriter);
console.error('restore, the heavy writer\'s backup into a new profile...');
{
  const runs = [];
  // Reported, never judged: a run that cannot finish is counted as not restored.
  for (let run = 0; run < Math.min(RUNS, 3); run += 1) {
    runs.push(await restoreOnce(journals.heavyWriter).catch((e) => ({ ms: NaN, wasmBytes: NaN, said: `failed: ${e.message}`, units: 0, fileBytes: 0 })));
  }
  const restored = runs.filter((r) => /Backup merged/.test(r.said));
  result.restoreHeavyWriter = {
    ...stats(restored.map((r) => r.ms)),
    wasmMemoryBytes: stats(runs.map((r) => r.wasmBytes)).median,
    fileBytes: runs[0].fileBytes,
    storedUnits: runs[0].units,
    restored: `${restored.length} of ${runs.length}`,
    said: runs[0].said.slice(0, 300),
  };
}
console.error('the lock, ten-year journal...');
const locked = await lockedStore(journals.tenYears);
{
  const runs = [];
  for (let run = 0; run < RUNS; run += 1) runs.push(await unlockOnce(locked.data));
  const of = (key) => stats(runs.map((r) => r[key]));
  result.lockTenYears = {
    turnOnMs: locked.turnOnMs,
    derive: of('derive'),
    firstScreen: of('firstScreen'),
    everything: of('everything'),
    save: of('save'),
    storedUnits: Object.entries(locked.data).reduce((n, [k, v]) => n + k.length + v.length, 0),
  };
}
console.error('start-up...');
const hello = { prefetch: false }; // hello world has no chunks and no ag:prefetched
const start = {
  helloFast: await startSeries(`${helloServer.url}/`, {}, 1, hello),
  emptyFast: await startSeries(`${appServer.url}/`, journals.empty, 1),
  // To the lock screen (ag:mounted), in the same series as the empty start it is held to.
  lockedTenYearsFast: await startSeries(`${appServer.url}/`, locked.data, 1, { prefetch: false }),
  tenYearsFast: await startSeries(`${appServer.url}/`, journals.tenYears, 1),
  helloSlow: await startSeries(`${helloServer.url}/`, {}, THROTTLE, hello),
  emptySlow: await startSeries(`${appServer.url}/`, journals.empty, THROTTLE),
  tenYearsSlow: await startSeries(`${appServer.url}/`, journals.tenYears, THROTTLE),
};
console.error(`start-up, ${SLOW_NET_LABEL}...`);
start.helloSlowNet = await startSeries(`${helloNetServer.url}/`, {}, 1, { ...hello, network: SLOW_NET });
start.emptySlowNet = await startSeries(`${appNetServer.url}/`, journals.empty, 1, { network: SLOW_NET });
start.tenYearsSlowNet = await startSeries(`${appNetServer.url}/`, journals.tenYears, 1, { network: SLOW_NET });
start.firstVisitSlowNet = await startSeries(`${appNetServer.url}/`, null, 1, { network: SLOW_NET });
console.error('start-up, second visit, from the service worker cache...');
start.emptySecondVisit = await secondVisitSeries(`${appServer.url}/`, journals.empty);
start.emptySecondVisitSlowNet = await secondVisitSeries(`${appNetServer.url}/`, journals.empty, SLOW_NET);
result.slowNetEncodings = appNetServer.encodings;
start.tenYearsUnpacked = await startSeries(`${appServer.url}/`, plainJournals.tenYears, 1, { prefetch: false });
start.blankEmpty = await blankSeries(journals.empty);
start.blankTenYears = await blankSeries(journals.tenYears);
const { chunks, missing } = await chunkSizes(APP_DIST, start.emptyFast.files);
result.bundle = {
  // `app` is the first screen (before the split it was the whole initial transfer).
  app: await transfer(APP_DIST, start.emptyFast.firstScreen),
  all: await transfer(APP_DIST, start.emptyFast.files),
  chunks,
  chunksNotFetched: missing,
  firstScreenFiles: start.emptyFast.firstScreen.sort(),
  // Every wasm, JS and CSS file the visit fetched (the document itself not counted).
  files: start.emptyFast.files.filter((f) => /\.(wasm|js|css)$/.test(f)).length,
  hello: await transfer(HELLO_DIST, start.helloFast.firstScreen),
};
result.prefetch = {};
for (const [key, s] of Object.entries(start)) {
  if (s.prefetch) result.prefetch[key.replace(/Fast$|SlowNet$|Slow$/, (m) => (m === 'Fast' ? '' : m === 'SlowNet' ? 'SlowNet' : 'Throttled'))] = s.prefetch;
  if (s.archiveRead) (result.archiveRead ??= {})[key] = s.archiveRead;
  delete s.archiveRead;
  delete s.files;
  delete s.firstScreen;
  delete s.prefetch;
}
result.start = start;
console.error('use, empty journal...');
result.useEmpty = await useSeries(journals.empty);
console.error('use, one-year journal...');
result.useOneYear = await useSeries(journals.oneYear);
console.error('use, ten-year journal...');
result.useTenYears = await useSeries(journals.tenYears);
console.error('views, empty journal...');
result.viewsEmpty = await viewsSeries(journals.empty);
console.error('views, ten-year journal...');
result.viewsTenYears = await viewsSeries(journals.tenYears);
console.error(`views, empty journal, ${THROTTLE}x CPU throttling...`);
result.viewsEmptyThrottled = await viewsSeries(journals.empty, THROTTLE);
result.storage = {
  oneYear: storedSize(journals.oneYear),
  tenYears: storedSize(journals.tenYears),
  heavyWriter: storedSize(journals.heavyWriter),
  tenYearsUnpacked: storedSize(plainJournals.tenYears),
  heavyWriterUnpacked: storedSize(plainJournals.heavyWriter),
};
await browser.close();
await appServer.close();
await helloServer.close();
await appNetServer.close();
await helloNetServer.close();

// --- Report ------------------------------------------------------------------------------
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const rows = [];
const row = (what, value, target, met) => rows.push([what, value, target ?? '', met === undefined ? '' : met ? 'yes' : 'NO']);
const b = result.bundle;
// The size budget's limits (tests/budget.json, KiB), checked by `make test`; shown here too.
const limits = JSON.parse(await readFile(join(root, 'tests/budget.json'), 'utf8')).limits;
row('first-screen transfer, brotli 11 (wasm + JS + CSS)', `${kb(b.app.total)} (wasm ${kb(b.app.wasm)}, JS ${kb(b.app.js)}, CSS ${kb(b.app.css)})`, `<= ${limits.firstScreenKiB} KiB (budget)`, b.app.total <= limits.firstScreenKiB * 1024);
for (const c of b.chunks) row(`  chunk ${c.name}, brotli 11`, kb(c.brotli));
if (b.chunksNotFetched.length) row('  chunks in the dist the prefetch did not fetch', b.chunksNotFetched.join(', '));
row('all files, first screen and every chunk, brotli 11', `${kb(b.all.total)} (${b.chunks.length} chunks ${kb(b.chunks.reduce((n, c) => n + c.brotli, 0))})`, `<= ${limits.allKiB} KiB (budget)`, b.all.total <= limits.allKiB * 1024);
const helloFits = b.hello.total >= HELLO_RANGE[0] && b.hello.total <= HELLO_RANGE[1];
row('  hello world, same build', kb(b.hello.total), `${kb(HELLO_RANGE[0])}-${kb(HELLO_RANGE[1])}`, helloFits);
row('  ratio to hello world (first screen)', helloFits ? `${(b.app.total / b.hello.total).toFixed(1)}x` : 'not given: the yardstick is out of its range');
row('prefetch, ag:mounted to ag:prefetched, empty journal', ms(result.prefetch.empty));
row(`prefetch, ag:mounted to ag:prefetched, empty journal, ${THROTTLE}x CPU throttling`, ms(result.prefetch.emptyThrottled));
row(`files a visit fetches (the first screen and the prefetch)`, `${b.files}`, `<= ${limits.files} (budget)`, b.files <= limits.files);
row(`start, empty journal, ${SLOW_NET_LABEL} (files sent ${Object.entries(result.slowNetEncodings).map(([e, n]) => `${e} ${n}`).join(', ')})`, ms(start.emptySlowNet));
row(`  ready (ag:ready: the composer), empty journal, ${SLOW_NET_LABEL}`, ms(start.emptySlowNet.ready));
row(`first visit (nothing stored: the welcome), ${SLOW_NET_LABEL}`, ms(start.firstVisitSlowNet));
row(`  ready (ag:ready: the welcome), first visit, ${SLOW_NET_LABEL}`, ms(start.firstVisitSlowNet.ready));
row(`start, ten-year journal, ${SLOW_NET_LABEL}`, ms(start.tenYearsSlowNet));
row(`  ready (ag:ready: the composer), ten-year journal, ${SLOW_NET_LABEL}`, ms(start.tenYearsSlowNet.ready));
row(`  second visit, from the service worker cache, ${SLOW_NET_LABEL} (requests to the network: ${start.emptySecondVisitSlowNet.fromNetwork})`, ms(start.emptySecondVisitSlowNet));
row(`  hello world start, ${SLOW_NET_LABEL}`, ms(start.helloSlowNet));
row(`prefetch, ag:mounted to ag:prefetched, empty journal, ${SLOW_NET_LABEL}`, ms(result.prefetch.emptySlowNet));
row(`prefetch, ag:mounted to ag:prefetched, ten-year journal, ${SLOW_NET_LABEL}`, ms(result.prefetch.tenYearsSlowNet));
{
  const r = result.restoreHeavyWriter;
  row(`restore, heavy writer's ten-year backup (${(r.fileBytes / 1e6).toFixed(1)} MB) into a new profile, Merge (ag:restore)`, ms(r), `restored in ${r.restored} runs`, r.n > 0 && r.restored.startsWith(`${r.n} of`));
  row('  WebAssembly memory after it (bounds the peak)', `${(r.wasmMemoryBytes / 1048576).toFixed(1)} MiB`);
  row('  stored after it', `${(r.storedUnits / 1048576).toFixed(2)} M UTF-16 units`);
}
row('start, empty journal', ms(start.emptyFast), '<= 90 ms', start.emptyFast.median <= 90);
row('  ready (ag:ready: the composer), empty journal', ms(start.emptyFast.ready));
row(`  second visit, from the service worker cache (requests to the network: ${start.emptySecondVisit.fromNetwork})`, ms(start.emptySecondVisit));
row('start, ten-year journal', ms(start.tenYearsFast), '<= 250 ms', start.tenYearsFast.median <= 250);
row('  ready (ag:ready: the composer), ten-year journal', ms(start.tenYearsFast.ready));
row('  ratio of ten years to empty, same run', `${(start.tenYearsFast.median / start.emptyFast.median).toFixed(2)}x`, '<= 1.3x', start.tenYearsFast.median / start.emptyFast.median <= 1.3);
row('  start, ten years not yet packed (schema 1, first visit of this version)', ms(start.tenYearsUnpacked));
row('older months read after the first screen (ag:archive-read), ten years', ms(result.archiveRead?.tenYearsFast));
row(`  the same, ${THROTTLE}x CPU throttling`, ms(result.archiveRead?.tenYearsSlow));
for (const [name, m] of Object.entries(result.migration)) {
  const label = { oneYear: 'one year', tenYears: 'ten years' }[name];
  row(`migration to packed months, ${label} (ag:archive-fold)`, ms(m), name === 'oneYear' ? '' : '<= 5 s', name === 'oneYear' ? undefined : m.median <= 5000);
  row(`  longest task while migrating, ${label}`, `${m.longestTask.toFixed(0)} ms (long tasks per run: ${m.longTasks.join(', ')})`, 'none over 50 ms', m.longestTask <= 50);
}
row('  hello world start', ms(start.helloFast));
row('  ratio to hello world (empty / ten years)', `${(start.emptyFast.median / start.helloFast.median).toFixed(1)}x / ${(start.tenYearsFast.median / start.helloFast.median).toFixed(1)}x`);
row('  a page with no script, same origin, empty storage', ms(start.blankEmpty));
row('  a page with no script, same origin, ten-year storage', ms(start.blankTenYears));
row(`start, empty journal, ${THROTTLE}x CPU throttling`, ms(start.emptySlow));
row(`start, ten-year journal, ${THROTTLE}x CPU throttling`, ms(start.tenYearsSlow));
row(`  hello world start, ${THROTTLE}x CPU throttling`, ms(start.helloSlow));
{
  const l = result.lockTenYears;
  row('locked start to the lock screen, ten-year journal (ag:mounted)', ms(start.lockedTenYearsFast), '<= the empty start', start.lockedTenYearsFast.median <= start.emptyFast.median);
  row('unlock, ten-year journal: passphrase to every month read', ms(l.everything), '<= 800 ms', l.everything.median <= 800);
  row('  of it, key derivation (PBKDF2-SHA256, 600,000 iterations, ag:unlock-derive)', ms(l.derive));
  row("  of it, to the journal's first screen (ag:unlock)", ms(l.firstScreen));
  row('save one entry under the lock (ag:save), ten years', ms(l.save), '<= 10 ms', l.save.median <= 10);
  row('turning the lock on, ten-year journal (click to "locked" said, one run)', `${l.turnOnMs} ms`);
  row('  stored size locked, ten years', `${(l.storedUnits / 1e6).toFixed(2)} M UTF-16 units`);
}
const targets = {
  journalOpen: ['open the journal view', '<= 100 ms', 100],
  keystroke: ['keystroke in the editor', '<= 16 ms', 16],
  saveStore: ['save one entry (ag:save)', '<= 5 ms', 5],
  saveConfirmed: ['  click Save to "Saved." shown', ''],
  chartAll: ['all-time chart (ag:chart)', '<= 50 ms', 50],
  summaryBuild: ['whole-course summary built (ag:summary)', ''],
  summaryShown: ['whole-course summary, choose period to laid out', '<= 200 ms', 200],
  searchKeystroke: ['search, per keystroke', '<= 50 ms', 50],
};
for (const [size, use] of [['empty', result.useEmpty], ['one year', result.useOneYear], ['ten years', result.useTenYears]]) {
  for (const [key, [what, target, limit]] of Object.entries(targets)) {
    const checked = size === 'ten years' && limit !== undefined;
    row(`${what}, ${size}`, ms(use[key]), checked ? target : '', checked ? use[key].median <= limit : undefined);
  }
}
for (const [size, views] of [['empty', result.viewsEmpty], ['ten years', result.viewsTenYears]]) {
  for (const [label] of VIEWS) row(`open ${label} after the prefetch, ${size}`, ms(views[label]));
  row(`slowest view open after the prefetch, ${size}`, ms(views.slowest), '<= 50 ms', views.slowest.median <= 50);
}
row(`slowest view open after the prefetch, empty, ${THROTTLE}x CPU throttling`, ms(result.viewsEmptyThrottled.slowest));
for (const [name, s] of Object.entries(result.storage)) {
  const share = s.units / s.quota;
  const safari = s.safariBytes / 5e6; // Safari: 5 MB
  const label = {
    oneYear: 'one year',
    tenYears: 'ten years',
    heavyWriter: 'heavy writer (500 words a day), ten years',
    tenYearsUnpacked: 'ten years, before packing',
    heavyWriterUnpacked: 'heavy writer, ten years, before packing',
  }[name];
  const target = { tenYears: ['<= 25% in both counts', 0.25], heavyWriter: ['<= 80% in both counts (20% spare)', 0.8] }[name];
  row(
    `stored size, ${label} (${s.keys} keys)`,
    `${(s.units / 1e6).toFixed(2)} M UTF-16 units = ${(share * 100).toFixed(0)}% of 5 MiB; Safari ${(s.safariBytes / 1e6).toFixed(2)} MB = ${(safari * 100).toFixed(0)}% of 5 MB`,
    target ? target[0] : '',
    target ? Math.max(share, safari) <= target[1] : undefined,
  );
}
const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), ['metric', 'median (min-max)', 'target', 'met'][i].length));
const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(`\nAfterglow benchmark: ${RUNS} runs per figure after a warm-up, ${result.chromium}, ${result.at}`);
console.log(line(['metric', 'median (min-max)', 'target', 'met']));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));
result.table = rows;
await mkdir(dirname(OUT), { recursive: true });
await writeFile(OUT, JSON.stringify(result, null, 2));
console.log(`\nJSON: ${OUT}`);
