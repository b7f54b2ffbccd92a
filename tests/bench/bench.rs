//! Reload latency benchmark (`just bench`): generates a project with the real cargo-generate, runs it
//! under an X server and measures, from outside the game, how long an edit takes to reach the screen:
//! with `just dev`, as a bare library build, and with a plain watch-and-restart loop of the static
//! build (what you would do without hot reload). One reload is also taken apart (cargo, rustc's phases,
//! the swap, the rest), and the same game is measured, in the same run, with cargo instead of the fast
//! path and with the upstream template's settings.
//! Writes a markdown table to `target/bench/reload.md`.

mod bevy;
mod dioxus;
mod memory;
mod sprites;
mod state;
mod ui;

use std::fs;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use support::{DevLoop, Scratch, XServer};

const NAME: &str = "bench-game";
const LIB: &str = "lib/src/lib.rs";
/// How often to look for the restarted static game. Polling Xvfb back to back (as for the hot game)
/// makes it refuse the new process's connection now and then (`XOpenDisplay() failed`, seen here).
const RESTART_POLL: Duration = Duration::from_millis(50);
/// The share of the window in the edited background colour that says the new code is on screen (the
/// ui starter's preview, where its background shows, is under half of its window).
const SHOWING: f32 = 0.3;

fn main() {
    let edits: usize = std::env::args().nth(1).map_or(10, |n| n.parse().expect("the number of edits"));
    support::require_all_tools();
    let x = XServer::start();
    // `BENCH_ONLY=bevy just bench`: the bevy starter alone (its two cold builds of Bevy take a quarter of
    // an hour); `BENCH_ONLY=game`: the game starter's reloads alone (no scenes, no ui or bevy starter);
    // `BENCH_ONLY=macroquad`: the game starter's reloads, its scenes and memory (no ui or bevy starter);
    // `BENCH_ONLY=state`: what a growing `State` costs, alone; `BENCH_ONLY=game+ui`, `game+bevy` or
    // `game+ui+bevy`: the game starter's reloads and those of the starters named, in one run.
    let only = std::env::var("BENCH_ONLY").unwrap_or_default();
    let named = |starter: &str| only.is_empty() || only.split('+').any(|part| part == starter);
    if only == "bevy" {
        return write_report(&bevy::report(&bevy::run(&x, edits), &[], &[]));
    }
    let scenes = !only.starts_with("game");
    let (with_ui, with_bevy) = (named("ui"), named("bevy"));
    let scratch = Scratch::new("hot-template-bench");
    let project = support::generate(&scratch, NAME, &[]);
    if only == "state" {
        return write_report(&state::report(&state::run(&project, &x, NAME)));
    }
    let cargo = |args: &[&str]| -> Duration {
        let start = Instant::now();
        support::run(Command::new("cargo").args(args).current_dir(&project));
        start.elapsed()
    };

    println!("cold builds (2 of them share the dependencies' build)...");
    let cold_lib = cargo(&["hot-lib"]);
    let cold_bin = cargo(&["build", "--no-default-features", "--features", "reload"]);
    let cold_static = cargo(&["build"]);

    let mut colours = Colours::default();
    let bare = bare_builds(&project, edits, &mut colours);
    let dylib_bytes = fs::metadata(support::library_file(&project, NAME)).unwrap().len();

    let fast = fast_builds(&project, edits, &mut colours);
    let phases = rustc_phases(&project, edits, &mut colours);

    println!("edit -> visible with `just dev`...");
    let Latencies { to_line, to_pixels, swaps, swap_frames, phases: taken_apart } =
        edit_to_visible(&x, &project, edits, &mut colours, &[]);
    println!("edit -> visible with `just dev`, the library built by cargo (FAST_PATH=off)...");
    let via_cargo = edit_to_visible(&x, &project, edits, &mut colours, &[("FAST_PATH", "off")]);
    println!("edit -> visible with `just dev`, the game not yielding to the build (HOT_YIELD=off)...");
    let no_yield = edit_to_visible(&x, &project, edits, &mut colours, &[("HOT_YIELD", "off")]);
    // A machine without wild (a user's default set-up) when this one has it: the fast path links with rust-lld.
    let no_wild = (fast.linker == "wild").then(|| {
        println!("edit -> visible with `just dev`, linking with rust-lld (WILD=off)...");
        edit_to_visible(&x, &project, edits, &mut colours, &[("WILD", "off")])
    });
    let dx = dioxus::run(&x, edits);
    // `just bench 10 <git revision>`: the same, in this run, for a project from that version of the template.
    let baseline = std::env::args().nth(2).map(|rev| baseline(&x, &rev, edits));

    // The justfile's own watcher command (same delay as `just dev`), rebuilding and rerunning the static game.
    println!("watch and restart the static build (save -> rebuild -> new process's window)...");
    let watch = support::run(Command::new("just").args(["--evaluate", "watch"]).current_dir(&project)).stdout;
    let watch = String::from_utf8(watch).unwrap();
    let (program, args) =
        watch.split_whitespace().collect::<Vec<_>>().split_first().map(|(p, a)| (p.to_string(), a.to_vec())).unwrap();
    let restart_log = fs::File::create(project.join("restart.log")).unwrap();
    let mut restart_loop = x
        .command(&program)
        .args(args)
        .args(["-w", "lib", "-w", "src", "-x", "run"])
        .current_dir(&project)
        .stdin(Stdio::null())
        .stdout(restart_log.try_clone().unwrap())
        .stderr(restart_log)
        .process_group(0)
        .spawn()
        .unwrap();
    window_showing(&x, colours.current, Duration::from_secs(600), RESTART_POLL).expect("the static game's window");
    let mut restart = Vec::new();
    for _ in 0..edits {
        std::thread::sleep(Duration::from_millis(700));
        let saved = Instant::now();
        colours.edit(&project);
        // No rebuild and restart is done within 200 ms; until then, leave the X server alone.
        std::thread::sleep(Duration::from_millis(200));
        let seen = window_showing(&x, colours.current, Duration::from_secs(120), RESTART_POLL).map(|_| saved.elapsed());
        let windows = x.command("xdotool").args(["search", "--name", NAME]).output().unwrap().stdout;
        let log = || fs::read_to_string(project.join("restart.log")).unwrap();
        let why = || format!("windows {:?}, restart loop:\n{}", String::from_utf8_lossy(&windows), log());
        restart.push(seen.unwrap_or_else(|| panic!("the restarted game with {:?}: {}", colours.current, why())));
    }
    let _ = Command::new("kill").args(["-TERM", "--", &format!("-{}", restart_loop.id())]).status();
    let _ = restart_loop.wait();
    println!("  restart (ms): {:?}", restart.iter().map(Duration::as_millis).collect::<Vec<_>>());

    let sprites = scenes.then(|| sprites::run(&project, &x, NAME));
    let memory = scenes.then(|| memory::run(&project, &x, NAME));
    let state = scenes.then(|| state::run(&project, &x, NAME));
    let ui = with_ui.then(|| ui::run(&x, edits));
    let bevy = with_bevy.then(|| bevy::run(&x, edits));
    // Last, as it changes the project: the upstream template's settings.
    let upstream = upstream_settings(&x, &project, edits, &mut colours);

    let mut report = report(
        edits,
        [cold_lib, cold_bin, cold_static],
        &bare,
        &to_line,
        &to_pixels,
        &restart,
        &swaps,
        &swap_frames,
        dylib_bytes,
    );
    report += &speed_report(
        &Latencies {
            to_line: to_line.clone(),
            to_pixels: to_pixels.clone(),
            swaps: swaps.clone(),
            swap_frames: swap_frames.clone(),
            phases: taken_apart,
        },
        &Variants { via_cargo, no_yield, no_wild, upstream, dx },
        &bare,
        &fast,
        &phases,
    );
    if let Some((rev, bare_then, then)) = &baseline {
        report += &baseline_report(rev, (bare_then, then), (&bare, &to_line, &to_pixels));
    }
    if let (Some((sprite_rows, record_only)), Some(memory)) = (sprites, memory) {
        report += &sprite_report(&sprite_rows, &record_only);
        report += &memory::report(&memory);
    }
    if let Some(state) = state {
        report += &state::report(&state);
    }
    if let Some(ui) = ui {
        report += &ui::report(&ui, &to_pixels, &bare);
    }
    if let Some(bevy) = bevy {
        report += &bevy::report(&bevy, &to_pixels, &bare);
    }
    write_report(&report);
}

