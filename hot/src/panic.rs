//! Panics in game code, turned into messages: a panic in hot builds must not end the program, whose
//! window shows the message instead, until a fixing save.

#[cfg(feature = "state")]
use std::sync::{Mutex, PoisonError};

/// Runs `f`, and in hot builds (feature `reload`) returns its panic's message if it panics; the default
/// panic hook still prints the panic, with its location, to the terminal. Plain builds do not catch
/// panics: one ends the program as usual.
pub fn catch_panic<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    if !cfg!(feature = "reload") {
        return Ok(f());
    }
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| {
        let message =
            payload.downcast_ref::<String>().map(String::as_str).or_else(|| payload.downcast_ref::<&str>().copied());
        message.unwrap_or("panicked").to_string()
    })
}

/// The last panic's message and location, for games whose state lives in the library (feature `state`).
#[cfg(feature = "state")]
static LAST: Mutex<Option<String>> = Mutex::new(None);

/// Replaces the panic hook with one that keeps the last panic's message and location (for the
/// window's banner) instead of printing it (the binary prints it). Called after every load: the hook
/// is this build's code.
#[cfg(feature = "state")]
pub fn report_panics() {
    std::panic::set_hook(Box::new(|info| {
        *LAST.lock().unwrap_or_else(PoisonError::into_inner) = Some(info.to_string());
    }));
}

/// Puts the default hook back. The hot build shares Rust's standard library, and with it the hook,
/// with the binary and the next build: this build's hook must go before this build is unloaded.
#[cfg(feature = "state")]
pub fn stop_reporting_panics() {
    drop(std::panic::take_hook());
}

/// The last panic, as [`report_panics`] kept it.
#[cfg(feature = "state")]
pub fn last_panic() -> String {
    LAST.lock().unwrap_or_else(PoisonError::into_inner).take().unwrap_or_else(|| "panicked".to_string())
}

#[cfg(test)]
mod tests {
    #[cfg(feature = "reload")]
    #[test]
    fn a_panic_comes_back_as_its_message() {
        assert_eq!(super::catch_panic(|| 7), Ok(7));
        assert_eq!(super::catch_panic(|| panic!("kaboom {}", 7)), Err::<(), _>("kaboom 7".to_string()));
        assert_eq!(super::catch_panic(|| panic!("kaboom")), Err::<(), _>("kaboom".to_string()));
    }
}
