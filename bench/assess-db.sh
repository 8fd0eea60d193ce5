#!/usr/bin/env bash
# Times the database scan on PostgreSQL: a throw-away database with the real APIM 3.0.0 schemas, 1,000,000 REG_LOG
# rows and 200,000 IDN_OAUTH2_ACCESS_TOKEN rows; RUNS cold JVM runs, prints each and the median (target: under 3 s).
# Needs: PostgreSQL on 127.0.0.1:5432 with trust authentication, psql, ../shared/reference (the real scripts) and a
# built tree (mvn -B -DskipTests package once); Maven is not run.
set -euo pipefail
cd "$(dirname "$0")/.."

PGUSER_NAME="${PGUSER_NAME:-postgres}"
REG_LOG_ROWS="${REG_LOG_ROWS:-1000000}"
TOKEN_ROWS="${TOKEN_ROWS:-200000}"
RUNS="${RUNS:-5}"
REFERENCE="${APIM_REFERENCE_DIR:-../shared/reference}/apim-3.0.0/dbscripts"
DB="apimup_bench_$$"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 5432 -U "$PGUSER_NAME")

[ -f "$REFERENCE/apimgt/postgresql.sql" ] || { echo "missing $REFERENCE/apimgt/postgresql.sql (set APIM_REFERENCE_DIR)" >&2; exit 2; }

# runs from the built tree, no Maven: the bench class (analyzer-core's test classes) on the tool's shaded jar
JAR="cli/target/apim-upgrade-all.jar"
[ -f "$JAR" ] && [ -f analyzer-core/target/test-classes/dev/apimupgrade/scan/db/DatabaseScanBench.class ] \
  || { echo "build first: mvn -B -DskipTests package (makes $JAR and analyzer-core's test classes)" >&2; exit 2; }
CP="analyzer-core/target/test-classes:$JAR"

"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB" >/dev/null
trap '"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null' EXIT

echo "loading the 3.0.0 schemas and $REG_LOG_ROWS REG_LOG / $TOKEN_ROWS IDN_OAUTH2_ACCESS_TOKEN rows into $DB ..." >&2
"${PSQL[@]}" -d "$DB" -f "$REFERENCE/apimgt/postgresql.sql" >/dev/null 2>&1
"${PSQL[@]}" -d "$DB" -f "$REFERENCE/postgresql.sql" >/dev/null 2>&1
"${PSQL[@]}" -d "$DB" <<SQL >/dev/null
INSERT INTO REG_LOG (REG_PATH, REG_USER_ID, REG_LOGGED_TIME, REG_ACTION, REG_TENANT_ID)
  SELECT '/_system/governance/apis/api' || (i % 5000), 'admin', now(), i % 8, 0 FROM generate_series(1, $REG_LOG_ROWS) i;
INSERT INTO IDN_OAUTH2_ACCESS_TOKEN (TOKEN_ID, ACCESS_TOKEN, AUTHZ_USER, TENANT_ID, USER_DOMAIN, TOKEN_SCOPE_HASH)
  SELECT 'token-' || i, md5(i::text), 'user' || i, -1234, 'PRIMARY', md5('default') FROM generate_series(1, $TOKEN_ROWS) i;
ANALYZE;
SQL

times=()
ERR="$(mktemp)"
for run in $(seq 1 "$RUNS"); do
    line="$(java -cp "$CP" dev.apimupgrade.scan.db.DatabaseScanBench "jdbc:postgresql://127.0.0.1:5432/$DB" "$PGUSER_NAME" 2>"$ERR")" \
        || { grep -v '^SLF4J' "$ERR" >&2; exit 1; }
    echo "run $run: $line"
    times+=("$(sed -E 's/scan_ms=([0-9]+).*/\1/' <<<"$line")")
done
rm -f "$ERR"
median="$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}')"
echo "median database scan: ${median} ms over $RUNS runs (REG_LOG $REG_LOG_ROWS rows, IDN_OAUTH2_ACCESS_TOKEN $TOKEN_ROWS rows; target < 3000 ms)"
