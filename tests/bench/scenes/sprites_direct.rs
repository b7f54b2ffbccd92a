//! `just bench`'s sprite scene calling macroquad directly: an example in a generated project.
//! The same 10,000 sprites as `sprites_api.rs`; `BENCH_FRAMES` frames, then it quits.

use macroquad::prelude::*;

#[macroquad::main("sprites-direct")]
async fn main() {
    let texture = load_texture("assets/player.png").await.unwrap();
    let mut frames = 0;
    loop {
        clear_background(BLACK);
        for i in 0..10_000 {
            let (x, y, [r, g, b]) = sprite(i, frames);
            draw_texture(&texture, x, y, Color::from_rgba(r, g, b, 255));
        }
        frames += 1;
        if std::env::var("BENCH_FRAMES").is_ok_and(|n| n.parse().is_ok_and(|n: usize| frames >= n)) {
            std::process::exit(0);
        }
        next_frame().await;
    }
}

include!("sprite.rs");
