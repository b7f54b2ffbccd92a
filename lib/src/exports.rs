//! The functions the binary calls. In hot builds (feature `reload`) they are exported under
//! their plain names, and the binary looks them up again in every new build of the library.
//! Their signatures are part of the contract with the running binary, like the `contract` crate.

use std::sync::{Mutex, PoisonError};

use contract::{Frame, Input};

use crate::State;

/// The game state lives inside the library, so the binary never depends on its layout:
/// across a reload it travels as JSON (see [`save_state`] and [`restore_state`]).
static STATE: Mutex<Option<State>> = Mutex::new(None);

/// Identifies the contract this build was compiled against (see `contract::fingerprint`).
/// The binary calls it first after each reload; its signature must never change.
#[cfg_attr(feature = "reload", unsafe(no_mangle))]
pub fn contract_fingerprint() -> u64 {
    contract::fingerprint(include_str!("exports.rs"))
}

/// Runs one frame of the game: what it drew, played and loaded. In hot builds a panic in the game
/// code comes back as `Err` with its message and location, and the state is left as it was before
/// this frame.
#[cfg_attr(feature = "reload", unsafe(no_mangle))]
pub fn frame(input: &Input) -> Result<Frame, String> {
    let mut state = STATE.lock().unwrap_or_else(PoisonError::into_inner);
    // A fresh state is made inside the frame, where the API knows the screen size and the time.
    run_guarded(&mut state, |state| contract::record_frame(input, || crate::frame(state.get_or_insert_with(State::default))))
}

/// The current state as JSON, to be handed to the next build of the library.
/// The binary calls it before this build is unloaded (and [`restore_state`] after any reload).
#[cfg_attr(feature = "reload", unsafe(no_mangle))]
pub fn save_state() -> String {
    #[cfg(feature = "reload")]
    panic_report::uninstall();
    let mut state = STATE.lock().unwrap_or_else(PoisonError::into_inner);
    let saved = serde_json::to_string(state.get_or_insert_with(State::default)).expect("State serializes to JSON");
    contract::release();
    saved
}

/// Takes over the state saved by [`save_state`], possibly from an older build whose `State`
/// had other fields. If it no longer fits, the game starts afresh and `Err` says why.
#[cfg_attr(feature = "reload", unsafe(no_mangle))]
pub fn restore_state(saved: &str) -> Result<(), String> {
    #[cfg(feature = "reload")]
    panic_report::install();
    let (state, result) = match serde_json::from_str(saved) {
        Ok(state) => (Some(state), Ok(())),
        Err(error) => (None, Err(format!("the saved state no longer fits `State` ({error})"))),
    };
    *STATE.lock().unwrap_or_else(PoisonError::into_inner) = state;
    result
}

/// Starts the game afresh.
#[cfg_attr(feature = "reload", unsafe(no_mangle))]
pub fn reset_state() {
    *STATE.lock().unwrap_or_else(PoisonError::into_inner) = None;
}

#[cfg(not(feature = "reload"))]
fn run_guarded(state: &mut Option<State>, step: impl FnOnce(&mut Option<State>) -> Frame) -> Result<Frame, String> {
    Ok(step(state))
}

#[cfg(feature = "reload")]
fn run_guarded(state: &mut Option<State>, step: impl FnOnce(&mut Option<State>) -> Frame) -> Result<Frame, String> {
    let before = state.clone();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| step(state))).map_err(|_| {
        *state = before;
        panic_report::take()
    })
}

/// Remembers the last panic's message and location so the binary can show it in the window.
#[cfg(feature = "reload")]
mod panic_report {
    use std::sync::{Mutex, PoisonError};

    static LAST: Mutex<Option<String>> = Mutex::new(None);

    /// Installs the hook; called after every load, since the hook is this build's code.
    pub fn install() {
        // The binary prints the report; printing it here too would show it twice.
        std::panic::set_hook(Box::new(|info| {
            *LAST.lock().unwrap_or_else(PoisonError::into_inner) = Some(info.to_string());
        }));
    }

    /// Puts the default hook back. The hot build shares Rust's standard library (and so its hook)
    /// with the next build, so this build's hook must go before this build is unloaded.
    pub fn uninstall() {
        drop(std::panic::take_hook());
    }

    pub fn take() -> String {
        let last = LAST.lock().unwrap_or_else(PoisonError::into_inner).take();
        last.unwrap_or_else(|| "panicked".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // One test, because the state is a process-wide static.
    #[test]
    fn state_survives_save_and_restore_and_tolerates_schema_changes() {
        reset_state();
        let input = Input { frame_time: 0.5, screen_width: 800.0, screen_height: 600.0, ..Input::default() };
        frame(&input).unwrap();
        let saved = save_state();
        reset_state();
        restore_state(&saved).unwrap();
        assert_eq!(save_state(), saved);

        // A field the old build did not have takes its default; one it had and we dropped is ignored.
        restore_state(r#"{"kicks": 7, "gone": true}"#).unwrap();
        let state = STATE.lock().unwrap().clone().unwrap();
        assert_eq!((state.kicks, state.player), (7, State::default().player));

        // A value that no longer fits the type resets the game (in its next frame) and says why.
        let error = restore_state(r#"{"kicks": "seven"}"#).unwrap_err();
        assert!(error.contains("no longer fits"), "{error}");
        frame(&input).unwrap();
        assert_eq!(STATE.lock().unwrap().clone().unwrap().kicks, 0);
    }
}
