//! Textures and render targets. `load_texture` returns a handle at once, with the size read from the
//! file's header, so `texture.width()` is right in the same frame; the binary decodes and uploads the
//! pixels. Loaded as macroquad programs load them, `load_texture(path).await?` works too (see
//! [`Texture2D`]'s `IntoFuture`).
//!
//! Textures the game makes (from pixels, or a render target's) are kept by the binary while a handle to
//! them lives, and freed when the last one goes: one made every frame does not pile up.

use std::future::{IntoFuture, Ready, ready};

use serde::{Deserialize, Serialize};

pub use crate::boundary::FilterMode;
use crate::boundary::{AssetKind, AssetSource, DrawCommand};
use crate::color::Color;
use crate::context::{draw, with};
pub use crate::image::{Image, ImageFormat, load_image};
use crate::math::{Rect, Vec2, vec2};
use crate::resources::Keep;

/// A texture: an id the binary knows it by. Plain data: keep it in `State` freely (it crosses a reload
/// as the path it came from, or, if the game made it, as its pixels).
#[derive(Clone, Debug)]
pub struct Texture2D {
    id: u64,
    /// Set for a texture the game made: the binary frees it when the last handle goes.
    keep: Option<Keep>,
}

impl PartialEq for Texture2D {
    fn eq(&self, other: &Texture2D) -> bool {
        self.id == other.id
    }
}

impl Eq for Texture2D {}

impl std::hash::Hash for Texture2D {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.id.hash(state);
    }
}

/// Loads the texture at `path` (relative to the working directory, as in macroquad). It returns at once,
/// and never fails: a missing or broken file shows as a placeholder, with a message, until the file is
/// fixed. Calling it every frame is cheap (the handle is looked up by path). `.await` it, as macroquad
/// programs do, to get `Err` for a file that cannot be read.
pub fn load_texture(path: &str) -> Texture2D {
    asset(AssetSource::Path(path.to_string()))
}

fn asset(source: AssetSource) -> Texture2D {
    let id = with(|context| context.assets.register(&mut context.frame, AssetKind::Texture, source));
    Texture2D { id, keep: None }
}

impl IntoFuture for Texture2D {
    type Output = Result<Texture2D, crate::Error>;
    type IntoFuture = Ready<Self::Output>;

    /// Ready at once: `Err` if the texture's file cannot be read as an image.
    fn into_future(self) -> Self::IntoFuture {
        let readable = with(|context| context.assets.readable(self.id));
        ready(readable.map(|()| self))
    }
}

impl Texture2D {
    /// A texture from the bytes of a PNG or TGA file, e.g. `include_bytes!("../assets/ferris.png")`.
    pub fn from_file_with_format(bytes: &[u8], _format: Option<ImageFormat>) -> Texture2D {
        asset(AssetSource::Bytes(bytes.to_vec()))
    }

    /// A texture from raw RGBA pixels, 4 bytes each, row by row.
    pub fn from_rgba8(width: u16, height: u16, bytes: &[u8]) -> Texture2D {
        made(AssetKind::Texture, AssetSource::Rgba8 { width, height, bytes: bytes.to_vec() })
    }

    pub fn from_image(image: &Image) -> Texture2D {
        Texture2D::from_rgba8(image.width, image.height, &image.bytes)
    }

    /// A 1x1 white texture.
    pub fn empty() -> Texture2D {
        Texture2D::from_rgba8(1, 1, &[255, 255, 255, 255])
    }

    /// New pixels, of the texture's own size.
    pub fn update(&self, image: &Image) {
        self.update_part(image, 0, 0, image.width as i32, image.height as i32);
    }

    pub fn update_from_bytes(&self, width: u32, height: u32, bytes: &[u8]) {
        let image = Image { bytes: bytes.to_vec(), width: width as u16, height: height as u16 };
        self.update(&image);
    }

    /// New pixels for the `width` x `height` part at `x_offset`, `y_offset` (from the image's first ones).
    pub fn update_part(&self, image: &Image, x_offset: i32, y_offset: i32, width: i32, height: i32) {
        let (x, y, width, height) = (x_offset.max(0) as u32, y_offset.max(0) as u32, width as u16, height as u16);
        let bytes = image.bytes[..(width as usize * height as usize * 4).min(image.bytes.len())].to_vec();
        if let Some(keep) = &self.keep
            && let AssetSource::Rgba8 { width: full, bytes: pixels, .. } = &mut *keep.source()
        {
            // Kept for a save: what makes this texture again is its pixels as they are now.
            for row in 0..height as usize {
                let from = row * width as usize * 4;
                let to = ((y as usize + row) * *full as usize + x as usize) * 4;
                if let (Some(source), Some(target)) =
                    (bytes.get(from..from + width as usize * 4), pixels.get_mut(to..to + width as usize * 4))
                {
                    target.copy_from_slice(source);
                }
            }
        }
        draw(DrawCommand::UpdateTexture { texture: self.id, x, y, width, height, bytes });
    }

    pub fn width(&self) -> f32 {
        self.size().x
    }

    pub fn height(&self) -> f32 {
        self.size().y
    }

    pub fn size(&self) -> Vec2 {
        match self.keep.as_ref().map(|keep| keep.source().clone()) {
            Some(AssetSource::Rgba8 { width, height, .. }) => vec2(width as f32, height as f32),
            Some(AssetSource::RenderTarget { width, height, .. }) => vec2(width as f32, height as f32),
            _ => with(|context| context.assets.texture_size(self.id)),
        }
    }

