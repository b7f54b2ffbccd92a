//! macroquad's input functions, answered from the binary's snapshot of this frame's input.

use std::collections::HashSet;

use crate::context::{input, with};
pub use crate::keys::{KeyCode, MouseButton};
use crate::math::Vec2;

pub fn is_key_down(key_code: KeyCode) -> bool {
    input(|input| input.keys_down.contains(&key_code))
}

/// True on the frame the key went down.
pub fn is_key_pressed(key_code: KeyCode) -> bool {
    input(|input| input.keys_pressed.contains(&key_code))
}

/// True on the frame the key went up.
pub fn is_key_released(key_code: KeyCode) -> bool {
    input(|input| input.keys_released.contains(&key_code))
}

pub fn is_any_key_down() -> bool {
    input(|input| !input.keys_down.is_empty())
}

pub fn get_keys_down() -> HashSet<KeyCode> {
    input(|input| input.keys_down.iter().copied().collect())
}

pub fn get_keys_pressed() -> HashSet<KeyCode> {
    input(|input| input.keys_pressed.iter().copied().collect())
}

pub fn get_keys_released() -> HashSet<KeyCode> {
    input(|input| input.keys_released.iter().copied().collect())
}

pub fn get_last_key_pressed() -> Option<KeyCode> {
    input(|input| input.last_key_pressed)
}

/// The next character typed since the last frame, as macroquad hands them out: call it in a loop.
pub fn get_char_pressed() -> Option<char> {
    with(|context| {
        let char = context.input.chars_typed.get(context.chars_read).copied();
        context.chars_read += char.is_some() as usize;
        char
    })
}

/// In window pixels, from the top left.
pub fn mouse_position() -> (f32, f32) {
    input(|input| (input.mouse_position.x, input.mouse_position.y))
}

/// The mouse position in -1..1 on both axes, as macroquad computes it.
pub fn mouse_position_local() -> Vec2 {
    input(|input| {
        let size = Vec2::new(input.screen_width, input.screen_height);
        input.mouse_position / size * 2.0 - Vec2::new(1.0, 1.0)
    })
}

/// How far the wheel turned since the last frame, (x, y).
pub fn mouse_wheel() -> (f32, f32) {
    input(|input| (input.mouse_wheel.x, input.mouse_wheel.y))
}

pub fn is_mouse_button_down(button: MouseButton) -> bool {
    input(|input| input.mouse_down.contains(&button))
}

pub fn is_mouse_button_pressed(button: MouseButton) -> bool {
    input(|input| input.mouse_pressed.contains(&button))
}

pub fn is_mouse_button_released(button: MouseButton) -> bool {
    input(|input| input.mouse_released.contains(&button))
}
