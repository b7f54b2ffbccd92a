//! Hot reloading, shared by every starter. Two sides:
//! - the library's (what `lib/src/exports.rs` calls): [`Build`], which says which project and contract
//!   a build belongs to, and [`catch_panic`];
//! - the binary's (feature `host`, [`host`]): loading the library and swapping in each rebuild,
//!   checking that a build fits before calling it, a watchdog for calls that never return, and the
//!   restart in place they and a new contract need.
//!
//! What crosses between the two is plain owned data: [`Build`]. A game `State` that lives in the
//! library and crosses each reload as data is the `hot-state` crate's (`state/`).

mod build;
mod panic;

pub use build::{Build, fingerprint};
pub use panic::catch_panic;

#[cfg(feature = "host")]
pub mod host;
