//! The window: its size, clearing it, and asking the program to end.

use crate::boundary::DrawCommand;
use crate::color::Color;
use crate::context::{draw, input, with};

pub fn clear_background(color: Color) {
    draw(DrawCommand::ClearBackground(color));
}

pub fn screen_width() -> f32 {
    input(|input| input.screen_width)
}

pub fn screen_height() -> f32 {
    input(|input| input.screen_height)
}

/// Ends the program after this frame (macroquad's `miniquad::window::order_quit`). In a macroquad
/// program you would `break` out of the main loop; the frame function has no loop, so it says this.
pub fn order_quit() {
    with(|context| context.frame.quit = true);
}

/// The plain settings macroquad programs take from `macroquad::window::miniquad` (blending, pipelines,
/// uniforms), at the same path. miniquad's context itself stays in the binary.
pub mod miniquad {
    pub use crate::material::{
        BlendFactor, BlendState, BlendValue, Comparison, CullFace, Equation, FrontFaceOrder, PipelineParams,
        PrimitiveType, ShaderSource, UniformDesc, UniformType,
    };
}
