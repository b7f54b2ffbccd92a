//! End-to-end test of the bevy starter (`--define starter=bevy`): Bevy systems in the hot library, the
//! World in the binary. Generated with the real cargo-generate, run with its own `just dev` under a real
//! X server (Bevy renders through Mesa's software Vulkan, lavapipe), driven with xdotool and read from
//! outside (pixels, the window's title, the process's memory maps), edited while it runs.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use support::{DevLoop, Image, Rgb, Scratch, XServer};

const NAME: &str = "orbit-garden";
/// `BACKGROUND` in the starter's lib.rs, and what the test changes it to.
const BACKGROUND: Rgb = [0x1a, 0x1f, 0x2e];
const NEW_BACKGROUND: Rgb = [0x6a, 0x3d, 0x9a];
/// The body of `assets/player.png`, and the colour the test paints it over with.
const PLAYER: Rgb = [76, 201, 240];
const PAINTED: Rgb = [230, 40, 40];
/// A cold build of Bevy takes minutes on two cores.
const FIRST_BUILD: Duration = Duration::from_secs(30 * 60);
const RELOAD: Duration = Duration::from_secs(20);

#[test]
fn bevy_starter_moves_reloads_systems_and_assets_and_restarts_for_a_component_change() {
    support::require_all_tools();
    let x = XServer::start();
    let scratch = Scratch::new("hot-template-bevy");
    let project = support::generate(&scratch, NAME, &["starter=bevy"]);
    check_only_the_bevy_starter(&project);
    support::check_workflow(&project);

    // Its unit test, built the way the hot build builds (profile `hot`, Bevy as a shared library), so that
    // it shares that build of Bevy.
    let cold = Instant::now();
    let game = format!("{NAME}-game");
    support::run(
        Command::new("cargo")
            .args(["test", "-p", &game, "--profile", "hot", "--features", "reload"])
            .current_dir(&project),
    );
    eprintln!("cold build of the bevy starter's library and its test (profile hot): {} s", cold.elapsed().as_secs());

    let started = Instant::now();
    let mut dev = DevLoop::start(&project, Some(&x), &[]);
    let window = support::wait_for(FIRST_BUILD, Duration::from_millis(500), || {
        let window = x.window(NAME)?;
        let shot = x.screenshot(&window)?;
        (shot.share_of(BACKGROUND) > 0.3 && shot.top_left(PLAYER, 1_000).is_some()).then_some(window)
    })
    .unwrap_or_else(|| panic!("no window showing the scene; `just dev` printed:\n{}", dev.log()));
    eprintln!("`just dev` to the first frame: {} s", started.elapsed().as_secs());
    let pid = support::game_pid(&project, NAME).expect("the game's process");
    let shot = || x.screenshot(&window).expect("a screenshot of the window");
    let expect_screen = |what: &str, check: &dyn Fn(&Image) -> bool| {
        support::wait_for(RELOAD, Duration::from_millis(20), || check(&shot()).then_some(()))
            .unwrap_or_else(|| panic!("the window never showed {what}; `just dev` printed:\n{}", dev.log()))
    };
    check_one_bevy(pid);

    // A keypress moves the player (a system of the library, reading Bevy's input).
    let start = shot().top_left(PLAYER, 1_000).unwrap();
    x.hold_key(&window, "Right", Duration::from_millis(400));
    let moved = settled(&|| shot().top_left(PLAYER, 1_000));
    assert!(
        moved.0 > start.0 + 40 && moved.1.abs_diff(start.1) < 3,
        "the player should move right: {start:?} -> {moved:?}"
    );

    // A constant of a system: the same process shows the new background, the player where it was.
    let lib = project.join("lib/src/lib.rs");
    let saved = Instant::now();
    support::edit(&lib, "Color::srgb_u8(0x1a, 0x1f, 0x2e)", "Color::srgb_u8(0x6a, 0x3d, 0x9a)");
    expect_screen("the new background", &|shot| shot.share_of(NEW_BACKGROUND) > 0.3);
    eprintln!("constant edit -> visible: {} ms", saved.elapsed().as_millis());
    let after = shot();
    after.save_png(&support::template_dir().join("target/bevy-starter.png")); // for the README
    assert_eq!(after.top_left(PLAYER, 1_000), Some(moved), "the player should stay where it was");
    assert_eq!(support::game_pid(&project, NAME), Some(pid), "a reload must not restart the game");
    assert!(dev.log().contains("[hot] reloaded library v1,"), "{}", dev.log());

    // A new system, added while the game runs (its parameters are new to the binary): it runs.
    support::edit(
        &lib,
        "schedule.add_systems((move_player, orbit, paint));",
        "schedule.add_systems((move_player, orbit, paint, grow));\n}\n\nfn grow(mut player: Single<&mut Transform, With<Player>>) {\n    player.scale = Vec3::splat(2.0);",
    );
    let small = pixels_of(&after, PLAYER);
    expect_screen("the player grown by the new system", &|shot| pixels_of(shot, PLAYER) > small * 3);
    assert_eq!(support::game_pid(&project, NAME), Some(pid), "a new system must not restart the game");

    // An asset saved over while the game runs: Bevy's file watcher reloads it.
    let image = project.join("assets/player.png");
    support::repaint_png(&image, &image, |_| Some([230, 40, 40]));
    expect_screen("the repainted player", &|shot| pixels_of(shot, PAINTED) > small * 3 && pixels_of(shot, PLAYER) == 0);

    // A panic in a system: the game's systems pause, the title says so, the window keeps drawing; a
    // fixing save brings them back, with the world as it was.
    let body = "    let step = direction.normalize_or_zero()";
    let kaboom = "    panic!(\"kaboom in a system\");\n";
    support::edit(&lib, body, &format!("{kaboom}{body}"));
    support::wait_for(RELOAD, Duration::from_millis(100), || x.title(&window).filter(|title| title.contains("paused")))
        .unwrap_or_else(|| panic!("the title should say the game is paused:\n{}", dev.log()));
    assert!(dev.log().contains("kaboom in a system"), "{}", dev.log());
    assert_eq!(support::game_pid(&project, NAME), Some(pid), "a panic must not end the game");
    let painted = settled(&|| shot().top_left(PAINTED, 1_000));
    support::edit(&lib, kaboom, "");
    support::wait_for(RELOAD, Duration::from_millis(100), || x.title(&window).filter(|title| title == NAME))
        .unwrap_or_else(|| panic!("the title should be back after the fix:\n{}", dev.log()));
    assert_eq!(shot().top_left(PAINTED, 1_000), Some(painted), "the player should stay where it was");
    check_one_bevy(pid);

    // A component changed: the binary notices the library does not fit, rebuilds itself and restarts in
    // place (by `exec`: the same process id), with the new contract and a new World.
    let contract = project.join("contract/src/lib.rs");
    support::edit(&contract, "pub struct Walked(pub f32);", "pub struct Walked(pub f32, pub u32);");
    support::edit(&lib, "walked.0 += step.length();", "walked.0 += step.length();\n    walked.1 += 1;");
    support::wait_for(FIRST_BUILD, Duration::from_millis(200), || {
        dev.log().contains("[hot] restarting with the new contract").then_some(())
    })
    .unwrap_or_else(|| panic!("the game did not restart after a component change:\n{}", dev.log()));
    let restarted = pid;
    support::wait_for(FIRST_BUILD, Duration::from_millis(500), || {
        let window = x.window(NAME)?;
        x.screenshot(&window)?.top_left(PAINTED, 1_000)
    })
    .unwrap_or_else(|| panic!("the restarted game shows no scene:\n{}", dev.log()));
    assert_eq!(support::game_pid(&project, NAME), Some(restarted), "one restart");

    // Ctrl-C: everything stops.
    dev.ctrl_c();
    dev.wait_exit(Duration::from_secs(20)).expect("`just dev` should exit after Ctrl-C");
    let left = support::processes_in(&project);
    assert!(left.is_empty(), "processes left behind after Ctrl-C: {left:?}");

    // The generated CI workflow's Linux steps, as GitHub would run them (this starter's own `hot-build` alias).
    support::run_workflow_hot_reload(&project);

    check_static_release_build(&project, &x);
}

