//! Rewind (F8): the last stretch of play, kept as the game's state every so many frames and every
//! frame's input. Any kept frame can be shown again by restoring the snapshot before it and running the
//! game on the recorded input up to it, so what is shown is what the game code computes: after a save,
//! the same moment with the new code.
//!
//! A snapshot is the state as a reload hands it over, so one from before a change of `State` still
//! restores. Taking one costs more as the state grows: they are taken often enough that showing a frame
//! reruns at most a few hundred frames, and seldom enough that they cost at most a twentieth of the
//! game's own time (see `every`).
//!
//! The same snapshots put the state back after a panicking frame (the newest, and the frames since run
//! again), and are what the game restarts with after an endless loop: with `HOT_REWIND=off` only the
//! newest is kept, for those.

use std::collections::VecDeque;
use std::time::Duration;

use contract::Input;
use hot_state::Saved;

/// The most play kept: the oldest snapshots go first, with the input after them.
pub const MOST_SECONDS: f32 = 30.0;
pub const MOST_BYTES: usize = 64 << 20;
/// Snapshots are at least this many frames apart, and at most...
const FEWEST_FRAMES: u32 = 15;
const MOST_FRAMES: u32 = 600;
/// ...and cost at most this share of the game's own time.
const SNAPSHOT_SHARE: f64 = 0.05;

struct Snapshot {
    /// The frame it was taken before.
    frame: u64,
    state: Saved,
    /// Which build of the library took it (see `History::new_build`).
    build: u64,
}

#[derive(Default)]
pub struct History {
    /// `HOT_REWIND=off` keeps only the newest snapshot and the input since (F8 says rewind is off).
    pub off: bool,
    /// The next frame takes a snapshot whatever the interval (after a reload, say).
    soon: bool,
    snapshots: VecDeque<Snapshot>,
    /// The input of each frame from the first snapshot's on.
    inputs: VecDeque<Input>,
    /// The number of the next frame the game runs.
    next: u64,
    /// Frames between snapshots, from what the last one cost.
    every: u32,
    /// The game's own time a frame, on average (a moving average).
    frame_time: Duration,
    bytes: usize,
    /// The play time the kept input covers, kept up to date (summing it every frame would read it all).
    seconds: f32,
    /// The build of the library running now, counted from the first.
    build: u64,
    /// Earlier builds whose snapshots the running one takes the long way (see `History::slow_to_restore`).
    slow_builds: Vec<u64>,
}

impl History {
    /// Keeps play unless `HOT_REWIND=off`.
    pub fn from_env() -> History {
        History { off: std::env::var("HOT_REWIND").is_ok_and(|value| value == "off"), ..History::default() }
    }

    /// Before the game runs its next frame: whether to call [`History::keep`] with the state now.
    pub fn snapshot_due(&self) -> bool {
        self.soon || self.snapshot_due_at(self.next)
    }

    /// The next frame takes a snapshot: the state was just handed over, and a panic in the new code's
    /// first frames goes back to it.
    pub fn snapshot_soon(&mut self) {
        self.soon = true;
    }

    /// Before `frame` runs again (rewound): whether to keep the state then ([`History::keep_at`]), where
    /// no snapshot is kept after it (a save dropped them).
    pub fn snapshot_due_at(&self, frame: u64) -> bool {
        self.snapshots
            .back()
            .is_none_or(|last| frame > last.frame && frame - last.frame >= u64::from(self.every.max(FEWEST_FRAMES)))
    }

    /// Keeps the state from before `frame`, run again (see [`History::snapshot_due_at`]).
    pub fn keep_at(&mut self, frame: u64, state: Saved) {
        self.bytes += state.len();
        self.snapshots.push_back(Snapshot { frame, state, build: self.build });
    }

