//! The drawing benchmark: scenes drawn through the game API (the scene in the game library, the binary
//! playing its frame with macroquad) against the same scene calling macroquad directly, in one run,
//! each measured from outside as the CPU time its process used (`wait4`).

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use support::{self, XServer};

/// Two run lengths: the difference between them is the cost of the extra frames alone (start-up,
/// window and texture loading cancel out).
pub const SHORT: usize = 30;
pub const LONG: usize = 180;
pub const RUNS: usize = 5;

/// A scene in `tests/bench/scenes/`: the game library's version, the macroquad example's, and the
/// file both include.
pub struct Scene {
    pub what: &'static str,
    api: &'static str,
    direct: &'static str,
    shared: &'static str,
}

pub const SCENES: [Scene; 2] = [
    Scene {
        what: "10,000 textured, tinted sprites a frame",
        api: "sprites_api.rs",
        direct: "sprites_direct",
        shared: "sprite.rs",
    },
    Scene {
        what: "a 320x180 canvas (a render target) with 2,000 sprites, drawn to the window scaled through a \
               shader with a uniform set every frame",
        api: "canvas_api.rs",
        direct: "canvas_direct",
        shared: "canvas.rs",
    },
];

pub struct Row {
    pub what: &'static str,
    /// CPU time per frame, one sample per pair of runs.
    pub per_frame: Vec<Duration>,
}

/// Each scene's rows (see `run_scene`), and what recording the sprite scene costs alone.
pub fn run(project: &Path, x: &XServer, name: &str) -> (Vec<Vec<Row>>, Vec<Duration>) {
    let game = fs::read(project.join("lib/src/lib.rs")).unwrap();
    let rows = SCENES.iter().map(|scene| run_scene(project, x, name, scene)).collect();
    // The game back, for what the benchmark measures next.
    fs::write(project.join("lib/src/lib.rs"), game).unwrap();
    (rows, record_only())
}

/// The scene through the API and directly, release builds and dev builds, interleaved.
fn run_scene(project: &Path, x: &XServer, name: &str, scene: &Scene) -> Vec<Row> {
    let scenes = support::template_dir().join("tests/bench/scenes");
    let copy = |from: &str, to: &str| fs::copy(scenes.join(from), project.join(to)).map(drop).unwrap();
    fs::create_dir_all(project.join("examples")).unwrap();
    copy(scene.api, "lib/src/lib.rs");
    copy(scene.shared, &format!("lib/src/{}", scene.shared));
    copy(&format!("{}.rs", scene.direct), &format!("examples/{}.rs", scene.direct));
    copy(scene.shared, &format!("examples/{}", scene.shared));
    let cargo = |args: &[&str]| drop(support::run(Command::new("cargo").args(args).current_dir(project)));
    println!("drawing benchmark, {}: release and dev builds of the scene...", scene.direct);
    cargo(&["build", "--release"]);
    cargo(&["build", "--release", "--example", scene.direct]);
    cargo(&["hot-lib"]);
    cargo(&["build", "--no-default-features", "--features", "reload"]);
    cargo(&["build", "--example", scene.direct]);

    let std_dir =
        String::from_utf8(support::run(Command::new("rustc").args(["--print", "target-libdir"])).stdout).unwrap();
    let variants: [(&'static str, String); 4] = [
        ("through the API, release build", format!("release/{name}")),
        ("macroquad directly, release build", format!("release/examples/{}", scene.direct)),
        ("through the API, hot build as `just dev` runs it", format!("debug/{name}")),
        ("macroquad directly, dev build", format!("debug/examples/{}", scene.direct)),
    ];
    let target = support::target_dir(project);
    let mut rows: Vec<Row> = variants.iter().map(|(what, _)| Row { what, per_frame: Vec::new() }).collect();
    for _ in 0..RUNS {
        // Interleaved, so that the machine's ups and downs fall on all of them alike.
        for (row, (_, program)) in rows.iter_mut().zip(&variants) {
            let cpu = |frames: usize| {
                // The hot build saves its state when it quits; each run starts afresh.
                let _ = fs::remove_file(support::dev_file(project, "state.json"));
                let mut command = x.command(target.join(program).to_str().unwrap());
                command
                    .env("BENCH_FRAMES", frames.to_string())
                    .env("LD_LIBRARY_PATH", std_dir.trim())
                    .current_dir(project);
                cpu_time(command)
            };
            let (short, long) = (cpu(SHORT), cpu(LONG));
            row.per_frame.push(long.saturating_sub(short) / (LONG - SHORT) as u32);
        }
    }
    fs::remove_file(project.join(format!("lib/src/{}", scene.shared))).unwrap();
    rows
}

/// Runs `command` to its end; the CPU time (user and system) its process used.
pub fn cpu_time(mut command: Command) -> Duration {
    #[allow(clippy::zombie_processes)] // `wait4` below reaps it, and tells its CPU time
    let child = command.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null()).spawn().unwrap();
    let (mut status, mut usage) = (0, unsafe { std::mem::zeroed::<libc::rusage>() });
    let waited = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert!(waited > 0 && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0, "{command:?} failed ({status})");
    let time = |t: libc::timeval| Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64);
    time(usage.ru_utime) + time(usage.ru_stime)
}

/// What recording the scene costs inside the game library (no window): the API's share of the gap.
fn record_only() -> Vec<Duration> {
    use contract::prelude::*;
    let input = contract::Input { screen_width: 800.0, screen_height: 600.0, ..Default::default() };
    (0..30)
        .map(|frame| {
            let start = Instant::now();
            let recorded = contract::record_frame(&input, || {
                let texture = load_texture("assets/player.png");
                clear_background(BLACK);
                for i in 0..10_000 {
                    let (x, y, [r, g, b]) = sprite(i, frame);
                    draw_texture(&texture, x, y, Color::from_rgba(r, g, b, 255));
                }
            });
            let elapsed = start.elapsed();
            assert_eq!(recorded.draw.len(), 10_001);
            elapsed
        })
        .collect()
}

include!("scenes/sprite.rs");
