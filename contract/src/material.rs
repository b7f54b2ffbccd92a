//! Materials: macroquad's custom shaders. `load_material` hands the shaders and their settings to the
//! binary, which compiles them; `gl_use_material` draws what follows with one, and `set_uniform` and
//! `set_texture` feed it. All recorded in order with the drawing, as macroquad does them.
//!
//! A shader read from an asset file with `load_string` (or `load_file`) reloads when that file is saved,
//! like a texture: the running game compiles it again and draws with it from the next frame. If it does
//! not compile, the window says why (the GL compiler's message, and the file) and the game goes on with
//! the last shader that did, until a save fixes it. (Shader text written in the game's code reloads with
//! a new material: `load_material` in `State::default` runs once, so keep shaders you edit in files.)
//!
//! The types here are plain data: they live in `State` and cross to the binary as they are.

use serde::{Deserialize, Serialize};

use crate::boundary::{AssetKind, AssetSource, DrawCommand, ShaderText};
use crate::context::{draw, with};
use crate::math::{Mat4, Vec2, Vec3, Vec4};
use crate::resources::Keep;
use crate::texture::Texture2D;

/// A material the game loaded. Plain data, like a texture: keep it in `State` (it crosses a reload with
/// its shaders), clone it freely; the binary frees it when the last clone is gone.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Material {
    keep: Keep,
}

/// Shader sources, as macroquad takes them. Only GLSL draws here (the binary is OpenGL); `Msl` is
/// accepted and draws with the default material.
#[derive(Clone, Copy, Debug)]
pub enum ShaderSource<'a> {
    Glsl { vertex: &'a str, fragment: &'a str },
    Msl { program: &'a str },
}

/// What macroquad's `load_material` takes besides the shaders.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MaterialParams {
    /// Blending, culling, depth test.
    pub pipeline_params: PipelineParams,
    /// The shaders' own uniforms, set with `set_uniform`.
    pub uniforms: Vec<UniformDesc>,
    /// The shaders' own textures, set with `set_texture`.
    pub textures: Vec<String>,
}

/// miniquad's pipeline settings, as macroquad takes them (without a stencil test).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PipelineParams {
    pub cull_face: CullFace,
    pub front_face_order: FrontFaceOrder,
    pub depth_test: Comparison,
    pub depth_write: bool,
    pub depth_write_offset: Option<(f32, f32)>,
    /// Colour (RGB) blending; `None`: no blending.
    pub color_blend: Option<BlendState>,
    /// Alpha blending; `None`: as the colour.
    pub alpha_blend: Option<BlendState>,
    pub color_write: (bool, bool, bool, bool),
    pub primitive_type: PrimitiveType,
}

