//! The state's own format for crossing a reload and for F8's snapshots: binary, and read by code that is
//! compiled here, optimized, instead of in the game's crate at opt-level 0 with `State` (JSON's parser
//! instantiated there was most of a hand-over: docs/bench.md, the state rows).
//!
//! It describes itself as JSON does, so nothing is lost when `State` changes: every struct names its
//! fields (once, in a table at the end, not per value) and every value has a tag. A new build reads it
//! straight into `State`: each struct in order where it has exactly the fields it was saved with, by its
//! fields' names where they changed, as JSON would, and each value only as the kind it was saved as
//! ([`read`]). The restore then compares the two in outline ([`to_outline`]) to name the fields that
//! started from their default. Where a value was not taken or no longer fits, it goes the JSON way: this
//! text turned into JSON's values ([`to_value`]), compared field by field, and every value `State` does
//! not take kept and reported (`restore.rs`). So JSON's rules (and its reports) decide what a changed
//! `State` takes.
//!
//! Layout: `MAGIC`, one value, the table (names, then shapes: a struct's name and its fields, as indexes
//! of names), then where the table starts (`u32`). Numbers are little-endian, lengths `u32`.
//! A value is a tag byte and what the tag says follows.

mod read;
mod value;
mod write;

pub use read::{Read, from_saved};
pub use value::{to_json, to_outline, to_value};
pub use write::write;

pub const MAGIC: &[u8; 8] = b"hotstat1";

/// Whether `saved` is in this format (the alternative is JSON's text: a kept `state.json`).
pub fn is_binary(saved: &[u8]) -> bool {
    saved.starts_with(MAGIC)
}

pub mod tag {
    pub const UNIT: u8 = 0;
    pub const FALSE: u8 = 1;
    pub const TRUE: u8 = 2;
    pub const U64: u8 = 3;
    pub const I64: u8 = 4;
    pub const F32: u8 = 5;
    pub const F64: u8 = 6;
    pub const STR: u8 = 7;
    pub const BYTES: u8 = 8;
    pub const NONE: u8 = 9;
    /// The value follows.
    pub const SOME: u8 = 10;
    /// Length, then the items.
    pub const SEQ: u8 = 11;
    /// Length, then key and value of each entry.
    pub const MAP: u8 = 12;
    /// The shape's index (`u32`), then one value per field of the shape.
    pub const STRUCT: u8 = 13;
    /// The variant's name (index of names); the `*_VARIANT`s after it hold one more value: the
    /// newtype's, a `SEQ` or a `STRUCT`.
    pub const UNIT_VARIANT: u8 = 14;
    pub const NEWTYPE_VARIANT: u8 = 15;
    pub const TUPLE_VARIANT: u8 = 16;
    pub const STRUCT_VARIANT: u8 = 17;
}

/// An error of this format, or one serde reports through it.
#[derive(Debug)]
pub struct Error(pub String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl serde::de::Error for Error {
    fn custom<T: std::fmt::Display>(message: T) -> Self {
        Error(message.to_string())
    }
}

impl serde::ser::Error for Error {
    fn custom<T: std::fmt::Display>(message: T) -> Self {
        Error(message.to_string())
    }
}

/// The names and shapes at the end of a saved state.
pub(crate) struct Table<'de> {
    pub names: Vec<&'de str>,
    /// Each struct's name and its fields' names.
    pub shapes: Vec<(&'de str, Vec<&'de str>)>,
}

/// Where the value starts, and the table, of a state in this format.
pub(crate) fn split(saved: &[u8]) -> Result<(&[u8], Table<'_>), Error> {
    let broken = || Error("the saved state is cut short or not this format".into());
    if !is_binary(saved) || saved.len() < MAGIC.len() + 4 {
        return Err(broken());
    }
    let end = saved.len() - 4;
    let at = u32::from_le_bytes(saved[end..].try_into().unwrap()) as usize;
    if at < MAGIC.len() || at > end {
        return Err(broken());
    }
    let mut bytes = Bytes { input: &saved[at..end], at: 0 };
    let mut names = Vec::new();
    for _ in 0..bytes.u32()? {
        names.push(bytes.str()?);
    }
    let name = |index: u32| names.get(index as usize).copied().ok_or_else(broken);
    let mut shapes = Vec::new();
    for _ in 0..bytes.u32()? {
        let struct_name = name(bytes.u32()?)?;
        let fields = (0..bytes.u32()?).map(|_| name(bytes.u32()?)).collect::<Result<_, _>>()?;
        shapes.push((struct_name, fields));
    }
    Ok((&saved[MAGIC.len()..at], Table { names, shapes }))
}

/// Reads the parts of a value, each checked against the end of the input.
pub(crate) struct Bytes<'de> {
    pub input: &'de [u8],
    pub at: usize,
}

impl<'de> Bytes<'de> {
    #[inline]
    pub fn take(&mut self, count: usize) -> Result<&'de [u8], Error> {
        let taken =
            self.input.get(self.at..self.at + count).ok_or_else(|| Error("the saved state is cut short".into()))?;
        self.at += count;
        Ok(taken)
    }

    #[inline]
    pub fn u8(&mut self) -> Result<u8, Error> {
        Ok(self.take(1)?[0])
    }

    #[inline]
    pub fn u32(&mut self) -> Result<u32, Error> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }

    #[inline]
    pub fn u64(&mut self) -> Result<u64, Error> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().unwrap()))
    }

    pub fn str(&mut self) -> Result<&'de str, Error> {
        let length = self.u32()? as usize;
        std::str::from_utf8(self.take(length)?).map_err(|error| Error(error.to_string()))
    }

    pub fn bytes(&mut self) -> Result<&'de [u8], Error> {
        let length = self.u32()? as usize;
        self.take(length)
    }
}

#[cfg(test)]
mod tests;
