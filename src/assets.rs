//! The binary's side of assets: the textures, fonts and sounds the game loaded, decoded and uploaded
//! with macroquad, kept by the game's ids for as long as the program runs (so a reloaded library finds
//! them still there), loaded again when their file changes, and a clear message and a placeholder
//! while one is missing or broken.

use std::collections::{BTreeMap, HashMap};

use contract::boundary::{AssetKind, AssetLoad, AssetSource, FilterMode};
use macroquad::audio::Sound;
use macroquad::text::Font;
use macroquad::texture::{FilterMode as MqFilter, Image, Texture2D};

use crate::audio::Audio;

pub struct Assets {
    sources: HashMap<u64, AssetLoad>,
    textures: HashMap<u64, Texture2D>,
    filters: HashMap<u64, FilterMode>,
    fonts: HashMap<u64, Font>,
    sounds: HashMap<u64, Sound>,
    /// What is wrong with each asset that could not be loaded, by id (in a stable order for the banner).
    problems: BTreeMap<u64, String>,
    /// Drawn instead of a texture that is missing or broken: a magenta and black checkerboard.
    placeholder: Texture2D,
}

impl Assets {
    pub fn new() -> Self {
        let (size, cell) = (32u16, 8u16);
        let pixels = (0..size * size)
            .flat_map(|i| {
                if ((i % size) / cell + (i / size) / cell) % 2 == 0 { [255, 0, 255, 255] } else { [0, 0, 0, 255] }
            })
            .collect::<Vec<u8>>();
        let placeholder = Texture2D::from_rgba8(size, size, &pixels);
        placeholder.set_filter(MqFilter::Nearest);
        Self {
            sources: HashMap::new(),
            textures: HashMap::new(),
            filters: HashMap::new(),
            fonts: HashMap::new(),
            sounds: HashMap::new(),
            problems: BTreeMap::new(),
            placeholder,
        }
    }

    /// Loads what the game loaded for the first time. Ids already known are kept as they are.
    pub fn load(&mut self, loads: &[AssetLoad]) {
        for load in loads {
            if let std::collections::hash_map::Entry::Vacant(e) = self.sources.entry(load.id) {
                e.insert(load.clone());
                self.load_one(load.id, None);
            }
        }
    }

    /// Loads every asset from the file at `path` again, after it changed on disk.
    pub fn reload(&mut self, path: &str, audio: &mut Audio) {
        let ids: Vec<u64> = self
            .sources
            .values()
            .filter(|load| matches!(&load.source, AssetSource::Path(p) if p == path))
            .map(|load| load.id)
            .collect();
        for id in ids {
            self.load_one(id, Some(audio));
            let fixed = if self.problems.contains_key(&id) { "still broken" } else { "reloaded" };
            println!("[assets] {path} {fixed}");
        }
    }

    fn load_one(&mut self, id: u64, audio: Option<&mut Audio>) {
        let load = self.sources[&id].clone();
        let (name, bytes) = match &load.source {
            AssetSource::Path(path) => (path.clone(), std::fs::read(path).map_err(|error| error.to_string())),
            AssetSource::Bytes(bytes) => ("bytes".to_string(), Ok(bytes.clone())),
            AssetSource::Rgba8 { width, height, bytes } => {
                self.textures.insert(id, Texture2D::from_rgba8(*width, *height, bytes));
                return;
            }
        };
        let loaded = bytes.and_then(|bytes| match load.kind {
            AssetKind::Texture => {
                let texture = Image::from_file_with_format(&bytes, None).map(|image| Texture2D::from_image(&image));
                texture.map(|texture| drop(self.textures.insert(id, texture))).map_err(|error| error.to_string())
            }
            AssetKind::Font => {
                let font = macroquad::text::load_ttf_font_from_bytes(&bytes);
                font.map(|font| drop(self.fonts.insert(id, font))).map_err(|error| error.to_string())
            }
            AssetKind::Sound => crate::audio::load(&bytes).map(|sound| {
                let Some(sound) = sound else { return };
                if let Some(old) = self.sounds.insert(id, sound)
                    && let Some(audio) = audio
                {
                    audio.replaced(id, &old, &self.sounds[&id]);
                }
            }),
            AssetKind::File => Ok(()), // the game reads it; the binary only watches it
        });
        if let Some(&filter) = self.filters.get(&id) {
            self.set_filter(id, filter);
        }
        match loaded {
            Ok(()) => {
                self.problems.remove(&id);
            }
            Err(error) => {
                let what = match load.kind {
                    AssetKind::Texture => "drawn as a checkerboard",
                    AssetKind::Font => "the built-in font is used",
                    AssetKind::Sound => "it stays silent",
                    AssetKind::File => "",
                };
                self.textures.remove(&id);
                self.fonts.remove(&id);
                self.sounds.remove(&id);
                let message = format!("asset {name}: {error} ({what} until the file is fixed)");
                eprintln!("[assets] {message}");
                self.problems.insert(id, message);
            }
        }
    }

    pub fn texture(&self, id: u64) -> &Texture2D {
        self.textures.get(&id).unwrap_or(&self.placeholder)
    }

    pub fn font(&self, id: u64) -> Option<&Font> {
        self.fonts.get(&id)
    }

    pub fn sound(&self, id: u64) -> Option<&Sound> {
        self.sounds.get(&id)
    }

    pub fn set_filter(&mut self, id: u64, filter: FilterMode) {
        self.filters.insert(id, filter);
        if let Some(texture) = self.textures.get(&id) {
            texture.set_filter(match filter {
                FilterMode::Linear => MqFilter::Linear,
                FilterMode::Nearest => MqFilter::Nearest,
            });
        }
    }

    /// One line for each asset that is missing or broken, for the window's banner.
    pub fn problems(&self) -> impl Iterator<Item = String> + '_ {
        self.problems.values().cloned()
    }
}
