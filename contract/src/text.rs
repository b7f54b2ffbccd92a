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
/// font, with a message, until it is fixed. `.await` it, as macroquad programs do, to get `Err` for a
/// file that is not a font.
pub fn load_ttf_font(path: &str) -> Font {
    register(AssetSource::Path(path.to_string()))
}

/// A font from the bytes of a TTF file (`Err` if they are not one), as macroquad's.
pub fn load_ttf_font_from_bytes(bytes: &[u8]) -> Result<Font, crate::Error> {
    let font = register(AssetSource::Bytes(bytes.to_vec()));
    font.parsed().map(|()| font)
}

impl Font {
    fn parsed(&self) -> Result<(), crate::Error> {
        let parsed = with(|context| context.assets.font(self.id).is_some());
        parsed.then_some(()).ok_or(crate::Error::FontError("not a TTF font"))
    }
}

impl std::future::IntoFuture for Font {
    type Output = Result<Font, crate::Error>;
    type IntoFuture = std::future::Ready<Self::Output>;

    /// Ready at once: `Err` if the font's file cannot be read as a font.
    fn into_future(self) -> Self::IntoFuture {
        std::future::ready(self.parsed().map(|()| self))
    }
}

/// Text drawn without a font of its own uses `font` from now on (as measured text does), until the
/// next call.
pub fn set_default_font(font: Font) {
    with(|context| context.default_font = Some(font.id));
    draw(DrawCommand::SetDefaultFont(Some(font.id)));
}

fn register(source: AssetSource) -> Font {
    Font { id: with(|context| context.assets.register(&mut context.frame, AssetKind::Font, source)) }
}

/// Plain data, but for `font`, a reference: in `State` it crosses a reload without it (the built-in font).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct TextParams<'a> {
    #[serde(skip_deserializing)]
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
#[derive(Debug, Default, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
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
        let measured = font.or(context.default_font);
        let size = params.font_size;
        context.fonts.measure(&mut context.assets, measured, text, size, scale_x, params.font_scale, true, |_| {})
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
    measure(text.as_ref(), font, font_size, font_scale, |_| {})
}

/// macroquad's measuring, with each character's advance handed to `glyph` as it goes.
fn measure(text: &str, font: Option<&Font>, font_size: u16, font_scale: f32, glyph: impl FnMut(f32)) -> TextDimensions {
    with(|context| {
        let font = font.map(|font| font.id).or(context.default_font);
        context.fonts.measure(&mut context.assets, font, text, font_size, font_scale, font_scale, false, glyph)
    })
}

/// How far apart lines are, as a share of the font size: the font's own line height.
fn line_distance(font: Option<&Font>) -> f32 {
    with(|context| {
        let font = font.map(|font| font.id).or(context.default_font);
        context.fonts.line_height(&mut context.assets, font)
    })
}

/// Draws each line of `text`, `line_distance_factor` times the font size apart (the font's own line
/// height if `None`), as macroquad does.
pub fn draw_multiline_text(
    text: impl AsRef<str>,
    x: f32,
    y: f32,
    font_size: f32,
    line_distance_factor: Option<f32>,
    color: Color,
) -> TextDimensions {
    let params = TextParams { font_size: font_size as u16, font_scale: 1.0, color, ..Default::default() };
    draw_multiline_text_ex(text, x, y, line_distance_factor, params)
}

pub fn draw_multiline_text_ex(
    text: impl AsRef<str>,
    mut x: f32,
    mut y: f32,
    line_distance_factor: Option<f32>,
    params: TextParams,
) -> TextDimensions {
    let line_distance = line_distance_factor.unwrap_or_else(|| line_distance(params.font));
    let step = line_distance * params.font_size as f32 * params.font_scale;
    let mut dimensions = TextDimensions::default();
    for line in text.as_ref().lines() {
        let line_dimensions = draw_text_ex(line, x, y, params.clone());
        x -= step * params.rotation.sin();
        y += step * params.rotation.cos();
        dimensions.width = f32::max(dimensions.width, line_dimensions.width);
        dimensions.height += step;
        if dimensions.offset_y == 0.0 {
            dimensions.offset_y = line_dimensions.offset_y;
        }
    }
    dimensions
}

