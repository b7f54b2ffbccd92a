//! The types the game's World holds: its components and resources. The binary and the game library
//! both depend on this crate, and the running World keeps values of these types across reloads, so
//! their layout must stay as the binary was built with it. Change anything here and `just dev`
//! restarts the binary (it watches `contract/`); meanwhile the binary runs no systems from a library
//! built against the new version (see [`fingerprint`]).
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

/// Identifies this version of the contract: this file and the game library's `exports.rs`. The game
/// library reports the value it was built with; the binary compares it with its own after each reload.
pub const fn fingerprint(exports_source: &str) -> u64 {
    fnv1a(exports_source.as_bytes(), fnv1a(include_str!("lib.rs").as_bytes(), 0xcbf2_9ce4_8422_2325))
}

/// FNV-1a: a hash that is the same in every build.
const fn fnv1a(bytes: &[u8], mut hash: u64) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        hash = (hash ^ bytes[i] as u64).wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    hash
}
