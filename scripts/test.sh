#!/usr/bin/env bash
# Runs the whole test suite against throwaway PostgreSQL and Redis instances on free ports.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/services.sh"

mc_start_throwaway_services masscampaign-test || exit 1
mc_ensure_chromium_installed || exit 1

cd "$root"
dotnet build MassCampaign.sln -c Release -nologo -v quiet || exit 1
dotnet test MassCampaign.sln -c Release --no-build -nologo --logger "console;verbosity=minimal" "$@" 2>&1 | tee "$work/test.log"
status=${PIPESTATUS[0]}
echo
echo "Summary:"
grep -E '^(Passed|Failed)!' "$work/test.log" | sed 's/^/  /'
grep -E '^(Passed|Failed)!' "$work/test.log" | awk '
  { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1); if ($i == "Total:") t += $(i+1) } }
  END { gsub(",", "", f); printf "Total tests: %d, passed: %d, failed: %d, skipped: %d\n", t, p, f, s }'
exit "$status"
