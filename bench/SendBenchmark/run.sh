#!/usr/bin/env bash
# The send benchmark through bench/run.sh (throwaway PostgreSQL and Redis, Release build); every argument goes to it.
exec bash "$(dirname "$0")/../run.sh" SendBenchmark "$@"
