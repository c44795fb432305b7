#!/usr/bin/env bash
# Benchmarks WS Registering on this machine: builds in Release, starts the real server on a free loopback port with a
# throwaway SQLite database, creates a white label and its administrator with the operator commands, then measures
# registerPrimaryAccount and getAccountState with Guichet.Bench. Stops the server and removes its data on exit.
#
# Knobs (environment): CONCURRENCY (8), WARMUP (50), REGISTER_REQUESTS (500), STATE_REQUESTS (1000), TIMEOUT_SECONDS (60).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

concurrency=${CONCURRENCY:-8}
warmup=${WARMUP:-50}
register_requests=${REGISTER_REQUESTS:-500}
state_requests=${STATE_REQUESTS:-1000}
timeout_seconds=${TIMEOUT_SECONDS:-60}

machine() {
  echo "$(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM"
}
# Other work on the machine skews every number: the load average is printed before and after.
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(machine), load average $(cut -d ' ' -f 1-3 /proc/loadavg)"

echo "== Build (Release)"
dotnet build src/Guichet.Server/Guichet.Server.csproj --configuration Release --verbosity quiet -nologo
dotnet build bench/Guichet.Bench/Guichet.Bench.csproj --configuration Release --verbosity quiet -nologo
server_dir="$root/src/Guichet.Server/bin/Release/net10.0"
bench_dll="$root/bench/Guichet.Bench/bin/Release/net10.0/Guichet.Bench.dll"

work=$(mktemp -d "${TMPDIR:-/tmp}/guichet-bench.XXXXXX")
server_pid=""
cleanup() {
  status=$?
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ] && [ -f "$work/server.log" ]; then
    echo "-- last lines of the server log:"
    tail -n 40 "$work/server.log" || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT INT TERM

# The same database and keys for the operator commands and the server; nothing from ./data is touched.
export ASPNETCORE_ENVIRONMENT=Production
export Database__Provider=Sqlite
export Database__ConnectionString="Data Source=$work/guichet.db"
export DataProtection__KeysFolder="$work/keys"
# Port 0: the kernel picks a free loopback port, which the server logs ("Now listening on: …").
export ASPNETCORE_URLS="http://127.0.0.1:0"

# Run from the output folder, so that its appsettings.json (EF Core logging at Warning) is the configuration read.
server() { (cd "$server_dir" && dotnet Guichet.Server.dll "$@"); }

echo "== Setup (temporary data in $work)"
server migrate >/dev/null
white_label=$(server create-white-label --code bench --name Bench --mail-domain bench.local --auto-enrol)
wsse_user=$(sed -n 's/^ *WSSE username : *//p' <<<"$white_label")
wsse_secret=$(sed -n 's/^ *WSSE secret *: *//p' <<<"$white_label")
admin=$(server create-admin --white-label bench --login benchadmin)
admin_password=$(sed -n 's/.*Password (shown once): *//p' <<<"$admin")
if [ -z "$wsse_user" ] || [ -z "$wsse_secret" ] || [ -z "$admin_password" ]; then
  echo "could not read the credentials printed by the operator commands:" >&2
  printf '%s\n%s\n' "$white_label" "$admin" >&2
  exit 1
fi
echo "white label bench (WSSE user $wsse_user), administrator benchadmin"

(cd "$server_dir" && exec dotnet Guichet.Server.dll) >"$work/server.log" 2>&1 &
server_pid=$!
address=""
for _ in $(seq 1 300); do
  address=$(sed -n 's/.*Now listening on: \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$work/server.log" | head -n 1)
  [ -n "$address" ] && break
  kill -0 "$server_pid" 2>/dev/null || { echo "the server stopped during start-up" >&2; exit 1; }
  sleep 0.2
done
[ -n "$address" ] || { echo "the server did not report its address within 60 s" >&2; exit 1; }
curl --silent --fail --max-time 10 --noproxy '*' "$address/health" >/dev/null
url="$address/ws/registering"
echo "server pid $server_pid at $url"

results=()
failed=0
# The server's CPU time (user + system) in clock ticks, from /proc: how much work a request costs, whatever else runs.
ticks=$(getconf CLK_TCK)
server_cpu() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat" 2>/dev/null || echo 0; }
bench() {
  local label=$1
  shift
  local cpu_before cpu_after output status requests
  cpu_before=$(server_cpu)
  set +e
  output=$(dotnet "$bench_dll" --url "$url" --wsse-user "$wsse_user" --wsse-secret "$wsse_secret" \
    --concurrency "$concurrency" --timeout-seconds "$timeout_seconds" --label "$label" "$@")
  status=$?
  set -e
  cpu_after=$(server_cpu)
  grep -v '^RESULT ' <<<"$output" || true
  # Every request of the run, its warm-up included: "== label: N requests, concurrency C, warm-up W, …".
  requests=$(sed -n 's/^== .*: \([0-9]*\) requests, concurrency [0-9]*, warm-up \([0-9]*\),.*/\1 \2/p' <<<"$output" | awk '{ print $1 + $2 }')
  awk -v t="$((cpu_after - cpu_before))" -v hz="$ticks" -v n="${requests:-0}" 'BEGIN {
    printf "   server CPU during the run: %.1f s", t / hz; if (n > 0) printf " (%.0f ms per request)", 1000 * t / hz / n; print "" }'
  [ "$status" -eq 0 ] || failed=1
  results+=("$(sed -n 's/^RESULT //p' <<<"$output")")
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "the server stopped during the run '$label' (its log follows): results are not valid" >&2
    exit 1
  fi
}

echo
bench warm-up --operation register --requests "$warmup"
bench registerPrimaryAccount --operation register --requests "$register_requests"
# One account registered by the bench, read by the white label's administrator (who may read any of its accounts).
bench getAccountState --operation state --requests "$state_requests" --warmup "$warmup" --login benchadmin --password "$admin_password"

echo
echo "== Results ($(date -u '+%Y-%m-%d %H:%M UTC'), $(machine), SQLite, load average now $(cut -d ' ' -f 1-3 /proc/loadavg))"
echo "   latencies in ms, over successful requests; requests/s = successful requests / wall time"
echo "| run | requests | concurrency | errors | requests/s | p50 | p90 | p99 | max |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${results[@]}"
exit "$failed"
