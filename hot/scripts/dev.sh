#!/usr/bin/env bash
# `just dev` on Linux and macOS: runs the justfile's two watchers side by side (each given here as a
# whole command) until Ctrl-C, or until one of them ends; then stops both, in order, the game saving
# its state on the way out. A second Ctrl-C stops everything at once, without saving.
#   hot/scripts/dev.sh "<library watcher>" "<binary watcher>"
# shellcheck disable=SC2317 # the functions below run from traps, which shellcheck does not follow
set -uo pipefail
library_watcher=$1
binary_watcher=$2

# Each watcher gets its own process group (job control on), so that a Ctrl-C in the terminal reaches
# only this script, which then stops them in order. `exec`: the watcher itself is the job.
set -m
eval "exec $library_watcher" </dev/null &
lib=$!
eval "exec $binary_watcher" </dev/null &
bin=$!
set +m

descendants() {
    local child
    for child in $(pgrep -P "$1"); do
        echo "$child"
        descendants "$child"
    done
}

# Running: not gone, and not a zombie (an orphan that has exited waits there until init reaps it,
# which can take seconds).
running() {
    local state
    state=$(ps -o stat= -p "$1" 2>/dev/null) && [ "${state#Z}" = "$state" ]
}

stop() {
    trap - EXIT INT TERM
    local pids pid alive
    pids="$lib $bin $(descendants "$lib") $(descendants "$bin")"
    # shellcheck disable=SC2086 # one word per process id
    trap 'kill -KILL $pids 2>/dev/null; exit 130' INT
    echo "just dev: stopping..."
    kill -TERM "$lib" "$bin" 2>/dev/null # cargo-watch passes it on, once, to the game
    for _ in $(seq 50); do
        alive=0
        for pid in $pids; do running "$pid" && alive=1; done
        [ "$alive" = 0 ] && return
        sleep 0.1
    done
    # shellcheck disable=SC2086
    kill -KILL $pids 2>/dev/null
}
trap 'stop; exit 0' INT TERM
trap stop EXIT

# Until a watcher ends (then the EXIT trap stops the other) or Ctrl-C. A poll, not `wait -n`, which
# the bash 3.2 of macOS lacks.
while kill -0 "$lib" 2>/dev/null && kill -0 "$bin" 2>/dev/null; do sleep 0.2; done
echo "just dev: a watcher stopped, so everything stops."
exit 1
