//! Everything a game needs, as `use contract::prelude::*;` (where macroquad says
//! `use macroquad::prelude::*;`).

pub use crate::audio::*;
pub use crate::camera::*;
pub use crate::color::{Color, colors::*};
pub use crate::color_u8;
pub use crate::file::*;
pub use crate::input::*;
pub use crate::logging::*;
pub use crate::material::*;
pub use crate::math::*;
pub use crate::models::*;
pub use crate::shapes::*;
pub use crate::text::*;
pub use crate::texture::*;
pub use crate::time::*;
pub use crate::window::*;
pub use crate::{Error, rand};
pub use glam;
