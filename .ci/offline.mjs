// The standalone page's offline support, for the release build (run by .ci/post-build.mjs
// after the split and the loader, so every file of the release is in the staging
// directory). It writes:
//
// - the icons, rasterised from the project's own src/offline/icon.svg with resvg (npm's
//   @resvg/resvg-wasm: WebAssembly, no native binary): 192 and 512 px for the manifest
//   (full bleed, so one image serves as "any" and "maskable"), 180 px for iOS;
// - manifest.webmanifest (name, icons, light and dark colours, display standalone);
// - offline.js (src/offline/offline.js as it is) and sw.js (src/offline/sw.js with this
//   release's version and file list filled in);
// - into index.html only: the manifest and iOS links, the theme colours, the version and
//   the offline script. A clinic page never loads any of these.
//
// The version is a hash of every file's name and bytes, so a build that changes nothing
// makes the same sw.js and the browser sees no update. Must never list a file the
// release does not have (the worker's install would fail) nor leave one out.
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const SOURCE = new URL('../src/offline/', import.meta.url);
const RESVG = new URL('../tests/e2e/node_modules/@resvg/resvg-wasm/', import.meta.url);

/** The page's background in light and dark (as style/page.css and the app's tokens). */
export const COLOURS = { light: '#fbf8f4', dark: '#15131d' };

/** A script as it is shipped: its comment lines and doc blocks go (the source in
 * src/offline/ keeps them); nothing else changes. */
const shipped = (js) =>
  js
    .replace(/^\s*\/\*\*[\s\S]*?\*\/\n/gm, '')
    .replace(/^\s*\/\/.*\n/gm, '')
    .replace(/\n{2,}/g, '\n');

async function rasterise(svg, sizes) {
  const { initWasm, Resvg } = await import(new URL('index.mjs', RESVG));
  await initWasm(await readFile(new URL('index_bg.wasm', RESVG)));
  return Object.fromEntries(sizes.map((size) => [size, new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng()]));
}

const manifest = {
  name: 'Afterglow: your private journal',
  short_name: 'Afterglow',
  description: 'A private journal for ketamine-assisted therapy. Everything stays on this device.',
  id: './',
  start_url: './',
  scope: './',
  display: 'standalone',
  background_color: COLOURS.dark,
  theme_color: COLOURS.dark,
  icons: [
    { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};

/** Adds the offline files to `dir` and returns `html` (index.html) with their links. */
export async function offline(dir, html) {
  const svg = await readFile(new URL('icon.svg', SOURCE), 'utf8');
  const png = await rasterise(svg, [180, 192, 512]);
  await writeFile(join(dir, 'apple-touch-icon.png'), png[180]);
  await writeFile(join(dir, 'icon-192.png'), png[192]);
  await writeFile(join(dir, 'icon-512.png'), png[512]);
  await writeFile(join(dir, 'manifest.webmanifest'), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(join(dir, 'offline.js'), shipped(await readFile(new URL('offline.js', SOURCE), 'utf8')));

  // Every file of the release but the page (cached as './') and the worker itself.
  const names = (await readdir(dir)).filter((n) => n !== 'sw.js' && n !== 'index.html').sort();
  const hash = createHash('sha256');
  for (const name of names) hash.update(name).update('\0').update(await readFile(join(dir, name)));
  // The page as it will be written (below), so a change to it is a new version too.
  hash.update(html);
  const version = hash.digest('hex').slice(0, 16);
  const files = ['./', ...names.map((n) => `./${n}`)];
  const worker = shipped(await readFile(new URL('sw.js', SOURCE), 'utf8'))
    .replace("'__VERSION__'", JSON.stringify(version))
    .replace('__FILES__', JSON.stringify(files));
  if (worker.includes('__VERSION__') || worker.includes('__FILES__')) throw new Error('sw.js template changed shape');
  await writeFile(join(dir, 'sw.js'), worker);

  const head = [
    `<meta name="afterglow-version" content="${version}">`,
    `<meta name="theme-color" media="(prefers-color-scheme: light)" content="${COLOURS.light}">`,
    `<meta name="theme-color" media="(prefers-color-scheme: dark)" content="${COLOURS.dark}">`,
    '<link rel="manifest" href="/manifest.webmanifest">',
    '<link rel="apple-touch-icon" href="/apple-touch-icon.png">',
    '<script type="module" src="/offline.js"></script>',
  ].join('\n    ');
  if (!html.includes('</head>')) throw new Error('index.html has no </head>');
  return html.replace('</head>', `  ${head}\n  </head>`);
}
