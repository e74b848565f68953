// Drops the linker's custom sections (`linking`, `reloc.*`) that `--emit-relocs` (set for
// the journal's split, .cargo/config.toml) leaves in a module nothing splits.
export function stripRelocations(bytes) {
  const out = [bytes.subarray(0, 8)];
  let i = 8;
  const leb = () => {
    let result = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[i++];
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return result;
  };
  while (i < bytes.length) {
    const start = i;
    const id = bytes[i++];
    const size = leb();
    const body = i;
    let keep = true;
    if (id === 0) {
      const length = leb();
      const name = Buffer.from(bytes.subarray(i, i + length)).toString('utf8');
      keep = name !== 'linking' && !name.startsWith('reloc.');
    }
    if (keep) out.push(bytes.subarray(start, body + size));
    i = body + size;
  }
  const stripped = Buffer.concat(out);
  if (!WebAssembly.validate(stripped)) throw new Error('the module is not valid once its relocations are removed');
  return stripped;
}
