#!/usr/bin/env bash
# Runs a second MassCampaign host on http://127.0.0.1:7073 in the foreground, joined to the one `bash scripts/run.sh`
# runs through Redis clustering: the same PostgreSQL, Redis and Vonage Simulator, a silo and gateway port of its own.
# Start it in another terminal once the first host is up; Ctrl-C stops this host only. It builds only when no build
# is there yet. Its PID is printed and kept in .run/host2.pid.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/services.sh"
cd "$root"

state="$root/.run"
pg_port=${MC_PG_PORT:-55432}
redis_port=${MC_REDIS_PORT:-56379}
api_key=${MC_API_KEY:-dev-key}
http_port=${MC_SECOND_HTTP_PORT:-7073}
silo_port=${MC_SECOND_SILO_PORT:-11112}
gateway_port=${MC_SECOND_GATEWAY_PORT:-30001}
host_dll="$root/src/MassCampaign.Host/bin/Release/net10.0/MassCampaign.Host.dll"
host_pid=""

stop_host() {
  trap - EXIT
  trap "" INT TERM
  [ -n "$host_pid" ] && kill -TERM "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null
  rm -f "$state/host2.pid"
  echo "Second host stopped."
}
trap stop_host EXIT
trap 'exit 130' INT TERM

for service in "PostgreSQL $pg_port" "Redis $redis_port"; do
  set -- $service
  mc_port_open 127.0.0.1 "$2" || { echo "$1 is not listening on $2: start the first host with 'bash scripts/run.sh' first." >&2; exit 1; }
done
if mc_port_open 127.0.0.1 "$http_port"; then
  echo "Port $http_port is taken: is a second host already running? (MC_SECOND_HTTP_PORT picks another.)" >&2
  exit 1
fi

if [ ! -f "$host_dll" ]; then
  mkdir -p "$state"
  echo "Building (Release)..."
  dotnet build "$root/MassCampaign.sln" -c Release -nologo -v quiet >"$state/build.log" 2>&1 || { cat "$state/build.log"; exit 1; }
fi

export ConnectionStrings__Postgres="${ConnectionStrings__Postgres:-Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=masscampaign;Maximum Pool Size=100}"
export ConnectionStrings__Redis="${ConnectionStrings__Redis:-127.0.0.1:$redis_port}"
export Auth__Keys__0="${Auth__Keys__0:-$api_key}"
export Orleans__Clustering__ProviderType="${Orleans__Clustering__ProviderType:-Redis}"
export Orleans__AdvertisedIPAddress="${Orleans__AdvertisedIPAddress:-127.0.0.1}"
export Orleans__SiloPort=$silo_port Orleans__GatewayPort=$gateway_port
# Calls this host places are played out against its own webhooks.
export Host__PublicBaseUrl="${Host__PublicBaseUrl:-http://127.0.0.1:$http_port}"

configured_key=${Vonage__ApiKey:-}
if [ -z "$configured_key" ] && [ -f local.settings.json ]; then
  configured_key=$(python3 -c 'import json,sys; print(json.load(open("local.settings.json")).get("Values",{}).get("Vonage__ApiKey",""))' 2>/dev/null)
fi
if [ -z "$configured_key" ]; then
  mc_port_open 127.0.0.1 7072 || { echo "The Vonage Simulator is not listening on 7072: start the first host with 'bash scripts/run.sh' first." >&2; exit 1; }
  echo "Sending through the Vonage Simulator on http://127.0.0.1:7072"
  export Vonage__BaseUrl=http://127.0.0.1:7072 Vonage__ApiKey=simulator Vonage__ApiSecret=simulator-secret
  export Vonage__VoiceBaseUrl=http://127.0.0.1:7072 Vonage__ApplicationId=simulator-app Vonage__PrivateKeyPath="$state/voice-app.key"
fi

echo "Second MassCampaign host on http://127.0.0.1:$http_port (silo $silo_port, gateway $gateway_port) — Ctrl-C stops it"
dotnet "$host_dll" --urls "http://127.0.0.1:$http_port" &
host_pid=$!
echo "$host_pid" >"$state/host2.pid"
echo "Second host PID $host_pid (also in .run/host2.pid)"
wait "$host_pid"
host_pid=""