    /// Drops the snapshots after `frame`: the code that computed them has changed. Play after it is
    /// computed again from an earlier one, which keeps new ones on the way.
    pub fn forget_snapshots_after(&mut self, frame: u64) {
        while self.snapshots.back().is_some_and(|snapshot| snapshot.frame > frame) {
            let dropped = self.snapshots.pop_back().unwrap();
            self.bytes -= dropped.state.len();
        }
    }

    /// Keeps the state from before the next frame, which took `took` to save.
    pub fn keep(&mut self, state: Saved, took: Duration) {
        let game = self.frame_time.as_secs_f64();
        let every = if game > 0.0 { (took.as_secs_f64() / (SNAPSHOT_SHARE * game)).ceil() as u32 } else { 0 };
        self.every = every.clamp(FEWEST_FRAMES, MOST_FRAMES);
        self.soon = false;
        if self.snapshots.back().is_some_and(|last| last.frame == self.next) {
            let replaced = self.snapshots.pop_back().unwrap();
            self.bytes -= replaced.state.len();
        }
        self.bytes += state.len();
        self.snapshots.push_back(Snapshot { frame: self.next, state, build: self.build });
        while self.off && self.snapshots.len() > 1 {
            self.drop_oldest();
        }
    }

    /// The newest snapshot, and the input of every frame run since: the state now, once they are run
    /// again from it (after a panicking frame, the state from before it).
    pub fn replay_to_now(&self) -> Option<(Saved, Vec<Input>)> {
        let (first, newest) = (self.snapshots.front()?, self.snapshots.back()?);
        let since = (newest.frame - first.frame) as usize;
        Some((newest.state.clone(), self.inputs.range(since..).cloned().collect()))
    }

    /// The game ran its next frame on `input`, in `took`.
    pub fn ran(&mut self, input: &Input, took: Duration) {
        if self.snapshots.is_empty() {
            return;
        }
        self.frame_time = if self.frame_time.is_zero() { took } else { (self.frame_time * 15 + took) / 16 };
        self.bytes += input_bytes(input);
        self.seconds += input.frame_time;
        // Asset news is live: a replay of this frame reads the files as they are then.
        self.inputs.push_back(Input { changed_assets: Vec::new(), ..input.clone() });
        self.next += 1;
        while self.snapshots.len() > 1 && (self.seconds() > MOST_SECONDS || self.bytes > MOST_BYTES) {
            self.drop_oldest();
        }
    }

    /// Forgets everything (the state no longer follows from what is kept: F6, a loop).
    pub fn clear(&mut self) {
        *self = History {
            off: self.off,
            next: self.next,
            every: self.every,
            frame_time: self.frame_time,
            build: self.build,
            ..History::default()
        };
    }

    /// The first kept frame and the last, or `None` if none is.
    pub fn frames(&self) -> Option<(u64, u64)> {
        let first = self.snapshots.front()?.frame;
        (self.next > first).then(|| (first, self.next - 1))
    }

    /// The play time kept, in seconds.
    pub fn seconds(&self) -> f32 {
        self.seconds
    }

    /// Play time from the first kept frame to the start of `frame`.
    pub fn seconds_at(&self, frame: u64) -> f32 {
        let first = self.snapshots.front().map_or(0, |first| first.frame);
        self.inputs.iter().take(frame.saturating_sub(first) as usize).map(|input| input.frame_time).sum()
    }

    /// The kept frame `seconds` of play before `frame` (after it if negative), within what is kept.
    pub fn frame_seconds_from(&self, frame: u64, seconds: f32) -> u64 {
        let Some((first, last)) = self.frames() else { return frame };
        let frame_time = |frame: u64| self.inputs[(frame - first) as usize].frame_time;
        let (mut frame, mut left) = (frame.clamp(first, last), seconds);
        while left > 0.0 && frame > first && left >= frame_time(frame - 1) / 2.0 {
            left -= frame_time(frame - 1);
            frame -= 1;
        }
        while left < 0.0 && frame < last && -left >= frame_time(frame) / 2.0 {
            left += frame_time(frame);
            frame += 1;
        }
        frame
    }