fn check_only_the_bevy_starter(project: &Path) {
    let file = |path: &str| fs::read_to_string(project.join(path)).unwrap_or_else(|_| panic!("{path} should exist"));
    assert!(file("Cargo.toml").contains("bevy/dynamic_linking"), "the bevy starter's manifest");
    assert!(file("lib/src/lib.rs").contains("fn move_player("), "the bevy starter's library");
    assert!(file("README.md").contains("Bevy"), "the README tells about Bevy");
    for left_out in [
        "starters",
        "tests",
        ".ci",
        "cargo-generate.toml",
        "docs/starter.png",
        "contract/src/boundary.rs",
        "src/draw.rs",
        "assets/kick.wav",
    ] {
        assert!(!project.join(left_out).exists(), "{left_out} should not be in a bevy project");
    }
    for kept in ["hot/src/host/library.rs", "hot/scripts/dev.sh", "assets/player.png", "docs/bevy-starter.png"] {
        assert!(project.join(kept).exists(), "{kept} should be in a bevy project");
    }
}

/// One Bevy in the process: the binary and every loaded build of the game library share one
/// `libbevy_dylib`; and every build of the library loaded so far is still mapped (kept loaded on purpose).
fn check_one_bevy(pid: u32) {
    let maps = fs::read_to_string(format!("/proc/{pid}/maps")).unwrap();
    let mut bevy: Vec<&str> = maps
        .lines()
        .filter_map(|line| line.split_whitespace().nth(5))
        .filter(|path| path.contains("libbevy_dylib"))
        .collect();
    bevy.dedup();
    assert_eq!(bevy.len(), 1, "one Bevy shared library: {bevy:?}");
}

