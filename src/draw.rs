//! Draws the game's `Frame` with macroquad: the only place that turns draw data into pixels.

use contract::{Color, Frame, Shape};
use macroquad::{color, shapes, text, window};

pub fn frame(frame: &Frame) {
    window::clear_background(to_macroquad(frame.background));
    for shape in &frame.shapes {
        match shape {
            &Shape::Rect { x, y, w, h, color } => shapes::draw_rectangle(x, y, w, h, to_macroquad(color)),
            &Shape::Circle { x, y, radius, color } => shapes::draw_circle(x, y, radius, to_macroquad(color)),
            &Shape::Line { x1, y1, x2, y2, thickness, color } => {
                shapes::draw_line(x1, y1, x2, y2, thickness, to_macroquad(color))
            }
            Shape::Text { text, x, y, size, color } => {
                text::draw_text(text, *x, *y, *size, to_macroquad(*color));
            }
        }
    }
}

fn to_macroquad(Color { r, g, b, a }: Color) -> color::Color {
    color::Color::new(r, g, b, a)
}
