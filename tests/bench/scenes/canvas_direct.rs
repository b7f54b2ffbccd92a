//! `just bench`'s canvas scene calling macroquad directly: an example in a generated project. The same
//! scene as `canvas_api.rs` (see `canvas.rs`); `BENCH_FRAMES` frames, then it quits.

use macroquad::prelude::*;

#[macroquad::main("canvas-direct")]
async fn main() {
    let canvas = render_target(CANVAS.0, CANVAS.1);
    canvas.texture.set_filter(FilterMode::Nearest);
    let shaders = ShaderSource::Glsl { vertex: CANVAS_VERTEX, fragment: CANVAS_FRAGMENT };
    let uniforms = vec![UniformDesc::new("scanline", UniformType::Float1)];
    let material = load_material(shaders, MaterialParams { uniforms, ..Default::default() }).unwrap();
    let sprite = load_texture("assets/player.png").await.unwrap();
    let mut frames = 0;
    loop {
        let mut camera = Camera2D::from_display_rect(Rect::new(0.0, 0.0, CANVAS.0 as f32, CANVAS.1 as f32));
        camera.render_target = Some(canvas.clone());
        set_camera(&camera);
        clear_background(BLACK);
        for i in 0..CANVAS_SPRITES {
            let (x, y, [r, g, b]) = canvas_sprite(i, frames);
            draw_texture_ex(&sprite, x, y, Color::from_rgba(r, g, b, 255), DrawTextureParams {
                dest_size: Some(vec2(16.0, 16.0)),
                ..Default::default()
            });
        }
        set_default_camera();
        gl_use_material(&material);
        material.set_uniform("scanline", frames as f32 * 0.01);
        let size = Some(vec2(screen_width(), screen_height()));
        draw_texture_ex(&canvas.texture, 0.0, 0.0, WHITE, DrawTextureParams { dest_size: size, ..Default::default() });
        gl_use_default_material();
        frames += 1;
        if std::env::var("BENCH_FRAMES").is_ok_and(|n| n.parse().is_ok_and(|n: usize| frames >= n)) {
            std::process::exit(0);
        }
        next_frame().await;
    }
}

include!("canvas.rs");
