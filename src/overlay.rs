//! What the binary draws over the game, in window pixels: the banner that says what is wrong, the
//! marker of F7's recording and looping, and F8's rewind timeline.

use macroquad::color::Color;
use macroquad::math::Rect;
use macroquad::shapes::draw_rectangle;
use macroquad::window::{screen_height, screen_width};

/// A dark red banner along the bottom of the window, one line a message (nothing if there is none).
pub fn banner(messages: impl Iterator<Item = String>) {
    let lines: Vec<String> =
        messages.flat_map(|message| message.lines().map(str::to_string).collect::<Vec<_>>()).collect();
    if lines.is_empty() {
        return;
    }
    let height = 16.0 + 22.0 * lines.len() as f32;
    let top = screen_height() - height;
    draw_rectangle(0.0, top, screen_width(), height, Color::from_rgba(0x5a, 0x10, 0x18, 255));
    for (i, line) in lines.iter().enumerate() {
        macroquad::text::draw_text(
            line,
            12.0,
            top + 26.0 + 22.0 * i as f32,
            20.0,
            Color::from_rgba(0xff, 0xe0, 0xe0, 255),
        );
    }
}

/// What the marker in the top right corner says (hot builds: F7's "REC" and "LOOP", F8's "REWIND"),
/// and where F8's timeline is.
pub struct Marker {
    pub text: String,
    pub color: Color,
    /// F8: how far along the kept play the shown frame is, from 0 (the oldest) to 1 (where play paused).
    pub timeline: Option<f32>,
}

/// The marker, over the game; and the timeline under it, if there is one.
pub fn marker(marker: Option<Marker>) {
    let Some(Marker { text, color, timeline }) = marker else { return };
    let size = macroquad::text::measure_text(&text, None, 20, 1.0);
    let (w, h) = (size.width + 20.0, 28.0);
    let x = screen_width() - w - 8.0;
    draw_rectangle(x, 8.0, w, h, color);
    macroquad::text::draw_text(&text, x + 10.0, 8.0 + 20.0, 20.0, Color::from_rgba(0xff, 0xff, 0xff, 255));
    if let Some(at) = timeline {
        let bar = timeline_bar();
        draw_rectangle(bar.x - 2.0, bar.y - 2.0, bar.w + 4.0, bar.h + 4.0, Color::from_rgba(0x10, 0x10, 0x10, 255));
        draw_rectangle(bar.x, bar.y, bar.w * at, bar.h, color);
        draw_rectangle(
            bar.x + bar.w * at - 3.0,
            bar.y - 4.0,
            6.0,
            bar.h + 8.0,
            Color::from_rgba(0xff, 0xff, 0xff, 255),
        );
    }
}

/// Where F8's timeline is, in window pixels: under the marker, across the window. Dragging on it picks
/// the frame shown.
pub fn timeline_bar() -> Rect {
    Rect::new(16.0, 44.0, screen_width() - 32.0, 12.0)
}
