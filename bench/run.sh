#!/usr/bin/env bash
# Runs one benchmark against throwaway PostgreSQL and Redis on free ports (as scripts/test.sh does), in Release:
#   bash bench/run.sh ImportBenchmark|ReceiptBenchmark|SendBenchmark|VoiceBenchmark [benchmark options]
# The host and the benchmark are built first; the output is also kept in bench/results/ (ignored by git).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
name=${1:-}
case "$name" in
  ImportBenchmark|ReceiptBenchmark|SendBenchmark|VoiceBenchmark) shift ;;
  *) echo "usage: bash bench/run.sh ImportBenchmark|ReceiptBenchmark|SendBenchmark|VoiceBenchmark [options]" >&2; exit 2 ;;
esac
. "$root/scripts/services.sh"

mc_start_throwaway_services "masscampaign-bench" || exit 1

cd "$root"
dotnet build src/MassCampaign.Host/MassCampaign.Host.csproj -c Release -nologo -v quiet || exit 1
dotnet build "bench/$name/$name.csproj" -c Release -nologo -v quiet || exit 1
mkdir -p bench/results
out="bench/results/$(echo "$name" | sed 's/Benchmark$//' | tr 'A-Z' 'a-z')-$(date -u +%Y%m%dT%H%M%SZ).txt"
dotnet "bench/$name/bin/Release/net10.0/$name.dll" "$@" 2>&1 | tee "$out"
status=${PIPESTATUS[0]}
echo "Saved to $out"
exit "$status"
