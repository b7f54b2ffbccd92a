//! The game library as the binary sees it: the file hot-lib-reloader loaded, each rebuild swapped in,
//! and whether the build loaded now may be called at all.
//!
//! The swap: hot-lib-reloader tells us a new file is there and waits before it unloads the old build,
//! so the starter saves what it needs from the old build (its state) in `before_unload`; then the new
//! build is loaded, and before anything else in it is called, its [`Build`] is compared with the one this
//! binary was compiled for. A build of another project, or one compiled against another contract, is
//! never called: for the latter the binary rebuilds itself and starts again in place (Unix; on Windows
//! `just dev` restarts it).

use std::path::PathBuf;
use std::process::{Child, Command};
use std::time::{Duration, Instant, SystemTime};

use hot_lib_reloader::LibReloadObserver;

use super::files;
use crate::Build;

/// The library's entry points that every starter has, from its `hot_module`, and what its build must be.
pub struct Entry {
    /// The binary's package name (`env!("CARGO_PKG_NAME")`): the library's file is named after it.
    pub project: &'static str,
    /// The `hot_module`'s `#[lib_change_subscription]`: its first call loads the library.
    pub subscribe: fn() -> LibReloadObserver,
    /// The `hot_module`'s `#[lib_version]`: how many times the library was reloaded.
    pub version: fn() -> usize,
    /// The library's `build` entry point.
    pub build: fn() -> Build,
    /// What this binary needs: `Build::expected(env!("CARGO_MANIFEST_DIR"), <its contract's fingerprint>)`.
    pub expected: Build,
}

pub struct Library {
    entry: Entry,
    reloads: LibReloadObserver,
    /// Why the loaded build may not be called (`None`: it may).
    unfit: Option<String>,
    /// `cargo hot-build`, rebuilding this binary for a library with another contract.
    rebuild: Option<Child>,
    stale: bool,
    last_stale_check: Instant,
}

/// What a swap brought.
pub enum Swap {
    /// A new build is loaded, and may be called.
    Reloaded(Reloaded),
    /// A new build is loaded, and may not be called ([`Library::problem`] says why).
    Unfit,
}

/// A reload that happened: its line is printed once the new build's first frame is done.
pub struct Reloaded {
    pub version: usize,
    since_save: Option<Duration>,
    swap_took: Duration,
    began: Instant,
    /// The same moment on the clock other processes read (see [`Reloaded::report`]).
    began_at: SystemTime,
}

/// Longer than a library build takes: an edit this old, newer than the library, did not build.
const STALE_AFTER: Duration = Duration::from_secs(3);

impl Library {
    /// Loads the library and starts watching it; if that cannot work, says what to do and exits.
    pub fn load(entry: Entry) -> Library {
        super::restart::remember_exe();
        // This crate's build belongs to one project (its version carries the project's name, see
        // hot/Cargo.toml): a binary linked with another's would keep its state in the other's folder.
        let own_dir = std::path::Path::new(&entry.expected.library_dir).parent();
        if own_dir.is_none_or(|own_dir| own_dir.components().ne(files::project_dir().components())) {
            eprintln!(
                "hot reload: this binary was linked with the reload core of another project ({}), which \
                 shares its target folder. Run `cargo clean -p hot` and `just dev` again.",
                files::project_dir().display()
            );
            std::process::exit(1);
        }
        let file = files::library_file(entry.project);
        if !file.exists() {
            eprintln!(
                "hot reload: the game library {} has not been built yet.\n\
                 Run `just dev` (it builds the library first), or build it with `just build-lib`.",
                file.display()
            );
            std::process::exit(1);
        }
        let reloads = std::panic::catch_unwind(entry.subscribe).unwrap_or_else(|_| {
            eprintln!(
                "hot reload: could not load {} (see above). Start the game with `just dev` or `cargo hot-run`:\n\
                 the library needs Rust's own standard library, which cargo puts on the library search path.",
                file.display()
            );
            std::process::exit(1);
        });
        // Only `build` is safe to call before we know the build fits.
        let unfit = (entry.build)().fits(&entry.expected).err();
        if let Some(why) = &unfit {
            eprintln!("[hot] {why} Waiting for this project's build of the library.");
        }
        println!("[hot] watching {}: edit lib/src and save", files::shown(&file));
        Library { entry, reloads, unfit, rebuild: None, stale: false, last_stale_check: Instant::now() }
    }

    /// The loaded build may be called.
    pub fn fits(&self) -> bool {
        self.unfit.is_none()
    }

    /// The file the reloader watches.
    pub fn file(&self) -> PathBuf {
        files::library_file(self.entry.project)
    }

