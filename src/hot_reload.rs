//! Hot reloading (feature `reload`): the game is loaded from its library file and loaded again
//! each time `just dev` rebuilds it. The game state crosses each reload as JSON, handed from
//! the old build to the new one, so it survives changes to the `State` struct.
//!
//! It also watches the asset files the game loaded, so a saved PNG, font or sound shows at once.
//!
//! A frame that never returns (an endless loop) is caught by the watchdog (`watchdog.rs`).
//!
//! Keys while running: F5 reloads (hands the state over again and resumes after a panic),
//! F6 starts the game afresh, F7 records play and loops it while you edit (`replay.rs`).

mod asset_watcher;
mod files;
mod replay;
mod watchdog;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use contract::{Frame, Input};
use macroquad::input::{KeyCode, is_key_down, is_key_pressed};

use asset_watcher::AssetWatcher;
use replay::{Replay, Step};
use watchdog::{Rescue, Watchdog};

#[hot_lib_reloader::hot_module(
    dylib = "game",
    lib_dir = super::files::hot_build_dir(),
    // Load the new file 10 ms after it appears (the default 500 ms would dominate every reload).
    file_watch_debounce = 10
)]
mod library {
    pub use contract::{Frame, Input};

    // One proxy function for each entry point in the library's `exports.rs`.
    hot_functions_from_file!("lib/src/exports.rs");

    #[lib_change_subscription]
    pub fn subscribe() -> hot_lib_reloader::LibReloadObserver {}

    #[lib_version]
    pub fn version() -> usize {}
}

/// The contract this binary was compiled against; each reloaded library must report the same.
const CONTRACT_FINGERPRINT: u64 = contract::fingerprint(include_str!("../lib/src/exports.rs"));
/// Longer than a library build takes: an edit this old that is newer than the library did not build.
const STALE_AFTER: Duration = Duration::from_secs(3);

/// Ctrl-C / SIGTERM count: the first asks the main loop to save the state and quit, a second quits at once.
static QUIT_REQUESTS: AtomicUsize = AtomicUsize::new(0);

pub struct HotGame {
    reloads: hot_lib_reloader::LibReloadObserver,
    assets: AssetWatcher,
    watchdog: Watchdog,
    /// F7: recording play, or looping it.
    replay: Replay,
    /// False once a library with another contract is loaded: nothing in it may be called then.
    contract_ok: bool,
    /// Why calls into the library are paused, if they are (shown in the banner).
    paused: Option<String>,
    /// The state as JSON, as last handed over (kept for a restart when the new library is unusable).
    saved_state: String,
    /// The reload line and when the frame that swapped began: printed, with that frame's length,
    /// once the new code's first frame is on screen.
    reloaded: Option<(String, Instant)>,
    stale: bool,
    last_stale_check: Instant,
}

impl HotGame {
    pub fn start() -> Self {
        ctrlc::set_handler(|| {
            if QUIT_REQUESTS.fetch_add(1, Ordering::SeqCst) > 0 {
                std::process::exit(130);
            }
        })
        .expect("install the Ctrl-C handler");

        let reloads = files::load_library_or_exit(library::subscribe);
        let saved_state = std::fs::read_to_string(saved_state_file()).ok();
        let rescue = Rescue { keep_state: Some(keep_last_good_state), quit_requested: || QUIT_REQUESTS.load(Ordering::SeqCst) > 0 };
        let mut game = Self {
            reloads,
            assets: AssetWatcher::new(),
            watchdog: Watchdog::start(files::library_file(), rescue),
            replay: Replay::Off,
            // Only `contract_fingerprint` is safe to call before we know the contract matches.
            contract_ok: library::contract_fingerprint() == CONTRACT_FINGERPRINT,
            paused: None,
            saved_state: saved_state.clone().unwrap_or_else(|| "{}".to_string()),
            reloaded: None,
            stale: false,
            last_stale_check: Instant::now(),
        };
        if !game.contract_ok {
            // `just dev` is rebuilding the library for the contract this binary was built with;
            // the saved state is handed to that build when it loads.
            game.pause("The library was built for another contract: waiting for its rebuild.".to_string());
        } else {
            // With no saved state, "{}" starts the game afresh (whether or not `State` can read it).
            let restored = game.restore_state();
            if let Some(line) = saved_state.and_then(|_| restore_line(restored, true)) {
                println!("{line}");
            }
        }
        println!("[hot] watching {}: edit lib/src and save", files::library_file().display());
        game
    }

