//! Restoring a saved state into a `State` whose fields may have changed, and saying what did not carry
//! over as it was. JSON with `#[serde(default)]` is forgiving, which is what keeps a game running across
//! a struct change, and also what would lose a value without a word: a field renamed without an alias
//! starts from its default, a removed one vanishes, a retyped one fails. Here every value the new
//! `State` does not take is reported and kept (the binary offers it again to every later build), a value
//! that no longer fits its field is taken out and kept instead of failing the whole state, and fields
//! that started from their default are named.
//!
//! How: the saved state is read into `State` as serde would read it from JSON (straight from the binary
//! format, or, where a value no longer fits, as a tree of JSON's values, taking values out until it
//! reads); then the new state, written back out, is compared with what it was given. A key it was given and does not
//! have was not taken, unless a key it has and was not given holds the same value (an alias took it);
//! a key it has and was not given started from its default. Only the game's own `State` is compiled in
//! the game's crate, once for reading and once for writing, as any JSON hand-over needs: everything here
//! is compiled once, in this crate, and never again on a save.

use serde_json::Value;

use crate::{Restored, Saved, binary};

/// Where the restored state goes: the game's `Option<State>`, behind a trait object so that nothing
/// here is generic over it.
pub(crate) trait Slot {
    /// Reads the state straight from its binary format (`binary/read.rs`), or says why not; `Ok(true)` if
    /// that read vouches that every saved value was taken (nothing in `State` changed).
    fn read_saved(&mut self, saved: &[u8]) -> Result<bool, String>;
    /// Reads the state from `value`, or says what serde said.
    fn read(&mut self, value: &Value) -> Result<(), String>;
    /// The state, as a save writes it.
    fn write(&self) -> Option<Saved>;
}

/// A place in the state: an object's key or an array's index.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

/// At most this many reads are tried to find the values that no longer fit, before the game starts afresh.
const MOST_TRIES: usize = 256;

