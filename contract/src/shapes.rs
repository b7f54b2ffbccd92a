//! macroquad's shapes: rectangles, circles, ellipses, lines, triangles and polygons, filled and outlined.

use crate::boundary::DrawCommand;
use crate::color::Color;
use crate::context::draw;
use crate::math::{Vec2, vec2};

pub fn draw_rectangle(x: f32, y: f32, w: f32, h: f32, color: Color) {
    draw(DrawCommand::Rectangle { x, y, w, h, color });
}

pub fn draw_rectangle_lines(x: f32, y: f32, w: f32, h: f32, thickness: f32, color: Color) {
    draw(DrawCommand::RectangleLines { x, y, w, h, thickness, color });
}

#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
pub struct DrawRectangleParams {
    /// Moves the rectangle by this share of its size: (0.5, 0.5) centres it on `x`, `y`.
    pub offset: Vec2,
    /// In radians.
    pub rotation: f32,
    pub color: Color,
}

impl Default for DrawRectangleParams {
    fn default() -> Self {
        Self { offset: vec2(0.0, 0.0), rotation: 0.0, color: Color::from_rgba(255, 255, 255, 255) }
    }
}

pub fn draw_rectangle_ex(x: f32, y: f32, w: f32, h: f32, params: DrawRectangleParams) {
    let DrawRectangleParams { offset, rotation, color } = params;
    draw(DrawCommand::RectangleEx { x, y, w, h, offset, rotation, color });
}

pub fn draw_circle(x: f32, y: f32, r: f32, color: Color) {
    draw(DrawCommand::Circle { x, y, r, color });
}

pub fn draw_circle_lines(x: f32, y: f32, r: f32, thickness: f32, color: Color) {
    draw(DrawCommand::CircleLines { x, y, r, thickness, color });
}

pub fn draw_ellipse(x: f32, y: f32, w: f32, h: f32, rotation: f32, color: Color) {
    draw(DrawCommand::Ellipse { x, y, w, h, rotation, color });
}

pub fn draw_ellipse_lines(x: f32, y: f32, w: f32, h: f32, rotation: f32, thickness: f32, color: Color) {
    draw(DrawCommand::EllipseLines { x, y, w, h, rotation, thickness, color });
}

pub fn draw_line(x1: f32, y1: f32, x2: f32, y2: f32, thickness: f32, color: Color) {
    draw(DrawCommand::Line { x1, y1, x2, y2, thickness, color });
}

pub fn draw_triangle(v1: Vec2, v2: Vec2, v3: Vec2, color: Color) {
    draw(DrawCommand::Triangle { v1, v2, v3, color });
}

pub fn draw_triangle_lines(v1: Vec2, v2: Vec2, v3: Vec2, thickness: f32, color: Color) {
    draw(DrawCommand::TriangleLines { v1, v2, v3, thickness, color });
}

/// A regular polygon; `rotation` in degrees, as in macroquad.
pub fn draw_poly(x: f32, y: f32, sides: u8, radius: f32, rotation: f32, color: Color) {
    draw(DrawCommand::Poly { x, y, sides, radius, rotation, color });
}

pub fn draw_poly_lines(x: f32, y: f32, sides: u8, radius: f32, rotation: f32, thickness: f32, color: Color) {
    draw(DrawCommand::PolyLines { x, y, sides, radius, rotation, thickness, color });
}

/// An arc of `arc` degrees starting at `rotation` degrees.
#[allow(clippy::too_many_arguments)]
pub fn draw_arc(x: f32, y: f32, sides: u8, radius: f32, rotation: f32, thickness: f32, arc: f32, color: Color) {
    draw(DrawCommand::Arc { x, y, sides, radius, rotation, thickness, arc, color });
}

/// A hexagon of `size` (its corners' distance from the centre), pointy side up if `vertical`, with a
/// border of `border` pixels, as macroquad draws it: a filled polygon, and its outline over it.
pub fn draw_hexagon(x: f32, y: f32, size: f32, border: f32, vertical: bool, border_color: Color, fill_color: Color) {
    let rotation = if vertical { 90. } else { 0. };
    draw_poly(x, y, 6, size, rotation, fill_color);
    if border > 0. {
        draw_poly_lines(x, y, 6, size, rotation, border, border_color);
    }
}
