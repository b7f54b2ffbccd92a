//! Macroquad expose all the logging macros.
//! They will use browser console, android console or just stdout depending on the platform.
//! Those macros are the recommended way to output debug traces and logs.

use contract::prelude::*;
use serde::{Deserialize, Serialize};

pub mod exports;

#[derive(Clone, Serialize, Deserialize)]
pub struct State {}

impl Default for State {
    fn default() -> Self {
        debug!("This is a debug message");
        info!("and info message");
        error!("and errors, the red ones!");
        warn!("Or warnings, the yellow ones.");
        Self {}
    }
}

pub fn frame(state: &mut State) {
    let State {} = state;
    {
        clear_background(LIGHTGRAY);

        debug!("Still alive!");
    }
}
