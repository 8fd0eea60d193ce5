#!/usr/bin/env bash
# Benchmark: migrate and rollback of a 3.0.0 home with many synapse files (the long step of a real migration), through
# the launcher as a user runs it. A copy of the apim-3.0.0-default sample gets FILES API files spread over TENANTS
# tenants (plus the super tenant), a plan is made without reading the databases, and migrate runs with every manual
# step confirmed; then rollback. Prints the wall time of migrate, of the synapse copy step alone (from the journal's
# timestamps), of rollback, and the peak RSS of migrate.
# Target on the 2-core reference machine: 10,000 files copied in under 10 s, migrate peak RSS under 400 MB.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
FILES="${FILES:-10000}"
TENANTS="${TENANTS:-4}"
samples="$root/samples/target/samples"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[ -f "$root/cli/target/apim-upgrade-all.jar" ] && [ -d "$samples/apim-3.0.0-default" ] \
  || { echo "build first: mvn -B -DskipTests package (this script runs from the built jar, without Maven)" >&2; exit 2; }

cp -a "$samples/apim-3.0.0-default" "$work/old"
cp -a "$samples/apim-3.1.0" "$work/new"
per=$(( FILES / (TENANTS + 1) ))
write_apis() { # folder count
  mkdir -p "$1"
  for i in $(seq 1 "$2"); do
    printf '<api xmlns="http://ws.apache.org/ns/synapse" name="admin--Bench%s" context="/bench%s/1.0.0" version="1.0.0">\n  <resource methods="GET" url-mapping="/*"><inSequence><send/></inSequence></resource>\n</api>\n' "$i" "$i" \
      > "$1/admin--Bench${i}_v1.0.0.xml"
  done
}
echo "writing $FILES synapse API files (super tenant and $TENANTS tenants) ..." >&2
write_apis "$work/old/repository/deployment/server/synapse-configs/default/api" "$per"
for t in $(seq 1 "$TENANTS"); do
  write_apis "$work/old/repository/tenants/$t/synapse-configs/default/api" "$per"
done

"$root/apim-upgrade" plan --old "$work/old" --new "$work/new" --no-db --out "$work/plan" >/dev/null 2>&1 || true
[ -f "$work/plan/plan.json" ] || { echo "plan failed" >&2; exit 1; }

confirms=()
start=$(date +%s%N)
for attempt in $(seq 1 30); do
  set +e
  /usr/bin/time -f '%M' -o "$work/rss.$attempt" "$root/apim-upgrade" migrate --plan "$work/plan/plan.json" \
      --old "$work/old" --new "$work/new" --no-db --run "$work/run" --no-prompt --quiet "${confirms[@]}" \
      > "$work/migrate.out" 2>&1
  code=$?
  set -e
  [ "$code" -eq 0 ] && break
  [ "$code" -eq 4 ] || { echo "migrate exited $code:" >&2; cat "$work/migrate.out" >&2; exit 1; }
  step=$(sed -n 's/^STOPPED at \(.*\)\.$/\1/p' "$work/migrate.out" | tail -1)
  confirms+=(--confirm "$step")
done
end=$(date +%s%N)
[ "$code" -eq 0 ] || { echo "migrate did not finish" >&2; exit 1; }

# the synapse copy steps (kind CopyTree in the plan): from each one's intent to its outcome in the journal
copy_ms=$(python3 - "$work/plan/plan.json" "$work/run/journal.jsonl" <<'PY'
import json, sys, datetime
plan = json.load(open(sys.argv[1]))
trees = {s["id"] for s in plan["steps"] if s["kind"] == "CopyTree"}
when = lambda r: datetime.datetime.fromisoformat(r["time"].replace("Z", "+00:00"))
intent, total = {}, 0.0
for line in open(sys.argv[2]):
    r = json.loads(line)
    if r.get("step") in trees and r.get("type") == "intent":
        intent[r["step"]] = when(r)
    elif r.get("step") in intent and r.get("type") == "outcome":
        total += (when(r) - intent.pop(r["step"])).total_seconds()
print(f"{int(total * 1000)} ms over {len(trees)} step(s)" if trees else "n/a (no CopyTree step in the plan)")
PY
)
rstart=$(date +%s%N)
"$root/apim-upgrade" rollback --run "$work/run" >/dev/null 2>&1
rend=$(date +%s%N)
max_kb=$(cat "$work"/rss.* | sort -n | tail -1)
copied=$(find "$work/run/backup" -type f 2>/dev/null | wc -l)

echo "migrate of apim-3.0.0-default with $FILES synapse files over $((TENANTS + 1)) tenants, ${#confirms[@]} confirm args"
echo "migrate wall (all runs to the end, JVM starts included): $(( (end - start) / 1000000 )) ms"
echo "synapse copy (journal intent to outcome): ${copy_ms} (target < 10000 ms for 10,000 files)"
echo "rollback wall: $(( (rend - rstart) / 1000000 )) ms ($copied backed-up files)"
echo "migrate peak RSS: $(( max_kb / 1024 )) MB (target < 400 MB)"