/// `saved`, and the values kept from earlier restores (`kept`, as [`Restored::not_taken`] had them),
/// read into `slot`, which is left empty only if the state cannot be read at all.
pub(crate) fn restore(saved: &[u8], kept: &str, slot: &mut dyn Slot) -> Restored {
    let mut report = Restored::default();
    // Most reloads change code, not `State`: then every struct has the fields it was saved with, the
    // state is read straight from the binary format, and everything carried over with nothing to compare.
    // A read that cannot vouch for that (a struct read by its fields' names, or a part serde buffered) is
    // checked by writing the state again: the same bytes, and everything carried over; else the two are
    // compared in outline (each array's first item: all `compare` looks at), which names the fields that
    // started from their default. A value not taken, one that no longer fits, or values kept from an
    // earlier restore, go on below, the JSON way (docs/bench.md has what each costs, in the state rows).
    let mut written = None;
    let mut new = None;
    if kept.is_empty() && binary::is_binary(saved) {
        match slot.read_saved(saved) {
            Ok(true) => return report,
            Ok(false) => {
                written = slot.write();
                if written.as_deref() == Some(saved) {
                    return report;
                }
                new = written.as_deref().and_then(|written| binary::to_outline(written).ok());
                if let (Some(new), Ok(old)) = (&new, binary::to_outline(saved)) {
                    let (not_taken, defaulted) = compared(&old, new);
                    if not_taken.is_empty() {
                        report.defaulted = dedup(defaulted.iter().map(|at| display(at)));
                        return report;
                    }
                }
            }
            Err(_) => {}
        }
    }
    let mut old = match binary::to_value(saved) {
        Ok(value) => value,
        Err(error) => {
            report.afresh = Some(format!("the saved state could not be read ({error})"));
            return report;
        }
    };
    let offered = parse_kept(kept);
    for (at, value) in &offered {
        insert_if_missing(&mut old, at, value);
    }
    let mut read = if written.is_some() { Ok(()) } else { slot.read(&old) };

    // Values that no longer fit their field: each is found by taking values out until the state reads.
    let mut unfit: Vec<(Vec<Step>, Value)> = Vec::new();
    let mut tries = 0;
    while let Err(why) = read {
        // A kept value, and a field that now takes it by an alias, which the last build saved too: the
        // kept value is the game's own, the other the default that field started from.
        if let Some(at) = duplicate_of_kept(&old, &offered, &why) {
            take(&mut old, &at);
            read = slot.read(&old);
            continue;
        }
        let found = find_unfit(&mut old, slot, &why, &mut tries);
        let Some((at, value)) = found.filter(|_| tries < MOST_TRIES) else {
            report.afresh = Some(format!("the saved state no longer fits `State` ({why})"));
            return report;
        };
        report.unfit.push((display(&at), why));
        unfit.push((at, value));
        read = slot.read(&old);
    }

    // What the new state holds, compared with what it was given.
    // (Read once, as the fast path above read it, if it did.)
    let new = new
        .or_else(|| written.or_else(|| slot.write()).and_then(|saved| binary::to_outline(&saved).ok()))
        .unwrap_or(Value::Null);
    let (not_taken, mut defaulted) = compared(&old, &new);
    defaulted.retain(|at| !unfit.iter().any(|(unfit, _)| unfit == at));

    for at in &not_taken {
        let Some(Step::Key(old_name)) = at.last() else { continue };
        for new_at in &defaulted {
            let same_parent = new_at.len() == at.len() && new_at[..at.len() - 1] == at[..at.len() - 1];
            let (Some(old_value), Some(new_value)) = (get(&old, at), get(&new, new_at)) else { continue };
            if let Some(Step::Key(new_name)) = new_at.last()
                && same_parent
                && shape_of(old_value) == shape_of(new_value)
            {
                report.renamed.push((old_name.clone(), new_name.clone()));
            }
        }
    }
    let mut kept_values = unfit;
    for at in &not_taken {
        kept_values.extend(every(&old, at));
    }
    report.taken_back = offered
        .iter()
        .filter(|(at, _)| !kept_values.iter().any(|(still, _)| still == at))
        .map(|(at, _)| display(at))
        .collect();
    report.defaulted = dedup(defaulted.iter().map(|at| display(at)));
    report.not_taken_at = group(&kept_values);
    if !kept_values.is_empty() {
        let kept = kept_values.into_iter().map(|(at, value)| Value::Array(vec![steps_to_json(&at), value])).collect();
        report.not_taken = Value::Array(kept).to_string();
    }
    report
}

/// The places of `old` that `new` did not take, and those of `new` that started from their default.
fn compared(old: &Value, new: &Value) -> (Vec<Vec<Step>>, Vec<Vec<Step>>) {
    let (mut not_taken, mut defaulted) = (Vec::new(), Vec::new());
    compare(old, new, &mut Vec::new(), &mut not_taken, &mut defaulted);
    (not_taken, defaulted)
}

/// Walks objects present on both sides, and the first element of arrays present on both (`Index(0)`
/// then stands for every element). A key of the old side the new side lacks was not taken, and a key of
/// the new side the old side lacks started from its default, unless the two hold the same value: an
/// alias took it.
fn compare(
    old: &Value,
    new: &Value,
    at: &mut Vec<Step>,
    not_taken: &mut Vec<Vec<Step>>,
    defaulted: &mut Vec<Vec<Step>>,
) {
    match (old, new) {
        (Value::Object(old_fields), Value::Object(new_fields)) => {
            let gone: Vec<(&String, &Value)> =
                old_fields.iter().filter(|(key, _)| !new_fields.contains_key(*key)).collect();
            let came: Vec<(&String, &Value)> =
                new_fields.iter().filter(|(key, _)| !old_fields.contains_key(*key)).collect();
            let aliased = |old_value: &Value| came.iter().any(|(_, new_value)| same_value(old_value, new_value));
            for (key, old_value) in &gone {
                if !aliased(old_value) {
                    not_taken.push([at.as_slice(), &[Step::Key((*key).clone())]].concat());
                }
            }
            for (key, new_value) in &came {
                if !gone.iter().any(|(_, old_value)| same_value(old_value, new_value)) {
                    defaulted.push([at.as_slice(), &[Step::Key((*key).clone())]].concat());
                }
            }
            for (key, new_value) in new_fields {
                if let Some(old_value) = old_fields.get(key) {
                    at.push(Step::Key(key.clone()));
                    compare(old_value, new_value, at, not_taken, defaulted);
                    at.pop();
                }
            }
        }
        (Value::Array(old_items), Value::Array(new_items)) if !old_items.is_empty() && !new_items.is_empty() => {
            at.push(Step::Index(0));
            compare(&old_items[0], &new_items[0], at, not_taken, defaulted);
            at.pop();
        }
        _ => {}
    }
}

