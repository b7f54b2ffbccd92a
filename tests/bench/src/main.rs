//! Reload latency benchmark (`just bench`): generates a project with the real cargo-generate, runs it
//! under an X server and measures, from outside the game, how long an edit takes to reach the screen:
//! with `just dev`, as a bare library build, and as a full restart of the static build.
//! Writes a markdown table to `target/bench/reload.md`.

#[path = "../../support/mod.rs"]
mod support;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::{DevLoop, Scratch, XServer};

const NAME: &str = "bench-game";
const LIB: &str = "lib/src/lib.rs";

fn main() {
    let edits: usize = std::env::args().nth(1).map_or(10, |n| n.parse().expect("the number of edits"));
    support::require_all_tools();
    let x = XServer::start();
    let scratch = Scratch::new("hot-template-bench");
    let project = support::generate(&scratch, NAME, &[]);
    let cargo = |args: &[&str]| -> Duration {
        let start = Instant::now();
        support::run(Command::new("cargo").args(args).current_dir(&project));
        start.elapsed()
    };

    println!("cold builds (2 of them share the dependencies' build)...");
    let cold_lib = cargo(&["hot-lib"]);
    let cold_bin = cargo(&["build", "--no-default-features", "--features", "reload"]);
    let cold_static = cargo(&["build"]);

    println!("bare library builds...");
    let mut colours = Colours::default();
    let mut bare = Vec::new();
    for _ in 0..edits {
        colours.edit(&project);
        bare.push(cargo(&["hot-lib"]));
    }
    println!("  bare builds (ms): {:?}", bare.iter().map(Duration::as_millis).collect::<Vec<_>>());
    let dylib_bytes = fs::metadata(project.join("target/hot/libgame.so")).unwrap().len();

    println!("edit -> visible with `just dev`...");
    let mut dev = DevLoop::start(&project, &x);
    let window = window_showing(&x, colours.current, Duration::from_secs(600)).expect("the dev window");
    let (mut to_line, mut to_pixels, mut swaps) = (Vec::new(), Vec::new(), Vec::new());
    for version in 1..=edits {
        std::thread::sleep(Duration::from_millis(700)); // let the watchers settle between edits
        let saved = Instant::now();
        colours.edit(&project);
        let marker = format!("[hot] reloaded library v{version},");
        let line = support::wait_for(Duration::from_secs(20), Duration::from_millis(2), || {
            let log = fs::read_to_string(&dev.log).ok()?;
            log.lines().find(|line| line.starts_with(&marker)).map(|line| (saved.elapsed(), line.to_string()))
        });
        let (elapsed, line) = line.unwrap_or_else(|| panic!("no reload line {version}:\n{}", dev.log()));
        to_line.push(elapsed);
        swaps.push(Duration::from_millis(number_after(&line, "the swap took ")));
        let seen = support::wait_for(Duration::from_secs(20), Duration::from_millis(1), || {
            (x.screenshot(&window)?.share_of(colours.current) > 0.6).then(|| saved.elapsed())
        });
        to_pixels.push(seen.expect("the new colour on screen"));
    }
    println!("  save -> reload line (ms): {:?}", to_line.iter().map(Duration::as_millis).collect::<Vec<_>>());
    println!("  save -> pixels (ms): {:?}", to_pixels.iter().map(Duration::as_millis).collect::<Vec<_>>());
    dev.ctrl_c();
    dev.wait_exit(Duration::from_secs(20));

    println!("full restart of the static build (save -> cargo run -> first frame)...");
    let mut restart = Vec::new();
    for _ in 0..edits {
        let saved = Instant::now();
        colours.edit(&project);
        let mut game = x.command("cargo").arg("run").current_dir(&project).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
        let seen = window_showing(&x, colours.current, Duration::from_secs(120)).map(|_| saved.elapsed());
        let _ = game.kill();
        let _ = game.wait();
        restart.push(seen.expect("the restarted game with the new colour"));
        std::thread::sleep(Duration::from_millis(300));
    }
    println!("  restart (ms): {:?}", restart.iter().map(Duration::as_millis).collect::<Vec<_>>());

    let report = report(edits, [cold_lib, cold_bin, cold_static], &bare, &to_line, &to_pixels, &restart, &swaps, dylib_bytes);
    println!("\n{report}");
    let out = support::template_dir().join("target/bench/reload.md");
    fs::create_dir_all(out.parent().unwrap()).unwrap();
    fs::write(&out, report).unwrap();
    println!("written to {}", out.display());
}

