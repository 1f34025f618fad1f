#!/usr/bin/env bash
# Screenshots of `hoptrace live` for the README: runs the view in tmux against the simulator
# (no packet leaves the process), captures the screen with its colours and draws each capture as
# a PNG (cli/src/test/java/dev/hoptrace/cli/screenshot/ScreenPng.java, run from source).
#
# Usage: scripts/screenshots.sh [OUT_DIR]   (default docs/images)
# Needs tmux, DejaVu Sans Mono, and the jar: it builds nothing, so run first
#   mvn -q -B -o package -pl packet,core,linux,lookup,scenario,sim,lab,cli -DskipTests
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
. "$root/scripts/jdk25.sh"
jar="$root/cli/target/hoptrace.jar"
renderer="$root/cli/src/test/java/dev/hoptrace/cli/screenshot/ScreenPng.java"
out=${1:-"$root/docs/images"}

[ -f "$jar" ] || { echo "screenshots: no $jar; build it first (see the top of $0)" >&2; exit 1; }
command -v tmux >/dev/null || { echo "screenshots: tmux is not installed" >&2; exit 1; }
mkdir -p "$out"

# A tmux server of our own, without the user's configuration, ended on exit.
socket="hoptrace-shots-$$"
tm() { tmux -L "$socket" -f /dev/null "$@"; }
socket_path=""
trap 'tm kill-server 2>/dev/null || true; [ -z "$socket_path" ] || rm -f "$socket_path"' EXIT

# live SESSION COLUMNS ROWS ARGS...: starts hoptrace live ARGS in a window of that size.
live() {
  local session=$1 columns=$2 rows=$3
  shift 3
  tm new-session -d -s "$session" -x "$columns" -y "$rows" -e LANG=C.UTF-8 \
    "exec '$JAVA_HOME/bin/java' --enable-native-access=ALL-UNNAMED -jar '$jar' live $*"
  socket_path=$(tm display-message -p '#{socket_path}')
}

# shot SESSION FILE: the window as it is now, as OUT_DIR/FILE.
shot() {
  if ! tm has-session -t "$1" 2>/dev/null; then
    echo "screenshots: hoptrace live in session $1 exited early" >&2
    exit 1
  fi
  local size
  size=$(tm display-message -p -t "$1" '#{pane_width} #{pane_height}')
  # shellcheck disable=SC2086 # two numbers
  tm capture-pane -e -p -t "$1" | "$JAVA_HOME/bin/java" -cp "$jar" "$renderer" $size "$out/$2"
  echo "wrote $out/$2 ($(du -k "$out/$2" | cut -f1) KB)"
}

# A realistic path: home NAT, ISP, an MPLS core balancing per flow (hops 4-5 show both routers),
# and CDN edge routers that limit their ICMP replies, which the fast interval makes visible.
live cdn 100 24 --scenario home-isp-cdn --sim -i 0.1 cdn
sleep 12
shot cdn live-table.png
# The chart of hop 6, one of the rate-limiting edge routers (its lost replies are marked), on a
# taller window: the view redraws for the new size.
tm resize-window -t cdn -x 100 -y 30
tm send-keys -t cdn Down Down Down Down Down Down v
sleep 1
shot cdn live-chart.png
tm send-keys -t cdn q
