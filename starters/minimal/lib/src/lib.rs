//! The code `just dev` reloads while the program runs. Change `MESSAGE`, save, and the running
//! program prints the new text within a second, its tick count going on where it was.

pub mod exports;

/// Try it: change this text and save.
pub const MESSAGE: &str = "Hello from the reloadable library!";

/// The line the program prints on each tick. `tick` is state the binary keeps as a plain number,
/// so it survives every reload; the returned `String` is owned, so nothing in it points into
/// this library, which may be unloaded while the binary still holds the line.
pub fn line(tick: u64) -> String {
    format!("tick {tick}: {MESSAGE}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_carries_the_tick_and_the_message() {
        assert_eq!(line(7), format!("tick 7: {MESSAGE}"));
    }
}
