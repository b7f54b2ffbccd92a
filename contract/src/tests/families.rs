//! What a frame records for each of macroquad's families beyond simple 2D: render targets and cameras,
//! materials and uniforms, images and textures made from pixels, 3D, multi-line text, input and window
//! calls, and loaders written the way macroquad programs write them.

use super::input;
use crate::boundary::{AssetSource, CameraSetting, WindowRequest};
use crate::prelude::*;
use crate::{DrawCommand, Frame, Input, record_frame};

fn loads_of(frame: &Frame) -> Vec<&AssetSource> {
    frame.loads.iter().map(|load| &load.source).collect()
}

#[test]
fn a_render_target_is_made_drawn_into_through_a_camera_and_drawn_like_a_texture() {
    let mut target = None;
    let frame = record_frame(&input(), || {
        let made = render_target(320, 150);
        made.texture.set_filter(FilterMode::Nearest);
        let camera = Camera2D { zoom: vec2(0.01, 0.01), render_target: Some(made.clone()), ..Default::default() };
        set_camera(&camera);
        clear_background(LIGHTGRAY);
        set_default_camera();
        draw_texture_ex(&made.texture, 0.0, 0.0, WHITE, DrawTextureParams { flip_y: true, ..Default::default() });
        assert_eq!(made.texture.size(), vec2(320.0, 150.0));
        target = Some(made);
    });
    let made = target.unwrap();
    assert!(matches!(
        loads_of(&frame)[..],
        [AssetSource::RenderTarget { width: 320, height: 150, sample_count: 1, depth: false }]
    ));
    let id = frame.loads[0].id;
    let DrawCommand::SetCamera(CameraSetting { render_target, matrix, .. }) = frame.draw[1] else {
        panic!("{:?}", frame.draw)
    };
    assert_eq!(render_target, Some(id));
    // Into a render target, y is not flipped (macroquad's Camera2D does the same).
    assert_eq!(matrix.transform_point3(vec3(0.0, 100.0, 0.0)).y, 1.0);
    assert!(matches!(frame.draw[4], DrawCommand::Texture { texture, flip_y: true, .. } if texture == id));

    // A camera stays set across frames: the binary says which one is in force as each frame begins.
    let camera = CameraSetting {
        matrix: Mat4::from_scale(vec3(0.02, 0.02, 1.0)),
        render_target: None,
        viewport: None,
        depth_test: false,
    };
    record_frame(&Input { camera: Some(camera), ..input() }, || {
        let (font_size, scale, aspect) = camera_font_scale(10.0);
        assert_eq!((font_size, aspect), (60, 0.75), "10 world units are 60 pixels under this camera");
        assert!((scale - 100.0 / 600.0).abs() < 1e-6);
    });

    // When the last handle goes, the binary is told to free it, with the next frame.
    drop(made);
    let frame = record_frame(&input(), || {});
    assert_eq!(frame.frees, [id]);
}

#[test]
fn a_texture_made_every_frame_is_freed_every_frame_and_one_updated_is_not_made_again() {
    let image = Image::gen_image_color(4, 2, RED);
    let mut ids = Vec::new();
    for _ in 0..3 {
        let frame = record_frame(&input(), || {
            let texture = Texture2D::from_image(&image);
            draw_texture(&texture, 0.0, 0.0, WHITE);
            ids.push(texture.id());
        });
        assert_eq!(frame.loads.len(), 1, "one texture made in each frame");
        assert_eq!(frame.frees, [*ids.last().unwrap()], "and freed once drawn: nothing piles up");
    }

    // One texture, new pixels each frame: an update, nothing made or freed.
    let mut texture = None;
    record_frame(&input(), || texture = Some(Texture2D::from_image(&image)));
    let texture = texture.unwrap();
    let mut changed = image.clone();
    changed.set_pixel(1, 1, BLUE);
    let frame = record_frame(&input(), || texture.update(&changed));
    assert!(frame.loads.is_empty() && frame.frees.is_empty());
    assert!(
        matches!(&frame.draw[0], DrawCommand::UpdateTexture { width: 4, height: 2, bytes, .. } if bytes == &changed.bytes)
    );
    // It crosses a reload with its pixels as they are now, and comes back as the same texture.
    let saved = serde_json::to_string(&texture).unwrap();
    let back: Texture2D = serde_json::from_str(&saved).unwrap();
    assert_eq!(back, texture);
    assert!(record_frame(&input(), || drop(back.get_texture_data())).draw.is_empty());
    assert_eq!(back.get_texture_data().get_pixel(1, 1), changed.get_pixel(1, 1));
    drop(texture);
    assert!(record_frame(&input(), || {}).frees.is_empty(), "the handle read back still keeps it");
    drop(back);
    assert_eq!(record_frame(&input(), || {}).frees.len(), 1);
}