/// A value whose removal lets the state read (or changes what fails), the deepest one found: the
/// top-level fields are tried one by one, then the fields inside the one found.
fn find_unfit(old: &mut Value, slot: &mut dyn Slot, why: &str, tries: &mut usize) -> Option<(Vec<Step>, Value)> {
    let mut found: Option<Vec<Step>> = None;
    let mut parent: Vec<Step> = Vec::new();
    loop {
        let keys: Vec<String> = match get(old, &parent) {
            Some(Value::Object(fields)) => fields.keys().cloned().collect(),
            _ => Vec::new(),
        };
        let mut deeper = None;
        for key in keys {
            let at = [parent.as_slice(), &[Step::Key(key)]].concat();
            let value = take(old, &at)?;
            *tries += 1;
            let helps = match slot.read(old) {
                Ok(()) => true,
                Err(other) => other != why,
            };
            insert_if_missing(old, &at, &value);
            if helps {
                deeper = Some(at);
                break;
            }
            if *tries >= MOST_TRIES {
                return None;
            }
        }
        match deeper {
            Some(at) => {
                parent.clone_from(&at);
                found = Some(at);
            }
            None => break,
        }
    }
    let at = found?;
    let value = take(old, &at)?;
    Some((at, value))
}

/// For serde's "duplicate field `x`": where `x` is beside one of the kept values.
fn duplicate_of_kept(old: &Value, offered: &[(Vec<Step>, Value)], why: &str) -> Option<Vec<Step>> {
    let field = why.strip_prefix("duplicate field `")?.split('`').next()?;
    offered.iter().find_map(|(at, _)| {
        let mut beside = at[..at.len().checked_sub(1)?].to_vec();
        beside.push(Step::Key(field.to_string()));
        (get(old, &beside).is_some() && &beside != at).then_some(beside)
    })
}

fn same_value(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(a), Some(b)) => a == b,
        _ => a == b,
    }
}

/// What kind of value, and for an object, which keys: enough to suggest that a field was renamed.
fn shape_of(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(_) => "bool".into(),
        Value::Number(_) => "number".into(),
        Value::String(_) => "string".into(),
        Value::Array(_) => "array".into(),
        Value::Object(fields) => format!("{{{}}}", fields.keys().cloned().collect::<Vec<_>>().join(",")),
    }
}

fn get<'a>(value: &'a Value, at: &[Step]) -> Option<&'a Value> {
    at.iter().try_fold(value, |value, step| match step {
        Step::Key(key) => value.get(key),
        Step::Index(index) => value.get(index),
    })
}

/// Every value at `at`, `Index(0)` standing for every element of its array, each with its own place.
fn every(value: &Value, at: &[Step]) -> Vec<(Vec<Step>, Value)> {
    let Some((step, rest)) = at.split_first() else { return vec![(Vec::new(), value.clone())] };
    let within = |step: Step, value: &Value| {
        every(value, rest).into_iter().map(move |(mut place, found)| {
            place.insert(0, step.clone());
            (place, found)
        })
    };
    match (step, value) {
        (Step::Key(key), Value::Object(fields)) => {
            fields.get(key).map(|inner| within(step.clone(), inner).collect()).unwrap_or_default()
        }
        (Step::Index(_), Value::Array(items)) => items
            .iter()
            .enumerate()
            .flat_map(|(index, inner)| within(Step::Index(index), inner).collect::<Vec<_>>())
            .collect(),
        _ => Vec::new(),
    }
}

