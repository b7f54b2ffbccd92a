//! Two projects that share one `CARGO_TARGET_DIR`, as many users set it once for all their projects,
//! both under `just dev` at once: each loads its own library (named after the project) and keeps its own
//! state (in its own `target/just-dev/`), an edit in one shows in its window only, and a library file that
//! another project built is never called (the game says so and waits for its own).

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use support::{DevLoop, Image, Rgb, Scratch, XServer};

const BACKGROUND: Rgb = [0x1d, 0x23, 0x33];
const PLAYER: Rgb = [0x4c, 0xc9, 0xf0];
const BANNER: Rgb = [0x5a, 0x10, 0x18];
const FIRST_BUILD: Duration = Duration::from_secs(20 * 60);
/// Two uncapped games share the two cores with the builds here: more room than for one game.
const RELOAD: Duration = Duration::from_secs(30);

struct Running {
    name: &'static str,
    project: PathBuf,
    dev: DevLoop,
    window: String,
    pid: u32,
}

#[test]
fn two_projects_in_one_target_folder_keep_their_own_libraries_and_state() {
    support::require_all_tools();
    let x = XServer::start();
    let scratch = Scratch::new("hot-template-shared-target");
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| scratch.0.join("target"), PathBuf::from);
    let target = target.to_str().unwrap().to_string();
    let env = [("CARGO_TARGET_DIR", target.as_str())];
    let left = support::generate(&scratch, "left-game", &[]);
    let right = support::generate(&scratch, "right-game", &[]);

    let mut left = Running::start(&x, "left-game", &left, &env, 0);
    let mut right = Running::start(&x, "right-game", &right, &env, 832);
    let library = |game: &Running| Path::new(&target).join(format!("hot/lib{}_game.so", game.name.replace('-', "_")));
    for game in [&left, &right] {
        assert!(library(game).exists(), "{}: its own library file in the shared folder", game.name);
    }

    // The left player moves; the right one stays where it started.
    let start = left.player(&x);
    x.hold_key(&left.window, "Right", Duration::from_millis(600));
    let moved = left.player(&x);
    assert!(moved.0 > start.0 + 50, "the left player should move: {start:?} -> {moved:?}");
    assert_eq!(right.player(&x), start, "the right player should not move");

    // An edit in each shows in that window only.
    let purple = [0x6a, 0x3d, 0x9a];
    left.set_background(purple);
    left.expect(&x, "the left edit", |shot| shot.share_of(purple) > 0.6);
    right.expect(&x, "the right window unchanged", |shot| shot.share_of(BACKGROUND) > 0.6);
    let green = [0x2a, 0x6d, 0x3a];
    right.set_background(green);
    right.expect(&x, "the right edit", |shot| shot.share_of(green) > 0.6);
    std::thread::sleep(Duration::from_secs(1));
    assert!(
        x.screenshot(&left.window).unwrap().share_of(purple) > 0.6,
        "the right edit must not reach the left window"
    );
    for game in [&left, &right] {
        assert_eq!(game_pid(&game.project, game.name), Some(game.pid), "{}: an edit must not restart it", game.name);
    }

    // The left project's library put where the right one's goes: the right game never calls it, says
    // why, and takes its own next build, state kept.
    let foreign = scratch.0.join("foreign.so");
    fs::copy(library(&left), &foreign).unwrap();
    fs::rename(&foreign, library(&right)).unwrap();
    right.expect(&x, "the banner about another project's library", |shot| {
        support::close(shot.pixel(shot.width / 2, shot.height - 4), BANNER)
    });
    assert!(right.dev.log().contains("[hot] The library file was built by another project"), "{}", right.dev.log());
    let blue = [0x20, 0x40, 0x80];
    right.set_background(blue);
    right.expect(&x, "the right game's own build again", |shot| {
        shot.share_of(blue) > 0.6 && !support::close(shot.pixel(shot.width / 2, shot.height - 4), BANNER)
    });
    assert_eq!(right.player(&x), start, "the right player should be where it was");

    // Each keeps its own state across a restart of `just dev`.
    for game in [&mut left, &mut right] {
        game.dev.ctrl_c();
        game.dev.wait_exit(Duration::from_secs(20)).expect("`just dev` should stop after Ctrl-C");
        let saved = support::dev_file(&game.project, "state.json").exists();
        assert!(saved, "{}: its own state file; `just dev` printed:\n{}", game.name, game.dev.log());
    }
    let left = Running::start(&x, "left-game", &left.project, &env, 0);
    let right = Running::start(&x, "right-game", &right.project, &env, 832);
    assert_eq!(left.player(&x), moved, "the left player comes back where it was");
    assert_eq!(right.player(&x), start, "the right player comes back where it was");
    for game in [left, right] {
        game.dev.ctrl_c();
    }
}

/// The game's process: started in `project`, its program named `name` (in the shared target folder).
fn game_pid(project: &Path, name: &str) -> Option<u32> {
    let program = |pid: &u32| fs::read_link(format!("/proc/{pid}/exe")).ok()?.file_name().map(|file| file == name);
    support::processes_in(project).into_iter().find(|pid| program(pid) == Some(true))
}

impl Running {
    /// Starts `just dev` in `project` and puts its window at `left` on the screen.
    fn start(x: &XServer, name: &'static str, project: &Path, env: &[(&str, &str)], left: usize) -> Running {
        let dev = DevLoop::start(project, Some(x), env);
        let window = support::wait_for(FIRST_BUILD, Duration::from_millis(500), || {
            let window = x.window(name)?;
            (x.screenshot(&window)?.find(PLAYER, 8).is_some()).then_some(window)
        })
        .unwrap_or_else(|| panic!("{name}: no window; `just dev` printed:\n{}", dev.log()));
        x.move_window(&window, left, 0);
        let pid = game_pid(project, name).expect("the game's process");
        Running { name, project: project.to_path_buf(), dev, window, pid }
    }

    fn player(&self, x: &XServer) -> (usize, usize) {
        let shot = x.screenshot(&self.window).expect("a screenshot");
        shot.top_left(PLAYER, 500).unwrap_or_else(|| panic!("{}: the player on screen", self.name))
    }

    fn set_background(&self, [r, g, b]: Rgb) {
        let lib = self.project.join("lib/src/lib.rs");
        let text = fs::read_to_string(&lib).unwrap();
        let start = text.find("pub const BACKGROUND: Color = ").expect("BACKGROUND in the game");
        let end = start + text[start..].find(';').unwrap();
        let line = format!("pub const BACKGROUND: Color = Color::from_rgba({r:#04x}, {g:#04x}, {b:#04x}, 255)");
        fs::write(&lib, format!("{}{line}{}", &text[..start], &text[end..])).unwrap();
    }

    fn expect(&self, x: &XServer, what: &str, check: impl Fn(&Image) -> bool) {
        support::wait_for(RELOAD, Duration::from_millis(50), || {
            x.screenshot(&self.window).filter(|shot| check(shot)).map(|_| ())
        })
        .unwrap_or_else(|| panic!("{}: {what} did not show within {RELOAD:?}:\n{}", self.name, self.dev.log()));
    }
}
