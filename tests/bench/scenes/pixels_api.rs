//! `just bench`'s pixel scene through the game API: this file replaces a generated project's
//! `lib/src/lib.rs`. A 320x240 `Image` changed every frame, uploaded to one texture (`update`) and to
//! a new texture made from it (`from_image`), both drawn: memory must stay flat however long it runs.

use contract::prelude::*;
use serde::{Deserialize, Serialize};

pub mod exports;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct State {
    frames: u32,
    image: Image,
    texture: Texture2D,
}

impl Default for State {
    fn default() -> Self {
        let image = Image::gen_image_color(320, 240, BLACK);
        let texture = Texture2D::from_image(&image);
        State { frames: 0, image, texture }
    }
}

pub fn frame(state: &mut State) {
    let State { frames, image, texture } = state;
    for y in 0..240 {
        for x in 0..320 {
            let shade = ((x + y + *frames) % 256) as u8;
            image.set_pixel(x, y, Color::from_rgba(shade, 255 - shade, 128, 255));
        }
    }
    texture.update(image);
    let made = Texture2D::from_image(image);
    clear_background(BLACK);
    draw_texture(texture, 0.0, 0.0, WHITE);
    draw_texture(&made, 320.0, 0.0, WHITE);
    *frames += 1;
}
