//! `just bench`'s sprite scene through the game API: this file replaces a generated project's
//! `lib/src/lib.rs`. 10,000 textured, tinted sprites a frame; `BENCH_FRAMES` frames, then it quits.

use contract::prelude::*;
use serde::{Deserialize, Serialize};

pub mod exports;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct State {
    frames: usize,
}

pub fn frame(state: &mut State) {
    let texture = load_texture("assets/player.png");
    clear_background(BLACK);
    for i in 0..10_000 {
        let (x, y, [r, g, b]) = sprite(i, state.frames);
        draw_texture(&texture, x, y, Color::from_rgba(r, g, b, 255));
    }
    state.frames += 1;
    if std::env::var("BENCH_FRAMES").is_ok_and(|frames| frames.parse().is_ok_and(|frames: usize| state.frames >= frames)) {
        order_quit();
    }
}

include!("sprite.rs");
