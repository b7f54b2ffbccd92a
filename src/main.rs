//! The binary: opens the window, runs the main loop, and draws what the game returns.
//! The game itself lives in `lib/` and never touches macroquad (see `lib/src/lib.rs`).

mod draw;
mod input;

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
    Conf { window_title: env!("CARGO_PKG_NAME").to_string(), window_width: 800, window_height: 600, ..Conf::default() }
}

#[macroquad::main(window_conf)]
async fn main() {
    let mut game = Game::start();
    loop {
        draw::frame(game.frame(&input::read()));
        next_frame().await;
    }
}
