#!/usr/bin/env bash
# Builds the bench in Release and times the retention planner.
# usage: bench/plan.sh [N] [--iterations K] [--zone ID] [--tiers hourly=3d,daily=14d,...]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release --nologo -v quiet bench/Backups.Bench/Backups.Bench.csproj
dotnet run -c Release --no-build --project bench/Backups.Bench -- plan "$@"
