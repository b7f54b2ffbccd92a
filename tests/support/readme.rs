//! The paths a README names, as the template's tests read them:
//! - in inline code (`...`, outside fenced blocks): each word that contains a `/` or ends in one of
//!   [`EXTENSIONS`], or is `justfile` (words end at whitespace and at characters no path here uses);
//! - every link and image target (`[..](target)`, `![..](target)`), apart from URLs and `#anchors`; a
//!   target's own `#fragment` is dropped;
//! - in fenced code blocks (the layout tree): the first word of each line, by the same test as inline
//!   code, relative to the folder named by the closest line above it with less indentation whose first
//!   word ends in `/`.
//!
//! Left out, as they need not exist in a project nobody has built or run yet: build output (paths that
//! start with `target`, such as `target/hot/` and `target-bin/`), paths outside the project (starting
//! with `/` or `~`), URLs, and placeholders and globs (a `<`, `>`, `*` or `$` in the word).

use std::collections::BTreeSet;

/// File endings that make a word a path.
pub const EXTENSIONS: [&str; 17] = [
    ".rs",
    ".toml",
    ".md",
    ".png",
    ".json",
    ".lock",
    ".wav",
    ".ttf",
    ".txt",
    ".yml",
    ".rhai",
    ".just",
    ".sh",
    ".ps1",
    ".vert",
    ".frag",
    ".gitignore",
];

/// The files and folders the README names, by the rules at the top of this file.
pub fn named_paths(readme: &str) -> BTreeSet<String> {
    let mut paths = BTreeSet::new();
    let (prose, fenced) = split_fenced(readme);

    let pieces: Vec<&str> = prose.split('`').collect();
    assert!(pieces.len() % 2 == 1, "README.md has an unmatched backtick");
    for code in pieces.iter().skip(1).step_by(2) {
        for word in code.split_whitespace() {
            if word.contains("://") {
                continue;
            }
            for part in word.split(|c: char| !(c.is_ascii_alphanumeric() || "._-/~<>*$".contains(c))) {
                if let Some(path) = as_path(part) {
                    paths.insert(path);
                }
            }
        }
    }

    for target in link_targets(readme) {
        let target = target.split('#').next().unwrap_or_default();
        if !target.is_empty() && !target.contains("://") && !target.starts_with("mailto:") {
            paths.insert(target.to_string());
        }
    }

    for block in fenced {
        // (indentation, folder) of the lines above that name a folder.
        let mut folders: Vec<(usize, String)> = Vec::new();
        for line in block.lines() {
            let indent = line.len() - line.trim_start().len();
            let Some(first) = line.split_whitespace().next() else { continue };
            let Some(path) = as_path(first) else { continue };
            while folders.last().is_some_and(|&(above, _)| above >= indent) {
                folders.pop();
            }
            let full = match folders.last() {
                Some((_, folder)) => format!("{folder}{path}"),
                None => path,
            };
            if full.ends_with('/') {
                folders.push((indent, full.clone()));
            }
            paths.insert(full);
        }
    }
    paths
}

/// `word` as a path in the project, if it looks like one and is not left out (see the top of this file).
fn as_path(word: &str) -> Option<String> {
    let word = word.trim_end_matches('.');
    let looks_like_a_path =
        word.contains('/') || word == "justfile" || EXTENSIONS.iter().any(|ext| word.ends_with(ext));
    let left_out = word.starts_with("target")
        || word.starts_with('/')
        || word.starts_with('~')
        || word.contains(['<', '>', '*', '$']);
    (looks_like_a_path && !left_out).then(|| word.to_string())
}

/// The README outside fenced code blocks, and the fenced blocks' contents.
pub fn split_fenced(readme: &str) -> (String, Vec<String>) {
    let (mut prose, mut blocks) = (String::new(), Vec::new());
    let mut block: Option<String> = None;
    for line in readme.lines() {
        if line.trim_start().starts_with("```") {
            match block.take() {
                Some(done) => blocks.push(done),
                None => block = Some(String::new()),
            }
            continue;
        }
        let into = block.as_mut().unwrap_or(&mut prose);
        into.push_str(line);
        into.push('\n');
    }
    assert!(block.is_none(), "README.md has an unclosed code block");
    (prose, blocks)
}

/// The targets of the README's links and images, `](target)`, outside code.
pub fn link_targets(readme: &str) -> Vec<String> {
    let (prose, _) = split_fenced(readme);
    let outside_code: String = prose.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    outside_code
        .split("](")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .map(|target| target.trim().to_string())
        .collect()
}
