// Blanks the source paths of panic locations in a module's data: the release build's
// stand-in for nightly's `-Zlocation-detail=none`, run by .ci/split.mjs on every module
// after wasm-opt. The journal is built with `panic = "abort"` and installs no panic hook,
// so a panic's file name is never formatted or shown, yet every `#[track_caller]` call in
// the framework and the standard library keeps its full path in the data (about 10 KB
// for all modules: `/…/.cargo/registry/src/index…/reactive_graph-0.2.16/src/signal/rw.rs`).
// Zero bytes in their place keep every offset and length as they were and compress to
// almost nothing (make sizes: first screen -0.8 KiB, all files -1.5 KiB brotli).
//
// Only paths under the registry's sources and the standard library's (`/rustc/<commit>/
// library/`) are blanked: they begin with a prefix no text of Afterglow's has, and end at
// their first `.rs`. Must never change a byte outside such a path, nor any section but
// the data.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { withSection } from './wasm.mjs';

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The pattern of a blanked path, for this machine's cargo home. */
export function pathPattern(cargoHome = process.env.CARGO_HOME || join(homedir(), '.cargo')) {
  const registry = escape(join(cargoHome, 'registry', 'src') + '/');
  return new RegExp(`(?:${registry}|/rustc/[0-9a-f]{40}/library/)[ -~]*?\\.rs`, 'g');
}

/** `wasm` with every such path in its data section zeroed, and how many bytes that was. */
export function blankPanicPaths(wasm, pattern = pathPattern()) {
  let blanked = 0;
  const out = withSection(wasm, 11, (start, end) => {
    const data = Buffer.from(wasm.subarray(start, end));
    for (const m of data.toString('latin1').matchAll(pattern)) {
      data.fill(0, m.index, m.index + m[0].length);
      blanked += m[0].length;
    }
    return data;
  });
  return { wasm: blanked > 0 ? out : wasm, blanked };
}
