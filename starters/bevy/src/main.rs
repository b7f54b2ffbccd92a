//! The binary: the Bevy App, its window and plugins. The game's systems live in the library
//! (`lib/src/lib.rs`); this file only says where they come from.

use bevy::prelude::*;

// How the binary reaches the game's systems: linked in (plain builds), or loaded from the library file
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
    let window = Window { title: env!("CARGO_PKG_NAME").to_string(), resolution: (800, 600).into(), ..default() };
    App::new()
        .add_plugins(
            DefaultPlugins
                .set(WindowPlugin { primary_window: Some(window), ..default() })
                // Pixel art: images scaled up stay sharp.
                .set(ImagePlugin::default_nearest())
                // Images saved over while `just dev` runs reload (Bevy's `file_watcher`); static builds do
                // not watch files.
                .set(AssetPlugin { watch_for_changes_override: Some(cfg!(feature = "reload")), ..default() }),
        )
        .add_plugins(Game)
        .run();
}
