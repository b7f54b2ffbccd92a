//! The same-run reference to Dioxus' hot-patching: the bench game's look as a one-crate macroquad app
//! (`scenes/dx_app.rs`) under `dx serve --hot-patch`, edited and timed by the same probe as `just dev`
//! (save -> the new colour read from the window). A bench-only tool: `dx` is not installed by the
//! template, its tests or CI (`cargo install --locked dioxus-cli@0.7.10` takes about 26 minutes here);
//! without it the report says so and how to get it.

use std::fs;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::{Scratch, XServer};

use crate::{Colours, RESTART_POLL};

/// The version the bench was written against: subsecond's protocol changes between releases, so the
/// app's `dioxus-devtools` is pinned to the same version as the `dx` that patches it.
const VERSION: &str = "0.7.10";

const MANIFEST: &str = r#"[package]
name = "bench-game"
version = "0.1.0"
edition = "2024"

[dependencies]
macroquad = { version = "0.4.16", default-features = false }
dioxus-devtools = "=VERSION"

# As the template's projects: dependencies optimised, the app's own crate not.
[profile.dev.package."*"]
opt-level = 3
"#;

pub struct Dx {
    pub version: String,
    pub to_pixels: Vec<Duration>,
}

/// `edits` one-line edits of the app's `BACKGROUND` under `dx serve --hot-patch`, or why it was not run.
pub fn run(x: &XServer, edits: usize) -> Result<Dx, String> {
    let version = Command::new("dx").arg("--version").output().ok().filter(|out| out.status.success());
    let Some(version) = version.map(|out| String::from_utf8_lossy(&out.stdout).trim().to_string()) else {
        return Err(format!("`dx` is not installed (`cargo install --locked dioxus-cli@{VERSION}`)"));
    };
    if !version.contains(VERSION) {
        return Err(format!("`{version}` is installed; this reference needs dioxus-cli {VERSION}"));
    }
    println!("the same game under `dx serve --hot-patch` ({version})...");
    let scratch = Scratch::new("hot-template-bench-dx");
    let app = scratch.0.join("bench-game");
    fs::create_dir_all(app.join("src")).unwrap();
    fs::write(app.join("Cargo.toml"), MANIFEST.replace("VERSION", VERSION)).unwrap();
    let main = app.join("src/main.rs");
    fs::copy(support::template_dir().join("tests/bench/scenes/dx_app.rs"), &main).unwrap();
    // Colours of its own: the game's project keeps the colour it showed last, for the next measurement.
    let mut colours = Colours::default();
    colours.edit_file(&main);

    let log = support::template_dir().join("target/bench/dx.log");
    fs::create_dir_all(log.parent().unwrap()).unwrap();
    let log = fs::File::create(&log).unwrap();
    let mut serve = x
        .command("dx")
        .args(["serve", "--hot-patch", "--interactive", "false", "--open", "false"])
        .current_dir(&app)
        .stdin(Stdio::null())
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .process_group(0)
        .spawn()
        .unwrap();
    let stop = |serve: &mut std::process::Child| {
        let _ = Command::new("kill").args(["-TERM", "--", &format!("-{}", serve.id())]).status();
        let _ = serve.wait();
    };
    let Some(window) = crate::window_showing(x, colours.current, Duration::from_secs(1200), RESTART_POLL) else {
        stop(&mut serve);
        return Err("the app's window never showed (`target/bench/dx.log` has dx's output)".to_string());
    };
    let mut to_pixels = Vec::new();
    for _ in 0..edits {
        std::thread::sleep(Duration::from_millis(700));
        let saved = Instant::now();
        colours.edit_file(&main);
        let seen = support::wait_for(Duration::from_secs(30), Duration::from_millis(1), || {
            (x.screenshot(&window)?.share_of(colours.current) > crate::SHOWING).then(|| saved.elapsed())
        });
        match seen {
            Some(seen) => to_pixels.push(seen),
            None => {
                stop(&mut serve);
                return Err(format!("an edit did not reach the window in 30 s (after {} did)", to_pixels.len()));
            }
        }
    }
    stop(&mut serve);
    println!("  dx: save -> pixels (ms): {:?}", to_pixels.iter().map(Duration::as_millis).collect::<Vec<_>>());
    Ok(Dx { version, to_pixels })
}