pub fn measure_multiline_text(
    text: &str,
    font: Option<&Font>,
    font_size: u16,
    font_scale: f32,
    line_distance_factor: Option<f32>,
) -> TextDimensions {
    let line_distance = line_distance_factor.unwrap_or_else(|| line_distance(font));
    let step = line_distance * font_size as f32 * font_scale;
    let mut dimensions = TextDimensions::default();
    for line in text.lines() {
        let line_dimensions = measure_text(line, font, font_size, font_scale);
        dimensions.width = f32::max(dimensions.width, line_dimensions.width);
        dimensions.height += step;
        if dimensions.offset_y == 0.0 {
            dimensions.offset_y = line_dimensions.offset_y;
        }
    }
    dimensions
}

/// `text` with line breaks where a line would be wider than `maximum_line_length`, between words
/// (inside a word that is wider on its own), as macroquad wraps it.
pub fn wrap_text(text: &str, font: Option<&Font>, font_size: u16, font_scale: f32, maximum_line_length: f32) -> String {
    let mut new_text = String::with_capacity(text.len() + text.chars().filter(|c| c.is_whitespace()).count());
    let (mut current_word_start, mut current_word_end) = (0usize, 0usize);
    let mut characters = text.char_indices();
    let (mut total_width, mut word_width) = (0.0, 0.0);
    measure(text, font, font_size, font_scale, |mut width| {
        let Some((index, c)) = characters.next() else { return };
        let mut keep_char = true;
        if c.is_whitespace() {
            new_text.push_str(&text[current_word_start..index + c.len_utf8()]);
            current_word_start = index + c.len_utf8();
            word_width = 0.0;
            keep_char = false;
            // A line that would wrap here leaves the whitespace out.
            if total_width + width > maximum_line_length {
                width = 0.0;
            }
        }
        // A single word wider than a line is broken up.
        if word_width + width > maximum_line_length {
            new_text.push_str(&text[current_word_start..current_word_end]);
            new_text.push('\n');
            current_word_start = current_word_end;
            total_width = 0.0;
            word_width = 0.0;
        }
        current_word_end = index + c.len_utf8();
        if keep_char {
            word_width += width;
        }
        if c == '\n' {
            total_width = 0.0;
            word_width = 0.0;
            return;
        }
        total_width += width;
        if total_width > maximum_line_length {
            new_text.push('\n');
            total_width = word_width;
        }
    });
    new_text.push_str(&text[current_word_start..current_word_end]);
    new_text
}

/// For text drawn under a camera at `world_font_size` world units: the font size to rasterise at and
/// the scale and aspect to draw with, so it is as sharp as screen text (macroquad's, reading the camera
/// in force).
pub fn camera_font_scale(world_font_size: f32) -> (u16, f32, f32) {
    let (screen_width, screen_height) = crate::context::input(|input| (input.screen_width, input.screen_height));
    let camera_space = crate::camera::projection_matrix().inverse().transform_vector3(crate::math::vec3(2., 2., 0.));
    let (camera_width, camera_height) = (camera_space.x.abs(), camera_space.y.abs());
    let screen_font_size = world_font_size * screen_height / camera_height;
    (
        screen_font_size as u16,
        camera_height / screen_height,
        screen_height / screen_width * camera_width / camera_height,
    )
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
        mut glyph: impl FnMut(f32),
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
            let advance = metrics.advance_width * scale_x;
            glyph(advance);
            width += advance + kern.unwrap_or(0.0);
            min_y = f32::min(min_y, offset_y);
            max_y = f32::max(max_y, metrics.height as f32 * scale_y + offset_y);
        }
        TextDimensions { width, height: max_y - min_y, offset_y: max_y }
    }

    /// The font's line height for a size of 1 (macroquad's `new_line_size`; 1 if the font has none).
    fn line_height(&mut self, assets: &mut crate::assets::Assets, font_id: Option<u64>) -> f32 {
        let font = font_id.and_then(|id| assets.font(id)).unwrap_or_else(|| self.builtin());
        font.horizontal_line_metrics(1.0).map_or(1.0, |metrics| metrics.new_line_size)
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
