//! The ui starter's benchmark: its egui frame through the hot library (egui run in the game library,
//! its triangles handed over as plain data, drawn by the binary) against the same UI run by egui in
//! the binary directly (`scenes/ui_direct.rs`), each measured from outside as the CPU time its process
//! used; and edit -> visible for a one-line edit of the UI library while `just dev` runs.

use std::fs;
use std::process::Command;
use std::time::Duration;

use crate::sprites::{LONG, RUNS, SHORT, cpu_time};
use crate::{Colours, Latencies, NAME, edit_to_visible};
use support::{self, Scratch, XServer};

pub struct UiBench {
    /// CPU time per frame: through the hot library, and egui in the binary directly.
    pub hot: Vec<Duration>,
    pub direct: Vec<Duration>,
    pub cold_lib: Duration,
    pub bare: Vec<Duration>,
    pub reloads: Latencies,
}

pub fn run(x: &XServer, edits: usize) -> UiBench {
    let scratch = Scratch::new("hot-template-bench-ui");
    let project = support::generate(&scratch, NAME, &["starter=ui"]);
    let cargo = |args: &[&str]| {
        let start = std::time::Instant::now();
        support::run(Command::new("cargo").args(args).current_dir(&project));
        start.elapsed()
    };
    println!("ui starter: cold builds...");
    let cold_lib = cargo(&["hot-lib"]);
    cargo(&["build", "--no-default-features", "--features", "reload"]);
    let mut colours = Colours::default();
    let bare = crate::bare_builds(&project, edits, &mut colours);
    crate::fast_builds(&project, 1, &mut colours); // records the fast path's command, as `just dev` does
    println!("ui starter: edit -> visible with `just dev`...");
    let reloads = edit_to_visible(x, &project, edits, &mut colours, &[]);

    // The frame alone: the UI without the preview, on both sides; BENCH_FRAMES frames, then quit.
    let lib = project.join("lib/src/lib.rs");
    let game = fs::read_to_string(&lib).unwrap();
    let frame = "pub fn frame(state: &mut State) {\n";
    let quit = "    static FRAMES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);\n    \
                let frames = FRAMES.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;\n    \
                if std::env::var(\"BENCH_FRAMES\").is_ok_and(|n| n.parse().is_ok_and(|n: usize| frames >= n)) {\n        order_quit();\n    }\n";
    let benched = support::replace_each_once(
        game.clone(),
        &[(frame, &format!("{frame}{quit}")), ("    draw_preview(state, preview);\n", "")],
    );
    fs::write(&lib, benched).unwrap();
    fs::create_dir_all(project.join("examples")).unwrap();
    fs::copy(support::template_dir().join("tests/bench/scenes/ui_direct.rs"), project.join("examples/ui_direct.rs"))
        .unwrap();
    println!("ui starter: the frame, through the hot library and directly...");
    cargo(&["hot-lib"]);
    cargo(&["build", "--no-default-features", "--features", "reload"]);
    cargo(&["build", "--example", "ui_direct"]);
    let std_dir =
        String::from_utf8(support::run(Command::new("rustc").args(["--print", "target-libdir"])).stdout).unwrap();
    let debug = support::target_dir(&project).join("debug");
    let programs = [debug.join(NAME), debug.join("examples/ui_direct")];
    let mut per_frame = [Vec::new(), Vec::new()];
    for _ in 0..RUNS {
        for (samples, program) in per_frame.iter_mut().zip(&programs) {
            let cpu = |frames: usize| {
                let _ = fs::remove_file(support::dev_file(&project, "state.json"));
                let mut command = x.command(program.to_str().unwrap());
                command
                    .env("BENCH_FRAMES", frames.to_string())
                    .env("LD_LIBRARY_PATH", std_dir.trim())
                    .current_dir(&project);
                cpu_time(command)
            };
            let (short, long) = (cpu(SHORT), cpu(LONG));
            samples.push(long.saturating_sub(short) / (LONG - SHORT) as u32);
        }
    }
    let [hot, direct] = per_frame;
    UiBench { hot, direct, cold_lib, bare, reloads }
}

pub fn report(ui: &UiBench, game_to_pixels: &[Duration], game_bare: &[Duration]) -> String {
    let s = |samples: &[Duration]| crate::stats(samples);
    let ms = |samples: &[Duration]| {
        let stats = s(samples);
        format!("{} ms (spread {}-{})", stats.median.as_millis(), stats.min.as_millis(), stats.max.as_millis())
    };
    let us = |samples: &[Duration]| {
        let stats = s(samples);
        format!("{} µs (spread {}-{})", stats.median.as_micros(), stats.min.as_micros(), stats.max.as_micros())
    };
    let ratio = |a: &[Duration], b: &[Duration]| s(a).median.as_secs_f64() / s(b).median.as_secs_f64();
    format!(
        "\n## The ui starter (egui in the hot library)\n\n\
         Its egui frame (run, tessellate, hand over, draw), CPU time per frame of the whole process, {RUNS} runs, \
         {SHORT} and {LONG} frames each:\n\n\
         | the starter's UI | per frame |\n|---|---|\n\
         | through the hot library, as `just dev` runs it | {} |\n\
         | egui in the binary directly, drawn from its output | {} |\n\
         | ratio | {:.2}x (target <= 1.3x: {}) |\n\n\
         A one-line edit of the UI library while `just dev` runs ({} edits), in this run:\n\n\
         | | ui starter | game starter | ratio |\n|---|---|---|---|\n\
         | save -> pixels | {} | {} | {:.2}x (target <= 1.5x: {}) |\n\
         | bare `cargo hot-lib` | {} | {} | {:.2}x |\n\n\
         Cold `cargo hot-lib` of the ui starter (egui and its dependencies): {} s.\n",
        us(&ui.hot),
        us(&ui.direct),
        ratio(&ui.hot, &ui.direct),
        if ratio(&ui.hot, &ui.direct) <= 1.3 { "holds" } else { "MISSED" },
        ui.reloads.to_pixels.len(),
        ms(&ui.reloads.to_pixels),
        ms(game_to_pixels),
        ratio(&ui.reloads.to_pixels, game_to_pixels),
        if ratio(&ui.reloads.to_pixels, game_to_pixels) <= 1.5 { "holds" } else { "MISSED" },
        ms(&ui.bare),
        ms(game_bare),
        ratio(&ui.bare, game_bare),
        ui.cold_lib.as_secs(),
    )
}
