// A wasm module's functions as the profiling tools read them: every function body's size
// and its name from the names section (if the module kept one), in index order, and the
// size of its data section. Shared by profile.mjs and owners.mjs; reads, never writes.
import { leb as readLeb } from '../../../.ci/wasm.mjs';

/** `{ functions: [{ size, name }], data }`; a function without a name is `#index`. */
export function readFunctions(bytes) {
  let pos = 8;
  const leb = () => {
    const [value, after] = readLeb(bytes, pos);
    pos = after;
    return value;
  };
  const name = () => {
    const len = leb();
    const s = bytes.subarray(pos, pos + len).toString('utf8');
    pos += len;
    return s;
  };
  let imported = 0;
  let data = 0;
  const sizes = [];
  const names = new Map();
  while (pos < bytes.length) {
    const id = bytes[pos++];
    const size = leb();
    const end = pos + size;
    if (id === 2) {
      for (let n = leb(); n > 0; n--) {
        name();
        name();
        const kind = bytes[pos++];
        if (kind === 0) {
          leb();
          imported++;
        } else if (kind === 1) {
          pos++;
          const flags = leb();
          leb();
          if (flags & 1) leb();
        } else if (kind === 2) {
          const flags = leb();
          leb();
          if (flags & 1) leb();
        } else if (kind === 3) {
          pos += 2;
        } else {
          leb();
          leb();
        }
      }
    } else if (id === 10) {
      for (let n = leb(); n > 0; n--) {
        const len = leb();
        sizes.push(len);
        pos += len;
      }
    } else if (id === 11) {
      data += size;
    } else if (id === 0 && name() === 'name') {
      while (pos < end) {
        const sub = bytes[pos++];
        const subSize = leb();
        const subEnd = pos + subSize;
        if (sub === 1) {
          for (let n = leb(); n > 0; n--) {
            const idx = leb();
            names.set(idx, name());
          }
        }
        pos = subEnd;
      }
    }
    pos = end;
  }
  return { functions: sizes.map((size, i) => ({ size, name: names.get(i + imported) ?? `#${i + imported}` })), data };
}