    /// The texture's pixels: those the game made it from (as updated since), or its file's. A render
    /// target's are on the GPU only, and come back empty.
    pub fn get_texture_data(&self) -> Image {
        if let Some(keep) = &self.keep {
            return match &*keep.source() {
                AssetSource::Rgba8 { width, height, bytes } => {
                    Image { bytes: bytes.clone(), width: *width, height: *height }
                }
                _ => Image::empty(),
            };
        }
        let bytes = with(|context| context.assets.source_bytes(self.id));
        bytes.and_then(|bytes| Image::from_file_with_format(&bytes, None).ok()).unwrap_or_else(Image::empty)
    }

    /// A handle that does not keep the texture (here: another handle, sharing its keeping).
    pub fn weak_clone(&self) -> Texture2D {
        self.clone()
    }

    /// The id that shows this texture in the UI: `egui::Image::new((texture.egui_id(), size))`.
    #[cfg(feature = "egui")]
    pub fn egui_id(&self) -> egui::TextureId {
        egui::TextureId::User(self.id)
    }

    /// `FilterMode::Nearest` keeps pixel art sharp when scaled.
    pub fn set_filter(&self, filter: FilterMode) {
        with(|context| context.assets.set_filter(self.id, filter));
        draw(DrawCommand::SetTextureFilter { texture: self.id, filter });
    }

    pub(crate) fn id(&self) -> u64 {
        self.id
    }
}

/// A texture (or render target) the game made.
fn made(kind: AssetKind, source: AssetSource) -> Texture2D {
    let keep = Keep::new(kind, source);
    Texture2D { id: keep.id(), keep: Some(keep) }
}

/// The filter textures get when they are made (`Linear` until this is called), as in macroquad.
pub fn set_default_filter_mode(filter: FilterMode) {
    draw(DrawCommand::SetDefaultFilterMode(filter));
}

/// A texture to draw into: set a camera with `render_target: Some(target)`, draw, and then draw
/// `target.texture` like any texture.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RenderTarget {
    pub texture: Texture2D,
    pub render_pass: RenderPass,
}

/// A render target's pass, as macroquad has it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RenderPass {
    pub color_texture: Texture2D,
    pub depth_texture: Option<Texture2D>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenderTargetParams {
    /// Samples per pixel: more than 1 smooths edges (multisampling).
    pub sample_count: i32,
    /// A depth buffer, for 3D drawn into the target.
    pub depth: bool,
}

impl Default for RenderTargetParams {
    fn default() -> RenderTargetParams {
        RenderTargetParams { sample_count: 1, depth: false }
    }
}

pub fn render_target(width: u32, height: u32) -> RenderTarget {
    render_target_ex(width, height, RenderTargetParams::default())
}

/// With 4 samples per pixel.
pub fn render_target_msaa(width: u32, height: u32) -> RenderTarget {
    render_target_ex(width, height, RenderTargetParams { sample_count: 4, ..Default::default() })
}

pub fn render_target_ex(width: u32, height: u32, params: RenderTargetParams) -> RenderTarget {
    let source = AssetSource::RenderTarget { width, height, sample_count: params.sample_count, depth: params.depth };
    let texture = made(AssetKind::RenderTarget, source);
    RenderTarget { render_pass: RenderPass { color_texture: texture.clone(), depth_texture: None }, texture }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DrawTextureParams {
    /// The size drawn, in pixels (the texture's own size if `None`).
    pub dest_size: Option<Vec2>,
    /// The part of the texture to draw, in its pixels (all of it if `None`): a tile of a tileset.
    pub source: Option<Rect>,
    /// In radians, around `pivot`.
    pub rotation: f32,
    pub flip_x: bool,
    pub flip_y: bool,
    /// The point to rotate around, in screen space; the texture's centre if `None`.
    pub pivot: Option<Vec2>,
}

impl Default for DrawTextureParams {
    fn default() -> Self {
        Self { dest_size: None, source: None, rotation: 0., flip_x: false, flip_y: false, pivot: None }
    }
}

pub fn draw_texture(texture: &Texture2D, x: f32, y: f32, color: Color) {
    draw_texture_ex(texture, x, y, color, DrawTextureParams::default());
}

pub fn draw_texture_ex(texture: &Texture2D, x: f32, y: f32, color: Color, params: DrawTextureParams) {
    let DrawTextureParams { dest_size, source, rotation, flip_x, flip_y, pivot } = params;
    let texture = texture.id;
    draw(DrawCommand::Texture { texture, x, y, color, dest_size, source, rotation, flip_x, flip_y, pivot });
}

/// A texture crosses a reload as a file's path, a file's bytes, or, for one the game made, what makes it
/// again (see `assets::SavedAsset`).
impl Serialize for Texture2D {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let saved = match &self.keep {
            Some(keep) => crate::assets::SavedAsset::made(keep.clone()),
            None => with(|context| context.assets.save(self.id)),
        };
        saved.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Texture2D {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut saved = crate::assets::SavedAsset::deserialize(deserializer)?;
        if let Some(keep) = saved.made.take() {
            return Ok(Texture2D { id: keep.id(), keep: Some(keep) });
        }
        let id = with(|context| context.assets.restore(&mut context.frame, AssetKind::Texture, saved));
        Ok(Texture2D { id, keep: None })
    }
}
