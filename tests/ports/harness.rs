//! Put by the template's tests into a macroquad example and into its port alike (a call at the start
//! of each pass of the main loop, or of the frame function), so that both run frame by frame and their
//! screens can be compared at the same frame. Without `PORT_HARNESS` it does nothing.
//!
//! `PORT_HARNESS` names a file holding the number of frames the program may run; while it may not run
//! the next one, it waits (its last frame stays on screen) and writes the frames it ran to `<file>.at`.

use std::sync::atomic::{AtomicU64, Ordering};

static FRAME: AtomicU64 = AtomicU64::new(0);

pub fn step() {
    let frame = FRAME.fetch_add(1, Ordering::SeqCst) + 1;
    let Some(control) = std::env::var_os("PORT_HARNESS") else { return };
    let control = std::path::PathBuf::from(control);
    loop {
        let allowed = std::fs::read_to_string(&control).ok().and_then(|text| text.trim().parse::<u64>().ok());
        if allowed.is_some_and(|allowed| frame <= allowed) {
            return;
        }
        let _ = std::fs::write(control.with_extension("at"), (frame - 1).to_string());
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}