    /// How to show `frame` again, run from the last snapshot at or before `from`: that snapshot's frame
    /// and state, and the input of every frame from there up to `frame`, to run in order (the last one's
    /// drawing is the frame).
    pub fn replay_to(&self, frame: u64, from: u64) -> Option<(u64, Saved, Vec<Input>)> {
        let (first, last) = self.frames()?;
        let frame = frame.clamp(first, last);
        let snapshot = self.snapshots.iter().rev().find(|snapshot| snapshot.frame <= from.min(frame))?;
        let range = (snapshot.frame - first) as usize..=(frame - first) as usize;
        Some((snapshot.frame, snapshot.state.clone(), self.inputs.range(range).cloned().collect()))
    }

    /// A new build of the library runs from now on: a snapshot an earlier one took may have another
    /// `State`, which takes the longer way to restore.
    pub fn new_build(&mut self) {
        self.build += 1;
    }

    /// Whether the snapshot of `frame` restores quickly enough to be taken unasked: taken by the build
    /// running now, or by an earlier one not found slow ([`History::slow_to_restore`]).
    pub fn quick_to_restore(&self, frame: u64) -> bool {
        self.snapshot(frame)
            .is_some_and(|snapshot| snapshot.build == self.build || !self.slow_builds.contains(&snapshot.build))
    }

    /// The snapshot of `frame` took the long way to restore (the JSON way: a value its `State` had that
    /// the running one does not take), as every one its build took will.
    pub fn slow_to_restore(&mut self, frame: u64) {
        if let Some(build) = self.snapshot(frame).map(|snapshot| snapshot.build)
            && build != self.build
        {
            self.slow_builds.push(build);
        }
    }

    fn snapshot(&self, frame: u64) -> Option<&Snapshot> {
        self.snapshots.iter().rev().find(|snapshot| snapshot.frame == frame)
    }

    /// The frame of the last snapshot at or before `frame`.
    pub fn snapshot_at_or_before(&self, frame: u64) -> Option<u64> {
        self.snapshots.iter().rev().map(|snapshot| snapshot.frame).find(|&at| at <= frame)
    }

    /// The input of the kept frames `from..=to`.
    pub fn inputs_between(&self, from: u64, to: u64) -> Vec<Input> {
        let Some((first, _)) = self.frames() else { return Vec::new() };
        let skip = from.saturating_sub(first) as usize;
        self.inputs.iter().skip(skip).take((to + 1).saturating_sub(from) as usize).cloned().collect()
    }

    /// The input of the frames after `frame`, up to the last kept one (F7 loops them from there).
    pub fn inputs_after(&self, frame: u64) -> Vec<Input> {
        let Some((first, _)) = self.frames() else { return Vec::new() };
        self.inputs.iter().skip((frame + 1).saturating_sub(first) as usize).cloned().collect()
    }

    /// Play goes on from the newest snapshot: the frames kept after it are dropped.
    pub fn back_to_newest_snapshot(&mut self) {
        if let Some(newest) = self.snapshots.back().map(|snapshot| snapshot.frame) {
            while self.next > newest {
                let dropped = self.inputs.pop_back().unwrap();
                self.forget(&dropped);
                self.next -= 1;
            }
        }
    }

    /// Play goes on from `frame`: what was kept after it is dropped.
    pub fn truncate_after(&mut self, frame: u64) {
        let Some((first, last)) = self.frames() else { return };
        let frame = frame.clamp(first, last);
        while self.snapshots.back().is_some_and(|snapshot| snapshot.frame > frame) {
            let dropped = self.snapshots.pop_back().unwrap();
            self.bytes -= dropped.state.len();
        }
        while self.next > frame + 1 {
            let dropped = self.inputs.pop_back().unwrap();
            self.forget(&dropped);
            self.next -= 1;
        }
    }

