//! Where hot reloading finds things on disk: the library it loads, and the sources it watches.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use hot_lib_reloader::LibReloadObserver;

/// The library's sources, whose newest change the reload line measures from.
pub const LIB_SOURCE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/lib/src");

/// Where `just dev` builds the library (profile `hot`): `target/hot`, or `$CARGO_TARGET_DIR/hot`.
/// The binary may be built elsewhere (on Windows in `target-bin`, so the running exe never locks it).
pub fn hot_build_dir() -> PathBuf {
    let target = option_env!("CARGO_TARGET_DIR").unwrap_or("target");
    Path::new(env!("CARGO_MANIFEST_DIR")).join(target).join("hot")
}

/// The library file the reloader watches (it loads a copy of it, never the file itself).
pub fn library_file() -> PathBuf {
    let name = format!("{}game{}", std::env::consts::DLL_PREFIX, std::env::consts::DLL_SUFFIX);
    hot_build_dir().join(name)
}

/// Loads the library (`subscribe` is the hot module's first call) and starts watching it. If that
/// cannot work, says what to do and exits, instead of a raw panic.
pub fn load_library_or_exit(subscribe: fn() -> LibReloadObserver) -> LibReloadObserver {
    let library_file = library_file();
    if !library_file.exists() {
        eprintln!(
            "hot reload: the game library {} has not been built yet.\n\
             Run `just dev` (it builds the library first), or build it with `just build-lib`.",
            library_file.display()
        );
        std::process::exit(1);
    }
    std::panic::catch_unwind(subscribe).unwrap_or_else(|_| {
        eprintln!(
            "hot reload: could not load {} (see above). Start the game with `just dev` or `cargo hot-run`:\n\
             the library needs Rust's own standard library, which cargo puts on the library search path.",
            library_file.display()
        );
        std::process::exit(1);
    })
}

/// When a file under `dir` was last modified.
pub fn newest_change(dir: &Path) -> Option<SystemTime> {
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .filter_map(|entry| {
            let metadata = entry.metadata().ok()?;
            if metadata.is_dir() { newest_change(&entry.path()) } else { metadata.modified().ok() }
        })
        .max()
}

/// Milliseconds since the newest change to the library's sources, for the reload line.
pub fn ms_since_last_save() -> String {
    let since = newest_change(Path::new(LIB_SOURCE)).and_then(|saved| saved.elapsed().ok());
    since.map_or("?".to_string(), |since| since.as_millis().to_string())
}
