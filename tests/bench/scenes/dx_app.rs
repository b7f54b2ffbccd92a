//! `just bench`'s reference to Dioxus' hot-patching: the bench game's look (a background colour and a
//! line of text) as a one-crate macroquad app under `dx serve --hot-patch` (`dioxus.rs`). Subsecond
//! patches only what runs through `subsecond::call`, and the function it calls must not capture anything
//! (a capturing closure is silently left unpatched: dioxus#4671), so the frame is a plain `fn`.

use dioxus_devtools::subsecond;
use macroquad::prelude::*;

pub const BACKGROUND: Color = Color::from_rgba(0x30, 0x50, 0x90, 255);

fn frame() {
    clear_background(BACKGROUND);
    draw_text("edit BACKGROUND and save", 20.0, 40.0, 30.0, WHITE);
}

#[macroquad::main("bench-game")]
async fn main() {
    dioxus_devtools::connect_subsecond();
    loop {
        subsecond::call(frame);
        next_frame().await;
    }
}
