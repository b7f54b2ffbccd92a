//! While the library builds, the running game leaves the processor to the build. A game drawn by a
//! software renderer (Xvfb, CI, a machine without a GPU driver) never waits for vsync and keeps a whole
//! core busy, on machines that may have two; the build of a save is then slower by the core it does
//! not get (docs/bench.md, "yield"). From the moment `hot/scripts/build-lib.sh` starts until it ends
//! (it keeps the file `building` in `target/just-dev/` meanwhile), the game draws at most 20 frames a
//! second; the first frame after the build comes at once. `HOT_YIELD=off` turns this off.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::files;

/// The shortest frame while a build runs...
const FRAME_WHILE_BUILDING: Duration = Duration::from_millis(50);
/// ...checking this often whether it has ended.
const CHECK_EVERY: Duration = Duration::from_millis(2);
/// A `building` file this old was left by a build that was killed.
const STALE_AFTER: Duration = Duration::from_secs(120);

pub struct BuildYield {
    /// `None` with `HOT_YIELD=off`.
    marker: Option<PathBuf>,
    last_frame: Instant,
}

impl BuildYield {
    pub fn from_env() -> Self {
        let on = std::env::var("HOT_YIELD").map_or(true, |value| value != "off");
        BuildYield { marker: on.then(|| files::dev_dir().join("building")), last_frame: Instant::now() }
    }

    /// Called once a frame: while a build runs, waits until the frame has lasted `FRAME_WHILE_BUILDING`
    /// or the build has ended.
    pub fn wait(&mut self) {
        if let Some(marker) = &self.marker {
            let building = || {
                std::fs::metadata(marker)
                    .and_then(|file| file.modified())
                    .is_ok_and(|since| since.elapsed().is_ok_and(|age| age < STALE_AFTER))
            };
            while self.last_frame.elapsed() < FRAME_WHILE_BUILDING && building() {
                std::thread::sleep(CHECK_EVERY);
            }
        }
        self.last_frame = Instant::now();
    }
}
