//! The types the game's World holds: its components and resources. The binary and the game library
//! both depend on this crate, and the running World keeps values of these types across reloads, so
//! their layout must stay as the binary was built with it. Change what this file declares and the binary
//! notices (see [`fingerprint`]): it runs no systems from a library built against the new version,
//! rebuilds itself and restarts, and the World starts afresh (it is not serialized).
//!
//! Declare every component and resource of the game here, not in `lib/`: a type the World holds that
//! changes while the game runs would be read with its old layout.

use bevy::prelude::*;

/// The one the arrow keys move.
#[derive(Component)]
pub struct Player;

/// Circles around the middle of the window: `radius` in pixels, `speed` in turns per second.
#[derive(Component)]
pub struct Orbit {
    pub radius: f32,
    pub speed: f32,
    pub angle: f32,
}

/// How far the player has walked, in pixels: a resource that lives in the World and survives reloads.
#[derive(Resource, Default)]
pub struct Walked(pub f32);

/// Identifies this version of the contract: what this file declares, and the game library's entry
/// points (`exports.rs`); comments and function bodies do not count. The game library reports the value
/// it was built with; the binary compares it with its own after each reload.
pub const fn fingerprint(exports_source: &str) -> u64 {
    hot::fingerprint(&[include_str!("lib.rs"), exports_source])
}
