# Recipes for working on the game. `just` lists them.
# The hot builds themselves (`cargo hot-lib`, `cargo hot-run`) are defined in .cargo/config.toml.

set windows-shell := ["powershell.exe", "-NoLogo", "-NoProfile", "-Command"]

# The template repository's own recipes (`just bench`); generated projects do not have this file.
import? 'tests/template.just'

# The tools the recipes use, pinned in one place: `just dev` installs cargo-watch at this version if it is
# missing, and CI reads these. `just` itself needs 1.42 or newer on Windows (`[parallel]`).
just_version := "1.59.0"
cargo_watch_version := "8.5.3"

# The watcher, in one place. It reacts 20 ms after the last save (cargo-watch's default is 500 ms;
# 50 ms measured about 30 ms slower per reload, and a save seldom spreads its writes over more than a few ms).
watch := "cargo watch --quiet --delay 0.02"
# The crate of types both sides share, if the starter has one (the minimal starter has not).
contract := if path_exists("contract") == "true" { " -w contract" } else { "" }
# The library rebuilds when its code changes.
watch_lib := watch + " -w lib" + contract
# The binary restarts when its own code changes, or the contract it shares with the library.
watch_bin := watch + " -w src -w Cargo.toml -w lib/src/exports.rs" + contract

# List the recipes.
default:
    @just --list --unsorted

# Run the game with hot reload: edit lib/src, save, watch it change. Ctrl-C stops it all.
[unix]
dev: _cargo-watch (_hot-lib "record")
    #!/usr/bin/env bash
    set -uo pipefail
    # Each watcher gets its own process group (job control on), so a Ctrl-C in the terminal reaches
    # only this script, which then stops them in order.
    set -m
    {{watch_lib}} -s 'just _hot-lib' </dev/null & lib=$!
    # `exec`: the game itself then leads the process group that cargo-watch stops with SIGTERM before a
    # restart, and cargo-watch waits for it to save its state instead of killing it once the shell exits.
    {{watch_bin}} -s 'exec cargo hot-run' </dev/null & bin=$!
    set +m
    descendants() { local child; for child in $(pgrep -P "$1"); do echo "$child"; descendants "$child"; done; }
    # Running: not gone, and not a zombie (an orphan that has exited waits there until init reaps it,
    # which can take seconds).
    running() { local state; state=$(ps -o stat= -p "$1" 2>/dev/null) && [ "${state#Z}" = "$state" ]; }
    stop() {
        trap - EXIT INT TERM
        local pids="$lib $bin $(descendants $lib) $(descendants $bin)"
        trap 'kill -KILL $pids 2>/dev/null; exit 130' INT  # a second Ctrl-C: stop at once, without saving
        echo "just dev: stopping..."
        kill -TERM $lib $bin 2>/dev/null  # cargo-watch passes it on, once, to the game
        for _ in $(seq 50); do
            alive=0; for pid in $pids; do running "$pid" && alive=1; done
            [ $alive = 0 ] && return
            sleep 0.1
        done
        kill -KILL $pids 2>/dev/null
    }
    trap 'stop; exit 0' INT TERM
    trap stop EXIT
    # Until a watcher ends (then the EXIT trap stops the other) or Ctrl-C. A poll, not `wait -n`,
    # which the bash 3.2 of macOS lacks.
    while kill -0 $lib 2>/dev/null && kill -0 $bin 2>/dev/null; do sleep 0.2; done
    echo "just dev: a watcher stopped, so everything stops."
    exit 1

# Run the game with hot reload. Ctrl-C reaches every process in the console and stops them all.
[windows]
dev: _cargo-watch build-lib _watch-both

[private, windows, parallel]
_watch-both: _watch-lib _watch-bin

[private, windows]
_watch-lib:
    {{watch_lib}} -x hot-lib

# The binary builds into target-bin, so the running exe never locks the library's build in target/.
[private, windows]
_watch-bin:
    {{watch_bin}} -x "hot-run --target-dir target-bin"

# Build the library the way `just dev` loads it.
build-lib:
    cargo hot-lib

