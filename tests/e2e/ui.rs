//! End-to-end test of the ui starter (`--define starter=ui`): egui inside the hot library, drawn by
//! the binary. Generated with the real cargo-generate, run with its own `just dev` under a real X
//! server, driven with xdotool (click, type, drag) and read from outside (pixels), edited while it runs.

use std::fs;
use std::ops::Range;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use support::{DevLoop, Image, Rgb, Scratch, XServer};

const NAME: &str = "creature-lab";
/// The preview's background (`BACKGROUND` in the starter's lib.rs).
const BACKGROUND: Rgb = [0x1d, 0x23, 0x33];
/// The third creature's colour (`PALETTE[2]`): what "Add" makes, selected, drawn big in the preview.
const PINK: Rgb = [0xf1, 0x5b, 0xb5];
/// The preview's text (the selected creature's name under it).
const TEXT: Rgb = [0xe8, 0xe8, 0xe8];
const BANNER: Rgb = [0x5a, 0x10, 0x18];
const FIRST_BUILD: Duration = Duration::from_secs(20 * 60);
const RELOAD: Duration = Duration::from_secs(10);

/// Where things are in the 800x600 window as the starter lays it out (egui's default style and fonts).
const ADD_BUTTON: (usize, usize) = (27, 36);
const NAME_FIELD: (usize, usize) = (696, 35);
const SIZE_SLIDER_KNOB: (usize, usize) = (638, 120);
const NOTES_FIELD: (usize, usize) = (680, 225);
const NOTES: (Range<usize>, Range<usize>) = (567..794, 193..256);
/// The notes field once the edit below has added a line (18 px) above it.
const EDITED_NOTES: (Range<usize>, Range<usize>) = (567..794, 211..274);
/// The preview: between the 170 px list and the details panel.
const PREVIEW: (Range<usize>, Range<usize>) = (175..535, 0..500);
/// The details panel's heading.
const HEADING: (Range<usize>, Range<usize>) = (545..700, 2..26);

