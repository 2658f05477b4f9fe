#!/usr/bin/env bash
# The restore benchmark: `backups restore` of a pgbench snapshot into an empty database against
# `pg_restore -j 2` of a `pg_dump -Fc` of the same data, in the same run; then `backups query` for one row
# by key in pgbench_accounts.
#
# usage: bench/restore.sh [--runs 3] [--scale 20] [--parallelism 2] [--jobs 2] [--s3] [--queries 5]
#
# Builds the CLI in Release, reuses the database bench_pgbench when it holds `pgbench -s SCALE` (bench/snapshot.sh
# makes it; otherwise bench_pgbench_sSCALE is created once), takes one snapshot of it into a directory store (and
# into S3 with --s3) and one pg_dump -Fc, then times, median of --runs, each into a freshly created database:
#   pg_restore -j JOBS -d DB FILE                      wall clock, peak RSS
#   backups restore --snapshot ID --to postgres:DB     wall clock, peak RSS (directory store; S3 with --s3)
# checks that both restored databases hold the same rows as the source (per-table md5), prints the ratio, and
# times `backups query ... WHERE aid = K` (median of --queries runs, each downloading and verifying the table).
# Needs the dev servers (deploy/dev/up.sh; started here when their env.sh is missing). Results and scratch files
# go under $BACKUPS_ARTIFACTS/bench/restore (default artifacts/bench/restore).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

runs=3
scale=20
parallelism=2
jobs=2
with_s3=0
queries=5
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --scale) scale=$2; shift 2 ;;
    --parallelism) parallelism=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --s3) with_s3=1; shift ;;
    --queries) queries=$2; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

# --- environment -------------------------------------------------------------------------------------------
dev_env="${BACKUPS_DEV_DIR:-/tmp/backups-dev}/env.sh"
if [ -z "${PGHOST:-}" ] || [ -z "${AWS_ENDPOINT_URL_S3:-}" ]; then
  if [ ! -f "$dev_env" ]; then
    echo "== starting the dev servers (deploy/dev/up.sh)"
    deploy/dev/up.sh
  fi
  # shellcheck disable=SC1090
  source "$dev_env"
fi
pg_bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
[ -x "$pg_bin/pg_restore" ] || pg_bin="$(dirname "$(command -v pg_restore)")"
export BACKUPS_ARTIFACTS="${BACKUPS_ARTIFACTS:-$repo/artifacts}"
work="$BACKUPS_ARTIFACTS/bench/restore"
mkdir -p "$work"
export BACKUPS_CATALOG="$work/catalog.db"
export BACKUPS_TEMP="$work/tmp"
mkdir -p "$BACKUPS_TEMP"
results="$work/results-$(date +%Y%m%dT%H%M%S).md"
pg_conn() { echo "Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Database=$1"; }
psql_admin() { "$pg_bin/psql" -X -q -At -v ON_ERROR_STOP=1 -d postgres "$@"; }

have_gnu_time=0
/usr/bin/time -v true >/dev/null 2>&1 && have_gnu_time=1

