//! Live loop editing (F7): record a few seconds of play, then replay them in a loop from the state
//! they started from, and edit the code while they replay: every save shows the same moment of play
//! with the new code. Input crosses to the game as plain data each frame, so a recording is just the
//! inputs (with their frame times), and the starting state is the JSON a reload hands over anyway.
//!
//! The game must take everything that varies from its input for a replay to repeat: time from
//! `get_frame_time`/`get_time` (never the wall clock), random numbers from a generator seeded from its
//! `State`, never from the time or the operating system.

use std::path::Path;

use contract::Input;
use hot_state::Saved;

#[derive(Default)]
pub enum Replay {
    #[default]
    Off,
    Recording {
        start: Saved,
        inputs: Vec<Input>,
    },
    Looping {
        start: Saved,
        inputs: Vec<Input>,
        next: usize,
    },
}

/// What the caller must do for this frame.
pub enum Step {
    /// Run the frame with this input.
    Run(Input),
    /// Restore this state first (the loop starts over), then run the frame with this input.
    RestartLoop(Saved, Input),
}

impl Replay {
    /// F7 while off: record from `start`, the state now.
    pub fn record(&mut self, start: Saved) {
        *self = Replay::Recording { start, inputs: Vec::new() };
    }

    /// F7 while recording: loop what was recorded. `None` if nothing was (F7 twice in one frame).
    pub fn start_loop(&mut self) -> Option<&Saved> {
        let Replay::Recording { start, inputs } = std::mem::take(self) else { return None };
        if inputs.is_empty() {
            return None;
        }
        *self = Replay::Looping { start, inputs, next: 0 };
        let Replay::Looping { start, .. } = self else { unreachable!() };
        Some(&*start)
    }

    /// The loop starts over at its next frame (after a reload: the kept state with the new code).
    pub fn restart(&mut self) {
        if let Replay::Looping { next, .. } = self {
            *next = 0;
        }
    }

    /// The input for this frame: the live one (recorded while recording), or the recorded one while
    /// looping. Assets that changed on disk are live news, so they pass through a replay.
    pub fn step(&mut self, live: Input) -> Step {
        match self {
            Replay::Off => Step::Run(live),
            Replay::Recording { inputs, .. } => {
                inputs.push(Input { changed_assets: Vec::new(), ..live.clone() });
                Step::Run(live)
            }
            Replay::Looping { start, inputs, next } => {
                let input = Input { changed_assets: live.changed_assets, ..inputs[*next].clone() };
                let restart = *next == 0;
                *next = (*next + 1) % inputs.len();
                if restart { Step::RestartLoop(start.clone(), input) } else { Step::Run(input) }
            }
        }
    }

    /// Keeps the loop in `file` (the kept state and the inputs), to replay it after a restart.
    pub fn save(&self, file: &Path) -> Result<(), String> {
        let Replay::Looping { start, inputs, .. } = self else { return Ok(()) };
        // The state as JSON's values, so that the file can be read.
        let start = hot_state::binary::to_value(start).map_err(|error| error.to_string())?;
        let saved = serde_json::to_string(&(start, inputs)).map_err(|error| error.to_string())?;
        std::fs::create_dir_all(file.parent().unwrap_or(file))
            .and_then(|()| std::fs::write(file, saved))
            .map_err(|error| format!("{}: {error}", file.display()))
    }

    /// A loop kept by [`Replay::save`], ready to replay from its start.
    pub fn load(file: &Path) -> Result<Replay, String> {
        let saved = std::fs::read_to_string(file).map_err(|error| format!("{}: {error}", file.display()))?;
        let (start, inputs): (serde_json::Value, Vec<Input>) =
            serde_json::from_str(&saved).map_err(|error| format!("{}: {error}", file.display()))?;
        // JSON's text is a state a build can restore (and a loop kept by an older template held it as a string).
        let start = match start {
            serde_json::Value::String(text) => text.into_bytes(),
            value => value.to_string().into_bytes(),
        };
        if inputs.is_empty() {
            return Err(format!("{}: no frames in it", file.display()));
        }
        Ok(Replay::Looping { start, inputs, next: 0 })
    }