#[test]
fn ui_starter_clicks_types_drags_and_hot_reloads_its_ui() {
    support::require_all_tools();
    let x = XServer::start();
    let scratch = Scratch::new("hot-template-ui");
    let project = support::generate(&scratch, NAME, &["starter=ui"]);
    check_only_the_ui_starter(&project);
    // Its own tests (the UI's logic, and egui's input, memory and panics in the contract's tests).
    support::run(Command::new("just").arg("test").current_dir(&project).env_remove("DISPLAY"));

    let mut dev = DevLoop::start(&project, Some(&x), &[]);
    let window = support::wait_for(FIRST_BUILD, Duration::from_millis(500), || {
        let window = x.window(NAME)?;
        (x.screenshot(&window)?.share_of(BACKGROUND) > 0.3).then_some(window)
    })
    .unwrap_or_else(|| panic!("no window showing the preview; `just dev` printed:\n{}", dev.log()));
    let pid = support::game_pid(&project, NAME).expect("the program's process");
    let shot = || x.screenshot(&window).expect("a screenshot of the window");
    let expect_screen = |what: &str, check: &dyn Fn(&Image) -> bool| {
        support::wait_for(RELOAD, Duration::from_millis(20), || check(&shot()).then_some(()))
            .unwrap_or_else(|| panic!("the window never showed {what}; `just dev` printed:\n{}", dev.log()));
    };

    // A click on "Add": a third creature, selected, drawn big and pink in the preview.
    x.click(&window, ADD_BUTTON.0, ADD_BUTTON.1);
    expect_screen("the added creature", &|shot| count(shot, PINK, &PREVIEW) > 3_000);
    let name_before = count(&shot(), TEXT, &PREVIEW);

    // Typing: select the Name field's text and type over it; the preview's label follows.
    x.click(&window, NAME_FIELD.0, NAME_FIELD.1);
    x.press_key(&window, "ctrl+a");
    x.type_text(&window, "Dragonx");
    x.press_key(&window, "BackSpace");
    expect_screen("the typed name", &|shot| count(shot, TEXT, &PREVIEW).abs_diff(name_before) > 40);

    // Copy and paste through the system clipboard: the name, copied, pasted into the notes.
    x.click(&window, NAME_FIELD.0, NAME_FIELD.1);
    x.press_key(&window, "ctrl+a");
    x.press_key(&window, "ctrl+c");
    x.click(&window, NOTES_FIELD.0, NOTES_FIELD.1);
    std::thread::sleep(Duration::from_millis(300));
    let empty_notes = region(&shot(), &NOTES);
    x.press_key(&window, "ctrl+v");
    expect_screen("the pasted notes", &|shot| region(shot, &NOTES) != empty_notes);

    // Dragging the Size slider to the right: the creature grows.
    let small = count(&shot(), PINK, &PREVIEW);
    x.drag(&window, SIZE_SLIDER_KNOB, (SIZE_SLIDER_KNOB.0 + 45, SIZE_SLIDER_KNOB.1));
    expect_screen("a bigger creature", &|shot| count(shot, PINK, &PREVIEW) > small * 3 / 2);
    std::thread::sleep(Duration::from_millis(300));
    let chosen = shot();
    chosen.save_png(&support::template_dir().join("target/ui-starter.png")); // for the README
    let (pink, name) = (count(&chosen, PINK, &PREVIEW), count(&chosen, TEXT, &PREVIEW));

    // Edit the UI while it runs: rename the heading and add a widget under it. The same process
    // shows the new UI, with everything typed and chosen still there.
    let lib = project.join("lib/src/lib.rs");
    let heading_before = region(&chosen, &HEADING);
    let saved = Instant::now();
    support::edit(
        &lib,
        "    ui.heading(\"Details\");\n",
        "    ui.heading(\"Creature\");\n    ui.label(\"Edited while running\");\n",
    );
    expect_screen("the edited heading", &|shot| region(shot, &HEADING) != heading_before);
    eprintln!("UI edit -> visible: {} ms", saved.elapsed().as_millis());
    let after = shot();
    assert_eq!(support::game_pid(&project, NAME), Some(pid), "a UI edit must not restart the program");
    assert!(count(&after, PINK, &PREVIEW).abs_diff(pink) < pink / 20, "the chosen size should be kept");
    assert_eq!(count(&after, TEXT, &PREVIEW), name, "the typed name should be kept");
    assert!(dev.log().contains("[hot] reloaded library v1,"), "{}", dev.log());

    // A panic in a button's callback: the banner shows, the program stays up, the state stays as
    // it was before that frame; a fixing save recovers.
    let add = "        if ui.button(\"Add\").clicked() {\n";
    let kaboom = "            panic!(\"kaboom in a button\");\n";
    support::edit(&lib, add, &format!("{add}{kaboom}"));
    support::wait_for(RELOAD, Duration::from_millis(50), || {
        dev.log().contains("[hot] reloaded library v2,").then_some(())
    })
    .unwrap_or_else(|| panic!("the panicking edit was not reloaded:\n{}", dev.log()));
    x.click(&window, ADD_BUTTON.0, ADD_BUTTON.1);
    expect_screen("the panic banner", &|shot| support::close(shot.pixel(shot.width / 2, shot.height - 4), BANNER));
    assert!(dev.log().contains("kaboom in a button"), "{}", dev.log());
    assert_eq!(support::game_pid(&project, NAME), Some(pid), "a panic must not end the program");
    support::edit(&lib, kaboom, "");
    expect_screen("recovery", &|shot| !support::close(shot.pixel(shot.width / 2, shot.height - 4), BANNER));
    let recovered = shot();
    assert_eq!(count(&recovered, TEXT, &PREVIEW), name, "the state from before the panic should be kept");

    // `notes` renamed without an alias: the pasted notes are not taken, but kept, and the terminal says
    // so and suggests the alias; with it, the notes come back.
    let written = notes_text(&shot());
    assert!(written > 20, "the notes should show the pasted name: {written} pixels of text");
    let text = fs::read_to_string(&lib).unwrap();
    fs::write(&lib, text.replace("notes", "remarks")).unwrap();
    let line = wait_for_state_line(&dev, "`remarks`");
    assert!(line.starts_with("[hot] state: not taken: `notes` (\"Dragon\"), kept in target/just-dev/kept.json; from their default: `remarks`."), "{line}");
    assert!(line.contains("Add #[serde(alias = \"notes\")] to `remarks`"), "{line}");
    expect_screen("the notes gone", &|shot| notes_text(shot) < written / 4);
    let text = fs::read_to_string(&lib).unwrap();
    fs::write(
        &lib,
        text.replace("    pub remarks: String,", "    #[serde(alias = \"notes\")]\n    pub remarks: String,"),
    )
    .unwrap();
    let line = wait_for_state_line(&dev, "taken back");
    assert_eq!(line, "[hot] state: taken back from target/just-dev/kept.json: `notes`.");
    expect_screen("the notes back", &|shot| notes_text(shot) > written * 3 / 4);

    // Ctrl-C: everything stops, and the state (with egui's memory) is saved for the next start.
    dev.ctrl_c();
    dev.wait_exit(Duration::from_secs(20)).expect("`just dev` should exit after Ctrl-C");
    assert!(support::processes_in(&project).is_empty(), "nothing should be left running");
    let saved = fs::read_to_string(support::dev_file(&project, "state.json")).expect("the saved state");
    assert!(saved.contains("\"name\":\"Dragon\"") && saved.contains("\"egui\":\"("), "{saved}");
    assert!(saved.contains("\"remarks\":\"Dragon\""), "the pasted name should be in the notes: {saved}");
}