# measure OUTFILE CMD...: runs CMD with stdout to OUTFILE; sets m_seconds and m_rss_mb. Fails when CMD fails.
measure() {
  local out=$1; shift
  local log="$work/time.log" t0 t1 status=0
  t0=$(date +%s%N)
  if [ $have_gnu_time = 1 ]; then
    /usr/bin/time -v -o "$log" "$@" >"$out" 2>"$work/stderr.log" || status=$?
    t1=$(date +%s%N)
    m_rss_mb=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log")
  else
    "$@" >"$out" 2>"$work/stderr.log" &
    local pid=$! hwm=0 v
    while kill -0 "$pid" 2>/dev/null; do
      v=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
      [ -n "$v" ] && hwm=$v
      sleep 0.05
    done
    wait "$pid" || status=$?
    t1=$(date +%s%N)
    m_rss_mb=$(( hwm / 1024 ))
  fi
  m_seconds=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
  if [ $status != 0 ]; then
    echo "FAILED ($status): $*" >&2
    cat "$work/stderr.log" >&2
    return $status
  fi
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
maximum() { printf '%s\n' "$@" | sort -g | tail -1; }
mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
fresh_db() { psql_admin -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"; }
# Per-table md5 of the rows' text forms, sorted: the same query for the source and both restored copies.
checksums() {
  local db=$1 t
  for t in pgbench_accounts pgbench_branches pgbench_history pgbench_tellers; do
    "$pg_bin/psql" -X -q -At -d "$db" -c "SELECT '$t ' || count(*) || ' ' || md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) FROM $t x"
  done
}

# --- build -------------------------------------------------------------------------------------------------
echo "== building the CLI (Release, artifacts in $BACKUPS_ARTIFACTS)"
dotnet publish -c Release -r linux-x64 --nologo -v quiet -o "$BACKUPS_ARTIFACTS/publish/backups" src/Backups.Cli/Backups.Cli.csproj
cli="$BACKUPS_ARTIFACTS/publish/backups/backups"  # published as deployed: ReadyToRun for linux-x64
[ -x "$cli" ] || { echo "build output not found: $cli" >&2; exit 1; }
bench="$BACKUPS_ARTIFACTS/bin/Backups.Bench/release/Backups.Bench"
if [ $with_s3 = 1 ]; then
  # Its s3-bucket mode creates the bucket when missing and empties a prefix between runs.
  dotnet build -c Release --nologo -v quiet bench/Backups.Bench/Backups.Bench.csproj
  [ -x "$bench" ] || { echo "build output not found: $bench" >&2; exit 1; }
fi

# --- the source database: bench_pgbench when it holds this scale (bench/snapshot.sh's), else our own ------
wanted="pgbench -s $scale"
source_db=bench_pgbench
if [ "$(psql_admin -c "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = 'bench_pgbench'")" != "$wanted" ]; then
  source_db="bench_pgbench_s$scale"
  if [ "$(psql_admin -c "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '$source_db'")" != "$wanted" ]; then
    echo "== pgbench -i -s $scale into $source_db"
    fresh_db "${source_db}_building"
    "$pg_bin/pgbench" -i -q -s "$scale" "${source_db}_building"
    psql_admin -c "COMMENT ON DATABASE ${source_db}_building IS '$wanted'"
    psql_admin -c "DROP DATABASE IF EXISTS $source_db WITH (FORCE)" -c "ALTER DATABASE ${source_db}_building RENAME TO $source_db"
  fi
fi
echo "== source: $source_db ($wanted)"
source_sums=$(checksums "$source_db")
accounts=$("$pg_bin/psql" -X -q -At -d "$source_db" -c "SELECT count(*) FROM pgbench_accounts")

# --- one dump and one snapshot of the same data --------------------------------------------------------------
policy="$work/policy.yaml"
cat >"$policy" <<YAML
name: bench-restore
source:
  kind: postgres
  connection: "$(pg_conn "$source_db")"
  schema: public
store: $work/store
schedule: "0 0 * * * ?"
timezone: UTC
retention:
  hourly: 3d
parallelism: 2
YAML
rm -rf "$work/store" "$BACKUPS_CATALOG"
echo "== pg_dump -Fc $source_db"
measure /dev/null "$pg_bin/pg_dump" -Fc -f "$work/source.dump" "$source_db"
dump_bytes=$(stat -c %s "$work/source.dump")
echo "   ${m_seconds}s, $(mib "$dump_bytes") MiB"
echo "== backups snapshot $source_db -> $work/store"
measure "$work/snapshot.json" "$cli" snapshot --policy "$policy" --json
id=$(sed -n 's/.*"id": *"\([^"]*\)".*/\1/p' "$work/snapshot.json" | head -1)
snap_bytes=$(sed -n 's/.*"bytes": *\([0-9]*\).*/\1/p' "$work/snapshot.json" | head -1)
echo "   ${m_seconds}s, snapshot $id, $(mib "$snap_bytes") MiB"
stores=("$work/store")
if [ $with_s3 = 1 ]; then
  bucket="${BENCH_BUCKET:-backups-bench}"
  "$bench" s3-bucket "$bucket" --empty restore-bench >/dev/null
  echo "== backups snapshot $source_db -> s3://$bucket/restore-bench"
  measure "$work/snapshot-s3.json" "$cli" snapshot --policy "$policy" --store "s3://$bucket/restore-bench" --json
  s3_id=$(sed -n 's/.*"id": *"\([^"]*\)".*/\1/p' "$work/snapshot-s3.json" | head -1)
  stores+=("s3://$bucket/restore-bench")
fi

# --- runs --------------------------------------------------------------------------------------------------
echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, GNU time: $([ $have_gnu_time = 1 ] && echo yes || echo no, polling VmHWM)"
pgr_s=(); pgr_rss=()
declare -A b_s b_rss
for run in $(seq "$runs"); do
  fresh_db bench_restore_pg
  measure /dev/null "$pg_bin/pg_restore" -j "$jobs" -d bench_restore_pg "$work/source.dump"
  pgr_s+=("$m_seconds"); pgr_rss+=("$m_rss_mb")
  echo "   run $run: pg_restore -j $jobs ${m_seconds}s, ${m_rss_mb} MB RSS"
  [ "$run" != 1 ] || [ "$(checksums bench_restore_pg)" = "$source_sums" ] || { echo "pg_restore copy differs from the source" >&2; exit 1; }
  for store in "${stores[@]}"; do
    snapshot_id=$id
    [ "$store" = "$work/store" ] || snapshot_id=$s3_id
    fresh_db bench_restore_backups
    measure "$work/restore.json" "$cli" restore --store "$store" --snapshot "$snapshot_id" --to "postgres:$(pg_conn bench_restore_backups)" --parallelism "$parallelism" --json
    b_s[$store]="${b_s[$store]:-} $m_seconds"; b_rss[$store]="${b_rss[$store]:-} $m_rss_mb"
    echo "   run $run: backups restore ($store) ${m_seconds}s, ${m_rss_mb} MB RSS"
    [ "$run" != 1 ] || [ "$(checksums bench_restore_backups)" = "$source_sums" ] || { echo "backups restore copy differs from the source" >&2; exit 1; }
  done
done

q_s=()
key=$(( accounts * 3 / 5 + 7 ))
for _ in $(seq "$queries"); do
  measure "$work/query.json" "$cli" query --store "$work/store" --snapshot "$id" "SELECT * FROM pgbench_accounts WHERE aid = $key" --json
  q_s+=("$m_seconds")
done
grep -q "\"aid\": $key" "$work/query.json" || { echo "query did not return aid $key" >&2; cat "$work/query.json" >&2; exit 1; }

psql_admin -c "DROP DATABASE IF EXISTS bench_restore_pg WITH (FORCE)" -c "DROP DATABASE IF EXISTS bench_restore_backups WITH (FORCE)"
rm -rf "$work/source.dump" "$BACKUPS_TEMP"
[ $with_s3 = 0 ] || "$bench" s3-bucket "$bucket" --empty restore-bench >/dev/null

p=$(median "${pgr_s[@]}")
{
  echo "restore benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, median of $runs runs; $source_db ($wanted): $accounts accounts"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); restored copies checked equal to the source (per-table md5)"
  echo
  echo "| what | seconds | ratio to pg_restore | peak RSS MB |"
  echo "| --- | ---: | ---: | ---: |"
  echo "| pg_restore -j $jobs (from pg_dump -Fc, $(mib "$dump_bytes") MiB) | $p | 1.00 | $(maximum "${pgr_rss[@]}") |"
  for store in "${stores[@]}"; do
    # shellcheck disable=SC2086
    s=$(median ${b_s[$store]})
    # shellcheck disable=SC2086
    echo "| backups restore --parallelism $parallelism from $([ "$store" = "$work/store" ] && echo "a directory" || echo S3) ($(mib "$snap_bytes") MiB) | $s | **$(awk -v a="$s" -v b="$p" 'BEGIN { printf "%.2f", a / b }')** | $(maximum ${b_rss[$store]}) |"
  done
  echo "| backups query: one row by key of $accounts (download, verify, DuckDB), median of $queries | $(median "${q_s[@]}") | | |"
} | tee "$results"
echo
echo "results: $results"
