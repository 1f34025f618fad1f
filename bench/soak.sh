#!/usr/bin/env bash
# Soak: `hoptrace live` on a real lab for 30 minutes, memory sampled over time (not run in CI).
#
# Run (as root, from anywhere; at low CPU priority so it can share the machine):
#   nice -n 19 bench/soak.sh [--minutes N] [--every SEC] [--interval SEC] [--java-option OPT]...
#
# hoptrace builds the built-in home-isp-cdn scenario as a lab (network namespaces, 198.18.0.0/15
# only; nothing leaves the machine): home NAT, an MPLS core balancing per flow, a CDN edge that
# rate-limits ICMP, links with delay and jitter run by the link emulator inside the process. It
# watches three targets (cdn, pe2, bng) at a round every --interval seconds (0.5) in a tmux
# terminal of 120x40 with the launcher's JVM flags, plus a GC log. Every --every seconds (30) the
# script samples the java process: RSS (VmRSS), threads and open descriptors from /proc, CPU
# (utime+stime), and heap in use (young and old generation) from `jcmd PID GC.heap_info`. At the end it prints the heap kept
# after each young collection (the GC log's "after" figure) at the start, middle and end: flat
# memory means that figure does not climb. Quitting with q tears the lab down; the script checks
# that nothing is left behind.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
. "$root/scripts/jdk25.sh"
minutes=30
every=30
interval=0.5
java_options=()
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes=$2; shift 2 ;;
    --every) every=$2; shift 2 ;;
    --interval) interval=$2; shift 2 ;;
    --java-option) java_options+=("$2"); shift 2 ;;
    *) echo "soak: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ "$(id -u)" != 0 ]; then
  echo "soak: needs root (network namespaces)" >&2
  exit 4
fi
for tool in ip tmux; do
  command -v "$tool" >/dev/null || { echo "soak: $tool is missing" >&2; exit 4; }
done
"$root/hoptrace" --version >/dev/null # builds the jar when the sources changed
# A private copy: a rebuild of cli/target during the run must not pull the jar from under it.
work=$(mktemp -d /tmp/hoptrace-soak-XXXXXX)
cp "$root/cli/target/hoptrace.jar" "$work/hoptrace.jar"
session="hoptrace-soak-$$"
cleanup() {
  tmux kill-session -t "$session" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

command="$JAVA_HOME/bin/java --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC"
command+=" -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xlog:gc:file=$work/gc.log ${java_options[*]}"
command+=" -jar $work/hoptrace.jar live --scenario home-isp-cdn -i $interval -n cdn pe2 bng"
command+="; echo \$? >$work/status"
tick=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
heap_used() { # "young old" KiB in use, from jcmd ("DefNew total 116160K, used 31009K [...")
  "$JAVA_HOME/bin/jcmd" "$1" GC.heap_info 2>/dev/null \
    | awk '/^(DefNew|Tenured)/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); sub("K", "", v); u[$1] = v}}
           END {print u["DefNew"] + 0, u["Tenured"] + 0}'
}
labs() { ip netns list | awk '{print $1}' | grep -c -- '-cdn$' || true; }
before=$(labs)
echo "load before: $(cat /proc/loadavg)"
echo "commit: $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet || echo ' (with changes)')"
tmux new-session -d -s "$session" -x 120 -y 40 "$command"
shell=$(tmux display-message -p -t "$session" '#{pane_pid}')
pid=
for _ in $(seq 50); do
  pid=$(pgrep -P "$shell" java || true)
  [ -n "$pid" ] && break
  sleep 0.1
done
[ -n "$pid" ] || { echo "soak: hoptrace did not start" >&2; exit 1; }
start=$(date +%s)
printf '%8s %8s %9s %8s %7s %7s %4s\n' elapsed_s rss_MiB young_MiB old_MiB cpu_s threads fds
end=$((start + minutes * 60))
while :; do
  now=$(date +%s)
  [ -d "/proc/$pid" ] || { echo "soak: hoptrace exited early" >&2; cat "$work/status" 2>/dev/null; exit 1; }
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  threads=$(awk '/Threads/ {print $2}' "/proc/$pid/status")
  fds=$(ls "/proc/$pid/fd" | wc -l)
  read -r young old < <(heap_used "$pid")
  printf '%8d %8.1f %9.1f %8.1f %7.1f %7d %4d\n' $((now - start)) "$(echo "$rss / 1024" | bc -l)" \
    "$(echo "$young / 1024" | bc -l)" "$(echo "$old / 1024" | bc -l)" \
    "$(echo "$(cpu "$pid") / $tick" | bc -l)" "$threads" "$fds"
  [ "$now" -ge "$end" ] && break
  sleep $((end - now < every ? end - now : every))
done
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
tmux capture-pane -p -t "$session" >"$work/screen.txt"
tmux send-keys -t "$session" q
for _ in $(seq 100); do
  [ -s "$work/status" ] && break
  sleep 0.1
done
status=$(cat "$work/status" 2>/dev/null || echo "none: still running after 10 s")
echo "--- the view before q ---"
cat "$work/screen.txt"
echo "-------------------------"
echo "peak RSS (VmHWM): $((hwm / 1024)) MiB, exit status after q: $status"
# "[12.345s][info][gc] GC(7) Pause Young (Allocation Failure) 40M->3M(150M) 1.234ms"
awk '/Pause/ {split($0, a, "->"); sub(/\(.*/, "", a[2]); t = $1; gsub(/[\[\]s]/, "", t); n++; at[n] = t; kept[n] = a[2]; last = $0}
     END {
       if (n == 0) {print "no collection in the GC log"; exit}
       printf "collections: %d; heap kept after a collection: ", n
       for (q = 0; q <= 4; q++) {i = int(1 + q * (n - 1) / 4); printf "%s at %.0f s%s", kept[i], at[i], q < 4 ? ", " : "\n"}
     }' "$work/gc.log"
echo "load after: $(cat /proc/loadavg)"
sleep 1
echo "labs left behind: $(($(labs) - before))"
