//! What the binary draws over the game, in window pixels: the banner that says what is wrong, and the
//! marker of F7's recording and looping.

use macroquad::color::Color;
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

/// A small marker in the top right corner (hot builds: F7's "REC" and "LOOP"), over the game.
pub fn marker(text: Option<String>) {
    let Some(text) = text else { return };
    let size = macroquad::text::measure_text(&text, None, 20, 1.0);
    let (w, h) = (size.width + 20.0, 28.0);
    let x = screen_width() - w - 8.0;
    let recording = text.starts_with("REC");
    let color =
        if recording { Color::from_rgba(0xc0, 0x20, 0x20, 255) } else { Color::from_rgba(0xd0, 0x90, 0x10, 255) };
    draw_rectangle(x, 8.0, w, h, color);
    macroquad::text::draw_text(&text, x + 10.0, 8.0 + 20.0, 20.0, Color::from_rgba(0xff, 0xff, 0xff, 255));
}
