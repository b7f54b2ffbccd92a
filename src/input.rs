//! Reads this frame's input from macroquad into the game's plain `Input`.

use contract::{Input, Keys};
use macroquad::input::{KeyCode, is_key_down, is_key_pressed};
use macroquad::time::get_frame_time;
use macroquad::window::{screen_height, screen_width};

pub fn read() -> Input {
    let down = |keys: &[KeyCode]| keys.iter().any(|&key| is_key_down(key));
    Input {
        dt: get_frame_time(),
        screen_width: screen_width(),
        screen_height: screen_height(),
        keys: Keys {
            left: down(&[KeyCode::Left, KeyCode::A]),
            right: down(&[KeyCode::Right, KeyCode::D]),
            up: down(&[KeyCode::Up, KeyCode::W]),
            down: down(&[KeyCode::Down, KeyCode::S]),
            space_pressed: is_key_pressed(KeyCode::Space),
        },
    }
}
