//! Reads this frame's input from macroquad into the game's plain `Input`.

use contract::Input;
use contract::keys::{KeyCode, MouseButton};
use macroquad::input as mq;
use macroquad::math::Vec2;

const BUTTONS: [(mq::MouseButton, MouseButton); 3] = [
    (mq::MouseButton::Left, MouseButton::Left),
    (mq::MouseButton::Middle, MouseButton::Middle),
    (mq::MouseButton::Right, MouseButton::Right),
];

/// `changed_assets`: asset files that changed on disk since the last frame (hot builds).
pub fn read(changed_assets: Vec<String>) -> Input {
    let keys = |set: std::collections::HashSet<mq::KeyCode>| set.into_iter().map(key).collect();
    let buttons = |is: fn(mq::MouseButton) -> bool| BUTTONS.iter().filter(|(button, _)| is(*button)).map(|&(_, ours)| ours).collect();
    let (wheel_x, wheel_y) = mq::mouse_wheel();
    Input {
        frame_time: macroquad::time::get_frame_time(),
        time: macroquad::time::get_time(),
        fps: macroquad::time::get_fps(),
        screen_width: macroquad::window::screen_width(),
        screen_height: macroquad::window::screen_height(),
        keys_down: keys(mq::get_keys_down()),
        keys_pressed: keys(mq::get_keys_pressed()),
        keys_released: keys(mq::get_keys_released()),
        last_key_pressed: mq::get_last_key_pressed().map(key),
        chars_typed: std::iter::from_fn(mq::get_char_pressed).collect(),
        mouse_position: Vec2::from(mq::mouse_position()),
        mouse_wheel: Vec2::new(wheel_x, wheel_y),
        mouse_down: buttons(mq::is_mouse_button_down),
        mouse_pressed: buttons(mq::is_mouse_button_pressed),
        mouse_released: buttons(mq::is_mouse_button_released),
        changed_assets,
    }
}

/// Both name their keys by the same codes (X11's key symbols).
fn key(key: mq::KeyCode) -> KeyCode {
    KeyCode::from_code(key as u16)
}
