//! Frame time, time since the start, frames per second: as the binary measured them for this frame.

use crate::color::colors::WHITE;
use crate::context::input;
use crate::text::draw_text;

/// Seconds the last frame took.
pub fn get_frame_time() -> f32 {
    input(|input| input.frame_time)
}

/// Seconds since the program started, as of the start of this frame.
pub fn get_time() -> f64 {
    input(|input| input.time)
}

pub fn get_fps() -> i32 {
    input(|input| input.fps)
}

/// Draws the frames per second in the top left corner, as macroquad's `draw_fps` does.
pub fn draw_fps() {
    draw_text(format!("FPS: {}", get_fps()), 0., 16., 32., WHITE);
}