    /// This frame of the game, or `None` while it is paused (the binary shows the last one again).
    pub fn frame(&mut self, input: Input) -> Option<Frame> {
        if QUIT_REQUESTS.load(Ordering::SeqCst) > 0 {
            self.quit();
        }
        if let Some((line, swap_frame)) = self.reloaded.take() {
            println!("{line}, its frame {} ms)", swap_frame.elapsed().as_millis());
        }
        self.swap_if_rebuilt(Instant::now());
        if is_key_pressed(KeyCode::F5) && self.contract_ok {
            self.saved_state = library::save_state();
            self.report_restore();
        }
        if is_key_pressed(KeyCode::F6) && self.contract_ok {
            library::reset_state();
            self.paused = None;
            println!("[hot] F6: the game starts afresh");
        }
        if is_key_pressed(KeyCode::F7) && self.contract_ok && self.paused.is_none() {
            if is_key_down(KeyCode::LeftShift) || is_key_down(KeyCode::RightShift) {
                self.loop_the_kept_recording();
            } else {
                self.next_loop_step();
            }
        }
        self.check_stale();

        if self.paused.is_some() {
            return None;
        }
        let input = match self.replay.step(input) {
            Step::Run(input) => input,
            Step::RestartLoop(start, input) => {
                if let Err(why) = library::restore_state(&start) {
                    self.end_loop(&why);
                }
                input
            }
        };
        match self.watchdog.call("frame", || library::frame(&input)) {
            Ok(frame) => {
                self.assets.watch(&frame.loads);
                Some(frame)
            }
            Err(panic) => {
                self.pause(format!("The game {panic}\nFix it and save, or press F5 to retry."));
                None
            }
        }
    }

    /// What the window's marker should say while F7 records or loops.
    pub fn marker(&self) -> Option<String> {
        self.replay.marker()
    }

    /// Asset files the game loaded that changed on disk since the last call.
    pub fn changed_assets(&mut self) -> Vec<String> {
        self.assets.changed()
    }

    /// What the window's banner should say, if anything is wrong.
    pub fn problem(&self) -> Option<String> {
        let stale = "The library is stale: the last edit did not build (see the terminal).";
        self.paused.clone().or_else(|| self.stale.then(|| stale.to_string()))
    }

    /// Saves the state for the next start, and ends the program.
    pub fn quit(&mut self) -> ! {
        if self.contract_ok {
            self.saved_state = library::save_state();
        }
        self.save_state_for_restart();
        std::process::exit(0);
    }

    /// Swaps in a freshly built library, if there is one, handing the state over from the old one.
    fn swap_if_rebuilt(&mut self, frame_start: Instant) {
        // The reloader waits for this token before it unloads the old library, so we save meanwhile.
        let Some(about_to_reload) = self.reloads.wait_for_about_to_reload_timeout(Duration::ZERO) else {
            return;
        };
        let swap = Instant::now();
        if self.contract_ok {
            // After a panic too: the library rolled its state back to before the panicking frame.
            self.saved_state = library::save_state();
        }
        drop(about_to_reload);
        if !self.reloads.wait_for_reload_timeout(Duration::from_secs(5)) {
            self.contract_ok = false;
            self.save_state_for_restart();
            self.pause("The new library could not be loaded (see the terminal). Restart the game.".to_string());
            return;
        }
        self.stale = false;

        // Only `contract_fingerprint` is safe to call before we know the contract still matches.
        self.contract_ok = library::contract_fingerprint() == CONTRACT_FINGERPRINT;
        if !self.contract_ok {
            self.save_state_for_restart();
            self.pause(RESTART_NEEDED.to_string());
            return;
        }
        self.report_restore();
        if matches!(self.replay, Replay::Looping { .. }) {
            // The same seconds of play again, from the kept state, with the new code.
            self.replay.rewind();
        }
        let line = format!(
            "[hot] reloaded library v{}, {} ms after the last save (the swap took {} ms",
            library::version(),
            files::ms_since_last_save(),
            swap.elapsed().as_millis(),
        );
        self.reloaded = Some((line, frame_start));
    }

    /// Gives `saved_state` to the loaded library and resumes calling it. `Err` says why the library
    /// could not take it and started afresh.
    fn restore_state(&mut self) -> Result<(), String> {
        self.paused = None;
        library::restore_state(&self.saved_state)
    }

