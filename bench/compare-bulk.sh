#!/usr/bin/env bash
# Bulk tracing: scamper (and hoptrace bulk, once built) through the bulk-tree lab at fixed rates,
# and how many probes per second the lab's kernels themselves sustain.
#
# Run (as root, from anywhere):
#   bench/compare-bulk.sh [--rates 1000,5000,10000] [--flood 25000,50000,100000,200000]
#                         [--flood-threads 1,2]
#                         [--sample N] [--answering] [--ipv6] [--max-ttl 16]
#                         [--only scamper|hoptrace|flood] [--hoptrace-args "-q 1 --wait 1"]
#
# Builds the jar when needed, then runs bench/BulkComparison.java, which builds the library's
# bulk-tree scenario as a lab (198.18.0.0/15 only; nothing leaves the machine),
# writes the target list (every address the scenario's nodes own, or --sample N of them),
# measures each tool in the client namespace under /usr/bin/time, checks every trace against
# the scenario, and removes the lab. hoptrace is skipped, with a message, while `hoptrace --help`
# lists no bulk command; --hoptrace-args adds options to its command line. Prints Markdown tables; figures go to docs/benchmarks.md.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
. "$root/scripts/jdk25.sh"
cd "$root"
if [ "$(id -u)" != 0 ]; then
  echo "compare-bulk: needs root (network namespaces)" >&2
  exit 4
fi
for tool in ip nft scamper cc /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "compare-bulk: $tool is missing (apt-get install" \
    "$(case $tool in cc) echo gcc;; /usr/bin/time) echo time;; *) echo "$tool";; esac))" >&2; exit 4; }
done
echo "scamper: $(scamper -v 2>&1 | head -1)" >&2
# The launcher builds the jar (and its AOT cache) when they are missing or stale.
"$root/hoptrace" --version >/dev/null
exec java -Dhoptrace.launcher="$root/hoptrace" -cp "$root/cli/target/hoptrace.jar" \
  "$root/bench/BulkComparison.java" "$@"
