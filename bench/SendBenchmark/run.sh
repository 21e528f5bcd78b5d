#!/usr/bin/env bash
# Runs the send benchmark against throwaway PostgreSQL and Redis on free ports (as scripts/test.sh does), in Release.
# Every argument goes to the benchmark; see README.md. The output is also kept in bench/results/.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/scripts/services.sh"

work=$(mktemp -d /tmp/masscampaign-bench.XXXXXX)
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
dotnet build bench/SendBenchmark/SendBenchmark.csproj -c Release -nologo -v quiet || exit 1
mkdir -p bench/results
out="bench/results/send-$(date -u +%Y%m%dT%H%M%SZ).txt"
dotnet bench/SendBenchmark/bin/Release/net10.0/SendBenchmark.dll "$@" 2>&1 | tee "$out"
status=${PIPESTATUS[0]}
echo "Saved to $out"
exit "$status"
