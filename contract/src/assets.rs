//! The game library's side of assets: an id for each asset it loads (a hash of where it came from, so
//! the same asset has the same id in every build of the library), a note to the binary the first time
//! each one is loaded, and what the game needs to know about it in the same frame: texture sizes from
//! the file's header, fonts parsed for text metrics, file contents.

use std::collections::HashMap;
use std::sync::Arc;

use base64::Engine;
use base64::prelude::BASE64_STANDARD;
use serde::{Deserialize, Serialize};

use crate::boundary::{AssetKind, AssetLoad, AssetSource, DrawCommand, FilterMode, Frame};
use crate::math::{Vec2, vec2};
use crate::resources::Keep;

/// The size the game sees for a texture whose file is missing or unreadable: the binary draws its
/// placeholder at this size too.
pub const PLACEHOLDER_SIZE: Vec2 = vec2(32.0, 32.0);

#[derive(Default)]
pub(crate) struct Assets {
    entries: HashMap<u64, Entry>,
    /// Where the game's asset paths start (`set_pc_assets_folder`).
    pub folder: Option<String>,
}

struct Entry {
    source: AssetSource,
    /// Filled in on first use, emptied when the file changes on disk.
    texture_size: Option<Vec2>,
    font: Option<Option<Arc<fontdue::Font>>>,
    contents: Option<Result<Arc<Vec<u8>>, std::io::ErrorKind>>,
    filter: FilterMode,
}

/// How a texture, font or sound handle kept in the game's `State` crosses a reload: by the path it was
/// loaded from, or the bytes it was made from (base64), so that a restarted binary can load it again; a
/// texture the game made, as what makes it again (`made`).
#[derive(Default, Serialize, Deserialize)]
pub(crate) struct SavedAsset {
    id: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    bytes: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    size: Option<Vec2>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    nearest: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub made: Option<Keep>,
}

impl SavedAsset {
    pub fn made(keep: Keep) -> SavedAsset {
        SavedAsset { id: keep.id(), made: Some(keep), ..SavedAsset::default() }
    }
}

impl Assets {
    /// The id of the asset from `source`, telling the binary about it the first time.
    pub fn register(&mut self, frame: &mut Frame, kind: AssetKind, source: AssetSource) -> u64 {
        let source = match (source, &self.folder) {
            (AssetSource::Path(path), Some(folder)) => AssetSource::Path(format!("{folder}/{path}")),
            (source, _) => source,
        };
        let id = id_of(kind, &source);
        self.entries.entry(id).or_insert_with(|| {
            frame.loads.push(AssetLoad { id, kind, source: source.clone() });
            Entry { source, texture_size: None, font: None, contents: None, filter: FilterMode::Linear }
        });
        id
    }

    pub fn set_filter(&mut self, id: u64, filter: FilterMode) {
        if let Some(entry) = self.entries.get_mut(&id) {
            entry.filter = filter;
        }
    }

    pub fn save(&mut self, id: u64) -> SavedAsset {
        let path = self.path(id).map(str::to_string);
        let bytes = match self.entries.get(&id).map(|entry| &entry.source) {
            Some(AssetSource::Bytes(bytes)) if !bytes.is_empty() => Some(BASE64_STANDARD.encode(bytes)),
            _ => None,
        };
        let size = self.entries.contains_key(&id).then(|| self.texture_size(id));
        let nearest = self.entries.get(&id).is_some_and(|entry| entry.filter == FilterMode::Nearest);
        SavedAsset { id, path, bytes, size, nearest, made: None }
    }

    /// The handle for a saved asset. A restarted binary has none of the game's assets yet, so it is
    /// told about each again (the binary ignores ones it has).
    pub fn restore(&mut self, frame: &mut Frame, kind: AssetKind, saved: SavedAsset) -> u64 {
        let bytes = saved.bytes.and_then(|bytes| BASE64_STANDARD.decode(bytes).ok());
        let id = match (saved.path, bytes) {
            (Some(path), _) => self.register(frame, kind, AssetSource::Path(path)),
            (None, Some(bytes)) => self.register(frame, kind, AssetSource::Bytes(bytes)),
            (None, None) => {
                let entry = Entry {
                    source: AssetSource::Bytes(Vec::new()),
                    texture_size: saved.size,
                    font: None,
                    contents: None,
                    filter: FilterMode::Linear,
                };
                self.entries.entry(saved.id).or_insert(entry);
                saved.id
            }
        };
        if saved.nearest {
            self.set_filter(id, FilterMode::Nearest);
            frame.draw.push(DrawCommand::SetTextureFilter { texture: id, filter: FilterMode::Nearest });
        }
        id
    }

    pub fn path(&self, id: u64) -> Option<&str> {
        match &self.entries.get(&id)?.source {
            AssetSource::Path(path) => Some(path),
            _ => None,
        }
    }

    pub fn texture_size(&mut self, id: u64) -> Vec2 {
        let Some(entry) = self.entries.get_mut(&id) else { return PLACEHOLDER_SIZE };
        *entry.texture_size.get_or_insert_with(|| {
            let size = match &entry.source {
                AssetSource::Path(path) => imagesize::size(path).ok(),
                AssetSource::Bytes(bytes) => imagesize::blob_size(bytes).ok(),
                AssetSource::Rgba8 { width, height, .. } => {
                    return vec2(*width as f32, *height as f32);
                }
                AssetSource::RenderTarget { width, height, .. } => return vec2(*width as f32, *height as f32),
                AssetSource::Material { .. } => None,
            };
            size.map_or(PLACEHOLDER_SIZE, |size| vec2(size.width as f32, size.height as f32))
        })
    }

