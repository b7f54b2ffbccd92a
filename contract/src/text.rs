//! Text: drawing, and measuring it the way macroquad does (its `fontdue` rasteriser and its built-in
//! font), so `measure_text` gives macroquad's numbers in the same frame and centred text never jumps.

use std::collections::HashMap;
use std::sync::Arc;

use crate::boundary::{AssetKind, AssetSource, DrawCommand};
use crate::color::{Color, colors::WHITE};
use crate::context::{draw, with};
use crate::math::Vec2;

/// A TTF font the game loaded. Plain data, like [`crate::texture::Texture2D`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Font {
    id: u64,
}

/// Loads the TTF font at `path`. Returns at once; a missing or broken file falls back to the built-in
/// font, with a message, until it is fixed.
pub fn load_ttf_font(path: &str) -> Font {
    register(AssetSource::Path(path.to_string()))
}

pub fn load_ttf_font_from_bytes(bytes: &[u8]) -> Font {
    register(AssetSource::Bytes(bytes.to_vec()))
}

fn register(source: AssetSource) -> Font {
    Font { id: with(|context| context.assets.register(&mut context.frame, AssetKind::Font, source)) }
}

#[derive(Debug, Clone)]
pub struct TextParams<'a> {
    pub font: Option<&'a Font>,
    /// The size the glyphs are rasterised at, in pixels.
    pub font_size: u16,
    /// Drawn at `font_size * font_scale`.
    pub font_scale: f32,
    /// Widths are scaled by `font_scale * font_scale_aspect`.
    pub font_scale_aspect: f32,
    /// In radians.
    pub rotation: f32,
    pub color: Color,
}

impl Default for TextParams<'_> {
    fn default() -> Self {
        TextParams { font: None, font_size: 20, font_scale: 1.0, font_scale_aspect: 1.0, rotation: 0.0, color: WHITE }
    }
}

/// What `measure_text` and `draw_text` return: `draw_text(text, x, y, ..)` fills the rectangle
/// `x, y - offset_y, width, height`.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct TextDimensions {
    pub width: f32,
    pub height: f32,
    /// How far the text reaches above its baseline.
    pub offset_y: f32,
}

/// `y` is the text's baseline.
pub fn draw_text(text: impl AsRef<str>, x: f32, y: f32, font_size: f32, color: Color) -> TextDimensions {
    draw_text_ex(text, x, y, TextParams { font_size: font_size as u16, font_scale: 1.0, color, ..Default::default() })
}

pub fn draw_text_ex(text: impl AsRef<str>, x: f32, y: f32, params: TextParams) -> TextDimensions {
    let text = text.as_ref();
    if text.is_empty() {
        return TextDimensions::default();
    }
    let font = params.font.map(|font| font.id);
    let scale_x = params.font_scale * params.font_scale_aspect;
    let dimensions = with(|context| {
        context.fonts.measure(&mut context.assets, font, text, params.font_size, scale_x, params.font_scale, true)
    });
    draw(DrawCommand::Text {
        text: text.to_string(),
        x,
        y,
        font,
        font_size: params.font_size,
        font_scale: params.font_scale,
        font_scale_aspect: params.font_scale_aspect,
        rotation: params.rotation,
        color: params.color,
    });
    dimensions
}

pub fn measure_text(text: impl AsRef<str>, font: Option<&Font>, font_size: u16, font_scale: f32) -> TextDimensions {
    let font = font.map(|font| font.id);
    with(|context| {
        context.fonts.measure(&mut context.assets, font, text.as_ref(), font_size, font_scale, font_scale, false)
    })
}

/// The offset from the text's origin to its centre, as macroquad computes it.
pub fn get_text_center(
    text: impl AsRef<str>,
    font: Option<&Font>,
    font_size: u16,
    font_scale: f32,
    rotation: f32,
) -> Vec2 {
    let measure = measure_text(text, font, font_size, font_scale);
    let x_center = measure.width / 2.0 * rotation.cos() + measure.height / 2.0 * rotation.sin();
    let y_center = measure.width / 2.0 * rotation.sin() - measure.height / 2.0 * rotation.cos();
    Vec2::new(x_center, y_center)
}

/// Parsed fonts and glyph metrics, kept while the library is loaded.
#[derive(Default)]
pub(crate) struct Fonts {
    builtin: Option<Arc<fontdue::Font>>,
    glyphs: HashMap<(Option<u64>, char, u16), fontdue::Metrics>,
}

impl Fonts {
    /// macroquad's `measure_text` (and, with `kerning`, what its `draw_text_ex` returns), at a DPI
    /// scale of 1 (macroquad's default window).
    #[allow(clippy::too_many_arguments)]
    fn measure(
        &mut self,
        assets: &mut crate::assets::Assets,
        font_id: Option<u64>,
        text: &str,
        font_size: u16,
        scale_x: f32,
        scale_y: f32,
        kerning: bool,
    ) -> TextDimensions {
        let font = font_id.and_then(|id| assets.font(id)).unwrap_or_else(|| self.builtin());
        let (mut width, mut min_y, mut max_y) = (0.0, f32::MAX, f32::MIN);
        let mut last = None;
        for character in text.chars() {
            let metrics = *self
                .glyphs
                .entry((font_id, character, font_size))
                .or_insert_with(|| font.metrics(character, font_size as f32));
            let kern = if kerning {
                last.and_then(|left| font.horizontal_kern(left, character, font_size as f32))
            } else {
                None
            };
            last = Some(character);
            let offset_y = metrics.ymin as f32 * scale_y;
            width += metrics.advance_width * scale_x + kern.unwrap_or(0.0);
            min_y = f32::min(min_y, offset_y);
            max_y = f32::max(max_y, metrics.height as f32 * scale_y + offset_y);
        }
        TextDimensions { width, height: max_y - min_y, offset_y: max_y }
    }

    fn builtin(&mut self) -> Arc<fontdue::Font> {
        self.builtin
            .get_or_insert_with(|| {
                let bytes = include_bytes!("../fonts/ProggyClean.ttf") as &[u8];
                Arc::new(fontdue::Font::from_bytes(bytes, fontdue::FontSettings::default()).expect("the built-in font"))
            })
            .clone()
    }

    /// Forgets glyph metrics, after a font file changed.
    pub fn forget_glyphs(&mut self) {
        self.glyphs.clear();
    }
}

crate::assets::handle_crosses_reloads_as_saved_asset!(Font, AssetKind::Font);