fn write_report(report: &str) {
    println!("\n{report}");
    let out = support::template_dir().join("target/bench/reload.md");
    fs::create_dir_all(out.parent().unwrap()).unwrap();
    fs::write(&out, report).unwrap();
    println!("written to {}", out.display());
}

/// `edits` one-line edits, each followed by a bare `cargo hot-lib` (nothing running).
fn bare_builds(project: &Path, edits: usize, colours: &mut Colours) -> Vec<Duration> {
    println!("bare library builds...");
    let bare: Vec<Duration> = (0..edits)
        .map(|_| {
            colours.edit(project);
            let start = Instant::now();
            support::run(Command::new("cargo").arg("hot-lib").current_dir(project));
            start.elapsed()
        })
        .collect();
    println!("  bare builds (ms): {:?}", bare.iter().map(Duration::as_millis).collect::<Vec<_>>());
    bare
}

/// `edits` one-line edits, each followed by the fast path alone (`hot/scripts/build-lib.sh`: the recorded rustc
/// command, nothing running), and the same rustc command without just and bash around it.
fn fast_builds(project: &Path, edits: usize, colours: &mut Colours) -> FastBuilds {
    println!("fast-path builds...");
    let time = |command: &mut Command| {
        let start = Instant::now();
        support::run(command.current_dir(project));
        start.elapsed()
    };
    time(Command::new("hot/scripts/build-lib.sh").arg("--cargo")); // records the command (after the bare cargo builds)
    // When the fast path links with wild (installed), the same command linking with rust-lld, interleaved.
    let recorded = fs::read_to_string(support::dev_file(project, "fast-path.sh")).unwrap();
    let wild = recorded.contains(" -C linker-features=-lld ");
    let lld_only = recorded
        .lines()
        .map(|line| line.split(" -C linker-features=-lld ").next().unwrap_or(line))
        .collect::<Vec<_>>()
        .join("\n");
    fs::write(support::dev_file(project, "fast-path-lld.sh"), lld_only).unwrap();
    let (mut just, mut rustc, mut rustc_lld) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..edits {
        colours.edit(project);
        just.push(time(&mut Command::new("hot/scripts/build-lib.sh")));
        colours.edit(project);
        rustc.push(time(Command::new("bash").arg("target/just-dev/fast-path.sh")));
        if wild {
            colours.edit(project);
            rustc_lld.push(time(Command::new("bash").arg("target/just-dev/fast-path-lld.sh")));
        }
    }
    // Leave the library linked as the fast path links it.
    colours.edit(project);
    time(Command::new("bash").arg("target/just-dev/fast-path.sh"));
    println!("  fast path (ms): {:?}", just.iter().map(Duration::as_millis).collect::<Vec<_>>());
    println!("  its rustc alone (ms): {:?}", rustc.iter().map(Duration::as_millis).collect::<Vec<_>>());
    println!(
        "  its rustc, linking with rust-lld (ms): {:?}",
        rustc_lld.iter().map(Duration::as_millis).collect::<Vec<_>>()
    );
    FastBuilds { just, rustc, rustc_lld, linker: if wild { "wild" } else { "rust-lld" } }
}

