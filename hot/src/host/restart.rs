//! Starting the program again in place: after an endless loop (a thread that never returns keeps the
//! library loaded for good) and after a change to what crosses between binary and library (the binary
//! rebuilt for it). On Unix by `exec`, keeping the process id, so `just dev` and cargo-watch keep the
//! game as their child.

use std::path::PathBuf;
use std::sync::OnceLock;

static EXE: OnceLock<PathBuf> = OnceLock::new();

/// The program's file, as it was at the start: once a rebuild has replaced it, the running process's
/// own link to it names a deleted file.
pub fn remember_exe() {
    EXE.get_or_init(|| std::env::current_exe().expect("the running program's path"));
}

/// Starts this program again, with the same arguments and environment. The copies of the library the
/// reloader loaded are removed first (it removes them as it ends, which this skips).
pub fn restart(library_file: &std::path::Path) -> ! {
    remove_loaded_copies(library_file);
    let program = EXE.get_or_init(|| std::env::current_exe().expect("the running program's path"));
    let mut command = std::process::Command::new(program);
    command.args(std::env::args_os().skip(1));
    #[cfg(unix)]
    {
        close_on_exec();
        // Replaces this process, with any thread stuck in the old library.
        let error = std::os::unix::process::CommandExt::exec(&mut command);
        eprintln!("[hot] could not restart {}: {error}", program.display());
        std::process::exit(1);
    }
    #[cfg(not(unix))]
    {
        // No `exec`: a new process takes over, and this one (a stuck thread spinning, maybe) waits for it,
        // so that whatever started the game still sees it run and end.
        let status = command.status().expect("restart the game");
        std::process::exit(status.code().unwrap_or(1));
    }
}

/// Marks every file this process has open, but for standard input, output and error, to be closed by
/// `exec`: the new program opens its own window, watchers and sound, and must not inherit the old ones'
/// (a program restarted in place twice could no longer open its X display).
#[cfg(unix)]
fn close_on_exec() {
    let Ok(open) = std::fs::read_dir("/proc/self/fd").or_else(|_| std::fs::read_dir("/dev/fd")) else { return };
    for fd in open.flatten().filter_map(|entry| entry.file_name().to_str()?.parse::<i32>().ok()) {
        if fd > 2 {
            // SAFETY: setting a flag on a descriptor number; one that is not open just fails.
            unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
        }
    }
}

/// hot-lib-reloader loads copies of the library (`lib<name>-hot-N`) and deletes them as it ends.
fn remove_loaded_copies(library_file: &std::path::Path) {
    let (Some(dir), Some(stem)) = (library_file.parent(), library_file.file_stem()) else { return };
    let prefix = format!("{}-hot-", stem.to_string_lossy());
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
