//! Reads this frame's input from macroquad into the game's plain `Input`: the snapshot macroquad's
//! input functions give, and every event in order (key repeats, typed text, the clipboard on paste),
//! as a UI needs them.

use contract::Input;
use contract::boundary::{CameraSetting, InputEvent, Modifiers, Touch, TouchPhase, WindowRequest};
use contract::keys::{KeyCode, MouseButton};
use macroquad::input as mq;
use macroquad::math::Vec2;
use macroquad::miniquad::{self, KeyMods};

const BUTTONS: [(mq::MouseButton, MouseButton); 3] = [
    (mq::MouseButton::Left, MouseButton::Left),
    (mq::MouseButton::Middle, MouseButton::Middle),
    (mq::MouseButton::Right, MouseButton::Right),
];

pub struct InputReader {
    /// macroquad's queue of this reader's events.
    subscriber: usize,
    /// What this program last put on the clipboard (see [`InputReader::copy`]).
    copied: String,
    /// The game's `set_pc_assets_folder`, handed back to it every frame.
    assets_folder: Option<String>,
}

impl InputReader {
    pub fn new() -> Self {
        Self { subscriber: mq::utils::register_input_subscriber(), copied: String::new(), assets_folder: None }
    }

    /// Puts text the game copied (its UI) on the system clipboard, for a later paste here or elsewhere.
    pub fn copy(&mut self, text: &str) {
        miniquad::window::clipboard_set(text);
        self.copied = text.to_string();
    }

    /// What the game asked of the window.
    pub fn apply(&mut self, requests: &[WindowRequest]) {
        for request in requests {
            match request {
                WindowRequest::PreventQuit => mq::prevent_quit(),
                &WindowRequest::CursorGrab(grab) => mq::set_cursor_grab(grab),
                &WindowRequest::ShowMouse(shown) => mq::show_mouse(shown),
                WindowRequest::AssetsFolder(folder) => self.assets_folder = Some(folder.clone()),
            }
        }
    }

    /// `changed_assets`: asset files that changed on disk since the last frame (hot builds); `camera`
    /// and `default_font`: the game's, as they stand (see `draw.rs`).
    pub fn read(
        &mut self,
        changed_assets: Vec<String>,
        camera: Option<CameraSetting>,
        default_font: Option<u64>,
    ) -> Input {
        let keys = |set: std::collections::HashSet<mq::KeyCode>| set.into_iter().map(key).collect();
        let buttons = |is: fn(mq::MouseButton) -> bool| {
            BUTTONS.iter().filter(|(button, _)| is(*button)).map(|&(_, ours)| ours).collect()
        };
        let (wheel_x, wheel_y) = mq::mouse_wheel();
        let mut events = Events { events: Vec::new(), copied: &self.copied };
        mq::utils::repeat_all_miniquad_input(&mut events, self.subscriber);
        let down = |keys: [mq::KeyCode; 2]| keys.into_iter().any(mq::is_key_down);
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
            events: events.events,
            touches: mq::touches().into_iter().map(touch).collect(),
            quit_requested: mq::is_quit_requested(),
            camera,
            default_font,
            assets_folder: self.assets_folder.clone(),
            // The game's random numbers carry on by themselves; hot builds hand the generator in
            // (hot_reload.rs), as a new build of the library starts it again.
            rand_state: None,
            modifiers: Modifiers {
                shift: down([mq::KeyCode::LeftShift, mq::KeyCode::RightShift]),
                ctrl: down([mq::KeyCode::LeftControl, mq::KeyCode::RightControl]),
                alt: down([mq::KeyCode::LeftAlt, mq::KeyCode::RightAlt]),
                logo: down([mq::KeyCode::LeftSuper, mq::KeyCode::RightSuper]),
            },
        }
    }
}

/// Collects miniquad's events as macroquad repeats them.
struct Events<'a> {
    events: Vec<InputEvent>,
    copied: &'a str,
}

impl miniquad::EventHandler for Events<'_> {
    fn update(&mut self) {}
    fn draw(&mut self) {}
    fn mouse_motion_event(&mut self, x: f32, y: f32) {
        self.events.push(InputEvent::MouseMove(Vec2::new(x, y)));
    }
    fn mouse_wheel_event(&mut self, x: f32, y: f32) {
        self.events.push(InputEvent::Wheel(Vec2::new(x, y)));
    }
    fn mouse_button_down_event(&mut self, button: mq::MouseButton, x: f32, y: f32) {
        self.events.push(InputEvent::MouseButton {
            button: mouse_button(button),
            pressed: true,
            position: Vec2::new(x, y),
        });
    }
    fn mouse_button_up_event(&mut self, button: mq::MouseButton, x: f32, y: f32) {
        self.events.push(InputEvent::MouseButton {
            button: mouse_button(button),
            pressed: false,
            position: Vec2::new(x, y),
        });
    }
    fn char_event(&mut self, character: char, _: KeyMods, _: bool) {
        self.events.push(InputEvent::Char(character));
    }
    fn key_down_event(&mut self, keycode: mq::KeyCode, mods: KeyMods, repeat: bool) {
        self.events.push(InputEvent::Key { key: key(keycode), pressed: true, repeat });
        // The UI pastes what the binary reads from the system clipboard (the game library cannot).
        let command = if cfg!(target_os = "macos") { mods.logo } else { mods.ctrl };
        if command && keycode == mq::KeyCode::V || mods.shift && keycode == mq::KeyCode::Insert {
            // On X11, miniquad reads its own clipboard back empty: then it is what this program copied.
            let text = miniquad::window::clipboard_get()
                .filter(|text| !text.is_empty())
                .unwrap_or_else(|| self.copied.to_string());
            self.events.push(InputEvent::Paste(text));
        }
    }
    fn key_up_event(&mut self, keycode: mq::KeyCode, _: KeyMods) {
        self.events.push(InputEvent::Key { key: key(keycode), pressed: false, repeat: false });
    }
}

fn mouse_button(button: mq::MouseButton) -> MouseButton {
    BUTTONS.iter().find(|(theirs, _)| *theirs == button).map_or(MouseButton::Unknown, |&(_, ours)| ours)
}

/// Both name their keys by the same codes (X11's key symbols).
fn key(key: mq::KeyCode) -> KeyCode {
    KeyCode::from_code(key as u16)
}

fn touch(touch: mq::Touch) -> Touch {
    let phase = match touch.phase {
        mq::TouchPhase::Started => TouchPhase::Started,
        mq::TouchPhase::Stationary => TouchPhase::Stationary,
        mq::TouchPhase::Moved => TouchPhase::Moved,
        mq::TouchPhase::Ended => TouchPhase::Ended,
        mq::TouchPhase::Cancelled => TouchPhase::Cancelled,
    };
    Touch { id: touch.id, phase, position: touch.position }
}
