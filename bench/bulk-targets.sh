#!/usr/bin/env bash
# Target list for bulk tracing: every address a scenario's nodes own, or a sample, one a line.
#
# Run (from anywhere; nothing is sent):
#   bench/bulk-targets.sh [--scenario NAME|FILE.yaml] [-6] [--sample N] [--seed S] [--answering] > targets.txt
#
# The scenario defaults to the library's bulk-tree (3,328 IPv4 addresses).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
. "$root/scripts/jdk25.sh"
cd "$root"
"$root/hoptrace" --version >/dev/null
exec java -cp "$root/cli/target/hoptrace.jar" "$root/bench/BulkTargets.java" "$@"
