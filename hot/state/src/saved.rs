//! What crosses when a game's state is handed from one build of the library to the next. Plain owned
//! data: its layout is part of every contract (see `build.rs`).

/// A game's state as one build saved it, for the next: in hot-state's binary format (`binary.rs`), which
/// describes itself as JSON does, so a `State` whose fields changed can still read what an older one
/// wrote; or JSON's text (a kept `state.json`).
pub type Saved = Vec<u8>;

/// What a restore did not carry over as it was. [`Restored::is_complete`] when everything did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Restored {
    /// The saved state could not be read at all, and the game started afresh: why.
    pub afresh: Option<String>,
    /// The values the new `State` did not take, as a JSON object shaped like the state (empty if
    /// none). The binary keeps it and offers it to every later build, so a field renamed without an
    /// alias gets its value back once the alias is added.
    pub not_taken: String,
    /// Where those values were (`lives`, `stats.best`, `enemies[].hp`), each with a short preview.
    pub not_taken_at: Vec<(String, String)>,
    /// Values that no longer fit their field's type, and why (they are among those not taken).
    pub unfit: Vec<(String, String)>,
    /// Fields the new `State` has that the saved state did not: they started from their default.
    pub defaulted: Vec<String>,
    /// Fields that were not taken before and were taken now (an alias was added, say).
    pub taken_back: Vec<String>,
    /// A field that disappeared and one of the same shape that appeared beside it: (old, new).
    pub renamed: Vec<(String, String)>,
}

impl Restored {
    pub fn is_complete(&self) -> bool {
        self.afresh.is_none() && self.not_taken_at.is_empty() && self.defaulted.is_empty() && self.taken_back.is_empty()
    }
}
