#!/usr/bin/env bash
# Runs the send benchmark against throwaway PostgreSQL and Redis on free ports (as scripts/test.sh does), in Release.
# Every argument goes to the benchmark; see README.md. The output is also kept in bench/results/.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/scripts/services.sh"

mc_start_throwaway_services masscampaign-bench || exit 1

cd "$root"
dotnet build bench/SendBenchmark/SendBenchmark.csproj -c Release -nologo -v quiet || exit 1
mkdir -p bench/results
out="bench/results/send-$(date -u +%Y%m%dT%H%M%SZ).txt"
dotnet bench/SendBenchmark/bin/Release/net10.0/SendBenchmark.dll "$@" 2>&1 | tee "$out"
status=${PIPESTATUS[0]}
echo "Saved to $out"
exit "$status"