/// A distinct background for every edit, so every rebuilt library differs and every change is visible.
#[derive(Default)]
struct Colours {
    edits: u8,
    current: support::Rgb,
}

impl Colours {
    fn edit(&mut self, project: &Path) {
        let file = project.join(LIB);
        let text = fs::read_to_string(&file).unwrap();
        let line = text.lines().find(|line| line.starts_with("pub const BACKGROUND")).unwrap().to_string();
        self.edits += 1;
        self.current = [0x30 + self.edits * 7, 0x50, 0x90 - self.edits * 3];
        let [r, g, b] = self.current;
        let new = format!("pub const BACKGROUND: Color = Color::rgb({r:#04x}, {g:#04x}, {b:#04x});");
        fs::write(&file, text.replace(&line, &new)).unwrap();
    }
}

fn window_showing(x: &XServer, colour: support::Rgb, timeout: Duration) -> Option<String> {
    support::wait_for(timeout, Duration::from_millis(1), || {
        let window = x.window(NAME)?;
        (x.screenshot(&window)?.share_of(colour) > 0.6).then_some(window)
    })
}

fn number_after(line: &str, prefix: &str) -> u64 {
    let rest = &line[line.find(prefix).expect(prefix) + prefix.len()..];
    rest.chars().take_while(char::is_ascii_digit).collect::<String>().parse().unwrap()
}

struct Stats {
    median: Duration,
    p90: Duration,
    max: Duration,
}

fn stats(samples: &[Duration]) -> Stats {
    let mut sorted = samples.to_vec();
    sorted.sort();
    let at = |q: f64| sorted[((sorted.len() - 1) as f64 * q).round() as usize];
    Stats { median: at(0.5), p90: at(0.9), max: at(1.0) }
}

#[allow(clippy::too_many_arguments)]
fn report(
    edits: usize,
    cold: [Duration; 3],
    bare: &[Duration],
    to_line: &[Duration],
    to_pixels: &[Duration],
    restart: &[Duration],
    swaps: &[Duration],
    dylib_bytes: u64,
) -> String {
    let ms = |d: Duration| d.as_millis();
    let row = |what: &str, samples: &[Duration]| {
        let s = stats(samples);
        format!("| {what} | {} | {} | {} |\n", ms(s.median), ms(s.p90), ms(s.max))
    };
    let cpu = fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| info.lines().find(|l| l.starts_with("model name")).map(|l| l.split(':').nth(1).unwrap().trim().to_string()))
        .unwrap_or_default();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let rustc = Command::new("rustc").arg("--version").output().map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    let mut out = format!(
        "Machine: {cores} cores, {cpu}, {}, Xvfb with Mesa software OpenGL. {edits} edits of `BACKGROUND` each.\n\n",
        rustc.unwrap_or_default()
    );
    out += "| one-line edit of the game library | median ms | p90 ms | max ms |\n|---|---|---|---|\n";
    out += &row("`just dev`: save -> new code's first frame presented (the game's reload line)", to_line);
    out += &row("`just dev`: save -> new pixels read from the window (`import`, ~70 ms a read)", to_pixels);
    out += &row("bare library build (`cargo hot-lib`, nothing running)", bare);
    out += &row("full restart: save -> `cargo run` of the static build -> new pixels (no watcher delay)", restart);
    out += &row("main-thread pause for each swap (hand-over + load), the longest frame it adds", swaps);
    out += &format!(
        "\nCold builds: hot library {} s, hot binary {} s (after the library: shares nothing but `contract`), static binary {} s.\n\
         Hot library file: {:.1} MB. The game was not frame-capped (macroquad's default; Xvfb has no vsync).\n",
        cold[0].as_secs(),
        cold[1].as_secs(),
        cold[2].as_secs(),
        dylib_bytes as f64 / 1e6,
    );
    out
}
