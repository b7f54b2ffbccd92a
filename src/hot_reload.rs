//! Hot reloading (feature `reload`) for this binary: the game library's entry points, handed to the
//! shared core (`hot/src/host/`: loading, swapping, checking a build fits, handing the state over, the
//! watchdog), and what is about this binary: the keys, the asset watcher, F7 loops.
//!
//! Keys while running: F5 hands the state over again (and resumes after a panic), F6 starts the game
//! afresh, F7 records play and loops it while you edit (`replay.rs`), F8 pauses and rewinds through the
//! last seconds of play (`rewind.rs`, from what `history.rs` keeps).

mod asset_watcher;
mod computed;
mod history;
mod replay;
mod rewind;

use std::sync::{Mutex, PoisonError};
use std::time::Instant;

use contract::{Frame, Input};
use hot::host::{BuildYield, Entry, Library, Reloaded, Swap, Watchdog, WhenStuck, files, quit};
use hot_state::{Handover, Saved};
use macroquad::input::{KeyCode, is_key_down, is_key_pressed};

use asset_watcher::AssetWatcher;
use computed::Computed;
use history::History;
use replay::{Replay, Step};
use rewind::Rewound;

#[hot_lib_reloader::hot_module(
    dylib = hot::host::files::library_name(env!("CARGO_PKG_NAME")),
    lib_dir = hot::host::files::library_dir(),
    // Load the new file 10 ms after it appears (the default 500 ms would dominate every reload).
    file_watch_debounce = 10
)]
mod library {
    pub use contract::{Frame, Input};
    pub use hot::Build;
    pub use hot_state::{Restored, Saved};

    // One proxy function for each entry point in the library's `exports.rs`.
    hot_functions_from_file!("lib/src/exports.rs");

    #[lib_change_subscription]
    pub fn subscribe() -> hot_lib_reloader::LibReloadObserver {}

    #[lib_version]
    pub fn version() -> usize {}
}

pub struct HotGame {
    library: Library,
    handover: Handover,
    watchdog: Watchdog,
    assets: AssetWatcher,
    /// F7: recording play, or looping it.
    replay: Replay,
    /// The last seconds of play, to rewind to (F8), and the moment shown while rewound.
    history: History,
    rewound: Option<Rewound>,
    /// Why calls into the library are paused, if they are (shown in the banner).
    paused: Option<String>,
    /// The game's random number generator as the last frame played left it: the next frame starts from
    /// it, whichever build runs it, and its input keeps it for a replay (`contract/src/rand.rs`).
    rand: u64,
    /// A reload whose line is printed once the new code's first frame is on screen.
    reloaded: Option<Reloaded>,
    /// Fewer frames while the library builds, so that the build gets the processor.
    build_yield: BuildYield,
    /// The last frames played, as the binary drew them (F8 shows them again at once as it pauses).
    played: Computed,
    /// The numbers of the frames the binary was given last and the time before (`None` for one not
    /// played live): the binary hands the older back once it has drawn the newer.
    numbers: (Option<u64>, Option<u64>),
    /// The number of the frame being played, once it is kept in the history.
    playing: Option<u64>,
}

impl HotGame {
    pub fn start() -> Self {
        quit::install();
        let contract = contract::fingerprint(include_str!("../lib/src/exports.rs"));
        let library = Library::load(Entry {
            project: env!("CARGO_PKG_NAME"),
            subscribe: library::subscribe,
            version: library::version,
            build: library::build,
            expected: hot::Build::expected(env!("CARGO_MANIFEST_DIR"), contract),
        });
        let when_stuck = WhenStuck { keep_state: Some(keep_newest_snapshot), quit_requested: quit::requested };
        let mut game = Self {
            watchdog: Watchdog::start(library.file(), when_stuck),
            library,
            handover: Handover::load(),
            assets: AssetWatcher::new(),
            replay: Replay::Off,
            history: History::from_env(),
            rewound: None,
            paused: None,
            rand: kept_rand(),
            reloaded: None,
            build_yield: BuildYield::from_env(),
            played: Computed::with_most_bytes(computed::MOST_BYTES_PLAYING),
            numbers: (None, None),
            playing: None,
        };
        if game.library.fits() {
            game.restore_and_report();
        }
        game
    }

    /// This frame of the game, or `None` while it is paused (the binary shows the last one again).
    pub fn frame(&mut self, input: Input) -> Option<Frame> {
        let frame = self.next_frame(input);
        if frame.is_some() {
            self.numbers = (self.numbers.1, self.playing.take());
        }
        frame
    }

