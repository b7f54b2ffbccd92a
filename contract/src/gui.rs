//! egui inside the game (feature `egui`): the real egui, run where the game runs.
//!
//! ```ignore
//! use contract::gui::{self, egui};
//! gui::run(|ui| {
//!     egui::Panel::left("tools").show(ui, |ui| ui.add(egui::Slider::new(&mut state.speed, 0.0..=10.0)));
//! });
//! gui::draw(); // over what the game drew so far
//! ```
//!
//! egui keeps no global GPU state, so it lives entirely in the game library: [`run`] hands it this
//! frame's input and tessellates what it laid out; [`draw`] records the triangles as a
//! [`DrawCommand::Gui`], and texture changes (its font atlas) go out in [`Frame::gui_textures`]. The
//! binary draws plain triangles with macroquad and knows nothing of egui. A reload starts a new egui
//! context; its memory (window positions, open sections, scrolling) is handed over in the game's
//! `State` by a [`Memory`] field, as textures are.
//!
//! [`Frame::gui_textures`]: crate::Frame::gui_textures

pub use egui;

use egui::epaint::{ClippedPrimitive, Primitive};
use egui::{Event, Key, Pos2, TextureId, pos2, vec2};

use crate::boundary::{
    CursorIcon, DrawCommand, FilterMode, Frame, GuiMesh, GuiTexture, GuiTextureChange, GuiVertex, Input, InputEvent,
};
use crate::context::with;
use crate::keys::{KeyCode, MouseButton};
use crate::math::{Rect, Vec2};

/// Runs one egui pass over the whole window: `add_contents` gets egui's root `Ui` (add panels and
/// windows to it, as in an eframe app). Call [`draw`] afterwards, where the UI should be drawn.
pub fn run(mut add_contents: impl FnMut(&mut egui::Ui)) {
    // The context is an `Arc`: cloned out, so game code in `add_contents` may call the API meanwhile.
    let (context, input) = with(|context| (context.gui.context(&mut context.frame), raw_input(&context.input)));
    let output = context.run_ui(input, |ui| add_contents(ui));
    let meshes = context.tessellate(output.shapes, output.pixels_per_point).into_iter().filter_map(mesh).collect();
    with(|context| {
        context.gui.meshes = meshes;
        let frame = &mut context.frame;
        textures(output.textures_delta, frame);
        for command in output.platform_output.commands {
            if let egui::OutputCommand::CopyText(text) = command {
                frame.copied_text = Some(text);
            }
        }
        frame.cursor = cursor(output.platform_output.cursor_icon);
    });
}

/// Draws the UI laid out by the last [`run`], over what was drawn before it.
pub fn draw() {
    with(|context| {
        let meshes = std::mem::take(&mut context.gui.meshes);
        context.frame.draw.push(DrawCommand::Gui(meshes));
    });
}

/// egui's own memory (window positions, open sections, scrolling, text cursors). Keep one in the
/// game's `State` and it crosses reloads and restarts with the rest: it serializes the memory of the
/// running egui and hands it to the next. Without one, the UI's layout starts afresh on each reload
/// (what the user typed is in your own fields either way).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Memory;

/// Saved as a string of RON, egui's own format for it (JSON cannot key some of its maps).
impl serde::Serialize for Memory {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let memory = with(|context| context.gui.memory());
        let saved = memory.map(|memory| ron::to_string(&memory).map_err(serde::ser::Error::custom)).transpose()?;
        saved.serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for Memory {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A memory egui cannot read (another version's) is dropped, not an error: the layout starts afresh.
        #[derive(serde::Deserialize)]
        #[serde(untagged)]
        enum Saved {
            Ron(String),
            Other(serde::de::IgnoredAny),
        }
        if let Saved::Ron(saved) = Saved::deserialize(deserializer)?
            && let Ok(memory) = ron::from_str::<egui::Memory>(&saved)
        {
            with(|context| context.gui.restore(memory));
        }
        Ok(Memory)
    }
}

/// The egui of the thread running the game (kept in its `crate::context::Context`).
#[derive(Default)]
pub(crate) struct Gui {
    context: Option<egui::Context>,
    /// For the next context: restored from a saved `State`, or kept from one a panic ended.
    memory: Option<egui::Memory>,
    /// Laid out by `run`, for `draw`.
    meshes: Vec<GuiMesh>,
}

impl Gui {
    fn context(&mut self, frame: &mut Frame) -> egui::Context {
        self.context
            .get_or_insert_with(|| {
                let context = egui::Context::default();
                if let Some(memory) = self.memory.take() {
                    context.memory_mut(|now| *now = memory);
                }
                // The binary may still hold the textures of an earlier context (before a reload or a panic).
                frame.gui_textures.push(GuiTextureChange::FreeAll);
                context
            })
            .clone()
    }

