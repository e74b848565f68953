// The two LEB128 forms the release scripts read and write in wasm modules' sections, and
// a module with one section rewritten. Pure: bytes in, bytes out.

/** Reads an unsigned LEB128 in `bytes` at `at`: [value, the offset after it]. */
export function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}

/** `n` as an unsigned LEB128. */
export function uleb(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return Buffer.from(out);
}

/**
 * `wasm` with the contents of its section `id` replaced by what `rewrite(start, end)` gives
 * for them (the offsets of the old contents in `wasm`); every other section as it was.
 */
export function withSection(wasm, id, rewrite) {
  const parts = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const section = wasm[at];
    const [size, start] = leb(wasm, at + 1);
    const end = start + size;
    if (section === id) {
      const contents = rewrite(start, end);
      parts.push(Buffer.from([id]), uleb(contents.length), contents);
    } else {
      parts.push(wasm.subarray(at, end));
    }
    at = end;
  }
  return Buffer.concat(parts);
}