fn check_only_the_ui_starter(project: &Path) {
    let file = |path: &str| fs::read_to_string(project.join(path)).unwrap_or_else(|_| panic!("{path} should exist"));
    assert!(file("lib/src/lib.rs").contains("gui::run("), "the ui starter's library");
    assert!(file("lib/Cargo.toml").contains("features = [\"egui\"]"), "the ui starter turns egui on");
    assert!(file("README.md").contains("egui"), "the README tells about the UI");
    for left_out in [
        "starters",
        "tests",
        ".ci",
        "cargo-generate.toml",
        "docs/starter.png",
        "docs/loop-editing.png",
        "docs/rewind.png",
    ] {
        assert!(!project.join(left_out).exists(), "{left_out} should not be in a ui project");
    }
    // The binary never links egui: it draws plain triangles.
    let tree = support::run(
        Command::new("cargo")
            .args(["tree", "-p", NAME, "-e", "normal", "--no-default-features", "--features", "reload"])
            .current_dir(project),
    );
    assert!(!String::from_utf8_lossy(&tree.stdout).contains("egui"), "the hot binary should not depend on egui");
}

/// The first `[hot] state:` line of `just dev`'s output that contains `text`.
fn wait_for_state_line(dev: &DevLoop, text: &str) -> String {
    let found = support::wait_for(RELOAD, Duration::from_millis(50), || {
        dev.log().lines().find(|line| line.starts_with("[hot] state:") && line.contains(text)).map(str::to_string)
    });
    found.unwrap_or_else(|| panic!("no `[hot] state:` line with {text}:\n{}", dev.log()))
}

/// Pixels of `color` in the region.
fn count(shot: &Image, color: Rgb, (xs, ys): &(Range<usize>, Range<usize>)) -> usize {
    ys.clone()
        .flat_map(|y| xs.clone().map(move |x| (x, y)))
        .filter(|&(x, y)| support::close(shot.pixel(x, y), color))
        .count()
}

/// The light grey pixels of the text in the notes field, after the edit (egui's own text colour,
/// antialiased: shades of grey on the field's near-black; a focused field's frame is blue, not grey).
fn notes_text(shot: &Image) -> usize {
    let (xs, ys) = &EDITED_NOTES;
    let grey = |[r, g, b]: Rgb| r > 0x90 && r.abs_diff(g) < 8 && r.abs_diff(b) < 8;
    ys.clone().flat_map(|y| xs.clone().map(move |x| (x, y))).filter(|&(x, y)| grey(shot.pixel(x, y))).count()
}

fn region(shot: &Image, (xs, ys): &(Range<usize>, Range<usize>)) -> Vec<Rgb> {
    ys.clone().flat_map(|y| xs.clone().map(move |x| shot.pixel(x, y))).collect()
}
