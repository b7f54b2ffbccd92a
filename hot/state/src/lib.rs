//! A game `State` that lives in the game library and crosses each reload as data (the macroquad and ui
//! starters). Two sides:
//! - the library's, what the game's entry points call: the state kept between frames, a panicking frame
//!   caught (feature `reload`), snapshots, and the hand-over to the next build ([`save`], [`restore`]);
//! - the binary's (feature `host`): [`Handover`], which keeps the state between builds, offers each new
//!   build what the last ones did not take, and says in one line what did not carry over.
//!
//! What crosses between the two is plain owned data: [`Saved`] and [`Restored`].

pub mod binary;
#[cfg(feature = "host")]
mod handover;
mod keep;
mod panic;
mod restore;
mod saved;

#[cfg(feature = "host")]
pub use handover::{Handover, state_file};
pub use keep::{GameState, frame, reset, restore, save, snapshot, to_saved, with};
pub use saved::{Restored, Saved};

/// The types of this crate that cross, part of the contract of every game that uses it (see
/// `hot::fingerprint`).
pub const FINGERPRINT: u64 = hot::fingerprint(&[include_str!("saved.rs")]);
