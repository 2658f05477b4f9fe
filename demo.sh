#!/usr/bin/env bash
# The embedded default, no servers needed: builds the CLI, creates a VACOLS-shaped SQLite database
# (.backups/demo.db, from ../shared/fixtures/vacols) on first use, then runs the main job of
# policies/examples/local.yaml: a consistent snapshot into the local directory store .backups/store,
# and shows what the store holds, verifies it and plans retention over it.
set -euo pipefail
cd "$(dirname "$0")"

export BACKUPS_CATALOG="${BACKUPS_CATALOG:-$PWD/.backups/catalog.db}"
out="$PWD/artifacts/demo"
dotnet build src/Backups.Cli -c Release -nologo -clp:ErrorsOnly -o "$out/cli" >/dev/null
backups() { dotnet "$out/cli/backups.dll" "$@"; }

mkdir -p .backups
if [ ! -f .backups/demo.db ]; then
  dotnet build bench/Backups.Bench -c Release -nologo -clp:ErrorsOnly -o "$out/bench" >/dev/null
  dotnet "$out/bench/Backups.Bench.dll" seed-vacols-sqlite .backups/demo.db
fi

backups policy validate policies/examples/local.yaml
backups snapshot --policy policies/examples/local.yaml
backups list --store .backups/store
backups verify --all --store .backups/store
# What retention would keep of these snapshots (a dry run: nothing is deleted).
backups list --store .backups/store --json | awk -F'"' '/"id":/ { id = $4 } /"completedAt":/ { print $4, id }' \
  | backups plan --policy policies/examples/local.yaml --snapshots -
