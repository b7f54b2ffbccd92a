//! Memory while pixels change every frame: the pixel scene (`scenes/pixels_api.rs`) run by the hot
//! build as `just dev` runs it, its resident memory read from outside (`/proc/<pid>/status`) once a
//! second for a minute.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::{self, XServer};

const RUN: Duration = Duration::from_secs(60);
/// Start-up (the window, the first textures, the allocator's first growth) is left out.
const SETTLE: Duration = Duration::from_secs(5);

/// The resident memory (kB) once a second after `SETTLE`, and the frames the scene ran.
pub fn run(project: &Path, x: &XServer, name: &str) -> (Vec<u64>, u64) {
    let game = fs::read(project.join("lib/src/lib.rs")).unwrap();
    let scene = support::template_dir().join("tests/bench/scenes/pixels_api.rs");
    fs::copy(scene, project.join("lib/src/lib.rs")).unwrap();
    println!("memory: a 320x240 image changed and uploaded every frame, for {RUN:?}...");
    support::run(Command::new("cargo").arg("hot-lib").current_dir(project));
    support::run(
        Command::new("cargo").args(["build", "--no-default-features", "--features", "reload"]).current_dir(project),
    );
    let _ = fs::remove_file(support::dev_file(project, "state.json"));
    let std_dir =
        String::from_utf8(support::run(Command::new("rustc").args(["--print", "target-libdir"])).stdout).unwrap();
    let mut game_process = x
        .command(support::target_dir(project).join("debug").join(name).to_str().unwrap())
        .env("LD_LIBRARY_PATH", std_dir.trim())
        // F8's history keeps the state (this image) for 30 s, up to 64 MB: here, only what the frames make.
        .env("HOT_REWIND", "off")
        .current_dir(project)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let status = format!("/proc/{}/status", game_process.id());
    let resident = || {
        let status = fs::read_to_string(&status).ok()?;
        let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
        line.split_whitespace().nth(1)?.parse::<u64>().ok()
    };
    let start = Instant::now();
    std::thread::sleep(SETTLE);
    let mut samples = Vec::new();
    while start.elapsed() < SETTLE + RUN {
        samples.push(resident().expect("the pixel scene ended early"));
        std::thread::sleep(Duration::from_secs(1));
    }
    // Ctrl-C: the hot build saves its state (the frame count) as it quits.
    unsafe { libc::kill(game_process.id() as i32, libc::SIGINT) };
    let quit = support::wait_for(Duration::from_secs(20), Duration::from_millis(100), || {
        game_process.try_wait().ok().flatten()
    });
    if quit.is_none() {
        let _ = game_process.kill();
        let _ = game_process.wait();
    }
    let frames = fs::read_to_string(support::dev_file(project, "state.json"))
        .ok()
        .and_then(|state| state.split("\"frames\":").nth(1)?.split([',', '}']).next()?.trim().parse().ok())
        .unwrap_or(0);
    fs::write(project.join("lib/src/lib.rs"), game).unwrap();
    (samples, frames)
}

pub fn report((samples, frames): &(Vec<u64>, u64)) -> String {
    let mb = |kb: u64| kb as f64 / 1024.0;
    let (first, last) = (samples[0], *samples.last().unwrap());
    let max = *samples.iter().max().unwrap();
    format!(
        "\nA 320x240 `Image` changed every frame, uploaded with `texture.update` and as a new texture \
         (`Texture2D::from_image`, freed when its handle drops), both drawn, for {} s in the hot build (rewind off): \
         resident memory {:.1} MB after {} s of start-up, {:.1} MB at the end (highest {:.1} MB), {} frames.\n",
        RUN.as_secs(),
        mb(first),
        SETTLE.as_secs(),
        mb(last),
        mb(max),
        if *frames > 0 { frames.to_string() } else { "uncounted".to_string() },
    )
}