    /// The frame the binary drew before the one it was given last, handed back: kept with the last frames
    /// played, if it was one (not with `HOT_REWIND=off`: no F8).
    pub fn drawn(&mut self, frame: Frame) {
        if let Some(at) = self.numbers.0.take().filter(|_| !self.history.off) {
            self.played.keep_drawing(at, frame, at);
        }
    }

    fn next_frame(&mut self, input: Input) -> Option<Frame> {
        self.build_yield.wait();
        if quit::requested() {
            self.quit();
        }
        if let Some(reloaded) = self.reloaded.take() {
            reloaded.report();
        }
        self.swap_if_rebuilt();
        if self.library.rebuilt() {
            self.keep_for_next_start();
            hot::host::restart(&self.library.file());
        }
        if !self.library.fits() {
            return None;
        }
        if is_key_pressed(KeyCode::F5) {
            self.handover.save(library::save_state());
            self.restore_and_report();
        }
        if is_key_pressed(KeyCode::F6) {
            library::reset_state();
            // As at a fresh start of the program: the same numbers again.
            self.rand = 0;
            self.paused = None;
            self.rewound = None;
            self.history.clear();
            self.played.clear();
            println!("[hot] F6: the game starts afresh");
        }
        if let Some(shown) = self.rewind() {
            return shown;
        }
        if is_key_pressed(KeyCode::F7) && self.paused.is_none() {
            if is_key_down(KeyCode::LeftShift) || is_key_down(KeyCode::RightShift) {
                self.loop_the_kept_recording();
            } else {
                self.next_loop_step();
            }
        }
        if self.paused.is_some() {
            return None;
        }
        let input = Input { rand_state: Some(self.rand), ..input };
        let input = match self.replay.step(input) {
            Step::Run(input) => input,
            Step::RestartLoop(start, input) => {
                if let Some(why) = library::restore_state(&start, "").afresh {
                    self.end_loop(&why);
                }
                input
            }
        };
        // Live play is kept to rewind to; a loop's replay is not.
        let live = !matches!(self.replay, Replay::Looping { .. });
        if live && self.history.snapshot_due() {
            let started = Instant::now();
            if let Some(state) = library::snapshot_state() {
                *NEWEST_SNAPSHOT.lock().unwrap_or_else(PoisonError::into_inner) = Some(state.clone());
                self.history.keep(state, started.elapsed());
            }
        }
        let started = Instant::now();
        match self.watchdog.call("frame", || library::frame(&input)) {
            Ok(frame) => {
                self.rand = frame.rand_state;
                if live {
                    self.history.ran(&input, started.elapsed());
                    self.playing = self.history.frames().map(|(_, last)| last);
                }
                self.assets.watch(&frame.loads);
                Some(frame)
            }
            Err(panic) => {
                // The frames after the newest snapshot may be played again otherwise, under their numbers.
                self.played.clear();
                self.pause(format!("The game {panic}\nFix it and save, or press F5 to retry."));
                self.roll_back()
            }
        }
    }

    /// What the window's marker should say while F7 records or loops, or F8 rewinds.
    pub fn marker(&self) -> Option<crate::overlay::Marker> {
        if self.rewound.is_some() {
            return self.rewind_marker();
        }
        let text = self.replay.marker()?;
        let color = if text.starts_with("REC") { (0xc0, 0x20, 0x20) } else { (0xd0, 0x90, 0x10) };
        Some(crate::overlay::Marker {
            text,
            color: macroquad::color::Color::from_rgba(color.0, color.1, color.2, 255),
            timeline: None,
        })
    }

    /// Asset files the game loaded that changed on disk since the last call.
    pub fn changed_assets(&mut self) -> Vec<String> {
        self.assets.changed()
    }

    /// What the window's banner should say, if anything is wrong or did not carry over.
    pub fn problem(&mut self) -> Option<String> {
        self.paused.clone().or_else(|| self.library.problem()).or_else(|| self.handover.banner())
    }

    /// Saves the state for the next start, and ends the program.
    pub fn quit(&mut self) -> ! {
        if self.library.fits() {
            self.handover.save(library::save_state());
        }
        self.keep_for_next_start();
        std::process::exit(0);
    }

    /// The state, and where the random numbers had got to, for the next start of this binary.
    fn keep_for_next_start(&self) {
        self.handover.write();
        files::write_dev_file(&rand_file(), &self.rand.to_string());
    }

