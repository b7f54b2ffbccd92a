//! Draws the game's UI (egui, run inside the game library) with macroquad: plain triangles with
//! their textures and clip rectangles. The binary knows nothing of egui (see `contract::gui`).

use std::collections::HashMap;

use contract::boundary::{CursorIcon, FilterMode, Frame, GuiMesh, GuiTexture, GuiTextureChange, GuiVertex};
use macroquad::camera::{pop_camera_state, push_camera_state, set_default_camera};
use macroquad::material::{Material, MaterialParams, gl_use_default_material, gl_use_material, load_material};
use macroquad::math::{Vec4, vec3};
use macroquad::miniquad::{self, BlendFactor, BlendState, BlendValue, Equation, PipelineParams, ShaderSource};
use macroquad::models::Vertex;
use macroquad::texture::{Image, Texture2D};

use crate::assets::Assets;

/// macroquad's draw calls hold at most 10,000 vertices and 5,000 indices: bigger meshes go in parts.
const MAX_VERTICES: usize = 9_999;
const MAX_INDICES: usize = 4_998;

pub struct Gui {
    /// The UI's textures by id (its font atlas, images it loaded).
    textures: HashMap<u64, Texture2D>,
    /// Frees wait for the next frame: egui may still draw with them in the frame that freed them.
    freed: Vec<u64>,
    /// macroquad's own shader (`gui.vert`, `gui.frag`), blending premultiplied colours as egui makes them.
    material: Material,
    cursor: CursorIcon,
}

impl Gui {
    pub fn new() -> Self {
        let blend =
            BlendState::new(Equation::Add, BlendFactor::One, BlendFactor::OneMinusValue(BlendValue::SourceAlpha));
        let pipeline_params =
            PipelineParams { color_blend: Some(blend), alpha_blend: Some(blend), ..Default::default() };
        let material = load_material(
            ShaderSource::Glsl { vertex: include_str!("gui.vert"), fragment: include_str!("gui.frag") },
            MaterialParams { pipeline_params, ..Default::default() },
        )
        .expect("the UI's shader compiles (it is macroquad's own)");
        Self { textures: HashMap::new(), freed: Vec::new(), material, cursor: CursorIcon::Default }
    }

    /// What a new frame changes outside its drawing: textures and the mouse cursor.
    pub fn update(&mut self, frame: &Frame) {
        for id in self.freed.drain(..) {
            self.textures.remove(&id);
        }
        for change in &frame.gui_textures {
            match change {
                GuiTextureChange::FreeAll => self.freed.extend(self.textures.keys()),
                GuiTextureChange::Free(id) => self.freed.push(*id),
                GuiTextureChange::Set { id, at: None, width, height, rgba, filter } => {
                    let texture = Texture2D::from_rgba8(*width as u16, *height as u16, rgba);
                    texture.set_filter(match filter {
                        FilterMode::Linear => macroquad::texture::FilterMode::Linear,
                        FilterMode::Nearest => macroquad::texture::FilterMode::Nearest,
                    });
                    self.freed.retain(|freed| freed != id);
                    self.textures.insert(*id, texture);
                }
                GuiTextureChange::Set { id, at: Some([x, y]), width, height, rgba, .. } => {
                    if let Some(texture) = self.textures.get(id) {
                        let patch = Image { bytes: rgba.clone(), width: *width as u16, height: *height as u16 };
                        texture.update_part(&patch, *x as i32, *y as i32, *width as i32, *height as i32);
                    }
                }
            }
        }
        if frame.cursor != self.cursor {
            self.cursor = frame.cursor;
            miniquad::window::set_mouse_cursor(cursor(frame.cursor));
        }
    }

    /// Draws a UI in window pixels, whatever camera the game set (which stays set afterwards).
    pub fn draw(&self, meshes: &[GuiMesh], assets: &Assets) {
        push_camera_state();
        set_default_camera();
        gl_use_material(&self.material);
        for mesh in meshes {
            let texture = match mesh.texture {
                GuiTexture::Gui(id) => self.textures.get(&id),
                GuiTexture::Game(id) => Some(assets.texture(id)),
            };
            let clip = mesh.clip;
            let (x, y) = (clip.x.max(0.0).round(), clip.y.max(0.0).round());
            let (w, h) = ((clip.x + clip.w).round() - x, (clip.y + clip.h).round() - y);
            if w <= 0.0 || h <= 0.0 {
                continue;
            }
            // SAFETY: macroquad's drawing state, used between frames on the main thread as macroquad's own drawing does.
            let gl = unsafe { macroquad::window::get_internal_gl() }.quad_gl;
            gl.scissor(Some((x as i32, y as i32, w as i32, h as i32)));
            gl.texture(texture);
            gl.draw_mode(macroquad::prelude::DrawMode::Triangles);
            in_parts(mesh, |vertices, indices| gl.geometry(vertices, indices));
        }
        // SAFETY: as above.
        unsafe { macroquad::window::get_internal_gl() }.quad_gl.scissor(None);
        gl_use_default_material();
        pop_camera_state();
    }
}

/// Hands `mesh` to `draw` as macroquad vertices, in parts small enough for one draw call each.
fn in_parts(mesh: &GuiMesh, mut draw: impl FnMut(&[Vertex], &[u16])) {
    let vertex = |v: &GuiVertex| Vertex {
        position: vec3(v.position.x, v.position.y, 0.0),
        uv: v.uv,
        color: v.color,
        normal: Vec4::ZERO,
    };
    if mesh.vertices.len() <= MAX_VERTICES && mesh.indices.len() <= MAX_INDICES {
        let vertices: Vec<Vertex> = mesh.vertices.iter().map(vertex).collect();
        let indices: Vec<u16> = mesh.indices.iter().map(|&i| i as u16).collect();
        return draw(&vertices, &indices);
    }
    // Triangle by triangle, each part with the vertices its triangles use.
    const UNSEEN: u16 = u16::MAX;
    let mut part_index = vec![UNSEEN; mesh.vertices.len()];
    let (mut vertices, mut indices) = (Vec::new(), Vec::new());
    for triangle in mesh.indices.chunks_exact(3) {
        if indices.len() + 3 > MAX_INDICES || vertices.len() + 3 > MAX_VERTICES {
            draw(&vertices, &indices);
            vertices.clear();
            indices.clear();
            part_index.fill(UNSEEN);
        }
        for &i in triangle {
            let at = &mut part_index[i as usize];
            if *at == UNSEEN {
                *at = vertices.len() as u16;
                vertices.push(vertex(&mesh.vertices[i as usize]));
            }
            indices.push(*at);
        }
    }
    if !indices.is_empty() {
        draw(&vertices, &indices);
    }
}

fn cursor(icon: CursorIcon) -> miniquad::CursorIcon {
    use miniquad::CursorIcon as M;
    match icon {
        CursorIcon::Default => M::Default,
        CursorIcon::Pointer => M::Pointer,
        CursorIcon::Text => M::Text,
        CursorIcon::Move => M::Move,
        CursorIcon::Crosshair => M::Crosshair,
        CursorIcon::NotAllowed => M::NotAllowed,
        CursorIcon::Wait => M::Wait,
        CursorIcon::Help => M::Help,
        CursorIcon::ResizeHorizontal => M::EWResize,
        CursorIcon::ResizeVertical => M::NSResize,
        CursorIcon::ResizeNeSw => M::NESWResize,
        CursorIcon::ResizeNwSe => M::NWSEResize,
    }
}
