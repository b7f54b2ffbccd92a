//! End-to-end test of the minimal starter (`--define starter=minimal`): a terminal loop, no window.
//! Generated with the real cargo-generate, run with its own `just dev`, edited while it runs.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use support::{DevLoop, Scratch};

const NAME: &str = "tick-tock";
const FIRST_BUILD: Duration = Duration::from_secs(10 * 60);
const RELOAD: Duration = Duration::from_secs(10);

#[test]
fn minimal_starter_generates_builds_and_hot_reloads_in_the_terminal() {
    support::require_cargo_tools();
    let scratch = Scratch::new("hot-template-minimal");
    let project = support::generate(&scratch, NAME, &["starter=minimal"]);
    check_only_the_minimal_starter(&project);
    support::check_workflow(&project);

    // Its own checks and tests, as its README runs them: formatting, lints, the tests in the plain build
    // and in the hot build's configuration.
    support::run(Command::new("just").arg("test").current_dir(&project));

    let mut dev = DevLoop::start(&project, None, &[]);
    let first = wait_for_line(&dev, 0, FIRST_BUILD, "tick ", "Hello from the reloadable library!");
    let pid = support::game_pid(&project, NAME).expect("the program's process");

    // The README's first step: change MESSAGE; the same process prints it, its tick count going on.
    let lib = project.join("lib/src/lib.rs");
    support::edit(&lib, "\"Hello from the reloadable library!\"", "\"Hello, hot reload!\"");
    let reloaded = wait_for_line(&dev, first.end, RELOAD, "[hot] reloaded library v1,", "");
    let changed = wait_for_line(&dev, reloaded.end, RELOAD, "tick ", "Hello, hot reload!");
    assert_eq!(support::game_pid(&project, NAME), Some(pid), "the program must not restart");
    assert!(changed.tick > first.tick, "the tick count should go on: {} then {}", first.tick, changed.tick);

    // A panic: reported, the program keeps running, and a fixing save recovers.
    let line_fn = "pub fn line(tick: u64) -> String {";
    support::edit(&lib, line_fn, &format!("{line_fn}\n    panic!(\"kaboom\");"));
    let panicked = wait_for_line(&dev, changed.end, RELOAD, "[hot] the library panicked: kaboom", "");
    support::edit(&lib, "\n    panic!(\"kaboom\");", "");
    let recovered = wait_for_line(&dev, panicked.end, RELOAD, "tick ", "Hello, hot reload!");
    assert_eq!(support::game_pid(&project, NAME), Some(pid), "a panic must not end the program");

    // An endless loop: reported, and the fixing save restarts the program (in place) with the new code.
    let endless = "\n    while std::hint::black_box(true) {}";
    support::edit(&lib, line_fn, &format!("{line_fn}{endless}"));
    let stuck = wait_for_line(&dev, recovered.end, RELOAD, "[hot] `tick` has not returned for 1 s", "");
    support::edit(&lib, endless, "");
    let restarted = wait_for_line(&dev, stuck.end, RELOAD, "[hot] a new build of the library is here", "");
    let recovered = wait_for_line(&dev, restarted.end, RELOAD, "tick ", "Hello, hot reload!");
    assert_eq!(support::game_pid(&project, NAME), Some(pid), "the program restarts itself in place");

    // A comment in the entry points changes nothing the binary depends on: the library reloads.
    let exports = project.join("lib/src/exports.rs");
    let text = fs::read_to_string(&exports).unwrap();
    fs::write(&exports, text.replace("/// Runs one tick", "/// Runs a tick")).unwrap();
    let commented = wait_for_line(&dev, recovered.end, RELOAD, "[hot] reloaded library v", "");
    assert!(!dev.log().contains("rebuilding the binary"), "a comment must not rebuild the binary:\n{}", dev.log());
    // A new entry point: the binary notices that the library does not fit it, rebuilds itself and
    // restarts in place with the new code.
    fs::write(
        &exports,
        format!("{text}\n#[cfg_attr(feature = \"reload\", unsafe(no_mangle))]\npub fn speed() -> u32 {{\n    2\n}}\n"),
    )
    .unwrap();
    let rebuilding = wait_for_line(&dev, commented.end, RELOAD, "[hot] rebuilding the binary", "");
    let restarted = wait_for_line(&dev, rebuilding.end, FIRST_BUILD, "[hot] watching", "");
    wait_for_line(&dev, restarted.end, RELOAD, "tick ", "Hello, hot reload!");
    assert_eq!(support::game_pid(&project, NAME), Some(pid), "the program restarts itself in place");

    dev.ctrl_c();
    dev.wait_exit(Duration::from_secs(20)).expect("`just dev` should exit after Ctrl-C");
    let left = support::processes_in(&project);
    assert!(left.is_empty(), "processes left behind after Ctrl-C: {left:?}");

    // When one watcher dies, `just dev` stops the other and the program too.
    let mut dev = DevLoop::start(&project, None, &[]);
    wait_for_line(&dev, 0, FIRST_BUILD, "[hot] watching", "");
    let lib_watcher = support::processes_in(&project).into_iter().find(|pid| {
        let cmdline = fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
        cmdline.contains("cargo-watch") && cmdline.contains("build-lib")
    });
    support::run(Command::new("kill").args(["-KILL", &lib_watcher.expect("the library watcher").to_string()]));
    dev.wait_exit(Duration::from_secs(20)).expect("`just dev` should exit when a watcher dies");
    assert!(dev.log().contains("a watcher stopped"), "{}", dev.log());
    let left = support::processes_in(&project);
    assert!(left.is_empty(), "processes left behind after a watcher died: {left:?}");

    // The generated CI workflow's Linux steps, as GitHub would run them.
    support::run_workflow_hot_reload(&project);

    // The plain build links the library in and has no hot-reload code.
    let tree = support::run(Command::new("cargo").args(["tree", "-e", "normal"]).current_dir(&project));
    let tree = String::from_utf8_lossy(&tree.stdout);
    assert!(
        tree.contains(&format!("{NAME}-game")) && !tree.contains("hot-lib-reloader") && !tree.contains("ctrlc"),
        "{tree}"
    );
}

