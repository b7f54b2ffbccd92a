//! Hot reloading (feature `reload`): the game's systems are loaded from the library file, and loaded
//! again each time `just dev` rebuilds it. The World lives here in the binary, with everything in it:
//! a reload swaps the code that runs on it, never the data.
//!
//! The library adds its systems to schedules this module owns and runs, from one system in Bevy's
//! `Update` (see `lib/src/exports.rs`). After a reload it asks the new build for its systems again, so
//! systems may change their parameters, and come and go, while the game runs. The same system catches a
//! panicking game system, and the shared core's watchdog (`hot/src/host/watchdog.rs`) a frame that never
//! ends. Loading and swapping the library and checking that a build fits are the core's too.
//!
//! F5 runs the game's systems again after a panic.

use std::panic::AssertUnwindSafe;
use std::sync::Mutex;

use bevy::ecs::schedule::ScheduleLabel;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use hot::host::{BuildYield, Entry, Library, Reloaded, Swap, Watchdog, WhenStuck, files};

#[hot_lib_reloader::hot_module(
    dylib = hot::host::files::library_name(env!("CARGO_PKG_NAME")),
    lib_dir = hot::host::files::library_dir(),
    // Load the new file 10 ms after it appears (the default 500 ms would dominate every reload).
    file_watch_debounce = 10
)]
mod library {
    use bevy::prelude::Schedule;
    pub use hot::Build;

    // One proxy function for each entry point in the library's `exports.rs`.
    hot_functions_from_file!("lib/src/exports.rs");

    #[lib_change_subscription]
    pub fn subscribe() -> hot_lib_reloader::LibReloadObserver {}

    #[lib_version]
    pub fn version() -> usize {}
}

/// The schedules of the game's systems: run once at the start, and every frame.
#[derive(ScheduleLabel, Debug, Clone, PartialEq, Eq, Hash)]
struct GameStartup;
#[derive(ScheduleLabel, Debug, Clone, PartialEq, Eq, Hash)]
struct GameUpdate;

pub struct HotGame;

impl Plugin for HotGame {
    fn build(&self, app: &mut App) {
        let library = Library::load(Entry {
            project: env!("CARGO_PKG_NAME"),
            subscribe: library::subscribe,
            version: library::version,
            build: library::build,
            expected: hot::Build::expected(
                env!("CARGO_MANIFEST_DIR"),
                contract::fingerprint(include_str!("../lib/src/exports.rs")),
            ),
        });
        keep_loaded(library::version());
        // The game's state is the World, which a restart does not keep: Ctrl-C has nothing to save.
        let watchdog = Watchdog::start(library.file(), WhenStuck { keep_state: None, quit_requested: || false });
        let hot = HotReload {
            library: Mutex::new(library),
            watchdog,
            started: false,
            systems: None,
            paused: None,
            reloaded: None,
            title: None,
            build_yield: BuildYield::from_env(),
        };
        app.insert_resource(hot).add_systems(Update, run_game_systems);
    }
}

#[derive(Resource)]
struct HotReload {
    library: Mutex<Library>,
    watchdog: Watchdog,
    /// The startup systems have run.
    started: bool,
    /// The game's systems, as the loaded build of the library added them (`None`: ask it again).
    systems: Option<Schedule>,
    /// Why the game's systems are not running, if they are not (shown in the window's title too).
    paused: Option<String>,
    /// A reload whose line is printed once the new systems have run their first frame.
    reloaded: Option<Reloaded>,
    /// The window's own title, while the title shows a problem instead.
    title: Option<String>,
    /// Fewer frames while the library builds, so that the build gets the processor.
    build_yield: BuildYield,
}

/// The one system of Bevy's `Update` that runs the game's: swaps in a rebuilt library, then runs them.
fn run_game_systems(world: &mut World) {
    world.resource_scope(|world, mut hot: Mut<HotReload>| hot.frame(world));
}

