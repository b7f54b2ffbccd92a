//! The game's materials, compiled with macroquad: from the shaders' text, or, when the game read a
//! shader from an asset file, from that file again each time it is saved. A shader that does not compile
//! keeps the last one that did (the window's banner shows the GL compiler's message and the file), and
//! the next good save heals it.

use contract::boundary::ShaderText;
use contract::material as ours;
use macroquad::material::{Material, MaterialParams, load_material};
use macroquad::miniquad::{self as mq, ShaderSource, UniformDesc};

/// A material as the game asked for it, and the one macroquad compiled last.
pub struct GameMaterial {
    pub compiled: Option<Material>,
    vertex: ShaderText,
    fragment: ShaderText,
    params: ours::PipelineParams,
    uniforms: Vec<ours::UniformDesc>,
    textures: Vec<String>,
}

impl GameMaterial {
    pub fn new(
        vertex: ShaderText,
        fragment: ShaderText,
        params: ours::PipelineParams,
        uniforms: Vec<ours::UniformDesc>,
        textures: Vec<String>,
    ) -> GameMaterial {
        GameMaterial { compiled: None, vertex, fragment, params, uniforms, textures }
    }

    /// The shader files this material was read from, which reload it when saved.
    pub fn files(&self) -> impl Iterator<Item = &str> {
        [&self.vertex, &self.fragment].into_iter().filter_map(|shader| shader.path.as_deref())
    }

    /// Compiles the shaders, reading each that came from a file from that file as it is now. On failure
    /// the last compiled material stays, and the message says what went wrong where.
    pub fn compile(&mut self) -> Result<(), String> {
        let text = |shader: &ShaderText| match &shader.path {
            Some(path) => std::fs::read_to_string(path).map_err(|error| format!("{path}: {error}")),
            None => Ok(shader.text.clone()),
        };
        let (vertex, fragment) = (text(&self.vertex)?, text(&self.fragment)?);
        let params = MaterialParams {
            pipeline_params: pipeline(self.params),
            uniforms: self.uniforms.iter().map(uniform).collect(),
            textures: self.textures.clone(),
        };
        let compiled = load_material(ShaderSource::Glsl { vertex: &vertex, fragment: &fragment }, params);
        let material = compiled.map_err(|error| {
            let files: Vec<&str> = self.files().collect();
            let files = if files.is_empty() { "the game's code".to_string() } else { files.join(", ") };
            format!("shader from {files} does not compile: {}", shader_error(error))
        })?;
        self.compiled = Some(material);
        Ok(())
    }

    /// Sets a uniform from the bytes of the value the game passed, as macroquad copies any value of the
    /// uniform's size.
    pub fn set_uniform(&self, name: &str, bytes: &[u8], array: bool) {
        let Some(material) = &self.compiled else { return };
        if array {
            let floats: Vec<f32> =
                bytes.chunks_exact(4).map(|b| f32::from_ne_bytes([b[0], b[1], b[2], b[3]])).collect();
            return material.set_uniform_array(name, &floats);
        }
        match bytes.len() {
            4 => material.set_uniform(name, <[u8; 4]>::try_from(bytes).unwrap_or_default()),
            8 => material.set_uniform(name, <[u8; 8]>::try_from(bytes).unwrap_or_default()),
            12 => material.set_uniform(name, <[u8; 12]>::try_from(bytes).unwrap_or_default()),
            16 => material.set_uniform(name, <[u8; 16]>::try_from(bytes).unwrap_or_default()),
            64 => material.set_uniform(name, <[u8; 64]>::try_from(bytes).unwrap_or([0; 64])),
            size => eprintln!("[assets] uniform {name}: no uniform is {size} bytes"),
        }
    }

    /// Sets one of the material's own textures (a name it was not made with is said, not a crash).
    pub fn set_texture(&self, name: &str, texture: &macroquad::texture::Texture2D) {
        let Some(material) = &self.compiled else { return };
        if self.textures.iter().any(|known| known == name) {
            material.set_texture(name, texture.clone());
        } else {
            eprintln!("[assets] material texture {name}: not one of the material's textures {:?}", self.textures);
        }
    }
}

