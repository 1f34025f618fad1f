#!/usr/bin/env bash
# Footprint of a long `hoptrace live` run: CPU time and peak RSS of 10 continuous traces.
#
# Run (as root, from anywhere):
#   bench/live-footprint.sh [--minutes N] [--warm-up SEC] [--java-option OPT]...
#
# hoptrace itself builds bench/scenarios/ten-targets.yaml as a lab (network namespaces,
# 198.18.0.0/15 only; nothing leaves the machine) and watches all ten of its nodes (dst, r1..r9)
# at mtr's pace (a round a second each; the view draws dst, the first) in a tmux terminal of
# 120x40, with the launcher's JVM flags. The lab is kernel-only (no delay), so no link emulator
# thread runs in the process. CPU (utime+stime of the java process, from /proc/PID/stat) is
# taken from the end of the warm-up to the end of the run; peak RSS is VmHWM over the whole run.
# Quitting with q tears the lab down; the script checks that nothing is left.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
. "$root/scripts/jdk25.sh"
minutes=10
warmup=20
java_options=()
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes=$2; shift 2 ;;
    --warm-up) warmup=$2; shift 2 ;;
    --java-option) java_options+=("$2"); shift 2 ;; # e.g. -Xmx32m, after the launcher's flags
    *) echo "live-footprint: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ "$(id -u)" != 0 ]; then
  echo "live-footprint: needs root (network namespaces)" >&2
  exit 4
fi
for tool in ip tmux; do
  command -v "$tool" >/dev/null || { echo "live-footprint: $tool is missing" >&2; exit 4; }
done
"$root/hoptrace" --version >/dev/null # builds the jar when the sources changed
# A private copy: a rebuild of cli/target during the run must not pull the jar from under it.
work=$(mktemp -d /tmp/hoptrace-footprint-XXXXXX)
cp "$root/cli/target/hoptrace.jar" "$work/hoptrace.jar"
session="hoptrace-footprint-$$"
cleanup() {
  tmux kill-session -t "$session" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The destination first: the view draws the first target, the longest path (10 hops).
targets=(dst r1 r2 r3 r4 r5 r6 r7 r8 r9)
# The launcher's flags (start-up matters little over minutes, so no AOT cache here).
command="$JAVA_HOME/bin/java --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC"
command+=" -XX:TieredStopAtLevel=1 -XX:-UsePerfData ${java_options[*]} -jar $work/hoptrace.jar live"
command+=" --scenario $root/bench/scenarios/ten-targets.yaml -n ${targets[*]}"
command+="; echo \$? >$work/status"
tick=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }

r9s() { ip netns list | awk '{print $1}' | grep -c -- '^ht-[a-z0-9]*-r9$' || true; }
before=$(r9s)
echo "load before: $(cat /proc/loadavg)"
tmux new-session -d -s "$session" -x 120 -y 40 "$command"
shell=$(tmux display-message -p -t "$session" '#{pane_pid}')
pid=
for _ in $(seq 50); do
  pid=$(pgrep -P "$shell" java || true)
  [ -n "$pid" ] && break
  sleep 0.1
done
[ -n "$pid" ] || { echo "live-footprint: hoptrace did not start" >&2; exit 1; }
sleep "$warmup"
cpu0=$(cpu "$pid")
t0=$(date +%s.%N)
echo "after ${warmup} s warm-up (lab built, traces running): CPU $((cpu0 * 1000 / tick)) ms"
for ((m = 1; m <= minutes; m++)); do
  sleep 60
  echo "minute $m: CPU $(( ($(cpu "$pid") - cpu0) * 1000 / tick )) ms," \
    "$(grep VmRSS "/proc/$pid/status" | tr -s ' \t' ' '), load $(cut -d' ' -f1-3 /proc/loadavg)"
done
cpu1=$(cpu "$pid")
t1=$(date +%s.%N)
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
threads=$(awk '/Threads/ {print $2}' "/proc/$pid/status")
tmux capture-pane -p -t "$session" >"$work/screen.txt"
# What of the RSS is heap (after the CPU sample, so the attach is not counted).
heap=$("$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info 2>/dev/null | grep -E 'total|used' || true)
tmux send-keys -t "$session" q
for _ in $(seq 100); do
  [ -s "$work/status" ] && break
  sleep 0.1
done
status=$(cat "$work/status" 2>/dev/null || echo "none: still running after 10 s")
echo "--- the view before q ---"
cat "$work/screen.txt"
echo "-------------------------"
steady=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}')
busy=$(( (cpu1 - cpu0) * 1000 / tick ))
echo "steady run: ${steady} s, CPU ${busy} ms ($(awk -v c="$busy" -v s="$steady" \
  'BEGIN {printf "%.2f", c / 10 / s}') % of one core), whole run CPU $((cpu1 * 1000 / tick)) ms"
echo "peak RSS (VmHWM): $((hwm / 1024)) MiB, threads: $threads, exit status after q: $status"
echo "heap (jcmd GC.heap_info):"
echo "$heap"
echo "load after: $(cat /proc/loadavg)"
sleep 1
echo "labs left behind: $(($(r9s) - before))"
