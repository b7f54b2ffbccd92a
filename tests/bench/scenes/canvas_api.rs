//! `just bench`'s canvas scene through the game API: this file replaces a generated project's
//! `lib/src/lib.rs` (the scene itself is in `canvas.rs`). `BENCH_FRAMES` frames, then it quits.

use contract::prelude::*;
use serde::{Deserialize, Serialize};

pub mod exports;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct State {
    frames: usize,
    canvas: RenderTarget,
    material: Material,
    sprite: Texture2D,
}

impl Default for State {
    fn default() -> Self {
        let canvas = render_target(CANVAS.0, CANVAS.1);
        canvas.texture.set_filter(FilterMode::Nearest);
        let shaders = ShaderSource::Glsl { vertex: CANVAS_VERTEX, fragment: CANVAS_FRAGMENT };
        let uniforms = vec![UniformDesc::new("scanline", UniformType::Float1)];
        let material = load_material(shaders, MaterialParams { uniforms, ..Default::default() }).unwrap();
        let sprite = load_texture("assets/player.png");
        State { frames: 0, canvas, material, sprite }
    }
}

pub fn frame(state: &mut State) {
    let State { frames, canvas, material, sprite } = state;
    let mut camera = Camera2D::from_display_rect(Rect::new(0.0, 0.0, CANVAS.0 as f32, CANVAS.1 as f32));
    camera.render_target = Some(canvas.clone());
    set_camera(&camera);
    clear_background(BLACK);
    for i in 0..CANVAS_SPRITES {
        let (x, y, [r, g, b]) = canvas_sprite(i, *frames);
        draw_texture_ex(sprite, x, y, Color::from_rgba(r, g, b, 255), DrawTextureParams {
            dest_size: Some(vec2(16.0, 16.0)),
            ..Default::default()
        });
    }
    set_default_camera();
    gl_use_material(material);
    material.set_uniform("scanline", *frames as f32 * 0.01);
    let size = Some(vec2(screen_width(), screen_height()));
    draw_texture_ex(&canvas.texture, 0.0, 0.0, WHITE, DrawTextureParams { dest_size: size, ..Default::default() });
    gl_use_default_material();
    *frames += 1;
    if std::env::var("BENCH_FRAMES").is_ok_and(|n| n.parse().is_ok_and(|n: usize| *frames >= n)) {
        order_quit();
    }
}

include!("canvas.rs");
