//! The frame being recorded and the input it answers from: one for each thread that runs game code
//! (the game has one; tests run in parallel), in a plain static behind a lock. Not a thread-local:
//! those keep an unloaded library mapped until their thread ends.

use std::collections::VecDeque;
use std::sync::{Mutex, PoisonError};
use std::thread::ThreadId;

use crate::assets::Assets;
use crate::boundary::{CameraSetting, DrawCommand, Frame, Input, SoundCommand};

#[derive(Default)]
pub(crate) struct Context {
    pub input: Input,
    pub frame: Frame,
    pub assets: Assets,
    pub fonts: crate::text::Fonts,
    /// Characters typed and not yet taken by `get_char_pressed` (they wait for it, frame after frame).
    pub chars: VecDeque<char>,
    /// The camera in force (`None`: the screen), for `camera_font_scale` and the like: as the frame began
    /// (the binary's word for it), then as the game set it.
    pub camera: Option<CameraSetting>,
    /// What `push_camera_state` kept.
    pub camera_stack: Vec<Option<CameraSetting>>,
    /// The font drawn text without one of its own uses (`set_default_font`).
    pub default_font: Option<u64>,
    /// The game's egui, if it has a UI.
    #[cfg(feature = "egui")]
    pub gui: crate::gui::Gui,
}

struct Contexts {
    by_thread: Vec<(ThreadId, Context)>,
}

static CONTEXTS: Mutex<Contexts> = Mutex::new(Contexts { by_thread: Vec::new() });

/// Runs `f` on this thread's context. The API never calls game code while it holds the lock.
pub(crate) fn with<R>(f: impl FnOnce(&mut Context) -> R) -> R {
    let mut contexts = CONTEXTS.lock().unwrap_or_else(PoisonError::into_inner);
    let thread = std::thread::current().id();
    let index = match contexts.by_thread.iter().position(|(id, _)| *id == thread) {
        Some(index) => index,
        None => {
            contexts.by_thread.push((thread, Context::default()));
            contexts.by_thread.len() - 1
        }
    };
    f(&mut contexts.by_thread[index].1)
}

pub(crate) fn draw(command: DrawCommand) {
    with(|context| context.frame.draw.push(command));
}

pub(crate) fn sound(command: SoundCommand) {
    with(|context| context.frame.sounds.push(command));
}

pub(crate) fn input<R>(f: impl FnOnce(&Input) -> R) -> R {
    with(|context| f(&context.input))
}

pub(crate) fn begin_frame(input: &Input) {
    with(|context| {
        // What was recorded between frames (loads and texture filters in `State::default()`, or while
        // the state is restored after a reload) goes out with this frame.
        context.input.clone_from(input);
        context.chars.extend(&input.chars_typed);
        context.camera = input.camera;
        context.default_font = input.default_font;
        context.assets.folder.clone_from(&input.assets_folder);
        if let Some(state) = input.rand_state {
            crate::rand::set_state(state);
        }
        if !input.changed_assets.is_empty() {
            context.assets.forget_changed(&input.changed_assets);
            context.fonts.forget_glyphs();
        }
    });
}

pub(crate) fn end_frame() -> Frame {
    Frame { rand_state: crate::rand::state(), ..with(|context| std::mem::take(&mut context.frame)) }
}

/// Drops what a panicking frame drew and played; what it loaded stays (the library remembers sending it),
/// and so do UI texture changes (the binary must know the textures the UI has).
pub(crate) fn abandon_frame() {
    with(|context| {
        context.frame.draw.clear();
        context.frame.sounds.clear();
        context.frame.quit = false;
        #[cfg(feature = "egui")]
        context.gui.abandon();
    });
}

/// Frees this thread's context (parsed fonts, the asset table, what is being recorded). Only this
/// thread's: the game's frames and `save_state` run on one thread, and parallel tests must not lose theirs.
pub(crate) fn release() {
    crate::resources::release();
    let thread = std::thread::current().id();
    let mut contexts = CONTEXTS.lock().unwrap_or_else(PoisonError::into_inner);
    contexts.by_thread.retain(|(id, _)| *id != thread);
    if contexts.by_thread.is_empty() {
        *contexts = Contexts { by_thread: Vec::new() }; // their capacity too
    }
}
