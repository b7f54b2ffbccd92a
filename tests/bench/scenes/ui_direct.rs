//! The reference for the ui starter's egui frame: the same UI (`game::panels`), run by egui in the
//! binary itself and drawn straight from egui's output with macroquad, as an integration without a
//! game library would (no recorded frame, no plain-data copy). Copied into the generated project's
//! `examples/` by the benchmark. `BENCH_FRAMES` frames, then it quits.

use std::collections::HashMap;

use contract::egui;
use macroquad::material::{MaterialParams, gl_use_default_material, gl_use_material, load_material};
use macroquad::miniquad::{BlendFactor, BlendState, BlendValue, Equation, PipelineParams, ShaderSource};
use macroquad::models::Vertex;
use macroquad::prelude::*;

#[macroquad::main("ui_direct")]
async fn main() {
    let frames: usize = std::env::var("BENCH_FRAMES").ok().and_then(|n| n.parse().ok()).unwrap_or(usize::MAX);
    let context = egui::Context::default();
    let mut state = game::State::default();
    let mut textures: HashMap<egui::TextureId, Texture2D> = HashMap::new();
    let blend = BlendState::new(Equation::Add, BlendFactor::One, BlendFactor::OneMinusValue(BlendValue::SourceAlpha));
    let pipeline_params = PipelineParams { color_blend: Some(blend), alpha_blend: Some(blend), ..Default::default() };
    let material = load_material(ShaderSource::Glsl { vertex: include_str!("../src/gui.vert"), fragment: include_str!("../src/gui.frag") }, MaterialParams { pipeline_params, ..Default::default() }).unwrap();
    for _ in 0..frames {
        let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(screen_width(), screen_height()));
        let input = egui::RawInput { screen_rect: Some(screen), time: Some(get_time()), ..Default::default() };
        let mut output = context.run_ui(input, |ui| drop(game::panels(ui, &mut state)));
        for (id, deltas) in std::mem::take(&mut output.textures_delta.set) {
            for delta in deltas {
                let egui::ImageData::Color(image) = &delta.image;
                let bytes: Vec<u8> = image.pixels.iter().flat_map(|pixel| pixel.to_array()).collect();
                let [w, h] = image.size;
                match (delta.pos, textures.get(&id)) {
                    (Some([x, y]), Some(texture)) => texture.update_part(&Image { bytes, width: w as u16, height: h as u16 }, x as i32, y as i32, w as i32, h as i32),
                    _ => drop(textures.insert(id, Texture2D::from_rgba8(w as u16, h as u16, &bytes))),
                }
            }
        }
        let primitives = context.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
        clear_background(Color::from_rgba(0x1d, 0x23, 0x33, 255));
        gl_use_material(&material);
        for egui::ClippedPrimitive { clip_rect, primitive } in primitives {
            let egui::epaint::Primitive::Mesh(mesh) = primitive else { continue };
            let vertices: Vec<Vertex> = mesh.vertices.iter().map(|v| Vertex { position: vec3(v.pos.x, v.pos.y, 0.0), uv: vec2(v.uv.x, v.uv.y), color: v.color.to_array(), normal: Vec4::ZERO }).collect();
            let indices: Vec<u16> = mesh.indices.iter().map(|&i| i as u16).collect();
            assert!(vertices.len() < 10_000 && indices.len() < 5_000, "this UI's meshes fit one draw call each");
            let gl = unsafe { get_internal_gl() }.quad_gl;
            gl.scissor(Some((clip_rect.min.x as i32, clip_rect.min.y as i32, clip_rect.width() as i32, clip_rect.height() as i32)));
            gl.texture(textures.get(&mesh.texture_id));
            gl.draw_mode(DrawMode::Triangles);
            gl.geometry(&vertices, &indices);
        }
        unsafe { get_internal_gl() }.quad_gl.scissor(None);
        gl_use_default_material();
        for id in std::mem::take(&mut output.textures_delta.free) {
            textures.remove(&id);
        }
        next_frame().await;
    }
}
