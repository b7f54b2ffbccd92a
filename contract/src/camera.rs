//! macroquad's 2D camera: `set_camera(&Camera2D { .. })` for the world, `set_default_camera()` for
//! screen-space drawing (often both in one frame), and conversions between screen and world.

use serde::{Deserialize, Serialize};

use crate::boundary::{Camera, DrawCommand};
use crate::context::{draw, input, with};
use crate::math::{Mat4, Rect, Vec2, vec2, vec3};

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Camera2D {
    /// In degrees.
    pub rotation: f32,
    /// Scaling; (1.0, 1.0) by default.
    pub zoom: Vec2,
    /// The world point rotation and zoom are around.
    pub target: Vec2,
    /// Displacement from target.
    pub offset: Vec2,
    /// The part of the screen to draw to (x, y, width, height in pixels, from the bottom left);
    /// the whole screen if `None`.
    pub viewport: Option<(i32, i32, i32, i32)>,
}

impl Default for Camera2D {
    fn default() -> Camera2D {
        Camera2D { zoom: vec2(1., 1.), offset: vec2(0., 0.), target: vec2(0., 0.), rotation: 0., viewport: None }
    }
}

impl Camera2D {
    /// A camera whose view is `rect` of the world.
    pub fn from_display_rect(rect: Rect) -> Camera2D {
        let target = vec2(rect.x + rect.w / 2., rect.y + rect.h / 2.);
        Camera2D {
            target,
            zoom: vec2(1. / rect.w * 2., -1. / rect.h * 2.),
            offset: vec2(0., 0.),
            rotation: 0.,
            viewport: None,
        }
    }

    /// World to clip space, as macroquad's `Camera2D::matrix`: move by -target, rotate and scale
    /// (y flipped, as for the screen), then move by offset.
    pub fn matrix(&self) -> Mat4 {
        let origin = Mat4::from_translation(vec3(-self.target.x, -self.target.y, 0.0));
        let rotation = Mat4::from_axis_angle(vec3(0.0, 0.0, 1.0), self.rotation.to_radians());
        let scale = Mat4::from_scale(vec3(self.zoom.x, -self.zoom.y, 1.0));
        let translation = Mat4::from_translation(vec3(self.offset.x, self.offset.y, 0.0));
        translation * ((scale * rotation) * origin)
    }

    /// Where the world point `point` is on the screen, in pixels.
    pub fn world_to_screen(&self, point: Vec2) -> Vec2 {
        let dims = self.screen_rect();
        let transform = self.matrix().transform_point3(vec3(point.x, point.y, 0.));
        vec2((transform.x / 2. + 0.5) * dims.w + dims.x, (0.5 - transform.y / 2.) * dims.h + dims.y)
    }

    /// The world point under the screen pixel `point` (the mouse position, say).
    pub fn screen_to_world(&self, point: Vec2) -> Vec2 {
        let dims = self.screen_rect();
        let point = vec2((point.x - dims.x) / dims.w * 2. - 1., 1. - (point.y - dims.y) / dims.h * 2.);
        let transform = self.matrix().inverse().transform_point3(vec3(point.x, point.y, 0.));
        vec2(transform.x, transform.y)
    }

    fn screen_rect(&self) -> Rect {
        let (width, height) = input(|input| (input.screen_width, input.screen_height));
        match self.viewport {
            Some((vx, vy, vw, vh)) => Rect::new(vx as f32, height - (vy + vh) as f32, vw as f32, vh as f32),
            None => Rect::new(0.0, 0.0, width, height),
        }
    }
}

/// Draws what follows through `camera`, until the next `set_camera` or `set_default_camera`.
pub fn set_camera(camera: &Camera2D) {
    let Camera2D { rotation, zoom, target, offset, viewport } = *camera;
    let camera = Camera { rotation, zoom, target, offset, viewport };
    with(|context| context.camera = Some(camera));
    draw(DrawCommand::SetCamera(camera));
}

/// Back to screen pixels, origin top left.
pub fn set_default_camera() {
    with(|context| context.camera = None);
    draw(DrawCommand::SetDefaultCamera);
}
