#!/usr/bin/env bash
# Runs MassCampaign on http://127.0.0.1:7071 in the foreground: starts local PostgreSQL and Redis if they
# are not already listening, starts the Vonage Simulator on :7072 when no Vonage credentials are
# configured, applies migrations (the host does at start-up) and stops what it started on Ctrl-C. The host clusters
# through Redis, so `bash scripts/run-second-host.sh` can add a second one; its PID is kept in .run/host.pid.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/services.sh"
cd "$root"

state="$root/.run"
mkdir -p "$state"
chmod 755 "$state"
pg_port=${MC_PG_PORT:-55432}
redis_port=${MC_REDIS_PORT:-56379}
api_key=${MC_API_KEY:-dev-key}
started_pg=0 started_redis=0 sim_pid="" host_pid=""

stop_all() {
  trap - EXIT
  trap "" INT TERM  # a second Ctrl-C must not cut the clean-up short
  [ -n "$host_pid" ] && kill -TERM "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null
  [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null && wait "$sim_pid" 2>/dev/null
  [ "$started_redis" = 1 ] && mc_stop_redis "$state/redis"
  [ "$started_pg" = 1 ] && mc_stop_postgres "$state/pg"
  echo "Stopped."
}
trap stop_all EXIT
trap 'exit 130' INT TERM

if mc_port_open 127.0.0.1 "$pg_port"; then
  echo "PostgreSQL already listening on $pg_port"
else
  echo "Starting PostgreSQL on 127.0.0.1:$pg_port (data in .run/pg)"
  mc_start_postgres "$state/pg" "$pg_port" || exit 1
  started_pg=1
fi
if mc_port_open 127.0.0.1 "$redis_port"; then
  echo "Redis already listening on $redis_port"
else
  echo "Starting Redis on 127.0.0.1:$redis_port"
  mc_start_redis "$state/redis" "$redis_port" || exit 1
  started_redis=1
fi

export ConnectionStrings__Postgres="${ConnectionStrings__Postgres:-Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=masscampaign;Maximum Pool Size=100}"
export ConnectionStrings__Redis="${ConnectionStrings__Redis:-127.0.0.1:$redis_port}"
export Auth__Keys__0="${Auth__Keys__0:-$api_key}"
# Redis clustering (silo 11111, gateway 30000 on 127.0.0.1), so a second host can join this one's cluster.
export Orleans__Clustering__ProviderType="${Orleans__Clustering__ProviderType:-Redis}"
export Orleans__AdvertisedIPAddress="${Orleans__AdvertisedIPAddress:-127.0.0.1}"

echo "Building (Release)..."
dotnet build "$root/MassCampaign.sln" -c Release -nologo -v quiet >"$state/build.log" 2>&1 || { cat "$state/build.log"; exit 1; }

configured_key=${Vonage__ApiKey:-}
if [ -z "$configured_key" ] && [ -f local.settings.json ]; then
  configured_key=$(python3 -c 'import json,sys; print(json.load(open("local.settings.json")).get("Values",{}).get("Vonage__ApiKey",""))' 2>/dev/null)
fi
if [ -z "$configured_key" ] && mc_port_open 127.0.0.1 7072; then
  # Started by an earlier run whose host was stopped while another host kept it in use.
  echo "No Vonage credentials configured: the Vonage Simulator already listens on http://127.0.0.1:7072"
  export Vonage__BaseUrl=http://127.0.0.1:7072 Vonage__ApiKey=simulator Vonage__ApiSecret=simulator-secret
  export Vonage__VoiceBaseUrl=http://127.0.0.1:7072 Vonage__ApplicationId=simulator-app Vonage__PrivateKeyPath="$state/voice-app.key"
elif [ -z "$configured_key" ]; then
  echo "No Vonage credentials configured: starting the Vonage Simulator on http://127.0.0.1:7072"
  # A development application key for the Voice API's RS256 JWT: the host signs with it, the Simulator checks with it.
  [ -f "$state/voice-app.key" ] || openssl genrsa -out "$state/voice-app.key" 2048 2>/dev/null \
    || { echo "openssl is needed to make the development voice key" >&2; exit 1; }
  export Vonage__BaseUrl=http://127.0.0.1:7072 Vonage__ApiKey=simulator Vonage__ApiSecret=simulator-secret
  export Vonage__VoiceBaseUrl=http://127.0.0.1:7072 Vonage__ApplicationId=simulator-app Vonage__PrivateKeyPath="$state/voice-app.key"
  dotnet "$root/src/MassCampaign.Simulator/bin/Release/net10.0/MassCampaign.Simulator.dll" \
    --urls http://127.0.0.1:7072 \
    --Simulator:ApiKey simulator --Simulator:ApiSecret simulator-secret \
    --Simulator:VoiceApplicationId simulator-app --Simulator:VoicePrivateKeyPath "$state/voice-app.key" \
    --Simulator:DlrUrl "http://127.0.0.1:7071/api/sms/status?code=$Auth__Keys__0" \
    --Simulator:InboundUrl "http://127.0.0.1:7071/api/sms/inbound?code=$Auth__Keys__0" &
  sim_pid=$!
fi
export Host__PublicBaseUrl="${Host__PublicBaseUrl:-http://127.0.0.1:7071}"

echo "MassCampaign on http://127.0.0.1:7071 (API key: $Auth__Keys__0) — Ctrl-C stops everything"
dotnet "$root/src/MassCampaign.Host/bin/Release/net10.0/MassCampaign.Host.dll" --urls http://127.0.0.1:7071 &
host_pid=$!
echo "$host_pid" >"$state/host.pid"
echo "Host PID $host_pid (also in .run/host.pid)"
wait "$host_pid"
status=$?
[ "$(cat "$state/host.pid" 2>/dev/null)" = "$host_pid" ] && rm -f "$state/host.pid"
host_pid=""
# A host killed while another runs (the second host, or this one started again) must not take the services and the
# Simulator that one uses down with it.
other_host() {
  local file pid
  for file in "$state/host.pid" "$state/host2.pid"; do
    pid=$(cat "$file" 2>/dev/null) && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && return 0
  done
  return 1
}
if other_host; then
  echo "The host exited (status $status). Another host still runs: PostgreSQL, Redis and the Simulator stay up until no host is left, or Ctrl-C."
  while other_host; do sleep 1; done
fi
