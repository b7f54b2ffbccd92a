//! Panics in game code, turned into messages: a panic in hot builds must not end the program, which
//! shows the message instead, until a fixing save.

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