/// Takes the value at `at` out of its object (or puts `null` in its place in an array).
fn take(value: &mut Value, at: &[Step]) -> Option<Value> {
    let (last, parent) = at.split_last()?;
    let parent = parent.iter().try_fold(value, |value, step| match step {
        Step::Key(key) => value.get_mut(key),
        Step::Index(index) => value.get_mut(index),
    })?;
    match last {
        Step::Key(key) => parent.as_object_mut()?.remove(key),
        Step::Index(index) => parent.get_mut(index).map(Value::take),
    }
}

/// Puts `new` at `at` unless something is there already, making the objects on the way.
fn insert_if_missing(value: &mut Value, at: &[Step], new: &Value) {
    let Some((step, rest)) = at.split_first() else { return };
    let next = match step {
        Step::Key(key) => match value.as_object_mut() {
            Some(fields) if rest.is_empty() => {
                fields.entry(key.clone()).or_insert_with(|| new.clone());
                return;
            }
            Some(fields) => fields.entry(key.clone()).or_insert_with(|| Value::Object(Default::default())),
            None => return,
        },
        Step::Index(index) => match value.get_mut(index) {
            Some(item) if rest.is_empty() => {
                if item.is_null() {
                    *item = new.clone();
                }
                return;
            }
            Some(item) => item,
            None => return,
        },
    };
    insert_if_missing(next, rest, new);
}

fn steps_to_json(at: &[Step]) -> Value {
    Value::Array(
        at.iter()
            .map(|step| match step {
                Step::Key(key) => Value::String(key.clone()),
                Step::Index(index) => Value::from(*index),
            })
            .collect(),
    )
}

/// The kept values, as [`restore`] wrote them: `[[path, value], ..]`.
fn parse_kept(kept: &str) -> Vec<(Vec<Step>, Value)> {
    let Ok(Value::Array(pairs)) = serde_json::from_str(kept) else { return Vec::new() };
    let step = |step: &Value| match step {
        Value::String(key) => Some(Step::Key(key.clone())),
        Value::Number(index) => Some(Step::Index(index.as_u64()? as usize)),
        _ => None,
    };
    pairs
        .into_iter()
        .filter_map(|pair| {
            let Value::Array(mut pair) = pair else { return None };
            let value = pair.pop()?;
            let at = pair.pop()?.as_array()?.iter().map(step).collect::<Option<Vec<_>>>()?;
            Some((at, value))
        })
        .collect()
}

/// `stats.best`, `enemies[].hp`: array indices left out, so that a field of every element reads as one.
fn display(at: &[Step]) -> String {
    let mut text = String::new();
    for step in at {
        match step {
            Step::Key(key) if text.is_empty() => text += key,
            Step::Key(key) => text += &format!(".{key}"),
            Step::Index(_) => text += "[]",
        }
    }
    text
}

fn dedup(paths: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = Vec::new();
    for path in paths {
        if !seen.contains(&path) {
            seen.push(path);
        }
    }
    seen
}

/// Each place once, with a preview of its value, or how many values it holds (`enemies[].hp`).
fn group(values: &[(Vec<Step>, Value)]) -> Vec<(String, String)> {
    let mut groups: Vec<(String, Vec<&Value>)> = Vec::new();
    for (at, value) in values {
        let path = display(at);
        match groups.iter_mut().find(|(seen, _)| *seen == path) {
            Some((_, values)) => values.push(value),
            None => groups.push((path, vec![value])),
        }
    }
    groups.sort_by(|a, b| a.0.cmp(&b.0));
    groups
        .into_iter()
        .map(|(path, values)| {
            let preview = if values.len() > 1 { format!("{} values", values.len()) } else { preview(values[0]) };
            (path, preview)
        })
        .collect()
}

