//! The entry points the binary calls, each a line into `contract::exports`, which keeps the game's
//! `State` between frames and hands it to the next build. In hot builds (feature `reload`) they are
//! exported under their plain names, and the binary looks them up again in every new build of the
//! library. Their signatures are part of the contract with the running binary: change one, and the
//! binary rebuilds itself and restarts, keeping the state.

use contract::{Frame, Input};
use hot::Build;
use hot_state::{Restored, Saved};

use crate::State;

/// Which project and contract this build belongs to: the binary asks before it calls anything else.
#[cfg_attr(feature = "reload", unsafe(no_mangle))]
pub fn build() -> Build {
    Build::new(env!("CARGO_MANIFEST_DIR"), contract::fingerprint(include_str!("exports.rs")))
}

/// One frame of the game (see `crate::frame`): what it drew, played and loaded.
#[cfg_attr(feature = "reload", unsafe(no_mangle))]
pub fn frame(input: &Input) -> Result<Frame, String> {
    contract::exports::frame(input, crate::frame)
}

/// The state, for the next build: the binary calls it before it unloads this one.
#[cfg_attr(feature = "reload", unsafe(no_mangle))]
pub fn save_state() -> Saved {
    contract::exports::save_state::<State>()
}

/// The state as it is now, kept by the binary to rewind to (F8).
#[cfg_attr(feature = "reload", unsafe(no_mangle))]
pub fn snapshot_state() -> Option<Saved> {
    contract::exports::snapshot_state::<State>()
}

/// Takes over a state saved by this or an older build: what did not carry over comes back.
#[cfg_attr(feature = "reload", unsafe(no_mangle))]
pub fn restore_state(saved: &Saved, kept: &str) -> Restored {
    contract::exports::restore_state::<State>(saved, kept)
}

/// Starts the game afresh (F6).
#[cfg_attr(feature = "reload", unsafe(no_mangle))]
pub fn reset_state() {
    contract::exports::reset_state::<State>();
}
