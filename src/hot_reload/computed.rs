//! Frames computed by the code running now, kept to be shown again without running anything: the last
//! ones played (what the binary drew, handed back), and those F8 computes while paused. A step over
//! frames computed already costs nothing. They go when the code changes. Only the drawing is kept (what
//! a frame loaded or freed reached the binary when it ran), within a memory cap, the frames farthest
//! from the one shown going first.

use std::collections::BTreeMap;

use contract::{DrawCommand, Frame};

/// The most drawing kept while paused, about: a few seconds of a game that draws a few hundred things a
/// frame...
const MOST_BYTES: usize = 32 << 20;
/// ...and while playing (the last frames played, for a step back as F8 pauses).
pub const MOST_BYTES_PLAYING: usize = 8 << 20;

pub struct Computed {
    frames: BTreeMap<u64, Frame>,
    bytes: usize,
    most_bytes: usize,
}

impl Default for Computed {
    fn default() -> Self {
        Computed { frames: BTreeMap::new(), bytes: 0, most_bytes: MOST_BYTES }
    }
}

impl Computed {
    pub fn with_most_bytes(most_bytes: usize) -> Self {
        Computed { most_bytes, ..Computed::default() }
    }

    /// The frames kept so far, to keep computing within `MOST_BYTES` (F8 pauses).
    pub fn paused(self) -> Self {
        Computed { most_bytes: MOST_BYTES, ..self }
    }

    /// Keeps what `frame` (the frame numbered `at`) drew, making room away from `shown`.
    pub fn keep(&mut self, at: u64, frame: &Frame, shown: u64) {
        self.keep_drawing(at, Frame { draw: frame.draw.clone(), ..without_drawing(frame) }, shown);
    }

    /// As [`Computed::keep`], with a frame the binary has drawn and let go of.
    pub fn keep_drawing(&mut self, at: u64, frame: Frame, shown: u64) {
        let drawing =
            Frame { draw: frame.draw, cursor: frame.cursor, rand_state: frame.rand_state, ..Frame::default() };
        self.bytes += bytes(&drawing);
        if let Some(replaced) = self.frames.insert(at, drawing) {
            self.bytes -= bytes(&replaced);
        }
        while self.bytes > self.most_bytes && self.frames.len() > 1 {
            let (first, last) = (*self.frames.keys().next().unwrap(), *self.frames.keys().next_back().unwrap());
            let farthest = if shown.abs_diff(first) > shown.abs_diff(last) { first } else { last };
            let dropped = self.frames.remove(&farthest).unwrap();
            self.bytes -= bytes(&dropped);
        }
    }

    /// The drawing of frame `at`, if it was computed by the code running now.
    pub fn get(&self, at: u64) -> Option<Frame> {
        self.frames.get(&at).cloned()
    }

    /// The code changed: nothing kept is what it would draw.
    pub fn clear(&mut self) {
        *self = Computed::with_most_bytes(self.most_bytes);
    }

    /// Whether more frames would push out others.
    pub fn nearly_full(&self) -> bool {
        self.bytes > self.most_bytes / 4 * 3
    }

    /// The first frame of the run of computed frames that ends with `at` (`at + 1` if `at` is not one).
    pub fn first_of_run_to(&self, at: u64) -> u64 {
        let mut first = at + 1;
        while first > 0 && self.frames.contains_key(&(first - 1)) {
            first -= 1;
        }
        first
    }

    /// The first frame from `at` on that is not computed.
    pub fn first_missing_from(&self, at: u64) -> u64 {
        let mut next = at;
        while self.frames.contains_key(&next) {
            next += 1;
        }
        next
    }
}

/// A frame without its drawing and all it asked of the binary besides (`draw` is to be filled in).
fn without_drawing(frame: &Frame) -> Frame {
    Frame { cursor: frame.cursor, rand_state: frame.rand_state, ..Frame::default() }
}

/// Memory a kept frame holds, about.
fn bytes(frame: &Frame) -> usize {
    std::mem::size_of::<Frame>() + frame.draw.capacity() * std::mem::size_of::<DrawCommand>()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawing(commands: usize) -> Frame {
        Frame { draw: vec![DrawCommand::ClearBackground(contract::Color::default()); commands], ..Frame::default() }
    }

    #[test]
    fn runs_of_computed_frames_are_found_and_the_farthest_go_first() {
        let mut computed = Computed::default();
        for at in [3, 4, 5, 8] {
            computed.keep(at, &drawing(1), 5);
        }
        assert_eq!((computed.first_of_run_to(5), computed.first_of_run_to(6)), (3, 7));
        assert_eq!((computed.first_missing_from(3), computed.first_missing_from(7)), (6, 7));
        assert!(computed.get(4).is_some_and(|frame| frame.draw.len() == 1));

        let big = MOST_BYTES / 4 / std::mem::size_of::<DrawCommand>();
        for at in 0..4 {
            computed.keep(at, &drawing(big), 2);
        }
        assert!(computed.bytes <= MOST_BYTES && computed.nearly_full());
        let mut playing = Computed::with_most_bytes(MOST_BYTES_PLAYING);
        playing.keep_drawing(7, drawing(1), 7);
        assert_eq!(playing.paused().get(7).map(|frame| frame.draw.len()), Some(1));
        assert!(computed.get(2).is_some() && computed.get(8).is_none(), "the farthest from the frame shown went");
        computed.clear();
        assert!(computed.get(2).is_none() && computed.bytes == 0);
    }
}