struct FastBuilds {
    just: Vec<Duration>,
    rustc: Vec<Duration>,
    /// The same rustc command linking with rust-lld, when the fast path links with wild (else empty).
    rustc_lld: Vec<Duration>,
    /// The linker the fast path uses: wild when it is installed (see `hot/scripts/build-lib.sh`).
    linker: &'static str,
}

/// Where rustc's time goes in one rebuild (`-Z time-passes`, allowed on a stable rustc by
/// `RUSTC_BOOTSTRAP=1` here only, for measuring): medians of `edits` rebuilds.
fn rustc_phases(project: &Path, edits: usize, colours: &mut Colours) -> Vec<(&'static str, Duration)> {
    println!("rustc's phases...");
    let command = fs::read_to_string(support::dev_file(project, "fast-path.sh")).unwrap();
    let timed = |colours: &mut Colours| {
        colours.edit(project);
        let output = support::run(
            Command::new("sh")
                .args(["-c", &format!("{} -Z time-passes", command.trim())])
                .env("RUSTC_BOOTSTRAP", "1")
                .current_dir(project),
        );
        let text = String::from_utf8_lossy(&output.stderr).into_owned();
        let pass = |name: &str| {
            text.lines()
                .filter(|line| line.ends_with(&format!("\t{name}")))
                .filter_map(|line| line.strip_prefix("time:")?.split(';').next()?.trim().parse::<f64>().ok())
                .map(Duration::from_secs_f64)
                .sum::<Duration>()
        };
        let total = pass("total");
        let codegen = pass("codegen_crate");
        let link = pass("link");
        let incremental =
            pass("incr_comp_persist_result_cache") + pass("incr_comp_persist_dep_graph") + pass("serialize_dep_graph");
        let front = total.saturating_sub(codegen + link + incremental);
        [front, codegen, link, incremental, total]
    };
    timed(colours); // the flag may start the incremental cache over once
    let runs: Vec<[Duration; 5]> = (0..edits).map(|_| timed(colours)).collect();
    let names = [
        "front end (parse, expand, type and borrow check; loading the dependencies' metadata)",
        "code generation (MIR to LLVM IR, LLVM)",
        "linking (the fast path's linker)",
        "saving the incremental cache",
        "rustc in all",
    ];
    names
        .iter()
        .enumerate()
        .map(|(i, name)| (*name, stats(&runs.iter().map(|run| run[i]).collect::<Vec<_>>()).median))
        .collect()
}

