//! macroquad's input functions, answered from the binary's snapshot of this frame's input.

use std::collections::HashSet;

use crate::boundary::WindowRequest;
pub use crate::boundary::{Touch, TouchPhase};
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

/// The next character typed and not taken yet, as macroquad hands them out: call it in a loop. One not
/// taken in its own frame waits for a later one.
pub fn get_char_pressed() -> Option<char> {
    with(|context| context.chars.pop_front())
}

/// Forgets the characters typed and not taken yet.
pub fn clear_input_queue() {
    with(|context| context.chars.clear());
}

/// The touches on a touch screen, in window pixels (none on a desktop, as with macroquad).
pub fn touches() -> Vec<Touch> {
    input(|input| input.touches.clone())
}

/// The touches, in -1..1 on both axes.
pub fn touches_local() -> Vec<Touch> {
    input(|input| {
        let size = Vec2::new(input.screen_width, input.screen_height);
        let local = |touch: &Touch| Touch { position: touch.position / size * 2.0 - Vec2::new(1.0, 1.0), ..*touch };
        input.touches.iter().map(local).collect()
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

/// From now on the window's close button does not end the program: `is_quit_requested` says it was
/// pressed, and the game decides (`order_quit` ends it).
pub fn prevent_quit() {
    with(|context| context.frame.window.push(WindowRequest::PreventQuit));
}

/// The close button was pressed (after `prevent_quit`).
pub fn is_quit_requested() -> bool {
    input(|input| input.quit_requested)
}

/// Keeps the mouse inside the window (a first-person camera, say).
pub fn set_cursor_grab(grab: bool) {
    with(|context| context.frame.window.push(WindowRequest::CursorGrab(grab)));
}

pub fn show_mouse(shown: bool) {
    with(|context| context.frame.window.push(WindowRequest::ShowMouse(shown)));
}
