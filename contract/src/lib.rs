//! The game's API, shaped like macroquad's, and the plain data it records.
//!
//! The game says `use contract::prelude::*;` where a macroquad program says
//! `use macroquad::prelude::*;`, and calls the same functions: `clear_background`, `draw_texture_ex`,
//! `measure_text`, `is_key_pressed`, `set_camera`, `play_sound`... They do not draw: they record what
//! the game asks for into a [`Frame`], and the binary plays that frame with macroquad. (macroquad keeps
//! its OpenGL context in the binary's globals; a copy of macroquad inside the game library would have
//! none.) Queries answer from the frame's [`Input`], handed in by the binary, and from the asset files
//! themselves, so text sizes and texture sizes are known in the same frame.
//!
//! Two halves:
//! - what crosses the boundary, plain owned data: [`boundary`] (input in, frame out), [`color`],
//!   [`math`], [`keys`] and [`material`]'s settings. The running binary is compiled against these (see [`fingerprint`]):
//!   changing what they declare makes the binary rebuild itself and restart, keeping the game state.
//!   Nothing here may point into the game library (no `&'static str`, closures or trait objects),
//!   because the library that made it may be unloaded before the binary is done with it.
//! - the API that records it (every other module), which runs inside the game library only, and
//!   [`exports`], what the game library's entry points do.

pub mod boundary;
pub mod color;
pub mod keys;
pub mod material;
pub mod math;

pub mod audio;
pub mod camera;
pub mod file;
#[cfg(feature = "egui")]
pub mod gui;
pub mod image;
pub mod input;
pub mod logging;
pub mod models;
pub mod rand;
pub mod shapes;
pub mod text;
pub mod texture;
pub mod time;
pub mod window;

mod assets;
mod context;
mod error;
mod resources;

pub mod exports;
pub mod prelude;

#[cfg(test)]
mod tests;

pub use boundary::{AssetLoad, AssetSource, DrawCommand, Frame, Input, SoundCommand};
pub use error::Error;
pub use file::block_on;

pub use color::Color;
#[cfg(feature = "egui")]
pub use gui::egui;

/// Runs one frame of game code: the API's queries answer from `input`, and the returned [`Frame`] holds
/// everything the code asked to draw, play and load, in order. If `game` panics, what it drew and
/// played is dropped as the panic passes.
pub fn record_frame(input: &Input, game: impl FnOnce()) -> Frame {
    struct AbandonOnPanic;
    impl Drop for AbandonOnPanic {
        fn drop(&mut self) {
            if std::thread::panicking() {
                context::abandon_frame();
            }
        }
    }
    context::begin_frame(input);
    let guard = AbandonOnPanic;
    game();
    std::mem::forget(guard);
    context::end_frame()
}

/// Frees what the API keeps while the game library is loaded (parsed fonts, the asset table). The
/// game's `save_state` calls it before the binary unloads the library: the statics of an unloaded
/// library are never dropped, so without this each reload would leak them. Anything the API needs
/// afterwards is read again.
pub fn release() {
    context::release();
}

/// A hash of what the binary is compiled against: the types that cross the boundary, and the game's
/// entry points (`exports_source`, its `lib/src/exports.rs`). Comments and function bodies do not count
/// (see `hot::fingerprint`). The binary compares its own with each reloaded library's.
pub const fn fingerprint(exports_source: &str) -> u64 {
    hot::fingerprint(&[
        include_str!("boundary.rs"),
        include_str!("color.rs"),
        include_str!("keys.rs"),
        include_str!("math.rs"),
        include_str!("material.rs"),
        exports_source,
    ]) ^ hot_state::FINGERPRINT
}

/// FNV-1a: a stable hash (the same in every build), for asset ids.
pub(crate) const fn fnv1a(bytes: &[u8], mut hash: u64) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        hash = (hash ^ bytes[i] as u64).wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    hash
}
