//! What the API records for given input, without a window.

use crate::prelude::*;
use crate::{DrawCommand, Frame, Input, SoundCommand, record_frame};

mod families;

pub(super) fn input() -> Input {
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
        DrawCommand::SetCamera(crate::boundary::CameraSetting {
            matrix: Mat4::IDENTITY,
            render_target: None,
            viewport: None,
            depth_test: false,
        }),
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
    let png = include_bytes!("../../../assets/player.png");
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
        [
            SoundCommand::Play { looped: true, volume: 0.5, .. },
            SoundCommand::SetVolume { volume: 0.2, .. },
            SoundCommand::Stop { .. }
        ]
    ));
}

/// egui run inside the game (feature `egui`, which the `ui` starter turns on).
#[cfg(feature = "egui")]
mod gui {
    use super::input;
    use crate::boundary::{GuiTextureChange, InputEvent, Modifiers};
    use crate::gui::{self, egui};
    use crate::{DrawCommand, Frame, Input, record_frame};
    use glam::Vec2;

    fn click(at: egui::Pos2, pressed: bool) -> Vec<InputEvent> {
        let position = Vec2::new(at.x, at.y);
        vec![
            InputEvent::MouseMove(position),
            InputEvent::MouseButton { button: crate::keys::MouseButton::Left, pressed, position },
        ]
    }

    fn with_events(events: Vec<InputEvent>) -> Input {
        Input { events, ..input() }
    }

    /// Runs `ui` as a game frame would, and draws it.
    fn frame(input: &Input, mut ui: impl FnMut(&mut egui::Ui)) -> Frame {
        record_frame(input, || {
            gui::run(|root| {
                egui::CentralPanel::default().show(root, &mut ui);
            });
            gui::draw();
        })
    }

    struct Form {
        clicks: u32,
        text: String,
        button: egui::Rect,
        field: egui::Rect,
        section_open: bool,
        section: egui::Rect,
    }

    impl Default for Form {
        fn default() -> Self {
            let nowhere = egui::Rect::NOTHING;
            Form {
                clicks: 0,
                text: String::new(),
                button: nowhere,
                field: nowhere,
                section_open: false,
                section: nowhere,
            }
        }
    }

    fn form(ui: &mut egui::Ui, form: &mut Form) {
        let button = ui.button("Go");
        form.clicks += button.clicked() as u32;
        form.button = button.rect;
        form.field = ui.text_edit_singleline(&mut form.text).rect;
        let section = egui::CollapsingHeader::new("Section").default_open(true).show(ui, |ui| ui.label("inside"));
        form.section_open = section.body_returned.is_some();
        form.section = section.header_response.rect;
    }

    /// Down and up at `at`, one frame each.
    fn click_at(at: egui::Pos2, state: &mut Form) {
        for events in [click(at, true), click(at, false)] {
            frame(&with_events(events), |ui| form(ui, state));
        }
    }

    #[test]
    fn clicks_and_typing_reach_the_widgets() {
        let mut state = Form::default();
        let first = frame(&input(), |ui| form(ui, &mut state));
        assert!(matches!(first.draw.last(), Some(DrawCommand::Gui(meshes)) if !meshes.is_empty()));
        click_at(state.button.center(), &mut state);
        assert_eq!(state.clicks, 1);
        // Focus the field, type, and hold backspace (one press, one repeat).
        click_at(state.field.center(), &mut state);
        frame(&with_events("hello".chars().map(InputEvent::Char).collect()), |ui| form(ui, &mut state));
        let backspace = |repeat| InputEvent::Key { key: crate::keys::KeyCode::Backspace, pressed: true, repeat };
        frame(&with_events(vec![backspace(false), backspace(true)]), |ui| form(ui, &mut state));
        assert_eq!(state.text, "hel");
        // Ctrl+A, Ctrl+C: the text goes out for the clipboard.
        let key = |key| InputEvent::Key { key, pressed: true, repeat: false };
        let ctrl = Modifiers { ctrl: true, ..Modifiers::default() };
        let copy =
            Input { modifiers: ctrl, ..with_events(vec![key(crate::keys::KeyCode::A), key(crate::keys::KeyCode::C)]) };
        let copied = frame(&copy, |ui| form(ui, &mut state));
        if !cfg!(target_os = "macos") {
            assert_eq!(copied.copied_text.as_deref(), Some("hel"));
        }
    }

