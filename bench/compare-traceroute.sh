#!/usr/bin/env bash
# Whole-program benchmark: hoptrace vs the system's traceroute on the same lab paths.
#
# Run (as root, from anywhere):  bench/compare-traceroute.sh [--runs N] [--tools traceroute,hoptrace]
#
# Builds the jar when needed, then runs bench/TracerouteComparison.java, which builds its own
# network-namespace lab (198.18.0.0/15 only; nothing leaves the machine), measures, and removes
# the lab (also on Ctrl-C). Prints a Markdown table; figures go to docs/benchmarks.md.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
. "$root/scripts/jdk25.sh"
cd "$root"
if [ "$(id -u)" != 0 ]; then
  echo "compare-traceroute: needs root (network namespaces)" >&2
  exit 4
fi
for tool in ip nft traceroute /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "compare-traceroute: $tool is missing (see .ci/run)" >&2; exit 4; }
done
# The launcher builds the jar and its AOT cache when they are missing or stale.
"$root/hoptrace" --version >/dev/null
# The shaded jar holds the lab module and everything it needs.
exec java -Dhoptrace.launcher="$root/hoptrace" -cp "$root/cli/target/hoptrace.jar" \
  "$root/bench/TracerouteComparison.java" "$@"
