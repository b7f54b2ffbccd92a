//! The game's state, kept inside the library between frames (the binary never sees its layout), and
//! handed over as data when the library is reloaded (see `restore.rs` for what a changed `State` does
//! with what an older build saved). `lib/src/exports.rs` calls these; the game never does.
//!
//! In hot builds (feature `reload`) a panicking frame comes back as its message; the binary puts the
//! state from before it back from the snapshots it keeps anyway (F8's history), instead of a copy of
//! the state made here before every frame.

use std::any::Any;
use std::sync::{Mutex, MutexGuard, PoisonError};

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::{Restored, Saved};

/// What a game's `State` must be to live here.
pub trait GameState: Default + Clone + Serialize + DeserializeOwned + Send + 'static {}
impl<T: Default + Clone + Serialize + DeserializeOwned + Send + 'static> GameState for T {}

/// `None` until the first frame makes it (where the game API knows the screen and the time).
static STATE: Mutex<Option<Box<dyn Any + Send>>> = Mutex::new(None);

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

fn downcast<S: GameState>(state: &mut Option<Box<dyn Any + Send>>) -> &mut Option<S> {
    // The only type ever kept is the game's `State` (each build of the library has its own statics).
    let state = state.get_or_insert_with(|| Box::new(None::<S>));
    state.downcast_mut::<Option<S>>().expect("the game's State")
}

/// Runs one frame on the state (`None` before the first). In hot builds a panic comes back as `Err`
/// with its message and location; the state is then as the panicking frame left it, and the binary
/// puts back the one from before that frame (from its rewind history: `src/hot_reload/history.rs`).
pub fn frame<S: GameState, R>(frame: impl FnOnce(&mut Option<S>) -> R) -> Result<R, String> {
    let mut kept = lock(&STATE);
    let state = downcast::<S>(&mut kept);
    if !cfg!(feature = "reload") {
        return Ok(frame(state));
    }
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| frame(state))).map_err(|_| crate::panic::last_panic())
}

/// The state, saved for the next build (a fresh one if there is none yet). The binary calls it before
/// it unloads this build.
pub fn save<S: GameState>() -> Saved {
    crate::panic::stop_reporting_panics();
    to_saved(downcast::<S>(&mut lock(&STATE)).get_or_insert_with(S::default))
}

/// The state as it is now, saved as [`save`] would but letting go of nothing (a snapshot the binary
/// keeps to rewind to), or `None` before the first frame.
pub fn snapshot<S: GameState>() -> Option<Saved> {
    downcast::<S>(&mut lock(&STATE)).as_ref().map(to_saved)
}

/// The state in its binary format (`binary.rs`), whose writer is compiled here, optimized: only
/// `State`'s own derived code runs in the game's crate, at opt-level 0.
pub fn to_saved<S: Serialize>(state: &S) -> Saved {
    crate::binary::write(state).expect("State serializes")
}

/// Takes over a state saved by [`save`], possibly by an older build whose `State` had other fields,
/// with the values kept from earlier restores (`kept`). What did not carry over is in the result.
pub fn restore<S: GameState>(saved: &Saved, kept: &str) -> Restored {
    if cfg!(feature = "reload") {
        crate::panic::report_panics();
    }
    let mut state = None::<S>;
    let report = crate::restore::restore(saved, kept, &mut state);
    *downcast::<S>(&mut lock(&STATE)) = state;
    report
}

impl<S: Serialize + DeserializeOwned> crate::restore::Slot for Option<S> {
    fn read_saved(&mut self, saved: &[u8]) -> Result<bool, String> {
        let (state, vouched) = crate::binary::from_saved(saved).map_err(|error| error.to_string())?;
        *self = Some(state);
        Ok(vouched)
    }

    fn read(&mut self, value: &serde_json::Value) -> Result<(), String> {
        *self = Some(S::deserialize(value).map_err(|error| error.to_string())?);
        Ok(())
    }

    fn write(&self) -> Option<Saved> {
        self.as_ref().map(to_saved)
    }
}

/// Starts the game afresh (its next frame makes a new state).
pub fn reset<S: GameState>() {
    *downcast::<S>(&mut lock(&STATE)) = None;
}

/// Runs `f` on the state, if there is one (for tests).
pub fn with<S: GameState, R>(f: impl FnOnce(Option<&mut S>) -> R) -> R {
    f(downcast::<S>(&mut lock(&STATE)).as_mut())
}
