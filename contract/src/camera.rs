//! macroquad's cameras: `Camera2D` and `Camera3D` (either can draw into a render target), `set_camera`
//! for the world, `set_default_camera` for screen pixels (often both in one frame), and conversions
//! between screen and world. A camera stays set until the next call, across frames, as in macroquad.
//!
//! What crosses to the binary is what macroquad's `set_camera` takes from any camera: its matrix, its
//! render target, its viewport, and whether it tests depth (`CameraSetting`). A camera of your own that
//! implements [`Camera`] works the same way.

use serde::{Deserialize, Serialize};

use crate::boundary::{CameraSetting, DrawCommand};
use crate::context::{draw, input, with};
use crate::math::{Mat4, Rect, Vec2, Vec3, vec2, vec3};
use crate::texture::{RenderPass, RenderTarget};

/// What `set_camera` takes, as macroquad's trait.
pub trait Camera {
    fn matrix(&self) -> Mat4;
    fn depth_enabled(&self) -> bool;
    fn render_pass(&self) -> Option<RenderPass>;
    fn viewport(&self) -> Option<(i32, i32, i32, i32)>;
}

/// A camera kept in the game's `State` and taken by `let State { camera, .. } = state;` is a `&mut`:
/// `set_camera(&camera)` works on it as on the camera itself, so a ported loop body stays as it was.
impl<C: Camera + ?Sized> Camera for &mut C {
    fn matrix(&self) -> Mat4 {
        (**self).matrix()
    }
    fn depth_enabled(&self) -> bool {
        (**self).depth_enabled()
    }
    fn render_pass(&self) -> Option<RenderPass> {
        (**self).render_pass()
    }
    fn viewport(&self) -> Option<(i32, i32, i32, i32)> {
        (**self).viewport()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Camera2D {
    /// In degrees.
    pub rotation: f32,
    /// Scaling; (1.0, 1.0) by default.
    pub zoom: Vec2,
    /// The world point rotation and zoom are around.
    pub target: Vec2,
    /// Displacement from target.
    pub offset: Vec2,
    /// Draws into this texture instead of the screen.
    pub render_target: Option<RenderTarget>,
    /// The part of the screen to draw to (x, y, width, height in pixels, from the bottom left);
    /// the whole screen if `None`.
    pub viewport: Option<(i32, i32, i32, i32)>,
}

impl Default for Camera2D {
    fn default() -> Camera2D {
        Camera2D {
            zoom: vec2(1., 1.),
            offset: vec2(0., 0.),
            target: vec2(0., 0.),
            rotation: 0.,
            render_target: None,
            viewport: None,
        }
    }
}

impl Camera2D {
    /// A camera whose view is `rect` of the world.
    pub fn from_display_rect(rect: Rect) -> Camera2D {
        let target = vec2(rect.x + rect.w / 2., rect.y + rect.h / 2.);
        Camera2D { target, zoom: vec2(1. / rect.w * 2., -1. / rect.h * 2.), ..Camera2D::default() }
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

impl Camera for Camera2D {
    /// World to clip space, as macroquad's: move by -target, rotate and scale (y flipped for the screen,
    /// not for a render target), then move by offset.
    fn matrix(&self) -> Mat4 {
        let origin = Mat4::from_translation(vec3(-self.target.x, -self.target.y, 0.0));
        let rotation = Mat4::from_axis_angle(vec3(0.0, 0.0, 1.0), self.rotation.to_radians());
        let invert_y = if self.render_target.is_some() { 1.0 } else { -1.0 };
        let scale = Mat4::from_scale(vec3(self.zoom.x, self.zoom.y * invert_y, 1.0));
        let translation = Mat4::from_translation(vec3(self.offset.x, self.offset.y, 0.0));
        translation * ((scale * rotation) * origin)
    }

    fn depth_enabled(&self) -> bool {
        false
    }

    fn render_pass(&self) -> Option<RenderPass> {
        self.render_target.as_ref().map(|target| target.render_pass.clone())
    }

    fn viewport(&self) -> Option<(i32, i32, i32, i32)> {
        self.viewport
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Projection {
    Perspective,
    Orthographics,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Camera3D {
    pub position: Vec3,
    pub target: Vec3,
    pub up: Vec3,
    /// The vertical field of view, in radians; for `Orthographics`, the view's height in world units.
    pub fovy: f32,
    /// Width over height; the screen's (or the render target's) if `None`.
    pub aspect: Option<f32>,
    pub projection: Projection,
    pub render_target: Option<RenderTarget>,
    pub viewport: Option<(i32, i32, i32, i32)>,
    pub z_near: f32,
    pub z_far: f32,
}

impl Default for Camera3D {
    fn default() -> Camera3D {
        Camera3D {
            position: vec3(0., -10., 0.),
            target: vec3(0., 0., 0.),
            aspect: None,
            up: vec3(0., 0., 1.),
            fovy: 45.0_f32.to_radians(),
            projection: Projection::Perspective,
            render_target: None,
            viewport: None,
            z_near: 0.01,
            z_far: 10000.0,
        }
    }
}

impl Camera for Camera3D {
    fn matrix(&self) -> Mat4 {
        let (width, height) = match &self.render_target {
            Some(target) => (target.texture.width(), target.texture.height()),
            None => input(|input| (input.screen_width, input.screen_height)),
        };
        let aspect = self.aspect.unwrap_or(width / height);
        let view = Mat4::look_at_rh(self.position, self.target, self.up);
        match self.projection {
            Projection::Perspective => Mat4::perspective_rh_gl(self.fovy, aspect, self.z_near, self.z_far) * view,
            Projection::Orthographics => {
                let top = self.fovy / 2.0;
                let right = top * aspect;
                Mat4::orthographic_rh_gl(-right, right, -top, top, self.z_near, self.z_far) * view
            }
        }
    }

    fn depth_enabled(&self) -> bool {
        true
    }

    fn render_pass(&self) -> Option<RenderPass> {
        self.render_target.as_ref().map(|target| target.render_pass.clone())
    }

    fn viewport(&self) -> Option<(i32, i32, i32, i32)> {
        self.viewport
    }
}

/// Draws what follows through `camera`, until the next `set_camera` or `set_default_camera` (in this
/// frame or a later one).
pub fn set_camera(camera: &dyn Camera) {
    let setting = CameraSetting {
        matrix: camera.matrix(),
        render_target: camera.render_pass().map(|pass| pass.color_texture.id()),
        viewport: camera.viewport(),
        depth_test: camera.depth_enabled(),
    };
    with(|context| context.camera = Some(setting));
    draw(DrawCommand::SetCamera(setting));
}

/// Back to screen pixels, origin top left.
pub fn set_default_camera() {
    with(|context| context.camera = None);
    draw(DrawCommand::SetDefaultCamera);
}

/// Keeps the camera in force, for `pop_camera_state` to bring back.
pub fn push_camera_state() {
    with(|context| {
        let camera = context.camera;
        context.camera_stack.push(camera);
    });
    draw(DrawCommand::PushCameraState);
}

pub fn pop_camera_state() {
    with(|context| {
        if let Some(camera) = context.camera_stack.pop() {
            context.camera = camera;
        }
    });
    draw(DrawCommand::PopCameraState);
}

/// The matrix the API draws through now, as macroquad's context keeps it: the camera's, or the screen's
/// (pixels, origin top left).
pub(crate) fn projection_matrix() -> Mat4 {
    with(|context| context.camera.map(|camera| camera.matrix)).unwrap_or_else(|| {
        let (width, height) = input(|input| (input.screen_width, input.screen_height));
        Mat4::orthographic_rh_gl(0., width, height, 0., -1., 1.)
    })
}
