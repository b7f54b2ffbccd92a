//! What the API records for given input, without a window.

use crate::prelude::*;
use crate::{DrawCommand, Frame, Input, SoundCommand, record_frame};

fn input() -> Input {
    Input { frame_time: 0.02, screen_width: 800.0, screen_height: 600.0, ..Input::default() }
}

#[test]
fn drawing_keeps_its_order_and_camera_switches() {
    let frame = record_frame(&input(), || {
        set_camera(&Camera2D::from_display_rect(Rect::new(0.0, 0.0, 400.0, 300.0)));
        clear_background(SKYBLUE);
        draw_rectangle(1.0, 2.0, 3.0, 4.0, RED);
        set_default_camera();
        draw_text("hi", 10.0, 20.0, 30.0, WHITE);
    });
    let kinds: Vec<_> = frame.draw.iter().map(std::mem::discriminant).collect();
    let expected = [
        DrawCommand::SetCamera(crate::boundary::Camera { rotation: 0.0, zoom: Vec2::ZERO, target: Vec2::ZERO, offset: Vec2::ZERO, viewport: None }),
        DrawCommand::ClearBackground(SKYBLUE),
        DrawCommand::Rectangle { x: 1.0, y: 2.0, w: 3.0, h: 4.0, color: RED },
        DrawCommand::SetDefaultCamera,
    ];
    assert_eq!(kinds[..4], expected.iter().map(std::mem::discriminant).collect::<Vec<_>>()[..]);
    assert!(matches!(&frame.draw[4], DrawCommand::Text { text, font_size: 30, .. } if text == "hi"));
}

#[test]
fn input_is_answered_from_this_frames_snapshot() {
    let input = Input {
        keys_down: vec![KeyCode::Left],
        keys_pressed: vec![KeyCode::Space],
        keys_released: vec![KeyCode::Space],
        chars_typed: vec!['a', 'b'],
        mouse_position: vec2(400.0, 150.0),
        mouse_wheel: vec2(0.0, 1.0),
        mouse_pressed: vec![MouseButton::Right],
        ..input()
    };
    record_frame(&input, || {
        assert!(is_key_down(KeyCode::Left) && !is_key_down(KeyCode::Space));
        // Pressed and released within one frame: both are seen.
        assert!(is_key_pressed(KeyCode::Space) && is_key_released(KeyCode::Space));
        assert_eq!((get_char_pressed(), get_char_pressed(), get_char_pressed()), (Some('a'), Some('b'), None));
        assert_eq!(mouse_position(), (400.0, 150.0));
        assert_eq!(mouse_position_local(), vec2(0.0, -0.5));
        assert_eq!(mouse_wheel(), (0.0, 1.0));
        assert!(is_mouse_button_pressed(MouseButton::Right) && !is_mouse_button_down(MouseButton::Left));
        assert_eq!((screen_width(), get_frame_time()), (800.0, 0.02));
    });
}

#[test]
fn textures_are_announced_once_with_their_size_known_at_once() {
    let png = include_bytes!("../../assets/player.png");
    let mut sizes = Vec::new();
    let frames: Vec<Frame> = (0..2)
        .map(|_| {
            record_frame(&input(), || {
                let texture = Texture2D::from_file_with_format(png, None);
                sizes.push(texture.size());
                draw_texture(&texture, 0.0, 0.0, WHITE);
            })
        })
        .collect();
    assert_eq!(sizes, [vec2(16.0, 16.0); 2]);
    assert_eq!((frames[0].loads.len(), frames[1].loads.len()), (1, 0));
    // A missing file has the placeholder's size, and is announced like any other (the binary reports it).
    let frame = record_frame(&input(), || assert_eq!(load_texture("no/such/file.png").size(), vec2(32.0, 32.0)));
    assert_eq!(frame.loads.len(), 1);
}

#[test]
fn text_is_measured_like_macroquad_with_its_built_in_font() {
    record_frame(&input(), || {
        let size = measure_text("Hello", None, 20, 1.0);
        assert!(size.width > 40.0 && size.height > 8.0 && size.offset_y > 8.0, "{size:?}");
        // ProggyClean is monospaced: width grows with the characters, scale multiplies.
        assert_eq!(measure_text("HelloHello", None, 20, 1.0).width, 2.0 * size.width);
        assert_eq!(measure_text("Hello", None, 20, 2.0).width, 2.0 * size.width);
        assert_eq!(draw_text("Hello", 0.0, 0.0, 20.0, WHITE), size);
        let centre = get_text_center("Hello", None, 20, 1.0, 0.0);
        assert_eq!(centre, vec2(size.width / 2.0, -size.height / 2.0));
    });
}

#[test]
fn cameras_convert_between_screen_and_world() {
    record_frame(&input(), || {
        let camera = Camera2D::from_display_rect(Rect::new(0.0, 0.0, 400.0, 300.0));
        // from_display_rect is y-up, as in macroquad: the world's origin is the bottom left of the screen.
        assert_eq!(camera.world_to_screen(vec2(0.0, 0.0)), vec2(0.0, 600.0));
        assert_eq!(camera.world_to_screen(vec2(400.0, 300.0)), vec2(800.0, 0.0));
        let point = vec2(123.0, 45.0);
        assert!((camera.screen_to_world(camera.world_to_screen(point)) - point).length() < 1e-3);
    });
}

#[test]
fn a_panicking_frame_drops_what_it_drew_and_played_but_not_what_it_loaded() {
    let panicked = std::panic::catch_unwind(|| {
        record_frame(&input(), || {
            draw_circle(1.0, 2.0, 3.0, RED);
            play_sound_once(&load_sound("kick.wav"));
            panic!("in the game");
        })
    });
    assert!(panicked.is_err());
    let frame = record_frame(&input(), || {});
    assert!(frame.draw.is_empty() && frame.sounds.is_empty(), "{frame:?}");
    assert_eq!(frame.loads.len(), 1);
}

#[test]
fn sounds_are_played_in_order() {
    let frame = record_frame(&input(), || {
        let sound = load_sound("kick.wav");
        play_sound(&sound, PlaySoundParams { looped: true, volume: 0.5 });
        set_sound_volume(&sound, 0.2);
        stop_sound(&sound);
    });
    assert!(matches!(
        frame.sounds[..],
        [SoundCommand::Play { looped: true, volume: 0.5, .. }, SoundCommand::SetVolume { volume: 0.2, .. }, SoundCommand::Stop { .. }]
    ));
}
