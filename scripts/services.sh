# Shared helpers for the run and test scripts: throwaway or local PostgreSQL and Redis.
# Sourced, not executed.

mc_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

mc_port_open() { # host port
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null && exec 3>&- 3<&-
}

# PostgreSQL refuses to run as root: run its tools as the postgres user when we are root.
mc_as_pg() {
  if [ "$(id -u)" = "0" ]; then
    su postgres -s /bin/bash -c "$*"
  else
    bash -c "$*"
  fi
}

mc_ensure_redis_installed() {
  command -v redis-server >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = "0" ]; then
    echo "Installing redis-server..." >&2
    apt-get install -y redis-server >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y redis-server >/dev/null 2>&1; }
  fi
  command -v redis-server >/dev/null 2>&1 || { echo "redis-server is missing: install it (apt-get install -y redis-server)" >&2; return 1; }
}

# The console's browser tests drive Debian's Chromium through its chromedriver.
mc_ensure_chromium_installed() {
  command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = "0" ]; then
    echo "Installing chromium and chromium-driver..." >&2
    apt-get install -y chromium chromium-driver >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y chromium chromium-driver >/dev/null 2>&1; }
  fi
  command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 ||
    { echo "chromium and chromedriver are missing: install them (apt-get install -y chromium chromium-driver)" >&2; return 1; }
}

mc_ensure_postgres_installed() {
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && return 0
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && export PATH="$d:$PATH" && return 0
  done
  if [ "$(id -u)" = "0" ]; then
    apt-get install -y postgresql >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y postgresql >/dev/null 2>&1; }
    for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && export PATH="$d:$PATH" && return 0; done
  fi
  echo "PostgreSQL (initdb, pg_ctl) is missing" >&2
  return 1
}

# mc_start_postgres DATA_DIR PORT: initialise DATA_DIR if empty and start a server on 127.0.0.1:PORT.
mc_start_postgres() {
  local dir=$1 port=$2
  mc_ensure_postgres_installed || return 1
  mkdir -p "$dir"
  if [ "$(id -u)" = "0" ]; then chown -R postgres "$dir"; chmod 700 "$dir"; fi
  if [ ! -f "$dir/PG_VERSION" ]; then
    local log
    log=$(mc_as_pg "initdb -D '$dir' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 2>&1") \
      || { echo "$log" >&2; return 1; }
  fi
  mc_as_pg "pg_ctl -D '$dir' -l '$dir/server.log' -w -t 60 \
    -o \"-p $port -c listen_addresses=127.0.0.1 -k /tmp -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB\" start >/dev/null" \
    || { cat "$dir/server.log" >&2; return 1; }
}

mc_stop_postgres() { # DATA_DIR
  [ -f "$1/postmaster.pid" ] && mc_as_pg "pg_ctl -D '$1' -m fast -w stop >/dev/null 2>&1"
  return 0
}

# mc_start_redis DIR PORT
mc_start_redis() {
  local dir=$1 port=$2
  mc_ensure_redis_installed || return 1
  mkdir -p "$dir"
  redis-server --port "$port" --bind 127.0.0.1 --daemonize yes --save "" --appendonly no \
    --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >/dev/null
  for _ in $(seq 1 50); do mc_port_open 127.0.0.1 "$port" && return 0; sleep 0.1; done
  echo "redis did not start on $port" >&2
  return 1
}

mc_stop_redis() { # DIR
  local pid
  [ -f "$1/redis.pid" ] || return 0
  pid=$(cat "$1/redis.pid")
  kill "$pid" 2>/dev/null
  # Wait for it to go, so that removing its directory afterwards does not race its last writes.
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  return 0
}

# mc_start_throwaway_services NAME: PostgreSQL and Redis on free ports, their data in a fresh /tmp/NAME.XXXXXX that is
# left in $work for the caller's own files too; both are stopped and $work removed when the script exits.
# Exports MC_TEST_POSTGRES and MC_TEST_REDIS, which the tests and benchmarks read.
mc_start_throwaway_services() {
  local pg_port redis_port
  work=$(mktemp -d "/tmp/$1.XXXXXX")
  chmod 755 "$work"
  pg_port=$(mc_free_port)
  redis_port=$(mc_free_port)
  trap mc_stop_throwaway_services EXIT INT TERM

  echo "Starting PostgreSQL on 127.0.0.1:$pg_port and Redis on 127.0.0.1:$redis_port"
  mc_start_postgres "$work/pg" "$pg_port" || return 1
  mc_start_redis "$work/redis" "$redis_port" || return 1
  export MC_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"
  export MC_TEST_REDIS="127.0.0.1:$redis_port"
}

mc_stop_throwaway_services() {
  mc_stop_postgres "$work/pg"
  mc_stop_redis "$work/redis"
  rm -rf "$work"
}
