#!/usr/bin/env bash
# Fuzzes every input reader of the tool (deployment.toml with the datasource and keystore readers, registry.xml,
# carbon.xml, synapse XML, the answers file, an analytics deployment.yaml, plan.json, the journal, jar headers) with
# seeded mutations of real files for a time budget, and prints the inputs tried and the seconds taken, per reader.
# A reader may return or refuse with the tool's InputException (exit 2); anything else fails the run and is listed
# with the (reader, seed) that rebuilds its input.
#   fuzz/run.sh [seconds, default 300] [seed, default 20261207]
# It runs the compiled tests of analyzer-core (ReaderFuzzBudgetTest); they are built first when missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-300}"
seed="${2:-20261207}"
cd "$root"
[ -f analyzer-core/target/test-classes/dev/apimupgrade/scan/ReaderFuzzBudgetTest.class ] \
  || mvn -q -B -ntp -pl analyzer-core test-compile
rm -f analyzer-core/target/fuzz-report.txt
status=0
mvn -q -B -ntp -pl analyzer-core surefire:test -Dtest=ReaderFuzzBudgetTest -Dfuzz.seconds="$seconds" \
  -Dfuzz.seed="$seed" >/dev/null 2>&1 || status=$?
if [ -f analyzer-core/target/fuzz-report.txt ]; then
  cat analyzer-core/target/fuzz-report.txt
else
  echo "fuzz: the run did not finish (see mvn -pl analyzer-core surefire:test -Dtest=ReaderFuzzBudgetTest -Dfuzz.seconds=$seconds)" >&2
  status=1
fi
exit "$status"
