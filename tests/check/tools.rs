//! The tools the tests run and the tools `tests/setup` installs and checks must be the same list: a
//! program the tests run that setup does not check fails an hour into a fresh machine's CI run, and a
//! check of the wrong program (a `convert` that is not ImageMagick's) lets it get there. Reads the
//! sources only, so it runs in a moment.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// Programs every machine of CI's kind has: Debian's essential packages, git, and the Rust toolchain.
const ALWAYS_THERE: [&str; 8] = ["cargo", "rustc", "git", "bash", "sh", "timeout", "mkfifo", "ldd"];
/// Programs only `just bench` runs, and only when they are installed (its report says how to get them):
/// Dioxus' `dx`, the same-run reference it measures reloads against (`tests/bench/dioxus.rs`).
const BENCH_ONLY: [&str; 1] = ["dx"];

#[test]
fn setup_checks_every_program_the_tests_run() {
    let dir = support::template_dir();
    let checked = checked_by_setup(&fs::read_to_string(dir.join("tests/setup")).unwrap());
    let mut run = BTreeSet::new();
    for file in rust_files(&dir.join("tests")).into_iter().filter(|file| !file.ends_with("tools.rs")) {
        run.extend(programs_run(&fs::read_to_string(&file).unwrap()));
    }
    assert!(run.contains("import") && run.contains("xdotool"), "the scan should find the window tools: {run:?}");
    let unchecked: Vec<_> = run
        .iter()
        .filter(|program| {
            !checked.contains(*program) && ![ALWAYS_THERE.as_slice(), &BENCH_ONLY].concat().contains(&program.as_str())
        })
        .collect();
    assert!(unchecked.is_empty(), "tests/setup does not check these programs the tests run: {unchecked:?}");

    // And the other way: each program setup checks is run by the tests, `just dev` (its scripts) or the
    // generated CI, or by one of those programs.
    let mut text = String::new();
    let sources = rust_files(&dir.join("tests")).into_iter().filter(|file| !file.ends_with("tools.rs"));
    let dev_scripts = ["hot/scripts/dev.sh", "hot/scripts/build-lib.sh"].map(|script| dir.join(script));
    for file in sources.chain([dir.join("justfile"), dir.join(".github/workflows/ci.yml")]).chain(dev_scripts) {
        text += &fs::read_to_string(file).unwrap();
    }
    for program in &checked {
        let user = NEEDED_BY.iter().find(|(needed, _)| needed == program).map_or(program.as_str(), |(_, by)| by);
        assert!(text.contains(user), "tests/setup checks `{program}`, which nothing runs");
    }
}

/// Programs nothing here runs itself, and the program that needs them (cargo: to build ALSA's bindings).
const NEEDED_BY: [(&str, &str); 2] = [("xauth", "xvfb-run"), ("pkg-config", "cargo")];

/// The shell scripts of the template and of its projects, as `shellcheck` judges them.
#[test]
fn shell_scripts_pass_shellcheck() {
    support::require("shellcheck", "--version");
    let dir = support::template_dir();
    let scripts = ["tests/setup", ".ci/run", "hot/scripts/dev.sh", "hot/scripts/build-lib.sh"];
    support::run(std::process::Command::new("shellcheck").args(scripts).current_dir(&dir));
}

#[test]
fn setup_checks_the_words_imagemagick_prints_not_just_the_name() {
    let setup = fs::read_to_string(support::template_dir().join("tests/setup")).unwrap();
    // A fresh machine had a `convert` that was not ImageMagick's: the name alone proves nothing.
    assert!(
        setup.contains("command import -version ImageMagick"),
        "tests/setup should check that `import` is ImageMagick's"
    );
}

/// The programs named by `command NAME` in setup's checks, and its cargo tools.
fn checked_by_setup(setup: &str) -> BTreeSet<String> {
    let mut checked = BTreeSet::new();
    for line in setup.lines().map(str::trim) {
        let Some(entry) = line.strip_prefix('"').and_then(|rest| rest.split('"').next()) else { continue };
        let mut fields = entry.split('|');
        let (Some(name), Some(check)) = (fields.next(), fields.next()) else { continue };
        match check.split_whitespace().collect::<Vec<_>>().as_slice() {
            ["command", program, ..] => drop(checked.insert(program.to_string())),
            [_, ..] if check.ends_with(" --version") => drop(checked.insert(name.to_string())),
            _ => {}
        }
    }
    checked
}

/// Programs a test source starts: `Command::new("x")`, `.command("x")`, `.tool("x")`, `require("x", ..)`,
/// and what it runs through `timeout`.
fn programs_run(source: &str) -> BTreeSet<String> {
    let mut programs = BTreeSet::new();
    for opener in ["Command::new(\"", ".command(\"", ".tool(\"", "require(\""] {
        for (at, _) in source.match_indices(opener) {
            let rest = &source[at + opener.len()..];
            let program = &rest[..rest.find('"').unwrap()];
            // A path (`hot/scripts/build-lib.sh`) is one of the project's own scripts, not a tool to install.
            if !program.is_empty() && !program.contains(['{', ' ', '/']) {
                programs.insert(program.to_string());
            }
        }
    }
    // `timeout 10 xdotool ...` spelled as arguments.
    for (at, _) in source.match_indices(".args([\"10\", \"") {
        let rest = &source[at + ".args([\"10\", \"".len()..];
        programs.insert(rest[..rest.find('"').unwrap()].to_string());
    }
    programs
}

fn rust_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            files.push(path);
        }
    }
    files
}

#[test]
fn the_scan_finds_what_a_test_runs() {
    let source = r#"run(Command::new("kill").arg(pid)); x.command("just"); self.tool("import"); require("Xvfb", "-help");
        x.command("timeout").args(["10", "xdotool", "windowfocus"]); Command::new(program)"#;
    let found: Vec<String> = programs_run(source).into_iter().collect();
    assert_eq!(found, ["Xvfb", "import", "just", "kill", "timeout", "xdotool"]);
    let setup = "    \"xvfb|command Xvfb\"   # comment\n    \"imagemagick|command import -version ImageMagick\"\n    \"just|just --version|$(pin just_version)\"\n    \"x|file /usr/lib/*/libX.so\"\n";
    let checked: Vec<String> = checked_by_setup(setup).into_iter().collect();
    assert_eq!(checked, ["Xvfb", "import", "just"]);
}
