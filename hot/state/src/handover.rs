//! The binary's side of the game's state, for starters whose `State` lives in the library: the state as
//! the last build handed it over, the values no build has taken yet (see `Restored::not_taken`), the
//! files that keep both for the next start, and the line that says what did not carry over.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::{Restored, Saved};
use hot::host::files;

/// How long the window's banner shows what a restore did not carry over.
const BANNER_FOR: Duration = Duration::from_secs(6);

pub struct Handover {
    /// `None` until there is a state to hand over: the game then starts afresh, and says nothing.
    saved: Option<Saved>,
    /// Values no build has taken (`Restored::not_taken`), offered to each build; empty if none.
    kept: String,
    /// What the last restore did not carry over, for the banner, and since when.
    report: Option<(String, Instant)>,
    /// The file the state came from, until the first restore says so.
    from_file: Option<PathBuf>,
}

/// The state kept for the next start, and the values no build has taken.
pub fn state_file() -> PathBuf {
    files::dev_dir().join("state.json")
}

pub fn kept_file() -> PathBuf {
    files::dev_dir().join("kept.json")
}

impl Handover {
    /// The state the last run kept for this one, if it kept one (else the game starts afresh).
    pub fn load() -> Handover {
        let saved = std::fs::read(state_file()).ok();
        let kept = std::fs::read_to_string(kept_file()).unwrap_or_default();
        let from_file = saved.is_some().then(state_file);
        Handover { saved, kept, report: None, from_file }
    }

    /// Keeps the state a build saved (before it is unloaded, or as a starting point).
    pub fn save(&mut self, saved: Saved) {
        self.saved = Some(saved);
    }

    /// Gives the state to the loaded build through its `restore_state` entry point, with the values kept
    /// from earlier, and says in one line what did not carry over as it was (nothing if everything did).
    pub fn restore(&mut self, restore_state: impl FnOnce(&Saved, &str) -> Restored) {
        let Some(saved) = &self.saved else {
            // Nothing to hand over yet: "{}" lets the new build set up its panic report, and the game
            // starts afresh in its next frame (whether or not `State` can read it).
            restore_state(&b"{}".to_vec(), "");
            return;
        };
        let restored = restore_state(saved, &self.kept);
        let first = self.from_file.is_some();
        if let Some(file) = self.from_file.take().filter(|_| restored.afresh.is_none()) {
            println!("[hot] state restored from {}", files::shown(&file));
        }
        // Values kept from before and still not taken were said when they were kept: not again at every
        // reload, F5 and F7, only at the start.
        let same_again = restored.afresh.is_none()
            && restored.not_taken == self.kept
            && restored.defaulted.is_empty()
            && restored.taken_back.is_empty();
        if restored.afresh.is_none() && restored.not_taken != self.kept {
            self.kept.clone_from(&restored.not_taken);
            if self.kept.is_empty() {
                let _ = std::fs::remove_file(kept_file());
            } else {
                files::write_dev_file(&kept_file(), &self.kept);
            }
        }
        if same_again && !first {
            return;
        }
        if let Some(line) = report(&restored, &files::shown(&kept_file())) {
            println!("{line}");
            self.report = Some((line.trim_start_matches("[hot] ").to_string(), Instant::now()));
        }
    }

    /// What the window's banner shows for a while after a restore that did not carry everything over.
    pub fn banner(&self) -> Option<String> {
        let (line, since) = self.report.as_ref()?;
        (since.elapsed() < BANNER_FOR).then(|| line.clone())
    }

    /// Keeps the state for the next start (`target/just-dev/state.json`).
    pub fn write(&self) {
        if let Some(saved) = &self.saved {
            Handover::write_for_next_start(saved);
        }
    }

    /// Keeps `saved` for the next start (from any thread: the watchdog's, when a frame is stuck), as
    /// JSON's text, which you can read.
    pub fn write_for_next_start(saved: &Saved) {
        match crate::binary::to_json(saved) {
            Ok(json) => files::write_dev_file(&state_file(), &json),
            Err(error) => eprintln!("[hot] the state could not be kept for the next start: {error}"),
        }
    }
}

/// The line for what did not carry over, or `None` if everything did.
fn report(restored: &Restored, kept_file: &str) -> Option<String> {
    if let Some(why) = &restored.afresh {
        return Some(format!("[hot] starting afresh: {why}"));
    }
    if restored.is_complete() {
        return None;
    }
    let mut parts = Vec::new();
    let unfit = |at: &str| restored.unfit.iter().find(|(unfit, _)| unfit == at).map(|(_, why)| why);
    let not_taken: Vec<String> = restored
        .not_taken_at
        .iter()
        .map(|(at, value)| match unfit(at) {
            Some(why) => format!("`{at}` ({value}: it no longer fits, {why})"),
            None => format!("`{at}` ({value})"),
        })
        .collect();
    if !not_taken.is_empty() {
        parts.push(format!("not taken: {}, kept in {kept_file}", not_taken.join(", ")));
    }
    if !restored.defaulted.is_empty() {
        let fields: Vec<String> = restored.defaulted.iter().map(|at| format!("`{at}`")).collect();
        parts.push(format!("from their default: {}", fields.join(", ")));
    }
    if !restored.taken_back.is_empty() {
        let fields: Vec<String> = restored.taken_back.iter().map(|at| format!("`{at}`")).collect();
        parts.push(format!("taken back from {kept_file}: {}", fields.join(", ")));
    }
    let mut line = format!("[hot] state: {}.", parts.join("; "));
    for (old, new) in &restored.renamed {
        line += &format!(
            " Renamed `{old}` to `{new}`? Add #[serde(alias = \"{old}\")] to `{new}` and save: the kept value comes back."
        );
    }
    Some(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everything_carried_over_says_nothing() {
        assert_eq!(report(&Restored::default(), "kept.json"), None);
    }

    #[test]
    fn a_rename_says_what_was_kept_where_and_suggests_the_alias() {
        let restored = Restored {
            not_taken: "[[[\"lives\"],3]]".into(),
            not_taken_at: vec![("lives".into(), "3".into())],
            defaulted: vec!["hearts".into()],
            renamed: vec![("lives".into(), "hearts".into())],
            ..Restored::default()
        };
        assert_eq!(
            report(&restored, "target/just-dev/kept.json").unwrap(),
            "[hot] state: not taken: `lives` (3), kept in target/just-dev/kept.json; from their default: `hearts`. \
             Renamed `lives` to `hearts`? Add #[serde(alias = \"lives\")] to `hearts` and save: the kept value comes back."
        );
    }

    #[test]
    fn unfit_values_say_why_and_a_fresh_start_says_so() {
        let restored = Restored {
            not_taken_at: vec![("player".into(), "{\"x\":1.0}".into())],
            unfit: vec![("player".into(), "invalid type: map, expected a string".into())],
            ..Restored::default()
        };
        let line = report(&restored, "kept.json").unwrap();
        assert!(
            line.contains("`player` ({\"x\":1.0}: it no longer fits, invalid type: map, expected a string)"),
            "{line}"
        );
        let afresh = Restored { afresh: Some("the saved state could not be read".into()), ..Restored::default() };
        assert_eq!(report(&afresh, "kept.json").unwrap(), "[hot] starting afresh: the saved state could not be read");
    }
}
