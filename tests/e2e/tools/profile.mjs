// Where a wasm module's bytes go: the size of every function body, named from the
// module's names section, summed by crate and module path. Reads the split main module
// before wasm-bindgen and wasm-opt (the only stage that still has names), so the figures
// are raw and larger than the shipped file, but their shares are what to look at.
//
//   node tests/e2e/tools/profile.mjs path/to/main.wasm [--depth 3] [--top 40] [--grep text]
//
// `make profile` splits the last release build into /tmp and profiles its main module.
// Reports only; it never changes a file.
import { readFileSync } from 'node:fs';
import { readFunctions } from './functions.mjs';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const depth = Number(opt('depth', 3));
const top = Number(opt('top', 40));
const grep = opt('grep', null);
if (!file) {
  console.error('usage: node tests/e2e/tools/profile.mjs main.wasm [--depth N] [--top N] [--grep text]');
  process.exit(2);
}

const { functions: bodies, data } = readFunctions(readFileSync(file));

/** A legacy-mangled segment's escapes undone: `_$LT$T$u20$as$u20$a..B$GT$` -> `<T as a::B>`. */
function unescape(part) {
  const codes = { LT: '<', GT: '>', RF: '&', BP: '*', C: ',', SP: '@', LP: '(', RP: ')' };
  return part
    .replace(/^_(?=\$)/, '')
    .replace(/\$([A-Z]{1,2})\$/g, (m, c) => codes[c] ?? m)
    .replace(/\$u([0-9a-f]+)\$/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\.\./g, '::');
}

/**
 * The path of a (legacy-mangled or plain) Rust symbol, e.g. ['afterglow', 'storage', 'record'].
 * A trait method `<X as Tr>::m` is counted under X's path, or under the trait's when X is a bare
 * generic parameter (`T`, `&mut T`): the framework's blanket impls are then named by what they do.
 */
function path(symbol) {
  let s = symbol;
  if (s.startsWith('_ZN')) {
    const parts = [];
    let i = 3;
    while (i < s.length && s[i] !== 'E') {
      const m = s.slice(i).match(/^(\d+)/);
      if (!m) break;
      const len = Number(m[1]);
      i += m[1].length;
      parts.push(unescape(s.slice(i, i + len)));
      i += len;
    }
    s = parts.filter((p) => !/^h[0-9a-f]{16}$/.test(p)).join('::');
  }
  const qualified = s.match(/^<(.+?) as ([^>]+)>(.*)$/);
  if (qualified) {
    const self = qualified[1].replace(/^(&(mut )?|\*(const|mut) )+/, '');
    s = /^[A-Z]$/.test(self) ? qualified[2] + qualified[3] : self;
  }
  s = s.replace(/^[<&*\s]+/, '');
  return s.split('::').map((p) => p.replace(/[<(\s{].*$/, '')).filter((p) => p !== '');
}

const groups = new Map();
const functions = [];
let total = 0;
bodies.forEach(({ size: len, name: symbol }) => {
  if (grep && !symbol.includes(grep) && !path(symbol).join('::').includes(grep)) return;
  total += len;
  functions.push([len, symbol]);
  const key = path(symbol).slice(0, depth).join('::') || '(unnamed)';
  groups.set(key, (groups.get(key) ?? 0) + len);
});

const kb = (n) => (n / 1024).toFixed(1).padStart(7);
console.log(`${file}: ${bodies.length} functions, code ${kb(total)} KiB, data ${kb(data)} KiB (raw)`);
console.log(`\nBy path (depth ${depth}):`);
for (const [key, len] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${kb(len)} KiB ${((100 * len) / total).toFixed(1).padStart(5)}%  ${key}`);
}
console.log('\nLargest functions:');
for (const [len, symbol] of functions.sort((a, b) => b[0] - a[0]).slice(0, top)) {
  console.log(`${kb(len)} KiB  ${path(symbol).join('::').slice(0, 140)}`);
}
