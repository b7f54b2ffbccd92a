//! What crosses between the binary and the game every frame: input in, draw data out.
//!
//! The running binary is compiled against these types, so they must not change under it:
//! edit this crate (or the game's `exports.rs`) and `just dev` restarts the binary, keeping
//! the game state. Everything here is plain owned data: nothing may point into the game
//! library (no `&'static str`, closures or trait objects), because the library that made
//! it may be unloaded before the binary is done with it.

/// An RGBA colour, each channel 0.0..=1.0.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Color {
    pub r: f32,
    pub g: f32,
    pub b: f32,
    pub a: f32,
}

impl Color {
    /// An opaque colour from 8-bit channels, e.g. `Color::rgb(0x20, 0x24, 0x30)`.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self { r: r as f32 / 255.0, g: g as f32 / 255.0, b: b as f32 / 255.0, a: 1.0 }
    }
}

/// The keys the game reads this frame.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Keys {
    pub left: bool,
    pub right: bool,
    pub up: bool,
    pub down: bool,
    /// True only on the frame the key went down.
    pub space_pressed: bool,
}

/// Everything the game knows about the outside world, handed in once per frame.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Input {
    /// Seconds since the previous frame.
    pub dt: f32,
    pub screen_width: f32,
    pub screen_height: f32,
    pub keys: Keys,
}

/// One thing to draw, in screen pixels (origin top left).
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    Rect { x: f32, y: f32, w: f32, h: f32, color: Color },
    Circle { x: f32, y: f32, radius: f32, color: Color },
    Line { x1: f32, y1: f32, x2: f32, y2: f32, thickness: f32, color: Color },
    /// `y` is the text's baseline.
    Text { text: String, x: f32, y: f32, size: f32, color: Color },
}

/// What the binary draws this frame: clear to `background`, then `shapes` in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Frame {
    pub background: Color,
    pub shapes: Vec<Shape>,
}

/// A hash of this crate's source and of the game's entry points (`exports_source`): everything
/// the binary is compiled against. The binary compares its own with each reloaded library's.
pub const fn fingerprint(exports_source: &str) -> u64 {
    fnv1a(exports_source.as_bytes(), fnv1a(include_str!("lib.rs").as_bytes(), 0xcbf2_9ce4_8422_2325))
}

const fn fnv1a(bytes: &[u8], mut hash: u64) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        hash = (hash ^ bytes[i] as u64).wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    hash
}
