//! Where hot reloading finds things on disk: the library file it loads, the library's sources (the
//! reload line measures from their last save), and `target/just-dev/`, the project's own files (the
//! state kept for the next start, the last F7 loop, the fast path's recorded command). Those are
//! always in the project's folder, also when `CARGO_TARGET_DIR` points elsewhere and other projects
//! build there too; the library file is named after the project for the same reason.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The project's folder, where `just dev` runs (this crate is its `hot/`).
pub fn project_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("hot/ is in the project's folder")
}

/// This project's own files: `target/just-dev/` in the project's folder.
pub fn dev_dir() -> PathBuf {
    project_dir().join("target").join("just-dev")
}

/// Where cargo builds: `CARGO_TARGET_DIR` as this program sees it, else as its build saw it, else
/// `target/` in the project.
pub fn target_dir() -> PathBuf {
    let dir = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from);
    let dir = dir.or_else(|| option_env!("CARGO_TARGET_DIR").map(PathBuf::from)).unwrap_or_else(|| "target".into());
    project_dir().join(dir)
}

/// Where `just dev` builds the library (profile `hot`). The binary may be built elsewhere (on Windows
/// in `target-bin`, so that the running exe never locks the library's build).
pub fn library_dir() -> PathBuf {
    target_dir().join("hot")
}

/// The game library's crate name for the project whose binary package is `project`: its file is
/// `lib<project>_game.so` (`.dylib`, or `<project>_game.dll`), so projects sharing a target folder
/// each have their own.
pub fn library_name(project: &str) -> String {
    format!("{}_game", project.replace('-', "_"))
}

/// The library file the reloader watches (it loads a copy of it, never the file itself).
pub fn library_file(project: &str) -> PathBuf {
    use std::env::consts::{DLL_PREFIX, DLL_SUFFIX};
    library_dir().join(format!("{DLL_PREFIX}{}{DLL_SUFFIX}", library_name(project)))
}

/// The library's sources.
pub fn library_sources() -> PathBuf {
    project_dir().join("lib").join("src")
}

/// When a file under `dir` was last modified.
pub fn newest_change(dir: &Path) -> Option<SystemTime> {
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .filter_map(|entry| {
            let metadata = entry.metadata().ok()?;
            if metadata.is_dir() { newest_change(&entry.path()) } else { metadata.modified().ok() }
        })
        .max()
}

/// Writes `contents` to `file` in [`dev_dir`], making the folder; a failure is said, not fatal.
pub fn write_dev_file(file: &Path, contents: &str) {
    let written = std::fs::create_dir_all(dev_dir()).and_then(|()| std::fs::write(file, contents));
    if let Err(error) = written {
        eprintln!("[hot] could not write {}: {error}", shown(file));
    }
}

/// `path` as the terminal shows it: relative to the project's folder when it is inside it.
pub fn shown(path: &Path) -> String {
    path.strip_prefix(project_dir()).unwrap_or(path).display().to_string()
}
