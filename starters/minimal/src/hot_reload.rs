//! Hot reloading (feature `reload`): the library's entry points, handed to the shared core
//! (`hot/src/host/`: loading, swapping, checking a build fits, the watchdog that restarts the program
//! when a tick never returns).

use hot::host::{Entry, Library, Swap, Watchdog, WhenStuck};

#[hot_lib_reloader::hot_module(
    dylib = hot::host::files::library_name(env!("CARGO_PKG_NAME")),
    lib_dir = hot::host::files::library_dir(),
    // Load the new file 10 ms after it appears (the default 500 ms would dominate every reload).
    file_watch_debounce = 10
)]
mod library {
    pub use hot::Build;

    // One proxy function for each entry point in the library's `exports.rs`.
    hot_functions_from_file!("lib/src/exports.rs");

    #[lib_change_subscription]
    pub fn subscribe() -> hot_lib_reloader::LibReloadObserver {}

    #[lib_version]
    pub fn version() -> usize {}
}

pub struct HotGame {
    library: Library,
    watchdog: Watchdog,
}

impl HotGame {
    pub fn start() -> Self {
        let library = Library::load(Entry {
            project: env!("CARGO_PKG_NAME"),
            subscribe: library::subscribe,
            version: library::version,
            build: library::build,
            expected: hot::Build::expected(
                env!("CARGO_MANIFEST_DIR"),
                hot::fingerprint(&[include_str!("../lib/src/exports.rs")]),
            ),
        });
        // The tick count is the binary's own, and Ctrl-C ends the program at once: nothing to keep or ask.
        let watchdog = Watchdog::start(library.file(), WhenStuck { keep_state: None, quit_requested: || false });
        Self { library, watchdog }
    }

    /// Runs one tick of the loaded library, after swapping in a rebuilt one if there is one.
    pub fn tick(&mut self, tick: u64) -> String {
        if let Some(Swap::Reloaded(reloaded)) = self.library.swap_if_rebuilt(|| {}) {
            reloaded.report();
        }
        if self.library.rebuilt() {
            hot::host::restart(&self.library.file());
        }
        if !self.library.fits() {
            return "[hot] waiting for a library this binary can call (see above)".to_string();
        }
        let line = self.watchdog.call("tick", || library::tick(tick));
        line.unwrap_or_else(|panic| format!("[hot] the library panicked: {panic}. Fix it and save."))
    }
}
