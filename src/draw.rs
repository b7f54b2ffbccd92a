//! Plays the game's `Frame` with macroquad: every command is the macroquad call of the same name.
//! The only place that turns draw data into pixels.

use contract::boundary::{Camera, DrawCommand, Frame};
use macroquad::camera::{Camera2D, set_camera, set_default_camera};
use macroquad::color::Color;
use macroquad::prelude::{DrawRectangleParams, DrawTextureParams, TextParams, draw_text_ex, draw_texture_ex};
use macroquad::shapes::*;
use macroquad::window::{clear_background, screen_height, screen_width};

use crate::assets::Assets;
use crate::gui::Gui;

pub fn frame(frame: &Frame, assets: &mut Assets, gui: &Gui) {
    set_default_camera();
    for command in &frame.draw {
        match *command {
            DrawCommand::ClearBackground(color) => clear_background(to_macroquad(color)),
            DrawCommand::Rectangle { x, y, w, h, color } => draw_rectangle(x, y, w, h, to_macroquad(color)),
            DrawCommand::RectangleLines { x, y, w, h, thickness, color } => {
                draw_rectangle_lines(x, y, w, h, thickness, to_macroquad(color))
            }
            DrawCommand::RectangleEx { x, y, w, h, offset, rotation, color } => {
                draw_rectangle_ex(x, y, w, h, DrawRectangleParams { offset, rotation, color: to_macroquad(color) })
            }
            DrawCommand::Circle { x, y, r, color } => draw_circle(x, y, r, to_macroquad(color)),
            DrawCommand::CircleLines { x, y, r, thickness, color } => {
                draw_circle_lines(x, y, r, thickness, to_macroquad(color))
            }
            DrawCommand::Ellipse { x, y, w, h, rotation, color } => {
                draw_ellipse(x, y, w, h, rotation, to_macroquad(color))
            }
            DrawCommand::EllipseLines { x, y, w, h, rotation, thickness, color } => {
                draw_ellipse_lines(x, y, w, h, rotation, thickness, to_macroquad(color))
            }
            DrawCommand::Line { x1, y1, x2, y2, thickness, color } => {
                draw_line(x1, y1, x2, y2, thickness, to_macroquad(color))
            }
            DrawCommand::Triangle { v1, v2, v3, color } => draw_triangle(v1, v2, v3, to_macroquad(color)),
            DrawCommand::TriangleLines { v1, v2, v3, thickness, color } => {
                draw_triangle_lines(v1, v2, v3, thickness, to_macroquad(color))
            }
            DrawCommand::Poly { x, y, sides, radius, rotation, color } => {
                draw_poly(x, y, sides, radius, rotation, to_macroquad(color))
            }
            DrawCommand::PolyLines { x, y, sides, radius, rotation, thickness, color } => {
                draw_poly_lines(x, y, sides, radius, rotation, thickness, to_macroquad(color))
            }
            DrawCommand::Arc { x, y, sides, radius, rotation, thickness, arc, color } => {
                draw_arc(x, y, sides, radius, rotation, thickness, arc, to_macroquad(color))
            }
            DrawCommand::Texture { texture, x, y, color, dest_size, source, rotation, flip_x, flip_y, pivot } => {
                let source = source.map(|r| macroquad::math::Rect::new(r.x, r.y, r.w, r.h));
                let params = DrawTextureParams { dest_size, source, rotation, flip_x, flip_y, pivot };
                draw_texture_ex(assets.texture(texture), x, y, to_macroquad(color), params);
            }
            DrawCommand::Text { ref text, x, y, font, font_size, font_scale, font_scale_aspect, rotation, color } => {
                let font = font.and_then(|id| assets.font(id));
                let params =
                    TextParams { font, font_size, font_scale, font_scale_aspect, rotation, color: to_macroquad(color) };
                draw_text_ex(text, x, y, params);
            }
            DrawCommand::SetTextureFilter { texture, filter } => assets.set_filter(texture, filter),
            DrawCommand::SetCamera(camera) => set_camera(&camera2d(camera)),
            DrawCommand::SetDefaultCamera => set_default_camera(),
            DrawCommand::Gui(ref meshes) => gui.draw(meshes, assets),
        }
    }
    set_default_camera();
}

/// A dark red banner along the bottom of the window, one line a message (nothing if there is none).
pub fn banner(messages: impl Iterator<Item = String>) {
    let lines: Vec<String> =
        messages.flat_map(|message| message.lines().map(str::to_string).collect::<Vec<_>>()).collect();
    if lines.is_empty() {
        return;
    }
    let height = 16.0 + 22.0 * lines.len() as f32;
    let top = screen_height() - height;
    draw_rectangle(0.0, top, screen_width(), height, Color::from_rgba(0x5a, 0x10, 0x18, 255));
    for (i, line) in lines.iter().enumerate() {
        macroquad::text::draw_text(
            line,
            12.0,
            top + 26.0 + 22.0 * i as f32,
            20.0,
            Color::from_rgba(0xff, 0xe0, 0xe0, 255),
        );
    }
}

/// A small marker in the top right corner (hot builds: F7's "REC" and "LOOP"), over the game.
pub fn marker(text: Option<String>) {
    let Some(text) = text else { return };
    let size = macroquad::text::measure_text(&text, None, 20, 1.0);
    let (w, h) = (size.width + 20.0, 28.0);
    let x = screen_width() - w - 8.0;
    let recording = text.starts_with("REC");
    let color =
        if recording { Color::from_rgba(0xc0, 0x20, 0x20, 255) } else { Color::from_rgba(0xd0, 0x90, 0x10, 255) };
    draw_rectangle(x, 8.0, w, h, color);
    macroquad::text::draw_text(&text, x + 10.0, 8.0 + 20.0, 20.0, Color::from_rgba(0xff, 0xff, 0xff, 255));
}

fn to_macroquad(contract::Color { r, g, b, a }: contract::Color) -> Color {
    Color::new(r, g, b, a)
}

fn camera2d(Camera { rotation, zoom, target, offset, viewport }: Camera) -> Camera2D {
    Camera2D { rotation, zoom, target, offset, viewport, render_target: None }
}
