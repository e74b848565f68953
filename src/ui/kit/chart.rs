//! The width a chart is drawn at: the window's, less the view's margins, within the
//! bounds where its labels stay readable. Drawing at the width it is shown keeps the
//! text of a chart the same size on a phone as on a desktop (a fixed `viewBox` scaled
//! down to 360 px shrinks it to a few pixels).
//!
//! Must never hold state: measured once when a chart is built.

/// The width to draw a chart at, in CSS pixels.
pub fn chart_width() -> f64 {
    let inner = leptos::prelude::window().inner_width().ok().and_then(|w| w.as_f64()).unwrap_or(640.0);
    (inner - 64.0).clamp(280.0, 680.0)
}
