//! What a growing `State` costs: the state scene (`scenes/entities.rs`) with 1,000, 10,000 and 100,000
//! entities under `just dev`, with F8's history kept and without it (`HOT_REWIND=off`). From outside the
//! game: its CPU time per frame (`/proc/<pid>/stat`, over the frames it counts); from its own lines: the
//! main-thread pause of each reload (the state handed over: saved, then restored, and the first frame) and the history F8
//! says it keeps; from the window's pixels: how long F8 takes to show a frame one back, and one a second
//! back.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use support::{DevLoop, XServer};

pub const SIZES: [usize; 3] = [1_000, 10_000, 100_000];
/// Start-up (the first frames, the allocator's growth, the history's first snapshots) is left out.
const SETTLE: Duration = Duration::from_secs(4);
const MEASURE: Duration = Duration::from_secs(10);
const RELOADS: usize = 3;

pub struct Row {
    entities: usize,
    /// The state as JSON (`state.json`, kept for the next start), bytes.
    state_bytes: u64,
    /// CPU time per frame with the history kept, and without.
    with_history: Duration,
    without: Duration,
    /// The main-thread pause of each reload (state out, unload, load, state in, the frame) after an edit of code
    /// only, and after one that adds a field to `State`: the hand-over's fast path and its full one.
    swaps: Vec<Duration>,
    state_changed: Duration,
    /// What F8 said it kept after `SETTLE + MEASURE` and the reloads: seconds of play and MB.
    kept: String,
    /// From an arrow key to the window showing the frame before (Left), and the one a second before
    /// (Shift+Left), each the median of `STEPS`; and what one screenshot takes, the probe's own share.
    scrub: Scrub,
}

#[derive(Clone, Copy, Default)]
struct Scrub {
    frame_back: Duration,
    second_back: Duration,
    screenshot: Duration,
}

const STEPS: usize = 3;

pub fn run(project: &Path, x: &XServer, name: &str) -> Vec<Row> {
    let game = fs::read(project.join("lib/src/lib.rs")).unwrap();
    let scene = fs::read_to_string(support::template_dir().join("tests/bench/scenes/entities.rs")).unwrap();
    let rows = SIZES
        .iter()
        .map(|&entities| {
            println!("state: {entities} entities, with and without the rewind history...");
            let source =
                scene.replace("const ENTITIES: usize = 1000;", &format!("const ENTITIES: usize = {entities};"));
            fs::write(project.join("lib/src/lib.rs"), source).unwrap();
            let _ = fs::remove_file(support::dev_file(project, "state.json"));
            let (with_history, swaps, state_changed, kept, scrub) = measure(project, x, name, true);
            let _ = fs::remove_file(support::dev_file(project, "state.json"));
            let (without, ..) = measure(project, x, name, false);
            let state_bytes = fs::metadata(support::dev_file(project, "state.json")).map_or(0, |file| file.len());
            println!(
                "  CPU per frame: {with_history:?} with the history, {without:?} without; swaps {swaps:?}, \
                 {state_changed:?} with `State` changed; {kept}; F8 shows a frame back in {:?}, a second back \
                 in {:?} (a screenshot {:?})",
                scrub.frame_back, scrub.second_back, scrub.screenshot
            );
            Row { entities, state_bytes, with_history, without, swaps, state_changed, kept, scrub }
        })
        .collect();
    fs::write(project.join("lib/src/lib.rs"), game).unwrap();
    rows
}

/// CPU time per frame; with the history, also each reload's pause (code edits, then one of `State`),
/// what F8 says it keeps, and how fast it shows a kept frame.
fn measure(
    project: &Path,
    x: &XServer,
    name: &str,
    history: bool,
) -> (Duration, Vec<Duration>, Duration, String, Scrub) {
    let frames_file = support::target_dir(project).join("bench-frames");
    let _ = fs::remove_file(&frames_file);
    let mut env = vec![("BENCH_FRAMES", frames_file.to_str().unwrap())];
    if !history {
        env.push(("HOT_REWIND", "off"));
    }
    let mut dev = DevLoop::start(project, Some(x), &env);
    let frames = || fs::read_to_string(&frames_file).ok()?.trim().parse::<u64>().ok();
    support::wait_for(Duration::from_secs(900), Duration::from_millis(100), frames)
        .unwrap_or_else(|| panic!("the state scene did not start:\n{}", dev.log()));
    let pid = support::game_pid(project, name).expect("the game process");
    let cpu = || {
        let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
        let ticks: u64 = fields[11].parse::<u64>().ok()? + fields[12].parse::<u64>().ok()?;
        Some(Duration::from_millis(ticks * 1000 / clock_ticks()))
    };
    std::thread::sleep(SETTLE);
    let (cpu_before, frames_before) = (cpu().unwrap(), frames().unwrap());
    std::thread::sleep(MEASURE);
    let (cpu_after, frames_after) = (cpu().unwrap(), frames().unwrap());
    let per_frame = (cpu_after - cpu_before) / (frames_after - frames_before).max(1) as u32;

    let (mut swaps, mut state_changed, mut kept, mut scrub) =
        (Vec::new(), Duration::ZERO, String::new(), Scrub::default());
    if history {
        let lib = project.join("lib/src/lib.rs");
        let swap = |version: usize| {
            let marker = format!("[hot] reloaded library v{version},");
            let line = support::wait_for(Duration::from_secs(120), Duration::from_millis(10), || {
                dev.log().lines().find(|line| line.starts_with(&marker)).map(str::to_string)
            })
            .unwrap_or_else(|| panic!("no reload line {version}:\n{}", dev.log()));
            std::thread::sleep(Duration::from_millis(500));
            // From the swap's start to the new code's first frame done: state out, unload, load, state
            // in, and that frame ("the swap took" leaves the state's way in out).
            Duration::from_millis(crate::number_after(&line, "its frame "))
        };
        for version in 1..=RELOADS {
            let colour = format!("Color::from_rgba(0xf0, 0xc0, 0x{:02x}, 255)", 0x40 + version);
            let source = fs::read_to_string(&lib).unwrap();
            let dot = source.lines().find(|line| line.starts_with("const DOT")).unwrap().to_string();
            fs::write(&lib, source.replace(&dot, &format!("const DOT: Color = {colour};"))).unwrap();
            swaps.push(swap(version));
        }
        support::edit_all(
            &lib,
            &[
                ("pub struct State {\n", "pub struct State {\n    #[serde(default)]\n    added: u32,\n"),
                ("State { frames: 0, entities }", "State { added: 0, frames: 0, entities }"),
            ],
        );
        state_changed = swap(RELOADS + 1);
        let window = x.window(name).expect("the game's window");
        x.press_key(&window, "F8");
        let started = Instant::now();
        kept = support::wait_for(Duration::from_secs(30), Duration::from_millis(10), || {
            let log = dev.log();
            let line = log.lines().find(|line| line.starts_with("[hot] F8: paused, "))?;
            Some(line["[hot] F8: paused, ".len()..].split(". ").next()?.to_string())
        })
        .unwrap_or_else(|| panic!("F8 did not pause ({:?}):\n{}", started.elapsed(), dev.log()));
        std::thread::sleep(Duration::from_millis(500));
        let started = Instant::now();
        x.screenshot(&window).expect("a screenshot");
        scrub.screenshot = started.elapsed();
        let steps = |key: &str| (0..STEPS).map(|_| shown_after(x, &window, key)).collect::<Vec<_>>();
        scrub.frame_back = crate::stats(&steps("Left")).median;
        scrub.second_back = crate::stats(&steps("shift+Left")).median;
    }
    dev.ctrl_c();
    dev.wait_exit(Duration::from_secs(60));
    (per_frame, swaps, state_changed, kept, scrub)
}

