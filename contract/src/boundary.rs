//! What crosses between the binary and the game every frame: [`Input`] in, [`Frame`] out.
//! Plain owned data only. Each [`DrawCommand`] is one macroquad call, with its arguments.

use crate::color::Color;
use crate::keys::{KeyCode, MouseButton};
use crate::material::{PipelineParams, UniformDesc};
use crate::math::{Mat4, Rect, Vec2, Vec3, Vec4};

/// Everything the game knows about the outside world, handed in once per frame. (Serializable, so
/// hot builds can keep a recording of play in a file.)
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Input {
    /// Seconds since the previous frame (`get_frame_time`).
    pub frame_time: f32,
    /// Seconds since the program started (`get_time`).
    pub time: f64,
    pub fps: i32,
    pub screen_width: f32,
    pub screen_height: f32,
    pub keys_down: Vec<KeyCode>,
    /// Went down since the last frame (a key pressed and released within one frame is in both lists).
    pub keys_pressed: Vec<KeyCode>,
    pub keys_released: Vec<KeyCode>,
    pub last_key_pressed: Option<KeyCode>,
    /// Characters typed since the last frame, in order.
    pub chars_typed: Vec<char>,
    pub mouse_position: Vec2,
    pub mouse_wheel: Vec2,
    pub mouse_down: Vec<MouseButton>,
    pub mouse_pressed: Vec<MouseButton>,
    pub mouse_released: Vec<MouseButton>,
    /// Asset files that changed on disk (hot builds): their paths as the game gave them.
    pub changed_assets: Vec<String>,
    /// Everything that happened since the last frame, in order, with key repeats: what a UI
    /// (egui) needs beyond the lists above.
    #[serde(default)]
    pub events: Vec<InputEvent>,
    /// Modifier keys held now.
    #[serde(default)]
    pub modifiers: Modifiers,
    /// Touches on a touch screen (on a desktop, the left mouse button, as macroquad reports it).
    #[serde(default)]
    pub touches: Vec<Touch>,
    /// The window's close button was pressed while the game prevents quitting (`prevent_quit`).
    #[serde(default)]
    pub quit_requested: bool,
    /// The camera in force as the frame begins: the one the game set last, in this frame or an earlier
    /// one (a camera stays set until changed, as in macroquad). `None`: the default screen camera.
    #[serde(default)]
    pub camera: Option<CameraSetting>,
    /// The folder the game's asset paths are in (`set_pc_assets_folder`), as it stands.
    pub assets_folder: Option<String>,
    /// Hot builds: the game's random number generator as the frame before left it
    /// ([`Frame::rand_state`]), so that a new build carries on the numbers, and a frame run again from
    /// its recorded input draws the numbers it drew the first time. `None` (plain builds): as it is.
    #[serde(default)]
    pub rand_state: Option<u64>,
    /// The font the game made the default (`set_default_font`), as it stands.
    #[serde(default)]
    pub default_font: Option<u64>,
}

/// One touch, as macroquad's `Touch`.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Touch {
    pub id: u64,
    pub phase: TouchPhase,
    /// In window pixels.
    pub position: Vec2,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TouchPhase {
    Started,
    Stationary,
    Moved,
    Ended,
    Cancelled,
}

/// One input event, as the window reported it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum InputEvent {
    /// `repeat`: the key is held and the system repeats it.
    Key {
        key: KeyCode,
        pressed: bool,
        repeat: bool,
    },
    /// A character typed (control characters too: a UI filters them).
    Char(char),
    MouseMove(Vec2),
    MouseButton {
        button: MouseButton,
        pressed: bool,
        position: Vec2,
    },
    /// Wheel notches, (x, y).
    Wheel(Vec2),
    /// The clipboard's text, read by the binary when the paste shortcut was pressed.
    Paste(String),
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Modifiers {
    pub shift: bool,
    pub ctrl: bool,
    pub alt: bool,
    /// The Windows / Command key.
    pub logo: bool,
}

/// What the game asked for in one frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Frame {
    /// Drawing, in the order the game asked for it.
    pub draw: Vec<DrawCommand>,
    pub sounds: Vec<SoundCommand>,
    /// Assets the game loaded for the first time (since the library was loaded).
    pub loads: Vec<AssetLoad>,
    /// The game asked the program to end (`order_quit`).
    pub quit: bool,
    /// Changes to the UI's textures (egui's font atlas, images), in order: applied once, when the
    /// frame arrives, before anything is drawn.
    pub gui_textures: Vec<GuiTextureChange>,
    /// Text the UI copied, for the system clipboard.
    pub copied_text: Option<String>,
    pub cursor: CursorIcon,
    /// Textures, render targets and materials the game let go of (its last handle to each was
    /// dropped): the binary frees them.
    pub frees: Vec<u64>,
    /// What the game asked of the window this frame (applied when the frame arrives).
    pub window: Vec<WindowRequest>,
    /// The game's random number generator as this frame left it, for the next frame's input.
    pub rand_state: u64,
}

