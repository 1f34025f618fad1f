#!/usr/bin/env bash
# Continuous traces: `hoptrace report -c 10` vs `mtr --report -c 10` on the same lab path.
#
# Run (as root, from anywhere):  bench/compare-mtr.sh [--runs N]
#
# Installs mtr-tiny with apt-get when mtr is missing, builds the jar (and its AOT cache) when
# needed, then runs bench/MtrComparison.java, which builds the `linear` scenario as a lab
# (198.18.0.0/15 only; nothing leaves the machine), measures both tools inside its client
# namespace and removes the lab (also on Ctrl-C). Prints a Markdown table for docs/benchmarks.md.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
. "$root/scripts/jdk25.sh"
cd "$root"
if [ "$(id -u)" != 0 ]; then
  echo "compare-mtr: needs root (network namespaces)" >&2
  exit 4
fi
if ! command -v mtr >/dev/null; then
  apt-get install -y mtr-tiny >&2 || { apt-get update >&2 && apt-get install -y mtr-tiny >&2; }
fi
for tool in ip nft mtr /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "compare-mtr: $tool is missing" >&2; exit 4; }
done
echo "mtr: $(mtr --version)" >&2
# The launcher builds the jar and its AOT cache when they are missing or stale.
"$root/hoptrace" --version >/dev/null
exec java -Dhoptrace.launcher="$root/hoptrace" -cp "$root/cli/target/hoptrace.jar" \
  "$root/bench/MtrComparison.java" "$@"
