#!/usr/bin/env bash
# Fuzzes every Jazzer target of the packet decoders for real (JAZZER_FUZZ=1), each for the
# maxDuration its @FuzzTest states (30 s). Regression runs over the committed corpus happen in
# every `mvn test`; this looks for new inputs. A finding fails the run; its input is saved under
# packet/src/test/resources by Jazzer and the target's log is printed.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
. "$root/scripts/jdk25.sh"
cd "$root"
tests=packet/src/test/java/dev/hoptrace/packet/DecoderFuzzTest.java
targets=$(grep -A3 '@FuzzTest' "$tests" | sed -n 's/^ *\(public \)\{0,1\}void \([a-zA-Z0-9_]*\)(.*/\2/p')
[ -n "$targets" ] || { echo "fuzz: no targets found in $tests" >&2; exit 1; }
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
count=0
for target in $targets; do
  log="$logs/$target.log"
  if ! JAZZER_FUZZ=1 mvn -B -o -pl packet test -Dtest="DecoderFuzzTest#$target" \
      -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1; then
    echo "fuzz: DecoderFuzzTest#$target FAILED; its log:" >&2
    cat "$log" >&2
    exit 1
  fi
  runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  echo "fuzz: DecoderFuzzTest#$target: ${runs:-?} inputs, no findings"
  count=$((count + 1))
done
echo "fuzz: $count targets fuzzed, no findings"
