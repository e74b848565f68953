// The two LEB128 forms the release scripts read and write in wasm modules' sections.
// Pure: bytes in, numbers out.

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