    fn memory(&self) -> Option<egui::Memory> {
        match &self.context {
            Some(context) => Some(context.memory(Clone::clone)),
            None => self.memory.clone(),
        }
    }

    fn restore(&mut self, memory: egui::Memory) {
        match &self.context {
            Some(context) => context.memory_mut(|now| *now = memory),
            None => self.memory = Some(memory),
        }
    }

    /// A panic went through the game's frame, maybe in the middle of an egui pass: the next frame
    /// starts a new context, with this one's memory.
    pub(crate) fn abandon(&mut self) {
        if let Some(context) = self.context.take() {
            self.memory = Some(context.memory(Clone::clone));
        }
        self.meshes.clear();
    }
}

fn mesh(ClippedPrimitive { clip_rect, primitive }: ClippedPrimitive) -> Option<GuiMesh> {
    let Primitive::Mesh(mesh) = primitive else { return None }; // paint callbacks need the GPU
    let texture = match mesh.texture_id {
        TextureId::Managed(id) => GuiTexture::Gui(id),
        TextureId::User(id) => GuiTexture::Game(id),
    };
    let vertices = mesh
        .vertices
        .iter()
        .map(|v| GuiVertex {
            position: Vec2::new(v.pos.x, v.pos.y),
            uv: Vec2::new(v.uv.x, v.uv.y),
            color: v.color.to_array(),
        })
        .collect();
    let clip = Rect::new(clip_rect.min.x, clip_rect.min.y, clip_rect.width(), clip_rect.height());
    Some(GuiMesh { clip, texture, vertices, indices: mesh.indices })
}

fn textures(mut delta: egui::TexturesDelta, frame: &mut Frame) {
    // A texture's changes in a frame: in order, each a whole texture or a patch of it.
    for (id, delta) in std::mem::take(&mut delta.set)
        .into_iter()
        .flat_map(|(id, deltas)| deltas.into_iter().map(move |delta| (id, delta)))
    {
        let TextureId::Managed(id) = id else { continue };
        let egui::ImageData::Color(image) = delta.image;
        let filter = match delta.options.magnification {
            egui::TextureFilter::Nearest => FilterMode::Nearest,
            egui::TextureFilter::Linear => FilterMode::Linear,
        };
        frame.gui_textures.push(GuiTextureChange::Set {
            id,
            at: delta.pos.map(|[x, y]| [x as u32, y as u32]),
            width: image.size[0] as u32,
            height: image.size[1] as u32,
            rgba: image.pixels.iter().flat_map(|pixel| pixel.to_array()).collect(),
            filter,
        });
    }
    for id in std::mem::take(&mut delta.free) {
        if let TextureId::Managed(id) = id {
            frame.gui_textures.push(GuiTextureChange::Free(id));
        }
    }
}

/// This frame's input as egui takes it. Input made by hand (tests) may have no events: then they
/// are made from the snapshot (the mouse, its buttons, keys pressed, characters typed).
fn raw_input(input: &Input) -> egui::RawInput {
    let m = input.modifiers;
    let modifiers = egui::Modifiers {
        alt: m.alt,
        ctrl: m.ctrl,
        shift: m.shift,
        mac_cmd: cfg!(target_os = "macos") && m.logo,
        command: if cfg!(target_os = "macos") { m.logo } else { m.ctrl },
    };
    let events = if input.events.is_empty() { from_snapshot(input) } else { input.events.clone() };
    let mut egui_events = vec![Event::ModifiersChanged(modifiers)];
    for event in events {
        match event {
            InputEvent::Key { key: code, pressed, repeat } => {
                let Some(key) = key(code) else { continue };
                if pressed && modifiers.command && key == Key::C {
                    egui_events.push(Event::Copy);
                } else if pressed && modifiers.command && key == Key::X {
                    egui_events.push(Event::Cut);
                }
                egui_events.push(Event::Key { key, physical_key: None, pressed, repeat, modifiers });
            }
            // Control characters (backspace, Ctrl+A...) arrive as keys.
            InputEvent::Char(c) if !c.is_control() && (!modifiers.command || modifiers.alt) => {
                egui_events.push(Event::Text(c.to_string()))
            }
            InputEvent::Char(_) => {}
            InputEvent::MouseMove(at) => egui_events.push(Event::PointerMoved(pos(at))),
            InputEvent::MouseButton { button, pressed, position } => {
                let button = match button {
                    MouseButton::Left => egui::PointerButton::Primary,
                    MouseButton::Right => egui::PointerButton::Secondary,
                    MouseButton::Middle => egui::PointerButton::Middle,
                    MouseButton::Unknown => continue,
                };
                egui_events.push(Event::PointerButton { pos: pos(position), button, pressed, modifiers });
            }
            InputEvent::Wheel(delta) => egui_events.push(Event::MouseWheel {
                unit: egui::MouseWheelUnit::Line,
                delta: vec2(delta.x, delta.y),
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Wheel,
                modifiers,
            }),
            InputEvent::Paste(text) => egui_events.push(Event::Paste(text)),
        }
    }
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(Pos2::ZERO, vec2(input.screen_width, input.screen_height))),
        max_texture_side: Some(4096),
        time: Some(input.time),
        predicted_dt: input.frame_time,
        events: egui_events,
        focused: true,
        ..Default::default()
    }
}

