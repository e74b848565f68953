//! User-timing marks for the benchmark (`tests/e2e/tools/bench.mjs`): `ag:*` measures
//! around the work a patient waits for. Only marks and measures; never changes what it
//! times, and does nothing where the Performance API is missing.

use leptos::prelude::window;

/// The home view's first content is there: the composer, or the welcome on a first visit.
pub const READY: &str = "ag:ready";

/// Marks `name` (a point in time, such as `ag:mounted`).
pub fn mark(name: &str) {
    if let Some(p) = window().performance() {
        let _ = p.mark(name);
    }
}

/// Runs `work` inside the measure `name` (`ag:save`): marks `name:start` and `name:end`.
pub fn timed<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let Some(p) = window().performance() else { return work() };
    let (start, end) = (format!("{name}:start"), format!("{name}:end"));
    let _ = p.mark(&start);
    let out = work();
    let _ = p.mark(&end);
    let _ = p.measure_with_start_mark_and_end_mark(name, &start, &end);
    // The marks have served; keep the timeline to one entry per measure.
    p.clear_marks_with_mark_name(&start);
    p.clear_marks_with_mark_name(&end);
    out
}

/// Marks `name:start`: the beginning of work that ends with [`end`] (the archive's
/// reading and folding run over many slices, so [`timed`] cannot wrap them).
pub fn begin(name: &str) {
    mark(&format!("{name}:start"));
}

/// Measures `name` from its [`begin`] to now.
pub fn end(name: &str) {
    let Some(p) = window().performance() else { return };
    let (start, end) = (format!("{name}:start"), format!("{name}:end"));
    let _ = p.mark(&end);
    let _ = p.measure_with_start_mark_and_end_mark(name, &start, &end);
    p.clear_marks_with_mark_name(&start);
    p.clear_marks_with_mark_name(&end);
}

/// Marks the WebAssembly memory's size now as `ag:wasm-memory:{bytes}`. The memory only
/// grows, so after a piece of work (a restore) it is that work's peak or more.
pub fn mark_memory() {
    use wasm_bindgen::JsCast;
    let memory = wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>();
    let bytes = memory.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length();
    mark(&format!("ag:wasm-memory:{bytes}"));
}
