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
if [[ " $* " != *" --tools traceroute "* ]]; then
  (mvn -q -B -o -pl cli -am package -DskipTests 2>/dev/null || mvn -q -B -pl cli -am package -DskipTests) >&2
else
  (mvn -q -B -o -pl lab -am compile 2>/dev/null || mvn -q -B -pl lab -am compile) >&2
fi
# Runtime classpath of the lab module: its classes are all the benchmark needs.
exec java -Dhoptrace.jar="$root/cli/target/hoptrace.jar" -cp "$root/lab/target/classes" \
  "$root/bench/TracerouteComparison.java" "$@"
