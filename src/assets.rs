//! The binary's side of assets: the textures, fonts and sounds the game loaded, decoded and uploaded
//! with macroquad, kept by the game's ids for as long as the program runs (so a reloaded library finds
//! them still there), loaded again when their file changes, and a clear message and a placeholder
//! while one is missing or broken. And what the game made (textures from pixels, render targets,
//! materials), kept until the game lets go of it.

use std::collections::{BTreeMap, HashMap};

use contract::boundary::{AssetKind, AssetLoad, AssetSource, DrawCommand, FilterMode, Frame};
use macroquad::audio::Sound;
use macroquad::material::Material;
use macroquad::prelude::RenderPass;
use macroquad::text::Font;
use macroquad::texture::{FilterMode as MqFilter, Image, RenderTarget, RenderTargetParams, Texture2D};

use crate::audio::Audio;
use crate::materials::GameMaterial;

pub struct Assets {
    sources: HashMap<u64, AssetLoad>,
    textures: HashMap<u64, Texture2D>,
    filters: HashMap<u64, FilterMode>,
    fonts: HashMap<u64, Font>,
    sounds: HashMap<u64, Sound>,
    render_targets: HashMap<u64, RenderTarget>,
    materials: HashMap<u64, GameMaterial>,
    /// What the game let go of in the last frame: freed when the next one comes (the last one may still
    /// be drawn again, while the game is paused).
    freeing: Vec<u64>,
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
            render_targets: HashMap::new(),
            materials: HashMap::new(),
            freeing: Vec::new(),
            problems: BTreeMap::new(),
            placeholder,
        }
    }

    /// What a new frame changes: frees what the game let go of in the frame before, and loads what it
    /// loaded or made for the first time (ids already known are kept as they are).
    pub fn load(&mut self, frame: &Frame) {
        for id in std::mem::replace(&mut self.freeing, frame.frees.clone()) {
            self.free(id);
        }
        for command in &frame.draw {
            if let DrawCommand::SetDefaultFilterMode(filter) = command {
                macroquad::texture::set_default_filter_mode(mq_filter(*filter));
            }
        }
        for load in &frame.loads {
            if let std::collections::hash_map::Entry::Vacant(e) = self.sources.entry(load.id) {
                e.insert(load.clone());
                self.load_one(load.id, None);
            }
        }
    }

    fn free(&mut self, id: u64) {
        self.sources.remove(&id);
        self.textures.remove(&id);
        self.render_targets.remove(&id);
        self.materials.remove(&id);
        self.filters.remove(&id);
        self.problems.remove(&id);
    }

    /// Loads every asset from the file at `path` again, after it changed on disk.
    pub fn reload(&mut self, path: &str, audio: &mut Audio) {
        let materials: Vec<u64> = self
            .materials
            .iter()
            .filter(|(_, material)| material.files().any(|file| file == path))
            .map(|(id, _)| *id)
            .collect();
        for id in materials {
            self.load_one(id, None);
            let fixed = if self.problems.contains_key(&id) {
                "does not compile: the last shader that did draws"
            } else {
                "reloaded"
            };
            println!("[assets] {path} {fixed}");
        }
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
            &AssetSource::RenderTarget { width, height, sample_count, depth } => {
                let target =
                    macroquad::texture::render_target_ex(width, height, RenderTargetParams { sample_count, depth });
                self.textures.insert(id, target.texture.clone());
                self.render_targets.insert(id, target);
                return;
            }
            AssetSource::Material { vertex, fragment, params, uniforms, textures } => {
                let material = self.materials.entry(id).or_insert_with(|| {
                    GameMaterial::new(vertex.clone(), fragment.clone(), *params, uniforms.clone(), textures.clone())
                });
                match material.compile() {
                    Ok(()) => drop(self.problems.remove(&id)),
                    Err(message) => {
                        eprintln!("[assets] {message}");
                        let message = message.lines().take(3).collect::<Vec<_>>().join("\n");
                        self.problems
                            .insert(id, format!("{message}\n(the last shader that compiled draws until it is fixed)"));
                    }
                }
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
            AssetKind::RenderTarget | AssetKind::Material => Ok(()), // made above
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
                    AssetKind::File | AssetKind::RenderTarget | AssetKind::Material => "",
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
            texture.set_filter(mq_filter(filter));
        }
    }

    /// New pixels for the part of the texture at `x`, `y` (all of it, if they are its size).
    pub fn update_texture(&mut self, id: u64, x: u32, y: u32, width: u16, height: u16, bytes: &[u8]) {
        let Some(texture) = self.textures.get(&id) else { return };
        let image = Image { bytes: bytes.to_vec(), width, height };
        if (x, y, width as f32, height as f32) == (0, 0, texture.width(), texture.height()) {
            texture.update(&image);
        } else {
            texture.update_part(&image, x as i32, y as i32, width as i32, height as i32);
        }
    }

    pub fn render_pass(&self, id: u64) -> Option<RenderPass> {
        self.render_targets.get(&id).map(|target| target.render_pass.clone())
    }

    pub fn material(&self, id: u64) -> Option<&Material> {
        self.materials.get(&id)?.compiled.as_ref()
    }

    pub fn set_uniform(&self, material: u64, name: &str, bytes: &[u8], array: bool) {
        if let Some(material) = self.materials.get(&material) {
            material.set_uniform(name, bytes, array);
        }
    }

    pub fn set_material_texture(&self, material: u64, name: &str, texture: u64) {
        if let Some(material) = self.materials.get(&material) {
            material.set_texture(name, self.texture(texture));
        }
    }

    /// One line for each asset that is missing or broken, for the window's banner.
    pub fn problems(&self) -> impl Iterator<Item = String> + '_ {
        self.problems.values().cloned()
    }
}

fn mq_filter(filter: FilterMode) -> MqFilter {
    match filter {
        FilterMode::Linear => MqFilter::Linear,
        FilterMode::Nearest => MqFilter::Nearest,
    }
}
