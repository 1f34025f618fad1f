#!/usr/bin/env bash
# Multipath benchmark: hoptrace mda vs scamper's tracelb on the lab's load-balanced scenarios.
#
# Run (as root, from anywhere):  bench/compare-mda.sh [--runs N] [--only hoptrace|scamper]
#
# Builds the jar when needed, then runs bench/MdaComparison.java, which builds each scenario's
# network-namespace lab (198.18.0.0/15 only; nothing leaves the machine), measures, and removes
# it. Prints a Markdown table; figures go to docs/benchmarks.md.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
. "$root/scripts/jdk25.sh"
cd "$root"
if [ "$(id -u)" != 0 ]; then
  echo "compare-mda: needs root (network namespaces)" >&2
  exit 4
fi
for tool in ip nft scamper; do
  command -v "$tool" >/dev/null || { echo "compare-mda: $tool is missing (apt-get install $tool)" >&2; exit 4; }
done
"$root/hoptrace" --version >/dev/null
exec java -Dhoptrace.launcher="$root/hoptrace" -cp "$root/cli/target/hoptrace.jar" \
  "$root/bench/MdaComparison.java" "$@"
