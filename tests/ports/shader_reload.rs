//! A shader kept in a file under `assets/` reloads when saved, like a texture: the same process draws
//! with the new shader and the game's state is kept. A shader that does not compile is reported (the
//! GL compiler's message and the file, in the terminal and the window's banner) while the last one that
//! compiled keeps drawing; the next good save heals it.

use std::fs;
use std::path::Path;
use std::time::Duration;

use support::{DevLoop, Rgb, XServer};

/// A game that fills its window through a material whose fragment shader is `assets/tint.frag`.
const GAME: &str = r##"use contract::prelude::*;
use serde::{Deserialize, Serialize};

pub mod exports;

const VERTEX: &str = "#version 100
attribute vec3 position;
uniform mat4 Model;
uniform mat4 Projection;
void main() {
    gl_Position = Projection * Model * vec4(position, 1);
}";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct State {
    tint: Material,
}

impl Default for State {
    fn default() -> Self {
        block_on(async {
            let fragment = load_string("assets/tint.frag").await.unwrap();
            let tint = load_material(ShaderSource::Glsl { vertex: VERTEX, fragment: &fragment }, Default::default());
            State { tint: tint.unwrap() }
        })
    }
}

pub fn frame(state: &mut State) {
    clear_background(BLACK);
    gl_use_material(&state.tint);
    draw_rectangle(0.0, 0.0, screen_width(), screen_height(), WHITE);
    gl_use_default_material();
}
"##;

fn shader(rgb: &str) -> String {
    format!("#version 100\nprecision lowp float;\nvoid main() {{\n    gl_FragColor = vec4({rgb}, 1.0);\n}}\n")
}

const GREEN: (&str, Rgb) = ("0.0, 0.8, 0.2", [0, 204, 51]);
const BLUE: (&str, Rgb) = ("0.1, 0.2, 0.9", [26, 51, 230]);
const RED: (&str, Rgb) = ("0.9, 0.1, 0.1", [230, 26, 26]);
/// The banner the binary shows over the game when something is wrong (see `src/overlay.rs`).
const BANNER: Rgb = [0x5a, 0x10, 0x18];
const WAIT: Duration = Duration::from_secs(20);

pub fn check(project: &Path, x: &XServer, name: &str) {
    let file = project.join("assets/tint.frag");
    fs::write(&file, shader(GREEN.0)).unwrap();
    fs::write(project.join("lib/src/lib.rs"), GAME).unwrap();
    let _ = fs::remove_file(support::dev_file(project, "state.json"));
    let mut dev = DevLoop::start(project, Some(x), &[]);
    let window = support::wait_for(Duration::from_secs(600), Duration::from_millis(100), || {
        let window = x.window(name)?;
        (x.screenshot(&window)?.share_of(GREEN.1) > 0.9).then_some(window)
    })
    .unwrap_or_else(|| panic!("shader reload: the window should show the shader's green:\n{}", dev.log()));
    let pid = support::game_pid(project, name).expect("the game process");
    let shows = |what: &str, rgb: Rgb, share: f32| {
        support::wait_for(WAIT, Duration::from_millis(20), || {
            (x.screenshot(&window)?.share_of(rgb) > share).then_some(())
        })
        .unwrap_or_else(|| panic!("shader reload: {what} did not show within {WAIT:?}:\n{}", dev.log()));
        assert_eq!(support::game_pid(project, name), Some(pid), "shader reload: {what}: the game must not restart");
    };

    fs::write(&file, shader(BLUE.0)).unwrap();
    shows("the shader saved with another colour", BLUE.1, 0.9);

    fs::write(&file, shader(RED.0).replace("1.0);", "1.0)")).unwrap();
    let banner = |shot: &support::Image| support::close(shot.pixel(shot.width / 2, shot.height - 4), BANNER);
    support::wait_for(WAIT, Duration::from_millis(20), || banner(&x.screenshot(&window)?).then_some(()))
        .unwrap_or_else(|| panic!("shader reload: a broken shader should show the banner:\n{}", dev.log()));
    let log = dev.log();
    let report = log.lines().find(|line| line.contains("does not compile")).unwrap_or_else(|| panic!("{log}"));
    assert!(report.contains("assets/tint.frag") && report.contains("error"), "the file and GL's message: {report}");
    // The last shader that compiled keeps drawing: the game goes on.
    shows("the last good shader, under the banner", BLUE.1, 0.5);

    fs::write(&file, shader(RED.0)).unwrap();
    shows("the fixed shader", RED.1, 0.9);
    assert!(!banner(&x.screenshot(&window).unwrap()), "the fix should take the banner away:\n{}", dev.log());
    dev.ctrl_c();
    dev.wait_exit(Duration::from_secs(20)).expect("`just dev` should stop");
}
