use contract::prelude::*;
use serde::{Deserialize, Serialize};

pub mod exports;

#[derive(Clone, Serialize, Deserialize)]
pub struct State {
    x: f32,
    y: f32,
}

impl Default for State {
    fn default() -> Self {
        let x = screen_width() / 2.0;
        let y = screen_height() / 2.0;
        Self { x, y }
    }
}

pub fn frame(state: &mut State) {
    let State { x, y } = state;
    {
        clear_background(LIGHTGRAY);

        if is_key_down(KeyCode::Right) {
            *x += 1.0;
        }
        if is_key_down(KeyCode::Left) {
            *x -= 1.0;
        }
        if is_key_down(KeyCode::Down) {
            *y += 1.0;
        }
        if is_key_down(KeyCode::Up) {
            *y -= 1.0;
        }

        draw_circle(*x, *y, 15.0, YELLOW);
        draw_text("move the ball with arrow keys", 20.0, 20.0, 20.0, DARKGRAY);
    }
}
