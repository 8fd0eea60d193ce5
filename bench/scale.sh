#!/usr/bin/env bash
# Benchmark of issue 19: builds a large installation (LargeInstallation, from the generated samples: TENANTS tenants
# and FILES synapse files over a copy of apim-3.0.0-default, with its H2 databases) and times each command against its
# floor in the same run, paired and alternating (tool then floor, then floor then tool), RUNS pairs each. Floors:
#   assess, plan, verify, compare: `tar cf - old new | wc -c` (reading the same files) plus a JVM that prints hello;
#   migrate: `cp -a` of the same synapse trees plus one `sync`, plus the JVM hello.
# Prints per command the median tool and floor times, their ratio and the tool's peak RSS. Runs from the built jars
# (cli/target/apim-upgrade-all.jar, samples/target/samples-*.jar and samples/target/samples); no Maven.
#   SIZES="S L" (S = 100 tenants / 10,000 files, L = 1,000 / 100,000), RUNS=3, COMMANDS="assess plan migrate verify
#   compare", JAVA_OPTS passed to the launcher's java (for example -Xmx512m).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
SIZES="${SIZES:-S}"
RUNS="${RUNS:-3}"
COMMANDS="${COMMANDS:-assess plan migrate verify compare}"
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
  rm -rf "$work/old" "$work/new" "$work/run"
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
             [ "$code" -eq 0 ] || { echo "migrate exited $code:" >&2; tail -20 "$work/out" >&2; exit 1; } ;;
    verify) start=$(date +%s%N); /usr/bin/time -f '%M' -o "$work/rss" "$root/apim-upgrade" verify --plan \
              "$work/plan/plan.json" --run "$work/run" --old "$work/old" --new "$work/new" --out "$work/verify" \
              >"$work/out" 2>&1 || true ;;
    compare) start=$(date +%s%N); /usr/bin/time -f '%M' -o "$work/rss" "$root/apim-upgrade" compare --old "$work/old" \
              --new "$work/new" --run "$work/run" --out "$work/compare" >"$work/out" 2>&1 || true ;;
  esac
  ms "$start"
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

# the steps an operator confirms (manual steps): found once, untimed, then given to every timed migrate
find_confirms() {
  fresh
  for attempt in $(seq 1 40); do
    set +e
    "$root/apim-upgrade" migrate --plan "$work/plan/plan.json" --old "$work/old" --new "$work/new" --run "$work/run" \
      --no-prompt --quiet "${confirms[@]}" >"$work/out" 2>&1
    local code=$?
    set -e
    [ "$code" -eq 0 ] && return 0
    [ "$code" -eq 4 ] || { echo "migrate exited $code:" >&2; tail -20 "$work/out" >&2; exit 1; }
    confirms+=(--confirm "$(sed -n 's/^STOPPED at \(.*\)\.$/\1/p' "$work/out" | tail -1)")
  done
  echo "migrate did not finish after 40 confirmations" >&2; exit 1
}

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
  confirms=(); find_confirms
  tool assess --old "$work/old" --new "$work/new" --out "$work/assess" >/dev/null 2>&1 || true  # AppCDS warm-up
  printf '%-5s %-8s %9s %9s %6s %9s\n' size command tool_ms floor_ms ratio rss_MB
  for cmd in $COMMANDS; do
    tools=(); floors=(); rss=()
    if [ "$cmd" = verify ] || [ "$cmd" = compare ]; then
      fresh; "$root/apim-upgrade" migrate --plan "$work/plan/plan.json" --old "$work/old" --new "$work/new" \
        --run "$work/run" --no-prompt --quiet "${confirms[@]}" >/dev/null 2>&1
    fi
    for i in $(seq 1 "$RUNS"); do
      if [ $((i % 2)) -eq 1 ]; then
        tools+=("$(run_tool "$cmd")"); rss+=("$(tail -1 "$work/rss")"); floors+=("$(run_floor "$cmd")")
      else
        floors+=("$(run_floor "$cmd")"); tools+=("$(run_tool "$cmd")"); rss+=("$(tail -1 "$work/rss")")
      fi
    done
    t=$(median "${tools[@]}"); f=$(median "${floors[@]}")
    printf '%-5s %-8s %9s %9s %6s %9s   (tool %s; floor %s)\n' "$size" "$cmd" "$t" "$f" \
      "$(awk -v t="$t" -v f="$f" 'BEGIN {printf "%.1fx", t / f}')" "$(( $(printf '%s\n' "${rss[@]}" | sort -n | tail -1) / 1024 ))" \
      "${tools[*]}" "${floors[*]}"
  done
done
