# Recipes for working on the game. `just` lists them.
# The hot builds themselves (`cargo hot-lib`, `cargo hot-run`) are defined in .cargo/config.toml; the dev
# loop and the library's build on each save are scripts in hot/scripts/.

set windows-shell := ["powershell.exe", "-NoLogo", "-NoProfile", "-Command"]

# The template repository's own recipes; generated projects do not have this file.
import? 'tests/template.just'

# The tools the recipes use, pinned in one place: `just dev` installs cargo-watch at this version if it is
# missing, and CI reads these. `just` itself needs 1.42 or newer on Windows (`[parallel]`).
just_version := "1.59.0"
cargo_watch_version := "8.5.3"

# The watcher, in one place. It reacts 20 ms after the last save: cargo-watch's default 500 ms would be
# most of a reload (README, "Reload timing").
watch := "cargo watch --quiet --delay 0.02"
# The crate of types both sides share, if the starter has one (the minimal starter has not).
contract := if path_exists("contract") == "true" { " -w contract" } else { "" }
# The library is rebuilt and reloaded when its code changes, or the game API or hot-reload core it is built with.
watch_lib := watch + " -w lib -w hot" + contract
# The binary is rebuilt and restarted when its own code changes. When what crosses between it and the
# library changes (contract/, the signatures in lib/src/exports.rs), the running binary notices and rebuilds
# and restarts itself (hot/src/host/library.rs); on Windows, where a running program's file cannot be
# replaced, this watcher restarts it instead.
watch_bin := watch + " -w src -w hot -w Cargo.toml"
watch_bin_windows := watch_bin + " -w lib/src/exports.rs" + contract

# List the recipes.
default:
    @just --list --unsorted

# Run the game with hot reload: edit lib/src, save, watch it change. Ctrl-C stops it all.
[unix]
dev: _cargo-watch (_build-lib "--cargo")
    hot/scripts/dev.sh "{{watch_lib}} --postpone -s hot/scripts/build-lib.sh" "{{watch_bin}} -s 'exec cargo hot-run'"

# Run the game with hot reload. Ctrl-C reaches every process in the console and stops them all.
[windows]
dev: _cargo-watch build-lib _watch-both

[private, windows, parallel]
_watch-both: _watch-lib _watch-bin

[private, windows]
_watch-lib:
    {{watch_lib}} --postpone -x hot-lib

# The binary builds into target-bin, so the running exe never locks the library's build in target/.
[private, windows]
_watch-bin:
    {{watch_bin_windows}} -x "hot-run --target-dir target-bin"

# Build the library the way `just dev` loads it.
build-lib:
    cargo hot-lib

[private, unix]
_build-lib *args:
    hot/scripts/build-lib.sh {{args}}

# Run the game without hot reload (plain static build).
run:
    cargo run

# Build the release binary: fully static, no hot-reload code in it.
release:
    cargo build --release

# Check and test the game: formatting and lints, then the tests in the plain build and in the hot build's
# configuration (a panic caught, the state kept across reloads). Cargo alone, no window.
test:
    cargo fmt --all --check
    cargo clippy --workspace --all-targets -- -D warnings
    cargo clippy --workspace --all-targets --no-default-features --features reload -- -D warnings
    cargo test --workspace -- --nocapture
    cargo test --workspace --lib --bins --no-default-features --features reload -- --nocapture

[private, unix]
_cargo-watch:
    @cargo watch --version >/dev/null 2>&1 || cargo install --locked cargo-watch@{{cargo_watch_version}}

[private, windows]
_cargo-watch:
    @if (-not (Get-Command cargo-watch -ErrorAction SilentlyContinue)) { cargo install --locked cargo-watch@{{cargo_watch_version}} }
