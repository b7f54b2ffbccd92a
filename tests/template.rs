//! End-to-end tests of the template: generate a project with the real cargo-generate, run its
//! `just dev` under a real X server, edit its library and watch the running window change.

mod support;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use support::{DevLoop, Image, Rgb, Scratch, XServer};

const NAME: &str = "pixel-racer";
const BACKGROUND: Rgb = [0x1d, 0x23, 0x33];
const PLAYER: Rgb = [0x4c, 0xc9, 0xf0];
/// A cold build of macroquad on two cores takes a few minutes.
const FIRST_BUILD: Duration = Duration::from_secs(20 * 60);

#[test]
fn liquid_twins_match_their_manifests_apart_from_the_name() {
    for manifest in ["Cargo.toml", "lib/Cargo.toml", "contract/Cargo.toml"] {
        let dir = support::template_dir();
        let real = fs::read_to_string(dir.join(manifest)).unwrap();
        let twin = fs::read_to_string(dir.join(format!("{manifest}.liquid"))).unwrap();
        assert!(twin.contains("{{project-name}}"), "{manifest}.liquid should carry the project name");
        assert_eq!(twin.replace("{{project-name}}", "starter"), real, "{manifest} and its .liquid twin differ");
    }
}

#[test]
fn generated_project_hot_reloads_keeps_state_and_stops_cleanly() {
    support::require_all_tools();
    let x = XServer::start();
    let scratch = Scratch::new("hot-template-e2e");
    let project = support::generate(&scratch, NAME, &[]);
    check_generated_names(&project);

    // The dev loop opens the window with the starter's background.
    let mut dev = DevLoop::start(&project, &x);
    let window = support::wait_for(FIRST_BUILD, Duration::from_millis(500), || {
        let window = x.window(NAME)?;
        let shot = x.screenshot(&window)?;
        (shot.share_of(BACKGROUND) > 0.6).then_some(window)
    })
    .unwrap_or_else(|| panic!("no window showing BACKGROUND; `just dev` printed:\n{}", dev.log()));
    let game = support::game_pid(&project, NAME).expect("the game process");
    save_screenshot(&x.screenshot(&window).unwrap());

    // Move the player, so there is state to keep.
    let start = player(&x, &window);
    x.hold_key(&window, "Right", Duration::from_millis(600));
    let moved = player(&x, &window);
    assert!(moved.0 > start.0 + 50, "the arrow key should move the player: {start:?} -> {moved:?}");

    // The user's first edit: the background colour.
    let saved = Instant::now();
    support::edit(&project.join("lib/src/lib.rs"), "Color::rgb(0x1d, 0x23, 0x33)", "Color::rgb(0x6a, 0x3d, 0x9a)");
    support::wait_for(Duration::from_secs(10), Duration::from_millis(20), || {
        (x.screenshot(&window)?.share_of([0x6a, 0x3d, 0x9a]) > 0.6).then_some(())
    })
    .unwrap_or_else(|| panic!("the window did not change within 10 s; `just dev` printed:\n{}", dev.log()));
    eprintln!("edit -> visible: {} ms", saved.elapsed().as_millis());
    assert_eq!(support::game_pid(&project, NAME), Some(game), "the game must not restart for a library edit");
    assert!(dev.log().contains("[hot] reloaded library v1,"), "no reload line in:\n{}", dev.log());
    assert_eq!(player(&x, &window), moved, "the state (player position) must survive the reload");

    // Ctrl-C stops everything, and the game saves its state on the way out.
    dev.ctrl_c();
    let status = dev.wait_exit(Duration::from_secs(20)).expect("`just dev` should exit after Ctrl-C");
    // just reports an interrupted recipe with 130, as shells do, even when the recipe stopped cleanly.
    assert!(matches!(status.code(), Some(0 | 130)), "`just dev` after Ctrl-C: {status}\n{}", dev.log());
    assert!(dev.log().contains("just dev: stopping"), "the dev loop should stop its watchers:\n{}", dev.log());
    let left = support::processes_in(&project);
    assert!(left.is_empty(), "processes left behind after Ctrl-C: {left:?}");
    assert!(project.join("target/hot/dev-state.json").exists(), "the state should be saved on exit");

    check_static_release_build(&project, &x);
}

fn check_generated_names(project: &Path) {
    let manifest = |path: &str| fs::read_to_string(project.join(path)).unwrap();
    assert!(manifest("Cargo.toml").contains(&format!("name = \"{NAME}\"")));
    assert!(manifest("Cargo.toml").contains(&format!("package = \"{NAME}-game\"")));
    assert!(manifest("lib/Cargo.toml").contains(&format!("name = \"{NAME}-game\"")));
    assert!(manifest("contract/Cargo.toml").contains(&format!("name = \"{NAME}-contract\"")));
    for left_out in ["tests", ".ci", "target", "Cargo.toml.liquid", "lib/Cargo.toml.liquid"] {
        assert!(!project.join(left_out).exists(), "{left_out} should not be in a generated project");
    }
    // Everything else is copied as it is, so generation cannot break the Rust sources.
    for source in ["src/main.rs", "src/hot_reload.rs", "lib/src/lib.rs", "lib/src/exports.rs", "contract/src/lib.rs"] {
        let template = fs::read_to_string(support::template_dir().join(source)).unwrap();
        assert_eq!(fs::read_to_string(project.join(source)).unwrap(), template, "{source} changed in generation");
    }
}

/// The player's top-left corner, read from the window.
fn player(x: &XServer, window: &str) -> (usize, usize) {
    x.screenshot(window).and_then(|shot| shot.find(PLAYER, 40)).expect("the player square on screen")
}

/// The plain build: no hot-reload code, and the game still runs (with the edited colour).
fn check_static_release_build(project: &Path, x: &XServer) {
    support::run(Command::new("cargo").args(["build", "--release"]).current_dir(project));
    let tree = support::run(Command::new("cargo").args(["tree", "-e", "normal"]).current_dir(project));
    let tree = String::from_utf8_lossy(&tree.stdout);
    assert!(tree.contains(&format!("{NAME}-game")), "the static build links the game:\n{tree}");
    for hot_only in ["hot-lib-reloader", "ctrlc"] {
        assert!(!tree.contains(hot_only), "the static build must not depend on {hot_only}:\n{tree}");
    }
    let binary = fs::read(project.join("target/release").join(NAME)).unwrap();
    assert!(!contains(&binary, b"hot_lib_reloader"), "the release binary contains hot-reload code");

    let mut game = x.command(project.join("target/release").join(NAME).to_str().unwrap()).current_dir(project).spawn().unwrap();
    let shown = support::wait_for(Duration::from_secs(30), Duration::from_millis(200), || {
        (x.screenshot(&x.window(NAME)?)?.share_of([0x6a, 0x3d, 0x9a]) > 0.6).then_some(())
    });
    let _ = game.kill();
    let _ = game.wait();
    shown.expect("the release build should open the window with the edited background");
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|window| window == needle)
}

/// Keeps the newest screenshot of the starter for the README.
fn save_screenshot(shot: &Image) {
    let path = support::template_dir().join("target/starter.png");
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    shot.save_png(&path);
}
