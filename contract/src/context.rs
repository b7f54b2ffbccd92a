//! The frame being recorded and the input it answers from: one for each thread that runs game code
//! (the game has one; tests run in parallel), in a plain static behind a lock. Not a thread-local:
//! those keep an unloaded library mapped until their thread ends.

use std::sync::{Mutex, PoisonError};
use std::thread::ThreadId;

use crate::assets::Assets;
use crate::boundary::{DrawCommand, Frame, Input, SoundCommand};

#[derive(Default)]
pub(crate) struct Context {
    pub input: Input,
    pub frame: Frame,
    pub assets: Assets,
    pub fonts: crate::text::Fonts,
    /// How many of this frame's typed characters `get_char_pressed` has handed out.
    pub chars_read: usize,
    /// The camera last set in this frame, for `camera_font_scale` and the like.
    pub camera: Option<crate::boundary::Camera>,
}

static CONTEXTS: Mutex<Vec<(ThreadId, Context)>> = Mutex::new(Vec::new());

/// Runs `f` on this thread's context. The API never calls game code while it holds the lock.
pub(crate) fn with<R>(f: impl FnOnce(&mut Context) -> R) -> R {
    let thread = std::thread::current().id();
    let mut contexts = CONTEXTS.lock().unwrap_or_else(PoisonError::into_inner);
    let index = match contexts.iter().position(|(id, _)| *id == thread) {
        Some(index) => index,
        None => {
            contexts.push((thread, Context::default()));
            contexts.len() - 1
        }
    };
    f(&mut contexts[index].1)
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
        context.chars_read = 0;
        context.camera = None;
        if !input.changed_assets.is_empty() {
            context.assets.forget_changed(&input.changed_assets);
            context.fonts.forget_glyphs();
        }
    });
}

pub(crate) fn end_frame() -> Frame {
    with(|context| std::mem::take(&mut context.frame))
}

/// Drops what a panicking frame drew and played; what it loaded stays (the library remembers sending it).
pub(crate) fn abandon_frame() {
    with(|context| {
        context.frame.draw.clear();
        context.frame.sounds.clear();
        context.frame.quit = false;
    });
}

/// Frees this thread's context (parsed fonts, the asset table, what is being recorded). Only this
/// thread's: the game's frames and `save_state` run on one thread, and parallel tests must not lose theirs.
pub(crate) fn release() {
    let thread = std::thread::current().id();
    let mut contexts = CONTEXTS.lock().unwrap_or_else(PoisonError::into_inner);
    contexts.retain(|(id, _)| *id != thread);
    if contexts.is_empty() {
        *contexts = Vec::new(); // its capacity too
    }
}