# The library's rebuild on each save (Linux, macOS). When only the library's own code changed, it runs
# the exact rustc command cargo last ran for it, skipping cargo's start-up and its checks of every
# dependency: about 40 ms of each reload here (see the README). Anything else (a manifest, the lock file,
# the contract, .cargo/, a build script, the toolchain), the first build of each `just dev` (`record`)
# and any failure go through `cargo hot-lib`, which records the command again.
# `HOT_LIB_VIA_CARGO=1 just dev` always uses cargo.
[private, unix]
_hot-lib mode="fast":
    #!/usr/bin/env bash
    set -uo pipefail
    [ "${HOT_LIB_VIA_CARGO:-}" = 1 ] && exec cargo hot-lib
    recorded=target/hot/rustc-command
    library={{ if os() == "macos" { "libgame.dylib" } else { "libgame.so" } }}
    changed_elsewhere=$(find Cargo.toml Cargo.lock lib/Cargo.toml lib/build.rs .cargo contract rust-toolchain rust-toolchain.toml \
        -newer "$recorded" 2>/dev/null | head -n 1)
    if [ {{mode}} = fast ] && [ -s "$recorded" ] && [ -z "$changed_elsewhere" ]; then
        if bash "$recorded" 2> target/hot/rustc-output; then
            cat target/hot/rustc-output >&2  # warnings
            # rustc writes target/hot/deps/; cargo would then link the file into target/hot/ the same way.
            ln -f "target/hot/deps/$library" "target/hot/$library"
            exit
        fi
        # A compile error, or a command gone stale (a dependency rebuilt elsewhere): cargo decides, and
        # prints the errors.
    fi
    # Through cargo, with a wrapper around rustc (for this workspace's crates only) that records the
    # library's command and environment as it passes, with plain error messages instead of the JSON cargo reads.
    mkdir -p target/hot
    cat > target/hot/record-rustc <<'WRAPPER'
    #!/usr/bin/env bash
    if [[ " $* " == *" --crate-name game "* ]]; then
        {
            export -p | grep -E '^declare -x (CARGO|OUT_DIR|LD_LIBRARY_PATH|DYLD_FALLBACK_LIBRARY_PATH)' | grep -v '^declare -x CARGO_MAKEFLAGS='
            for arg in "$@"; do
                case "$arg" in --error-format=json | --json=*) ;; *) printf '%q ' "$arg" ;; esac
            done
            echo
        } > target/hot/rustc-command.new && mv target/hot/rustc-command.new target/hot/rustc-command
    fi
    exec "$@"
    WRAPPER
    chmod +x target/hot/record-rustc
    # The fastest linker, when it is installed (Linux): wild (`cargo install --locked wild-linker`) links the
    # library in 30 ms where Rust's own rust-lld takes 42 (measured, see the README). rustc links through the
    # C compiler, which takes `ld` from the folder given with -B; the command recorded above keeps the flags.
    linker=()
    if [ "$(uname)" = Linux ] && command -v wild >/dev/null; then
        mkdir -p target/hot/wild && ln -sf "$(command -v wild)" target/hot/wild/ld
        linker=(-C linker-features=-lld -C "link-arg=-B$PWD/target/hot/wild")
    fi
    RUSTC_WORKSPACE_WRAPPER="$PWD/target/hot/record-rustc" cargo hot-lib ${linker[@]+"${linker[@]}"} || exit
    if [ -f "$recorded" ]; then
        touch "$recorded"
        # Once more as recorded: rustc's incremental cache depends on the error format, so the first rerun
        # after cargo would start over (~0.4 s); better now than on the next save.
        bash "$recorded" >/dev/null 2>&1
    fi

# Run the game without hot reload (plain static build).
run:
    cargo run

# Build the release binary: fully static, no hot-reload code in it.
release:
    cargo build --release

# Run the tests (their own notes, such as measured times, are shown too): the game's in the plain build, then
# the hot build's own code (a panic caught, the state kept across reloads). They need only cargo.
# End-to-end tests that need more tools can set them up in an executable `tests/setup`, run first if it exists.
test:
    {{ if path_exists(justfile_directory() / "tests/setup") == "true" { "tests/setup" } else { "" } }}
    cargo test --workspace -- --nocapture
    cargo test --workspace --lib --bins --no-default-features --features reload -- --nocapture

[private, unix]
_cargo-watch:
    @cargo watch --version >/dev/null 2>&1 || cargo install --locked cargo-watch@{{cargo_watch_version}}

[private, windows]
_cargo-watch:
    @if (-not (Get-Command cargo-watch -ErrorAction SilentlyContinue)) { cargo install --locked cargo-watch@{{cargo_watch_version}} }
