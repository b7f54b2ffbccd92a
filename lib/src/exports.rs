//! The functions the binary calls. In hot builds (feature `reload`) they are exported under
//! their plain names, and the binary looks them up again in every new build of the library.
//! Their signatures are part of the contract with the running binary, like the `contract` crate.

use std::sync::{Mutex, PoisonError};
use std::thread::ThreadId;

use contract::{Frame, Input};

use crate::State;

/// The game state lives inside the library, so the binary never depends on its layout:
/// across a reload it travels as JSON (see [`save_state`] and [`restore_state`]).
static STATE: Mutex<Option<State>> = Mutex::new(None);
/// The state as it was before the frame now running (hot builds): a panicking frame is rolled back
/// to it, and a frame stuck in an endless loop restarts from it (see [`last_good_state`]).
static BEFORE_FRAME: Mutex<BeforeFrame> = Mutex::new(BeforeFrame { state: None, thread: None });

struct BeforeFrame {
    state: Option<State>,
    /// The thread that runs the frames: its asset table turns the state's handles into paths.
    thread: Option<ThreadId>,
}

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

/// The state from before the frame now running (between frames: the state), as JSON, or `None` if
/// the game has no state yet. The binary calls it from another thread when `frame` does not return
/// (an endless loop), and restarts with it; `frame` holds the state itself meanwhile.
#[cfg_attr(feature = "reload", unsafe(no_mangle))]
pub fn last_good_state() -> Option<String> {
    let before = BEFORE_FRAME.lock().unwrap_or_else(PoisonError::into_inner);
    let (Some(state), Some(thread)) = (&before.state, before.thread) else { return None };
    Some(contract::as_thread(thread, || serde_json::to_string(state).expect("State serializes to JSON")))
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
    // A copy per frame (`clone_from` reuses its allocations): cheap next to the frame, see the tests.
    keep_before_frame(state);
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| step(state))).map_err(|_| {
        state.clone_from(&BEFORE_FRAME.lock().unwrap_or_else(PoisonError::into_inner).state);
        panic_report::take()
    })
}

/// Keeps a copy of the state before each frame (`clone_from` reuses the last copy's allocations):
/// cheap next to the frame (measured in the tests).
#[cfg(feature = "reload")]
fn keep_before_frame(state: &Option<State>) {
    let mut before = BEFORE_FRAME.lock().unwrap_or_else(PoisonError::into_inner);
    before.state.clone_from(state);
    before.thread = Some(std::thread::current().id());
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
        let state = || STATE.lock().unwrap().clone();
        let before = state();
        let saved = save_state();
        reset_state();
        restore_state(&saved).unwrap();
        assert_eq!(state(), before);

        // A field the old build had and this one dropped is ignored.
        let with_a_dropped_field = saved.replacen('{', r#"{"dropped_field": 7, "#, 1);
        restore_state(&with_a_dropped_field).unwrap();
        assert_eq!(state(), before);
        // Fields the old build did not have take their defaults.
        restore_state("{}").unwrap();
        assert_eq!(state(), Some(State::default()));

        // A state that no longer fits the type resets the game (in its next frame) and says why.
        let error = restore_state(r#""not a state""#).unwrap_err();
        assert!(error.contains("no longer fits"), "{error}");
        frame(&input).unwrap();
        assert!(STATE.lock().unwrap().is_some());

        #[cfg(feature = "reload")]
        the_state_before_a_stuck_frame_is_kept(&input);
    }

    /// What the binary restarts with when a frame never returns: the state from before that frame,
    /// read from another thread (the frame's own is stuck), its handles saved as their paths.
    #[cfg(feature = "reload")]
    fn the_state_before_a_stuck_frame_is_kept(input: &Input) {
        reset_state();
        frame(input).unwrap();
        let after_first = save_state();
        restore_state(&after_first).unwrap(); // as after a reload: `save_state` let go of the asset table
        frame(input).unwrap(); // the state before this frame is the one after the first
        let kept = std::thread::spawn(last_good_state).join().unwrap().expect("a kept state");
        // Handles saved as their paths, with the game thread's asset table.
        let read = |saved: &str| serde_json::from_str::<State>(saved).unwrap();
        assert_eq!(read(&kept), read(&after_first));

        // What keeping it costs per frame.
        let state = STATE.lock().unwrap().clone();
        let runs = 100_000;
        let started = std::time::Instant::now();
        for _ in 0..runs {
            keep_before_frame(std::hint::black_box(&state));
        }
        let each = started.elapsed() / runs;
        eprintln!("keeping the state from before each frame: {} ns per frame", each.as_nanos());
        assert!(each.as_micros() < 100, "{each:?}");
    }
}
