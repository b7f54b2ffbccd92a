//! What the game library's entry points do, so that `lib/src/exports.rs` is a line each: the game's
//! `State` kept between frames and handed to the next build (`hot_state`), around the frame this
//! API records. Not for game code.

use hot_state::{GameState, Restored, Saved};

use crate::{Frame, Input};

/// One frame: `game` on the state (made on the first frame, where the API knows the screen size and
/// the time), what it drew, played and loaded. In hot builds a panic comes back as `Err` with its
/// message and location (the binary puts the state from before the frame back).
pub fn frame<S: GameState>(input: &Input, game: fn(&mut S)) -> Result<Frame, String> {
    hot_state::frame::<S, _>(|state| crate::record_frame(input, || game(state.get_or_insert_with(S::default))))
}

/// The state, for the next build; then frees what the API keeps while the library is loaded (the
/// binary calls it before it unloads this build).
pub fn save_state<S: GameState>() -> Saved {
    let saved = hot_state::save::<S>();
    crate::release();
    saved
}

/// The state as it is now, for the binary's rewind history: nothing is let go.
pub fn snapshot_state<S: GameState>() -> Option<Saved> {
    hot_state::snapshot::<S>()
}

/// Takes over a state saved by this or an older build, with the values no build took yet (`kept`).
pub fn restore_state<S: GameState>(saved: &Saved, kept: &str) -> Restored {
    hot_state::restore::<S>(saved, kept)
}

/// Starts the game afresh.
pub fn reset_state<S: GameState>() {
    hot_state::reset::<S>();
}
