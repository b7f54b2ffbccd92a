//! The game: its systems. `just dev` rebuilds this library when you save, and the running game runs the
//! new systems from its next frame, with the World kept: every entity, component and resource stays as it
//! was. Change a constant, a system's body or its parameters, add or remove systems: all of it reloads.
//! Components and resources live in `contract/` (changing those restarts the game).

pub mod exports;

use bevy::prelude::*;
use contract::{Orbit, Player, Walked};

/// Try it: change these and save.
pub const BACKGROUND: Color = Color::srgb_u8(0x1a, 0x1f, 0x2e);
pub const PLAYER_SPEED: f32 = 300.0;
pub const PLAYER_SIZE: f32 = 64.0;
pub const ORB_COLOR: Color = Color::srgb_u8(0xf7, 0xc8, 0x4a);

/// Systems that run once, when the game starts (a reload does not run them again).
pub fn startup(schedule: &mut Schedule) {
    schedule.add_systems(spawn_scene);
}

/// Systems that run every frame. A system added here while the game runs starts with the next reload.
pub fn update(schedule: &mut Schedule) {
    schedule.add_systems((move_player, orbit, paint));
}

/// Images load from `assets/`; save over one while the game runs and it reloads.
fn spawn_scene(mut commands: Commands, assets: Res<AssetServer>) {
    commands.init_resource::<Walked>();
    commands.spawn(Camera2d);
    let image = assets.load("player.png");
    commands.spawn((Player, Sprite { image, custom_size: Some(Vec2::splat(PLAYER_SIZE)), ..default() }));
    for (radius, speed) in [(120.0, 0.10), (180.0, -0.07), (240.0, 0.05)] {
        commands.spawn((
            Orbit { radius, speed, angle: 0.0 },
            Sprite::from_color(ORB_COLOR, Vec2::splat(20.0)),
            Transform::from_xyz(radius, 0.0, -1.0),
        ));
    }
}

/// Arrow keys or WASD move the player; `Walked` adds up how far.
fn move_player(
    keys: Res<ButtonInput<KeyCode>>,
    time: Res<Time>,
    mut walked: ResMut<Walked>,
    mut player: Single<&mut Transform, With<Player>>,
) {
    let pressed = |keys_for: [KeyCode; 2]| keys.any_pressed(keys_for);
    let mut direction = Vec2::ZERO;
    if pressed([KeyCode::ArrowLeft, KeyCode::KeyA]) {
        direction.x -= 1.0;
    }
    if pressed([KeyCode::ArrowRight, KeyCode::KeyD]) {
        direction.x += 1.0;
    }
    if pressed([KeyCode::ArrowUp, KeyCode::KeyW]) {
        direction.y += 1.0;
    }
    if pressed([KeyCode::ArrowDown, KeyCode::KeyS]) {
        direction.y -= 1.0;
    }
    let step = direction.normalize_or_zero() * PLAYER_SPEED * time.delta_secs();
    player.translation += step.extend(0.0);
    walked.0 += step.length();
}

fn orbit(time: Res<Time>, mut orbs: Query<(&mut Orbit, &mut Transform)>) {
    for (mut orb, mut transform) in &mut orbs {
        orb.angle += orb.speed * std::f32::consts::TAU * time.delta_secs();
        transform.translation = (Vec2::from_angle(orb.angle) * orb.radius).extend(-1.0);
    }
}

/// The colours come from the constants every frame, so a saved change shows at once (`spawn_scene` ran
/// only when the game started).
fn paint(mut clear: ResMut<ClearColor>, mut orbs: Query<&mut Sprite, With<Orbit>>) {
    clear.0 = BACKGROUND;
    for mut orb in &mut orbs {
        orb.color = ORB_COLOR;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_arrow_keys_move_the_player_and_walked_adds_it_up() {
        let mut world = World::new();
        world.init_resource::<Walked>();
        world.init_resource::<ClearColor>();
        world.init_resource::<ButtonInput<KeyCode>>();
        world.resource_mut::<ButtonInput<KeyCode>>().press(KeyCode::ArrowRight);
        let mut time = Time::<()>::default();
        time.advance_by(std::time::Duration::from_millis(100));
        world.insert_resource(time);
        world.spawn((Player, Transform::default()));

        let mut schedule = Schedule::default();
        update(&mut schedule);
        schedule.run(&mut world);

        let x = world.query_filtered::<&Transform, With<Player>>().single(&world).unwrap().translation.x;
        assert!((x - PLAYER_SPEED * 0.1).abs() < 1e-3, "{x}");
        assert!((world.resource::<Walked>().0 - PLAYER_SPEED * 0.1).abs() < 1e-3);
        assert_eq!(world.resource::<ClearColor>().0, BACKGROUND);
    }
}
