//! `Image`: pixels the game holds and changes itself (`set_pixel`, `get_pixel`...), as macroquad's. Plain
//! data, all in the game library: put one on the screen with `Texture2D::from_image(&image)`, or give a
//! texture its pixels with `texture.update(&image)` (every frame, if you like: nothing piles up).

use serde::{Deserialize, Serialize};

use crate::Error;
use crate::color::Color;
use crate::math::Rect;

/// The formats an image file can be decoded from (macroquad's: the `image` crate's).
pub use image::ImageFormat;

/// RGBA pixels, 4 bytes each, row by row from the top. It crosses a reload as it is (its bytes as base64).
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Image {
    #[serde(with = "base64_bytes")]
    pub bytes: Vec<u8>,
    pub width: u16,
    pub height: u16,
}

impl std::fmt::Debug for Image {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Image").field("width", &self.width).field("height", &self.height).finish()
    }
}

impl Image {
    pub const fn empty() -> Image {
        Image { width: 0, height: 0, bytes: vec![] }
    }

    /// Decodes a PNG or TGA file's bytes (`format`: which, or `None` to tell from the bytes).
    pub fn from_file_with_format(bytes: &[u8], format: Option<ImageFormat>) -> Result<Image, Error> {
        let image = match format {
            Some(format) => image::load_from_memory_with_format(bytes, format),
            None => image::load_from_memory(bytes),
        };
        let image = image.map_err(|error| Error::ImageError(error.to_string()))?.to_rgba8();
        Ok(Image { width: image.width() as u16, height: image.height() as u16, bytes: image.into_raw() })
    }

    pub fn gen_image_color(width: u16, height: u16, color: Color) -> Image {
        let pixel: [u8; 4] = color.into();
        Image { width, height, bytes: pixel.repeat(width as usize * height as usize) }
    }

    /// All pixels from colours (as many as the image has).
    pub fn update(&mut self, colors: &[Color]) {
        assert_eq!(self.width as usize * self.height as usize, colors.len());
        for (pixel, color) in self.get_image_data_mut().iter_mut().zip(colors) {
            *pixel = (*color).into();
        }
    }

    pub const fn width(&self) -> usize {
        self.width as usize
    }

    pub const fn height(&self) -> usize {
        self.height as usize
    }

    pub fn get_image_data(&self) -> &[[u8; 4]] {
        self.bytes.as_chunks::<4>().0
    }

    pub fn get_image_data_mut(&mut self) -> &mut [[u8; 4]] {
        self.bytes.as_chunks_mut::<4>().0
    }

    pub fn set_pixel(&mut self, x: u32, y: u32, color: Color) {
        assert!(x < self.width as u32 && y < self.height as u32, "({x}, {y}) is outside the image");
        let width = self.width as u32;
        self.get_image_data_mut()[(y * width + x) as usize] = color.into();
    }

    pub fn get_pixel(&self, x: u32, y: u32) -> Color {
        self.get_image_data()[(y * self.width as u32 + x) as usize].into()
    }

    /// A copy of the part of the image in `rect`.
    pub fn sub_image(&self, rect: Rect) -> Image {
        let (x, y, width, height) = (rect.x as usize, rect.y as usize, rect.w as usize, rect.h as usize);
        let mut bytes = Vec::with_capacity(width * height * 4);
        for row in y..y + height {
            let start = (row * self.width as usize + x) * 4;
            bytes.extend_from_slice(&self.bytes[start..start + width * 4]);
        }
        Image { width: width as u16, height: height as u16, bytes }
    }

    /// Adds `other` (of the same size) to this image, saturating, as macroquad's `blend` does.
    pub fn blend(&mut self, other: &Image) {
        self.combine(other, |c1, c2| Color {
            r: f32::min(c1.r * c1.a + c2.r * c2.a, 1.),
            g: f32::min(c1.g * c1.a + c2.g * c2.a, 1.),
            b: f32::min(c1.b * c1.a + c2.b * c2.a, 1.),
            a: f32::max(c1.a, c2.a) + (1. - f32::max(c1.a, c2.a)) * f32::min(c1.a, c2.a),
        });
    }

    /// Draws `other` (of the same size) over this image, as macroquad's `overlay` does.
    pub fn overlay(&mut self, other: &Image) {
        self.combine(other, |c1, c2| Color {
            r: f32::min(c1.r * (1. - c2.a) + c2.r * c2.a, 1.),
            g: f32::min(c1.g * (1. - c2.a) + c2.g * c2.a, 1.),
            b: f32::min(c1.b * (1. - c2.a) + c2.b * c2.a, 1.),
            a: f32::min(c1.a + c2.a, 1.),
        });
    }

    fn combine(&mut self, other: &Image, combine: impl Fn(Color, Color) -> Color) {
        assert_eq!(self.width as usize * self.height as usize, other.width as usize * other.height as usize);
        for (pixel, over) in self.get_image_data_mut().iter_mut().zip(other.get_image_data()) {
            *pixel = combine(Color::from(*pixel), Color::from(*over)).into();
        }
    }

    /// Saves the image as a PNG file, upside down as macroquad's does (it expects a screen's pixels).
    pub fn export_png(&self, path: &str) {
        let row = self.width as usize * 4;
        let flipped: Vec<u8> = self.bytes.chunks(row).rev().flatten().copied().collect();
        let saved = image::save_buffer(path, &flipped, self.width as u32, self.height as u32, image::ColorType::Rgba8);
        saved.unwrap_or_else(|error| panic!("could not save {path}: {error}"));
    }
}

/// Loads and decodes the image file at `path` (a PNG or TGA), as macroquad's `load_image(path).await`.
/// Ready at once; in code that is not `async`, take its result with `.now()`.
pub fn load_image(path: &str) -> crate::file::Loading<Image> {
    let bytes = crate::file::load_file(path).now();
    crate::file::Loading::from(bytes.and_then(|bytes| Image::from_file_with_format(&bytes, None)))
}

/// An image's bytes as base64 text: a quarter the size of JSON's list of numbers, and read far faster.
mod base64_bytes {
    use base64::Engine;
    use base64::prelude::BASE64_STANDARD;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&BASE64_STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(deserializer)?;
        BASE64_STANDARD.decode(text).map_err(serde::de::Error::custom)
    }
}
