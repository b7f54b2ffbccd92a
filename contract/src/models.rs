//! macroquad's 3D drawing (`models`): cubes, spheres, planes, grids, lines, cylinders and meshes of your
//! own, drawn through a `Camera3D` (see `camera.rs`), textured or not. Each is recorded with its
//! arguments, and the binary makes the same macroquad call; a mesh crosses as its vertices.

use serde::{Deserialize, Serialize};

use crate::boundary::DrawCommand;
pub use crate::boundary::Vertex;
use crate::color::Color;
use crate::context::draw;
use crate::math::{Quat, Vec2, Vec3, vec2, vec3, vec4};
use crate::texture::Texture2D;

impl Vertex {
    pub fn new(x: f32, y: f32, z: f32, u: f32, v: f32, color: Color) -> Vertex {
        Vertex::new2(vec3(x, y, z), vec2(u, v), color)
    }

    pub fn new2(position: Vec3, uv: Vec2, color: Color) -> Vertex {
        Vertex { position, uv, color: color.into(), normal: vec4(0.0, 0.0, 0.0, 0.0) }
    }
}

/// Triangles of your own: three indices into `vertices` each.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Mesh {
    pub vertices: Vec<Vertex>,
    pub indices: Vec<u16>,
    pub texture: Option<Texture2D>,
}

/// How macroquad draws a sphere's or a cylinder's triangles: filled, or as lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DrawMode {
    Triangles,
    Lines,
}

pub fn draw_mesh(mesh: &Mesh) {
    let texture = mesh.texture.as_ref().map(Texture2D::id);
    draw(DrawCommand::Mesh { vertices: mesh.vertices.clone(), indices: mesh.indices.clone(), texture });
}

pub fn draw_line_3d(start: Vec3, end: Vec3, color: Color) {
    draw(DrawCommand::Line3d { start, end, color });
}

/// A grid of `slices` lines each way, `spacing` apart, on the XZ plane through the origin.
pub fn draw_grid(slices: u32, spacing: f32, axes_color: Color, other_color: Color) {
    draw_grid_ex(slices, spacing, axes_color, other_color, vec3(0., 0., 0.), Quat::IDENTITY);
}

/// The same grid around `center`, turned by `rotation`.
pub fn draw_grid_ex(slices: u32, spacing: f32, axes_color: Color, other_color: Color, center: Vec3, rotation: Quat) {
    let half_slices = (slices as i32) / 2;
    for i in -half_slices..half_slices + 1 {
        let color = if i == 0 { axes_color } else { other_color };
        let (near, far) = (-half_slices as f32 * spacing, half_slices as f32 * spacing);
        let line = |start: Vec3, end: Vec3| {
            draw_line_3d(rotation.mul_vec3(start) + center, rotation.mul_vec3(end) + center, color)
        };
        line(vec3(i as f32 * spacing, 0., near), vec3(i as f32 * spacing, 0., far));
        line(vec3(near, 0., i as f32 * spacing), vec3(far, 0., i as f32 * spacing));
    }
}

/// A plane of half-size `size` on the XZ plane, centred on `center`.
pub fn draw_plane(center: Vec3, size: Vec2, texture: Option<&Texture2D>, color: Color) {
    draw(DrawCommand::Plane { center, size, texture: texture.map(Texture2D::id), color });
}

/// The parallelogram at `offset` with sides `e1` and `e2`.
pub fn draw_affine_parallelogram(offset: Vec3, e1: Vec3, e2: Vec3, texture: Option<&Texture2D>, color: Color) {
    draw(DrawCommand::AffineParallelogram { offset, e1, e2, texture: texture.map(Texture2D::id), color });
}

/// The parallelepiped at `offset` with edges `e1`, `e2` and `e3`: its six faces.
pub fn draw_affine_parallelepiped(
    offset: Vec3,
    e1: Vec3,
    e2: Vec3,
    e3: Vec3,
    texture: Option<&Texture2D>,
    color: Color,
) {
    draw_affine_parallelogram(offset, e1, e2, texture, color);
    draw_affine_parallelogram(offset, e1, e3, texture, color);
    draw_affine_parallelogram(offset, e2, e3, texture, color);
    draw_affine_parallelogram(offset + e1, e2, e3, texture, color);
    draw_affine_parallelogram(offset + e2, e1, e3, texture, color);
    draw_affine_parallelogram(offset + e3, e1, e2, texture, color);
}

pub fn draw_cube(position: Vec3, size: Vec3, texture: Option<&Texture2D>, color: Color) {
    draw(DrawCommand::Cube { position, size, texture: texture.map(Texture2D::id), color });
}

pub fn draw_cube_wires(position: Vec3, size: Vec3, color: Color) {
    draw(DrawCommand::CubeWires { position, size, color });
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DrawSphereParams {
    pub rings: usize,
    pub slices: usize,
    pub draw_mode: DrawMode,
}

impl Default for DrawSphereParams {
    fn default() -> DrawSphereParams {
        DrawSphereParams { rings: 16, slices: 16, draw_mode: DrawMode::Triangles }
    }
}

pub fn draw_sphere(center: Vec3, radius: f32, texture: Option<&Texture2D>, color: Color) {
    draw_sphere_ex(center, radius, texture, color, DrawSphereParams::default());
}

pub fn draw_sphere_wires(center: Vec3, radius: f32, texture: Option<&Texture2D>, color: Color) {
    draw_sphere_ex(
        center,
        radius,
        texture,
        color,
        DrawSphereParams { draw_mode: DrawMode::Lines, ..Default::default() },
    );
}

pub fn draw_sphere_ex(center: Vec3, radius: f32, texture: Option<&Texture2D>, color: Color, params: DrawSphereParams) {
    let (rings, slices, lines) = (params.rings, params.slices, params.draw_mode == DrawMode::Lines);
    draw(DrawCommand::Sphere { center, radius, texture: texture.map(Texture2D::id), color, rings, slices, lines });
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DrawCylinderParams {
    pub sides: usize,
    pub draw_mode: DrawMode,
}

impl Default for DrawCylinderParams {
    fn default() -> DrawCylinderParams {
        DrawCylinderParams { sides: 16, draw_mode: DrawMode::Triangles }
    }
}

pub fn draw_cylinder(
    position: Vec3,
    radius_top: f32,
    radius_bottom: f32,
    height: f32,
    texture: Option<&Texture2D>,
    color: Color,
) {
    draw_cylinder_ex(position, radius_top, radius_bottom, height, texture, color, DrawCylinderParams::default());
}

pub fn draw_cylinder_wires(
    position: Vec3,
    radius_top: f32,
    radius_bottom: f32,
    height: f32,
    texture: Option<&Texture2D>,
    color: Color,
) {
    let params = DrawCylinderParams { draw_mode: DrawMode::Lines, ..Default::default() };
    draw_cylinder_ex(position, radius_top, radius_bottom, height, texture, color, params);
}

pub fn draw_cylinder_ex(
    position: Vec3,
    radius_top: f32,
    radius_bottom: f32,
    height: f32,
    texture: Option<&Texture2D>,
    color: Color,
    params: DrawCylinderParams,
) {
    let texture = texture.map(Texture2D::id);
    let (sides, lines) = (params.sides, params.draw_mode == DrawMode::Lines);
    draw(DrawCommand::Cylinder { position, radius_top, radius_bottom, height, texture, color, sides, lines });
}
