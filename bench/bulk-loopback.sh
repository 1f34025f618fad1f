#!/usr/bin/env bash
# The highest rate at which `hoptrace bulk` still completes every destination correctly, with
# the kernel's ICMP budget out of the way: N x 65,536 destinations (127.0.0.0/16, 127.1.0.0/16,
# ...) in a network namespace of its own, each answering at hop 1, probed at increasing rates.
#
# Run (as root, from anywhere):
#   bench/bulk-loopback.sh [--rates "20000 50000 100000"] [--blocks N] [--mode raw|unprivileged]
#                          [--method udp|icmp|tcp]
#
# The namespace (ht-bulkrate-PID) has only its loopback, with icmp_ratelimit 0 and the global ICMP
# budget (icmp_msgs_per_sec, icmp_msgs_burst) raised, so every probe is answered: the run
# measures hoptrace and the kernel's socket paths, not ICMP rate limits. Nothing leaves it.
# Per rate: wall time, probes per second achieved (hoptrace's summary line), user + system CPU and
# peak RSS (/usr/bin/time), CPU per 100k probes, and whether all 65,536 destinations were reached.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
. "$root/scripts/jdk25.sh"
rates="20000 50000 100000"
blocks=1
mode=raw
method=udp
while [ $# -gt 0 ]; do
  case "$1" in
    --rates) rates=$2; shift 2 ;;
    --blocks) blocks=$2; shift 2 ;;
    --mode) mode=$2; shift 2 ;;
    --method) method=$2; shift 2 ;;
    *) echo "bulk-loopback: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" = 0 ] || { echo "bulk-loopback: needs root (network namespaces)" >&2; exit 4; }
[ -f "$root/cli/target/hoptrace.jar" ] || { echo "bulk-loopback: build the jar first (mvn -o -q -pl cli -am package -DskipTests)" >&2; exit 4; }
ns="ht-bulkrate-$$"
work=$(mktemp -d /tmp/hoptrace-bulkrate-XXXXXX)
cp "$root/cli/target/hoptrace.jar" "$work/hoptrace.jar"
cleanup() { ip netns del "$ns" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
ip netns add "$ns"
ip netns exec "$ns" ip link set lo up
ip netns exec "$ns" sysctl -q -w net.ipv4.icmp_ratelimit=0 net.ipv4.icmp_msgs_per_sec=100000000 \
  net.ipv4.icmp_msgs_burst=100000000 "net.ipv4.ping_group_range=0 2147483647"
for ((b = 0; b < blocks; b++)); do echo "127.$b.0.0/16"; done > "$work/targets.txt"
total=$((blocks * 65536))
printf '%-8s %-12s %8s %10s %12s %8s %12s %10s %s\n' rate mode wall_s probes probes/s cpu_s cpu/100k rss_MiB complete
for rate in $rates; do
  out="$work/out-$rate.jsonl"
  ip netns exec "$ns" /usr/bin/time -f '%e %U %S %M' -o "$work/time" \
    "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:-UsePerfData \
    -jar "$work/hoptrace.jar" bulk -f "$work/targets.txt" --mode "$mode" --method "$method" \
    -q 1 --max-ttl 1 --wait 1 --rate "$rate" -w "$out" 2> "$work/err" || { cat "$work/err" >&2; exit 1; }
  read -r wall user sys rss < "$work/time"
  summary=$(grep 'destinations traced' "$work/err")
  probes=$(sed -E 's/.*: ([0-9]+) probes \(([0-9]+)\/s while sending\).*/\1/' <<< "$summary")
  pps=$(sed -E 's/.*: ([0-9]+) probes \(([0-9]+)\/s while sending\).*/\2/' <<< "$summary")
  reached=$(grep -c '"reached":true' "$out" || true)
  cpu=$(awk "BEGIN { print $user + $sys }")
  per100k=$(awk "BEGIN { printf \"%.2f\", ($user + $sys) * 100000 / $probes }")
  printf '%-8s %-12s %8s %10s %12s %8s %12s %10s %s\n' "$rate" "$mode/$method" "$wall" "$probes" "$pps" \
    "$cpu" "$per100k" "$((rss / 1024))" "$reached/$total"
done
