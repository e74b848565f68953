// Which part of Afterglow each byte of code is there for: every function of a module
// built with v0 symbol names (`-C symbol-mangling-version=v0`), demangled by binutils'
// `c++filt`, is counted under the most specific `afterglow::` path its name holds, so a
// framework function instantiated for a view's closure or type (a `<For>`, a memo, a
// reactive child, `into_any`) counts for that view. Functions that name no Afterglow path
// are the framework's own, by crate. `make profile-owners` builds such a module (the
// whole program, unsplit, optimised with -Os and its names kept) and runs this on it.
//
//   node tests/e2e/tools/owners.mjs module.wasm [--depth 3] [--top 50] [--grep text] [--families]
//
// --families sums by function instead, its generic arguments and closure numbers left out:
// a framework function compiled again for every use (a `<For>`, a `<Show>`, a memo's
// update) shows as one line with many functions.
//
// The figures are raw bytes after wasm-opt; their shares are what to look at. Reports
// only; it never changes a file.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFunctions } from './functions.mjs';

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const depth = Number(opt('depth', 3));
const top = Number(opt('top', 50));
const grep = opt('grep', null);
const families = args.includes('--families');
if (!file) {
  console.error('usage: node tests/e2e/tools/owners.mjs module.wasm [--depth N] [--top N] [--grep text]');
  process.exit(2);
}

/** Names demangled by c++filt (v0 and legacy alike), crate hashes dropped. */
function demangle(names) {
  let out;
  try {
    out = execFileSync('c++filt', [], { input: names.join('\n'), encoding: 'utf8', maxBuffer: 1 << 28 });
  } catch {
    console.error("owners.mjs needs binutils' c++filt on PATH (apt install binutils)");
    process.exit(2);
  }
  return out.split('\n').map((n) => n.replace(/\[[0-9a-f]{16}\]/g, ''));
}

/**
 * Who a function is there for: the most specific Afterglow path in its name (a view's
 * first), or its crate.
 */
function owner(name) {
  const paths = [...name.matchAll(/afterglow::((?:[A-Za-z_0-9]+::)*[A-Za-z_0-9]+)/g)].map((m) =>
    m[1].split('::').filter((p) => /^[a-z]/.test(p) && !p.startsWith('__component')),
  );
  if (paths.length === 0) {
    // A split point's export holds the view it returns, inlined.
    const split = name.match(/^__wasm_split_\w+?_export_[0-9a-f]+_(\w+)$/);
    if (split) return `(split point) ${split[1]}`;
    // A blanket impl (`<_ as tachys::…>`) is counted under the trait's crate.
    return `(framework) ${name.replace(/^(<_ as |[<&*\s])+/, '').split(/::|[<>\s]/)[0] || '?'}`;
  }
  // A view's path before a type's: `For<{closure in ui::journal}, Vec<domain::Entry>>`
  // is there for the Journal view.
  const weight = (p) => (p[0] === 'ui' ? 100 : 0) + p.length;
  const most = paths.reduce((a, b) => (weight(b) > weight(a) ? b : a));
  return most.slice(0, depth).join('::');
}

/** `text` without its generic arguments, closures unnumbered. */
function strip(text) {
  let out = '';
  let depth = 0;
  for (const c of text) {
    if (c === '<') depth += 1;
    else if (c === '>') depth -= 1;
    else if (depth === 0) out += c;
  }
  return out
    .replace(/\{closure#\d+\}/g, '{closure}')
    .replace(/\{shim:vtable#\d+\}/g, '{shim}')
    .replace(/::(?=::|$)/g, '');
}

/**
 * The function `name` is a copy of, for --families: `<closure as Render>::build::{closure}`
 * for every view's reactive closure, `leptos::show::__component_show::{closure}` for
 * every `<Show>`. Afterglow's own functions keep their names.
 */
function family(name) {
  if (!name.startsWith('<')) return strip(name);
  let depth = 0;
  let end = 0;
  for (; end < name.length; end += 1) {
    if (name[end] === '<') depth += 1;
    else if (name[end] === '>' && --depth === 0) break;
  }
  const inner = name.slice(1, end);
  let as = -1;
  for (let i = 0, d = 0; i < inner.length && as < 0; i += 1) {
    if (inner[i] === '<') d += 1;
    else if (inner[i] === '>') d -= 1;
    else if (d === 0 && inner.startsWith(' as ', i)) as = i;
  }
  const self = as < 0 ? inner : inner.slice(0, as);
  const who = /^afterglow::.*\{closure/.test(self) ? 'closure' : strip(self);
  const trait = as < 0 ? '' : ` as ${strip(inner.slice(as + 4))}`;
  return `<${who}${trait}>${strip(name.slice(end + 1))}`;
}

const fns = readFunctions(readFileSync(file)).functions;
const demangled = demangle(fns.map((f) => f.name));
if (!demangled.some((n) => n.includes('afterglow::'))) {
  console.error(`${file}: no Afterglow names; build it with -C symbol-mangling-version=v0 and keep its names (make profile-owners)`);
  process.exit(2);
}
const total = fns.reduce((s, f) => s + f.size, 0);
const by = new Map();
fns.forEach((f, i) => {
  const key = families ? family(demangled[i]) : owner(demangled[i]);
  if (grep && !key.includes(grep)) return;
  const row = by.get(key) ?? { size: 0, count: 0 };
  row.size += f.size;
  row.count += 1;
  by.set(key, row);
});
const kib = (n) => (n / 1024).toFixed(1).padStart(7);
console.log(`${file}: ${fns.length} functions, code ${kib(total)} KiB (raw, after wasm-opt)\n`);
console.log(families ? 'By function, generic arguments left out (functions):' : `By owner (depth ${depth}; functions):`);
for (const [key, { size, count }] of [...by].sort((a, b) => b[1].size - a[1].size).slice(0, top)) {
  console.log(`${kib(size)} KiB ${((100 * size) / total).toFixed(1).padStart(5)}% ${String(count).padStart(5)}  ${key}`);
}
