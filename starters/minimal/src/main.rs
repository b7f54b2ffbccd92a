//! The binary: a terminal loop that calls the reloadable library twice a second.
//! The code you edit while it runs is in `lib/src/lib.rs`.

use std::time::Duration;

// How the binary reaches the library: linked in (plain builds), or loaded from the library file
// and reloaded whenever it is rebuilt (`--features reload`, which `just dev` uses).
#[cfg(feature = "reload")]
mod hot_reload;
#[cfg(feature = "reload")]
use hot_reload::HotGame as Game;
#[cfg(not(feature = "reload"))]
mod static_game;
#[cfg(not(feature = "reload"))]
use static_game::StaticGame as Game;

fn main() {
    let mut game = Game::start();
    // The state: a plain number the binary keeps, so it survives every reload.
    for tick in 0.. {
        println!("{}", game.tick(tick));
        std::thread::sleep(Duration::from_millis(500));
    }
}