/// From `key` going down to the window showing something else, read from outside: the end of the first
/// screenshot that differs (so it includes up to one screenshot's time, reported beside it). The key
/// goes up 50 ms later, as a tap does, before it would repeat.
fn shown_after(x: &XServer, window: &str, key: &str) -> Duration {
    let before = x.screenshot(window).expect("a screenshot");
    x.key_down(window, key);
    let started = Instant::now();
    let shown = std::thread::scope(|scope| {
        scope.spawn(|| {
            std::thread::sleep(Duration::from_millis(50));
            x.key_up(key);
        });
        support::wait_for(Duration::from_secs(60), Duration::from_millis(1), || {
            (x.screenshot(window)? != before).then(|| started.elapsed())
        })
    });
    // Whatever else changes, the frame is then computed: nothing more is shown until the next key.
    std::thread::sleep(Duration::from_millis(300));
    shown.unwrap_or_else(|| panic!("{key} while paused showed nothing new in 60 s"))
}

fn clock_ticks() -> u64 {
    // SAFETY: sysconf reads a constant of the system.
    (unsafe { libc::sysconf(libc::_SC_CLK_TCK) }).max(1) as u64
}

pub fn report(rows: &[Row]) -> String {
    let mut out = format!(
        "\nA `State` of many entities (position, velocity, colour, a name; all moved each frame, 100 drawn) \
         under `just dev`: CPU time per frame from outside ({} s after {} s of start-up), with F8's history \
         and without (`HOT_REWIND=off`, which keeps only the newest snapshot, for a panic or an endless loop), \
         the main-thread pause of {RELOADS} reloads after an edit of code only (from the swap's start to the new \
         code's first frame done: the state handed over, saved, then read straight back, as nothing in `State` \
         changed) and of one that adds a field to `State` (read by its fields' names, then what was saved and what was read compared in outline), what F8 said it kept after about {} s, and from F8's pause \
         the time from an arrow key to the window showing the frame before (Left) or the one a second \
         before (Shift+Left), each the median of {STEPS}, read from the window's pixels (a screenshot's own \
         time beside it, part of each):\n\n\
         | entities | the state as JSON (`state.json`) | CPU per frame, history | without | ratio | reload pause, code edit (median, max) | `State` edit | F8 kept | F8: a frame back | a second back | screenshot |\n\
         |---|---|---|---|---|---|---|---|---|---|---|\n",
        MEASURE.as_secs(),
        SETTLE.as_secs(),
        (SETTLE + MEASURE).as_secs() + 5,
    );
    for row in rows {
        let mut swaps = row.swaps.clone();
        swaps.sort();
        let median = swaps.get(swaps.len() / 2).copied().unwrap_or_default();
        let max = swaps.last().copied().unwrap_or_default();
        out += &format!(
            "| {} | {:.1} MB | {:.2} ms | {:.2} ms | {:.2}x | {} ms, {} ms | {} ms | {} | {} ms | {} ms | {} ms |\n",
            row.entities,
            row.state_bytes as f64 / (1 << 20) as f64,
            row.with_history.as_secs_f64() * 1000.0,
            row.without.as_secs_f64() * 1000.0,
            row.with_history.as_secs_f64() / row.without.as_secs_f64().max(1e-9),
            median.as_millis(),
            max.as_millis(),
            row.state_changed.as_millis(),
            row.kept,
            row.scrub.frame_back.as_millis(),
            row.scrub.second_back.as_millis(),
            row.scrub.screenshot.as_millis(),
        );
    }
    out
}
