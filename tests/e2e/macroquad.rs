//! End-to-end tests of the template: generate a project with the real cargo-generate, run its
//! `just dev` under a real X server, edit its library and watch the running window change.
//! One generated project serves every scenario in turn, so the cold build is paid once.

#[path = "../ports/mod.rs"]
mod ports;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use support::{AudioCapture, DevLoop, Image, Rgb, Scratch, XServer};

const NAME: &str = "pixel-racer";
const BACKGROUND: Rgb = [0x1d, 0x23, 0x33];
/// The body colour of the player's sprite (`assets/player.png`).
const PLAYER: Rgb = [0x4c, 0xc9, 0xf0];
const BALL: Rgb = [0xf7, 0x25, 0x85];
/// The checkerboard the binary draws for a texture whose file is missing or broken.
const PLACEHOLDER: Rgb = [0xff, 0x00, 0xff];
/// The banner the binary shows over the game when something is wrong (see `src/hot_reload.rs`).
const BANNER: Rgb = [0x5a, 0x10, 0x18];
/// A square the rand test draws at a random place every frame.
const CONFETTI: Rgb = [0x30, 0xf0, 0x60];
/// A cold build of macroquad on two cores takes a few minutes.
const FIRST_BUILD: Duration = Duration::from_secs(20 * 60);
/// What the issue promises for a one-line library edit, with room for a loaded CI machine.
const RELOAD: Duration = Duration::from_secs(10);

#[test]
fn generated_project_hot_reloads_survives_mistakes_and_stops_cleanly() {
    support::require_all_tools();
    let x = XServer::start();
    let scratch = Scratch::new("hot-template-e2e");
    let project = support::generate(&scratch, NAME, &[]);
    check_generated_names(&project);
    support::check_workflow(&project);
    check_missing_library_message(&project, &x);
    // The project's own tests, as its README runs them: they need only cargo.
    support::run(Command::new("just").arg("test").current_dir(&project).env_remove("DISPLAY"));

    let mut game = Game::start(&x, &project);
    game.first_edit_reloads_in_place();
    game.asset_edit_reloads_in_place();
    game.font_edit_reloads_in_place();
    game.missing_and_broken_assets_heal();
    game.panic_is_shown_and_recovers();
    game.compile_error_keeps_old_code_running();
    game.state_survives_struct_changes();
    game.rapid_saves_end_with_the_last_one();
    game.contract_change_restarts_with_state();
    game.endless_loop_is_reported_and_the_fix_restarts_it();
    game.loop_editing_replays_the_same_moment();
    game.rewind_shows_the_moment_again();
    game.random_numbers_replay_when_rewound();
    game.soak(200);
    game.ctrl_c_stops_everything();
    game.restart_dev_with_the_saved_state();
    game.ctrl_c_while_stuck_stops_everything();

    check_static_release_build(&project, &x, &scratch);
    ports::check(&project, &x, NAME);
    ports::shader_reload::check(&project, &x, NAME);
}

fn check_generated_names(project: &Path) {
    let manifest = |path: &str| fs::read_to_string(project.join(path)).unwrap();
    assert!(manifest("Cargo.toml").contains(&format!("name = \"{NAME}\"")));
    assert!(manifest("Cargo.toml").contains(&format!("package = \"{NAME}-game\"")));
    assert!(manifest("lib/Cargo.toml").contains(&format!("name = \"{NAME}-game\"")));
    for left_out in
        ["tests", ".ci", "target", "starters", "cargo-generate.toml", "Cargo.toml.liquid", "lib/Cargo.toml.liquid"]
    {
        assert!(!project.join(left_out).exists(), "{left_out} should not be in a generated project");
    }
    // Everything else is copied as it is, so generation cannot break the Rust sources.
    let sources =
        ["src/main.rs", "src/assets.rs", "src/audio.rs", "src/hot_reload.rs", "src/hot_reload/asset_watcher.rs"];
    let core =
        ["hot/src/host/library.rs", "hot/state/src/restore.rs", "hot/scripts/build-lib.sh", "hot/scripts/dev.sh"];
    for source in sources.into_iter().chain(core).chain([
        "lib/src/lib.rs",
        "lib/src/exports.rs",
        "contract/src/lib.rs",
        "contract/src/boundary.rs",
        "justfile",
    ]) {
        let template = fs::read_to_string(support::template_dir().join(source)).unwrap();
        assert_eq!(fs::read_to_string(project.join(source)).unwrap(), template, "{source} changed in generation");
    }
}