    /// Swaps in a rebuilt library, if one is waiting. `before_unload` runs while the old build is still
    /// loaded (and only if it may be called): save its state there.
    pub fn swap_if_rebuilt(&mut self, before_unload: impl FnOnce()) -> Option<Swap> {
        // The reloader waits for this token before it unloads the old build.
        let about_to_reload = self.reloads.wait_for_about_to_reload_timeout(Duration::ZERO)?;
        let (began, began_at) = (Instant::now(), SystemTime::now());
        if self.fits() {
            before_unload();
        }
        drop(about_to_reload);
        if !self.reloads.wait_for_reload_timeout(Duration::from_secs(5)) {
            self.unfit = Some("The new library could not be loaded (see the terminal). Restart the game.".to_string());
            eprintln!("[hot] {}", self.unfit.as_deref().unwrap_or_default());
            return Some(Swap::Unfit);
        }
        self.stale = false;
        let build = (self.entry.build)();
        self.unfit = build.fits(&self.entry.expected).err();
        let Some(why) = &self.unfit else {
            let since_save = files::newest_change(&files::library_sources()).and_then(|saved| saved.elapsed().ok());
            let reloaded =
                Reloaded { version: (self.entry.version)(), since_save, swap_took: began.elapsed(), began, began_at };
            return Some(Swap::Reloaded(reloaded));
        };
        eprintln!("[hot] {why}");
        if build.library_dir == self.entry.expected.library_dir {
            self.rebuild_binary();
        }
        Some(Swap::Unfit)
    }

    /// Starts rebuilding this binary for the contract of the library just loaded (Unix: a running
    /// program's file can be replaced there; on Windows `just dev` restarts it after its own rebuild).
    fn rebuild_binary(&mut self) {
        if cfg!(windows) || self.rebuild.is_some() {
            return;
        }
        println!("[hot] rebuilding the binary (`cargo hot-build`); it restarts in place when it is built.");
        let build = Command::new("cargo").arg("hot-build").current_dir(files::project_dir()).spawn();
        match build {
            Ok(child) => self.rebuild = Some(child),
            Err(error) => eprintln!("[hot] could not start `cargo hot-build`: {error}"),
        }
    }

    /// True once the binary has been rebuilt for a new contract: the starter saves its state and calls
    /// [`super::restart`]. A rebuild that failed is said, and tried again with the next library build.
    pub fn rebuilt(&mut self) -> bool {
        let Some(child) = &mut self.rebuild else { return false };
        match child.try_wait() {
            Ok(None) => false,
            Ok(Some(status)) if status.success() => true,
            finished => {
                eprintln!("[hot] the binary did not build ({finished:?}, see above): fix it and save.");
                self.rebuild = None;
                false
            }
        }
    }

    /// What the window should say about the library, if anything is wrong: a build that may not be
    /// called, or an edit that did not build (checked four times a second).
    pub fn problem(&mut self) -> Option<String> {
        if self.unfit.is_some() {
            return self.unfit.clone();
        }
        if self.last_stale_check.elapsed() >= Duration::from_millis(250) {
            self.last_stale_check = Instant::now();
            let built = std::fs::metadata(self.file()).and_then(|file| file.modified()).ok();
            let edited = files::newest_change(&files::library_sources());
            self.stale = edited.is_some_and(|edited| {
                let unbuilt = built.is_none_or(|built| edited > built);
                unbuilt && SystemTime::now().duration_since(edited).is_ok_and(|age| age > STALE_AFTER)
            });
        }
        self.stale.then(|| "The library is stale: the last edit did not build (see the terminal).".to_string())
    }
}

impl Reloaded {
    /// Prints [`Reloaded::line`] once the new build's first frame is done, and keeps when the swap began
    /// and when that frame was done in `target/just-dev/reload-times` (seconds since the epoch), where
    /// `just bench` takes a reload apart with the times `hot/scripts/build-lib.sh` keeps.
    pub fn report(&self) {
        println!("{}", self.line());
        let at =
            |time: SystemTime| time.duration_since(SystemTime::UNIX_EPOCH).map_or(0.0, |since| since.as_secs_f64());
        let times = format!("{:.6} {:.6}\n", at(self.began_at), at(SystemTime::now()));
        files::write_dev_file(&files::dev_dir().join("reload-times"), &times);
    }

    /// `[hot] reloaded library v3, 212 ms after the last save (the swap took 4 ms, its frame 5 ms)`:
    /// the frame counts from the start of the swap to now, when the new build's first frame is done.
    fn line(&self) -> String {
        let since_save = self.since_save.map_or("?".to_string(), |since| since.as_millis().to_string());
        format!(
            "[hot] reloaded library v{}, {since_save} ms after the last save (the swap took {} ms, its frame {} ms)",
            self.version,
            self.swap_took.as_millis(),
            self.began.elapsed().as_millis()
        )
    }
}