/// The same game as the upstream hot-lib-reloader template ships it: the library a `dylib` built by plain
/// `cargo build -p` (Rust's standard library linked in), cargo-watch's default 500 ms delay and
/// hot-lib-reloader's default 500 ms debounce. Changes the project for good (it runs last).
fn upstream_settings(x: &XServer, project: &Path, edits: usize, colours: &mut Colours) -> Latencies {
    println!("the upstream template's settings...");
    let patch = |file: &str, from: &str, to: &str| {
        let text = fs::read_to_string(project.join(file)).unwrap();
        assert!(text.contains(from), "{file}: no `{from}`");
        fs::write(project.join(file), text.replace(from, to)).unwrap();
    };
    let build = format!("build -p {NAME}-game --features reload");
    patch("src/hot_reload.rs", "file_watch_debounce = 10", "file_watch_debounce = 500");
    patch("hot/src/host/files.rs", "target_dir().join(\"hot\")", "target_dir().join(\"debug\")");
    patch("lib/Cargo.toml", "crate-type = [\"rlib\"]", "crate-type = [\"rlib\", \"dylib\"]");
    let justfile = fs::read_to_string(project.join("justfile")).unwrap();
    let watch =
        justfile.lines().find(|line| line.starts_with("watch := ")).expect("the justfile's watcher").to_string();
    patch("justfile", &watch, "watch := \"cargo watch --quiet\"");
    patch("justfile", "--postpone -s hot/scripts/build-lib.sh", &format!("-x '{build}'"));
    patch("justfile", "dev: _cargo-watch (_build-lib \"--cargo\")", "dev: _cargo-watch");
    support::run(Command::new("cargo").args(build.split(' ')).current_dir(project));
    support::run(
        Command::new("cargo").args(["build", "--no-default-features", "--features", "reload"]).current_dir(project),
    );
    edit_to_visible(x, project, edits, colours, &[])
}

/// Bare builds and edit -> visible for a project generated from the template at git revision `rev`.
fn baseline(x: &XServer, rev: &str, edits: usize) -> (String, Vec<Duration>, Latencies) {
    println!("baseline: the template at {rev}...");
    let scratch = Scratch::new("hot-template-bench-baseline");
    let template = scratch.0.join("template");
    let git = |args: &[&str]| drop(support::run(Command::new("git").args(args).current_dir(support::template_dir())));
    git(&["worktree", "add", "--detach", template.to_str().unwrap(), rev]);
    let projects = Scratch::new("hot-template-bench-baseline-project");
    let project = support::generate_from(&template, &projects, NAME, &[]);
    git(&["worktree", "remove", "--force", template.to_str().unwrap()]);
    for build in [&["hot-lib"][..], &["build", "--no-default-features", "--features", "reload"]] {
        support::run(Command::new("cargo").args(build).current_dir(&project));
    }
    let mut colours = Colours::default();
    let bare = bare_builds(&project, edits, &mut colours);
    println!("baseline: edit -> visible with `just dev`...");
    let latencies = edit_to_visible(x, &project, edits, &mut colours, &[]);
    (rev.to_string(), bare, latencies)
}

fn baseline_report(
    rev: &str,
    (bare_then, then): (&[Duration], &Latencies),
    (bare, to_line, to_pixels): (&[Duration], &[Duration], &[Duration]),
) -> String {
    let ms = |samples: &[Duration]| stats(samples).median.as_millis();
    let ratio =
        |now: &[Duration], before: &[Duration]| stats(now).median.as_secs_f64() / stats(before).median.as_secs_f64();
    format!(
        "\nIn this run, against a project from the template at `{rev}` (medians, ms, then -> now):\n\
         - save -> reload line: {} -> {} ({:.2}x)\n- save -> pixels: {} -> {} ({:.2}x)\n- bare library build: {} -> {} ({:.2}x)\n",
        ms(&then.to_line),
        ms(to_line),
        ratio(to_line, &then.to_line),
        ms(&then.to_pixels),
        ms(to_pixels),
        ratio(to_pixels, &then.to_pixels),
        ms(bare_then),
        ms(bare),
        ratio(bare, bare_then),
    )
}

struct Latencies {
    to_line: Vec<Duration>,
    to_pixels: Vec<Duration>,
    swaps: Vec<Duration>,
    swap_frames: Vec<Duration>,
    /// Each reload taken apart (see `PHASES`), when the fast path built it.
    phases: Vec<[Duration; PHASES.len()]>,
}

