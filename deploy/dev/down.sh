#!/usr/bin/env bash
# Stops the local test servers started by up.sh (by their pid files).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
rc=0
"$here/radosgw.sh" stop || rc=$?
"$here/postgres.sh" stop || rc=$?
exit "$rc"