#[test]
fn images_are_pixels_the_game_holds() {
    let mut image = Image::gen_image_color(3, 2, WHITE);
    assert_eq!((image.width(), image.height(), image.bytes.len()), (3, 2, 24));
    image.set_pixel(2, 1, Color::from_rgba(10, 20, 30, 255));
    assert_eq!(image.get_pixel(2, 1), Color::from_rgba(10, 20, 30, 255));
    assert_eq!(image.get_image_data()[5], [10, 20, 30, 255]);
    image.get_image_data_mut()[0] = [1, 2, 3, 4];
    let part = image.sub_image(Rect::new(1.0, 1.0, 2.0, 1.0));
    assert_eq!((part.width, part.height), (2, 1));
    assert_eq!(part.get_pixel(1, 0), Color::from_rgba(10, 20, 30, 255));
    let mut over = Image::gen_image_color(3, 2, Color::new(0.0, 0.0, 0.0, 0.0));
    over.overlay(&image);
    assert_eq!(over.get_pixel(2, 1), Color::from_rgba(10, 20, 30, 255));
    // An image in `State` crosses a reload as base64, not as a list of numbers.
    let saved = serde_json::to_string(&image).unwrap();
    assert!(saved.len() < 80, "{saved}");
    assert_eq!(serde_json::from_str::<Image>(&saved).unwrap(), image);
    let decoded = Image::from_file_with_format(include_bytes!("../../../assets/player.png"), None).unwrap();
    assert_eq!((decoded.width, decoded.height), (16, 16));
    assert!(Image::from_file_with_format(b"not an image", None).is_err());
}

