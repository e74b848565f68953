//! Entry point: in the browser, mounts Afterglow into every host element on the page.
//! Natively there is nothing to run; the binary exists so Trunk has a target.

fn main() {
    #[cfg(target_arch = "wasm32")]
    afterglow::start();
}
