//! The binary's side of hot reloading (feature `host`). A starter's `src/hot_reload.rs` declares the
//! library's entry points with hot-lib-reloader's `hot_module` and hands them to [`Library`]; what it
//! keeps for itself is only what is about its framework.

mod build_yield;
pub mod files;
mod library;
pub mod quit;
mod restart;
mod watchdog;

pub use build_yield::BuildYield;
pub use library::{Entry, Library, Reloaded, Swap};
pub use restart::restart;
pub use watchdog::{Watchdog, WhenStuck};