#[test]
fn materials_take_their_shaders_uniforms_textures_and_blending() {
    let dir = std::env::temp_dir().join(format!("material-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fragment_file = dir.join("crt.frag");
    std::fs::write(&fragment_file, "void main() { gl_FragColor = vec4(1.0); }").unwrap();
    let path = fragment_file.to_str().unwrap().to_string();
    let frame = record_frame(&input(), || {
        let fragment = load_string(&path).unwrap();
        let params = MaterialParams {
            pipeline_params: PipelineParams {
                color_blend: Some(BlendState::new(
                    Equation::Add,
                    BlendFactor::Value(BlendValue::SourceAlpha),
                    BlendFactor::OneMinusValue(BlendValue::SourceAlpha),
                )),
                ..Default::default()
            },
            uniforms: vec![
                UniformDesc::new("tint", UniformType::Float4),
                UniformDesc::new("colors", UniformType::Float4).array(10),
            ],
            textures: vec!["extra".to_string()],
        };
        let material =
            load_material(ShaderSource::Glsl { vertex: "void main() {}", fragment: &fragment }, params).unwrap();
        gl_use_material(&material);
        material.set_uniform("tint", vec4(1.0, 0.5, 0.25, 1.0));
        material.set_uniform("time", 1.5f32);
        material.set_uniform("view", Mat4::IDENTITY);
        material.set_uniform_array("colors", &[vec4(1.0, 0.0, 0.0, 1.0); 10]);
        material.set_texture("extra", Texture2D::empty());
        draw_rectangle(0.0, 0.0, 10.0, 10.0, WHITE);
        gl_use_default_material();
    });
    std::fs::remove_dir_all(&dir).unwrap();
    let material = frame.loads.iter().find_map(|load| match &load.source {
        AssetSource::Material { vertex, fragment, params, uniforms, .. } => {
            Some((load.id, vertex, fragment, params, uniforms))
        }
        _ => None,
    });
    let (id, vertex, fragment, params, uniforms) = material.expect("the material is announced");
    // The fragment shader was read from a file: the binary watches it, and compiles it again when saved.
    assert_eq!((vertex.path.as_deref(), fragment.path.as_deref()), (None, Some(path.as_str())));
    assert!(params.color_blend.is_some() && uniforms.len() == 2);
    let sizes: Vec<(usize, bool)> = frame
        .draw
        .iter()
        .filter_map(|command| match command {
            DrawCommand::SetUniform { material, bytes, array, .. } if *material == id => Some((bytes.len(), *array)),
            _ => None,
        })
        .collect();
    assert_eq!(sizes, [(16, false), (4, false), (64, false), (160, true)]);
    assert!(matches!(frame.draw[0], DrawCommand::UseMaterial(used) if used == id));
    assert!(matches!(frame.draw.last(), Some(DrawCommand::UseDefaultMaterial)));
}

#[test]
fn three_d_is_recorded_through_a_3d_camera() {
    let frame = record_frame(&input(), || {
        set_camera(&Camera3D {
            position: vec3(-20., 15., 0.),
            up: vec3(0., 1., 0.),
            target: vec3(0., 0., 0.),
            ..Default::default()
        });
        draw_grid(10, 1., BLACK, GRAY);
        draw_cube_wires(vec3(0., 1., -6.), vec3(2., 2., 2.), DARKGREEN);
        draw_cube(vec3(-5., 1., -2.), vec3(2., 2., 2.), None, WHITE);
        draw_plane(vec3(-8., 0., -8.), vec2(5., 5.), None, WHITE);
        draw_sphere(vec3(-8., 0., 0.), 1., None, BLUE);
        draw_cylinder_wires(vec3(0., 0., 0.), 1., 2., 3., None, RED);
        let mesh =
            Mesh { vertices: vec![Vertex::new(0., 0., 0., 0., 0., RED); 3], indices: vec![0, 1, 2], texture: None };
        draw_mesh(&mesh);
    });
    let DrawCommand::SetCamera(camera) = frame.draw[0] else { panic!() };
    assert!(camera.depth_test);
    let lines = frame.draw.iter().filter(|command| matches!(command, DrawCommand::Line3d { .. })).count();
    assert_eq!(lines, 22, "a grid of 10 slices: 11 lines each way");
    assert!(
        frame
            .draw
            .iter()
            .any(|command| matches!(command, DrawCommand::Sphere { rings: 16, slices: 16, lines: false, .. }))
    );
    assert!(frame.draw.iter().any(|command| matches!(command, DrawCommand::Cylinder { sides: 16, lines: true, .. })));
    assert!(
        matches!(frame.draw.last(), Some(DrawCommand::Mesh { vertices, indices, .. }) if vertices.len() == 3 && indices.len() == 3)
    );
}

#[test]
fn multi_line_text_wraps_and_draws_a_line_at_a_time() {
    record_frame(&input(), || {
        let text = "The quick brown fox jumps over the lazy dog, and over the lazy dog again.";
        let wrapped = wrap_text(text, None, 20, 1.0, 200.0);
        assert!(wrapped.lines().count() > 2, "{wrapped}");
        for line in wrapped.lines() {
            assert!(measure_text(line.trim_end(), None, 20, 1.0).width <= 200.0, "{line:?}");
        }
        assert_eq!(
            wrapped.replace('\n', " ").split_whitespace().collect::<Vec<_>>(),
            text.split_whitespace().collect::<Vec<_>>()
        );
        let measured = measure_multiline_text(&wrapped, None, 20, 1.0, Some(1.5));
        assert_eq!(measured.height, 1.5 * 20.0 * wrapped.lines().count() as f32);
    });
    let frame = record_frame(&input(), || {
        draw_multiline_text("one\ntwo\nthree", 10.0, 20.0, 20.0, Some(1.0), WHITE);
    });
    let ys: Vec<f32> = frame
        .draw
        .iter()
        .filter_map(|command| if let DrawCommand::Text { y, .. } = command { Some(*y) } else { None })
        .collect();
    assert_eq!(ys, [20.0, 40.0, 60.0]);
}

#[test]
fn a_character_not_taken_waits_and_window_requests_are_recorded() {
    record_frame(&Input { chars_typed: vec!['a', 'b'], ..input() }, || assert_eq!(get_char_pressed(), Some('a')));
    record_frame(&Input { chars_typed: vec!['c'], ..input() }, || {
        assert_eq!((get_char_pressed(), get_char_pressed(), get_char_pressed()), (Some('b'), Some('c'), None));
    });
    let touch = Touch { id: 1, phase: TouchPhase::Started, position: vec2(400.0, 300.0) };
    let frame = record_frame(&Input { touches: vec![touch], quit_requested: true, ..input() }, || {
        assert_eq!(touches(), [touch]);
        assert_eq!(touches_local()[0].position, vec2(0.0, 0.0));
        assert!(is_quit_requested());
        prevent_quit();
        set_cursor_grab(true);
        show_mouse(false);
    });
    assert_eq!(
        frame.window,
        [WindowRequest::PreventQuit, WindowRequest::CursorGrab(true), WindowRequest::ShowMouse(false)]
    );
}

#[test]
fn loaders_work_the_way_macroquad_programs_write_them() {
    async fn load(path: &str) -> Result<(Texture2D, String), Error> {
        let texture = load_texture(path).await?;
        let text = load_string("Cargo.toml").await?;
        Ok((texture, text))
    }
    record_frame(&input(), || {
        let (texture, text) = block_on(load("../assets/player.png")).expect("both files load");
        assert_eq!(texture.size(), vec2(16.0, 16.0));
        assert!(text.contains("[package]"));
        match block_on(async { load_texture("no/such/file.png").await }) {
            Ok(_) => panic!("a missing file is an error when awaited"),
            Err(Error::FileError { path, .. }) => assert_eq!(path, "no/such/file.png"),
            Err(other) => panic!("{other}"),
        }
        // Per-frame code keeps the immediate handle.
        assert_eq!(load_texture("no/such/file.png").size(), vec2(32.0, 32.0));
        assert!(load_string("no/such/file").now().is_err());
        assert!(load_ttf_font_from_bytes(b"not a font").is_err());
        let image = block_on(async { load_image("../assets/player.png").await.unwrap() });
        assert_eq!(image.width, 16);
    });
}

#[test]
fn sounds_await_and_an_assets_folder_prefixes_every_path_until_the_binary_hands_it_back() {
    let mut direct = None;
    record_frame(&input(), || {
        direct = Some(load_sound("../assets/kick.wav"));
        block_on(async {
            assert!(load_sound("../assets/kick.wav").await.is_ok());
            assert!(load_sound("../assets/missing.wav").await.is_err());
        });
    });
    let frame = record_frame(&input(), || {
        set_pc_assets_folder("../assets");
        assert_eq!(block_on(async { load_sound("kick.wav").await }).ok(), direct, "the same file, the same sound");
    });
    assert_eq!(frame.window, [WindowRequest::AssetsFolder("../assets".to_string())]);
    // The binary hands the folder back each frame: it holds across frames and reloads.
    let handed_back = Input { assets_folder: Some("../assets".to_string()), ..input() };
    let frame = record_frame(&handed_back, || drop(load_texture("player.png")));
    assert!(matches!(&frame.loads[0].source, AssetSource::Path(path) if path == "../assets/player.png"));
}

#[test]
fn small_items_macroquad_programs_use_everywhere() {
    assert_eq!(clamp(5, 0, 3), 3);
    assert_eq!(clamp(-1.0, 0.0, 1.0), 0.0);
    assert_eq!(Rect::new(10.0, 10.0, -4.0, -2.0).normalized(), Rect::new(6.0, 8.0, 4.0, 2.0));
    let pure_red = Color::new(1.0, 0.0, 0.0, 1.0);
    let (h, s, l) = crate::color::rgb_to_hsl(pure_red);
    assert_eq!((h, s, l), (0.0, 1.0, 0.5));
    assert_eq!(<[u8; 4]>::from(crate::color::hsl_to_rgb(h, s, l)), [255, 0, 0, 255]);
    let _: u32 = crate::rand::gen_range(0, 10);
    let frame = record_frame(&input(), || {
        draw_hexagon(100.0, 100.0, 20.0, 2.0, true, BLACK, WHITE);
        info!("logged {}", 1);
        warn!(target: "game", "logged {}", 2);
    });
    assert!(matches!(
        frame.draw[..],
        [DrawCommand::Poly { sides: 6, rotation: 90.0, .. }, DrawCommand::PolyLines { sides: 6, .. }]
    ));
}
