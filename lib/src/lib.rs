//! The game. This is the file to edit while `just dev` runs: save, and the running window
//! picks up the change within a second, with the game state kept.
//!
//! The game never calls macroquad: it reads [`Input`] and returns a [`Frame`] of plain
//! shapes, and the binary draws them. (macroquad keeps its GL context in the binary's
//! globals; a second copy inside this library would not have one.)

pub mod exports;

pub use contract::{Color, Frame, Input, Keys, Shape};
use serde::{Deserialize, Serialize};

/// Try it: change this colour, save, and watch the running window.
pub const BACKGROUND: Color = Color::rgb(0x1d, 0x23, 0x33);

const PLAYER_SIZE: f32 = 48.0;
const PLAYER_SPEED: f32 = 360.0;
const BALL_RADIUS: f32 = 14.0;
const KICK_SPEED: f32 = 420.0;

/// Everything the game remembers between frames.
///
/// It survives every reload: it is handed to the new code as serialized data, so you may add
/// fields (they start from `Default`), remove or rename them (`#[serde(alias = "old")]`) or
/// change their types while the game runs. If the old values no longer fit, the game starts
/// afresh and says so.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    pub player: Point,
    pub ball: Point,
    pub ball_velocity: Point,
    pub hits: u32,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

impl Default for State {
    fn default() -> Self {
        Self {
            player: Point { x: 200.0, y: 300.0 },
            ball: Point { x: 500.0, y: 200.0 },
            ball_velocity: Point { x: 180.0, y: 140.0 },
            hits: 0,
        }
    }
}

/// Advances the game by one frame.
pub fn update(state: &mut State, input: &Input) {
    let keys = input.keys;
    let axis = |minus: bool, plus: bool| (plus as i8 - minus as i8) as f32;
    state.player.x += axis(keys.left, keys.right) * PLAYER_SPEED * input.dt;
    state.player.y += axis(keys.up, keys.down) * PLAYER_SPEED * input.dt;
    state.player.x = state.player.x.clamp(0.0, (input.screen_width - PLAYER_SIZE).max(0.0));
    state.player.y = state.player.y.clamp(0.0, (input.screen_height - PLAYER_SIZE).max(0.0));

    let ball = &mut state.ball;
    let velocity = &mut state.ball_velocity;
    ball.x += velocity.x * input.dt;
    ball.y += velocity.y * input.dt;
    bounce(&mut ball.x, &mut velocity.x, input.screen_width);
    bounce(&mut ball.y, &mut velocity.y, input.screen_height);

    let touching = (ball.x - (state.player.x + PLAYER_SIZE / 2.0)).abs() < BALL_RADIUS + PLAYER_SIZE / 2.0
        && (ball.y - (state.player.y + PLAYER_SIZE / 2.0)).abs() < BALL_RADIUS + PLAYER_SIZE / 2.0;
    if touching && keys.space_pressed {
        // Kick the ball away from the player's centre.
        let dx = ball.x - (state.player.x + PLAYER_SIZE / 2.0);
        let dy = ball.y - (state.player.y + PLAYER_SIZE / 2.0);
        let length = (dx * dx + dy * dy).sqrt().max(1.0);
        *velocity = Point { x: dx / length * KICK_SPEED, y: dy / length * KICK_SPEED };
        state.hits += 1;
    }
}

/// Keeps one coordinate of the ball inside `0..=limit`, reversing its speed at the edges.
fn bounce(position: &mut f32, speed: &mut f32, limit: f32) {
    if *position < BALL_RADIUS {
        *position = BALL_RADIUS;
        *speed = speed.abs();
    } else if *position > limit - BALL_RADIUS {
        *position = (limit - BALL_RADIUS).max(BALL_RADIUS);
        *speed = -speed.abs();
    }
}

/// What the window shows for this state.
pub fn draw(state: &State) -> Frame {
    let text = Color::rgb(0xe8, 0xe8, 0xe8);
    Frame {
        background: BACKGROUND,
        shapes: vec![
            Shape::Rect {
                x: state.player.x,
                y: state.player.y,
                w: PLAYER_SIZE,
                h: PLAYER_SIZE,
                color: Color::rgb(0x4c, 0xc9, 0xf0),
            },
            Shape::Circle { x: state.ball.x, y: state.ball.y, radius: BALL_RADIUS, color: Color::rgb(0xf7, 0x25, 0x85) },
            Shape::Text { text: format!("kicks: {}", state.hits), x: 16.0, y: 32.0, size: 28.0, color: text },
            Shape::Text {
                text: "arrows move, space kicks the ball. Edit lib/src/lib.rs and save.".to_string(),
                x: 16.0,
                y: 58.0,
                size: 20.0,
                color: text,
            },
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(keys: Keys) -> Input {
        Input { dt: 0.1, screen_width: 800.0, screen_height: 600.0, keys }
    }

    #[test]
    fn arrows_move_the_player() {
        let mut state = State::default();
        let start = state.player;
        update(&mut state, &input(Keys { right: true, down: true, ..Keys::default() }));
        assert!(state.player.x > start.x && state.player.y > start.y, "{:?}", state.player);
    }

    #[test]
    fn player_stays_on_screen() {
        let mut state = State::default();
        for _ in 0..100 {
            update(&mut state, &input(Keys { left: true, up: true, ..Keys::default() }));
        }
        assert_eq!(state.player, Point { x: 0.0, y: 0.0 });
    }

    #[test]
    fn ball_bounces_off_the_edges() {
        let mut state = State { ball: Point { x: 795.0, y: 300.0 }, ..State::default() };
        update(&mut state, &input(Keys::default()));
        assert!(state.ball_velocity.x < 0.0 && state.ball.x <= 800.0 - BALL_RADIUS);
    }

    #[test]
    fn space_next_to_the_ball_kicks_it_and_counts() {
        let mut state = State::default();
        state.ball = Point { x: state.player.x + PLAYER_SIZE + 5.0, y: state.player.y + PLAYER_SIZE / 2.0 };
        state.ball_velocity = Point::default();
        update(&mut state, &input(Keys { space_pressed: true, ..Keys::default() }));
        assert_eq!(state.hits, 1);
        assert!(state.ball_velocity.x > 0.0, "kicked away from the player: {:?}", state.ball_velocity);
    }

    #[test]
    fn draw_clears_to_background_and_shows_player_ball_and_kicks() {
        let state = State { hits: 3, ..State::default() };
        let frame = draw(&state);
        assert_eq!(frame.background, BACKGROUND);
        assert!(matches!(frame.shapes[0], Shape::Rect { x, y, .. } if x == state.player.x && y == state.player.y));
        assert!(matches!(frame.shapes[1], Shape::Circle { x, y, .. } if x == state.ball.x && y == state.ball.y));
        assert!(frame.shapes.iter().any(|s| matches!(s, Shape::Text { text, .. } if text == "kicks: 3")));
    }
}
