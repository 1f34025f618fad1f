#!/usr/bin/env bash
# Runs every Jazzer fuzz target of the packet decoders for real (JAZZER_FUZZ=1), each for the
# maxDuration its @FuzzTest states (30 s). Regression runs of the committed corpus happen in every
# `mvn test`; this finds new inputs. Findings fail the run and are written under packet/.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
. "$root/scripts/jdk25.sh"
cd "$root"
tests=packet/src/test/java/dev/hoptrace/packet/DecoderFuzzTest.java
targets=$(grep -A3 '@FuzzTest' "$tests" | sed -n 's/^ *\(public \)\{0,1\}void \([a-zA-Z0-9_]*\)(.*/\2/p')
[ -n "$targets" ] || { echo "fuzz: no targets found in $tests" >&2; exit 1; }
for target in $targets; do
  echo "fuzz: DecoderFuzzTest#$target"
  JAZZER_FUZZ=1 mvn -q -B -o -pl packet test -Dtest="DecoderFuzzTest#$target" -Dsurefire.failIfNoSpecifiedTests=false
done
echo "fuzz: $(echo $targets | wc -w) targets, no findings"