/// One reload under the running game, from the times `hot/scripts/build-lib.sh` and the game keep
/// (`target/just-dev/build-times`, `reload-times`) and the bench's own save and pixels.
const PHASES: [&str; 7] = [
    "save -> the watcher starts the build script (cargo-watch's 20 ms delay and reaction, `just`, bash)",
    "the script until rustc starts (the check for other changes)",
    "rustc",
    "rustc's end -> the library in place (`ln`)",
    "the library in place -> the swap begins (hot-lib-reloader's notice, 10 ms debounce and copy; the next frame)",
    "the swap (state out, unload, load, state in) and the new code's first frame",
    "that frame done -> its pixels read from outside (includes up to one screenshot)",
];

/// `saved` (the clock at the save) to `pixels` taken apart, or `None` if the fast path did not build it.
fn phases(project: &Path, saved: SystemTime, pixels: Duration) -> Option<[Duration; PHASES.len()]> {
    let times = |file: &str| -> Option<Vec<f64>> {
        let text = fs::read_to_string(support::dev_file(project, file)).ok()?;
        text.split_whitespace().map(|time| time.replace(',', ".").parse().ok()).collect()
    };
    let saved = saved.duration_since(SystemTime::UNIX_EPOCH).ok()?.as_secs_f64();
    let mut at = times("build-times")?;
    at.extend(times("reload-times")?);
    at.insert(0, saved);
    at.push(saved + pixels.as_secs_f64());
    let fresh = at.len() == PHASES.len() + 1 && at.windows(2).all(|pair| pair[0] <= pair[1]);
    fresh.then(|| std::array::from_fn(|i| Duration::from_secs_f64(at[i + 1] - at[i])))
}

/// `edits` one-line edits of `BACKGROUND` while `just dev` runs in `project`, timed from the save to the
/// game's reload line and to the new colour in its window.
fn edit_to_visible(
    x: &XServer,
    project: &Path,
    edits: usize,
    colours: &mut Colours,
    env: &[(&str, &str)],
) -> Latencies {
    let mut dev = DevLoop::start(project, Some(x), env);
    // Gently while the game starts: back-to-back polls can make Xvfb refuse its connection (see RESTART_POLL).
    let window = window_showing(x, colours.current, Duration::from_secs(600), RESTART_POLL).expect("the dev window");
    let (mut to_line, mut to_pixels, mut swaps, mut swap_frames) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut taken_apart = Vec::new();
    for version in 1..=edits {
        std::thread::sleep(Duration::from_millis(700)); // let the watchers settle between edits
        let (saved, saved_at) = (Instant::now(), SystemTime::now());
        colours.edit(project);
        let marker = format!("[hot] reloaded library v{version},");
        let line = support::wait_for(Duration::from_secs(20), Duration::from_millis(2), || {
            let log = fs::read_to_string(&dev.log).ok()?;
            log.lines().find(|line| line.starts_with(&marker)).map(|line| (saved.elapsed(), line.to_string()))
        });
        let (elapsed, line) = line.unwrap_or_else(|| panic!("no reload line {version}:\n{}", dev.log()));
        to_line.push(elapsed);
        swaps.push(Duration::from_millis(number_after(&line, "the swap took ")));
        swap_frames.push(Duration::from_millis(number_after(&line, "its frame ")));
        let seen = support::wait_for(Duration::from_secs(20), Duration::from_millis(1), || {
            (x.screenshot(&window)?.share_of(colours.current) > SHOWING).then(|| saved.elapsed())
        });
        to_pixels.push(seen.expect("the new colour on screen"));
        taken_apart.extend(phases(project, saved_at, *to_pixels.last().unwrap()));
    }
    println!("  save -> reload line (ms): {:?}", to_line.iter().map(Duration::as_millis).collect::<Vec<_>>());
    println!("  save -> pixels (ms): {:?}", to_pixels.iter().map(Duration::as_millis).collect::<Vec<_>>());
    dev.ctrl_c();
    dev.wait_exit(Duration::from_secs(20));
    Latencies { to_line, to_pixels, swaps, swap_frames, phases: taken_apart }
}

/// A distinct background for every edit, so every rebuilt library differs and every change is visible.
#[derive(Default)]
struct Colours {
    edits: u8,
    current: support::Rgb,
}

impl Colours {
    fn edit(&mut self, project: &Path) {
        self.edit_file(&project.join(LIB));
    }

