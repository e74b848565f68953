// Merges wasm-split-cli's small shared chunks into one module, so a visit fetches one file
// where it fetched several of a few hundred bytes each (issue 32: at most 28 files). Run
// by .ci/split.mjs after wasm-opt, before the files are named.
//
// A shared chunk is a leaf: it imports the main module's memory, function table and stack
// pointer, defines functions, and writes them into the table and its data into memory
// with active segments at fixed places; it exports nothing, and chunks reach each other's
// functions only through the table. So chunks merge by putting their fields side by side
// in one module, with one import of each shared thing: the result writes the same table
// slots and the same bytes as the chunks did. This is done on binaryen's text form:
// every chunk's own names get a prefix of their own, and its imports are named after
// what they import.
//
// Must never change what a chunk writes or where: anything but the imports above, or
// two chunks that import one thing with different limits, stops the build.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { leb as readLeb } from './wasm.mjs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 1 << 28 });

/**
 * Splits a module's text into its top-level fields, in order, each with every name it
 * uses (`$name` or `$"name"`) replaced by `rename(name)`. Strings are copied untouched,
 * comments dropped.
 */
export function fields(text, rename) {
  const out = [];
  let current = '';
  let i = text.indexOf('(module');
  if (i < 0) throw new Error('not a module');
  i += '(module'.length;
  let depth = 1;
  const quoted = (from) => {
    let j = from + 1;
    while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
    return j + 1;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === ';' && text[i + 1] === ';') {
      const j = text.indexOf('\n', i);
      i = j < 0 ? text.length : j;
    } else if (c === '(' && text[i + 1] === ';') {
      const j = text.indexOf(';)', i);
      i = j < 0 ? text.length : j + 2;
    } else if (c === '"') {
      const j = quoted(i);
      current += text.slice(i, j);
      i = j;
    } else if (c === '$') {
      let j;
      let name;
      if (text[i + 1] === '"') {
        j = quoted(i + 1);
        name = text.slice(i + 2, j - 1);
      } else {
        j = i + 1;
        while (j < text.length && !/[\s()"]/.test(text[j])) j++;
        name = text.slice(i + 1, j);
      }
      current += rename(name);
      i = j;
    } else if (c === '(') {
      depth++;
      current += c;
      i++;
    } else if (c === ')') {
      if (depth === 1) return out;
      current += c;
      depth--;
      if (depth === 1) {
        out.push(current.trim());
        current = '';
      }
      i++;
    } else {
      if (depth >= 2) current += c;
      i++;
    }
  }
  throw new Error('the module is not closed');
}

/** The bytes a module's active data segments write, by address (its memory image). */
export function memoryImage(bytes) {
  const image = new Map();
  let pos = 8;
  const leb = () => {
    const [value, next] = readLeb(bytes, pos);
    pos = next;
    return value;
  };
  while (pos < bytes.length) {
    const id = bytes[pos++];
    const size = leb();
    const end = pos + size;
    if (id === 11) {
      for (let n = leb(); n > 0; n--) {
        // Active, memory 0, `i32.const offset; end`: all wasm-opt writes for these chunks.
        if (leb() !== 0 || bytes[pos++] !== 0x41) throw new Error('a data segment merge.mjs does not read');
        let offset = 0;
        let shift = 0;
        let b;
        do {
          b = bytes[pos++];
          offset |= (b & 0x7f) << shift;
          shift += 7;
        } while (b & 0x80);
        if (bytes[pos++] !== 0x0b) throw new Error('a data segment merge.mjs does not read');
        const len = leb();
        for (let i = 0; i < len; i++) {
          if (image.has(offset + i) && image.get(offset + i) !== bytes[pos + i]) throw new Error(`two chunks write ${offset + i}`);
          image.set(offset + i, bytes[pos + i]);
        }
        pos += len;
      }
    }
    pos = end;
  }
  return image;
}

/** The table slots a module's element segments fill, as `offset+count` (from its text). */
const slots = (text) =>
  [...text.matchAll(/\(elem \S+ \(i32\.const (\d+)\)((?: \$(?:"[^"]*"|[^\s()]+))*)\)/g)]
    .flatMap(([, offset, funcs]) => {
      const count = funcs.match(/\$(?:"[^"]*"|[^\s()]+)/g)?.length ?? 0;
      return Array.from({ length: count }, (_, i) => Number(offset) + i);
    })
    .sort((a, b) => a - b)
    .join(',');

/**
 * Merges the chunk files `paths` into `target` with binaryen's `wasm-dis`, `wasm-as`
 * and `wasm-opt` (from the same directory as `opt`) with the passes `level`, enabling
 * `features`.
 */
export async function mergeChunks(opt, level, features, paths, target) {
  const bin = opt.replace(/wasm-opt$/, '');
  const imports = new Map();
  const body = [];
  const texts = paths.map((path) => run(`${bin}wasm-dis`, [path]));
  paths.forEach((path, k) => {
    const text = texts[k];
    const own = new Map();
    // First pass: what each import is called in this chunk.
    for (const field of fields(text, (n) => `$"${n}"`)) {
      const m = field.match(/^\(import "([^"]+)" "([^"]+)" \((memory|table|global|func) \$"([^"]*)"/);
      if (m) own.set(m[4], `${m[1]}.${m[2]}`);
      else if (field.startsWith('(import')) throw new Error(`${path}: an import merge.mjs does not know: ${field.slice(0, 120)}`);
      if (/^\((export|start|memory|table|global) /.test(field)) throw new Error(`${path}: a chunk with its own ${field.split(' ')[0].slice(1)}`);
    }
    const rename = (name) => (own.has(name) ? `$"import:${own.get(name)}"` : `$"c${k}:${name}"`);
    for (const field of fields(text, rename)) {
      if (field.startsWith('(import')) {
        const key = field.match(/^\(import "([^"]+)" "([^"]+)"/).slice(1).join('.');
        if (imports.has(key) && imports.get(key) !== field) throw new Error(`chunks import ${key} differently: ${imports.get(key)} / ${field}`);
        imports.set(key, field);
      } else {
        body.push(field);
      }
    }
  });
  const wat = `(module\n ${[...imports.values(), ...body].join('\n ')}\n)\n`;
  await writeFile(`${target}.wat`, wat);
  run(`${bin}wasm-as`, [...features, `${target}.wat`, '-o', target]);
  run(opt, [...level, ...features, '--strip-debug', '--strip-producers', target, '-o', target]);

  // What the chunks wrote, the merged module writes: the same table slots, the same bytes.
  const merged = await readFile(target);
  const before = slots(texts.join('\n'));
  if (!before || slots(run(`${bin}wasm-dis`, [target])) !== before) throw new Error('the merged chunk fills other table slots');
  const image = memoryImage(merged);
  const expected = new Map();
  for (const path of paths) {
    for (const [at, byte] of memoryImage(await readFile(path))) {
      if (expected.has(at) && expected.get(at) !== byte) throw new Error(`two chunks write ${at}`);
      expected.set(at, byte);
    }
  }
  if (image.size !== expected.size || [...expected].some(([at, byte]) => image.get(at) !== byte)) {
    throw new Error('the merged chunk writes other bytes than the chunks did');
  }
  return merged;
}
