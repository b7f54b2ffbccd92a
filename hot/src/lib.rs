//! Hot reloading, shared by every starter. Two sides:
//! - the library's (what `lib/src/exports.rs` calls): [`Build`], which says which project and contract
//!   a build belongs to, [`catch_panic`], and with feature `state` the game's `State` kept between
//!   frames and handed to the next build ([`state`]);
//! - the binary's (feature `host`, [`host`]): loading the library and swapping in each rebuild,
//!   checking that a build fits before calling it, handing the state over and saying what did not carry
//!   over, and a watchdog for calls that never return.
//!
//! What crosses between the two is plain owned data: [`Build`], and with a `State`, `Saved` and `Restored`.
//! A starter whose state is not the library's (bevy, minimal) has neither `src/state/` nor the files
//! about it, `saved.rs` and `host/handover.rs`.

mod build;
mod panic;
#[cfg(feature = "state")]
mod saved;

pub use build::{Build, fingerprint};
pub use panic::catch_panic;
#[cfg(feature = "state")]
pub use saved::{Restored, Saved};

#[cfg(feature = "host")]
pub mod host;
#[cfg(feature = "state")]
pub mod state;
