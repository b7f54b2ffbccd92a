//! Ports of macroquad's own examples (from the `examples/` folder of the macroquad crate; nobody here
//! wrote them), made with the steps the README gives: `examples/` has every example that ports (the
//! README's table, checked by `check/ports.rs`). Eight of them are dropped into the game library of a
//! generated project here, each run next to the original, frame by frame (see `harness.rs`), with the
//! same input at the same frames; their windows must match pixel for pixel (within a stated tolerance).
//! Then the port is left running and its library edited: the same process shows the change.

pub mod shader_reload;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use support::{self, DevLoop, Image, Rgb, XServer};

struct Port {
    name: &'static str,
    /// The window title the original asks for.
    title: &'static str,
    source: &'static str,
    /// The example's files it loads, copied next to it.
    files: &'static [&'static str],
    script: &'static [Action],
    /// A part of the window that differs between runs (frames per second), left out of the comparison.
    mask: Option<(usize, usize)>,
    /// A library edit for the reload check (every occurrence is replaced), and the colour it makes most
    /// of the window; none where the picture has no plain background.
    edit: Option<(&'static str, &'static str, Rgb)>,
}

enum Action {
    /// Let the program run until it has run this many frames.
    RunTo(u64),
    Shot,
    KeyDown(&'static str),
    KeyUp(&'static str),
    MouseMove(usize, usize),
    MouseDown(usize, usize),
    MouseUp,
}
use Action::*;

const SKYBLUE: Rgb = [0x66, 0xbf, 0xff];

const PORTS: [Port; 8] = [
    Port {
        name: "asteroids",
        title: "Asteroids",
        source: include_str!("examples/asteroids.rs"),
        files: &[],
        // The start screen ("You Win!", centred with `measure_text`), then Enter and 30 frames of play.
        script: &[RunTo(10), Shot, KeyDown("Return"), RunTo(12), KeyUp("Return"), RunTo(40), Shot],
        mask: None,
        // The game-over screen's background too: running freely, the ship may be hit before the reload.
        edit: Some(("clear_background(LIGHTGRAY);", "clear_background(SKYBLUE);", SKYBLUE)),
    },
    Port {
        name: "rustaceanmark",
        title: "Rustaceanmark",
        source: include_str!("examples/rustaceanmark.rs"),
        files: &["rustacean_happy.png"],
        // The empty screen, then one frame with the mouse button down (100 rustaceans) and 30 frames.
        script: &[RunTo(5), Shot, MouseDown(400, 300), RunTo(6), MouseUp, RunTo(36), Shot],
        mask: Some((260, 24)),
        edit: Some(("clear_background(Color::default());", "clear_background(DARKBLUE);", [0x00, 0x51, 0xab])),
    },
    Port {
        name: "post_processing",
        title: "Post processing",
        source: include_str!("examples/post_processing.rs"),
        files: &[],
        // A render target drawn through a material (a CRT shader): it curves and darkens everything.
        script: &[RunTo(3), Shot],
        mask: None,
        edit: None,
    },
    Port {
        name: "letterbox",
        title: "Letterbox",
        source: include_str!("examples/letterbox.rs"),
        files: &[],
        // A 1280x720 canvas scaled into the window; the mouse (a black dot) mapped into the canvas.
        script: &[MouseMove(200, 200), RunTo(3), Shot, MouseMove(600, 420), RunTo(5), Shot],
        mask: None,
        edit: Some(("clear_background(LIGHTGRAY);", "clear_background(SKYBLUE);", SKYBLUE)),
    },
    Port {
        name: "life",
        title: "Life",
        source: include_str!("examples/life.rs"),
        files: &[],
        // An `Image` of the window's size, its pixels set and the texture updated every frame.
        script: &[RunTo(1), Shot, RunTo(4), Shot],
        mask: None,
        edit: None,
    },
    Port {
        name: "3d",
        title: "3D",
        source: include_str!("examples/3d.rs"),
        files: &["rust.png", "ferris.png"],
        // `Camera3D`, the grid, cubes (textured and wired), a textured plane, a sphere, then 2D text.
        script: &[RunTo(3), Shot],
        mask: None,
        edit: None,
    },
    Port {
        name: "text_wrap",
        title: "Text Wrap",
        source: include_str!("examples/text_wrap.rs"),
        files: &[],
        // Text wrapped at the mouse's x, measured and boxed.
        script: &[MouseMove(420, 300), RunTo(3), Shot, MouseMove(700, 300), RunTo(5), Shot],
        mask: None,
        edit: Some(("clear_background(BLACK);", "clear_background(DARKBLUE);", [0x00, 0x51, 0xab])),
    },
    Port {
        name: "custom_material",
        title: "Shaders",
        source: include_str!("examples/custom_material.rs"),
        files: &[],
        // Uniforms set between draws, a uniform array, alpha blending.
        script: &[RunTo(3), Shot],
        mask: None,
        edit: Some(("clear_background(GRAY);", "clear_background(SKYBLUE);", SKYBLUE)),
    },
];

/// Pixels that may differ by more than a rounding step (8 in any channel), as a share of the window.
const TOLERANCE: f64 = 0.001;

pub fn check(project: &Path, x: &XServer, name: &str) {
    let examples = macroquad_examples();
    let dir = project.join("examples");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("harness.rs"), include_str!("harness.rs")).unwrap();
    fs::write(project.join("lib/src/harness.rs"), include_str!("harness.rs")).unwrap();
    // `PORTS=3d,life` runs only those (for working on one port).
    let only = std::env::var("PORTS").ok();
    for port in
        PORTS.iter().filter(|port| only.as_ref().is_none_or(|only| only.split(',').any(|name| name == port.name)))
    {
        for file in port.files {
            fs::copy(examples.join(file), dir.join(file)).unwrap();
        }
        let original = fs::read_to_string(examples.join(format!("{}.rs", port.name))).unwrap();
        let original = format!(
            "#[path = \"harness.rs\"]\nmod harness;\n{}",
            once(&original, "    loop {\n", "    loop {\n        harness::step();\n")
        );
        fs::write(dir.join(format!("{}.rs", port.name)), original).unwrap();
        support::run(Command::new("cargo").args(["build", "--example", port.name]).current_dir(project));
        let control = support::target_dir(project).join("port-harness");
        let example = support::target_dir(project).join("debug/examples").join(port.name);
        let mut original = x
            .command(example.to_str().unwrap())
            .env("PORT_HARNESS", &control)
            .current_dir(project)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let expected = run_script(x, port, port.title, &control);
        let _ = original.kill();
        let _ = original.wait();

        let lib = format!(
            "#[path = \"harness.rs\"]\nmod harness;\n{}",
            once(
                port.source,
                "pub fn frame(state: &mut State) {\n",
                "pub fn frame(state: &mut State) {\n    harness::step();\n"
            )
        );
        fs::write(project.join("lib/src/lib.rs"), lib).unwrap();
        let _ = fs::remove_file(support::dev_file(project, "state.json"));
        let _ = fs::remove_file(&control);
        let mut dev = DevLoop::start(project, Some(x), &[("PORT_HARNESS", control.to_str().unwrap())]);
        let ported = run_script(x, port, name, &control);
        // The comparison is not of two blank windows: the original drew something, and the input changed it.
        for shot in &expected {
            assert!(commonest_share(shot) < 0.999, "port {}: the original's window is one colour", port.name);
        }
        if let [first, second, ..] = &expected[..] {
            let changed = differing_share(first, second, port.mask);
            assert!(changed > 0.001, "port {}: the script changed nothing on screen", port.name);
        }
        for (i, (expected, ported)) in expected.iter().zip(&ported).enumerate() {
            expected.save_png(&support::template_dir().join(format!("target/ports/{}-{i}-original.png", port.name)));
            ported.save_png(&support::template_dir().join(format!("target/ports/{}-{i}-port.png", port.name)));
            let differing = differing_share(expected, ported, port.mask);
            eprintln!(
                "port {}: screen {i}: {:.4} % of the pixels differ from the original",
                port.name,
                differing * 100.0
            );
            if differing > TOLERANCE {
                panic!(
                    "port {}: screen {i} differs from the original's in {:.3} % of its pixels (see target/ports/):\n{}",
                    port.name,
                    differing * 100.0,
                    dev.log()
                );
            }
        }

        // Let it run freely and edit it: the same process reloads and shows the edit.
        if let Some(edit) = port.edit {
            fs::write(&control, u64::MAX.to_string()).unwrap();
            check_edit(project, x, name, port.name, edit, &dev);
        }
        dev.ctrl_c();
        dev.wait_exit(Duration::from_secs(20)).expect("`just dev` should stop");
    }
}

fn check_edit(
    project: &Path,
    x: &XServer,
    name: &str,
    port: &str,
    (from, to, background): (&str, &str, Rgb),
    dev: &DevLoop,
) {
    let pid = support::game_pid(project, name).expect("the port's game process");
    let window = x.window(name).unwrap();
    let lib = project.join("lib/src/lib.rs");
    fs::write(&lib, fs::read_to_string(&lib).unwrap().replace(from, to)).unwrap();
    support::wait_for(Duration::from_secs(20), Duration::from_millis(50), || {
        (x.screenshot(&window)?.share_of(background) > 0.5).then_some(())
    })
    .unwrap_or_else(|| {
        if let Some(shot) = x.screenshot(&window) {
            shot.save_png(&support::template_dir().join(format!("target/ports/{port}-edit.png")));
        }
        let windows = support::run(x.command("xdotool").args(["search", "--name", &format!("^{name}$")]));
        let windows = String::from_utf8_lossy(&windows.stdout).replace('\n', " ");
        panic!(
            "port {port}: the edit did not show in window {window} (windows: {windows}; see target/ports/):\n{}",
            dev.log()
        )
    });
    assert!(dev.log().contains("[hot] reloaded library v1"), "{}", dev.log());
    assert_eq!(support::game_pid(project, name), Some(pid), "port {port}: the edit must not restart the game");
}

/// Runs `port.script` on the program whose window is titled `title`; the screenshots it took.
fn run_script(x: &XServer, port: &Port, title: &str, control: &Path) -> Vec<Image> {
    fs::write(control, "0").unwrap();
    // The frame count the last program reached is not this one's.
    let _ = fs::remove_file(control.with_extension("at"));
    // Found and focused once it is mapped (focusing a window not yet on screen fails).
    let window = support::wait_for(Duration::from_secs(600), Duration::from_millis(100), || {
        let window = x.window(title)?;
        let focused = x.command("timeout").args(["10", "xdotool", "windowfocus", "--sync", &window]).output().ok()?;
        focused.status.success().then_some(window)
    })
    .unwrap_or_else(|| panic!("no window titled {title}"));
    let tool = |args: &[&str]| drop(support::run(x.command("xdotool").args(args)));
    let mut shots = Vec::new();
    for action in port.script {
        match *action {
            RunTo(frames) => {
                fs::write(control, frames.to_string()).unwrap();
                let at = control.with_extension("at");
                support::wait_for(Duration::from_secs(60), Duration::from_millis(10), || {
                    (fs::read_to_string(&at).ok()?.trim().parse::<u64>().ok()? == frames).then_some(())
                })
                .unwrap_or_else(|| panic!("{title} did not reach frame {frames}"));
            }
            Shot => shots.push(x.screenshot(&window).expect("a screenshot")),
            KeyDown(key) => tool(&["keydown", key]),
            KeyUp(key) => tool(&["keyup", key]),
            MouseMove(mx, my) => tool(&["mousemove", "--window", &window, &mx.to_string(), &my.to_string()]),
            MouseDown(mx, my) => {
                tool(&["mousemove", "--window", &window, &mx.to_string(), &my.to_string()]);
                tool(&["mousedown", "1"]);
            }
            MouseUp => tool(&["mouseup", "1"]),
        }
    }
    shots
}

fn differing_share(a: &Image, b: &Image, mask: Option<(usize, usize)>) -> f64 {
    assert_eq!((a.width, a.height), (b.width, b.height), "the windows differ in size");
    let masked = |x: usize, y: usize| mask.is_some_and(|(w, h)| x < w && y < h);
    let differing = (0..a.height)
        .flat_map(|y| (0..a.width).map(move |x| (x, y)))
        .filter(|&(x, y)| !masked(x, y) && a.pixel(x, y).iter().zip(b.pixel(x, y)).any(|(&p, q)| p.abs_diff(q) > 8))
        .count();
    differing as f64 / (a.width * a.height) as f64
}

/// How much of the window its commonest colour covers.
fn commonest_share(shot: &Image) -> f64 {
    let mut counts = HashMap::new();
    for y in 0..shot.height {
        for x in 0..shot.width {
            *counts.entry(shot.pixel(x, y)).or_insert(0usize) += 1;
        }
    }
    *counts.values().max().unwrap_or(&0) as f64 / (shot.width * shot.height) as f64
}

fn once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "`{from}` should be in the program once");
    text.replace(from, to)
}

/// The `examples/` folder of the macroquad crate cargo unpacked for the build.
pub fn macroquad_examples() -> PathBuf {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map_or_else(|| PathBuf::from(std::env::var("HOME").unwrap()).join(".cargo"), PathBuf::from);
    let registries = fs::read_dir(cargo_home.join("registry/src")).expect("cargo's registry sources");
    registries
        .flatten()
        .map(|registry| registry.path().join("macroquad-0.4.16/examples"))
        .find(|examples| examples.exists())
        .expect("macroquad 0.4.16's examples in cargo's registry")
}