fn check_only_the_minimal_starter(project: &Path) {
    let read = |path: &str| fs::read_to_string(project.join(path)).unwrap_or_else(|_| panic!("{path} in the project"));
    assert!(read("Cargo.toml").contains(&format!("name = \"{NAME}\"")));
    assert!(read("lib/Cargo.toml").contains(&format!("name = \"{NAME}-game\"")));
    assert!(read("lib/src/lib.rs").contains("pub const MESSAGE"));
    assert!(read("README.md").contains("minimal starter"));
    for file in ["Cargo.toml", "lib/Cargo.toml", "Cargo.lock"] {
        if let Ok(text) = fs::read_to_string(project.join(file)) {
            assert!(!text.contains("macroquad"), "{file} should not mention macroquad:\n{text}");
        }
    }
    let macroquad_only = ["contract", "assets", "src/draw.rs", "src/gui.rs", "src/hot_reload"];
    for left_out in macroquad_only.into_iter().chain(["starters", "docs", "tests", ".ci", "cargo-generate.toml"]) {
        assert!(!project.join(left_out).exists(), "{left_out} should not be in a minimal project");
    }
    for shared in
        ["justfile", ".cargo/config.toml", "hot/src/host/library.rs", "hot/scripts/dev.sh", ".github/workflows/ci.yml"]
    {
        assert!(project.join(shared).exists(), "{shared} should be in a minimal project");
    }
}

/// A line of `just dev`'s output, after byte `from`, that starts with `prefix` and contains `text`.
struct Line {
    /// Where the line ends in the output.
    end: usize,
    /// The tick number, for `tick N: ...` lines.
    tick: u64,
}

fn wait_for_line(dev: &DevLoop, from: usize, timeout: Duration, prefix: &str, text: &str) -> Line {
    support::wait_for(timeout, Duration::from_millis(50), || {
        let log = dev.log();
        let mut at = from;
        for line in log.get(from..)?.split_inclusive('\n') {
            at += line.len();
            if line.ends_with('\n') && line.starts_with(prefix) && line.contains(text) {
                let tick =
                    line.strip_prefix("tick ").and_then(|rest| rest.split(':').next()?.parse().ok()).unwrap_or(0);
                return Some(Line { end: at, tick });
            }
        }
        None
    })
    .unwrap_or_else(|| panic!("no line `{prefix}…{text}` within {timeout:?}:\n{}", dev.log()))
}
