#!/usr/bin/env bash
# Benchmark of issue 19: builds a large installation (LargeInstallation, from the generated samples: TENANTS tenants
# and FILES synapse files over a copy of apim-3.0.0-default, with its H2 databases) and times each command against its
# floor in the same run, paired and alternating (tool then floor, then floor then tool), RUNS pairs each. Floors:
#   assess, plan, verify, compare: `tar cf - old new | wc -c` (reading the same files) plus a JVM that prints hello;
#   migrate: `cp -a` of the same synapse trees plus one `sync`, plus the JVM hello.
# Prints per command the median tool and floor times, their ratio, the tool's peak RSS and the load average when the
# command's runs ended; after the last size, each command's time and peak RSS at every size against the first size.
# Every command runs with a capped heap (HEAP, default -Xmx512m): a command that dies of it fails the script. Runs
# from the built jars (cli/target/apim-upgrade-all.jar, samples/target/samples-*.jar and samples/target/samples);
# no Maven.
#   SIZES="S L" (S = 100 tenants / 10,000 files, L = 1,000 / 100,000, or tenants/files such as 300/30000), RUNS=3,
#   COMMANDS="assess plan migrate verify compare", HEAP=-Xmx512m (plus any APIM_UPGRADE_JAVA_OPTS given).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
SIZES="${SIZES:-S}"
RUNS="${RUNS:-3}"
COMMANDS="${COMMANDS:-assess plan migrate verify compare}"
HEAP="${HEAP:--Xmx512m}"
export APIM_UPGRADE_JAVA_OPTS="$HEAP ${APIM_UPGRADE_JAVA_OPTS:-}"
samples="$root/samples/target/samples"
samples_jar="$(ls "$root"/samples/target/samples-*.jar 2>/dev/null | grep -v sources | head -1 || true)"
[ -f "$root/cli/target/apim-upgrade-all.jar" ] && [ -d "$samples/apim-3.0.0-default" ] && [ -n "$samples_jar" ] || {
  echo "build first: mvn -B -DskipTests package (needs cli/target/apim-upgrade-all.jar and samples/target)" >&2; exit 2; }
if [ -n "${WORK:-}" ]; then work="$WORK"; mkdir -p "$work"; else work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT; fi

# a JVM that prints hello: the start-up part of every floor
mkdir -p "$work/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$work/hello/Hello.java"
javac -d "$work/hello" "$work/hello/Hello.java"
hello() { java -cp "$work/hello" Hello >/dev/null; }
tool() { "$root/apim-upgrade" "$@"; }
# the custom database password is not needed: the default sample keeps its (fake) passwords in deployment.toml
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

fresh() { # pristine old and new homes for a command that writes
  rm -rf "$work/old" "$work/new" "$work/run" "$work/migrated"
  cp -a "$work/pristine/apim-3.0.0-default" "$work/old"
  cp -a "$work/pristine/apim-3.1.0" "$work/new"
}

confirms=()
run_tool() { # command; prints ms, leaves peak RSS (KB) in $work/rss
  local start code
  case "$1" in
    assess) start=$(date +%s%N); /usr/bin/time -f '%M' -o "$work/rss" "$root/apim-upgrade" assess --old "$work/old" \
              --new "$work/new" --out "$work/assess" >"$work/out" 2>&1 || true ;;
    plan) rm -rf "$work/plan"; start=$(date +%s%N); /usr/bin/time -f '%M' -o "$work/rss" "$root/apim-upgrade" plan \
              --old "$work/old" --new "$work/new" --out "$work/plan" >"$work/out" 2>&1 || true ;;
    migrate) fresh; start=$(date +%s%N); set +e
             /usr/bin/time -f '%M' -o "$work/rss" "$root/apim-upgrade" migrate --plan "$work/plan/plan.json" \
               --old "$work/old" --new "$work/new" --run "$work/run" --no-prompt --quiet "${confirms[@]}" \
               >"$work/out" 2>&1; code=$?; set -e
             migrate_ended "$code"; touch "$work/migrated" ;;
    verify) start=$(date +%s%N); /usr/bin/time -f '%M' -o "$work/rss" "$root/apim-upgrade" verify --plan \
              "$work/plan/plan.json" --run "$work/run" --old "$work/old" --new "$work/new" --out "$work/verify" \
              >"$work/out" 2>&1 || true ;;
    compare) start=$(date +%s%N); /usr/bin/time -f '%M' -o "$work/rss" "$root/apim-upgrade" compare --old "$work/old" \
              --new "$work/new" --run "$work/run" --out "$work/compare" >"$work/out" 2>&1 || true ;;
  esac
  ms "$start"
  if grep -q -E 'OutOfMemoryError|Exception in thread' "$work/out"; then
    echo "$1 failed with $APIM_UPGRADE_JAVA_OPTS:" >&2; tail -20 "$work/out" >&2; touch "$work/failed"; exit 1
  fi
}

