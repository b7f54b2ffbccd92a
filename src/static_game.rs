//! The game linked into the binary: plain function calls, no reloading.

use contract::{Frame, Input};
use game::exports;

pub struct StaticGame;

impl StaticGame {
    pub fn start() -> Self {
        StaticGame
    }

    pub fn frame(&mut self, input: Input) -> Option<Frame> {
        // Static builds do not catch panics: a panic in the game ends the program as usual.
        Some(exports::frame(&input).expect("only hot builds turn panics into errors"))
    }

    /// Hot builds keep what was drawn, for F8.
    pub fn drawn(&mut self, _frame: Frame) {}

    /// Asset files are watched in hot builds only.
    pub fn changed_assets(&mut self) -> Vec<String> {
        Vec::new()
    }

    /// Nothing is wrong that the window should show (assets report their own problems).
    pub fn problem(&mut self) -> Option<String> {
        None
    }

    /// Recording, looping and rewinding play (F7, F8) are for hot builds.
    pub fn marker(&self) -> Option<crate::overlay::Marker> {
        None
    }

    pub fn quit(&mut self) -> ! {
        std::process::exit(0)
    }
}
