//! The functions the binary calls. In hot builds (feature `reload`) they are exported under
//! their plain names, and the binary looks them up again in every new build of the library.
//! Their signatures are the contract with the running binary: change this file and `just dev`
//! restarts the binary.

/// A hash of this file, so that the binary can tell that a reloaded library still has the
/// signatures it was compiled against before it calls anything else. Never change its signature.
#[cfg_attr(feature = "reload", unsafe(no_mangle))]
pub fn exports_hash() -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut hasher = DefaultHasher::new();
    include_str!("exports.rs").hash(&mut hasher);
    hasher.finish()
}

/// Runs one tick and returns the line to print. In hot builds a panic comes back as `Err` with
/// its message, so the program keeps going (the terminal shows where it happened, as usual).
#[cfg_attr(feature = "reload", unsafe(no_mangle))]
pub fn tick(tick: u64) -> Result<String, String> {
    guarded(|| crate::line(tick))
}

#[cfg(not(feature = "reload"))]
fn guarded(step: impl FnOnce() -> String) -> Result<String, String> {
    Ok(step())
}

#[cfg(feature = "reload")]
fn guarded(step: impl FnOnce() -> String + std::panic::UnwindSafe) -> Result<String, String> {
    std::panic::catch_unwind(step).map_err(|panic| match panic.downcast::<String>() {
        Ok(message) => *message,
        Err(panic) => panic.downcast_ref::<&str>().unwrap_or(&"panicked").to_string(),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_tick_returns_the_line() {
        assert_eq!(super::tick(3), Ok(crate::line(3)));
    }

    #[cfg(feature = "reload")]
    #[test]
    fn hot_builds_return_a_panic_as_its_message() {
        assert_eq!(super::guarded(|| panic!("kaboom {}", 7)), Err("kaboom 7".to_string()));
        assert_eq!(super::guarded(|| panic!("kaboom")), Err("kaboom".to_string()));
    }
}
