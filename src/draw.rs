//! Plays the game's `Frame` with macroquad: every command is the macroquad call of the same name, with
//! the same arguments. The only place that turns draw data into pixels.
//!
//! What macroquad keeps set across frames stays set here too: the camera (and its render target), the
//! material, the default font. The binary's own overlays are drawn between frames with macroquad's
//! defaults, and the game's settings are put back before its next frame.

use contract::boundary::{CameraSetting, DrawCommand, Frame, Vertex};
use macroquad::camera::{Camera, pop_camera_state, push_camera_state, set_camera, set_default_camera};
use macroquad::color::Color;
use macroquad::material::{gl_use_default_material, gl_use_material};
use macroquad::math::{Mat4, vec4};
use macroquad::models;
use macroquad::prelude::DrawMode;
use macroquad::prelude::{
    DrawRectangleParams, DrawTextureParams, RenderPass, TextParams, draw_text_ex, draw_texture_ex,
};
use macroquad::shapes::*;
use macroquad::window::clear_background;

use crate::assets::Assets;
use crate::gui::Gui;

/// The game's drawing settings that outlive a frame.
#[derive(Default)]
pub struct Drawing {
    /// The camera the game set last (`None`: the screen), and those `push_camera_state` kept.
    camera: Option<CameraSetting>,
    camera_stack: Vec<Option<CameraSetting>>,
    material: Option<u64>,
    default_font: Option<u64>,
}

impl Drawing {
    /// The camera in force, for the game's next `Input`.
    pub fn camera(&self) -> Option<CameraSetting> {
        self.camera
    }

    pub fn default_font(&self) -> Option<u64> {
        self.default_font
    }

    /// Draws `frame`, then puts macroquad's defaults back for the binary's own drawing.
    pub fn frame(&mut self, frame: &Frame, assets: &mut Assets, gui: &Gui) {
        self.set_camera(self.camera, assets);
        self.use_material(self.material, assets);
        for command in &frame.draw {
            self.play(command, assets, gui);
        }
        set_default_camera();
        gl_use_default_material();
    }