impl Default for PipelineParams {
    fn default() -> PipelineParams {
        PipelineParams {
            cull_face: CullFace::Nothing,
            front_face_order: FrontFaceOrder::CounterClockwise,
            depth_test: Comparison::Always,
            depth_write: false,
            depth_write_offset: None,
            color_blend: None,
            alpha_blend: None,
            color_write: (true, true, true, true),
            primitive_type: PrimitiveType::Triangles,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlendState {
    pub equation: Equation,
    pub sfactor: BlendFactor,
    pub dfactor: BlendFactor,
}

impl BlendState {
    pub fn new(equation: Equation, sfactor: BlendFactor, dfactor: BlendFactor) -> BlendState {
        BlendState { equation, sfactor, dfactor }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Equation {
    #[default]
    Add,
    Subtract,
    ReverseSubtract,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BlendValue {
    SourceColor,
    SourceAlpha,
    DestinationColor,
    DestinationAlpha,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BlendFactor {
    Zero,
    One,
    Value(BlendValue),
    OneMinusValue(BlendValue),
    SourceAlphaSaturate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CullFace {
    Nothing,
    Front,
    Back,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FrontFaceOrder {
    Clockwise,
    CounterClockwise,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Comparison {
    Never,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
    Always,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PrimitiveType {
    Triangles,
    Lines,
    Points,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum UniformType {
    Float1,
    Float2,
    Float3,
    Float4,
    Int1,
    Int2,
    Int3,
    Int4,
    Mat4,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UniformDesc {
    pub name: String,
    pub uniform_type: UniformType,
    pub array_count: usize,
}

impl UniformDesc {
    pub fn new(name: &str, uniform_type: UniformType) -> UniformDesc {
        UniformDesc { name: name.to_string(), uniform_type, array_count: 1 }
    }

    pub fn array(self, array_count: usize) -> UniformDesc {
        UniformDesc { array_count, ..self }
    }
}

/// A value `set_uniform` takes: its bytes go to the shader as they are, as in macroquad (which copies
/// any value of the uniform's size). These types have no padding.
pub trait UniformValue: Copy {
    fn bytes(&self) -> Vec<u8>;
}

macro_rules! uniform_values {
    ($($t:ty),*) => {$(
        impl UniformValue for $t {
            fn bytes(&self) -> Vec<u8> {
                // SAFETY: a plain value of floats or integers, without padding, read as its bytes.
                unsafe { std::slice::from_raw_parts(self as *const $t as *const u8, size_of::<$t>()) }.to_vec()
            }
        }
    )*};
}
uniform_values!(f32, i32, u32, (f32, f32), (f32, f32, f32), (f32, f32, f32, f32), Vec2, Vec3, Vec4, Mat4);
uniform_values!([f32; 2], [f32; 3], [f32; 4], [i32; 2], [i32; 3], [i32; 4], [f32; 16]);
uniform_values!(crate::color::Color);

/// Compiles `shader` with `params` (in the binary). Unlike macroquad's, it cannot know yet whether the
/// shaders compile: it is always `Ok`, and a shader that does not compile is shown in the window's banner
/// with the compiler's message, while whatever uses the material draws with the default one.
pub fn load_material(shader: ShaderSource, params: MaterialParams) -> Result<Material, crate::Error> {
    let (vertex, fragment) = match shader {
        ShaderSource::Glsl { vertex, fragment } => (vertex, fragment),
        ShaderSource::Msl { .. } => ("", ""),
    };
    let source = with(|context| AssetSource::Material {
        vertex: ShaderText { path: context.assets.file_with_contents(vertex), text: vertex.to_string() },
        fragment: ShaderText { path: context.assets.file_with_contents(fragment), text: fragment.to_string() },
        params: params.pipeline_params,
        uniforms: params.uniforms,
        textures: params.textures,
    });
    Ok(Material { keep: Keep::new(AssetKind::Material, source) })
}

impl Material {
    pub(crate) fn id(&self) -> u64 {
        self.keep.id()
    }

    /// Sets a uniform for what is drawn from now on (one of `MaterialParams::uniforms`).
    pub fn set_uniform<T: UniformValue>(&self, name: &str, uniform: T) {
        let (material, name, bytes) = (self.id(), name.to_string(), uniform.bytes());
        draw(DrawCommand::SetUniform { material, name, bytes, array: false });
    }

    /// Sets an array uniform (`UniformDesc::array`) from a slice.
    pub fn set_uniform_array<T: UniformValue>(&self, name: &str, uniform: &[T]) {
        let bytes = uniform.iter().flat_map(UniformValue::bytes).collect();
        draw(DrawCommand::SetUniform { material: self.id(), name: name.to_string(), bytes, array: true });
    }

    /// Sets one of the material's own textures (one of `MaterialParams::textures`).
    pub fn set_texture(&self, name: &str, texture: Texture2D) {
        draw(DrawCommand::SetMaterialTexture { material: self.id(), name: name.to_string(), texture: texture.id() });
    }
}

/// Draws what follows with `material`, until `gl_use_default_material` (it stays in use across frames).
pub fn gl_use_material(material: &Material) {
    draw(DrawCommand::UseMaterial(material.id()));
}

pub fn gl_use_default_material() {
    draw(DrawCommand::UseDefaultMaterial);
}