fn from_snapshot(input: &Input) -> Vec<InputEvent> {
    let position = input.mouse_position;
    let mut events = vec![InputEvent::MouseMove(position)];
    for &button in &input.mouse_pressed {
        events.push(InputEvent::MouseButton { button, pressed: true, position });
    }
    for &button in &input.mouse_released {
        events.push(InputEvent::MouseButton { button, pressed: false, position });
    }
    events.extend(input.keys_pressed.iter().map(|&key| InputEvent::Key { key, pressed: true, repeat: false }));
    events.extend(input.keys_released.iter().map(|&key| InputEvent::Key { key, pressed: false, repeat: false }));
    events.extend(input.chars_typed.iter().map(|&c| InputEvent::Char(c)));
    if input.mouse_wheel != Vec2::ZERO {
        events.push(InputEvent::Wheel(input.mouse_wheel));
    }
    events
}

fn pos(at: Vec2) -> Pos2 {
    pos2(at.x, at.y)
}

fn key(code: KeyCode) -> Option<Key> {
    macro_rules! same_names {
        ($($name:ident)*) => {
            match code {
                $(KeyCode::$name => return Some(Key::$name),)*
                _ => {}
            }
        };
    }
    same_names!(A B C D E F G H I J K L M N O P Q R S T U V W X Y Z F1 F2 F3 F4 F5 F6 F7 F8 F9 F10 F11 F12
        Escape Tab Backspace Enter Space Insert Delete Home End PageUp PageDown Minus Comma Period Slash Semicolon Backslash);
    Some(match code {
        KeyCode::Left => Key::ArrowLeft,
        KeyCode::Right => Key::ArrowRight,
        KeyCode::Up => Key::ArrowUp,
        KeyCode::Down => Key::ArrowDown,
        KeyCode::KpEnter => Key::Enter,
        KeyCode::Key0 | KeyCode::Kp0 => Key::Num0,
        KeyCode::Key1 | KeyCode::Kp1 => Key::Num1,
        KeyCode::Key2 | KeyCode::Kp2 => Key::Num2,
        KeyCode::Key3 | KeyCode::Kp3 => Key::Num3,
        KeyCode::Key4 | KeyCode::Kp4 => Key::Num4,
        KeyCode::Key5 | KeyCode::Kp5 => Key::Num5,
        KeyCode::Key6 | KeyCode::Kp6 => Key::Num6,
        KeyCode::Key7 | KeyCode::Kp7 => Key::Num7,
        KeyCode::Key8 | KeyCode::Kp8 => Key::Num8,
        KeyCode::Key9 | KeyCode::Kp9 => Key::Num9,
        KeyCode::Equal => Key::Equals,
        KeyCode::Apostrophe => Key::Quote,
        KeyCode::LeftBracket => Key::OpenBracket,
        KeyCode::RightBracket => Key::CloseBracket,
        KeyCode::GraveAccent => Key::Backtick,
        _ => return None,
    })
}

fn cursor(icon: egui::CursorIcon) -> CursorIcon {
    use egui::CursorIcon as E;
    match icon {
        E::PointingHand => CursorIcon::Pointer,
        E::Text | E::VerticalText => CursorIcon::Text,
        E::Move | E::Grab | E::Grabbing | E::AllScroll => CursorIcon::Move,
        E::Crosshair | E::Cell => CursorIcon::Crosshair,
        E::NotAllowed | E::NoDrop => CursorIcon::NotAllowed,
        E::Wait | E::Progress => CursorIcon::Wait,
        E::Help => CursorIcon::Help,
        E::ResizeHorizontal | E::ResizeEast | E::ResizeWest | E::ResizeColumn => CursorIcon::ResizeHorizontal,
        E::ResizeVertical | E::ResizeNorth | E::ResizeSouth | E::ResizeRow => CursorIcon::ResizeVertical,
        E::ResizeNeSw | E::ResizeNorthEast | E::ResizeSouthWest => CursorIcon::ResizeNeSw,
        E::ResizeNwSe | E::ResizeNorthWest | E::ResizeSouthEast => CursorIcon::ResizeNwSe,
        _ => CursorIcon::Default,
    }
}
