//! `just bench`'s state scene: this file replaces a generated project's `lib/src/lib.rs`, with
//! `ENTITIES` set by the bench. A `State` of many entities (position, velocity, colour, a name), all
//! moved every frame and a few drawn: what the rewind history and the reload hand-over cost grows with
//! the state, not with the drawing.

use contract::prelude::*;
use serde::{Deserialize, Serialize};

pub mod exports;

const ENTITIES: usize = 1000;
/// The bench edits this line to reload the library.
const DOT: Color = Color::from_rgba(0xf0, 0xc0, 0x40, 255);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    position: Vec2,
    velocity: Vec2,
    color: Color,
    name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct State {
    frames: u64,
    entities: Vec<Entity>,
}

impl Default for State {
    fn default() -> Self {
        let entities = (0..ENTITIES)
            .map(|i| Entity {
                position: vec2((i * 37 % 800) as f32, (i * 91 % 600) as f32),
                velocity: vec2((i % 7) as f32 * 20.0 - 60.0, (i % 5) as f32 * 25.0 - 50.0),
                color: Color::from_rgba((i % 256) as u8, 128, 200, 255),
                name: format!("entity {i}"),
            })
            .collect();
        State { frames: 0, entities }
    }
}

pub fn frame(state: &mut State) {
    let dt = get_frame_time();
    for entity in &mut state.entities {
        entity.position += entity.velocity * dt;
        if !(0.0..800.0).contains(&entity.position.x) {
            entity.velocity.x = -entity.velocity.x;
        }
        if !(0.0..600.0).contains(&entity.position.y) {
            entity.velocity.y = -entity.velocity.y;
        }
    }
    state.frames += 1;
    // The bench reads the frame count from outside, with the process's CPU time.
    if state.frames % 30 == 0
        && let Some(file) = std::env::var_os("BENCH_FRAMES")
    {
        let _ = std::fs::write(file, state.frames.to_string());
    }
    clear_background(BLACK);
    for entity in state.entities.iter().take(100) {
        draw_circle(entity.position.x, entity.position.y, 4.0, DOT);
    }
    draw_text(&format!("{} entities, frame {}", state.entities.len(), state.frames), 10.0, 20.0, 20.0, WHITE);
}
