use contract::prelude::*;
use serde::{Deserialize, Serialize};

pub mod exports;

#[derive(Clone, Serialize, Deserialize)]
pub struct State {
    texture: Texture2D,
}

impl Default for State {
    fn default() -> Self {
        block_on(async {
            let texture: Texture2D = load_texture("examples/ferris.png").await.unwrap();
            Self { texture }
        })
    }
}

pub fn frame(state: &mut State) {
    let State { texture } = state;
    {
        clear_background(LIGHTGRAY);
        draw_texture(&texture, 0., 0., WHITE);
    }
}