    /// The marker the window shows while recording or looping.
    pub fn marker(&self) -> Option<String> {
        match self {
            Replay::Off => None,
            Replay::Recording { inputs, .. } => Some(format!("REC {:.1} s", seconds(inputs))),
            Replay::Looping { inputs, next, .. } => {
                Some(format!("LOOP {:.1} / {:.1} s", seconds(&inputs[..*next]), seconds(inputs)))
            }
        }
    }
}

/// The play time the inputs cover.
pub fn seconds(inputs: &[Input]) -> f32 {
    inputs.iter().map(|input| input.frame_time).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use contract::keys::KeyCode;

    fn input(frame_time: f32, key: Option<KeyCode>) -> Input {
        Input { frame_time, keys_down: key.into_iter().collect(), ..Input::default() }
    }

    #[test]
    fn a_loop_replays_the_recorded_inputs_from_the_kept_state_over_and_over() {
        let mut replay = Replay::default();
        replay.record(b"start".to_vec());
        let recorded = [input(0.016, Some(KeyCode::Right)), input(0.020, Some(KeyCode::Right)), input(0.017, None)];
        for live in &recorded {
            assert!(matches!(replay.step(live.clone()), Step::Run(ref input) if input == live));
        }
        assert_eq!(replay.marker().as_deref(), Some("REC 0.1 s"));
        assert_eq!(replay.start_loop(), Some(&b"start".to_vec()));

        let live = Input { changed_assets: vec!["assets/player.png".to_string()], ..input(0.5, Some(KeyCode::Left)) };
        for _round in 0..2 {
            for (i, expected) in recorded.iter().enumerate() {
                let (restart, played) = match replay.step(live.clone()) {
                    Step::Run(input) => (None, input),
                    Step::RestartLoop(state, input) => (Some(state), input),
                };
                assert_eq!(restart.is_some(), i == 0, "the kept state comes back at the loop's first frame only");
                assert_eq!(Input { changed_assets: Vec::new(), ..played.clone() }, *expected);
                assert_eq!(played.changed_assets, live.changed_assets, "asset news is live");
            }
        }
        replay.restart();
        assert!(matches!(replay.step(live), Step::RestartLoop(..)));
    }

    /// What a recorded second costs (printed by `just test`): one `Input` per frame.
    #[test]
    fn recording_costs_a_few_kilobytes_a_second() {
        let held = Input { keys_down: vec![KeyCode::Right, KeyCode::Space], ..input(1.0 / 60.0, None) };
        let bytes = size_of::<Input>() + held.keys_down.capacity() * size_of::<KeyCode>();
        let mut replay = Replay::default();
        replay.record(Saved::new());
        let frames = 60 * 60;
        let started = std::time::Instant::now();
        for _ in 0..frames {
            replay.step(std::hint::black_box(held.clone()));
        }
        let each = started.elapsed() / frames;
        eprintln!(
            "recording: {bytes} bytes per frame, {} KB per second at 60 frames a second, {} ns per frame",
            bytes * 60 / 1024,
            each.as_nanos()
        );
        assert!(bytes * 60 < 64 * 1024 && each.as_micros() < 50);
    }

    #[test]
    fn a_saved_loop_loads_as_it_was_recorded() {
        let mut replay = Replay::default();
        replay.record(b"{\"kicks\":3}".to_vec());
        let recorded = [input(0.016, Some(KeyCode::Right)), input(0.02, None)];
        for live in &recorded {
            replay.step(live.clone());
        }
        replay.start_loop();
        let file = std::env::temp_dir().join(format!("hot-replay-test-{}.json", std::process::id()));
        replay.save(&file).unwrap();
        let Replay::Looping { start, inputs, next } = Replay::load(&file).unwrap() else { panic!("not a loop") };
        std::fs::remove_file(&file).unwrap();
        assert_eq!((start.as_slice(), inputs.as_slice(), next), (&b"{\"kicks\":3}"[..], &recorded[..], 0));
        assert!(Replay::load(&file).is_err(), "a missing file says so");
    }

    #[test]
    fn f7_twice_in_one_frame_records_nothing_and_does_not_loop() {
        let mut replay = Replay::default();
        replay.record(b"start".to_vec());
        assert_eq!(replay.start_loop(), None);
        assert!(matches!(replay, Replay::Off));
    }
}
