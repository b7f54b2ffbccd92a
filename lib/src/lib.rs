//! The game. This is the file to edit while `just dev` runs: save, and the running window picks up
//! the change within a second, with the game state kept.
//!
//! It reads like a macroquad program, because it uses the same API (`contract::prelude` instead of
//! `macroquad::prelude`): [`frame`] is the body of macroquad's main loop, and [`State`] holds what
//! would be the loop's local variables. The calls record what to draw and play; the binary does it.

pub mod exports;

use contract::prelude::*;
use serde::{Deserialize, Serialize};

/// Try it: change this colour, save, and watch the running window.
pub const BACKGROUND: Color = Color::from_rgba(0x1d, 0x23, 0x33, 255);

/// The world is this big, whatever the window's size: the camera fits it to the window.
const WORLD: Rect = Rect::new(0.0, 0.0, 800.0, 600.0);
const PLAYER_SIZE: f32 = 48.0;
const PLAYER_SPEED: f32 = 360.0;
const BALL_RADIUS: f32 = 14.0;
const BALL_COLOR: Color = Color::from_rgba(0xf7, 0x25, 0x85, 255);
const KICK_SPEED: f32 = 420.0;
const TEXT_COLOR: Color = Color::from_rgba(0xe8, 0xe8, 0xe8, 255);

/// Everything the game remembers between frames.
///
/// It survives every reload: it is handed to the new code as serialized data, so you may add
/// fields (they start from `Default`), remove or rename them (`#[serde(alias = "old")]`) or
/// change their types while the game runs. If the old values no longer fit, the game starts
/// afresh and says so. Textures and sounds are handles, kept here like any other value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    pub player: Vec2,
    pub facing_left: bool,
    pub ball: Vec2,
    pub ball_velocity: Vec2,
    pub kicks: u32,
    pub sprite: Texture2D,
    pub kick_sound: Sound,
}

impl Default for State {
    fn default() -> Self {
        let sprite = load_texture("assets/player.png");
        sprite.set_filter(FilterMode::Nearest); // sharp pixel art when scaled up
        Self {
            player: vec2(200.0, 300.0),
            facing_left: false,
            ball: vec2(500.0, 200.0),
            ball_velocity: vec2(180.0, 140.0),
            kicks: 0,
            sprite,
            kick_sound: load_sound("assets/kick.wav"),
        }
    }
}

