//! Entry point of the clinic setup page (`setup.html`): built only with the `setup-page`
//! feature, as its own module, so nothing of it reaches what a patient loads.

fn main() {
    #[cfg(target_arch = "wasm32")]
    afterglow::ui::setup::start();
}
