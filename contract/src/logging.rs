//! macroquad's logging macros (`info!`, `warn!`, `error!`, `debug!`, `trace!`): on a desktop macroquad
//! prints the message to the terminal's standard error, and so do these.

#[doc(hidden)]
#[macro_export]
macro_rules! __log {
    (target: $target:expr, $($arg:tt)+) => {{
        let _ = $target;
        ::std::eprintln!($($arg)+)
    }};
    ($($arg:tt)+) => {
        ::std::eprintln!($($arg)+)
    };
}

#[macro_export]
macro_rules! trace {
    ($($arg:tt)+) => { $crate::__log!($($arg)+) };
}

#[macro_export]
macro_rules! debug {
    ($($arg:tt)+) => { $crate::__log!($($arg)+) };
}

#[macro_export]
macro_rules! info {
    ($($arg:tt)+) => { $crate::__log!($($arg)+) };
}

#[macro_export]
macro_rules! warn {
    ($($arg:tt)+) => { $crate::__log!($($arg)+) };
}

#[macro_export]
macro_rules! error {
    ($($arg:tt)+) => { $crate::__log!($($arg)+) };
}

pub use crate::{debug, error, info, trace, warn};