/// The hot binary started before its library was ever built says what to run, instead of panicking.
fn check_missing_library_message(project: &Path, x: &XServer) {
    support::run(
        Command::new("cargo").args(["build", "--no-default-features", "--features", "reload"]).current_dir(project),
    );
    // A library left in the shared target folder by an earlier run of this test is another project's.
    let _ = fs::remove_file(support::library_file(project, NAME));
    let binary = support::target_dir(project).join("debug").join(NAME);
    let output = x.command("timeout").args(["60", binary.to_str().unwrap()]).current_dir(project).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("has not been built yet") && stderr.contains("just dev"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// A running `just dev` and what the test knows about the game in its window.
struct Game<'x> {
    x: &'x XServer,
    project: PathBuf,
    dev: DevLoop,
    window: String,
    pid: u32,
    /// How much of `just dev`'s output the test has read: reload lines are looked for after it.
    seen: usize,
    /// Where the player should be: it only moves on key presses, so it shows whether state was kept.
    player: (usize, usize),
    background: Rgb,
    /// Where the player was when the F7 recording began (x), once there is one.
    loop_start: Option<usize>,
}

impl<'x> Game<'x> {
    fn start(x: &'x XServer, project: &Path) -> Self {
        let dev = DevLoop::start(project, Some(x), &[]);
        let window = support::wait_for(FIRST_BUILD, Duration::from_millis(500), || {
            let window = x.window(NAME)?;
            (x.screenshot(&window)?.share_of(BACKGROUND) > 0.6).then_some(window)
        })
        .unwrap_or_else(|| panic!("no window showing BACKGROUND; `just dev` printed:\n{}", dev.log()));
        let pid = support::game_pid(project, NAME).expect("the game process");
        save_screenshot(&x.screenshot(&window).unwrap());

        let mut game = Self {
            x,
            project: project.to_path_buf(),
            dev,
            window,
            pid,
            seen: 0,
            player: (0, 0),
            background: BACKGROUND,
            loop_start: None,
        };
        // Move the player, so there is state to keep.
        let start = game.player_on_screen();
        x.hold_key(&game.window, "Right", Duration::from_millis(600));
        game.player = game.player_on_screen();
        assert!(game.player.0 > start.0 + 50, "the arrow key should move the player: {start:?} -> {:?}", game.player);
        game
    }

    fn lib(&self) -> PathBuf {
        self.project.join("lib/src/lib.rs")
    }

    fn shot(&self) -> Image {
        self.x.screenshot(&self.window).expect("a screenshot of the game window")
    }

    fn player_on_screen(&self) -> (usize, usize) {
        self.shot().top_left(PLAYER, 500).expect("the player square on screen")
    }

    fn banner_shown(&self) -> bool {
        let shot = self.shot();
        support::close(shot.pixel(shot.width / 2, shot.height - 4), BANNER)
    }

    /// Waits for the game's next reload line, then checks that it is still the same process.
    fn expect_reload(&mut self, what: &str) {
        let line = "[hot] reloaded library v";
        let end = support::wait_for(RELOAD, Duration::from_millis(20), || {
            let log = self.dev.log();
            let at = self.seen + log.get(self.seen..)?.find(line)?;
            Some(at + log[at..].find('\n')?)
        })
        .unwrap_or_else(|| panic!("{what}: no `{line}` within {RELOAD:?}:\n{}", self.dev.log()));
        self.seen = end;
        assert_eq!(support::game_pid(&self.project, NAME), Some(self.pid), "{what}: the game must not restart");
    }

    /// From now on, look for reload lines only in output that comes after this.
    fn skip_output(&mut self) {
        self.seen = self.dev.log().len();
    }

    fn expect_screen(&self, what: &str, check: impl Fn(&Image) -> bool) {
        support::wait_for(RELOAD, Duration::from_millis(20), || check(&self.shot()).then_some(()))
            .unwrap_or_else(|| panic!("{what}: the window did not show it within {RELOAD:?}:\n{}", self.dev.log()));
    }

    fn expect_state_kept(&self, what: &str) {
        assert_eq!(self.player_on_screen(), self.player, "{what}: the player must stay where it was");
    }

    fn set_background(&mut self, rgb: Rgb) {
        let (old, new) = (background_code(self.background), background_code(rgb));
        support::edit(&self.lib(), &old, &new);
        self.background = rgb;
    }

    /// The README's first step: change `BACKGROUND`, save, and the same process shows it.
    fn first_edit_reloads_in_place(&mut self) {
        let saved = Instant::now();
        self.set_background([0x6a, 0x3d, 0x9a]);
        let background = self.background;
        self.expect_screen("BACKGROUND edit", |shot| shot.share_of(background) > 0.6);
        eprintln!("edit -> visible: {} ms", saved.elapsed().as_millis());
        self.expect_reload("BACKGROUND edit");
        self.expect_state_kept("BACKGROUND edit");
    }

    /// Saving over the sprite's PNG (here: recoloured) shows the new art in the same process, state kept.
    fn asset_edit_reloads_in_place(&mut self) {
        let sprite = self.project.join("assets/player.png");
        let original = fs::read(&sprite).unwrap();
        let recoloured = self.project.join("target/recoloured.png");
        support::repaint_png(&sprite, &recoloured, |rgb| (rgb == PLAYER).then_some([0x80, 0xe0, 0x60]));
        let saved = Instant::now();
        fs::write(&sprite, fs::read(&recoloured).unwrap()).unwrap();
        let player = self.player;
        self.expect_screen("recoloured sprite", |shot| shot.top_left([0x80, 0xe0, 0x60], 500) == Some(player));
        eprintln!("PNG saved -> visible: {} ms", saved.elapsed().as_millis());
        assert!(self.dev.log().contains("[assets] assets/player.png reloaded"), "{}", self.dev.log());
        assert_eq!(support::game_pid(&self.project, NAME), Some(self.pid), "an asset edit must not restart the game");

        fs::write(&sprite, original).unwrap();
        self.expect_screen("original sprite", |shot| shot.top_left(PLAYER, 500) == Some(player));
        self.expect_state_kept("asset edit");
    }

    /// A TTF font the game loads, saved over with another font: the text changes shape, same process.
    fn font_edit_reloads_in_place(&mut self) {
        let font = self.project.join("assets/title.ttf");
        fs::copy(ports::macroquad_examples().join("DancingScriptRegular.ttf"), &font).unwrap();
        let text = "    set_default_camera();\n";
        let title = "    draw_text_ex(\"Hot!\", 560.0, 160.0, TextParams { font: Some(&load_ttf_font(\"assets/title.ttf\")), font_size: 64, color: Color::from_rgba(0xff, 0xd1, 0x66, 255), ..Default::default() });\n";
        support::edit(&self.lib(), text, &format!("{text}{title}"));
        self.expect_reload("text in a TTF font");
        let yellow = |shot: &Image| -> std::collections::HashSet<(usize, usize)> {
            (0..shot.height)
                .flat_map(|y| (0..shot.width).map(move |x| (x, y)))
                .filter(|&(x, y)| support::close(shot.pixel(x, y), [0xff, 0xd1, 0x66]))
                .collect()
        };
        self.expect_screen("text in the TTF font", |shot| yellow(shot).len() > 200);
        std::thread::sleep(Duration::from_millis(200));
        let before = yellow(&self.shot());
        fs::copy(support::template_dir().join("contract/fonts/ProggyClean.ttf"), &font).unwrap();
        // Other glyphs: most of the text's pixels are elsewhere now (the ball may cover a few).
        let changed = |now: &std::collections::HashSet<(usize, usize)>| {
            now.symmetric_difference(&before).count() as f32 / now.union(&before).count() as f32
        };
        self.expect_screen("text in the new font", |shot| {
            let now = yellow(shot);
            now.len() > 100 && changed(&now) > 0.3
        });
        assert!(self.dev.log().contains("[assets] assets/title.ttf reloaded"), "{}", self.dev.log());
        assert_eq!(support::game_pid(&self.project, NAME), Some(self.pid), "a font edit must not restart the game");
        support::edit(&self.lib(), title, "");
        self.expect_reload("text removed");
        self.expect_state_kept("font edit");
    }

    /// A missing PNG: a banner names it, a checkerboard stands in, the game goes on; the file put back
    /// heals it without a restart. A broken sound file: the same, without a crash.
    fn missing_and_broken_assets_heal(&mut self) {
        let sprite = self.project.join("assets/player.png");
        let original = fs::read(&sprite).unwrap();
        fs::remove_file(&sprite).unwrap();
        self.expect_screen("missing sprite", |shot| self.banner_shown() && shot.find(PLACEHOLDER, 6).is_some());
        assert!(self.dev.log().contains("[assets] asset assets/player.png:"), "{}", self.dev.log());
        let before = self.shot();
        std::thread::sleep(Duration::from_millis(300));
        assert!(!same_pixels(&before, &self.shot()), "the game should keep running with a missing sprite");
        fs::write(&sprite, original).unwrap();
        let player = self.player;
        self.expect_screen("sprite back", |shot| !self.banner_shown() && shot.top_left(PLAYER, 500) == Some(player));

        let sound = self.project.join("assets/kick.wav");
        let original = fs::read(&sound).unwrap();
        fs::write(&sound, b"RIFF, but not really a sound").unwrap();
        self.expect_screen("broken sound", |_| self.banner_shown());
        assert!(self.dev.log().contains("[assets] asset assets/kick.wav:"), "{}", self.dev.log());
        fs::write(&sound, original).unwrap();
        self.expect_screen("sound fixed", |_| !self.banner_shown());
        assert_eq!(support::game_pid(&self.project, NAME), Some(self.pid), "asset problems must not restart the game");
        // The test machine's ALSA has no device (see `XServer::command`): one warning, nothing else.
        let log = self.dev.log();
        assert_eq!(log.matches("[audio] no audio device could be opened").count(), 1, "{log}");
        assert!(!log.contains("Audio thread died"), "{log}");
        self.expect_state_kept("asset problems");
    }

    fn panic_is_shown_and_recovers(&mut self) {
        let update = "pub fn frame(state: &mut State) {";
        support::edit(
            &self.lib(),
            update,
            &format!("{update}\n    if state.player.x >= 0.0 {{ panic!(\"kaboom\"); }}"),
        );
        self.expect_reload("panicking edit");
        self.expect_screen("panic", |_| self.banner_shown());
        assert!(self.dev.log().contains("kaboom") && self.dev.log().contains("lib/src/lib.rs:"), "{}", self.dev.log());

        support::edit(&self.lib(), "\n    if state.player.x >= 0.0 { panic!(\"kaboom\"); }", "");
        self.expect_reload("fixing edit");
        self.expect_screen("recovery", |_| !self.banner_shown());
        self.expect_state_kept("panic and fix");
    }

    fn compile_error_keeps_old_code_running(&mut self) {
        let broken = "\nfn broken() -> u32 { \"not a number\" }\n";
        let text = fs::read_to_string(self.lib()).unwrap();
        fs::write(self.lib(), format!("{text}{broken}")).unwrap();
        // The old code keeps running (the ball keeps moving), and after a few seconds the window says it is stale.
        let before = self.shot();
        std::thread::sleep(Duration::from_millis(300));
        assert!(!same_pixels(&before, &self.shot()), "the old code should keep running after a compile error");
        self.expect_screen("stale library", |_| self.banner_shown());
        assert!(
            self.dev.log().contains("error[E0308]"),
            "the compile error should be in the terminal:\n{}",
            self.dev.log()
        );

        // The fix also changes the colour: a library identical to the loaded one is not reloaded.
        let fixed = [0x2a, 0x4d, 0x3a];
        fs::write(self.lib(), text.replace(&background_code(self.background), &background_code(fixed))).unwrap();
        self.background = fixed;
        self.expect_reload("fixed compile error");
        self.expect_screen("fresh library", |_| !self.banner_shown());
        self.expect_state_kept("compile error and fix");
    }

    /// Add, rename, remove, retype and nest fields of `State` while the game runs: each reload says in one
    /// line what did not carry over as it was (nothing when everything did), and keeps what it did not take.
    fn state_survives_struct_changes(&mut self) {
        let lives_bar = |shot: &Image| shot.find([0xff, 0xd1, 0x66], 1).map(|_| run_length(shot, [0xff, 0xd1, 0x66]));
        // Add a field (it takes its default) and draw it as a bar 10 px per life.
        let ball = "    draw_circle(state.ball.x, state.ball.y, BALL_RADIUS, BALL_COLOR);\n";
        let lives = "    draw_rectangle(600.0, 20.0, 10.0 * state.lives as f32, 10.0, Color::from_rgba(0xff, 0xd1, 0x66, 255));\n";
        self.skip_output();
        support::edit_all(
            &self.lib(),
            &[
                ("    pub kick_sound: Sound,\n}", "    pub kick_sound: Sound,\n    pub lives: u32,\n}"),
                ("            kicks: 0,\n", "            kicks: 0,\n            lives: 3,\n"),
                (ball, &format!("{ball}{lives}")),
            ],
        );
        assert_eq!(
            self.reload_with_state_line("added field").as_deref(),
            Some("[hot] state: from their default: `lives`.")
        );
        self.expect_screen("new field at its default", |shot| lives_bar(shot) == Some(30));
        self.expect_state_kept("added field");

        // Rename it without an alias: its value is not taken, but kept, and the line suggests the alias.
        support::edit_all(
            &self.lib(),
            &[
                ("    pub lives: u32,\n", "    pub hearts: u32,\n"),
                ("            lives: 3,\n", "            hearts: 1,\n"),
                ("10.0 * state.lives as f32", "10.0 * state.hearts as f32"),
            ],
        );
        let line = self.reload_with_state_line("renamed field").expect("a line about the renamed field");
        assert!(
            line.starts_with(
                "[hot] state: not taken: `lives` (3), kept in target/just-dev/kept.json; from their default: `hearts`."
            ),
            "{line}"
        );
        assert!(line.contains("Add #[serde(alias = \"lives\")] to `hearts`"), "{line}");
        self.expect_screen("renamed field at its default", |shot| lives_bar(shot) == Some(10));
        assert!(support::dev_file(&self.project, "kept.json").exists(), "the value not taken is kept in a file");

        // The alias, as suggested: the kept value comes back (the new default of 1 does not win).
        support::edit(&self.lib(), "    pub hearts: u32,\n", "    #[serde(alias = \"lives\")]\n    pub hearts: u32,\n");
        let line = self.reload_with_state_line("alias added").expect("a line about the value taken back");
        assert_eq!(line, "[hot] state: taken back from target/just-dev/kept.json: `lives`.");
        self.expect_screen("renamed field has its value back", |shot| lives_bar(shot) == Some(30));
        assert!(!support::dev_file(&self.project, "kept.json").exists(), "nothing is left to keep");
        self.expect_state_kept("renamed field");

        // Change its type to one the old value still fits (an integer into a float): nothing to say.
        support::edit_all(
            &self.lib(),
            &[
                ("    pub hearts: u32,\n", "    pub hearts: f32,\n"),
                ("            hearts: 1,\n", "            hearts: 1.0,\n"),
                ("10.0 * state.hearts as f32", "10.0 * state.hearts"),
            ],
        );
        assert_eq!(self.reload_with_state_line("retyped field"), None);
        self.expect_screen("retyped field keeps its value", |shot| lives_bar(shot) == Some(30));
        self.expect_state_kept("retyped field");

        // Nest a new struct.
        let stats = "#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]\npub struct Stats {\n    pub best: u32,\n}\n\n";
        support::edit_all(
            &self.lib(),
            &[
                ("    pub hearts: f32,\n", "    pub hearts: f32,\n    pub stats: Stats,\n"),
                ("            hearts: 1.0,\n", "            hearts: 1.0,\n            stats: Stats::default(),\n"),
                ("impl Default for State {", &format!("{stats}impl Default for State {{")),
            ],
        );
        assert_eq!(
            self.reload_with_state_line("nested struct").as_deref(),
            Some("[hot] state: from their default: `stats`.")
        );
        self.expect_state_kept("nested struct");

        // Remove the field again: the rest is kept, and so is its value, in the file.
        support::edit_all(
            &self.lib(),
            &[
                ("    #[serde(alias = \"lives\")]\n    pub hearts: f32,\n", ""),
                ("            hearts: 1.0,\n", ""),
                (
                    "    draw_rectangle(600.0, 20.0, 10.0 * state.hearts, 10.0, Color::from_rgba(0xff, 0xd1, 0x66, 255));\n",
                    "",
                ),
            ],
        );
        let line = self.reload_with_state_line("removed field").expect("a line about the removed field");
        assert_eq!(line, "[hot] state: not taken: `hearts` (3.0), kept in target/just-dev/kept.json.");
        self.expect_screen("removed field is gone", |shot| lives_bar(shot).is_none());
        self.expect_state_kept("removed field");

        // A change the old value cannot fit: that value is taken out and kept, the rest of the state stays.
        let text = fs::read_to_string(self.lib()).unwrap().replace("state.player", "state.spare");
        let text = support::replace_each_once(
            text,
            &[
                ("    pub player: Vec2,\n", "    pub player: String,\n    pub spare: Vec2,\n"),
                (
                    "            player: vec2(200.0, 300.0),\n",
                    "            player: String::new(),\n            spare: vec2(200.0, 300.0),\n",
                ),
            ],
        );
        fs::write(self.lib(), text).unwrap();
        let line =
            self.reload_with_state_line("incompatible field").expect("a line about the field that no longer fits");
        assert!(
            line.contains("not taken: `hearts` (3.0), `player` (") && line.contains("it no longer fits, invalid type"),
            "{line}"
        );
        assert!(line.contains("from their default: `spare`"), "{line}");
        self.player = (200, 300);
        self.expect_screen("the player at its default", |shot| shot.top_left(PLAYER, 500) == Some((200, 300)));
    }

    /// Waits for the next reload, and returns the `[hot] state:` line printed with it, if there is one.
    fn reload_with_state_line(&mut self, what: &str) -> Option<String> {
        let from = self.seen;
        self.expect_reload(what);
        let log = self.dev.log();
        log[from..self.seen].lines().find(|line| line.starts_with("[hot] state:")).map(str::to_string)
    }

    /// Five saves within a second: the code that finally runs is the last save's.
    fn rapid_saves_end_with_the_last_one(&mut self) {
        let colours =
            [[0x10, 0x60, 0x20], [0x20, 0x60, 0x30], [0x30, 0x60, 0x40], [0x40, 0x60, 0x50], [0x50, 0x60, 0x60]];
        for colour in colours {
            self.set_background(colour);
            std::thread::sleep(Duration::from_millis(180));
        }
        let last = self.background;
        self.expect_screen("last of five saves", |shot| shot.share_of(last) > 0.6);
        std::thread::sleep(Duration::from_secs(3));
        assert!(self.shot().share_of(last) > 0.6, "a later reload replaced the last save's code:\n{}", self.dev.log());
        self.skip_output();
    }

    /// A comment in the contract changes nothing the binary depends on: the library reloads, the binary
    /// goes on. A new constant on `Color` changes what crosses: the binary notices the new library does
    /// not fit, rebuilds itself and restarts in place (the same process, by `exec`), keeping the state.
    fn contract_change_restarts_with_state(&mut self) {
        self.skip_output();
        let contract = self.project.join("contract/src/color.rs");
        let text = fs::read_to_string(&contract).unwrap();
        fs::write(
            &contract,
            support::replace_each_once(text.clone(), &[("impl Color {\n", "impl Color {\n    // A comment.\n")]),
        )
        .unwrap();
        self.expect_reload("a comment in the contract");
        assert!(!self.dev.log()[self.seen..].contains("rebuilding the binary"), "{}", self.dev.log());

        let opaque = "impl Color {\n    pub const OPAQUE: f32 = 1.0;\n";
        fs::write(&contract, support::replace_each_once(text, &[("impl Color {\n", opaque)])).unwrap();
        self.expect_line("[hot] The library was built against another contract");
        self.expect_line("[hot] rebuilding the binary (`cargo hot-build`)");
        let restarted = support::wait_for(FIRST_BUILD, Duration::from_millis(100), || {
            self.dev.log()[self.seen..].contains("[hot] state restored from").then_some(())
        });
        restarted.unwrap_or_else(|| panic!("the binary did not restart after a contract change:\n{}", self.dev.log()));
        self.find_window_again();
        assert_eq!(support::game_pid(&self.project, NAME), Some(self.pid), "the binary restarts itself in place");
        self.expect_state_kept("contract change");
        self.skip_output();
    }

    /// Waits for the game's window showing the current background again (after the binary restarted).
    fn find_window_again(&mut self) {
        self.window = support::wait_for(RELOAD, Duration::from_millis(100), || {
            let window = self.x.window(NAME)?;
            (self.x.screenshot(&window)?.share_of(self.background) > 0.6).then_some(window)
        })
        .unwrap_or_else(|| panic!("the restarted game's window:\n{}", self.dev.log()));
    }

    /// Saves an endless loop into the game's frame; returns when the terminal has said so, and how long
    /// that took from the moment the library with the loop was built.
    fn save_endless_loop(&mut self) -> Duration {
        self.skip_output();
        let library = support::library_file(&self.project, NAME);
        let built_before = fs::metadata(&library).unwrap().modified().unwrap();
        support::edit(&self.lib(), FRAME_START, &format!("{FRAME_START}{ENDLESS_LOOP}"));
        let message = "[hot] `frame` has not returned for 1 s: most likely an endless loop";
        support::wait_for(RELOAD, Duration::from_millis(20), || {
            self.dev.log()[self.seen..].contains(message).then_some(())
        })
        .unwrap_or_else(|| panic!("no `{message}` within {RELOAD:?}:\n{}", self.dev.log()));
        let said = std::time::SystemTime::now();
        let built = fs::metadata(&library).unwrap().modified().unwrap();
        assert!(built > built_before, "the library with the loop should have been built:\n{}", self.dev.log());
        said.duration_since(built).unwrap()
    }

    /// An endless loop in the game's frame: the terminal says so within 2 s, and the fixing save brings
    /// the game back (the binary restarts itself, in the same process) with the player where it was,
    /// after which edits reload as before.
    fn endless_loop_is_reported_and_the_fix_restarts_it(&mut self) {
        let detected = self.save_endless_loop();
        assert!(detected < Duration::from_secs(2), "the endless loop was reported {detected:?} after its build");
        let fixed = Instant::now();
        support::edit(&self.lib(), ENDLESS_LOOP, "");
        support::wait_for(RELOAD, Duration::from_millis(20), || {
            self.dev.log()[self.seen..].contains("[hot] state restored from").then_some(())
        })
        .unwrap_or_else(|| panic!("the fixed game did not restart with its state:\n{}", self.dev.log()));
        self.find_window_again();
        eprintln!(
            "endless loop: reported {} ms after its build; fixing save -> game back on screen {} ms",
            detected.as_millis(),
            fixed.elapsed().as_millis()
        );
        // `exec`: the same process, so `just dev` still holds it; its state from before the loop.
        assert_eq!(support::game_pid(&self.project, NAME), Some(self.pid), "the game restarts itself in place");
        self.expect_state_kept("endless loop fixed");
        self.skip_output();
        self.set_background([0x30, 0x50, 0x38]);
        let background = self.background;
        self.expect_screen("BACKGROUND edit after the restart", |shot| shot.share_of(background) > 0.6);
        self.expect_reload("BACKGROUND edit after the restart");
        self.expect_state_kept("BACKGROUND edit after the restart");
    }

    /// Waits for a line of `just dev`'s output, after what was read so far, that starts with `start`.
    fn expect_line(&mut self, start: &str) -> String {
        let (line, end) = support::wait_for(RELOAD, Duration::from_millis(20), || {
            let log = self.dev.log();
            let at = self.seen + log.get(self.seen..)?.find(start)?;
            let end = at + log[at..].find('\n')?;
            Some((log[at..end].to_string(), end))
        })
        .unwrap_or_else(|| panic!("no `{start}` within {RELOAD:?}:\n{}", self.dev.log()));
        self.seen = end;
        line
    }

    /// Where the player is, sampled from the window's pixels for `how_long`: (ms since the start, x).
    fn watch_player(&self, how_long: Duration) -> Vec<(u128, usize)> {
        let started = Instant::now();
        std::iter::from_fn(|| {
            (started.elapsed() < how_long).then(|| (started.elapsed().as_millis(), self.player_on_screen().0))
        })
        .collect()
    }

    /// F7 records play, F7 again loops it from the state it began in, and a save while it loops shows the
    /// same seconds of play with the new code; F7 a third time leaves the loop and the game goes on.
    fn loop_editing_replays_the_same_moment(&mut self) {
        self.skip_output();
        let (key, sign) = if self.player.0 > 400 { ("Left", -1) } else { ("Right", 1) };
        let start = self.player.0 as i64;
        self.loop_start = Some(self.player.0);
        self.x.press_key(&self.window, "F7");
        self.expect_line("[hot] F7: recording");
        std::thread::sleep(Duration::from_millis(400));
        self.x.hold_key(&self.window, key, Duration::from_millis(500));
        std::thread::sleep(Duration::from_millis(400));
        let moved = (self.player_on_screen().0 as i64 - start) * sign;
        assert!(moved > 100, "the recorded play should move the player: {moved} px");
        self.x.press_key(&self.window, "F7");
        let line = self.expect_line("[hot] F7: looping ");
        let seconds: f64 = line["[hot] F7: looping ".len()..].split(' ').next().unwrap().parse().unwrap();
        self.save_loop_strip(seconds);

        // The player goes back to where the recording began at the loop's period, and on to where it ended.
        // The period is the recorded frames at the replay's frame rate, which the screenshots slow down.
        let loop_path = |samples: &[(u128, usize)], what: &str| {
            let offset = |x: usize| (x as i64 - start) * sign;
            let farthest = samples.iter().map(|&(_, x)| offset(x)).max().unwrap();
            let mut returns = Vec::new();
            for pair in samples.windows(2) {
                if offset(pair[0].1) > 5 && offset(pair[1].1).abs() <= 2 {
                    returns.push(pair[1].0);
                }
            }
            assert!(returns.len() >= 2, "{what}: the player should go back to its start each loop: {samples:?}");
            let periods: Vec<f64> = returns.windows(2).map(|pair| (pair[1] - pair[0]) as f64 / 1000.0).collect();
            eprintln!(
                "loop editing ({what}): {seconds} s recorded, the player back at its start every {periods:?} s, farthest {farthest} px"
            );
            farthest
        };
        let farthest = loop_path(&self.watch_player(Duration::from_secs(10)), "looping");
        assert!(
            (farthest - moved).abs() <= 3,
            "the loop should replay the recorded path: {farthest} px, recorded {moved} px"
        );

        // A third of the speed while it loops: the same seconds of play, a third of the way.
        let speed = "const PLAYER_SPEED: f32 = 360.0;";
        support::edit(&self.lib(), speed, "const PLAYER_SPEED: f32 = 120.0;");
        self.expect_reload("PLAYER_SPEED edit while looping");
        let slower = loop_path(&self.watch_player(Duration::from_secs(10)), "a third of the speed");
        assert!(
            (slower - moved / 3).abs() <= 3,
            "the edited loop should go a third of the way: {slower} px of {moved} px"
        );

        // F7 leaves the loop: the game goes on from wherever the loop was, and the player stays there.
        self.x.press_key(&self.window, "F7");
        self.expect_line("[hot] F7: left the loop");
        let here = self.player_on_screen();
        std::thread::sleep(Duration::from_secs_f64(seconds * 1.5));
        assert_eq!(self.player_on_screen(), here, "out of the loop, the player should stay where it was");
        self.player = here;
        support::edit(&self.lib(), "const PLAYER_SPEED: f32 = 120.0;", speed);
        self.expect_reload("PLAYER_SPEED back");
        self.expect_state_kept("PLAYER_SPEED back");
    }

    /// F8 pauses and rewinds: a second back, the player is where a screenshot a second before the pause
    /// showed it; a save while paused shows that moment with the new code, from the same process; Enter
    /// plays on from it.
    fn rewind_shows_the_moment_again(&mut self) {
        self.skip_output();
        // From the left edge, so that two seconds to the right stay inside the world.
        self.x.hold_key(&self.window, "Left", Duration::from_millis(2500));
        let start = self.player_on_screen().0;
        self.x.key_down(&self.window, "Right");
        std::thread::sleep(Duration::from_secs(1));
        // The screenshot's pixels are read as it starts; F8 reaches the game a moment after its key goes down.
        let shot_at = Instant::now();
        let a_second_before = self.player_on_screen().0;
        std::thread::sleep((shot_at + Duration::from_secs(1)).saturating_duration_since(Instant::now()));
        self.x.press_key(&self.window, "F8");
        self.x.key_up("Right");
        self.expect_line("[hot] F8: paused");
        let paused_shot = self.shot();
        let paused = self.player_on_screen().0;
        assert!(
            a_second_before > start + 200 && paused > a_second_before + 200,
            "holding Right should move the player: {start} -> {a_second_before} -> {paused}"
        );
        std::thread::sleep(Duration::from_millis(500));
        assert_eq!(self.player_on_screen().0, paused, "paused, the game should not move");

        // Shift+Left: a second of play back.
        self.x.press_key(&self.window, "shift+Left");
        let back = support::wait_for(RELOAD, Duration::from_millis(20), || {
            let x = self.player_on_screen().0;
            (x != paused).then_some(x)
        })
        .unwrap_or_else(|| panic!("Shift+Left while rewound did not move the player:\n{}", self.dev.log()));
        eprintln!("rewind: the player at {a_second_before} a second before the pause, at {back} a second back");
        assert!(
            back.abs_diff(a_second_before) <= 30,
            "a second back, the player should be where it was a second before the pause: {back}, not {a_second_before}"
        );
        let dir = support::template_dir().join("target");
        Image::side_by_side(&[paused_shot, self.shot()], 0.5).save_png(&dir.join("rewind.png"));

        // A third of the speed, saved while paused: the second before the moment plays again with it.
        let speed = "const PLAYER_SPEED: f32 = 360.0;";
        support::edit(&self.lib(), speed, "const PLAYER_SPEED: f32 = 120.0;");
        self.expect_reload("PLAYER_SPEED edit while rewound");
        let expected = start + (back - start) / 3;
        let slower = support::wait_for(RELOAD, Duration::from_millis(20), || {
            let x = self.player_on_screen().0;
            (x.abs_diff(expected) <= 30).then_some(x)
        })
        .unwrap_or_else(|| {
            panic!(
                "after the edit, the moment shown should have the player a third of the way ({expected}), it is at {}:\n{}",
                self.player_on_screen().0,
                self.dev.log()
            )
        });

        // Enter: play goes on from the moment shown, at the new speed.
        self.x.press_key(&self.window, "Return");
        self.expect_line("[hot] Enter: playing on from");
        std::thread::sleep(Duration::from_millis(300));
        assert_eq!(self.player_on_screen().0, slower, "play should go on from the moment shown");
        self.x.hold_key(&self.window, "Right", Duration::from_millis(500));
        let moved = self.player_on_screen().0 - slower;
        assert!((25..=110).contains(&moved), "half a second at a third of the speed: {moved} px");
        support::edit(&self.lib(), "const PLAYER_SPEED: f32 = 120.0;", speed);
        self.expect_reload("PLAYER_SPEED back");
        self.player = self.player_on_screen();
    }

    /// Random numbers from the game API replay as they came: with a square drawn at a random place every
    /// frame, F8, a second back, another, and a second forward again shows the square where it was the
    /// first time (each time run again from a snapshot with the recorded input, and `rand`'s state in it).
    fn random_numbers_replay_when_rewound(&mut self) {
        let frame_end = "        TEXT_COLOR,\n    );\n}\n";
        let [r, g, b] = CONFETTI;
        let confetti = format!(
            "        TEXT_COLOR,\n    );\n    draw_rectangle(rand::gen_range(0.0, 700.0), 80.0, 20.0, 20.0, \
             Color::from_rgba({r}, {g}, {b}, 255));\n}}\n"
        );
        support::edit(&self.lib(), frame_end, &confetti);
        self.expect_reload("a square at a random place each frame");
        let square = |shot: &Image| shot.find(CONFETTI, 15).map(|(x, _)| x);
        self.expect_screen("the random square", |shot| square(shot).is_some());
        // Two seconds back must be play of this code: before it, no frame drew a random number, and a
        // frame run again with this code draws what the generator's state then gives (a state of 0).
        std::thread::sleep(Duration::from_secs(3));
        self.skip_output();
        self.x.press_key(&self.window, "F8");
        self.expect_line("[hot] F8: paused");
        let mut shown = square(&self.shot()).expect("the random square, paused");
        let mut seen = Vec::new();
        for key in ["shift+Left", "shift+Left"] {
            self.x.press_key(&self.window, key);
            let moved =
                support::wait_for(RELOAD, Duration::from_millis(20), || square(&self.shot()).filter(|&x| x != shown));
            let Some(moved) = moved else {
                let shot = self.shot();
                shot.save_png(&support::template_dir().join("target/rand-failed.png"));
                panic!(
                    "{key} while rewound did not move the random square from {shown} (now {:?}, seen {seen:?}; \
                     target/rand-failed.png):\n{}",
                    square(&shot),
                    self.dev.log()
                );
            };
            shown = moved;
            seen.push(shown);
        }
        self.x.press_key(&self.window, "shift+Right");
        let again = support::wait_for(RELOAD, Duration::from_millis(20), || {
            square(&self.shot()).filter(|&x| x.abs_diff(seen[0]) <= 1)
        });
        eprintln!("rand: the random square at {seen:?} a second and two back, then at {again:?} a second back again");
        assert!(
            again.is_some(),
            "a second back again, the random square should be where it was ({}), not at {:?}: `rand` did not replay",
            seen[0],
            square(&self.shot())
        );
        self.x.press_key(&self.window, "Return");
        self.expect_line("[hot] Enter: playing on from");
        support::edit(&self.lib(), &confetti, frame_end);
        self.expect_reload("the random square taken out");
        self.player = self.player_on_screen();
    }

    /// Five screenshots across one pass of the loop, side by side, for the README (`target/loop-editing.png`).
    fn save_loop_strip(&self, seconds: f64) {
        let dir = support::template_dir().join("target");
        let shots: Vec<Image> = (0..5)
            .map(|_| {
                let shot = self.shot();
                std::thread::sleep(Duration::from_secs_f64(seconds / 5.0));
                shot
            })
            .collect();
        Image::side_by_side(&shots, 0.4).save_png(&dir.join("loop-editing.png"));
    }

    /// Many reloads in one run: no crash, state kept, and the memory each reload costs.
    fn soak(&mut self, reloads: usize) {
        let pid = self.pid;
        let rss = || {
            fs::read_to_string(format!("/proc/{pid}/status"))
                .unwrap()
                .lines()
                .find_map(|line| {
                    line.strip_prefix("VmRSS:").map(|kb| kb.trim().trim_end_matches(" kB").parse::<u64>().unwrap())
                })
                .unwrap()
        };
        let before = rss();
        let started = Instant::now();
        for i in 0..reloads {
            self.set_background([0x20 + (i % 64) as u8, 0x30, 0x40]);
            self.expect_reload("soak");
        }
        let grown_kb = rss().saturating_sub(before);
        // The old copies are really unloaded (the standard library they share keeps none of them).
        let maps = fs::read_to_string(format!("/proc/{pid}/maps")).unwrap();
        let mut copies: Vec<&str> = maps
            .lines()
            .filter_map(|line| line.split_whitespace().nth(5))
            .filter(|path| path.contains(&format!("lib{}_game-hot", NAME.replace('-', "_"))))
            .collect();
        copies.dedup();
        assert_eq!(copies.len(), 1, "only the newest library copy should stay mapped: {copies:?}");
        eprintln!(
            "soak: {reloads} reloads in {} s, resident memory {} MB -> {} MB: {} KB per reload",
            started.elapsed().as_secs(),
            before / 1024,
            (before + grown_kb) / 1024,
            grown_kb / reloads as u64
        );
        self.expect_state_kept("soak");
    }

    /// Ctrl-C stops everything, and the game saves its state on the way out.
    fn ctrl_c_stops_everything(&mut self) {
        let pressed = Instant::now();
        self.dev.ctrl_c();
        let status = self.dev.wait_exit(Duration::from_secs(20)).expect("`just dev` should exit after Ctrl-C");
        eprintln!("Ctrl-C: everything stopped in {} ms", pressed.elapsed().as_millis());
        // just reports an interrupted recipe with 130, as shells do, even when the recipe stopped cleanly.
        assert!(matches!(status.code(), Some(0 | 130)), "`just dev` after Ctrl-C: {status}\n{}", self.dev.log());
        assert!(
            self.dev.log().contains("just dev: stopping"),
            "the dev loop should stop its watchers:\n{}",
            self.dev.log()
        );
        let left = support::processes_in(&self.project);
        assert!(left.is_empty(), "processes left behind after Ctrl-C: {left:?}");
        assert!(support::dev_file(&self.project, "state.json").exists(), "the state should be saved on exit");
    }

    /// `just dev` again, after Ctrl-C: the game comes back where it was.
    fn restart_dev_with_the_saved_state(&mut self) {
        self.dev = DevLoop::start(&self.project, Some(self.x), &[]);
        self.seen = 0;
        self.find_window_again();
        self.pid = support::game_pid(&self.project, NAME).expect("the game process");
        assert!(self.dev.log().contains("[hot] state restored from"), "{}", self.dev.log());
        self.expect_state_kept("`just dev` again");

        // The last F7 loop was kept on disk: Shift+F7 loops it again, from where its recording began.
        self.x.press_key(&self.window, "shift+F7");
        self.expect_line("[hot] Shift+F7: looping the recording kept in");
        let start = self.loop_start.expect("the loop-editing scenario ran");
        let samples = self.watch_player(Duration::from_secs(3));
        assert!(
            samples.iter().any(|&(_, x)| x.abs_diff(start) <= 2),
            "the kept loop should replay from its start ({start}): {samples:?}"
        );
        self.x.press_key(&self.window, "F7");
        self.expect_line("[hot] F7: left the loop");
        self.player = self.player_on_screen();
    }

    /// Ctrl-C while the game is stuck in an endless loop: everything stops within 2 s, and the state
    /// from before the loop is kept for the next start.
    fn ctrl_c_while_stuck_stops_everything(&mut self) {
        self.save_endless_loop();
        let state_file = support::dev_file(&self.project, "state.json");
        fs::remove_file(&state_file).unwrap();
        let pressed = Instant::now();
        self.dev.ctrl_c();
        self.dev.wait_exit(Duration::from_secs(20)).expect("`just dev` should exit after Ctrl-C");
        let stopped = pressed.elapsed();
        let left = support::processes_in(&self.project);
        assert!(left.is_empty(), "processes left behind after Ctrl-C: {left:?}");
        eprintln!("Ctrl-C while stuck: everything stopped in {} ms", stopped.as_millis());
        assert!(stopped < Duration::from_secs(2), "Ctrl-C while stuck took {stopped:?}:\n{}", self.dev.log());
        assert!(self.dev.log().contains("[hot] stopped while `frame` was stuck"), "{}", self.dev.log());
        let kept = fs::read_to_string(&state_file).expect("the state from before the loop, kept");
        assert!(kept.contains("\"player\"") && kept.contains("assets/player.png"), "{kept}");
        support::edit(&self.lib(), ENDLESS_LOOP, "");
    }
}

/// Where the game's frame begins, and an endless loop to put there.
const FRAME_START: &str = "    let dt = get_frame_time();\n";
const ENDLESS_LOOP: &str = "    while std::hint::black_box(true) {}\n";

fn background_code([r, g, b]: Rgb) -> String {
    format!("Color::from_rgba({r:#04x}, {g:#04x}, {b:#04x}, 255)")
}

fn same_pixels(a: &Image, b: &Image) -> bool {
    (0..a.height).step_by(4).all(|y| (0..a.width).step_by(4).all(|x| a.pixel(x, y) == b.pixel(x, y)))
}

/// The length of the first horizontal run of `color`.
fn run_length(shot: &Image, color: Rgb) -> usize {
    let (x, y) = shot.find(color, 1).unwrap();
    (x..shot.width).take_while(|&x| support::close(shot.pixel(x, y), color)).count()
}

/// The plain build: no hot-reload code, and the game still runs (with the last background). Driven
/// with the mouse and keyboard, its kick sound reaches a (null) audio device.
fn check_static_release_build(project: &Path, x: &XServer, scratch: &Scratch) {
    support::run(Command::new("cargo").args(["build", "--release"]).current_dir(project));
    let tree = support::run(Command::new("cargo").args(["tree", "-e", "normal"]).current_dir(project));
    let tree = String::from_utf8_lossy(&tree.stdout);
    assert!(tree.contains(&format!("{NAME}-game")), "the static build links the game:\n{tree}");
    // Render indirection: the game library never depends on macroquad.
    let game_tree = support::run(
        Command::new("cargo").args(["tree", "-e", "normal", "-p", &format!("{NAME}-game")]).current_dir(project),
    );
    let game_tree = String::from_utf8_lossy(&game_tree.stdout);
    assert!(!game_tree.contains("macroquad"), "the game library must not depend on macroquad:\n{game_tree}");
    for hot_only in ["hot-lib-reloader", "ctrlc"] {
        assert!(!tree.contains(hot_only), "the static build must not depend on {hot_only}:\n{tree}");
    }
    let release = support::target_dir(project).join("release").join(NAME);
    let binary = fs::read(&release).unwrap();
    assert!(!contains(&binary, b"hot_lib_reloader"), "the release binary contains hot-reload code");

    let audio = AudioCapture::start(scratch);
    let mut game = x
        .command(release.to_str().unwrap())
        .env("ALSA_CONFIG_PATH", &audio.config)
        .current_dir(project)
        .spawn()
        .unwrap();
    let window = support::wait_for(Duration::from_secs(30), Duration::from_millis(200), || {
        let window = x.window(NAME)?;
        (x.screenshot(&window)?.top_left(PLAYER, 500)? == (200, 300)).then_some(window)
    });
    let window = window.expect("the release build should open the window and draw the game (fresh, no saved state)");
    let shot = || x.screenshot(&window).unwrap();
    assert!(!audio.heard(), "nothing plays before the kick");
    // A click puts the ball down right of the player; space kicks it away, with a sound.
    x.click(&window, 256, 324);
    let near = |(x, y): (usize, usize), (to_x, to_y): (usize, usize)| x.abs_diff(to_x) <= 2 && y.abs_diff(to_y) <= 2;
    support::wait_for(Duration::from_secs(5), Duration::from_millis(20), || {
        near(shot().top_left(BALL, 100)?, (242, 310)).then_some(())
    })
    .expect("the click should put the ball down where the mouse is");
    x.press_key(&window, "space");
    let kicked = support::wait_for(Duration::from_secs(5), Duration::from_millis(20), || {
        (shot().top_left(BALL, 100)?.0 > 300).then_some(())
    });
    let heard = support::wait_for(Duration::from_secs(5), Duration::from_millis(20), || audio.heard().then_some(()));
    let _ = game.kill();
    let _ = game.wait();
    kicked.expect("space next to the ball should kick it away");
    heard.expect("the kick's sound should reach the audio device");
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
