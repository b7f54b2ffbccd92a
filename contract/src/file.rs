//! Plain files: `load_file` and `load_string`, read by the game itself (no GL needed). They are read
//! once and then served from memory; in hot builds the binary watches them, and after the file changes
//! on disk the next call returns its new contents.

use crate::boundary::{AssetKind, AssetSource};
use crate::context::with;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "could not read {}: {}", self.path, self.message)
    }
}

impl std::error::Error for FileError {}

pub fn load_file(path: &str) -> Result<Vec<u8>, FileError> {
    let contents = with(|context| {
        let id = context.assets.register(&mut context.frame, AssetKind::File, AssetSource::Path(path.to_string()));
        context.assets.contents(id)
    });
    contents.map(|bytes| bytes.to_vec()).map_err(|message| FileError { path: path.to_string(), message })
}

pub fn load_string(path: &str) -> Result<String, FileError> {
    let bytes = load_file(path)?;
    String::from_utf8(bytes).map_err(|error| FileError { path: path.to_string(), message: error.to_string() })
}
