//! The README's table of macroquad's examples is true: every example it says ports has its port in
//! `tests/ports/examples/`, made with the README's steps, and each compiles as the game library of a
//! generated macroquad project (eight of them are also run next to their originals: `e2e/macroquad.rs`);
//! every example of macroquad's has a row, and none without a port says it ports. The ported games in
//! `tests/ports/games/` compile the same way.

#[path = "../ports/mod.rs"]
#[allow(dead_code)]
mod ports;

use std::fs;
use std::process::Command;

use support::Scratch;

#[test]
fn every_example_the_readme_says_ports_and_every_ported_game_compiles_as_the_game_library() {
    support::require("cargo-generate", "--version");
    let examples = ports::macroquad_examples();
    let ported = support::template_dir().join("tests/ports/examples");
    let readme = fs::read_to_string(support::template_dir().join("starters/README.md")).unwrap();
    let table = readme.split("<summary>All 34 examples</summary>").nth(1).expect("the README's table of examples");
    let rows: Vec<(&str, &str)> = table
        .lines()
        .take_while(|line| !line.starts_with("</details>"))
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            (cells.len() > 3 && !cells[1].is_empty() && !cells[1].starts_with("---") && cells[1] != "example")
                .then(|| (cells[1], cells[2]))
        })
        .collect();
    let mut originals: Vec<String> = fs::read_dir(&examples)
        .unwrap()
        .flatten()
        .filter_map(|entry| entry.file_name().to_str()?.strip_suffix(".rs").map(str::to_string))
        .collect();
    originals.sort();
    let named: Vec<&str> = rows.iter().map(|(name, _)| *name).collect();
    assert_eq!(named, originals, "the README's table should have a row for each of macroquad's examples");
    for (name, ports) in &rows {
        let has_port = ported.join(format!("{name}.rs")).exists();
        assert_eq!(!ports.starts_with("no"), has_port, "{name}: the README says `{ports}`");
    }

    let scratch = Scratch::new("ports-check");
    let project = support::generate(&scratch, "ports-check", &[]);
    let lib = project.join("lib/src/lib.rs");
    // The ported game (`tests/ports/games/`) saves its high scores with serde_json, as its original does.
    let manifest = project.join("lib/Cargo.toml");
    let cargo_toml = fs::read_to_string(&manifest).unwrap();
    fs::write(&manifest, cargo_toml.replacen("[dependencies]\n", "[dependencies]\nserde_json = \"1\"\n", 1)).unwrap();
    let games = support::template_dir().join("tests/ports/games");
    let examples = rows.iter().map(|(name, _)| ported.join(format!("{name}.rs"))).filter(|port| port.exists());
    let mut broken = Vec::new();
    for port in examples.chain(fs::read_dir(&games).unwrap().flatten().map(|entry| entry.path())) {
        let name = port.file_stem().unwrap().to_string_lossy().into_owned();
        fs::copy(&port, &lib).unwrap();
        // The hot build's configuration, where the library's entry points are exported (`lib/src/exports.rs`);
        // clippy (its warnings allowed), which reuses what the starters' check compiled.
        let checked = Command::new("cargo")
            .args([
                "clippy",
                "--workspace",
                "--no-default-features",
                "--features",
                "reload",
                "--message-format",
                "short",
            ])
            .current_dir(&project)
            .output()
            .unwrap();
        if !checked.status.success() {
            broken.push(format!("{name}:\n{}", String::from_utf8_lossy(&checked.stderr)));
        }
    }
    assert!(broken.is_empty(), "ported examples that do not compile:\n{}", broken.join("\n"));
}
