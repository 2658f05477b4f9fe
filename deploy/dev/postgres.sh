#!/usr/bin/env bash
# Local PostgreSQL 15 for development and tests, on 127.0.0.1 only.
#
#   deploy/dev/postgres.sh start|stop|status|env
#
# State (data, socket, log) lives in ${BACKUPS_DEV_DIR:-/tmp/backups-dev}/pg.
# The port is ${BACKUPS_PG_PORT:-54329}. Authentication is "trust": this
# server is for tests on loopback and must never listen elsewhere. One role
# is the exception: backups_password_check must log in over TCP with a
# SCRAM password, so that tests can see a wrong password refused for real
# (the tests create the role and set its password themselves).
set -euo pipefail

DEV_DIR="${BACKUPS_DEV_DIR:-/tmp/backups-dev}"
STATE="$DEV_DIR/pg"
DATA="$STATE/data"
LOG="$STATE/postgres.log"
PORT="${BACKUPS_PG_PORT:-54329}"
PGBIN="${BACKUPS_PG_BIN:-/usr/lib/postgresql/15/bin}"
ROLE="backups"
DB="backups"

say() { printf 'postgres.sh: %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

# The OS user that owns the cluster: postgres refuses to run as root.
if [ "$(id -u)" -eq 0 ]; then
  RUN_AS="${BACKUPS_PG_OS_USER:-postgres}"
else
  RUN_AS="$(id -un)"
fi

as_owner() {
  if [ "$(id -un)" = "$RUN_AS" ]; then
    "$@"
  else
    runuser -u "$RUN_AS" -- "$@"
  fi
}

ensure_installed() {
  if [ -x "$PGBIN/pg_ctl" ] && [ -x "$PGBIN/initdb" ] && [ -x "$PGBIN/psql" ]; then
    return
  fi
  [ "$(id -u)" -eq 0 ] || die "PostgreSQL 15 is not installed in $PGBIN; run as root once (apt-get install postgresql-15)"
  say "installing postgresql-15 from Debian (first run only)"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y --no-install-recommends postgresql-15 >&2; then
    apt-get update >&2
    apt-get install -y --no-install-recommends postgresql-15 >&2
  fi
  [ -x "$PGBIN/pg_ctl" ] || die "postgresql-15 installed but $PGBIN/pg_ctl is missing"
}

ensure_os_user() {
  [ "$(id -u)" -eq 0 ] || return 0
  if ! getent passwd "$RUN_AS" >/dev/null; then
    say "creating system user $RUN_AS"
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$RUN_AS"
  fi
}

# The postmaster of this data dir when its postmaster.pid is gone (for example
# when the state dir was deleted while it ran).
orphan_pid() {
  local f pid
  for f in /proc/[0-9]*/cmdline; do
    pid="${f#/proc/}"; pid="${pid%/cmdline}"
    if [[ "$(tr '\0' ' ' <"$f" 2>/dev/null)" == "$PGBIN/postgres -D $DATA "* ]]; then
      echo "$pid"
      return 0
    fi
  done
  return 1
}

stop_orphan() {
  local pid _
  pid="$(orphan_pid)" || return 0
  say "stopping postmaster pid $pid whose data dir $DATA is gone"
  kill -INT "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    [ -d "/proc/$pid" ] || return 0
    sleep 0.2
  done
  kill -KILL "$pid" 2>/dev/null || true
}

is_running() {
  [ -f "$DATA/PG_VERSION" ] && as_owner "$PGBIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

wait_ready() {
  local _
  for _ in $(seq 1 40); do
    "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" && return 0
    sleep 0.25
  done
  die "a server runs from $DATA but does not accept connections on 127.0.0.1:$PORT (log: $LOG)"
}

psql_admin() {
  "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres -d postgres
}

init_cluster() {
  if [ -d "$DATA" ] && [ ! -f "$DATA/PG_VERSION" ]; then
    say "removing incomplete data directory $DATA"
    rm -rf "$DATA"
  fi
  if [ -f "$DATA/PG_VERSION" ]; then
    return
  fi
  say "initdb into $DATA"
  mkdir -p "$STATE"
  chmod 755 "$DEV_DIR" "$STATE" 2>/dev/null || true
  if [ "$(id -u)" -eq 0 ]; then chown "$RUN_AS:" "$STATE"; fi
  as_owner "$PGBIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$STATE/initdb.log" 2>&1 \
    || { tail -n 20 "$STATE/initdb.log" >&2; die "initdb failed (log: $STATE/initdb.log)"; }
  # Port and socket directory are given on the command line at start so that
  # a changed BACKUPS_PG_PORT takes effect; the rest is fixed here.
  as_owner tee -a "$DATA/postgresql.conf" >/dev/null <<EOF

# --- deploy/dev/postgres.sh: local test server ---
listen_addresses = '127.0.0.1'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
shared_buffers = 128MB
log_min_messages = warning
EOF
  write_hba
}

PASSWORD_ROLE="backups_password_check"

write_hba() {
  as_owner tee "$DATA/pg_hba.conf" >/dev/null <<EOF
# deploy/dev/postgres.sh: trust on loopback only, except one role that must give its password
host    all  $PASSWORD_ROLE  127.0.0.1/32   scram-sha-256
local   all  all                 trust
host    all  all  127.0.0.1/32   trust
local   replication  all               trust
host    replication  all  127.0.0.1/32 trust
EOF
}

# A data directory made before the password-checked role existed gets the rule (and the server reloads it).
ensure_hba() {
  if ! grep -q "$PASSWORD_ROLE" "$DATA/pg_hba.conf"; then
    say "adding the password rule for $PASSWORD_ROLE to pg_hba.conf"
    write_hba
    if is_running; then
      as_owner "$PGBIN/pg_ctl" -D "$DATA" reload >/dev/null
    fi
  fi
}

ensure_role_and_db() {
  psql_admin <<EOF
SELECT 'CREATE ROLE $ROLE LOGIN SUPERUSER'
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$ROLE')\gexec
SELECT 'CREATE DATABASE $DB OWNER $ROLE'
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$DB')\gexec
EOF
}

start() {
  ensure_installed
  ensure_os_user
  if is_running; then
    say "already running on 127.0.0.1:$PORT ($DATA)"
    ensure_hba
    wait_ready
    ensure_role_and_db
    return
  fi
  stop_orphan
  init_cluster
  ensure_hba
  say "starting on 127.0.0.1:$PORT"
  if ! as_owner "$PGBIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
      -o "-p $PORT -k $STATE" start >/dev/null; then
    tail -n 30 "$LOG" >&2 || true
    die "pg_ctl start failed (log: $LOG); is port $PORT already in use?"
  fi
  ensure_role_and_db
  say "ready: psql -h 127.0.0.1 -p $PORT -U $ROLE $DB"
}

stop() {
  if [ ! -f "$DATA/postmaster.pid" ]; then
    if orphan_pid >/dev/null; then
      stop_orphan
      say "stopped"
    else
      say "not running"
    fi
    return
  fi
  if ! is_running; then
    say "not running (stale $DATA/postmaster.pid)"
    return
  fi
  say "stopping (pid $(head -n 1 "$DATA/postmaster.pid"))"
  as_owner "$PGBIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null
  say "stopped"
}

status() {
  if is_running; then
    say "running on 127.0.0.1:$PORT, pid $(head -n 1 "$DATA/postmaster.pid"), data $DATA"
    "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" || { say "process is up but not accepting connections"; return 1; }
  else
    say "not running"
    return 3
  fi
}

print_env() {
  cat <<EOF
export BACKUPS_TEST_PG="Host=127.0.0.1;Port=$PORT;Username=$ROLE;Database=$DB"
export PGHOST=127.0.0.1
export PGPORT=$PORT
export PGUSER=$ROLE
export PGDATABASE=$DB
EOF
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  env) print_env ;;
  *) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
esac
