#!/usr/bin/env bash
# The snapshot benchmark: `backups snapshot` against `pg_dump -Fc` on the same databases, in the same run.
#
# usage: bench/snapshot.sh [--runs 3] [--pgbench-scale 20] [--vacols-scale 170] [--parallelism 2]
#                          [--part-size SIZE] [--only pgbench|vacols] [--no-dir] [--stages] [--rebuild] [--no-build]
#
# Builds the CLI and the bench in Release (--no-build reuses the last build), creates once the databases
# bench_pgbench (`pgbench -i`) and bench_vacols (the VACOLS fixtures scaled up; --rebuild makes both again),
# then for each database, in rounds (pg_dump, then each store) and reporting the median of --runs rounds:
#   pg_dump -Fc -f FILE            wall clock, CPU, peak RSS, file size
#   backups snapshot -> S3         wall clock, CPU, peak RSS, stored bytes (local radosgw, bucket backups-bench)
#   backups snapshot -> directory  the same into a local directory (skip with --no-dir)
# CPU is user + system seconds of the client process (not of the database server). Prints one table;
# --stages adds the per-stage breakdown (Backups.Bench snapshot-stages) for each database.
# Needs the dev servers (deploy/dev/up.sh; started here when their env.sh is missing). Results and scratch
# files go under $BACKUPS_ARTIFACTS/bench (default artifacts/bench).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

runs=3
pgbench_scale=20
vacols_scale=170
parallelism=2
part_size=""
only=""
with_dir=1
with_stages=0
rebuild=0
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --pgbench-scale) pgbench_scale=$2; shift 2 ;;
    --vacols-scale) vacols_scale=$2; shift 2 ;;
    --parallelism) parallelism=$2; shift 2 ;;
    --part-size) part_size=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --no-dir) with_dir=0; shift ;;
    --stages) with_stages=1; shift ;;
    --rebuild) rebuild=1; shift ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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
[ -x "$pg_bin/pg_dump" ] || pg_bin="$(dirname "$(command -v pg_dump)")"
export BACKUPS_ARTIFACTS="${BACKUPS_ARTIFACTS:-$repo/artifacts}"
work="$BACKUPS_ARTIFACTS/bench/snapshot"
mkdir -p "$work"
results="$work/results-$(date +%Y%m%dT%H%M%S).md"
bucket="${BENCH_BUCKET:-backups-bench}"
pg_conn() { echo "Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Database=$1"; }

# Peak RSS: GNU time when installed, else polling VmHWM (the kernel's own high-water mark) until the process ends.
have_gnu_time=0
/usr/bin/time -v true >/dev/null 2>&1 && have_gnu_time=1

# measure OUTFILE CMD...: runs CMD with stdout to OUTFILE; sets m_seconds, m_rss_mb and m_cpu (user + system
# seconds of CMD itself, not of the database server; 0 without GNU time). Fails when CMD fails.
measure() {
  local out=$1; shift
  local log="$work/time.log" t0 t1 status=0
  t0=$(date +%s%N)
  if [ $have_gnu_time = 1 ]; then
    /usr/bin/time -v -o "$log" "$@" >"$out" 2>"$work/stderr.log" || status=$?
    t1=$(date +%s%N)
    m_rss_mb=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log")
    m_cpu=$(awk -F': ' '/User time|System time/ { t += $2 } END { printf "%.2f", t }' "$log")
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
    m_cpu=0
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
json_field() { sed -n "s/.*\"$2\": *\\([0-9.]*\\).*/\\1/p" "$1" | head -1; }

# --- build -------------------------------------------------------------------------------------------------
if [ $build = 1 ]; then
  echo "== building the CLI and the bench (Release, artifacts in $BACKUPS_ARTIFACTS)"
  dotnet publish -c Release -r linux-x64 --nologo -v quiet -o "$BACKUPS_ARTIFACTS/publish/backups" src/Backups.Cli/Backups.Cli.csproj
  dotnet build -c Release --nologo -v quiet bench/Backups.Bench/Backups.Bench.csproj
fi
cli="$BACKUPS_ARTIFACTS/publish/backups/backups"  # published as deployed: ReadyToRun for linux-x64
bench="$BACKUPS_ARTIFACTS/bin/Backups.Bench/release/Backups.Bench"
[ -x "$cli" ] && [ -x "$bench" ] || { echo "build output not found: $cli, $bench" >&2; exit 1; }

# --- databases (built once under a temporary name, renamed when complete; the comment records the scale) --
psql_admin() { "$pg_bin/psql" -X -q -At -v ON_ERROR_STOP=1 -d postgres "$@"; }
db_comment() { psql_admin -c "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '$1'"; }

ensure_db() { # NAME WANTED-COMMENT BUILD-FUNCTION
  local name=$1 wanted=$2 build=$3 have
  have=$(db_comment "$name")
  if [ "$have" = "$wanted" ] && [ $rebuild = 0 ]; then
    echo "== $name exists ($have)"
    return
  fi
  if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$name'")" = 1 ]; then
    echo "== $name is '${have:-without a comment}', wanted '$wanted': rebuilding it"
  fi
  psql_admin -c "DROP DATABASE IF EXISTS ${name}_building"
  psql_admin -c "CREATE DATABASE ${name}_building"
  $build "${name}_building"
  psql_admin -c "COMMENT ON DATABASE ${name}_building IS '$wanted'"
  psql_admin -c "DROP DATABASE IF EXISTS $name"
  psql_admin -c "ALTER DATABASE ${name}_building RENAME TO $name"
}
build_pgbench() {
  echo "== pgbench -i -s $pgbench_scale into $1"
  "$pg_bin/pgbench" -i -q -s "$pgbench_scale" "$1"
}
build_vacols() {
  echo "== VACOLS fixtures x$vacols_scale into $1 (schema vacols)"
  "$bench" seed-vacols-postgres "$(pg_conn "$1")" "$vacols_scale"
  "$pg_bin/psql" -X -q -d "$1" -c "VACUUM ANALYZE"
}

databases=()
[ "$only" = "" ] || [ "$only" = pgbench ] && databases+=("bench_pgbench:public")
[ "$only" = "" ] || [ "$only" = vacols ] && databases+=("bench_vacols:vacols")
for entry in "${databases[@]}"; do
  case "${entry%%:*}" in
    bench_pgbench) ensure_db bench_pgbench "pgbench -s $pgbench_scale" build_pgbench ;;
    bench_vacols) ensure_db bench_vacols "vacols x$vacols_scale" build_vacols ;;
  esac
