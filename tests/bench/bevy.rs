//! The bevy starter's benchmark: its cold builds (Bevy as a shared library, for `just dev`; and the
//! static release build), and edit -> visible for a one-line edit of a system's constant while `just dev`
//! runs, beside the bare `cargo hot-lib` of the same library and the game starter's numbers in the same run.

use std::process::Command;
use std::time::{Duration, Instant};

use crate::{Colours, FastBuilds, Latencies, NAME, edit_to_visible};
use support::{self, Scratch, XServer};

pub struct BevyBench {
    /// `cargo hot-lib` then `cargo hot-build` on a fresh project: Bevy built once, as `libbevy_dylib`.
    pub cold_hot: Duration,
    /// `cargo build --release` after that: Bevy built again, statically and optimised.
    pub cold_release: Duration,
    pub bare: Vec<Duration>,
    pub fast: FastBuilds,
    pub reloads: Latencies,
}

pub fn run(x: &XServer, edits: usize) -> BevyBench {
    let scratch = Scratch::new("hot-template-bench-bevy");
    let project = support::generate(&scratch, NAME, &["starter=bevy"]);
    let cargo = |args: &[&str]| {
        let start = Instant::now();
        support::run(Command::new("cargo").args(args).current_dir(&project));
        start.elapsed()
    };
    println!("bevy starter: cold builds...");
    let cold_hot = cargo(&["hot-lib"]) + cargo(&["hot-build"]);
    let cold_release = cargo(&["build", "--release"]);
    let mut colours = Colours::default();
    let bare = crate::bare_builds(&project, edits, &mut colours);
    let fast = crate::fast_builds(&project, edits, &mut colours);
    println!("bevy starter: edit -> visible with `just dev`...");
    let reloads = edit_to_visible(x, &project, edits, &mut colours, &[]);
    BevyBench { cold_hot, cold_release, bare, fast, reloads }
}

pub fn report(bevy: &BevyBench, game_to_pixels: &[Duration], game_bare: &[Duration]) -> String {
    let s = |samples: &[Duration]| crate::stats(samples);
    let ms = |samples: &[Duration]| {
        let stats = s(samples);
        format!("{} ms (spread {}-{})", stats.median.as_millis(), stats.min.as_millis(), stats.max.as_millis())
    };
    let ratio = |a: &[Duration], b: &[Duration]| s(a).median.as_secs_f64() / s(b).median.as_secs_f64();
    let game = |samples: &[Duration]| if samples.is_empty() { "-".to_string() } else { ms(samples) };
    format!(
        "\n## The bevy starter (Bevy systems in the hot library)\n\n\
         A one-line edit of a system's constant while `just dev` runs ({} edits), in this run:\n\n\
         | | bevy starter | game starter |\n|---|---|---|\n\
         | save -> reload line (first frame of the new systems) | {} | |\n\
         | save -> pixels | {} | {} |\n\
         | bare `cargo hot-lib` | {} | {} |\n\
         | the fast path alone (`hot/scripts/build-lib.sh`) | {} | |\n\
         | save -> pixels / bare build | {:.2}x | |\n\n\
         Cold builds of a fresh bevy project: `cargo hot-lib` and `cargo hot-build` (Bevy as one shared \
         library, for `just dev`) {} s; then `cargo build --release` (Bevy again, static and optimised) {} s.\n",
        bevy.reloads.to_pixels.len(),
        ms(&bevy.reloads.to_line),
        ms(&bevy.reloads.to_pixels),
        game(game_to_pixels),
        ms(&bevy.bare),
        game(game_bare),
        ms(&bevy.fast.just),
        ratio(&bevy.reloads.to_pixels, &bevy.bare),
        bevy.cold_hot.as_secs(),
        bevy.cold_release.as_secs(),
    )
}
