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

/**
 * Merges the chunk files `paths` into `target` with binaryen's `wasm-dis`, `wasm-as`
 * and `wasm-opt` (from the same directory as `opt`), enabling `features`.
 */
export async function mergeChunks(opt, features, paths, target) {
  const bin = opt.replace(/wasm-opt$/, '');
  const imports = new Map();
  const body = [];
  paths.forEach((path, k) => {
    const text = run(`${bin}wasm-dis`, [path]);
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
  run(opt, ['-Oz', ...features, '--strip-debug', '--strip-producers', target, '-o', target]);
  return readFile(target);
}