    fn play(&mut self, command: &DrawCommand, assets: &mut Assets, gui: &Gui) {
        let texture = |id: Option<u64>| id.map(|id| assets.texture(id));
        match *command {
            DrawCommand::ClearBackground(color) => clear_background(mq(color)),
            DrawCommand::Rectangle { x, y, w, h, color } => draw_rectangle(x, y, w, h, mq(color)),
            DrawCommand::RectangleLines { x, y, w, h, thickness, color } => {
                draw_rectangle_lines(x, y, w, h, thickness, mq(color))
            }
            DrawCommand::RectangleEx { x, y, w, h, offset, rotation, color } => {
                draw_rectangle_ex(x, y, w, h, DrawRectangleParams { offset, rotation, color: mq(color) })
            }
            DrawCommand::Circle { x, y, r, color } => draw_circle(x, y, r, mq(color)),
            DrawCommand::CircleLines { x, y, r, thickness, color } => draw_circle_lines(x, y, r, thickness, mq(color)),
            DrawCommand::Ellipse { x, y, w, h, rotation, color } => draw_ellipse(x, y, w, h, rotation, mq(color)),
            DrawCommand::EllipseLines { x, y, w, h, rotation, thickness, color } => {
                draw_ellipse_lines(x, y, w, h, rotation, thickness, mq(color))
            }
            DrawCommand::Line { x1, y1, x2, y2, thickness, color } => draw_line(x1, y1, x2, y2, thickness, mq(color)),
            DrawCommand::Triangle { v1, v2, v3, color } => draw_triangle(v1, v2, v3, mq(color)),
            DrawCommand::TriangleLines { v1, v2, v3, thickness, color } => {
                draw_triangle_lines(v1, v2, v3, thickness, mq(color))
            }
            DrawCommand::Poly { x, y, sides, radius, rotation, color } => {
                draw_poly(x, y, sides, radius, rotation, mq(color))
            }
            DrawCommand::PolyLines { x, y, sides, radius, rotation, thickness, color } => {
                draw_poly_lines(x, y, sides, radius, rotation, thickness, mq(color))
            }
            DrawCommand::Arc { x, y, sides, radius, rotation, thickness, arc, color } => {
                draw_arc(x, y, sides, radius, rotation, thickness, arc, mq(color))
            }
            DrawCommand::Texture { texture, x, y, color, dest_size, source, rotation, flip_x, flip_y, pivot } => {
                let source = source.map(|r| macroquad::math::Rect::new(r.x, r.y, r.w, r.h));
                let params = DrawTextureParams { dest_size, source, rotation, flip_x, flip_y, pivot };
                draw_texture_ex(assets.texture(texture), x, y, mq(color), params);
            }
            DrawCommand::Text { ref text, x, y, font, font_size, font_scale, font_scale_aspect, rotation, color } => {
                let font = font.or(self.default_font).and_then(|id| assets.font(id));
                let params = TextParams { font, font_size, font_scale, font_scale_aspect, rotation, color: mq(color) };
                draw_text_ex(text, x, y, params);
            }
            DrawCommand::SetTextureFilter { texture, filter } => assets.set_filter(texture, filter),
            DrawCommand::SetDefaultFilterMode(_) => {} // applied as the frame's assets are made (`Assets::load`)
            DrawCommand::UpdateTexture { texture, x, y, width, height, ref bytes } => {
                assets.update_texture(texture, x, y, width, height, bytes)
            }
            DrawCommand::SetCamera(camera) => self.set_camera(Some(camera), assets),
            DrawCommand::SetDefaultCamera => self.set_camera(None, assets),
            DrawCommand::PushCameraState => {
                self.camera_stack.push(self.camera);
                push_camera_state();
            }
            DrawCommand::PopCameraState => {
                if let Some(camera) = self.camera_stack.pop() {
                    self.camera = camera;
                }
                pop_camera_state();
            }
            DrawCommand::UseMaterial(material) => self.use_material(Some(material), assets),
            DrawCommand::UseDefaultMaterial => self.use_material(None, assets),
            DrawCommand::SetUniform { material, ref name, ref bytes, array } => {
                assets.set_uniform(material, name, bytes, array)
            }
            DrawCommand::SetMaterialTexture { material, ref name, texture } => {
                assets.set_material_texture(material, name, texture)
            }
            DrawCommand::SetDefaultFont(font) => self.default_font = font,
            DrawCommand::Line3d { start, end, color } => models::draw_line_3d(start, end, mq(color)),
            DrawCommand::Plane { center, size, texture: id, color } => {
                models::draw_plane(center, size, texture(id), mq(color))
            }
            DrawCommand::AffineParallelogram { offset, e1, e2, texture: id, color } => {
                models::draw_affine_parallelogram(offset, e1, e2, texture(id), mq(color))
            }
            DrawCommand::Cube { position, size, texture: id, color } => {
                models::draw_cube(position, size, texture(id), mq(color))
            }
            DrawCommand::CubeWires { position, size, color } => models::draw_cube_wires(position, size, mq(color)),
            DrawCommand::Sphere { center, radius, texture: id, color, rings, slices, lines } => {
                let params = models::DrawSphereParams { rings, slices, draw_mode: draw_mode(lines) };
                models::draw_sphere_ex(center, radius, texture(id), mq(color), params)
            }
            DrawCommand::Cylinder { position, radius_top, radius_bottom, height, texture: id, color, sides, lines } => {
                let params = models::DrawCylinderParams { sides, draw_mode: draw_mode(lines) };
                models::draw_cylinder_ex(position, radius_top, radius_bottom, height, texture(id), mq(color), params)
            }
            DrawCommand::Mesh { ref vertices, ref indices, texture: id } => {
                let vertices = vertices.iter().map(vertex).collect();
                let mesh = models::Mesh { vertices, indices: indices.clone(), texture: texture(id).cloned() };
                models::draw_mesh(&mesh)
            }
            DrawCommand::Gui(ref meshes) => gui.draw(meshes, assets),
        }
    }

    fn set_camera(&mut self, camera: Option<CameraSetting>, assets: &Assets) {
        self.camera = camera;
        match camera {
            Some(setting) => set_camera(&Recorded {
                setting,
                render_pass: setting.render_target.and_then(|id| assets.render_pass(id)),
            }),
            None => set_default_camera(),
        }
    }

    fn use_material(&mut self, material: Option<u64>, assets: &Assets) {
        self.material = material;
        match material.and_then(|id| assets.material(id)) {
            Some(material) => gl_use_material(material),
            None => gl_use_default_material(),
        }
    }
}

/// A camera as the game set it: what macroquad's `set_camera` takes from any camera.
struct Recorded {
    setting: CameraSetting,
    render_pass: Option<RenderPass>,
}

impl Camera for Recorded {
    fn matrix(&self) -> Mat4 {
        self.setting.matrix
    }

    fn depth_enabled(&self) -> bool {
        self.setting.depth_test
    }

    fn render_pass(&self) -> Option<RenderPass> {
        self.render_pass.clone()
    }

    fn viewport(&self) -> Option<(i32, i32, i32, i32)> {
        self.setting.viewport
    }
}

fn draw_mode(lines: bool) -> DrawMode {
    if lines { DrawMode::Lines } else { DrawMode::Triangles }
}

fn vertex(vertex: &Vertex) -> models::Vertex {
    let normal = vec4(vertex.normal.x, vertex.normal.y, vertex.normal.z, vertex.normal.w);
    models::Vertex { position: vertex.position, uv: vertex.uv, color: vertex.color, normal }
}

fn mq(contract::Color { r, g, b, a }: contract::Color) -> Color {
    Color::new(r, g, b, a)
}
