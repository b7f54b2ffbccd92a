/// `just bench`'s canvas scene, the same in both versions: a 320x180 canvas (a render target) with
/// 2,000 sprites drawn into it, then drawn to the window, scaled, through a material (a shader with a
/// uniform that changes every frame), as games with pixel-art canvases and post-processing do.
const CANVAS: (u32, u32) = (320, 180);
const CANVAS_SPRITES: usize = 2_000;

/// Where sprite `i` is on the canvas in frame `frame`, and its tint.
fn canvas_sprite(i: usize, frame: usize) -> (f32, f32, [u8; 3]) {
    let x = ((i * 37 + frame * 3) % 304) as f32;
    let y = ((i * 53 + frame) % 164) as f32;
    (x, y, [(i % 200) as u8 + 55, (i / 7 % 200) as u8 + 55, 255])
}

const CANVAS_VERTEX: &str = "#version 100
attribute vec3 position;
attribute vec2 texcoord;
attribute vec4 color0;
varying lowp vec2 uv;
varying lowp vec4 color;
uniform mat4 Model;
uniform mat4 Projection;
void main() {
    gl_Position = Projection * Model * vec4(position, 1);
    color = color0 / 255.0;
    uv = texcoord;
}";

const CANVAS_FRAGMENT: &str = "#version 100
precision lowp float;
varying vec4 color;
varying vec2 uv;
uniform sampler2D Texture;
uniform float scanline;
void main() {
    vec3 pixel = texture2D(Texture, uv).rgb * color.rgb;
    gl_FragColor = vec4(pixel * (0.85 + 0.15 * sin((uv.y + scanline) * 540.0)), 1.0);
}";
