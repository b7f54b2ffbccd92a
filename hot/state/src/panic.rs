//! The last panic's message and location, for the window's banner: a panic in a frame comes back from
//! the library as that message (see `keep.rs`).

use std::sync::{Mutex, PoisonError};

static LAST: Mutex<Option<String>> = Mutex::new(None);

/// Replaces the panic hook with one that keeps the last panic's message and location (for the
/// window's banner) instead of printing it (the binary prints it). Called after every load: the hook
/// is this build's code.
pub fn report_panics() {
    std::panic::set_hook(Box::new(|info| {
        *LAST.lock().unwrap_or_else(PoisonError::into_inner) = Some(info.to_string());
    }));
}

/// Puts the default hook back. The hot build shares Rust's standard library, and with it the hook,
/// with the binary and the next build: this build's hook must go before this build is unloaded.
pub fn stop_reporting_panics() {
    drop(std::panic::take_hook());
}

/// The last panic, as [`report_panics`] kept it.
pub fn last_panic() -> String {
    LAST.lock().unwrap_or_else(PoisonError::into_inner).take().unwrap_or_else(|| "panicked".to_string())
}
