#!/usr/bin/env bash
# The embedded default, no servers needed: builds the CLI, creates a VACOLS-shaped SQLite database
# (.backups/demo.db, from ../shared/fixtures/vacols) on first use, then runs the service on the
# local policy (policies/examples/local.yaml, here on a 10-second schedule so that something happens
# while you watch): snapshots on schedule into the directory store .backups/store, retention after
# each one (several snapshots in one hour: the hourly tier keeps the newest, the rest expire),
# then shows the store, the audit log and a verification of every snapshot.
# DEMO_SECONDS (default 45) sets how long the service runs.
set -euo pipefail
cd "$(dirname "$0")"

export BACKUPS_CATALOG="${BACKUPS_CATALOG:-$PWD/.backups/catalog.db}"
out="$PWD/artifacts/demo"
echo "demo: building (first run takes a minute or two)" >&2
dotnet build src/Backups.Cli -c Release -nologo -clp:ErrorsOnly -o "$out/cli" >/dev/null
backups() { dotnet "$out/cli/backups.dll" "$@"; }

mkdir -p .backups/policies
if [ ! -f .backups/demo.db ]; then
  dotnet build bench/Backups.Bench -c Release -nologo -clp:ErrorsOnly -o "$out/bench" >/dev/null
  dotnet "$out/bench/Backups.Bench.dll" seed-vacols-sqlite .backups/demo.db
fi
sed -e 's|^schedule: .*|schedule: "0/10 * * * * ?"|' -e "s|\.backups/|$PWD/.backups/|g" \
  policies/examples/local.yaml > .backups/policies/local.yaml
backups policy validate .backups/policies/local.yaml

echo "demo: running the service for ${DEMO_SECONDS:-45}s (health: http://127.0.0.1:9465/health)" >&2
# exec: $! is then the service itself, not a subshell around it, so the TERM below reaches it.
(exec dotnet "$out/cli/backups.dll" run --policies .backups/policies --listen 127.0.0.1:9465) &
service=$!
sleep "${DEMO_SECONDS:-45}"
kill -TERM "$service"   # a background job of a script ignores SIGINT
wait "$service"

backups list --store .backups/store
backups audit --store .backups/store
backups verify --all --store .backups/store
