#!/usr/bin/env bash
# Runs the whole test suite against throwaway PostgreSQL and Redis instances on free ports.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/services.sh"

work=$(mktemp -d /tmp/masscampaign-test.XXXXXX)
chmod 755 "$work"
pg_port=$(mc_free_port)
redis_port=$(mc_free_port)

cleanup() {
  mc_stop_postgres "$work/pg"
  mc_stop_redis "$work/redis"
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

echo "Starting PostgreSQL on 127.0.0.1:$pg_port and Redis on 127.0.0.1:$redis_port"
mc_start_postgres "$work/pg" "$pg_port" || exit 1
mc_start_redis "$work/redis" "$redis_port" || exit 1

export MC_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"
export MC_TEST_REDIS="127.0.0.1:$redis_port"

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
