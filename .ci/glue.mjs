// The main module and wasm-bindgen's glue, made lighter together, in the release build
// (.ci/split.mjs):
//
// - `dropStreams`, before wasm-opt: leptos' server functions (which the journal never
//   calls) make wasm-bindgen export three stream classes, `IntoUnderlying{ByteSource,
//   Sink,Source}`, from the glue and their methods from the module. Nothing constructs
//   them; as exports they kept their code and the promise machinery behind it alive. Their
//   exports and classes go, and wasm-opt then drops the code.
// - `shortenImports`, after it: each import from the glue is a
//   `__wbg_<function>_<16 hex digits>` name, written twice, in the module's import section
//   and as a key of the glue's import object: 241 names, 11 KB of text whose hashes do not
//   compress. They become `a`, `b`, … `ab`, … in both places; nothing else changes (an
//   import is called by its index, and the glue looks each one up by its key only). The
//   closures' exports the glue calls by their mangled names (`_ZN…17h<hash>E`) become
//   `_0`, `_1`, … the same way.
//
// Must never leave the two out of step: every import name is checked to be a key of the
// glue's import object exactly once and nowhere else in it, every renamed export to be
// named by the glue, no stream class or method to be left named in the glue, and the
// module must still validate, or the build stops.

import { leb, uleb, withSection } from './wasm.mjs';

const FIRST = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const REST = `${FIRST}0123456789_$`;

/** The `n`th short identifier: a … Z, then aa, ab, … */
export function shortName(n) {
  let name = FIRST[n % FIRST.length];
  let rest = Math.floor(n / FIRST.length);
  while (rest > 0) {
    rest -= 1;
    name += REST[rest % REST.length];
    rest = Math.floor(rest / REST.length);
  }
  return name;
}

/** The length of an import's description (its kind byte onwards) at `at`. */
function descEnd(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = leb(bytes, p);
    if (flags & 1) [, p] = leb(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: return leb(bytes, at)[1]; // function: its type
    case 1: return limits(at + 1); // table: element type, limits
    case 2: return limits(at); // memory: limits
    case 3: return at + 2; // global: value type, mutability
    case 4: return leb(bytes, at + 1)[1]; // tag: attribute, type
    default: throw new Error(`unknown import kind ${kind}`);
  }
}

/**
 * `wasm` with its export section rewritten: `rename(name)` gives an export's new name, or
 * `null` to drop it.
 */
function rewriteExports(wasm, rename) {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return withSection(wasm, 7, (start, end) => {
    let [count, p] = leb(wasm, start);
    const entries = [];
    while (count-- > 0) {
      const [nlen, n] = leb(wasm, p);
      const field = decoder.decode(wasm.subarray(n, n + nlen));
      const kindAt = n + nlen;
      p = leb(wasm, kindAt + 1)[1];
      const name = rename(field);
      if (name === null) continue;
      const n8 = Buffer.from(name);
      entries.push([uleb(n8.length), n8, wasm.subarray(kindAt, p)]);
    }
    if (p !== end) throw new Error('the export section did not read to its end');
    return Buffer.concat([uleb(entries.length), ...entries.flat()]);
  });
}

const STREAMS = /^(__wbg_)?intounderlying(bytesource|sink|source)_/;

/**
 * The module `wasm` and its glue `js` without the stream classes (see above). Returns
 * `{ wasm, js, dropped }`, `dropped` the exports taken out.
 */
export function dropStreams(wasm, js) {
  const dropped = [];
  const out = rewriteExports(wasm, (name) => {
    if (!STREAMS.test(name)) return name;
    dropped.push(name);
    return null;
  });
  let glue = js;
  for (const name of ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource']) {
    const start = glue.indexOf(`export class ${name} {`);
    if (start < 0) throw new Error(`the glue has no class ${name}; update .ci/glue.mjs`);
    let depth = 0;
    let end = glue.indexOf('{', start);
    do {
      if (glue[end] === '{') depth += 1;
      if (glue[end] === '}') depth -= 1;
      end += 1;
    } while (depth > 0 && end < glue.length);
    glue = glue.slice(0, start) + glue.slice(end);
    glue = glue.replace(new RegExp(`if \\(Symbol\\.dispose\\) ${name}\\.prototype\\[Symbol\\.dispose\\] = ${name}\\.prototype\\.free;\\n`), '');
    glue = glue.replace(new RegExp(`const ${name}Finalization = [^;]*;\\n`), '');
  }
  if (/IntoUnderlying|intounderlying/.test(glue)) throw new Error('the glue still names a stream class; update .ci/glue.mjs');
  if (dropped.length === 0) throw new Error('the module exports no stream method; update .ci/glue.mjs');
  if (!WebAssembly.validate(out)) throw new Error('the module without the stream classes does not validate');
  return { wasm: out, js: glue, dropped };
}

/**
 * The module `wasm` (a Buffer) and its glue `js` with every import from `module` and every
 * mangled export renamed short. Returns `{ wasm, js, renamed, exported }`.
 */
export function shortenImports(wasm, js, module = './main_bg.js') {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const renamed = new Map();
  const exported = new Map();
  const imported = withSection(wasm, 2, (start, end) => {
    let [count, p] = leb(wasm, start);
    const entries = [uleb(count)];
    while (count-- > 0) {
      const [mlen, m] = leb(wasm, p);
      const from = decoder.decode(wasm.subarray(m, m + mlen));
      const [flen, f] = leb(wasm, m + mlen);
      const field = decoder.decode(wasm.subarray(f, f + flen));
      const descStart = f + flen;
      p = descEnd(wasm, descStart);
      let name = field;
      if (from === module) {
        if (renamed.has(field)) throw new Error(`${field} is imported twice`);
        name = shortName(renamed.size);
        renamed.set(field, name);
      }
      const m8 = Buffer.from(from);
      const n8 = Buffer.from(name);
      entries.push(uleb(m8.length), m8, uleb(n8.length), n8, wasm.subarray(descStart, p));
    }
    if (p !== end) throw new Error('the import section did not read to its end');
    return Buffer.concat(entries);
  });
  const shortened = rewriteExports(imported, (field) => {
    if (!field.startsWith('_ZN')) return field;
    const name = `_${exported.size}`;
    exported.set(field, name);
    return name;
  });
  const escape = (s) => s.replace(/[$]/g, '\\$');
  let out = js;
  for (const [from, to] of renamed) {
    const anywhere = new RegExp(`(?<![\\w$])${escape(from)}(?![\\w$])`, 'g');
    const asKey = new RegExp(`(?<![\\w$.])${escape(from)}(?=\\s*:)`);
    const found = out.match(anywhere)?.length ?? 0;
    if (found !== 1 || !asKey.test(out)) {
      throw new Error(`the glue names the import ${from} ${found} times, not once as a key; update .ci/glue.mjs`);
    }
    out = out.replace(asKey, to);
  }
  for (const [from, to] of exported) {
    const anywhere = new RegExp(`(?<![\\w$])${escape(from)}(?![\\w$])`, 'g');
    if (!anywhere.test(out)) throw new Error(`the glue never calls the export ${from}; update .ci/glue.mjs`);
    out = out.replace(anywhere, to);
  }
  if (!WebAssembly.validate(shortened)) throw new Error('the module with short import names does not validate');
  return { wasm: shortened, js: out, renamed, exported };
}
