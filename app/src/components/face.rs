//! Simple drawn faces for faces scales. Decorative: the words beside them carry the meaning.

use leptos::prelude::*;

/// A face whose smile runs from `1` (saddest) to `points` (happiest).
#[component]
pub fn Face(value: u8, points: u8) -> impl IntoView {
    // Mouth curvature from -14 (frown) to +14 (smile), evenly spaced across the scale.
    let steps = (points.max(2) - 1) as f32;
    let curve = -14.0 + 28.0 * (value.saturating_sub(1) as f32) / steps;
    let mouth_y = 64.0 - curve / 3.0;
    let mouth = format!("M30 {mouth_y} Q50 {} 70 {mouth_y}", mouth_y + curve);
    view! {
        <svg class="face__svg" viewBox="0 0 100 100" aria-hidden="true" focusable="false">
            <circle cx="50" cy="50" r="46" class="face__head"/>
            <circle cx="35" cy="40" r="6" class="face__feature"/>
            <circle cx="65" cy="40" r="6" class="face__feature"/>
            <path d=mouth class="face__mouth"/>
        </svg>
    }
}