    /// The parsed font, or `None` if it cannot be read (the built-in font's metrics are used then).
    pub fn font(&mut self, id: u64) -> Option<Arc<fontdue::Font>> {
        let entry = self.entries.get_mut(&id)?;
        if entry.font.is_none() {
            let bytes = match &entry.source {
                AssetSource::Path(path) => std::fs::read(path).ok(),
                AssetSource::Bytes(bytes) => Some(bytes.clone()),
                AssetSource::Rgba8 { .. } | AssetSource::RenderTarget { .. } | AssetSource::Material { .. } => None,
            };
            let font = bytes.and_then(|bytes| fontdue::Font::from_bytes(bytes, fontdue::FontSettings::default()).ok());
            entry.font = Some(font.map(Arc::new));
        }
        entry.font.clone().flatten()
    }

    pub fn contents(&mut self, id: u64) -> Result<Arc<Vec<u8>>, std::io::ErrorKind> {
        let Some(entry) = self.entries.get_mut(&id) else { return Err(std::io::ErrorKind::NotFound) };
        entry
            .contents
            .get_or_insert_with(|| match &entry.source {
                AssetSource::Path(path) => std::fs::read(path).map(Arc::new).map_err(|error| error.kind()),
                AssetSource::Bytes(bytes) | AssetSource::Rgba8 { bytes, .. } => Ok(Arc::new(bytes.clone())),
                AssetSource::RenderTarget { .. } | AssetSource::Material { .. } => Err(std::io::ErrorKind::Unsupported),
            })
            .clone()
    }

    /// The asset's file, or bytes, as they are now.
    pub fn source_bytes(&mut self, id: u64) -> Option<Arc<Vec<u8>>> {
        self.contents(id).ok()
    }

    /// `Ok` if the texture's file can be read as an image (what `load_texture(..).await` says).
    pub fn readable(&mut self, id: u64) -> Result<(), crate::Error> {
        let error = |kind| crate::Error::FileError { kind, path: self.path(id).unwrap_or("bytes").to_string() };
        let unreadable = match self.entries.get(&id).map(|entry| &entry.source) {
            Some(AssetSource::Path(path)) => imagesize::size(path).err().map(|error| match error {
                imagesize::ImageError::IoError(error) => error.kind(),
                _ => std::io::ErrorKind::InvalidData,
            }),
            Some(AssetSource::Bytes(bytes)) => {
                imagesize::blob_size(bytes).err().map(|_| std::io::ErrorKind::InvalidData)
            }
            Some(_) => None,
            None => Some(std::io::ErrorKind::NotFound),
        };
        unreadable.map_or(Ok(()), |kind| Err(error(kind)))
    }

    /// Whether the file behind `id` can be read (`.await` on a sound).
    pub fn file_readable(&self, id: u64) -> Result<(), crate::Error> {
        match self.entries.get(&id).map(|entry| &entry.source) {
            Some(AssetSource::Path(path)) => std::fs::metadata(path)
                .map(drop)
                .map_err(|error| crate::Error::FileError { kind: error.kind(), path: path.clone() }),
            Some(_) => Ok(()),
            None => Err(crate::Error::FileError { kind: std::io::ErrorKind::NotFound, path: "bytes".to_string() }),
        }
    }

    /// The path of a file the game read (`load_string`, `load_file`) whose contents are `text`: where a
    /// shader came from, so that saving that file reloads it.
    pub fn file_with_contents(&self, text: &str) -> Option<String> {
        self.entries.values().find_map(|entry| match (&entry.source, &entry.contents) {
            (AssetSource::Path(path), Some(Ok(contents))) if contents.as_slice() == text.as_bytes() => {
                Some(path.clone())
            }
            _ => None,
        })
    }

    /// Drops what was read from files that changed, so the next use reads them again.
    pub fn forget_changed(&mut self, paths: &[String]) {
        for entry in self.entries.values_mut() {
            if matches!(&entry.source, AssetSource::Path(path) if paths.contains(path)) {
                (entry.texture_size, entry.font, entry.contents) = (None, None, None);
            }
        }
    }
}

/// Serialize and Deserialize for a handle (`Texture2D`, `Font`, `Sound`): it crosses a reload as a
/// [`SavedAsset`], and is registered again on the other side.
macro_rules! handle_crosses_reloads_as_saved_asset {
    ($handle:ident, $kind:expr) => {
        impl serde::Serialize for $handle {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                crate::context::with(|context| context.assets.save(self.id)).serialize(serializer)
            }
        }

        impl<'de> serde::Deserialize<'de> for $handle {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let saved = crate::assets::SavedAsset::deserialize(deserializer)?;
                let id = crate::context::with(|context| context.assets.restore(&mut context.frame, $kind, saved));
                Ok($handle { id })
            }
        }
    };
}
pub(crate) use handle_crosses_reloads_as_saved_asset;

fn id_of(kind: AssetKind, source: &AssetSource) -> u64 {
    let hash = crate::fnv1a(&[kind as u8], 0xcbf2_9ce4_8422_2325);
    match source {
        AssetSource::Path(path) => crate::fnv1a(path.as_bytes(), crate::fnv1a(b"path", hash)),
        AssetSource::Bytes(bytes) => crate::fnv1a(bytes, crate::fnv1a(b"bytes", hash)),
        AssetSource::Rgba8 { width, height, bytes } => {
            let size = [width.to_le_bytes(), height.to_le_bytes()].concat();
            crate::fnv1a(bytes, crate::fnv1a(&size, crate::fnv1a(b"rgba8", hash)))
        }
        // Made by the game, with ids of their own (`resources.rs`), never registered here.
        AssetSource::RenderTarget { .. } | AssetSource::Material { .. } => hash,
    }
}