    /// The same edit in `file`, a source file with a `pub const BACKGROUND` line.
    fn edit_file(&mut self, file: &Path) {
        let text = fs::read_to_string(file).unwrap();
        let line = text.lines().find(|line| line.starts_with("pub const BACKGROUND")).unwrap().to_string();
        self.edits += 1;
        self.current = [0x30 + self.edits * 7, 0x50, 0x90 - self.edits * 3];
        let [r, g, b] = self.current;
        // Templates before the game API wrote colours as `Color::rgb(r, g, b)` (see `--baseline`); the bevy
        // starter writes Bevy's `Color::srgb_u8(r, g, b)`.
        let new = if line.contains("Color::srgb_u8(") {
            format!("pub const BACKGROUND: Color = Color::srgb_u8({r:#04x}, {g:#04x}, {b:#04x});")
        } else if line.contains("Color::rgb(") {
            format!("pub const BACKGROUND: Color = Color::rgb({r:#04x}, {g:#04x}, {b:#04x});")
        } else {
            format!("pub const BACKGROUND: Color = Color::from_rgba({r:#04x}, {g:#04x}, {b:#04x}, 255);")
        };
        fs::write(file, text.replace(&line, &new)).unwrap();
    }
}

/// Polls the screen every `every` until a window of the game shows `colour`.
fn window_showing(x: &XServer, colour: support::Rgb, timeout: Duration, every: Duration) -> Option<String> {
    support::wait_for(timeout, every, || {
        let window = x.window(NAME)?;
        (x.screenshot(&window)?.share_of(colour) > SHOWING).then_some(window)
    })
}

fn number_after(line: &str, prefix: &str) -> u64 {
    let rest = &line[line.find(prefix).expect(prefix) + prefix.len()..];
    rest.chars().take_while(char::is_ascii_digit).collect::<String>().parse().unwrap()
}

struct Stats {
    min: Duration,
    median: Duration,
    p90: Duration,
    max: Duration,
}

fn stats(samples: &[Duration]) -> Stats {
    let mut sorted = samples.to_vec();
    sorted.sort();
    let at = |q: f64| sorted[((sorted.len() - 1) as f64 * q).round() as usize];
    Stats { min: at(0.0), median: at(0.5), p90: at(0.9), max: at(1.0) }
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
    swap_frames: &[Duration],
    dylib_bytes: u64,
) -> String {
    let ms = |d: Duration| d.as_millis();
    let row = |what: &str, samples: &[Duration]| {
        let s = stats(samples);
        format!("| {what} | {} | {} | {} |\n", ms(s.median), ms(s.p90), ms(s.max))
    };
    let cpu = fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines().find(|l| l.starts_with("model name")).map(|l| l.split(':').nth(1).unwrap().trim().to_string())
        })
        .unwrap_or_default();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let rustc =
        Command::new("rustc").arg("--version").output().map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    let mut out = format!(
        "Machine: {cores} cores, {cpu}, {}, Xvfb with Mesa software OpenGL. {edits} edits of `BACKGROUND` each.\n\n",
        rustc.unwrap_or_default()
    );
    out += "| one-line edit of the game library | median ms | p90 ms | max ms |\n|---|---|---|---|\n";
    out += &row("`just dev`: save -> new code's first frame presented (the game's reload line)", to_line);
    out += &row("`just dev`: save -> new pixels read from the window (`import`, ~70 ms a read)", to_pixels);
    out += &row("bare library build (`cargo hot-lib`, nothing running)", bare);
    out += &row(
        "full restart: save -> `cargo watch -x run` of the static build (the justfile's watcher) -> new pixels (polled every ~100 ms)",
        restart,
    );
    out += &row("main-thread pause for each swap (hand-over + load)", swaps);
    out += &row("the frame that swapped, start to start of the next (the longest frame around a swap)", swap_frames);
    out += &format!(
        "\nCold builds: hot library {} s, hot binary {} s (after the library: shares nothing but `contract`), static binary {} s.\n\
         Hot library file: {:.1} MB. The game was not frame-capped (macroquad's default; Xvfb has no vsync).\n",
        cold[0].as_secs(),
        cold[1].as_secs(),
        cold[2].as_secs(),
        dylib_bytes as f64 / 1e6,
    );
    let (visible, bare, restart) = (stats(to_line).median, stats(bare).median, stats(restart).median);
    let longest_frame = stats(swap_frames).max;
    let check = |holds: bool| if holds { "holds" } else { "MISSED" };
    out += &format!(
        "\nTargets (edit -> visible is the reload line: the new code's first frame is on screen):\n\
         - edit -> visible median {} ms <= 350 ms: {}\n\
         - edit -> visible median <= bare build + 80 ms ({} ms): {}\n\
         - edit -> visible median <= 0.25 x full restart ({} ms): {}\n\
         - longest frame around a swap {} ms <= 100 ms: {}\n",
        ms(visible),
        check(visible <= Duration::from_millis(350)),
        ms(bare + Duration::from_millis(80)),
        check(visible <= bare + Duration::from_millis(80)),
        ms(restart / 4),
        check(visible <= restart / 4),
        ms(longest_frame),
        check(longest_frame <= Duration::from_millis(100)),
    );
    out
}