    /// egui's memory (here: a section closed by a click) crosses a reload inside the game's `State`.
    #[test]
    fn egui_memory_crosses_a_reload_in_the_state() {
        #[derive(serde::Serialize, serde::Deserialize)]
        struct State {
            egui: gui::Memory,
        }
        let mut state = Form::default();
        frame(&input(), |ui| form(ui, &mut state));
        assert!(state.section_open);
        click_at(state.section.center(), &mut state);
        // The section animates shut over a few frames.
        for i in 0..30 {
            frame(&Input { time: 1.0 + i as f64 * 0.1, ..input() }, |ui| form(ui, &mut state));
        }
        assert!(!state.section_open, "a click on the header closes the section");
        let saved = serde_json::to_string(&State { egui: gui::Memory }).unwrap();
        crate::release(); // what the old library does before it is unloaded
        let _restored: State = serde_json::from_str(&saved).unwrap();
        let reloaded = frame(&input(), |ui| form(ui, &mut state));
        assert!(!state.section_open, "the section stays closed after the reload");
        assert!(
            matches!(reloaded.gui_textures.first(), Some(GuiTextureChange::FreeAll)),
            "a new egui: the binary forgets the old one's textures"
        );
    }

    /// A panic in UI code, in the middle of egui's pass: the next frame's UI works, with a new egui.
    #[test]
    fn a_panic_in_the_middle_of_a_pass_leaves_the_next_frame_working() {
        let mut state = Form::default();
        frame(&input(), |ui| form(ui, &mut state));
        let panicked = std::panic::catch_unwind(|| frame(&input(), |_| panic!("in a UI callback")));
        assert!(panicked.is_err());
        let after = frame(&input(), |ui| form(ui, &mut state));
        assert!(matches!(after.gui_textures.first(), Some(GuiTextureChange::FreeAll)));
        click_at(state.button.center(), &mut state);
        assert_eq!(state.clicks, 1);
    }
}

/// What the game library's entry points do with the game's `State` (`exports.rs`): one test, because
/// the state is a process-wide static.
mod state {
    use serde::{Deserialize, Serialize};

    use crate::exports;
    use crate::prelude::*;

    #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
    #[serde(default)]
    struct Game {
        frames: u32,
        player: Vec2,
        sprite: Option<Texture2D>,
    }

    fn frame(game: &mut Game) {
        game.frames += 1;
        game.player.x += 10.0;
        game.sprite.get_or_insert_with(|| load_texture("assets/player.png"));
        if game.frames == 99 {
            panic!("frame 99");
        }
    }

    fn state() -> Option<Game> {
        hot_state::with::<Game, _>(|state| state.cloned())
    }

    #[test]
    fn the_state_crosses_a_reload_and_a_snapshot_and_a_panic_comes_back_as_its_message() {
        let input = super::input();
        exports::reset_state::<Game>();
        exports::frame(&input, frame).unwrap();
        let before = state().unwrap();
        let saved = exports::save_state::<Game>();
        exports::reset_state::<Game>();
        assert!(exports::restore_state::<Game>(&saved, "").is_complete());
        assert_eq!(state().unwrap(), before, "the state comes back as it was saved");

        // A snapshot (F8's history, and what a panic is rolled back to) lets go of nothing, handles
        // saved as their paths.
        let snapshot = exports::snapshot_state::<Game>().expect("a state to snapshot");
        let json = hot_state::binary::to_json(&snapshot).unwrap();
        assert!(json.contains("assets/player.png"), "{json}");
        assert_eq!(state().unwrap(), before);

        #[cfg(feature = "reload")]
        {
            // A panicking frame comes back as its message; the binary puts the snapshot back.
            hot_state::with::<Game, _>(|state| state.unwrap().frames = 98);
            let panic = exports::frame(&input, frame).unwrap_err();
            assert!(panic.contains("frame 99") && panic.contains("tests/mod.rs"), "{panic}");
            assert!(exports::restore_state::<Game>(&snapshot, "").is_complete());
            assert_eq!(state().unwrap(), before, "the state from the snapshot");

            // What a frame costs around the game's own code (printed by `just test`).
            let runs = 10_000;
            let started = std::time::Instant::now();
            for _ in 0..runs {
                exports::frame(&input, |game: &mut Game| game.frames = std::hint::black_box(game.frames)).unwrap();
            }
            let each = started.elapsed() / runs;
            eprintln!("a frame around the game's own code (this test's State): {} ns", each.as_nanos());
        }
    }
}