    /// Memory the history holds, about.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    fn drop_oldest(&mut self) {
        let oldest = self.snapshots.pop_front().unwrap();
        self.bytes -= oldest.state.len();
        let next = self.snapshots.front().map_or(self.next, |snapshot| snapshot.frame);
        for _ in oldest.frame..next {
            let dropped = self.inputs.pop_front().unwrap();
            self.forget(&dropped);
        }
    }

    fn forget(&mut self, input: &Input) {
        self.bytes -= input_bytes(input);
        self.seconds = (self.seconds - input.frame_time).max(0.0);
    }
}

/// What one frame's input takes in memory, about.
fn input_bytes(input: &Input) -> usize {
    size_of::<Input>()
        + (input.keys_down.len() + input.keys_pressed.len() + input.keys_released.len()) * 4
        + input.chars_typed.len() * 4
        + input.events.len() * 64
        + input.touches.len() * size_of::<contract::input::Touch>()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(frame_time: f32) -> Input {
        Input { frame_time, ..Input::default() }
    }

    /// Runs `frames` frames of 1/60 s on a "game" whose state is the number of frames it ran.
    fn play(history: &mut History, state: &mut u64, frames: u64) {
        for _ in 0..frames {
            if history.snapshot_due() {
                history.keep(state.to_string().into_bytes(), Duration::from_micros(1));
            }
            *state += 1;
            history.ran(&input(1.0 / 60.0), Duration::from_micros(100));
        }
    }

    /// Showing frame `frame` as the binary does: restore, then run the kept input.
    fn show(history: &History, frame: u64) -> u64 {
        let (at, snapshot, inputs) = history.replay_to(frame, frame).unwrap();
        assert_eq!(String::from_utf8(snapshot).unwrap().parse::<u64>().unwrap(), at);
        at + inputs.len() as u64
    }

    #[test]
    fn any_kept_frame_is_its_snapshot_and_the_input_after_it() {
        let mut history = History::default();
        let mut state = 0;
        play(&mut history, &mut state, 100);
        assert_eq!(history.frames(), Some((0, 99)));
        for frame in [0, 1, 14, 15, 16, 57, 99] {
            assert_eq!(show(&history, frame), frame + 1, "the state after frame {frame}");
            let (_, _, inputs) = history.replay_to(frame, frame).unwrap();
            assert!(inputs.len() <= FEWEST_FRAMES as usize, "snapshots every {FEWEST_FRAMES} frames here");
        }
        assert!((history.seconds() - 100.0 / 60.0).abs() < 1e-3);
        assert_eq!(history.frame_seconds_from(99, 1.0), 39, "a second before frame 99, at 60 frames a second");
        assert_eq!(history.frame_seconds_from(10, 5.0), 0, "no further back than what is kept");
    }

    #[test]
    fn an_earlier_builds_snapshots_are_taken_unasked_until_one_restores_the_long_way() {
        let mut history = History::default();
        history.keep(b"0".to_vec(), Duration::from_micros(1));
        assert!(history.quick_to_restore(0));
        history.new_build();
        assert!(history.quick_to_restore(0), "an earlier build's, not found slow");
        history.slow_to_restore(0);
        assert!(!history.quick_to_restore(0), "an earlier build's, found slow");
        history.ran(&Input::default(), Duration::from_millis(1));
        history.keep_at(1, b"1".to_vec());
        assert!(history.quick_to_restore(1) && !history.quick_to_restore(2), "none of frame 2");
        history.slow_to_restore(1);
        assert!(history.quick_to_restore(1), "the build running now takes its own quickly");
    }

    #[test]
    fn a_later_frame_is_reached_from_the_one_shown_by_the_input_between() {
        let mut history = History::default();
        let mut state = 0;
        play(&mut history, &mut state, 100);
        // The state after frame 40 (its value 41), then frames 41..=44 run: the state after frame 44.
        let inputs = history.inputs_between(41, 44);
        assert_eq!(41 + inputs.len() as u64, show(&history, 44));
        assert_eq!(history.snapshot_at_or_before(44), Some(30), "snapshots every {FEWEST_FRAMES} frames here");
        assert_eq!(history.inputs_between(99, 99).len(), 1, "the last kept frame");
    }

    #[test]
    fn after_a_save_play_is_run_again_from_further_back_and_new_snapshots_are_kept_on_the_way() {
        let mut history = History::default();
        let mut state = 0;
        play(&mut history, &mut state, 100);
        let (at, _, inputs) = history.replay_to(99, 39).unwrap();
        assert_eq!((at, inputs.len()), (30, 70), "from the snapshot before frame 39");
        history.forget_snapshots_after(at);
        assert!((31..99).all(|frame| !history.snapshot_due_at(frame) || frame >= 45));
        for (frame, _) in (at..).zip(&inputs) {
            if history.snapshot_due_at(frame) {
                history.keep_at(frame, frame.to_string().into_bytes());
            }
        }
        assert_eq!(history.replay_to(99, 99).unwrap().0, 90, "snapshots every 15 frames again");
        assert_eq!(show(&history, 70), 71);
    }

    #[test]
    fn the_state_now_is_the_newest_snapshot_and_the_frames_since_and_rewind_off_keeps_only_that() {
        let mut history = History::default();
        let mut state = 0;
        play(&mut history, &mut state, 100);
        let (snapshot, inputs) = history.replay_to_now().unwrap();
        assert_eq!(String::from_utf8(snapshot).unwrap().parse::<u64>().unwrap() + inputs.len() as u64, state);
        let mut panicked = History::default();
        let mut again = 0;
        play(&mut panicked, &mut again, 100);
        panicked.back_to_newest_snapshot();
        assert_eq!(panicked.frames(), Some((0, 89)), "the frames after the newest snapshot are gone");
        assert_eq!(panicked.replay_to_now().unwrap(), (b"90".to_vec(), Vec::new()));
        history.snapshot_soon();
        assert!(history.snapshot_due());
        history.keep(state.to_string().into_bytes(), Duration::from_micros(1));
        assert_eq!(history.replay_to_now().unwrap(), (state.to_string().into_bytes(), Vec::new()));

        let mut off = History { off: true, ..History::default() };
        let mut state = 0;
        play(&mut off, &mut state, 100);
        let (snapshot, inputs) = off.replay_to_now().unwrap();
        assert_eq!(
            (snapshot.as_slice(), inputs.len()),
            (&b"90"[..], 10),
            "only the newest snapshot and the input since"
        );
        assert_eq!(off.frames(), Some((90, 99)));
    }

    #[test]
    fn play_resumed_from_a_kept_frame_forgets_what_came_after_it() {
        let mut history = History::default();
        let mut state = 0;
        play(&mut history, &mut state, 100);
        assert_eq!(history.inputs_after(90).len(), 9);
        history.truncate_after(40);
        assert_eq!(history.frames(), Some((0, 40)));
        state = show(&history, 40);
        play(&mut history, &mut state, 10);
        assert_eq!(history.frames(), Some((0, 50)));
        assert_eq!(show(&history, 50), 51);
    }

    #[test]
    fn the_oldest_play_goes_first_beyond_the_cap_and_snapshots_that_cost_more_are_taken_less_often() {
        let mut history = History::default();
        let mut state = 0;
        play(&mut history, &mut state, 60 * 45);
        let (first, last) = history.frames().unwrap();
        assert_eq!(last, 60 * 45 - 1);
        assert!(history.seconds() <= MOST_SECONDS && history.seconds() > MOST_SECONDS - 1.0, "{}", history.seconds());
        assert_eq!(show(&history, first), first + 1);

        // A snapshot that takes as long as a frame: one every twenty frames.
        history.keep(state.to_string().into_bytes(), Duration::from_micros(100));
        assert_eq!(history.every, 20);
        history.clear();
        assert_eq!((history.frames(), history.bytes()), (None, 0));
    }
}