fn preview(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    use super::*;

    fn restore<S: Serialize + for<'de> Deserialize<'de>>(saved: &[u8], kept: &str) -> (Option<S>, Restored) {
        let mut slot = None;
        let report = super::restore(saved, kept, &mut slot);
        (slot, report)
    }

    #[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
    #[serde(default)]
    struct Before {
        player: (f32, f32),
        lives: u32,
        stats: Stats,
        enemies: Vec<Enemy>,
    }

    #[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
    #[serde(default)]
    struct Stats {
        best: u32,
        runs: u32,
    }

    #[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
    #[serde(default)]
    struct Enemy {
        x: f32,
        hp: u32,
    }

    fn saved() -> Saved {
        let enemies = vec![Enemy { x: 1.0, hp: 3 }, Enemy { x: 2.0, hp: 4 }];
        crate::to_saved(&Before { player: (5.0, 6.0), lives: 3, stats: Stats { best: 9, runs: 2 }, enemies })
    }

    #[test]
    fn everything_carried_over_says_nothing() {
        let (state, report) = restore::<Before>(&saved(), "");
        assert_eq!(state.unwrap().lives, 3);
        assert!(report.is_complete(), "{report:?}");
        assert_eq!(report, Restored::default());
    }

    #[test]
    fn a_renamed_field_is_kept_named_and_suggested_then_taken_back_with_its_alias() {
        #[derive(Debug, Default, Serialize, Deserialize)]
        #[serde(default)]
        struct Renamed {
            player: (f32, f32),
            hearts: u32,
            stats: Stats,
            enemies: Vec<Enemy>,
        }
        let (state, report) = restore::<Renamed>(&saved(), "");
        assert_eq!(state.unwrap().hearts, 0);
        assert_eq!(report.not_taken_at, [("lives".to_string(), "3".to_string())]);
        assert_eq!(report.defaulted, ["hearts"]);
        assert_eq!(report.renamed, [("lives".to_string(), "hearts".to_string())]);
        assert!(report.unfit.is_empty() && report.afresh.is_none());

        // The next build adds the alias: the kept value comes back, though this build's save lacks it.
        #[derive(Debug, Default, Serialize, Deserialize)]
        #[serde(default)]
        struct Aliased {
            player: (f32, f32),
            #[serde(alias = "lives")]
            hearts: u32,
            stats: Stats,
            enemies: Vec<Enemy>,
        }
        // That build saved `hearts` at the default it started from; the kept `lives` wins over it.
        let renamed_save = crate::to_saved(&Renamed { hearts: 1, ..Renamed::default() });
        let (state, again) = restore::<Aliased>(&renamed_save, &report.not_taken);
        assert_eq!(state.unwrap().hearts, 3);
        assert_eq!(again.taken_back, ["lives"]);
        assert!(again.not_taken_at.is_empty() && again.defaulted.is_empty(), "{again:?}");
    }

    #[test]
    fn an_alias_is_not_a_default() {
        #[derive(Debug, Default, Serialize, Deserialize)]
        #[serde(default)]
        struct Aliased {
            #[serde(alias = "lives")]
            hearts: u32,
            stats: Stats,
        }
        let (state, report) = restore::<Aliased>(&saved(), "");
        assert_eq!(state.unwrap().hearts, 3);
        assert!(report.defaulted.is_empty(), "{report:?}");
        // `player` and `enemies` were dropped on purpose, and kept all the same.
        assert_eq!(report.not_taken_at.iter().map(|(at, _)| at.as_str()).collect::<Vec<_>>(), ["enemies", "player"]);
    }

    #[test]
    fn a_removed_field_is_kept_and_an_added_one_named() {
        #[derive(Debug, Default, Serialize, Deserialize)]
        #[serde(default)]
        struct Changed {
            player: (f32, f32),
            stats: Stats,
            enemies: Vec<Enemy>,
            score: u64,
        }
        let (_, report) = restore::<Changed>(&saved(), "");
        assert_eq!(report.not_taken_at, [("lives".to_string(), "3".to_string())]);
        assert_eq!(report.defaulted, ["score"]);
        // A number gone and a number come beside it: perhaps a rename, so the line suggests the alias.
        assert_eq!(report.renamed, [("lives".to_string(), "score".to_string())]);
        let kept: Value = serde_json::from_str(&report.not_taken).unwrap();
        assert_eq!(kept, serde_json::json!([[["lives"], 3]]));
    }

    #[test]
    fn a_retyped_field_that_fits_carries_over_and_one_that_does_not_is_kept_alone() {
        #[derive(Debug, Default, Serialize, Deserialize)]
        #[serde(default)]
        struct Retyped {
            player: String,
            lives: f32,
            stats: Stats,
            enemies: Vec<Enemy>,
        }
        let (state, report) = restore::<Retyped>(&saved(), "");
        let state = state.expect("the rest of the state carries over");
        assert_eq!((state.lives, state.stats.best, state.player.as_str()), (3.0, 9, ""));
        assert_eq!(report.unfit.len(), 1);
        assert_eq!(report.unfit[0].0, "player");
        assert!(report.unfit[0].1.contains("invalid type"), "{report:?}");
        assert_eq!(report.not_taken_at, [("player".to_string(), "[5.0,6.0]".to_string())]);
        assert!(report.defaulted.is_empty(), "an unfit field is reported as unfit only: {report:?}");
    }

    #[test]
    fn a_nested_value_that_no_longer_fits_is_taken_out_alone() {
        #[derive(Debug, Default, Serialize, Deserialize)]
        #[serde(default)]
        struct Retyped {
            player: (f32, f32),
            lives: u32,
            stats: TextStats,
            enemies: Vec<Enemy>,
        }
        #[derive(Debug, Default, Serialize, Deserialize)]
        #[serde(default)]
        struct TextStats {
            best: String,
            runs: u32,
        }
        let (state, report) = restore::<Retyped>(&saved(), "");
        let state = state.expect("the rest of the state carries over");
        assert_eq!((state.stats.runs, state.lives, state.enemies.len()), (2, 3, 2));
        assert_eq!(report.unfit.iter().map(|(at, _)| at.as_str()).collect::<Vec<_>>(), ["stats.best"]);
        assert_eq!(report.not_taken_at, [("stats.best".to_string(), "9".to_string())]);
        let kept: Value = serde_json::from_str(&report.not_taken).unwrap();
        assert_eq!(kept, serde_json::json!([[["stats", "best"], 9]]));
    }

    #[test]
    fn nested_and_array_fields_are_reported_by_their_path() {
        #[derive(Debug, Default, Serialize, Deserialize)]
        #[serde(default)]
        struct Nested {
            player: (f32, f32),
            lives: u32,
            stats: NewStats,
            enemies: Vec<NewEnemy>,
        }
        #[derive(Debug, Default, Serialize, Deserialize)]
        #[serde(default)]
        struct NewStats {
            best: u32,
            streak: u32,
        }
        #[derive(Debug, Default, Serialize, Deserialize)]
        #[serde(default)]
        struct NewEnemy {
            x: f32,
            shield: bool,
        }
        let (_, report) = restore::<Nested>(&saved(), "");
        assert_eq!(
            report.not_taken_at,
            [("enemies[].hp".to_string(), "2 values".to_string()), ("stats.runs".to_string(), "2".to_string())]
        );
        assert_eq!(report.defaulted, ["enemies[].shield", "stats.streak"]);
    }

    #[test]
    fn a_state_that_cannot_be_read_starts_afresh_and_says_why() {
        let (state, report) = restore::<Before>(b"\"not a state\"", "");
        assert!(state.is_none());
        assert!(report.afresh.unwrap().contains("no longer fits"));
        let (state, report) = restore::<Before>(b"{ broken", "");
        assert!(state.is_none() && report.afresh.unwrap().contains("could not be read"));
    }
}