/// macroquad's window calls that are not drawing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WindowRequest {
    /// `prevent_quit`: the close button sets `is_quit_requested` instead of ending the program.
    PreventQuit,
    CursorGrab(bool),
    ShowMouse(bool),
    /// `set_pc_assets_folder`: the binary hands it back each frame in [`Input::assets_folder`].
    AssetsFolder(String),
}

/// What `set_camera` sets, whatever the camera: macroquad draws through its matrix, into its render
/// target if it has one, in its viewport, with depth testing for 3D.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CameraSetting {
    pub matrix: Mat4,
    /// The render target's id.
    pub render_target: Option<u64>,
    /// x, y, width, height in pixels, from the bottom left.
    pub viewport: Option<(i32, i32, i32, i32)>,
    pub depth_test: bool,
}

/// The mouse cursor's shape.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CursorIcon {
    #[default]
    Default,
    Pointer,
    Text,
    Move,
    Crosshair,
    NotAllowed,
    Wait,
    Help,
    ResizeHorizontal,
    ResizeVertical,
    ResizeNeSw,
    ResizeNwSe,
}

/// Part of a UI (egui) drawn in one go: triangles of one texture, clipped to `clip` (in window
/// pixels). Colours are premultiplied by alpha, as egui makes them.
#[derive(Clone, Debug, PartialEq)]
pub struct GuiMesh {
    pub clip: Rect,
    pub texture: GuiTexture,
    pub vertices: Vec<GuiVertex>,
    /// Three per triangle, into `vertices`.
    pub indices: Vec<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GuiVertex {
    pub position: Vec2,
    pub uv: Vec2,
    /// Premultiplied RGBA.
    pub color: [u8; 4],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GuiTexture {
    /// One the UI made (see [`GuiTextureChange`]).
    Gui(u64),
    /// A game texture (`Texture2D`), shown in the UI.
    Game(u64),
}

#[derive(Clone, Debug, PartialEq)]
pub enum GuiTextureChange {
    /// The UI starts afresh (a new egui context): every texture it made before is gone.
    FreeAll,
    /// The whole texture (`at` is `None`), or the patch of it at `at`. Premultiplied RGBA.
    Set {
        id: u64,
        at: Option<[u32; 2]>,
        width: u32,
        height: u32,
        rgba: Vec<u8>,
        filter: FilterMode,
    },
    Free(u64),
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum FilterMode {
    #[default]
    Linear,
    Nearest,
}

/// One macroquad drawing call. Textures and fonts are ids from [`AssetLoad`].
#[derive(Clone, Debug, PartialEq)]
pub enum DrawCommand {
    ClearBackground(Color),
    Rectangle {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Color,
    },
    RectangleLines {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        thickness: f32,
        color: Color,
    },
    RectangleEx {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        offset: Vec2,
        rotation: f32,
        color: Color,
    },
    Circle {
        x: f32,
        y: f32,
        r: f32,
        color: Color,
    },
    CircleLines {
        x: f32,
        y: f32,
        r: f32,
        thickness: f32,
        color: Color,
    },
    Ellipse {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        rotation: f32,
        color: Color,
    },
    EllipseLines {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        rotation: f32,
        thickness: f32,
        color: Color,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        thickness: f32,
        color: Color,
    },
    Triangle {
        v1: Vec2,
        v2: Vec2,
        v3: Vec2,
        color: Color,
    },
    TriangleLines {
        v1: Vec2,
        v2: Vec2,
        v3: Vec2,
        thickness: f32,
        color: Color,
    },
    Poly {
        x: f32,
        y: f32,
        sides: u8,
        radius: f32,
        rotation: f32,
        color: Color,
    },
    PolyLines {
        x: f32,
        y: f32,
        sides: u8,
        radius: f32,
        rotation: f32,
        thickness: f32,
        color: Color,
    },
    Arc {
        x: f32,
        y: f32,
        sides: u8,
        radius: f32,
        rotation: f32,
        thickness: f32,
        arc: f32,
        color: Color,
    },
    Texture {
        texture: u64,
        x: f32,
        y: f32,
        color: Color,
        dest_size: Option<Vec2>,
        source: Option<Rect>,
        rotation: f32,
        flip_x: bool,
        flip_y: bool,
        pivot: Option<Vec2>,
    },
    /// `font` is `None` for macroquad's built-in font.
    Text {
        text: String,
        x: f32,
        y: f32,
        font: Option<u64>,
        font_size: u16,
        font_scale: f32,
        font_scale_aspect: f32,
        rotation: f32,
        color: Color,
    },
    SetTextureFilter {
        texture: u64,
        filter: FilterMode,
    },
    SetCamera(CameraSetting),
    SetDefaultCamera,
    PushCameraState,
    PopCameraState,
    /// New pixels for a texture (`texture.update(&image)`), or for the part of it at `x`, `y`.
    UpdateTexture {
        texture: u64,
        x: u32,
        y: u32,
        width: u16,
        height: u16,
        bytes: Vec<u8>,
    },
    UseMaterial(u64),
    UseDefaultMaterial,
    /// A uniform's value, as the bytes of the value the game passed (`set_uniform`), or of the whole array
    /// (`set_uniform_array`).
    SetUniform {
        material: u64,
        name: String,
        bytes: Vec<u8>,
        array: bool,
    },
    SetMaterialTexture {
        material: u64,
        name: String,
        texture: u64,
    },
    Line3d {
        start: Vec3,
        end: Vec3,
        color: Color,
    },
    Plane {
        center: Vec3,
        size: Vec2,
        texture: Option<u64>,
        color: Color,
    },
    AffineParallelogram {
        offset: Vec3,
        e1: Vec3,
        e2: Vec3,
        texture: Option<u64>,
        color: Color,
    },
    Cube {
        position: Vec3,
        size: Vec3,
        texture: Option<u64>,
        color: Color,
    },
    CubeWires {
        position: Vec3,
        size: Vec3,
        color: Color,
    },
    Sphere {
        center: Vec3,
        radius: f32,
        texture: Option<u64>,
        color: Color,
        rings: usize,
        slices: usize,
        lines: bool,
    },
    Cylinder {
        position: Vec3,
        radius_top: f32,
        radius_bottom: f32,
        height: f32,
        texture: Option<u64>,
        color: Color,
        sides: usize,
        lines: bool,
    },
    Mesh {
        vertices: Vec<Vertex>,
        indices: Vec<u16>,
        texture: Option<u64>,
    },
    /// `set_default_font`: drawn text without a font of its own uses it (`None`: the built-in font).
    SetDefaultFont(Option<u64>),
    /// `set_default_filter_mode`: the filter of textures made from now on.
    SetDefaultFilterMode(FilterMode),
    /// A UI (egui), drawn over what is already there.
    Gui(Vec<GuiMesh>),
}

/// A vertex of a 3D mesh, as macroquad's `Vertex`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Vertex {
    pub position: Vec3,
    pub uv: Vec2,
    pub color: [u8; 4],
    /// Passed to a material's shader as it is (macroquad's own shaders leave it alone).
    pub normal: Vec4,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SoundCommand {
    Play { sound: u64, looped: bool, volume: f32 },
    Stop { sound: u64 },
    SetVolume { sound: u64, volume: f32 },
}

/// An asset the game loaded: the binary loads it too (and, in hot builds, watches its file).
#[derive(Clone, Debug, PartialEq)]
pub struct AssetLoad {
    pub id: u64,
    pub kind: AssetKind,
    pub source: AssetSource,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssetKind {
    Texture,
    Font,
    Sound,
    RenderTarget,
    Material,
    /// Read by the game itself (`load_file`, `load_string`); the binary only watches it.
    File,
}

#[derive(Clone, Debug, PartialEq)]
pub enum AssetSource {
    /// A file, relative to the working directory as in macroquad (`just dev` runs in the project folder).
    Path(String),
    /// Bytes in a file format (`Texture2D::from_file_with_format`, `load_ttf_font_from_bytes`...).
    Bytes(Vec<u8>),
    /// Raw RGBA pixels (`Texture2D::from_rgba8`, `from_image`).
    Rgba8 { width: u16, height: u16, bytes: Vec<u8> },
    /// A render target, and its texture (its id is the target's).
    RenderTarget { width: u32, height: u32, sample_count: i32, depth: bool },
    /// A material: its shaders (each with the file it was read from, if it was) and settings.
    Material {
        vertex: ShaderText,
        fragment: ShaderText,
        params: PipelineParams,
        uniforms: Vec<UniformDesc>,
        textures: Vec<String>,
    },
}

/// A shader's text, and the asset file it came from (read with `load_string`), which the binary
/// watches: saving the file compiles the shader again, in the running game.
#[derive(Clone, Debug, PartialEq)]
pub struct ShaderText {
    pub path: Option<String>,
    pub text: String,
}
