//! Textures: `load_texture` returns a handle at once, with the size read from the file's header, so
//! `texture.width()` is right in the same frame. The binary decodes and uploads the pixels.

pub use crate::boundary::FilterMode;
use crate::boundary::{AssetKind, AssetSource, DrawCommand};
use crate::color::Color;
use crate::context::{draw, with};
use crate::math::{Rect, Vec2};

/// A texture the game loaded. Plain data: an id the binary knows the texture by. Keep it in `State`
/// freely: it crosses a reload as the path it came from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Texture2D {
    id: u64,
}

/// The formats macroquad decodes. The format is detected from the bytes either way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageFormat {
    Png,
    Tga,
}

/// Loads the texture at `path` (relative to the working directory, as in macroquad). Unlike macroquad's,
/// it returns at once and never fails: a missing or broken file shows as a placeholder, with a message,
/// until the file is fixed. Calling it every frame is cheap (the handle is looked up by path).
pub fn load_texture(path: &str) -> Texture2D {
    register(AssetSource::Path(path.to_string()))
}

impl Texture2D {
    /// A texture from the bytes of a PNG or TGA file, e.g. `include_bytes!("../assets/ferris.png")`.
    pub fn from_file_with_format(bytes: &[u8], _format: Option<ImageFormat>) -> Texture2D {
        register(AssetSource::Bytes(bytes.to_vec()))
    }

    /// A texture from raw RGBA pixels, 4 bytes each, row by row.
    pub fn from_rgba8(width: u16, height: u16, bytes: &[u8]) -> Texture2D {
        register(AssetSource::Rgba8 { width, height, bytes: bytes.to_vec() })
    }

    pub fn width(&self) -> f32 {
        self.size().x
    }

    pub fn height(&self) -> f32 {
        self.size().y
    }

    pub fn size(&self) -> Vec2 {
        with(|context| context.assets.texture_size(self.id))
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
}

fn register(source: AssetSource) -> Texture2D {
    let id = with(|context| context.assets.register(&mut context.frame, AssetKind::Texture, source));
    Texture2D { id }
}

#[derive(Debug, Clone, Copy)]
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
    draw(DrawCommand::Texture { texture: texture.id, x, y, color, dest_size, source, rotation, flip_x, flip_y, pivot });
}

crate::assets::handle_crosses_reloads_as_saved_asset!(Texture2D, AssetKind::Texture);