    /// F7: off -> recording -> looping -> off.
    fn next_loop_step(&mut self) {
        match self.replay {
            Replay::Off => {
                // The state now, kept as a reload would hand it over.
                let start = library::save_state();
                self.saved_state.clone_from(&start);
                self.report_restore();
                self.replay.record(start);
                println!("[hot] F7: recording, from the game as it is now. F7 again loops what was recorded.");
            }
            Replay::Recording { ref inputs, .. } => {
                let (seconds, frames) = (replay::seconds(inputs), inputs.len());
                if self.replay.start_loop().is_some() {
                    println!(
                        "[hot] F7: looping {seconds:.1} s of play ({frames} frames) from where the recording began. \
                         Edit and save to see it change; F7 leaves the loop."
                    );
                    if let Err(why) = self.replay.save(&loop_file()) {
                        println!("[hot] could not keep the loop for later: {why}");
                    }
                }
            }
            Replay::Looping { .. } => {
                self.replay = Replay::Off;
                println!("[hot] F7: left the loop; the game goes on from here.");
            }
        }
    }

    /// Shift+F7: loops the recording kept in `loop_file()` by the last F7 loop, even from before a restart.
    fn loop_the_kept_recording(&mut self) {
        match Replay::load(&loop_file()) {
            Ok(replay) => {
                self.replay = replay;
                println!("[hot] Shift+F7: looping the recording kept in {}. F7 leaves the loop.", loop_file().display());
            }
            Err(why) => println!("[hot] Shift+F7: no kept recording to loop ({why})."),
        }
    }

    /// The loop's starting state no longer fits the game's `State`: the loop ends, the game goes on.
    fn end_loop(&mut self, why: &str) {
        self.replay = Replay::Off;
        println!("[hot] the loop ends: {why}. The game goes on from where it was.");
        // The failed restore started the game afresh; take back the state it had.
        self.report_restore();
    }

    /// Restores the state, saying so only if the library could not take it.
    fn report_restore(&mut self) {
        if let Some(line) = restore_line(self.restore_state(), false) {
            println!("{line}");
        }
    }

    fn pause(&mut self, why: String) {
        eprintln!("[hot] {why}");
        self.paused = Some(why);
    }

    fn save_state_for_restart(&self) {
        if let Err(error) = std::fs::write(saved_state_file(), &self.saved_state) {
            eprintln!("[hot] could not save the state to {}: {error}", saved_state_file().display());
        }
    }

    /// An edit newer than the library file, and older than any build takes, did not build.
    fn check_stale(&mut self) {
        if self.last_stale_check.elapsed() < Duration::from_millis(250) {
            return;
        }
        self.last_stale_check = Instant::now();
        let built = std::fs::metadata(files::library_file()).and_then(|file| file.modified()).ok();
        self.stale = files::newest_change(Path::new(files::LIB_SOURCE)).is_some_and(|edited| {
            built.is_some_and(|built| edited > built) && edited.elapsed().is_ok_and(|since| since > STALE_AFTER)
        });
    }
}

const RESTART_NEEDED: &str = "The contract changed (contract/ or lib/src/exports.rs): the binary must \
     restart.\n`just dev` restarts it by itself, keeping the state.";

/// The one line that says how a restore went, if it needs saying: a state read from the file was
/// restored, or the library could not take the state and started afresh (never both).
fn restore_line(restored: Result<(), String>, from_file: bool) -> Option<String> {
    match restored {
        Err(why) => Some(format!("[hot] starting afresh: {why}")),
        Ok(()) if from_file => Some(format!("[hot] state restored from {}", saved_state_file().display())),
        Ok(()) => None,
    }
}

/// Keeps the state from before the frame now running for the next start: the watchdog calls it, from
/// its own thread, when that frame does not return.
fn keep_last_good_state() {
    if let Some(state) = library::last_good_state() {
        if let Err(error) = std::fs::write(saved_state_file(), state) {
            eprintln!("[hot] could not save the state to {}: {error}", saved_state_file().display());
        }
    }
}

/// The last F7 loop is kept here (Shift+F7 loops it again, also after a restart).
fn loop_file() -> PathBuf {
    files::hot_build_dir().join("loop.json")
}

/// The state is kept here while the binary restarts (on Ctrl-C, and when the contract changes).
fn saved_state_file() -> PathBuf {
    files::hot_build_dir().join("dev-state.json")
}

#[cfg(test)]
mod tests {
    use super::restore_line;

    #[test]
    fn a_restore_is_reported_in_one_line_that_never_contradicts_itself() {
        let afresh = restore_line(Err("the saved state no longer fits `State`".to_string()), true).unwrap();
        assert!(afresh.starts_with("[hot] starting afresh") && !afresh.contains("restored"), "{afresh}");
        let restored = restore_line(Ok(()), true).unwrap();
        assert!(restored.starts_with("[hot] state restored from") && !restored.contains("afresh"), "{restored}");
        assert_eq!(restore_line(Ok(()), false), None, "a reload that kept the state says nothing more");
    }
}
