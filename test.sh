#!/usr/bin/env bash
# Runs every test: starts PostgreSQL 15 and the S3 server (radosgw) on 127.0.0.1 if needed,
# validates the shipped policies, then runs the whole test suite against the real servers.
# Usage: bash test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Retention]
set -euo pipefail
cd "$(dirname "$0")"

state="${BACKUPS_DEV_DIR:-/tmp/backups-dev}"
bash deploy/dev/up.sh
# shellcheck disable=SC1091
source "$state/env.sh"

dotnet build Backups.sln -nologo -clp:ErrorsOnly -p:TreatWarningsAsErrors=true
dotnet run --no-build --project src/Backups.Cli -- policy validate policies/

log="$(mktemp)"
set +e
dotnet test Backups.sln --no-build -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line for the whole run, summed over every test assembly.
awk '
  /^(Passed|Failed)!/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { f += $(i+1) + 0 }
      if ($i == "Passed:")  { p += $(i+1) + 0 }
      if ($i == "Skipped:") { s += $(i+1) + 0 }
    }
  }
  END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }
' "$log"
rm -f "$log"
exit "$status"
