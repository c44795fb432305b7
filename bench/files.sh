#!/usr/bin/env bash
# Benchmarks the back office's registration file list at scale (bench/RESULTS.md, "Registration file list"): for each
# provider, a throwaway store is filled with FILES registration files in SQL (Guichet.Bench.FileList/Seeder.cs), then
# the first, a middle and the last page of the list are timed with and without filters, through SearchRegistrationFiles
# on the real DbContext. Nothing of ./data is touched; PostgreSQL runs as a throwaway cluster on a free loopback port.
#
# Knobs (environment): FILES (1000000), RUNS (7), PAGE_SIZE (50), PROVIDERS ("Sqlite PostgreSql"),
# SQLITE_ANALYZE (0: the store as the server leaves it; 1: also after ANALYZE).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

files=${FILES:-1000000}
runs=${RUNS:-7}
page_size=${PAGE_SIZE:-50}
providers=${PROVIDERS:-"Sqlite PostgreSql"}
sqlite_analyze=${SQLITE_ANALYZE:-0}

machine() {
  echo "$(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM"
}
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(machine), commit $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes'), load average $(cut -d ' ' -f 1-3 /proc/loadavg)"

echo "== Build (Release)"
dotnet build bench/Guichet.Bench.FileList/Guichet.Bench.FileList.csproj --configuration Release --verbosity quiet -nologo
bench_dll="$root/bench/Guichet.Bench.FileList/bin/Release/net10.0/Guichet.Bench.FileList.dll"

work=$(mktemp -d "${TMPDIR:-/tmp}/guichet-files.XXXXXX")
pg_bin=""
cleanup() {
  status=$?
  if [ -n "$pg_bin" ] && [ -f "$work/pg/data/postmaster.pid" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT INT TERM

# initdb refuses to run as root: the cluster then belongs to the postgres system user.
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

for provider in $providers; do
  case "$provider" in
    Sqlite)
      echo "== SQLite ($work/files.db)"
      dotnet "$bench_dll" --provider Sqlite --connection "Data Source=$work/files.db" --files "$files" --runs "$runs" --page-size "$page_size"
      if [ "$sqlite_analyze" = "1" ]; then
        echo "== SQLite after ANALYZE"
        dotnet "$bench_dll" --provider Sqlite --connection "Data Source=$work/files.db" --files "$files" --runs "$runs" --page-size "$page_size" --analyze
      fi
      rm -f "$work"/files.db*
      ;;
    PostgreSql)
      pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
      mkdir -p "$work/pg"
      [ "$(id -u)" -eq 0 ] && chown postgres "$work" "$work/pg"
      as_postgres "$pg_bin/initdb" -D "$work/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
      port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
      as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w -o "-p $port -k $work/pg -c listen_addresses=127.0.0.1" start >/dev/null
      as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE files" postgres
      echo "== PostgreSQL $("$pg_bin/postgres" --version | awk '{ print $3 }') (port $port, default settings)"
      dotnet "$bench_dll" --provider PostgreSql --connection "Host=127.0.0.1;Port=$port;Username=postgres;Database=files" \
        --files "$files" --runs "$runs" --page-size "$page_size"
      as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null
      ;;
    *) echo "Unknown provider $provider" >&2; exit 2 ;;
  esac
done
echo "== Done, load average $(cut -d ' ' -f 1-3 /proc/loadavg)"