/// One frame of the game: what a macroquad program does in its main loop, before `next_frame().await`.
pub fn frame(state: &mut State) {
    let dt = get_frame_time();
    let camera = Camera2D { target: WORLD.center(), zoom: vec2(2.0 / WORLD.w, 2.0 / WORLD.h), ..Default::default() };

    // Arrows or WASD move the player.
    let axis = |minus: [KeyCode; 2], plus: [KeyCode; 2]| {
        let down = |keys: [KeyCode; 2]| keys.into_iter().any(is_key_down) as i8;
        (down(plus) - down(minus)) as f32
    };
    let direction = vec2(
        axis([KeyCode::Left, KeyCode::A], [KeyCode::Right, KeyCode::D]),
        axis([KeyCode::Up, KeyCode::W], [KeyCode::Down, KeyCode::S]),
    );
    state.player = (state.player + direction * PLAYER_SPEED * dt).clamp(WORLD.point(), WORLD.size() - PLAYER_SIZE);
    if direction.x != 0.0 {
        state.facing_left = direction.x < 0.0;
    }

    // The ball bounces off the edges of the world. A click puts it down where the mouse is.
    state.ball += state.ball_velocity * dt;
    bounce(&mut state.ball.x, &mut state.ball_velocity.x, WORLD.w);
    bounce(&mut state.ball.y, &mut state.ball_velocity.y, WORLD.h);
    if is_mouse_button_pressed(MouseButton::Left) {
        state.ball = camera.screen_to_world(mouse_position().into());
        state.ball_velocity = Vec2::ZERO;
    }

    // Space next to the ball kicks it away from the player.
    let centre = state.player + PLAYER_SIZE / 2.0;
    let touching = (state.ball - centre).abs().max_element() < BALL_RADIUS + PLAYER_SIZE / 2.0;
    if touching && is_key_pressed(KeyCode::Space) {
        state.ball_velocity = (state.ball - centre).normalize_or(Vec2::X) * KICK_SPEED;
        state.kicks += 1;
        play_sound_once(&state.kick_sound);
    }

    // The world, through the camera.
    set_camera(&camera);
    clear_background(BACKGROUND);
    let size = Some(vec2(PLAYER_SIZE, PLAYER_SIZE));
    draw_texture_ex(
        &state.sprite,
        state.player.x,
        state.player.y,
        WHITE,
        DrawTextureParams { dest_size: size, flip_x: state.facing_left, ..Default::default() },
    );
    draw_circle(state.ball.x, state.ball.y, BALL_RADIUS, BALL_COLOR);

    // Text on top, in screen pixels: the score centred with `measure_text`.
    set_default_camera();
    let score = format!("kicks: {}", state.kicks);
    let measured = measure_text(&score, None, 32, 1.0);
    draw_text(&score, (screen_width() - measured.width) / 2.0, 32.0, 32.0, TEXT_COLOR);
    draw_text(
        "arrows move, space kicks, a click puts the ball down. Edit lib/src/lib.rs and save.",
        16.0,
        58.0,
        20.0,
        TEXT_COLOR,
    );
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

#[cfg(test)]
mod tests {
    use super::*;
    use contract::{DrawCommand, Frame, Input};

    /// One frame of 0.1 s with `input`, on an 800x600 window.
    fn run(state: &mut State, input: Input) -> Frame {
        let input = Input { frame_time: 0.1, screen_width: 800.0, screen_height: 600.0, ..input };
        contract::record_frame(&input, || frame(state))
    }

    fn keys(keys: &[KeyCode]) -> Input {
        Input { keys_down: keys.to_vec(), keys_pressed: keys.to_vec(), ..Input::default() }
    }

    /// A few seconds of play, as the binary records them for F7 and F8.
    fn recorded_play() -> Vec<Input> {
        (0..90)
            .map(|i| Input {
                frame_time: [0.016, 0.017, 0.021][i % 3],
                time: i as f64 * 0.018,
                screen_width: 800.0,
                screen_height: 600.0,
                keys_down: if i < 40 { vec![KeyCode::Right] } else { vec![KeyCode::Up] },
                keys_pressed: if i == 50 { vec![KeyCode::Space] } else { vec![] },
                mouse_position: vec2(320.0, 240.0),
                mouse_pressed: if i == 20 { vec![MouseButton::Left] } else { vec![] },
                ..Input::default()
            })
            .collect()
    }

    /// What a frame drew and played. Restoring handles sets their texture filters again: sent with the
    /// next frame, not drawn.
    fn drawn(frame: Frame) -> (Vec<DrawCommand>, Vec<contract::SoundCommand>) {
        let draw = frame.draw.into_iter().filter(|command| !matches!(command, DrawCommand::SetTextureFilter { .. }));
        (draw.collect(), frame.sounds)
    }

    /// F7's loop in hot builds replays recorded input from a kept state: the same frames each time,
    /// because the game takes time and everything else that varies from its input.
    #[test]
    fn a_recorded_loop_replays_to_the_same_frames() {
        let inputs = recorded_play();
        let kept = serde_json::to_string(&State::default()).unwrap();
        let play = || {
            let mut state: State = serde_json::from_str(&kept).unwrap();
            let frames: Vec<_> =
                inputs.iter().map(|input| contract::record_frame(input, || frame(&mut state))).collect();
            (frames.into_iter().map(drawn).collect::<Vec<_>>(), state)
        };
        let (first, end) = play();
        assert_ne!(end, serde_json::from_str(&kept).unwrap(), "the loop should move things");
        let second = play().0;
        if let Some(at) = (0..first.len()).find(|&i| first[i] != second[i]) {
            panic!("the second replay differs at frame {at}:\n{:?}\n{:?}", first[at], second[at]);
        }
    }

    /// F8 in hot builds shows a kept frame again from the snapshot before it and the input after it:
    /// the same drawing and sounds as when it was played.
    #[test]
    fn a_rewound_frame_is_the_frame_that_was_played() {
        let mut inputs = recorded_play();
        inputs[3].keys_pressed.push(KeyCode::Space);
        let mut state = State::default();
        (state.ball, state.ball_velocity) = (state.player + vec2(PLAYER_SIZE + 5.0, PLAYER_SIZE / 2.0), Vec2::ZERO);
        let mut snapshots = Vec::new();
        let mut played = Vec::new();
        for (i, input) in inputs.iter().enumerate() {
            if i % 15 == 0 {
                snapshots.push((i, serde_json::to_string(&state).unwrap()));
            }
            played.push(drawn(contract::record_frame(input, || frame(&mut state))));
        }
        assert!(played.iter().any(|(_, sounds)| !sounds.is_empty()), "the play should kick the ball");
        for shown in [0, 14, 15, 49, 50, 51, 89] {
            let (from, snapshot) = snapshots.iter().rev().find(|(at, _)| *at <= shown).unwrap();
            let mut state: State = serde_json::from_str(snapshot).unwrap();
            let again = inputs[*from..=shown].iter().map(|input| contract::record_frame(input, || frame(&mut state)));
            assert_eq!(again.map(drawn).last().unwrap(), played[shown], "frame {shown} from the snapshot at {from}");
        }
    }

    #[test]
    fn arrows_move_the_player_and_turn_it() {
        let mut state = State::default();
        let start = state.player;
        run(&mut state, keys(&[KeyCode::Left, KeyCode::Down]));
        assert!(state.player.x < start.x && state.player.y > start.y, "{:?}", state.player);
        assert!(state.facing_left);
    }

    #[test]
    fn player_stays_in_the_world() {
        let mut state = State::default();
        for _ in 0..100 {
            run(&mut state, keys(&[KeyCode::Left, KeyCode::Up]));
        }
        assert_eq!(state.player, Vec2::ZERO);
    }

    #[test]
    fn ball_bounces_off_the_edges() {
        let mut state = State { ball: vec2(795.0, 300.0), ..State::default() };
        run(&mut state, Input::default());
        assert!(state.ball_velocity.x < 0.0 && state.ball.x <= 800.0 - BALL_RADIUS);
    }

    #[test]
    fn a_click_puts_the_ball_down_under_the_mouse() {
        let mut state = State::default();
        let click =
            Input { mouse_position: vec2(300.0, 150.0), mouse_pressed: vec![MouseButton::Left], ..Input::default() };
        run(&mut state, click);
        assert_eq!((state.ball, state.ball_velocity), (vec2(300.0, 150.0), Vec2::ZERO));
    }

    #[test]
    fn space_next_to_the_ball_kicks_it_counts_and_plays_the_sound() {
        let mut state = State::default();
        state.ball = state.player + vec2(PLAYER_SIZE + 5.0, PLAYER_SIZE / 2.0);
        state.ball_velocity = Vec2::ZERO;
        let frame = run(&mut state, keys(&[KeyCode::Space]));
        assert_eq!(state.kicks, 1);
        assert!(state.ball_velocity.x > 0.0, "kicked away from the player: {:?}", state.ball_velocity);
        assert!(matches!(frame.sounds[..], [contract::SoundCommand::Play { looped: false, .. }]), "{:?}", frame.sounds);
    }

    #[test]
    fn draws_world_through_the_camera_then_centred_text_on_screen() {
        let mut state = State { kicks: 3, ..State::default() };
        let frame = run(&mut state, Input::default());
        let kinds: Vec<&str> = frame
            .draw
            .iter()
            .map(|command| match command {
                DrawCommand::SetCamera(_) => "camera",
                DrawCommand::ClearBackground(color) if *color == BACKGROUND => "clear",
                DrawCommand::Texture { .. } => "sprite",
                DrawCommand::Circle { .. } => "ball",
                DrawCommand::SetDefaultCamera => "screen",
                DrawCommand::Text { .. } => "text",
                _ => "other",
            })
            .filter(|&kind| kind != "other")
            .collect();
        assert_eq!(kinds, ["camera", "clear", "sprite", "ball", "screen", "text", "text"]);
        // The score is centred: measured with the built-in font as macroquad would (9 characters of ProggyClean at 32 px).
        let score = frame.draw.iter().find_map(|command| match command {
            DrawCommand::Text { text, x, .. } if text == "kicks: 3" => Some(*x),
            _ => None,
        });
        let width = measure_text("kicks: 3", None, 32, 1.0).width;
        assert!(width > 100.0, "{width}");
        assert_eq!(score, Some((800.0 - width) / 2.0));
    }

    #[test]
    fn the_sprite_and_sound_reach_the_binary_once() {
        let mut state = State::default();
        let first = run(&mut state, Input::default());
        let second = run(&mut state, Input::default());
        assert_eq!(first.loads.len(), 2, "{:?}", first.loads);
        assert!(second.loads.is_empty());
    }
}