/// The same game in the same run, with a setting or the whole set-up changed.
struct Variants {
    via_cargo: Latencies,
    no_yield: Latencies,
    /// Linking with rust-lld where the fast path links with wild.
    no_wild: Option<Latencies>,
    upstream: Latencies,
    /// Dioxus' `dx serve --hot-patch`, or why it was not measured.
    dx: Result<dioxus::Dx, String>,
}

fn speed_report(
    ours: &Latencies,
    Variants { via_cargo, no_yield, no_wild, upstream, dx }: &Variants,
    bare: &[Duration],
    fast: &FastBuilds,
    phases: &[(&str, Duration)],
) -> String {
    let ms = |samples: &[Duration]| stats(samples).median.as_millis();
    let ratio = |a: &[Duration], b: &[Duration]| stats(a).median.as_secs_f64() / stats(b).median.as_secs_f64();
    let mut out = String::from(
        "\nThe same game in this run, several ways (medians, ms; ratio to the upstream settings):\n\n\
         | | save -> reload line | save -> pixels |\n|---|---|---|\n",
    );
    let mut runs = vec![
        (
            format!(
                "`just dev` (rustc rerun directly when only the library's code changed; linking with {})",
                fast.linker
            ),
            ours,
        ),
        ("`just dev` with `FAST_PATH=off` (every rebuild through `cargo hot-lib`)".to_string(), via_cargo),
        (
            "`just dev` with `HOT_YIELD=off` (the game draws at full speed while the library builds)".to_string(),
            no_yield,
        ),
    ];
    if let Some(no_wild) = no_wild {
        runs.push((
            "`just dev` with `WILD=off` (linking with rust-lld, as where wild is not installed)".to_string(),
            no_wild,
        ));
    }
    runs.push((
        "the upstream template's settings: `cargo build -p` of a `dylib` with std inside, cargo-watch's and hot-lib-reloader's default 500 ms delays".to_string(),
        upstream,
    ));
    for (what, run) in runs {
        out += &format!(
            "| {what} | {} ({:.2}x) | {} ({:.2}x) |\n",
            ms(&run.to_line),
            ratio(&run.to_line, &upstream.to_line),
            ms(&run.to_pixels),
            ratio(&run.to_pixels, &upstream.to_pixels)
        );
    }
    let target = ratio(&ours.to_line, &upstream.to_line) <= 0.15;
    out += &format!(
        "\nTarget: edit -> visible median <= 0.15x the upstream settings' in the same run: {}; below a bare `cargo hot-lib` ({} ms): {}.\n",
        if target { "holds" } else { "MISSED" },
        ms(bare),
        if stats(&ours.to_line).median < stats(bare).median { "holds" } else { "MISSED" },
    );
    let (line, fast_path, rustc) = (stats(&ours.to_line).median, stats(&fast.just).median, stats(&fast.rustc).median);
    let (swap, frame) = (stats(&ours.swaps).median, stats(&ours.swap_frames).median);
    out += &format!(
        "\nOne reload taken apart (medians of separate runs, nothing else running, so the parts add up only roughly):\n\n\
         | part | ms |\n|---|---|\n\
         | bare `cargo hot-lib`: cargo's start-up and checks, then rustc | {} |\n\
         | the fast path (`hot/scripts/build-lib.sh`): bash, the check for other changes, then rustc | {} |\n\
         | its rustc command alone (linking with {}) | {} |\n",
        ms(bare),
        fast_path.as_millis(),
        fast.linker,
        rustc.as_millis(),
    );
    if !fast.rustc_lld.is_empty() {
        out += &format!(
            "| its rustc command linking with rust-lld instead (interleaved with the row above) | {} |\n",
            stats(&fast.rustc_lld).median.as_millis()
        );
    }
    for (name, time) in phases {
        out += &format!("| - {name} | {} |\n", time.as_millis());
    }
    out += &format!(
        "| the swap on the game's main thread (state out, unload, load) | {} |\n\
         | from the swap's start to the new code's first frame done (the swap, state in, the frame) | {} |\n\
         | the rest of save -> reload line: the watcher's 20 ms delay and reaction, hot-lib-reloader's 10 ms debounce and copy, waiting for the next frame, two cores shared with the running game | {} |\n",
        swap.as_millis(),
        frame.as_millis(),
        line.saturating_sub(fast_path + frame).as_millis(),
    );
    out += &phases_report(ours, no_yield);
    out + &dx_report(&ours.to_pixels, no_wild.as_ref().map(|run| &run.to_pixels[..]), dx)
}

