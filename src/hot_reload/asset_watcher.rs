//! Watches the files of the assets the game loaded (textures, fonts, sounds, plain files), so that
//! saving over one shows in the running game at once: the binary loads it again, and the game is told
//! in its next `Input` (`changed_assets`).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use contract::boundary::{AssetLoad, AssetSource};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};

/// An editor or image tool may write a file in several steps: wait this long after the last one.
const SETTLE: Duration = Duration::from_millis(30);

pub struct AssetWatcher {
    /// `None` if the system refused a watcher (then assets simply do not reload).
    watcher: Option<RecommendedWatcher>,
    events: Receiver<notify::Result<notify::Event>>,
    watched_folders: HashSet<PathBuf>,
    /// The game's path for each watched file, by its absolute path.
    files: HashMap<PathBuf, String>,
    /// Changed files, with when they last changed.
    pending: HashMap<String, Instant>,
}

impl AssetWatcher {
    pub fn new() -> Self {
        let (sender, events) = channel();
        let watcher = notify::recommended_watcher(sender)
            .inspect_err(|error| eprintln!("[assets] cannot watch asset files, they will not reload: {error}"))
            .ok();
        Self { watcher, events, watched_folders: HashSet::new(), files: HashMap::new(), pending: HashMap::new() }
    }

    /// Starts watching the files of newly loaded assets. Their folders are watched, not the files:
    /// a file saved by renaming a new one over it, or one that is missing yet, is still seen.
    pub fn watch(&mut self, loads: &[AssetLoad]) {
        // The files assets were loaded from, and those a material's shaders were read from.
        let paths = loads.iter().flat_map(|load| match &load.source {
            AssetSource::Path(path) => vec![path],
            AssetSource::Material { vertex, fragment, .. } => {
                [&vertex.path, &fragment.path].into_iter().flatten().collect()
            }
            _ => Vec::new(),
        });
        for path in paths {
            let Ok(absolute) = std::path::absolute(path) else { continue };
            let folder = absolute.parent().unwrap_or(Path::new("/")).to_path_buf();
            self.files.insert(absolute, path.clone());
            if let Some(watcher) = &mut self.watcher
                && !self.watched_folders.contains(&folder)
                && watcher.watch(&folder, RecursiveMode::NonRecursive).is_ok()
            {
                self.watched_folders.insert(folder);
            }
        }
    }

    /// The game's paths of the files that changed and have settled since the last call.
    pub fn changed(&mut self) -> Vec<String> {
        for event in self.events.try_iter().flatten() {
            for path in &event.paths {
                if let Some(game_path) = self.files.get(path) {
                    self.pending.insert(game_path.clone(), Instant::now());
                }
            }
        }
        let settled: Vec<String> =
            self.pending.iter().filter(|(_, at)| at.elapsed() >= SETTLE).map(|(path, _)| path.clone()).collect();
        for path in &settled {
            self.pending.remove(path);
        }
        settled
    }
}