/// `read` once it gives the same answer twice in a row, 200 ms apart (the player has stopped).
fn settled<T: PartialEq + std::fmt::Debug>(read: &dyn Fn() -> Option<T>) -> T {
    let mut last = None;
    support::wait_for(RELOAD, Duration::from_millis(200), || {
        let now = read();
        let same = now.is_some() && now == last;
        last = now;
        same.then(|| last.take()).flatten()
    })
    .expect("a steady picture")
}

fn pixels_of(shot: &Image, color: Rgb) -> usize {
    (0..shot.height)
        .flat_map(|y| (0..shot.width).map(move |x| (x, y)))
        .filter(|&(x, y)| support::close(shot.pixel(x, y), color))
        .count()
}

/// `cargo build --release`: Bevy linked in statically, no hot-reload code, and it shows the scene.
fn check_static_release_build(project: &Path, x: &XServer) {
    let started = Instant::now();
    support::run(Command::new("cargo").args(["build", "--release"]).current_dir(project));
    eprintln!("cold release build of the bevy starter: {} s", started.elapsed().as_secs());
    let release = support::target_dir(project).join("release").join(NAME);
    let binary = fs::read(&release).unwrap();
    assert!(!binary.windows(16).any(|w| w == b"hot_lib_reloader"), "the release binary contains hot-reload code");
    let ldd = support::run(Command::new("ldd").arg(&release));
    assert!(!String::from_utf8_lossy(&ldd.stdout).contains("bevy"), "the release binary links Bevy statically");
    let mut game = x.command(release.to_str().unwrap()).current_dir(project).spawn().unwrap();
    let shown = support::wait_for(Duration::from_secs(60), Duration::from_millis(500), || {
        let window = x.window(NAME)?;
        let shot = x.screenshot(&window)?;
        (shot.share_of(BACKGROUND) > 0.3 || shot.share_of(NEW_BACKGROUND) > 0.3).then_some(())
    });
    let _ = game.kill();
    let _ = game.wait();
    shown.expect("the release build should open the window and draw the scene");
}