    /// Swaps in a freshly built library, if there is one, handing the state over from the old one.
    fn swap_if_rebuilt(&mut self) {
        let handover = &mut self.handover;
        // After a panic too: the library rolled its state back to before the panicking frame.
        let reloaded = match self.library.swap_if_rebuilt(|| handover.save(library::save_state())) {
            Some(Swap::Reloaded(reloaded)) => reloaded,
            // A build this binary cannot call: the state is kept for the next start of this binary, which
            // rebuilds itself (or, on Windows, `just dev` restarts it).
            Some(Swap::Unfit) => return self.keep_for_next_start(),
            None => return,
        };
        self.restore_and_report();
        if matches!(self.replay, Replay::Looping { .. }) {
            // The same seconds of play again, from the kept state, with the new code.
            self.replay.restart();
        }
        // The moment F8 shows, again, with the new code; what the old code drew is not what this one would.
        self.show_again();
        self.played.clear();
        self.history.new_build();
        self.reloaded = Some(reloaded);
    }

    /// Gives the kept state to the loaded library and resumes calling it, saying what did not carry over.
    fn restore_and_report(&mut self) {
        self.paused = None;
        self.handover.restore(library::restore_state);
        // A panic in the first frames of the code it went to comes back to it.
        self.history.snapshot_soon();
    }

    /// After a panicking frame: the state from before it, which is the newest snapshot with the frames
    /// run since then run again (if this code panics in those too, the snapshot itself); afresh if there
    /// is none yet. In an F7 loop, the loop starts over. What those frames loaded or freed reaches the
    /// binary; nothing is drawn or played.
    fn roll_back(&mut self) -> Option<Frame> {
        if matches!(self.replay, Replay::Looping { .. }) {
            self.replay.restart();
            return None;
        }
        let Some((snapshot, inputs)) = self.history.replay_to_now() else {
            library::reset_state();
            return None;
        };
        if library::restore_state(&snapshot, "").afresh.is_some() {
            library::reset_state();
            return None;
        }
        let mut frames: Option<Frame> = None;
        for input in &inputs {
            match self.watchdog.call("frame", || library::frame(input)) {
                Ok(frame) => frames = Some(rewind::merge(frames, frame)),
                Err(_) => {
                    library::restore_state(&snapshot, "");
                    self.history.back_to_newest_snapshot();
                    break;
                }
            }
        }
        let frames = frames?;
        self.assets.watch(&frames.loads);
        Some(frames)
    }

    /// F7: off -> recording -> looping -> off.
    fn next_loop_step(&mut self) {
        match self.replay {
            Replay::Off => {
                // The state now, kept as a reload would hand it over.
                let start = library::save_state();
                self.handover.save(start.clone());
                self.restore_and_report();
                self.replay.record(start);
                println!("[hot] F7: recording, from the game as it is now. F7 again loops what was recorded.");
            }
            Replay::Recording { ref inputs, .. } => {
                let (seconds, frames) = (replay::seconds(inputs), inputs.len());
                if self.replay.start_loop().is_some() {
                    // The loop replays from its start: play from before it no longer leads to the state.
                    self.history.clear();
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
                self.history.clear();
                println!(
                    "[hot] Shift+F7: looping the recording kept in {}. F7 leaves the loop.",
                    files::shown(&loop_file())
                );
            }
            Err(why) => println!("[hot] Shift+F7: no kept recording to loop ({why})."),
        }
    }

    /// The loop's starting state no longer fits the game's `State`: the loop ends, the game goes on.
    fn end_loop(&mut self, why: &str) {
        self.replay = Replay::Off;
        println!("[hot] the loop ends: {why}. The game goes on from where it was.");
        // The failed restore started the game afresh; take back the state it had.
        self.restore_and_report();
    }

    fn pause(&mut self, why: String) {
        eprintln!("[hot] {why}");
        self.paused = Some(why);
    }
}

/// Where `rand` had got to when the state was kept for the next start (`target/just-dev/rand`).
fn rand_file() -> std::path::PathBuf {
    files::dev_dir().join("rand")
}

/// `rand` as the last run left it, with the state it kept; from the start, as a fresh program's, when
/// there is no kept state (the game starts afresh).
fn kept_rand() -> u64 {
    let kept = || std::fs::read_to_string(rand_file()).ok()?.trim().parse().ok();
    hot_state::state_file().exists().then(kept).flatten().unwrap_or(0)
}

/// The newest snapshot of the state, for the watchdog's thread (see `keep_newest_snapshot`).
static NEWEST_SNAPSHOT: Mutex<Option<Saved>> = Mutex::new(None);

/// Keeps the newest snapshot of the state for the next start: the watchdog calls it, from its own
/// thread, when a frame does not return (the game restarts from at most a snapshot interval before).
fn keep_newest_snapshot() {
    if let Some(saved) = NEWEST_SNAPSHOT.lock().unwrap_or_else(PoisonError::into_inner).as_ref() {
        Handover::write_for_next_start(saved);
    }
}

/// The last F7 loop is kept here (Shift+F7 loops it again, also after a restart).
fn loop_file() -> std::path::PathBuf {
    files::dev_dir().join("loop.json")
}
