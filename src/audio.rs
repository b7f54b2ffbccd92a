//! Plays the game's sound commands with macroquad's audio, and copes with a machine that has no audio
//! device (one warning, then silence) and with sound files macroquad cannot decode.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

use contract::boundary::SoundCommand;
use macroquad::audio::{PlaySoundParams, Sound, play_sound, set_sound_volume, stop_sound};

use crate::assets::Assets;

static NO_DEVICE: AtomicBool = AtomicBool::new(false);

/// macroquad opens the audio device on a thread of its own when it starts, and that thread panics
/// when there is none ("Can't open PCM device." on Linux). This turns that panic into one clear
/// warning; from then on sounds are not sent to the dead thread. Other panics are reported as usual.
pub fn report_missing_device() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if info.payload_as_str().is_some_and(|message| message.starts_with("Can't open PCM device")) {
            NO_DEVICE.store(true, Ordering::SeqCst);
            eprintln!("[audio] no audio device could be opened: the game runs without sound.");
        } else {
            report(info);
        }
    }));
}

/// Decodes the file first with the decoder macroquad uses, because macroquad panics on a broken one.
/// `None` without an audio device: the file is checked, but there is nothing to load it into.
pub fn load(bytes: &[u8]) -> Result<Option<Sound>, String> {
    let mut reader = audrey::Reader::new(std::io::Cursor::new(bytes))
        .map_err(|error| format!("not a WAV or OGG sound ({error})"))?;
    let channels = reader.description().channel_count();
    if !(1..=2).contains(&channels) {
        return Err(format!("{channels} channels (mono or stereo only)"));
    }
    if let Some(Err(error)) = reader.samples::<f32>().find(Result::is_err) {
        return Err(format!("broken sound data ({error})"));
    }
    if NO_DEVICE.load(Ordering::SeqCst) {
        return Ok(None);
    }
    let mut load = std::pin::pin!(macroquad::audio::load_sound_from_bytes(bytes));
    // Ready at once on desktop platforms: the future never waits.
    match load.as_mut().poll(&mut std::task::Context::from_waker(std::task::Waker::noop())) {
        std::task::Poll::Ready(sound) => sound.map(Some).map_err(|error| error.to_string()),
        std::task::Poll::Pending => Err("the sound did not load at once".to_string()),
    }
}

#[derive(Default)]
pub struct Audio {
    /// Sounds playing in a loop, with their volume: started again when their file is reloaded.
    looping: HashMap<u64, f32>,
}

impl Audio {
    pub fn play(&mut self, commands: &[SoundCommand], assets: &Assets) {
        for &command in commands {
            let id = match command {
                SoundCommand::Play { sound, .. }
                | SoundCommand::Stop { sound }
                | SoundCommand::SetVolume { sound, .. } => sound,
            };
            match command {
                SoundCommand::Play { looped: true, volume, .. } => drop(self.looping.insert(id, volume)),
                SoundCommand::Stop { .. } => drop(self.looping.remove(&id)),
                SoundCommand::SetVolume { volume, .. } => {
                    if let Some(looping) = self.looping.get_mut(&id) {
                        *looping = volume;
                    }
                }
                SoundCommand::Play { .. } => {}
            }
            let Some(sound) = assets.sound(id) else { continue };
            if NO_DEVICE.load(Ordering::SeqCst) {
                continue;
            }
            match command {
                SoundCommand::Play { looped, volume, .. } => play_sound(sound, PlaySoundParams { looped, volume }),
                SoundCommand::Stop { .. } => stop_sound(sound),
                SoundCommand::SetVolume { volume, .. } => set_sound_volume(sound, volume),
            }
        }
    }

    /// A sound's file changed: a loop of the old sound goes on with the new one.
    pub fn replaced(&mut self, id: u64, old: &Sound, new: &Sound) {
        if NO_DEVICE.load(Ordering::SeqCst) {
            return;
        }
        stop_sound(old);
        if let Some(&volume) = self.looping.get(&id) {
            play_sound(new, PlaySoundParams { looped: true, volume });
        }
    }
}
