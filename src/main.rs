//! The binary: opens the window, runs the main loop, and plays what the game asked for with macroquad.
//! The game itself lives in `lib/` and never touches macroquad (see `lib/src/lib.rs`).

mod assets;
mod audio;
mod draw;
mod gui;
mod input;
mod materials;
mod overlay;

// How the binary reaches the game: linked in (plain builds), or loaded from the library file
// and reloaded whenever it is rebuilt (`--features reload`, which `just dev` uses).
#[cfg(feature = "reload")]
mod hot_reload;
#[cfg(feature = "reload")]
use hot_reload::HotGame as Game;
#[cfg(not(feature = "reload"))]
mod static_game;
#[cfg(not(feature = "reload"))]
use static_game::StaticGame as Game;

use macroquad::window::{Conf, next_frame};

fn window_conf() -> Conf {
    // Before macroquad starts its audio thread, which may find no audio device.
    audio::report_missing_device();
    Conf { window_title: env!("CARGO_PKG_NAME").to_string(), window_width: 800, window_height: 600, ..Conf::default() }
}

#[macroquad::main(window_conf)]
async fn main() {
    let mut assets = assets::Assets::new();
    let mut audio = audio::Audio::default();
    let mut gui = gui::Gui::new();
    let mut input = input::InputReader::new();
    let mut drawing = draw::Drawing::default();
    let mut game = Game::start();
    // The frame on screen: drawn again while the game is paused (after a panic in hot builds).
    let mut shown = contract::Frame::default();
    loop {
        let changed = game.changed_assets();
        for path in &changed {
            assets.reload(path, &mut audio);
        }
        if let Some(frame) = game.frame(input.read(changed, drawing.camera(), drawing.default_font())) {
            assets.load(&frame);
            input.apply(&frame.window);
            gui.update(&frame);
            if let Some(text) = &frame.copied_text {
                input.copy(text);
            }
            audio.play(&frame.sounds, &assets);
            if frame.quit {
                game.quit();
            }
            game.drawn(std::mem::replace(&mut shown, frame));
        }
        drawing.frame(&shown, &mut assets, &gui);
        overlay::banner(game.problem().into_iter().chain(assets.problems()));
        overlay::marker(game.marker());
        next_frame().await;
    }
}
