/// Where sprite `i` is in frame `frame`, and its tint: the same in both versions of the scene.
fn sprite(i: usize, frame: usize) -> (f32, f32, [u8; 3]) {
    let x = ((i * 37 + frame * 3) % 784) as f32;
    let y = ((i * 53 + frame) % 584) as f32;
    (x, y, [(i % 200) as u8 + 55, (i / 7 % 200) as u8 + 55, 255])
}