done
"$bench" s3-bucket "$bucket"

# --- runs --------------------------------------------------------------------------------------------------
policy_for() { # DB SCHEMA -> policy file path
  local file="$work/$1.policy.yaml"
  cat >"$file" <<EOF
name: bench-$1
source:
  kind: postgres
  connection: "$(pg_conn "$1")"
  schema: $2
  tables: ["*"]
store: s3://$bucket/$1
schedule: "0 0 * * * ?"
timezone: UTC
retention:
  hourly: 3d
parallelism: $parallelism
EOF
  echo "$file"
}

part_args=()
[ -z "$part_size" ] || part_args=(--part-size "$part_size")
rows_line=()
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== load before: $load_before, $(nproc) cores, GNU time: $([ $have_gnu_time = 1 ] && echo yes || echo no, polling VmHWM)"

for entry in "${databases[@]}"; do
  db=${entry%%:*}
  schema=${entry#*:}
  policy=$(policy_for "$db" "$schema")
  stores=("s3://$bucket/$db")
  [ $with_dir = 0 ] || stores+=("$work/store-$db")
  # Interleaved (pg_dump, then each store, per round), so that load from elsewhere on the machine falls on all alike.
  dump_s=(); dump_rss=(); dump_cpu=(); s3_s=(); s3_rss=(); s3_cpu=(); dir_s=(); dir_rss=(); dir_cpu=()
  for round in $(seq "$runs"); do
    rm -f "$work/$db.dump"
    measure /dev/null "$pg_bin/pg_dump" -Fc -f "$work/$db.dump" "$db"
    dump_s+=("$m_seconds"); dump_rss+=("$m_rss_mb"); dump_cpu+=("$m_cpu")
    dump_bytes=$(stat -c %s "$work/$db.dump")
    rm -f "$work/$db.dump"
    echo "== $db round $round: pg_dump -Fc ${m_seconds}s (cpu ${m_cpu}s), ${m_rss_mb} MB RSS, $(mib "$dump_bytes") MiB"
    for store in "${stores[@]}"; do
      rm -rf "$work/store-$db" "$work/catalog.db"
      measure "$work/snapshot.json" "$cli" snapshot --policy "$policy" --store "$store" --catalog "$work/catalog.db" --json "${part_args[@]}"
      rows=$(json_field "$work/snapshot.json" rows)
      bytes=$(json_field "$work/snapshot.json" bytes)
      echo "== $db round $round: backups -> $store ${m_seconds}s (cpu ${m_cpu}s), ${m_rss_mb} MB RSS, $rows rows, $(mib "$bytes") MiB"
      case "$store" in
        s3://*) s3_s+=("$m_seconds"); s3_rss+=("$m_rss_mb"); s3_cpu+=("$m_cpu"); s3_bytes=$bytes
                "$bench" s3-bucket "$bucket" --empty "$db" >/dev/null ;;
        *) dir_s+=("$m_seconds"); dir_rss+=("$m_rss_mb"); dir_cpu+=("$m_cpu"); dir_bytes=$bytes
           rm -rf "$store" ;;
      esac
    done
  done
  d=$(median "${dump_s[@]}")
  for kind in s3 dir; do
    [ $kind = s3 ] || [ $with_dir = 1 ] || continue
    if [ $kind = s3 ]; then times=("${s3_s[@]}"); rss=("${s3_rss[@]}"); cpu=("${s3_cpu[@]}"); stored=$s3_bytes
    else times=("${dir_s[@]}"); rss=("${dir_rss[@]}"); cpu=("${dir_cpu[@]}"); stored=$dir_bytes; fi
    s=$(median "${times[@]}")
    rows_line+=("$(printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | **%s** | %s |' \
      "$db" "$kind" "$rows" "$d" "$(median "${dump_cpu[@]}")" "$(mib "$dump_bytes")" "$(maximum "${dump_rss[@]}")" \
      "$s" "$(median "${cpu[@]}")" "$(mib "$stored")" "$(awk -v a="$s" -v b="$d" 'BEGIN { printf "%.2f", a / b }')" "$(maximum "${rss[@]}")")")
  done
done
rm -f "$work/catalog.db" "$work/snapshot.json"

{
  echo "snapshot benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, median of $runs runs, parallelism $parallelism${part_size:+, part size $part_size}"
  echo "load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| database | store | rows | pg_dump s | pg_dump cpu s | dump MiB | pg_dump RSS MB | backups s | backups cpu s | stored MiB | ratio (wall) | backups peak RSS MB |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${rows_line[@]}"
} | tee "$results"

if [ $with_stages = 1 ]; then
  for entry in "${databases[@]}"; do
    db=${entry%%:*}
    echo
    "$bench" snapshot-stages "postgres:$(pg_conn "$db")" --schema "${entry#*:}" --parallelism "$parallelism" --store "s3://$bucket/stages" | tee -a "$results"
  done
fi
echo
echo "results: $results"
