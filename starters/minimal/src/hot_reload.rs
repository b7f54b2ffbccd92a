//! Hot reloading (feature `reload`): the library is loaded from its file and loaded again each
//! time `just dev` rebuilds it. A tick that never returns (an endless loop) is caught by the
//! watchdog (`watchdog.rs`), which restarts the program once a fix is built.

mod files;
mod watchdog;

use std::time::{Duration, Instant};

use watchdog::{Rescue, Watchdog};

#[hot_lib_reloader::hot_module(
    dylib = "game",
    lib_dir = super::files::hot_build_dir(),
    // Load the new file 10 ms after it appears (the default 500 ms would dominate every reload).
    file_watch_debounce = 10
)]
mod library {
    // One proxy function for each entry point in the library's `exports.rs`.
    hot_functions_from_file!("lib/src/exports.rs");

    #[lib_change_subscription]
    pub fn subscribe() -> hot_lib_reloader::LibReloadObserver {}

    #[lib_version]
    pub fn version() -> usize {}
}

pub struct HotGame {
    reloads: hot_lib_reloader::LibReloadObserver,
    /// False while the loaded library's entry points differ from the ones this binary was compiled
    /// against: then only `exports_hash` may be called.
    exports_match: bool,
    watchdog: Watchdog,
}

impl HotGame {
    pub fn start() -> Self {
        let reloads = files::load_library_or_exit(library::subscribe);
        let exports_match = library::exports_hash() == exports_hash();
        println!("[hot] watching {}: edit lib/src and save", files::library_file().display());
        // The tick count is the binary's own, and Ctrl-C ends the program at once: nothing to keep or ask.
        let watchdog = Watchdog::start(files::library_file(), Rescue { keep_state: None, quit_requested: || false });
        Self { reloads, exports_match, watchdog }
    }

    /// Runs one tick of the loaded library, after swapping in a rebuilt one if there is one.
    pub fn tick(&mut self, tick: u64) -> String {
        self.swap_if_rebuilt();
        if !self.exports_match {
            return RESTART_NEEDED.to_string();
        }
        let line = self.watchdog.call("tick", || library::tick(tick));
        line.unwrap_or_else(|panic| format!("[hot] the library panicked: {panic}. Fix it and save."))
    }

    fn swap_if_rebuilt(&mut self) {
        // The reloader waits for this token before it swaps the library, so no call can reach a
        // new library before the check below.
        let Some(about_to_reload) = self.reloads.wait_for_about_to_reload_timeout(Duration::ZERO) else {
            return;
        };
        let swap = Instant::now();
        drop(about_to_reload);
        if !self.reloads.wait_for_reload_timeout(Duration::from_secs(5)) {
            eprintln!("[hot] the new library could not be loaded (see above). Restart the program.");
            self.exports_match = false;
            return;
        }
        // Only `exports_hash` is safe to call before we know the entry points still match.
        self.exports_match = library::exports_hash() == exports_hash();
        println!(
            "[hot] reloaded library v{}, {} ms after the last save (the swap took {} ms)",
            library::version(),
            files::ms_since_last_save(),
            swap.elapsed().as_millis(),
        );
    }
}

const RESTART_NEEDED: &str =
    "[hot] lib/src/exports.rs changed: the binary must restart (`just dev` restarts it by itself).";

/// Hashes this binary's copy of `exports.rs` exactly as the library's `exports_hash` does.
fn exports_hash() -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut hasher = DefaultHasher::new();
    include_str!("../lib/src/exports.rs").hash(&mut hasher);
    hasher.finish()
}
