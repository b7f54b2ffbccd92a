//! Sounds (WAV and OGG): load, play once or looped, stop, change the volume. The binary plays them with
//! macroquad's audio; on a machine without an audio device it says so once and the game goes on silently.

use std::future::{IntoFuture, Ready, ready};

use serde::{Deserialize, Serialize};

use crate::boundary::{AssetKind, AssetSource, SoundCommand};
use crate::context::{sound, with};

/// A sound the game loaded. Plain data, like [`crate::texture::Texture2D`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Sound {
    id: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaySoundParams {
    pub looped: bool,
    /// 0.0..=1.0
    pub volume: f32,
}

impl Default for PlaySoundParams {
    fn default() -> Self {
        PlaySoundParams { looped: false, volume: 1.0 }
    }
}

/// Loads the sound at `path`. Returns at once; a missing or broken file is reported and stays silent
/// until it is fixed. `.await` it as macroquad programs do: `Err` if the file cannot be read.
pub fn load_sound(path: &str) -> Sound {
    register(AssetSource::Path(path.to_string()))
}

pub fn load_sound_from_bytes(bytes: &[u8]) -> Sound {
    register(AssetSource::Bytes(bytes.to_vec()))
}

impl IntoFuture for Sound {
    type Output = Result<Sound, crate::Error>;
    type IntoFuture = Ready<Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        let readable = with(|context| context.assets.file_readable(self.id));
        ready(readable.map(|()| self))
    }
}

fn register(source: AssetSource) -> Sound {
    Sound { id: with(|context| context.assets.register(&mut context.frame, AssetKind::Sound, source)) }
}

pub fn play_sound_once(sound: &Sound) {
    play_sound(sound, PlaySoundParams::default());
}

pub fn play_sound(sound: &Sound, params: PlaySoundParams) {
    self::sound(SoundCommand::Play { sound: sound.id, looped: params.looped, volume: params.volume });
}

pub fn stop_sound(sound: &Sound) {
    self::sound(SoundCommand::Stop { sound: sound.id });
}

pub fn set_sound_volume(sound: &Sound, volume: f32) {
    self::sound(SoundCommand::SetVolume { sound: sound.id, volume });
}

crate::assets::handle_crosses_reloads_as_saved_asset!(Sound, AssetKind::Sound);
