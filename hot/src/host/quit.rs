//! Ctrl-C and SIGTERM (`just dev` stopping, or restarting the binary): the first asks the program to
//! save its state and end, a second ends it at once.

use std::sync::atomic::{AtomicUsize, Ordering};

static REQUESTS: AtomicUsize = AtomicUsize::new(0);

pub fn install() {
    ctrlc::set_handler(|| {
        if REQUESTS.fetch_add(1, Ordering::SeqCst) > 0 {
            std::process::exit(130);
        }
    })
    .expect("install the Ctrl-C handler");
}

pub fn requested() -> bool {
    REQUESTS.load(Ordering::SeqCst) > 0
}
