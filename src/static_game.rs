//! The game linked into the binary: plain function calls, no reloading.

use contract::{Frame, Input};
use game::exports;

pub struct StaticGame {
    frame: Frame,
}

impl StaticGame {
    pub fn start() -> Self {
        Self { frame: Frame::default() }
    }

    pub fn frame(&mut self, input: &Input) -> &Frame {
        // Static builds do not catch panics: a panic in the game ends the program as usual.
        self.frame = exports::frame(input).expect("only hot builds turn panics into errors");
        &self.frame
    }
}
