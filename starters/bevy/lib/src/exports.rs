//! The functions the binary calls. In hot builds (feature `reload`) they are exported under their plain
//! names, and the binary looks them up again in every new build of the library. Their signatures are part
//! of the contract with the running binary, like the `contract` crate: change one, and the binary rebuilds
//! itself and restarts.
//!
//! The library adds its systems to schedules the binary owns: after a reload the binary asks the new build
//! for its systems again, so systems can change their parameters, come and go while the game runs.

use bevy::prelude::Schedule;
use hot::Build;

/// Which project and contract this build belongs to: the binary asks before it calls anything else.
#[cfg_attr(feature = "reload", unsafe(no_mangle))]
pub fn build() -> Build {
    Build::new(env!("CARGO_MANIFEST_DIR"), contract::fingerprint(include_str!("exports.rs")))
}

/// Adds the systems that run once, when the game starts.
#[cfg_attr(feature = "reload", unsafe(no_mangle))]
pub fn add_startup_systems(schedule: &mut Schedule) {
    crate::startup(schedule);
}

/// Adds the systems that run every frame, to a new schedule after every reload.
#[cfg_attr(feature = "reload", unsafe(no_mangle))]
pub fn add_update_systems(schedule: &mut Schedule) {
    crate::update(schedule);
}