fn shader_error(error: macroquad::Error) -> String {
    match error {
        macroquad::Error::ShaderError(mq::ShaderError::CompilationError { error_message, .. }) => error_message,
        macroquad::Error::ShaderError(mq::ShaderError::LinkError(message)) => message,
        other => format!("{other:?}"),
    }
}

fn uniform(desc: &ours::UniformDesc) -> UniformDesc {
    use ours::UniformType as T;
    let kind = match desc.uniform_type {
        T::Float1 => mq::UniformType::Float1,
        T::Float2 => mq::UniformType::Float2,
        T::Float3 => mq::UniformType::Float3,
        T::Float4 => mq::UniformType::Float4,
        T::Int1 => mq::UniformType::Int1,
        T::Int2 => mq::UniformType::Int2,
        T::Int3 => mq::UniformType::Int3,
        T::Int4 => mq::UniformType::Int4,
        T::Mat4 => mq::UniformType::Mat4,
    };
    UniformDesc::new(&desc.name, kind).array(desc.array_count)
}

fn pipeline(params: ours::PipelineParams) -> mq::PipelineParams {
    mq::PipelineParams {
        cull_face: match params.cull_face {
            ours::CullFace::Nothing => mq::CullFace::Nothing,
            ours::CullFace::Front => mq::CullFace::Front,
            ours::CullFace::Back => mq::CullFace::Back,
        },
        front_face_order: match params.front_face_order {
            ours::FrontFaceOrder::Clockwise => mq::FrontFaceOrder::Clockwise,
            ours::FrontFaceOrder::CounterClockwise => mq::FrontFaceOrder::CounterClockwise,
        },
        depth_test: comparison(params.depth_test),
        depth_write: params.depth_write,
        depth_write_offset: params.depth_write_offset,
        color_blend: params.color_blend.map(blend),
        alpha_blend: params.alpha_blend.map(blend),
        stencil_test: None,
        color_write: params.color_write,
        primitive_type: match params.primitive_type {
            ours::PrimitiveType::Triangles => mq::PrimitiveType::Triangles,
            ours::PrimitiveType::Lines => mq::PrimitiveType::Lines,
            ours::PrimitiveType::Points => mq::PrimitiveType::Points,
        },
    }
}

fn comparison(comparison: ours::Comparison) -> mq::Comparison {
    use ours::Comparison as C;
    match comparison {
        C::Never => mq::Comparison::Never,
        C::Less => mq::Comparison::Less,
        C::LessOrEqual => mq::Comparison::LessOrEqual,
        C::Greater => mq::Comparison::Greater,
        C::GreaterOrEqual => mq::Comparison::GreaterOrEqual,
        C::Equal => mq::Comparison::Equal,
        C::NotEqual => mq::Comparison::NotEqual,
        C::Always => mq::Comparison::Always,
    }
}

fn blend(state: ours::BlendState) -> mq::BlendState {
    let equation = match state.equation {
        ours::Equation::Add => mq::Equation::Add,
        ours::Equation::Subtract => mq::Equation::Subtract,
        ours::Equation::ReverseSubtract => mq::Equation::ReverseSubtract,
    };
    mq::BlendState::new(equation, factor(state.sfactor), factor(state.dfactor))
}

fn factor(factor: ours::BlendFactor) -> mq::BlendFactor {
    let value = |value: ours::BlendValue| match value {
        ours::BlendValue::SourceColor => mq::BlendValue::SourceColor,
        ours::BlendValue::SourceAlpha => mq::BlendValue::SourceAlpha,
        ours::BlendValue::DestinationColor => mq::BlendValue::DestinationColor,
        ours::BlendValue::DestinationAlpha => mq::BlendValue::DestinationAlpha,
    };
    match factor {
        ours::BlendFactor::Zero => mq::BlendFactor::Zero,
        ours::BlendFactor::One => mq::BlendFactor::One,
        ours::BlendFactor::Value(v) => mq::BlendFactor::Value(value(v)),
        ours::BlendFactor::OneMinusValue(v) => mq::BlendFactor::OneMinusValue(value(v)),
        ours::BlendFactor::SourceAlphaSaturate => mq::BlendFactor::SourceAlphaSaturate,
    }
}