/// `just dev` against Dioxus' `dx serve --hot-patch` in this run, save -> pixels by the same probe: on
/// this machine's set-up and, when wild is installed here, on the default one (linking with rust-lld).
fn dx_report(ours: &[Duration], no_wild: Option<&[Duration]>, dx: &Result<dioxus::Dx, String>) -> String {
    let dx = match dx {
        Ok(dx) => dx,
        Err(why) => return format!("\nAgainst Dioxus' `dx serve --hot-patch`: not measured in this run: {why}.\n"),
    };
    let s = stats(&dx.to_pixels);
    let mut out = format!(
        "\nAgainst Dioxus' `dx serve --hot-patch` ({}), the bench game's look as a one-crate macroquad app, the \
         same edits and probe (save -> pixels, ms):\n\n| | median | p90 | max | ratio to dx |\n|---|---|---|---|---|\n\
         | `dx serve --hot-patch` | {} | {} | {} | 1.00x |\n",
        dx.version,
        s.median.as_millis(),
        s.p90.as_millis(),
        s.max.as_millis()
    );
    let ratio = |ours: &[Duration]| stats(ours).median.as_secs_f64() / s.median.as_secs_f64();
    let mut rows = vec![(if no_wild.is_some() { "`just dev`, linking with wild" } else { "`just dev`" }, ours)];
    rows.extend(no_wild.map(|run| ("`just dev` with `WILD=off` (rust-lld: the default set-up)", run)));
    for (what, run) in &rows {
        let r = stats(run);
        out += &format!(
            "| {what} | {} | {} | {} | {:.2}x |\n",
            r.median.as_millis(),
            r.p90.as_millis(),
            r.max.as_millis(),
            ratio(run)
        );
    }
    let default = no_wild.unwrap_or(ours);
    out += &format!(
        "\nTarget: on the default set-up, save -> pixels <= 0.85x dx's in the same run: {:.2}x, {}.\n",
        ratio(default),
        if ratio(default) <= 0.85 { "holds" } else { "MISSED" }
    );
    out
}

/// The reloads of `just dev` taken apart, beside the same with `HOT_YIELD=off`.
fn phases_report(ours: &Latencies, no_yield: &Latencies) -> String {
    let median = |run: &Latencies, phase: usize| {
        let samples: Vec<Duration> = run.phases.iter().map(|phases| phases[phase]).collect();
        if samples.is_empty() { "-".to_string() } else { stats(&samples).median.as_millis().to_string() }
    };
    let mut out = format!(
        "\nOne reload under the running game, taken apart from the times the build script and the game keep \
         (medians of the {} and {} edits the fast path built, ms; the medians need not add up):\n\n\
         | part | `just dev` | `HOT_YIELD=off` |\n|---|---|---|\n",
        ours.phases.len(),
        no_yield.phases.len()
    );
    for (phase, what) in PHASES.iter().enumerate() {
        out += &format!("| {what} | {} | {} |\n", median(ours, phase), median(no_yield, phase));
    }
    out
}

fn sprite_report(scenes: &[Vec<sprites::Row>], record_only: &[Duration]) -> String {
    let us = |d: Duration| d.as_micros();
    let mut out = String::new();
    for (scene, rows) in sprites::SCENES.iter().zip(scenes) {
        out += &format!(
            "\n{} (the same scene both ways), CPU time per frame of the whole process (Mesa's software \
             rasteriser included), from `wait4`, {} pairs of runs of {} and {} frames:\n\n\
             | scene | median µs | min µs | max µs |\n|---|---|---|---|\n",
            scene.what,
            sprites::RUNS,
            sprites::SHORT,
            sprites::LONG,
        );
        for row in rows {
            let s = stats(&row.per_frame);
            let min = *row.per_frame.iter().min().unwrap();
            out += &format!("| {} | {} | {} | {} |\n", row.what, us(s.median), us(min), us(s.max));
        }
        let median = |i: usize| stats(&rows[i].per_frame).median.as_secs_f64();
        out += &format!(
            "\nThrough the API / directly: release {:.2}x, dev {:.2}x (target <= 1.25x: {}).\n",
            median(0) / median(1),
            median(2) / median(3),
            if median(0) / median(1) <= 1.25 { "holds" } else { "MISSED" },
        );
    }
    let record = stats(record_only);
    out += &format!(
        "\nRecording the sprite scene in the game library alone (no window, in this process): median {} µs a \
         frame; the rest of the gap is the binary's playing of the recorded commands (one `match` and a \
         texture lookup per sprite).\n",
        us(record.median),
    );
    out
}