impl HotReload {
    fn frame(&mut self, world: &mut World) {
        self.build_yield.wait();
        let loaded = self.library.get_mut().unwrap_or_else(std::sync::PoisonError::into_inner);
        match loaded.swap_if_rebuilt(|| {}) {
            Some(Swap::Reloaded(reloaded)) => {
                keep_loaded(reloaded.version);
                // The new build's systems replace the old ones from this frame on.
                self.systems = None;
                self.paused = None;
                self.reloaded = Some(reloaded);
            }
            // Nothing of a build that does not fit runs (see `loaded.problem()`).
            Some(Swap::Unfit) => self.systems = None,
            None => {}
        }
        if loaded.rebuilt() {
            // The World lives in this process and is not serialized: a new process starts it afresh.
            println!("[hot] restarting with the new contract: the World starts afresh.");
            hot::host::restart(&loaded.file());
        }
        let unfit = loaded.problem().filter(|_| !loaded.fits());
        if world.resource::<ButtonInput<KeyCode>>().just_pressed(KeyCode::F5)
            && unfit.is_none()
            && self.paused.is_some()
        {
            println!("[hot] F5: running the game's systems again");
            self.paused = None;
        }
        self.show_problem(world, self.paused.clone().or(unfit.clone()));
        if unfit.is_some() || self.paused.is_some() {
            return;
        }
        if !self.started {
            let mut startup = Schedule::new(GameStartup);
            library::add_startup_systems(&mut startup);
            if !self.run(&mut startup, world, "startup") {
                return;
            }
            self.started = true;
        }
        let mut systems = self.systems.take().unwrap_or_else(|| {
            let mut systems = Schedule::new(GameUpdate);
            library::add_update_systems(&mut systems);
            systems
        });
        if self.run(&mut systems, world, "update") {
            self.systems = Some(systems);
        }
        if let Some(reloaded) = self.reloaded.take() {
            reloaded.report();
        }
    }

    /// Runs one of the game's schedules. A panic in one of its systems pauses the game's systems (the
    /// window keeps drawing) and drops the schedule, which a panic leaves half run.
    fn run(&mut self, schedule: &mut Schedule, world: &mut World, name: &'static str) -> bool {
        let ran = self.watchdog.call(name, || std::panic::catch_unwind(AssertUnwindSafe(|| schedule.run(world))));
        if ran.is_err() {
            self.pause("A game system panicked (see above): the game's systems are paused. Fix it and save, or press F5 to retry.");
        }
        ran.is_ok()
    }

    fn pause(&mut self, why: &str) {
        eprintln!("[hot] {why}");
        self.paused = Some(why.to_string());
    }

    /// The window's title says what is wrong while the game's systems are paused (the game has no text
    /// of its own to say it with).
    fn show_problem(&mut self, world: &mut World, problem: Option<String>) {
        // The usual frame: the title already says what it should, and the window is not looked up.
        if problem.is_some() == self.title.is_some() {
            return;
        }
        let Ok(mut window) = world.query_filtered::<&mut Window, With<PrimaryWindow>>().single_mut(world) else {
            return;
        };
        match &problem {
            Some(why) => {
                let title = std::mem::take(&mut window.title);
                window.title = format!("{title}: paused. {}", why.lines().next().unwrap_or_default());
                self.title = Some(title);
            }
            None => window.title = self.title.take().unwrap_or_default(),
        }
    }
}

/// Keeps the build of the library just loaded in memory for good. Bevy's World holds pointers into the
/// code that first used a type or spawned with it (its name, drop and hook functions), and such code may
/// be in any build of the game library, so unloading one could leave the World pointing at nothing. The
/// cost: each reload keeps one small library mapped (the game's own code; Bevy is shared).
fn keep_loaded(version: usize) {
    use std::env::consts::{DLL_PREFIX, DLL_SUFFIX};
    // hot-lib-reloader loads a copy of the library file: `<lib_dir>/lib<name>-hot-<version>.so`.
    let name = files::library_name(env!("CARGO_PKG_NAME"));
    let copy = files::library_dir().join(format!("{DLL_PREFIX}{name}-hot-{version}{DLL_SUFFIX}"));
    // SAFETY: the same file the reloader has just loaded; loading it again only adds a reference to it.
    match unsafe { libloading::Library::new(&copy) } {
        Ok(library) => std::mem::forget(library),
        Err(error) => eprintln!("[hot] could not keep {} loaded: {error}", copy.display()),
    }
}