run_floor() { # command; prints ms
  local start
  if [ "$1" = migrate ]; then
    rm -rf "$work/floorcopy"; mkdir -p "$work/floorcopy"
    start=$(date +%s%N)
    cp -a "$work/old/repository/deployment/server/synapse-configs" "$work/floorcopy/super"
    cp -a "$work/old/repository/tenants" "$work/floorcopy/tenants"
    sync; hello
  else
    start=$(date +%s%N)
    tar cf - -C "$work" old new | wc -c >/dev/null; hello
  fi
  ms "$start"
}

# migrate ends at its last step (0), or stops (4) at the first manual step whose check needs a started 3.1.0 server
# (IDN-RUN reads the server's log): everything before it, the synapse copy and the AM script included, is timed
migrate_ended() {
  [ "$1" -eq 0 ] && return 0
  if [ "$1" -eq 4 ] && grep -q '^STOPPED at IDN-RUN' "$work/out"; then return 0; fi
  echo "migrate exited $1:" >&2; tail -20 "$work/out" >&2; touch "$work/failed"; exit 1
}

# the steps an operator confirms: every manual step of the plan, given to every migrate (as an operator who has done
# them would), so no run stops half-way
plan_confirms() {
  confirms=()
  while read -r id; do confirms+=(--confirm "$id"); done < <(python3 -c '
import json, sys
for s in json.load(open(sys.argv[1]))["steps"]:
    if s["kind"] == "ManualStep":
        print(s["id"])' "$work/plan/plan.json")
}

rm -f "$work/results" "$work/failed"
echo "heap: $APIM_UPGRADE_JAVA_OPTS; $(nproc) CPUs; $(uname -srm)" >&2
for size in $SIZES; do
  case "$size" in
    S) tenants=100; files=10000 ;;
    L) tenants=1000; files=100000 ;;
    *) tenants="${size%%/*}"; files="${size##*/}" ;;   # e.g. SIZES="10/1000"
  esac
  echo "size $size: generating $tenants tenants, $files synapse files ..." >&2
  rm -rf "$work/pristine"
  java -cp "$samples_jar" dev.apimupgrade.samples.LargeInstallation "$samples" "$work/pristine" "$tenants" "$files" >/dev/null
  fresh
  tool plan --old "$work/old" --new "$work/new" --out "$work/plan" >/dev/null 2>&1 || true
  [ -f "$work/plan/plan.json" ] || { echo "plan failed" >&2; exit 1; }
  plan_confirms
  tool assess --old "$work/old" --new "$work/new" --out "$work/assess" >/dev/null 2>&1 || true  # AppCDS warm-up
  printf '%-9s %-8s %9s %9s %6s %7s %6s\n' size command tool_ms floor_ms ratio rss_MB load1
  for cmd in $COMMANDS; do
    tools=(); floors=(); rss=()
    if { [ "$cmd" = verify ] || [ "$cmd" = compare ]; } && [ ! -e "$work/migrated" ]; then
      fresh; "$root/apim-upgrade" migrate --plan "$work/plan/plan.json" --old "$work/old" --new "$work/new" \
        --run "$work/run" --no-prompt --quiet "${confirms[@]}" >"$work/out" 2>&1 || migrate_ended $?
      touch "$work/migrated"
    fi
    for i in $(seq 1 "$RUNS"); do
      if [ $((i % 2)) -eq 1 ]; then
        tools+=("$(run_tool "$cmd")"); [ ! -e "$work/failed" ] || exit 1; rss+=("$(tail -1 "$work/rss")"); floors+=("$(run_floor "$cmd")")
      else
        floors+=("$(run_floor "$cmd")"); tools+=("$(run_tool "$cmd")"); [ ! -e "$work/failed" ] || exit 1; rss+=("$(tail -1 "$work/rss")")
      fi
    done
    t=$(median "${tools[@]}"); f=$(median "${floors[@]}")
    r=$(( $(printf '%s\n' "${rss[@]}" | sort -n | tail -1) / 1024 ))
    load=$(cut -d' ' -f1 /proc/loadavg)
    printf '%-9s %-8s %9s %9s %6s %7s %6s   (tool %s; floor %s)\n' "$size" "$cmd" "$t" "$f" \
      "$(awk -v t="$t" -v f="$f" 'BEGIN {printf "%.1fx", t / f}')" "$r" "$load" "${tools[*]}" "${floors[*]}"
    echo "$size $cmd $t $f $r $load" >> "$work/results"
  done
done

# each size against the first: time and peak RSS ratios (issue 19: L/S time at most 10x, RSS at most 1.25x)
first="${SIZES%% *}"
if [ "$first" != "$SIZES" ]; then
  printf '\n%-8s %-9s %8s %8s\n' command size "time/$first" "rss/$first"
  awk -v first="$first" '$1 == first {t[$2] = $3; r[$2] = $5}
    $1 != first && ($2 in t) {printf "%-8s %-9s %7.1fx %7.2fx\n", $2, $1, $3 / t[$2], $5 / r[$2]}' "$work/results"
fi
