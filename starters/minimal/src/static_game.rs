//! The library linked into the binary: plain function calls, no reloading.

pub struct StaticGame;

impl StaticGame {
    pub fn start() -> Self {
        Self
    }

    pub fn tick(&mut self, tick: u64) -> String {
        // Static builds do not catch panics: a panic ends the program as usual.
        game::exports::tick(tick).expect("only hot builds turn panics into errors")
    }
}
