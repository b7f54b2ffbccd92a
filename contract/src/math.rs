//! macroquad's math: glam's types (`Vec2`, `vec2`, `Mat4`...) and `Rect`.

pub use glam::*;
use serde::{Deserialize, Serialize};

/// A rectangle: top-left corner `x`, `y`, width `w` to the right, height `h` downwards.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub const fn new(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect { x, y, w, h }
    }
    pub const fn point(&self) -> Vec2 {
        vec2(self.x, self.y)
    }
    pub const fn size(&self) -> Vec2 {
        vec2(self.w, self.h)
    }
    pub const fn center(&self) -> Vec2 {
        vec2(self.x + self.w * 0.5, self.y + self.h * 0.5)
    }
    pub const fn left(&self) -> f32 {
        self.x
    }
    pub const fn right(&self) -> f32 {
        self.x + self.w
    }
    pub const fn top(&self) -> f32 {
        self.y
    }
    pub const fn bottom(&self) -> f32 {
        self.y + self.h
    }
    pub const fn move_to(&mut self, destination: Vec2) {
        self.x = destination.x;
        self.y = destination.y;
    }
    pub const fn scale(&mut self, sx: f32, sy: f32) {
        self.w *= sx;
        self.h *= sy;
    }
    pub const fn contains(&self, point: Vec2) -> bool {
        point.x >= self.left() && point.x <= self.right() && point.y <= self.bottom() && point.y >= self.top()
    }
    pub const fn overlaps(&self, other: &Rect) -> bool {
        self.left() <= other.right()
            && self.right() >= other.left()
            && self.top() <= other.bottom()
            && self.bottom() >= other.top()
    }
    pub const fn combine_with(self, other: Rect) -> Rect {
        let x = f32::min(self.x, other.x);
        let y = f32::min(self.y, other.y);
        Rect { x, y, w: f32::max(self.right(), other.right()) - x, h: f32::max(self.bottom(), other.bottom()) - y }
    }
    pub const fn intersect(&self, other: Rect) -> Option<Rect> {
        let (left, top) = (self.x.max(other.x), self.y.max(other.y));
        let (right, bottom) = (self.right().min(other.right()), self.bottom().min(other.bottom()));
        if right < left || bottom < top {
            return None;
        }
        Some(Rect { x: left, y: top, w: right - left, h: bottom - top })
    }
    pub const fn offset(self, offset: Vec2) -> Rect {
        Rect::new(self.x + offset.x, self.y + offset.y, self.w, self.h)
    }
    /// The same rectangle with a width and height that are not negative.
    pub fn normalized(&self) -> Rect {
        Rect { x: self.x.min(self.x + self.w), y: self.y.min(self.y + self.h), w: self.w.abs(), h: self.h.abs() }
    }
}

/// `value`, kept within `min..=max`.
/// Space around a rectangle's inside, per side (macroquad's UI styles and nine-slice sprites use it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RectOffset {
    pub left: f32,
    pub right: f32,
    pub bottom: f32,
    pub top: f32,
}

impl RectOffset {
    pub const fn new(left: f32, right: f32, top: f32, bottom: f32) -> RectOffset {
        RectOffset { left, right, bottom, top }
    }
}

pub fn clamp<T: PartialOrd>(value: T, min: T, max: T) -> T {
    if value < min {
        min
    } else if value > max {
        max
    } else {
        value
    }
}

/// Converts 2d polar coordinates to 2d cartesian coordinates.
pub fn polar_to_cartesian(rho: f32, theta: f32) -> Vec2 {
    vec2(rho * theta.cos(), rho * theta.sin())
}

/// Converts 2d cartesian coordinates to 2d polar coordinates.
pub fn cartesian_to_polar(cartesian: Vec2) -> Vec2 {
    vec2((cartesian.x.powi(2) + cartesian.y.powi(2)).sqrt(), cartesian.y.atan2(cartesian.x))
}
