#!/usr/bin/env bash
# Builds the game library on each save (Linux and macOS: `just dev`'s library watcher runs this).
#
# The fast path: when only the library's own code changed since the last build through cargo, this
# reruns the exact rustc command cargo ran for the library, in cargo's whole environment (what build
# scripts set included), skipping cargo's start-up and its check of every dependency (the project's
# README, "Reload timing", has the figures). Anything else goes through `cargo hot-lib`, which records
# the command again, and this says why in one line.
#   hot/scripts/build-lib.sh           the fast path if it can, else through cargo
#   hot/scripts/build-lib.sh --cargo   through cargo, recording (the first build of each `just dev`)
#   FAST_PATH=off                      always through cargo, as `cargo hot-lib` builds
#   WILD=off                           link with Rust's own linker even where wild is installed
set -uo pipefail
# When each step of a build began (bash 5 and newer; empty before): `just bench` takes a reload apart.
started=${EPOCHREALTIME:-}

dev=target/just-dev
recording=$dev/fast-path.sh

# Cargo runs this script in place of rustc while it records (RUSTC_WORKSPACE_WRAPPER): the library's
# command, with its environment, is written down as it passes, with plain error messages instead of
# the JSON cargo reads. The library is the crate built from lib/src/lib.rs as a cdylib.
if [ -n "${FAST_PATH_RECORDING:-}" ]; then
    if [[ " $* " == *" lib/src/lib.rs "* && " $* " == *" --crate-type cdylib "* ]]; then
        {
            echo "# The library's rustc command as cargo last ran it, written by hot/scripts/build-lib.sh."
            # Cargo's environment, without its jobserver (those descriptors are cargo's own).
            export -p | grep -v -E '^declare -x (CARGO_MAKEFLAGS|MAKEFLAGS|MFLAGS|FAST_PATH_RECORDING)='
            # The first argument is rustc itself, as cargo found it.
            printf 'exec %q ' "$1"
            for arg in "${@:2}"; do
                case "$arg" in --error-format=json | --json=*) ;; *) printf '%q ' "$arg" ;; esac
            done
            echo
        } >"$FAST_PATH_RECORDING.new" && mv "$FAST_PATH_RECORDING.new" "$FAST_PATH_RECORDING"
    fi
    exec "$@"
fi

# While this runs, the game draws fewer frames and leaves the processor to the build
# (hot/src/host/build_yield.rs).
mkdir -p "$dev" && : >"$dev/building"
trap 'rm -f "$dev/building"' EXIT

# Why the fast path cannot be taken now (nothing if it can).
why_cargo() {
    [ "${1:-}" = --cargo ] && return
    [ "${FAST_PATH:-}" = off ] && return
    [ -s "$recording" ] || { echo "nothing recorded yet"; return; }
    # What else cargo would look at: manifests, the lock file, cargo's configuration, the crates the
    # library is built with, the toolchain, the library's build script.
    local changed
    changed=$(find Cargo.toml Cargo.lock lib/Cargo.toml lib/build.rs .cargo contract hot \
        rust-toolchain rust-toolchain.toml "${CARGO_HOME:-$HOME/.cargo}/config.toml" \
        -newer "$recording" -type f 2>/dev/null | head -n 1)
    [ -n "$changed" ] && { echo "$changed changed"; return; }
    # A build script that declares no inputs reruns when any file of the library changes.
    [ -f lib/build.rs ] && { echo "lib/build.rs reruns on any change of the library"; return; }
    return 0
}

why=$(why_cargo "${1:-}")
if [ "${1:-}" != --cargo ] && [ "${FAST_PATH:-}" != off ] && [ -z "$why" ]; then
    rustc_started=${EPOCHREALTIME:-}
    if bash "$recording" 2>"$dev/rustc-output"; then
        rustc_ended=${EPOCHREALTIME:-}
        [ -s "$dev/rustc-output" ] && cat "$dev/rustc-output" >&2 # warnings
        # rustc wrote the library into target/hot/deps/; cargo would then link it into target/hot/. Read
        # with bash alone: a program started for each would take ~10 ms of every save (docs/bench.md).
        recorded=$(<"$recording")
        [[ $recorded =~ \ --out-dir\ ([^ ]+)\  ]] && out_dir=${BASH_REMATCH[1]}
        [[ $recorded =~ \ --crate-name\ ([^ ]+)\  ]] && crate=${BASH_REMATCH[1]}
        case "$OSTYPE" in darwin*) library=lib$crate.dylib ;; *) library=lib$crate.so ;; esac
        ln -f "$out_dir/$library" "$out_dir/../$library"
        echo "$started $rustc_started $rustc_ended ${EPOCHREALTIME:-}" >"$dev/build-times"
        exit
    fi
    why="rustc stopped (a compile error, or the recorded command is stale)"
fi
[ -n "$why" ] && echo "[fast path] $why: through cargo"

# The fastest linker, when it is installed (Linux): wild (`cargo install --locked wild-linker@0.10.0`, the
# last release that builds with Rust 1.94 and 1.95; newer ones need newer Rust) links the
# library faster than Rust's own rust-lld (README, "Reload timing"). rustc links through the C compiler,
# which takes `ld` from the folder given with -B; the recorded command keeps the flags. Where it is not
# installed, the first build of each `just dev` says so, once.
linker=()
if [ "$(uname)" = Linux ] && [ "${WILD:-}" != off ]; then
    if command -v wild >/dev/null; then
        mkdir -p "$dev/wild" && ln -sf "$(command -v wild)" "$dev/wild/ld"
        linker=(-C linker-features=-lld -C "link-arg=-B$PWD/$dev/wild")
    elif [ "${1:-}" = --cargo ]; then
        echo "[hot] tip: wild links each reload faster: \`cargo install --locked wild-linker@0.10.0\` (Rust 1.94+; README, \"Reload timing\"; WILD=off hides this)"
    fi
fi
if [ "${FAST_PATH:-}" = off ]; then
    cargo hot-lib ${linker[@]+"${linker[@]}"}
    exit
fi
FAST_PATH_RECORDING="$PWD/$recording" RUSTC_WORKSPACE_WRAPPER="$PWD/$0" cargo hot-lib ${linker[@]+"${linker[@]}"} || exit
if [ -f "$recording" ]; then
    touch "$recording"
    # Once more as recorded: rustc's incremental cache depends on the error format, so the first rerun
    # after cargo would start over (~0.4 s); better now than on the next save.
    bash "$recording" >/dev/null 2>&1
fi
