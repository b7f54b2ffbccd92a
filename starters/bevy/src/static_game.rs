//! The game linked into the binary: its systems go straight into Bevy's own schedules. No reloading.

use bevy::prelude::*;

pub struct StaticGame;

impl Plugin for StaticGame {
    fn build(&self, app: &mut App) {
        app.edit_schedule(Startup, game::exports::add_startup_systems);
        app.edit_schedule(Update, game::exports::add_update_systems);
    }
}
