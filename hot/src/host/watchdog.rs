//! Notices a call into the game library that does not return: most likely an endless loop in game
//! code. The thread that made the call is the one that draws the window, so the window freezes; this
//! watches from a thread of its own, says so in the terminal, and gets the game going again. A library
//! that a thread is still running can never be unloaded, so the way out is a new process:
//! - when a newer build of the library appears, the binary restarts itself with it (on Unix by `exec`,
//!   keeping its process id, so `just dev` and cargo-watch keep it as their child), handing over the
//!   state from before the stuck call;
//! - on Ctrl-C it keeps that state for the next start and exits at once.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant, SystemTime};

/// A call running this long counts as stuck: a frame takes milliseconds, a slow one a few hundred.
pub const STUCK_AFTER: Duration = Duration::from_secs(1);
/// After Ctrl-C, how long a running call may take to return before it counts as stuck.
const QUIT_GRACE: Duration = Duration::from_millis(100);
/// A new library file must be left alone this long before it is loaded (cargo may still be copying).
const SETTLE: Duration = Duration::from_millis(100);

/// What the watchdog asks of the starter when a call is stuck: to keep its last good state for the next
/// start (if the library holds one), and whether Ctrl-C was pressed.
pub struct WhenStuck {
    pub keep_state: Option<fn()>,
    pub quit_requested: fn() -> bool,
}

pub struct Watchdog {
    running: Arc<Mutex<Option<Call>>>,
}

#[derive(Clone, Copy, PartialEq)]
struct Call {
    entry_point: &'static str,
    started: Instant,
    started_at: SystemTime,
}

impl Watchdog {
    pub fn start(library_file: PathBuf, when_stuck: WhenStuck) -> Self {
        let running = Arc::new(Mutex::new(None));
        let watched = running.clone();
        std::thread::Builder::new()
            .name("hot-reload watchdog".to_string())
            .spawn(move || watch(&watched, &library_file, &when_stuck))
            .expect("start the watchdog thread");
        Self { running }
    }

    /// Runs `call`, a call into the library's entry point `entry_point`, under watch.
    pub fn call<T>(&self, entry_point: &'static str, call: impl FnOnce() -> T) -> T {
        let started = Call { entry_point, started: Instant::now(), started_at: SystemTime::now() };
        *self.running.lock().unwrap_or_else(PoisonError::into_inner) = Some(started);
        let result = call();
        *self.running.lock().unwrap_or_else(PoisonError::into_inner) = None;
        result
    }
}

fn watch(running: &Mutex<Option<Call>>, library_file: &Path, when_stuck: &WhenStuck) -> ! {
    let mut announced = None;
    loop {
        std::thread::sleep(Duration::from_millis(50));
        let Some(call) = *running.lock().unwrap_or_else(PoisonError::into_inner) else {
            continue;
        };
        let name = call.entry_point;
        let state = if when_stuck.keep_state.is_some() {
            format!(", with the state from before this `{name}`")
        } else {
            String::new()
        };
        let stuck_for = call.started.elapsed();
        if (when_stuck.quit_requested)() && stuck_for > QUIT_GRACE {
            let kept = when_stuck.keep_state.inspect(|keep| keep()).is_some();
            let kept = if kept { "; the state from before it is kept for the next start" } else { "" };
            println!("[hot] stopped while `{name}` was stuck{kept}");
            std::process::exit(0);
        }
        if stuck_for < STUCK_AFTER {
            continue;
        }
        if announced != Some(call) {
            announced = Some(call);
            println!(
                "[hot] `{name}` has not returned for {} s: most likely an endless loop in the game code.\n\
                 [hot] Nothing runs until it returns. Save a fix: the game restarts with the new code{state}. Ctrl-C stops it.",
                STUCK_AFTER.as_secs()
            );
        }
        if built_since(library_file, call.started_at) {
            when_stuck.keep_state.inspect(|keep| keep());
            println!("[hot] a new build of the library is here: restarting with it{state}");
            super::restart(library_file);
        }
    }
}

/// The library file was rebuilt after `since`, and has been left alone for a moment.
fn built_since(library_file: &Path, since: SystemTime) -> bool {
    let modified = std::fs::metadata(library_file).and_then(|file| file.modified());
    modified.is_ok_and(|modified| modified > since && modified.elapsed().is_ok_and(|age| age > SETTLE))
}
