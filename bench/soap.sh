#!/usr/bin/env bash
# The WS Registering benchmark (bench/README.md): builds in Release, starts the real server on a free loopback port with
# a store it creates and fills itself in bulk SQL (never through the API), drives each call with autocannon (bench/load)
# for DURATION seconds from CONNECTIONS keep-alive connections, and prints one table. Nothing of ./data is touched; the
# PostgreSQL store is a throwaway cluster (initdb + pg_ctl on a free port, stopped on exit). Not run by the tests.
#
# Knobs (environment):
#   PROVIDERS ("Sqlite PostgreSql")  SIZES ("0 1000000": one store per size, filled before the run, the smallest first;
#   0 = only the run's own few thousand; the stores' servers run side by side and each row is measured on every store in
#   turn, so that the larger stores are compared with the smallest one measured seconds, not half a run, apart; the
#   order of the stores alternates pass by pass; a size named twice, "0 0", measures two stores of that size: the noise
#   floor of the comparison)  DURATION (20 s per call)  WARMUP (3 s per call, untimed)
#   CONNECTIONS (8)  INSTANCES ("1"; "1 2"
#   also measures two servers on one PostgreSQL, autocannon spreading the connections; SQLite runs one)  TIMEOUT (10 s per request)
#   CALLS (all: "health state-first state-repeated state-sso state-burst register-primary register-secondary modify-primary
#   change-status"; state-burst = getAccountState by repeated password while BURST more connections register primaries)
#   BURST (4 x CONNECTIONS: the registering connections beside the cheap call in state-burst)
#   BURST_ROUNDS (3; 1 with QUICK=1: state-burst is measured that many times per pass and store, alternated, and taken
#   together: a share of two cores, its single measures are ~8 % apart on the same server)
#   SERVER_WARMUP (5 s of each cheap call, untimed, when a server starts: the JIT settles before the first row)
#   SERVER_WARMUP_REGISTRATIONS (2200 calls of each registration of CALLS, untimed, when a server starts, before the
#   cheap calls': the server recompiles a method after 1,000 calls, twice, so a registration's own code is optimised
#   after ~2,000 of them, ~2 min at ~16 calls/s; it replaced SERVER_WARMUP_HASHING, 10 s, on 2026-12-06)
#   REPEAT (1: passes over the rows on the same servers, interleaved; each row of the table is then the pass of median
#   rate, its comparison the median of the passes' own, with their range: on a shared host whose speed drifts)
#   QUICK=1 (checks the script works: SIZES="0 2000", DURATION=3, WARMUP=1, SERVER_WARMUP=2,
#   SERVER_WARMUP_REGISTRATIONS=10, BURST_ROUNDS=1, unless set)
#   DOORS ("soap": the servers open WS Registering alone, Doors:Portal=false and Doors:BackOffice=false, as the
#   production layout's instances for integrators do; "all": every door, as the Quick start's server)
#   SERVER_ENV (none: NAME=value words added to each measured server's environment, e.g. "DOTNET_TieredPGO=0")
#   SERVER_DIR (the Release build's output: another build of the server to measure, e.g. a ReadyToRun publish)
#   SERVER_DIRS (none: one build folder per store of SIZES, in their order, in place of SERVER_DIR; SIZES="0 0"
#   SERVER_DIRS="a b" measures two builds side by side, row by row, pass by pass, the second compared with the first)
#   PG_SETTINGS (none: NAME=value words given to the bench's cluster beside its sizing, e.g. "work_mem=8MB")
#   PG_SHARED_BUFFERS (a quarter of the machine's memory, in MB; "" leaves PostgreSQL's 128 MB)
#   PG_PREWARM (1: a filled PostgreSQL store is read into the cluster's buffers before the passes; 0: left cold)
#   PG_HUGE_PAGES (1 as root: the cluster's shared memory in huge pages reserved for the run; 0: in 4 KB pages)
#   PROFILE=1 (instead of the table: item 2 of issue 11, where a cheap call's time goes; see bench/README.md)
#   PROFILE_ACCOUNTS (0: accounts filled before PROFILE=1's steps, e.g. 1000000 to see what a large store adds)
#   PAUSE_RECLAIM=1 (as root: pauses the host's proactive reclaim, DAMON pageout, for the run; bench/host-reclaim.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
. "$root/bench/host-reclaim.sh"

quick=${QUICK:-0}
providers=${PROVIDERS:-"Sqlite PostgreSql"}
if [ "$quick" = "1" ]; then
  sizes=${SIZES:-"0 2000"}
  duration=${DURATION:-3}
  warmup=${WARMUP:-1}
  server_warmup=${SERVER_WARMUP:-2}
  server_warmup_registrations=${SERVER_WARMUP_REGISTRATIONS:-10}
  burst_rounds=${BURST_ROUNDS:-1}
else
  sizes=${SIZES:-"0 1000000"}
  duration=${DURATION:-20}
  warmup=${WARMUP:-3}
  server_warmup=${SERVER_WARMUP:-5}
  server_warmup_registrations=${SERVER_WARMUP_REGISTRATIONS:-2200}
  burst_rounds=${BURST_ROUNDS:-3}
fi
# A size named twice is a second store of that size, keyed "SIZE_2" (SIZES="0 0"): the two are compared like any two
# sizes, which shows how far apart two identical servers and stores measure (bench/README.md, "The noise floor").
declare -A size_seen=()
store_keys=""
for size in $sizes; do
  [[ "$size" =~ ^[0-9]+$ ]] || { echo "SIZES holds numbers of accounts, not '$size'" >&2; exit 2; }
  size_seen[$size]=$((${size_seen[$size]:-0} + 1))
  [ "${size_seen[$size]}" -gt 1 ] && size="${size}_${size_seen[$size]}"
  store_keys+="$size "
done
sizes=${store_keys% }
[[ "$burst_rounds" =~ ^[1-9][0-9]*$ ]] || { echo "BURST_ROUNDS is a number of rounds, 1 or more, not '$burst_rounds'" >&2; exit 2; }
connections=${CONNECTIONS:-8}
instance_counts=${INSTANCES:-1}
timeout=${TIMEOUT:-10}
calls=${CALLS:-"health state-first state-repeated state-sso state-burst register-primary register-secondary modify-primary change-status"}
burst=${BURST:-$((4 * connections))}
repeat=${REPEAT:-1}
profile=${PROFILE:-0}
profile_seconds=${PROFILE_SECONDS:-15}
profile_accounts=${PROFILE_ACCOUNTS:-0}
perf_frequency=499
read -r -a server_env <<<"${SERVER_ENV:-}"
doors=${DOORS:-soap}
case "$doors" in
  soap) door_env=(Doors__Portal=false Doors__BackOffice=false) ;;
  all) door_env=() ;;
  *) echo "DOORS is 'soap' or 'all', not '$doors'" >&2; exit 2 ;;
esac
# Every filled account has this password (one hash, computed once by the server's own hasher: bench/Guichet.Bench).
bench_password='bench-Pa55word!'

machine() {
  echo "$(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM"
}
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench || echo '+changes')"
started=$(date +%s)
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(machine), commit $commit, load average $(cut -d ' ' -f 1-3 /proc/loadavg)"

# What the bench needs and a fresh machine may lack, from Debian as scripts/test.sh does: PostgreSQL's binaries, node.
need_apt=()
case " $providers " in *" PostgreSql "*) ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql) ;; esac
command -v node >/dev/null 2>&1 || need_apt+=(nodejs npm)
command -v runuser >/dev/null 2>&1 || need_apt+=(util-linux)
command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)
[ "$profile" = "1" ] && { command -v strace >/dev/null 2>&1 || need_apt+=(strace); }
[ "$profile" = "1" ] && { perf --version >/dev/null 2>&1 || need_apt+=(linux-perf); }
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== Installing: ${need_apt[*]}"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

echo "== Build (Release), autocannon (npm ci in bench/load)"
dotnet build src/Guichet.Server/Guichet.Server.csproj --configuration Release --verbosity quiet -nologo
dotnet build bench/Guichet.Bench/Guichet.Bench.csproj --configuration Release --verbosity quiet -nologo
installed_lock=bench/load/node_modules/.package-lock.json
if [ ! -f "$installed_lock" ] || [ bench/load/package-lock.json -nt "$installed_lock" ]; then
  (cd bench/load && npm ci --no-audit --no-fund --loglevel=error)
fi
server_dir=${SERVER_DIR:-"$root/src/Guichet.Server/bin/Release/net10.0"}
read -r -a store_dirs <<<"${SERVER_DIRS:-}"
bench_tool() { dotnet "$root/bench/Guichet.Bench/bin/Release/net10.0/Guichet.Bench.dll" "$@"; }

# The unit of every hashing call, alone on one thread; the machine's ceiling for them is cores ÷ that.
read -r _ kdf_iterations kdf_wall_ms kdf_cpu_ms < <(bench_tool kdf --runs 7)
cores=$(nproc)
hash_limit=$(awk -v c="$cores" -v ms="$kdf_cpu_ms" 'BEGIN { printf "%.1f", c * 1000 / ms }')
echo "== KDF alone: PBKDF2-HMAC-SHA512, $kdf_iterations iterations, one thread: $kdf_cpu_ms ms of CPU ($kdf_wall_ms ms wall)"
echo "   hash-bound limit: $cores cores / $kdf_cpu_ms ms = $hash_limit hashing calls/s"
# What the cores do hashing all at once (SMT siblings or a hypervisor's shared CPUs make it less than the limit above).
read -r _ _ kdf_parallel < <(bench_tool kdf-parallel --seconds 5)
echo "   all $cores cores hashing at once: $kdf_parallel hashes/s" \
  "($(awk -v p="$kdf_parallel" -v l="$hash_limit" 'BEGIN { printf "%.0f", 100 * p / l }') % of the hash-bound limit)"

work=$(mktemp -d "${TMPDIR:-/tmp}/guichet-soap-bench.XXXXXX")
server_pids=()
server_starts=0
pg_bin="" database_pid=""
cleanup() {
  status=$?
  host_reclaim_restore
  for pid in "${server_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ -n "$pg_bin" ] && [ -f "$work/pg/data/postmaster.pid" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  release_huge_pages || true
  # The maintenance's purges (MaintenanceWorker) take CPU from whatever pass they meet: when and how long, per server.
  for log in "$work"/server*.log; do
    # A run shorter than the maintenance's interval has none: no line, and no failure.
    [ -f "$log" ] && { grep -h "Maintenance purged" "$log" || true; } | sed "s|^|   $(basename "$log" .log): |"
  done
  if [ "$status" -ne 0 ]; then
    for log in "$work"/server*.log; do
      [ -f "$log" ] && { echo "-- last lines of $log:"; tail -n 30 "$log"; }
    done
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT INT TERM
host_reclaim_start

# initdb refuses to run as root: the cluster then belongs to the postgres system user.
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# A cluster with PostgreSQL's default settings (fsync on, unlike the tests' cluster): durability costs what it costs.
# Two are sized, as PostgreSQL's manual advises for a dedicated server: shared_buffers, a quarter of the memory (its
# 128 MB default holds a twentieth of a store of a million accounts), and huge pages for them. Each PostgreSQL process
# maps the buffers it touches a page at a time, and on the bench's VM a page fault is dear: a lookup of a random
# account in buffers read in by another process took 0.12–0.60 ms with 4 KB pages, 0.05–0.24 ms with 2 MB ones
# (bench/README.md, "PostgreSQL's buffers"). As root the bench reserves the huge pages the cluster needs for the run
# (vm.nr_hugepages) and gives them back at its end. PG_SETTINGS adds other settings, to measure what they do.
pg_shared_buffers=${PG_SHARED_BUFFERS-$(($(awk '/^MemTotal:/ { print $2 }' /proc/meminfo) / 4096))}
pg_prewarm=${PG_PREWARM:-1}
pg_huge_pages=${PG_HUGE_PAGES:-$([ "$(id -u)" -eq 0 ] && echo 1 || echo 0)}
huge_pages_before=""
start_postgres() {
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  mkdir -p "$work/pg"
  [ "$(id -u)" -eq 0 ] && chown postgres "$work" "$work/pg"
  as_postgres "$pg_bin/initdb" -D "$work/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  local setting settings=()
  [ -n "$pg_shared_buffers" ] && settings+=(-c "shared_buffers=${pg_shared_buffers}MB")
  for setting in ${PG_SETTINGS:-}; do settings+=(-c "$setting"); done
  if [ "$pg_huge_pages" = 1 ]; then
    reserve_huge_pages "${settings[@]}"
    settings+=(-c huge_pages=on)
  fi
  as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w \
    -o "-p $port -k $work/pg -c listen_addresses=127.0.0.1 ${settings[*]}" start >/dev/null
  pg_port=$port
  # Its processes' CPU is measured per row (the postmaster and its children), beside the servers'.
  database_pid=$(head -n 1 "$work/pg/data/postmaster.pid")
}

# Adds to the kernel's huge pages what the cluster's shared memory needs with the given settings (PostgreSQL 15 says).
reserve_huge_pages() {
  local needed
  needed=$(as_postgres "$pg_bin/postgres" -D "$work/pg/data" -C shared_memory_size_in_huge_pages "$@")
  if [ ! -w /proc/sys/vm/nr_hugepages ]; then
    echo "PG_HUGE_PAGES=1: cannot write /proc/sys/vm/nr_hugepages (run as root, or PG_HUGE_PAGES=0)" >&2
    exit 2
  fi
  huge_pages_before=$(cat /proc/sys/vm/nr_hugepages)
  echo $((huge_pages_before + needed)) >/proc/sys/vm/nr_hugepages
  if [ "$(cat /proc/sys/vm/nr_hugepages)" -lt $((huge_pages_before + needed)) ]; then
    echo "PG_HUGE_PAGES=1: the kernel reserved $(cat /proc/sys/vm/nr_hugepages) huge pages of the" \
      "$((huge_pages_before + needed)) asked (memory too fragmented?); PG_HUGE_PAGES=0 measures without them" >&2
    release_huge_pages
    exit 2
  fi
}

release_huge_pages() {
  [ -n "$huge_pages_before" ] || return 0
  echo "$huge_pages_before" >/proc/sys/vm/nr_hugepages
  huge_pages_before=""
}

# A self-signed certificate for the key ring, made as README "Keys" says.
keyring_certificate() {
  [ -f "$work/keyring.pfx" ] && return
  openssl req -x509 -newkey rsa:3072 -nodes -days 3650 -subj "/CN=Guichet bench key ring" \
    -keyout "$work/keyring-key.pem" -out "$work/keyring.pem" 2>/dev/null
  openssl pkcs12 -export -inkey "$work/keyring-key.pem" -in "$work/keyring.pem" -out "$work/keyring.pfx" -passout pass:bench
}

stop_postgres() {
  as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null
  release_huge_pages
  rm -rf "$work/pg"
  pg_bin=""
  database_pid=""
}

# Run from the output folder, so that its appsettings.json (EF Core and SoapCore logging at Warning) is what is read.
server() { (cd "$server_dir" && dotnet Guichet.Server.dll "$@"); }

# Starts one more server on a free loopback port (read back from its "Now listening on" line); sets $address.
start_server() {
  # A new, empty log file each time: an old one could be read before the new server's shell truncates it.
  server_starts=$((server_starts + 1))
  local log="$work/server$server_starts.log"
  : >"$log"
  # SERVER_ENV and the callers' words come after the doors', so that they may open one again.
  # One line per entry with its UTC time, so that the maintenance's runs can be set beside the passes' times.
  # The servers' own maintenance runs at their start only (its interval, a day, outlasts the run): the bench runs it
  # before each pass instead (purge_store), where its CPU is measured apart and charged to no row.
  (cd "$server_dir" && exec env ASPNETCORE_URLS="http://127.0.0.1:0" Logging__Console__FormatterOptions__SingleLine=true \
    Logging__Console__FormatterOptions__TimestampFormat="HH:mm:ss " Logging__Console__FormatterOptions__UseUtcTimestamp=true \
    Maintenance__Interval=1.00:00:00 "${door_env[@]}" "$@" dotnet Guichet.Server.dll) >"$log" 2>&1 &
  local pid=$!
  server_pids+=("$pid")
  address=""
  for _ in $(seq 1 600); do
    address=$(sed -n 's/.*Now listening on: \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$log" | head -n 1)
    [ -n "$address" ] && break
    kill -0 "$pid" 2>/dev/null || { echo "the server stopped during start-up" >&2; exit 1; }
    sleep 0.2
  done
  [ -n "$address" ] || { echo "the server did not report its address within 120 s" >&2; exit 1; }
  curl --silent --fail --max-time 10 --noproxy '*' "$address/health" >/dev/null
}

stop_servers() {
  for pid in "${server_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  server_pids=()
}

# Creates the bench's white label (SSO on, in French time; auto-enrolment; the largest secondary allowance) and its
# administrator with the operator commands, and reads the secrets they print once.
setup_store() {
  server migrate >/dev/null
  local white_label admin
  white_label=$(server create-white-label --code bench --name Bench --mail-domain bench.local --auto-enrol --max-secondary 999)
  wsse_user=$(sed -n 's/^ *WSSE username : *//p' <<<"$white_label")
  wsse_secret=$(sed -n 's/^ *WSSE secret *: *//p' <<<"$white_label")
  sso_key=$(sed -n 's/^ *SSO key *: *//p' <<<"$white_label")
  admin=$(server create-admin --white-label bench --login benchadmin)
  admin_password=$(sed -n 's/.*Password (shown once): *//p' <<<"$admin")
  if [ -z "$wsse_user" ] || [ -z "$wsse_secret" ] || [ -z "$sso_key" ] || [ -z "$admin_password" ]; then
    printf 'could not read the credentials printed by the operator commands:\n%s\n%s\n' "$white_label" "$admin" >&2
    exit 1
  fi
}

# One row: autocannon in bench/load/soap-load.js, with the settings of this run; prints its JSON line.
# Fills the store to $1 accounts in bulk (Guichet.Bench fill); `filled` is what the load's account pool draws from.
fill_store() {
  if [ "$1" -gt 0 ]; then
    echo "== Filling to $1 accounts"
    bench_tool fill --provider "$Database__Provider" --connection "$Database__ConnectionString" --white-label bench \
      --password "$bench_password" --accounts "$1"
  fi
  filled=$1
  [ "$1" -gt 0 ] && [ "$Database__Provider" = PostgreSql ] && [ "$pg_prewarm" = 1 ] && prewarm_store
  return 0
}

# A store filled in bulk is on disk only; one in service for hours has had every account read, and what fits of it sits
# in the cluster's buffers. pg_prewarm reads each table and index of the store into them.
prewarm_store() {
  local database=${Database__ConnectionString##*Database=}
  local relations megabytes
  IFS='|' read -r relations megabytes < <(as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres \
    -d "$database" -qAt -c "CREATE EXTENSION pg_prewarm" \
    -c "SELECT count(*), round(coalesce(sum(pg_prewarm(c.oid)), 0) * 8 / 1024.0) FROM (SELECT oid FROM pg_class
        WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'i')) c")
  [ -n "$megabytes" ] || { echo "pg_prewarm did not read the store into PostgreSQL's buffers" >&2; exit 1; }
  echo "   read into PostgreSQL's buffers: $relations tables and indexes, $megabytes MB"
}

# One store per size: a SQLite file or a PostgreSQL database, set up and filled once; use_store selects it again later.
declare -A store_connection=() store_wsse_user=() store_wsse_secret=() store_sso_key=() store_admin_password=()
declare -A store_purge_startup=()
open_store() {
  local size=$1
  if [ "$Database__Provider" = Sqlite ]; then
    Database__ConnectionString="Data Source=$work/guichet-$size.db"
  else
    as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE guichet_$size" postgres
    Database__ConnectionString="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=guichet_$size"
  fi
  echo "== $provider_label: store of $(store_label "$size"), its white label"
  setup_store
  fill_store "${size%%_*}"
  # What the purge command costs with nothing to delete (its start: the model, the queries compiled, the JIT), taken
  # from what it costs before each pass to get the purge's own CPU.
  local startup
  startup=$(purge_once)
  store_purge_startup[$size]=${startup##* }
  echo "   the purge command with nothing to delete: ${store_purge_startup[$size]} s of CPU"
  store_connection[$size]=$Database__ConnectionString
  store_wsse_user[$size]=$wsse_user store_wsse_secret[$size]=$wsse_secret store_sso_key[$size]=$sso_key
  store_admin_password[$size]=$admin_password
}

use_store() {
  local size=$1
  Database__ConnectionString=${store_connection[$size]}
  wsse_user=${store_wsse_user[$size]} wsse_secret=${store_wsse_secret[$size]} sso_key=${store_sso_key[$size]}
  admin_password=${store_admin_password[$size]} filled=${size%%_*}
}

# "0 accounts", or "0 accounts (store 2)" for the second store of a size named twice in SIZES.
store_label() {
  case $1 in
    *_*) echo "${1%%_*} accounts (store ${1##*_})" ;;
    *) echo "$1 accounts" ;;
  esac
}

load() {
  local scenario=$1 seconds=$2 warm=$3 amount=${4:-0} clients=${5:-$connections} urls pids settings
  urls=$(printf '"%s/ws/registering",' "${addresses[@]}")
  pids=$(printf '%s,' "${load_pids[@]}")
  settings=$(cat <<JSON
{"scenario": "$scenario", "urls": [${urls%,}], "duration": $seconds, "amount": $amount, "warmup": $warm,
 "connections": $clients, "timeout": $timeout, "serverPids": [${pids%,}], "databasePid": ${database_pid:-null},
 "clockTicks": $(getconf CLK_TCK),
 "wsse": {"user": "$wsse_user", "secret": "$wsse_secret"}, "admin": {"login": "benchadmin", "password": "$admin_password"},
 "password": "$bench_password", "sso": {"key": "$sso_key", "timeZone": "Europe/Paris"},
 "pool": {"tag": "$tag", "filler": $filled, "first": $first_pool, "parents": $parent_pool, "parentAllowance": 999,
          "modifiers": $connections, "targets": $((2 * connections))}}
JSON
)
  node "$root/bench/load/soap-load.js" "$settings"
}

# The state-burst row: getAccountState by repeated password from CONNECTIONS connections while BURST more register
# primaries on the same servers, started together (what the hashing gate is for: a burst of hashing calls must not
# starve the calls that need no hash). One JSON line: the cheap call's figures, the registrations' beside them, errors
# of both; no server CPU per call (the two loads share it).
load_beside_burst() {
  local beside=$work/burst.json registering cheap
  load register-primary "$duration" "$warmup" 0 "$burst" >"$beside" &
  registering=$!
  cheap=$(load state-repeated "$duration" "$warmup")
  wait "$registering"
  node -e '
    const [cheap, beside] = process.argv.slice(1).map((a) => JSON.parse(a));
    console.log(JSON.stringify({ ...cheap, scenario: "state-burst",
      serverCpuMsPerCall: null, serverHashingCpuMsPerCall: null, databaseCpuMsPerCall: null,
      errors: cheap.errors + beside.errors, poolExhausted: cheap.poolExhausted || beside.poolExhausted,
      firstError: cheap.firstError ?? beside.firstError,
      burst: { requestsPerSecond: beside.requestsPerSecond, p50: beside.p50, p99: beside.p99 } }));
  ' "$cheap" "$(cat "$beside")"
}

rows=()
size_rows=()
purge_rows=()
failed=0
run=0
# Label, whether the call hashes once (first-time password, registrations), in the order of the table.
declare -A labels=(
  [health]="GET /health (trivial)" [state-repeated]="getAccountState, repeated password" [state-sso]="getAccountState, SSO token"
  [state-first]="getAccountState, first-time password" [register-primary]="registerPrimaryAccount"
  [register-secondary]="registerSecondaryAccount" [modify-primary]="modifyPrimaryAccount" [change-status]="changeAccountStatus"
  [state-burst]="getAccountState, repeated password, beside $burst connections registering")
declare -A hashes=([state-first]=1 [register-primary]=1 [register-secondary]=1)
table_order="health state-first state-repeated state-sso state-burst register-primary register-secondary modify-primary change-status"
# Cheap calls first; the hashing ones last, so that the enrolment worker's catching up after registrations falls on
# no cheap row.
run_order="health state-repeated state-sso modify-primary change-status state-burst state-first register-primary register-secondary"

# A fresh working set for one pass over the rows (tag r<run>x<pass>): first-time callers, parents, modifiers and
# targets no earlier pass has used, so that each pass measures the same thing.
working_set() {
  tag="r${run}x$1"
  bench_tool working-set --provider "$Database__Provider" --connection "$Database__ConnectionString" --white-label bench \
    --password "$bench_password" --tag "$tag" --first "$first_pool" --parents "$parent_pool" --parent-allowance 999 \
    --modifiers "$connections" --targets "$((2 * connections))" >/dev/null
}

# One measured server run: INSTANCES servers per store of SIZES, all started together, then REPEAT passes over each call
# of CALLS (each pass with its own working set, its own trivial row and its own KDF beside its hashing rows), each call
# measured on every store in turn; one table row per call and store from those passes, and each larger store's rows
# compared with the smallest store's, pass by pass.
measure() {
  local provider_label=$1 instances=$2
  run=$((run + 1))
  # Enough first-time callers and parents for three times the hash-bound rate over warm-up and run (the parents also
  # for the server's warm-up registrations, which use the first pass's).
  first_pool=$(awk -v l="$hash_limit" -v d="$((duration + warmup))" 'BEGIN { printf "%d", 3 * l * d + 100 }')
  parent_pool=$(awk -v l="$hash_limit" -v d="$((duration + warmup))" -v w="$server_warmup_registrations" \
    -v c="$connections" 'BEGIN { k = int((3 * l * d + w) / c / 999) + 1; printf "%d", c * k }')
  local size first store_index=0 default_dir=$server_dir
  local -A size_addresses=() size_pids=()
  for size in $sizes; do
    use_store "$size"
    working_set 1
    server_dir=${store_dirs[$store_index]:-$default_dir}
    store_index=$((store_index + 1))
    for _ in $(seq 1 "$instances"); do
      start_server "${server_env[@]}"
      size_addresses[$size]+="$address " size_pids[$size]+="${server_pids[-1]} "
    done
    server_dir=$default_dir
    echo "== $provider_label, $(store_label "$size") filled, $instances server(s) at ${size_addresses[$size]}"
    if [ ${#store_dirs[@]} -gt 0 ]; then
      echo "   its servers run the build in ${store_dirs[$((store_index - 1))]:-$default_dir}"
    fi
  done
  echo "   load average $(cut -d ' ' -f 1 /proc/loadavg)"
  # Untimed, before any row: SERVER_WARMUP_REGISTRATIONS calls of each registration of CALLS, then the cheap calls for
  # SERVER_WARMUP seconds each, so that tiered compilation has settled on a new server. Without it the first SOAP row
  # measured paid the JIT (about 1 ms of CPU per call more), and the registrations ran their own code unoptimised: the
  # server recompiles a method after 1,000 calls (runtimeconfig), then again after 1,000 more, which at ~16 calls/s
  # takes two minutes (bench/README.md, "A hashing call's CPU beyond its hash").
  # Not changeAccountStatus: its row's targets must start REGISTERED (its own warm-up covers it). Not the first-time
  # password: each load starts the pool's first-time accounts again, and the row would find them verified already.
  for size in $sizes; do
    select_servers "$size"
    for scenario in register-primary register-secondary; do
      [ "$server_warmup_registrations" -gt 0 ] || break
      case " $calls " in *" $scenario "*) load "$scenario" 0 0 "$server_warmup_registrations" >/dev/null ;; esac
    done
    for scenario in state-repeated state-sso modify-primary; do
      case " $calls " in *" $scenario "*) load "$scenario" "$server_warmup" 0 >/dev/null ;; esac
    done
  done
  # Per store and call, one JSON line per pass, each with what its row is compared with: that pass's trivial rate and
  # KDF on the same store.
  local -A results=() trivial=() alone=() burst_lines=() burst_round=()
  local pass pass_sizes scenario output run_limit run_parallel label round_label
  for pass in $(seq 1 "$repeat"); do
    for size in $sizes; do purge_store "$provider_label" "$size" "$pass" "$instances"; done
    if [ "$pass" -gt 1 ]; then
      for size in $sizes; do use_store "$size"; working_set "$pass"; done
    fi
    for size in $sizes; do trivial[$size]=0 alone[$size]=0; done
    # The stores' order alternates pass by pass (the smallest first in odd passes, last in even ones): a host that
    # slows down or speeds up within a row's pair of measures then favours neither store over the run.
    pass_sizes=$sizes
    [ $((pass % 2)) -eq 0 ] && pass_sizes=$(reversed "$sizes")
    for scenario in $run_order; do
      case " $calls " in *" $scenario "*) ;; *) continue ;; esac
      for size in $(measured_order "$scenario" "$pass_sizes"); do
        select_servers "$size"
        label="" round_label=""
        [ "$sizes" != "$size" ] && label="$(store_label "$size"), "
        if [ "$scenario" = state-burst ] && [ "$burst_rounds" -gt 1 ]; then
          burst_round[$size]=$((${burst_round[$size]:-0} % burst_rounds + 1))
          round_label=" (round ${burst_round[$size]}/$burst_rounds)"
        fi
        run_limit=$hash_limit run_parallel=$kdf_parallel kdf_before=$kdf_cpu_ms kdf_after=$kdf_cpu_ms
        if [ "${hashes[$scenario]:-0}" = "1" ]; then
          # The host's speed drifts within minutes (other tenants of the hypervisor): each hashing row is compared with
          # the KDF measured again just before it and just after it, while the servers idle, rather than with the
          # start's figure. The row's limit is that of the mean of the two.
          read -r _ _ _ kdf_before < <(bench_tool kdf --runs 7)
          read -r _ _ run_parallel < <(bench_tool kdf-parallel --seconds 5)
          echo "   ${label}KDF just before $scenario: $kdf_before ms of CPU, all cores hashing $run_parallel/s"
        fi
        if [ "$scenario" = state-burst ]; then
          output=$(load_beside_burst)
        else
          output=$(load "$scenario" "$duration" "$warmup")
        fi
        if [ "${hashes[$scenario]:-0}" = "1" ]; then
          read -r _ _ _ kdf_after < <(bench_tool kdf --runs 7)
          run_limit=$(awk -v c="$cores" -v a="$kdf_before" -v b="$kdf_after" 'BEGIN { printf "%.1f", c * 1000 / ((a + b) / 2) }')
          echo "   ${label}KDF just after $scenario: $kdf_after ms of CPU, hash-bound limit $run_limit/s (the mean's)"
        fi
        output=$(node -e '
          const [r, limit, parallel, trivial, alone, kdfBefore, kdfAfter] =
            process.argv.slice(1).map((a, i) => (i === 0 ? JSON.parse(a) : Number(a)));
          console.log(JSON.stringify({ ...r, limit, parallel, alone, kdfBefore, kdfAfter,
            trivial: r.scenario === "health" ? r.requestsPerSecond : trivial }));
        ' "$output" "$run_limit" "$run_parallel" "${trivial[$size]}" "${alone[$size]}" "$kdf_before" "$kdf_after")
        [ "$scenario" = health ] && trivial[$size]=$(rate_of_line "$output")
        [ "$scenario" = state-repeated ] && alone[$size]=$(rate_of_line "$output")
        if [ "$scenario" = state-burst ]; then
          burst_lines[$size]+="$output"$'\n'
        else
          results["$size $scenario"]+="$output"$'\n'
        fi
        node -e '
          const [r, pass, passes, label, round] =
            [JSON.parse(process.argv[1]), process.argv[2], process.argv[3], process.argv[4], process.argv[5]];
          const mb = (kb) => Math.round(kb / 1024);
          const rss = r.rssNowKb.map((m) => `${mb(m.anon)}+${mb(m.file)}+${mb(m.shmem)}`).join(", ");
          // The peak so far (VmHWM) beside it: the first row to show the peak of the table raised it.
          const peak = r.peakRssKb.map(mb).join(", ");
          const ended = new Date().toISOString().slice(11, 19);
          console.log(`   ${ended} ${label}${passes > 1 ? `pass ${pass}/${passes}, ` : ""}${r.scenario}${round}: ${r.requestsPerSecond.toFixed(1)}/s`
            + `, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.errors} errors`
            + (r.serverCpuMsPerCall && r.serverHashingCpuMsPerCall ? `, server CPU ${r.serverCpuMsPerCall.toFixed(1)} ms/call`
              + ` (${r.serverHashingCpuMsPerCall.toFixed(1)} on the hashing threads)` : "")
            + (r.burst ? ` (beside: registerPrimaryAccount ${r.burst.requestsPerSecond.toFixed(1)}/s, p99 ${r.burst.p99} ms)` : "")
            + `, RSS now ${rss} MB (anonymous + files + shared), peak ${peak} MB, host steal ${r.stealPercent.toFixed(1)} %`
            + (r.firstError ? ` (first: ${r.firstError.slice(0, 300)})` : "") + (r.poolExhausted ? " POOL EXHAUSTED" : ""));
        ' "$output" "$pass" "$repeat" "$label" "$round_label"
        for pid in "${server_pids[@]}"; do
          kill -0 "$pid" 2>/dev/null || { echo "a server stopped during $scenario: results are not valid" >&2; exit 1; }
        done
        host_reclaim_check
        sleep 2
      done
      if [ "$scenario" = state-burst ]; then
        for size in $sizes; do
          results["$size $scenario"]+="$(node "$root/bench/load/burst-rounds.js" "${burst_lines[$size]}")"$'\n'
          burst_lines[$size]=""
        done
      fi
    done
  done
  stop_servers
  first=${sizes%% *}
  for size in $sizes; do
    for scenario in $table_order; do
      [ -n "${results["$size $scenario"]:-}" ] || continue
      rows+=("$(node "$root/bench/load/table-row.js" "${results["$size $scenario"]}" "${labels[$scenario]}" "$provider_label" \
        "$size" "$instances" "${hashes[$scenario]:-0}")")
      if node -e 'process.exit(process.argv[1].trim().split("\n").map(JSON.parse).some((r) => r.errors > 0 || r.poolExhausted) ? 0 : 1)' \
        "${results["$size $scenario"]}"; then
        failed=1
      fi
      [ "$size" = "$first" ] && continue
      size_rows+=("$(node "$root/bench/load/size-row.js" "${results["$size $scenario"]}" "${results["$first $scenario"]}" \
        "${labels[$scenario]}" "$provider_label" "$size" "$first" "$instances")")
    done
  done
}

# The maintenance of one store, run by the operator command `purge` while its servers idle, before a pass: what
# expired since the last (the nonces of the pass before, above all), as the servers' own would every ten minutes,
# paced as theirs. One log line and one row of the purge table: the rows deleted, the wall time, the command's CPU less
# its start's (store_purge_startup) per 1,000 rows, and on PostgreSQL the cluster's CPU over the same time.
purge_store() {
  local provider_label=$1 size=$2 pass=$3 instances=$4 before="" after="" output rows wall cpu own database="" label=""
  use_store "$size"
  [ -n "$database_pid" ] && before=$(node "$root/bench/load/process-cpu.js" database "$database_pid")
  output=$(purge_once)
  [ -n "$database_pid" ] && after=$(node "$root/bench/load/process-cpu.js" database "$database_pid")
  read -r rows wall cpu <<<"$output"
  own=$(awk -v c="$cpu" -v s="${store_purge_startup[$size]}" 'BEGIN { printf "%.2f", (c > s ? c - s : 0) }')
  [ -n "$before" ] && database=$(awk -v a="$after" -v b="$before" -v t="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", (a - b) / t }')
  local own_rate database_rate="–" database_said=""
  own_rate=$(per_thousand_rows "$own" "$rows")
  if [ -n "$database" ]; then
    database_rate=$(per_thousand_rows "$database" "$rows")
    database_said=", database CPU $database s ($database_rate ms per 1,000 rows)"
  fi
  [ "$sizes" != "$size" ] && label="$(store_label "$size"), "
  echo "   $(date -u +%H:%M:%S) ${label}pass $pass/$repeat, maintenance purge: $rows rows in $wall s," \
    "CPU $own s beyond the command's start ($own_rate ms per 1,000 rows)$database_said"
  purge_rows+=("| $provider_label | $(node "$root/bench/load/store-size.js" "$size") | $instances | $pass | $rows | $wall | $own"\
" | $own_rate | ${database:-–} | $database_rate |")
}

# One run of the operator command `purge` on the current store: "rows wall-seconds CPU-seconds" from its line.
purge_once() {
  local said parsed
  said=$(server purge)
  parsed=$(sed -n 's/^Maintenance purged \([0-9]*\) expired security record(s) and [0-9]* finished mail(s)'\
' in \([0-9.]*\) s, \([0-9.]*\) s of CPU\.$/\1 \2 \3/p' <<<"$said")
  [ -n "$parsed" ] || { echo "the purge command said: $said" >&2; exit 1; }
  echo "$parsed"
}

# Milliseconds of CPU per 1,000 rows from seconds of CPU and rows ("–" for no rows).
per_thousand_rows() {
  awk -v s="$1" -v r="$2" 'BEGIN { if (r > 0) printf "%.1f", 1e6 * s / r; else printf "–" }'
}

# The stores in the order one call of a pass measures them: the pass's order, and for the burst row BURST_ROUNDS rounds
# of it, every other one reversed (A B B A ...). That row's rate is a share of two cores that moves by ~8 % from one
# 20-s measure to the next on the same server (bench/README.md, "The noise floor"): its rounds taken together give a
# pass a figure √rounds times less noisy, and the host's drift over them favours no store.
measured_order() {
  local scenario=$1 order=$2 round
  if [ "$scenario" != state-burst ]; then
    echo "$order"
    return
  fi
  for round in $(seq 1 "$burst_rounds"); do
    if [ $((round % 2)) -eq 1 ]; then echo "$order"; else reversed "$order"; fi
  done
}

# Space-separated words in the reverse order.
reversed() { tr ' ' '\n' <<<"$1" | tac | tr '\n' ' '; echo; }

# The servers of one store (measure's size_addresses and size_pids), its credentials and its account pool.
select_servers() {
  use_store "$1"
  read -r -a addresses <<<"${size_addresses[$1]}"
  read -r -a load_pids <<<"${size_pids[$1]}"
}

# The calls per second of one load's JSON line.
rate_of_line() { node -e 'console.log(JSON.parse(process.argv[1]).requestsPerSecond)' "$1"; }

print_table() {
  echo
  echo "== WS Registering, $(date -u '+%Y-%m-%d %H:%M UTC'), $(machine), commit $commit, load average now $(cut -d ' ' -f 1-3 /proc/loadavg)"
  echo "   $connections connections, $duration s per call after $warmup s of warm-up; KDF alone $kdf_cpu_ms ms CPU ($kdf_wall_ms ms wall)"
  echo "   per hash, hash-bound limit $hash_limit/s, all cores hashing at once $kdf_parallel/s (each hashing row compared with the"
  echo "   KDF measured again just before and just after it, their mean; \"KDF a→b ms\" where they differ by over 15 %: the"
  echo "   host's speed moved during the row); latencies in ms over 2xx answers; CPU per call = server CPU / answers;"
  echo "   database CPU per call = PostgreSQL's processes' CPU / answers (SQLite runs inside the server: counted in its CPU)"
  if [ "$burst_rounds" -gt 1 ] && [[ " $calls " == *" state-burst "* ]]; then
    echo "   the burst row: $burst_rounds rounds of it per pass and store, the stores' order reversed every other round, taken"
    echo "   together (their calls over their time; the worst round's p99)"
  fi
  if [ "$repeat" -gt 1 ]; then
    echo "   $repeat passes over the rows on each server run: a row is its pass of median rate, compared by the median of each"
    echo "   pass's own comparison; [low–high] over the passes; errors are summed, peak RSS is the highest"
  fi
  if [ "$doors" = soap ]; then
    echo "   servers opening WS Registering alone (Doors:Portal=false, Doors:BackOffice=false), as the production layout's"
    echo "   instances for integrators; DOORS=all measures the Quick start's server, every door open"
  else
    echo "   servers opening every door (DOORS=all), as the Quick start's server"
  fi
  if [ -n "${SERVER_ENV:-}${SERVER_DIR:-}" ]; then
    echo "   servers measured with environment '${SERVER_ENV:-}' from ${server_dir}"
  fi
  if [[ " $providers " == *" PostgreSql "* ]]; then
    local pages=" in 4 KB pages" filled="left cold"
    [ "$pg_huge_pages" = 1 ] && pages=" in huge pages"
    [ "$pg_prewarm" = 1 ] && filled="read into its buffers before the passes"
    echo "   PostgreSQL started with shared_buffers=${pg_shared_buffers:-128}MB$pages${PG_SETTINGS:+, $PG_SETTINGS};" \
      "a filled store $filled"
  fi
  echo "   the host's proactive reclaim: $host_reclaim"
  echo "| provider | accounts | servers | call | requests/s | compared | p50 ms | p99 ms | errors | server CPU ms/call | database CPU ms/call | client CPU | host steal | peak RSS MB |"
  echo "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${rows[@]}"
  if [ ${#purge_rows[@]} -gt 0 ]; then
    echo
    echo "   The maintenance before each pass (the operator command purge, paced as the servers', while they idle): what"
    echo "   expired since the pass before; the command's CPU less its start's (an empty run's), and PostgreSQL's cluster's"
    echo "| provider | accounts | servers | before pass | rows purged | wall s | CPU s | CPU ms per 1,000 rows | database CPU s | database CPU ms per 1,000 rows |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    printf '%s\n' "${purge_rows[@]}"
  fi
  [ ${#size_rows[@]} -gt 0 ] || return 0
  echo
  echo "   Each larger store against the smallest, call by call: the ratio of each pass's rate (or server CPU per call) to"
  echo "   the same pass's on the smallest store, measured right before it (right after it in even passes: the stores'"
  echo "   order alternates); median [low–high] over the passes"
  echo "| provider | accounts | against | servers | call | requests/s, of the smaller store's | server CPU per call, of the smaller store's |"
  echo "| --- | ---: | ---: | ---: | --- | ---: | ---: |"
  printf '%s\n' "${size_rows[@]}"
}

# The calls per second of a load's JSON result file.
rate_of() {
  node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).requestsPerSecond)' "$1"
}

# PROFILE=1: where the time of a cheap call goes (issue 11, item 2), on an empty store or one of PROFILE_ACCOUNTS; raw
# files in artifacts/bench-profile/<provider>[-<accounts>].
# 1. EF Core's command and transaction log around ONE call of each cheap kind (after untimed calls of the same), and the
#    database's own count of what that call cost: fsync-type system calls of the server (SQLite, by strace) or commits
#    and WAL flushes (PostgreSQL, pg_stat_database and pg_stat_wal) over 200 calls from one connection.
# 2. dotnet-trace (sampled thread stacks) and dotnet-counters on the server during PROFILE_SECONDS of repeated-password
#    getAccountState at CONNECTIONS, summarised by bench/load/trace-summary.js.
# 3. perf (on-CPU samples, native and managed frames) of the same call, then of registerPrimaryAccount (what a hashing
#    call costs beyond its hash: the hashing threads against the rest), summarised by bench/load/perf-summary.js.
profile_cheap_call() {
  local out="$root/artifacts/bench-profile/$Database__Provider" scenario log mark
  [ "$profile_accounts" -gt 0 ] && out="$out-$profile_accounts"
  rm -rf "$out"
  mkdir -p "$out"
  dotnet tool restore >/dev/null
  tag=p1 first_pool=100 parent_pool=$connections
  bench_tool working-set --provider "$Database__Provider" --connection "$Database__ConnectionString" --white-label bench \
    --password "$bench_password" --tag "$tag" --first "$first_pool" --parents "$parent_pool" --parent-allowance 999 \
    --modifiers "$connections" --targets "$((2 * connections))" >/dev/null
  # The statements' text on lines of their own, as the awk below reads them.
  start_server Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information \
    Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Transaction=Debug Logging__Console__FormatterOptions__SingleLine=false
  addresses=("$address") load_pids=("${server_pids[@]}")
  log="$work/server$server_starts.log"
  echo "== The SQL of one call (EF Core's command log; $out/sql-*.log)"
  for scenario in state-repeated state-sso modify-primary change-status register-primary register-secondary; do
    load "$scenario" 0 0 20 1 >/dev/null
    sleep 1
    mark=$(wc -l <"$log")
    load "$scenario" 0 0 1 1 >/dev/null
    sleep 1
    tail -n +"$((mark + 1))" "$log" >"$out/sql-$scenario.log"
    echo "-- $scenario: $(grep -c 'Executed DbCommand' "$out/sql-$scenario.log") statements," \
      "$(grep -c 'Beginning transaction\|Began transaction' "$out/sql-$scenario.log") transactions begun," \
      "$(grep -c 'Committed transaction\|Committing transaction' "$out/sql-$scenario.log") commit log lines"
    # The statements alone: the line after each "Executed DbCommand" header up to the next log header.
    awk '/Executed DbCommand/ { getline; sql = 1; n++; printf "   %d. ", n } /^([0-9:]+ )?(info|dbug|warn|fail):/ { sql = 0 } sql { sub(/^ +/, ""); printf "%s ", $0 } sql == 0 && n > printed { print ""; printed = n }' \
      "$out/sql-$scenario.log" | cut -c1-400
  done
  echo "== What the store does per call (200 calls, one connection)"
  for scenario in state-repeated state-sso; do
    if [ "$Database__Provider" = "Sqlite" ]; then
      strace -f -qq -c -e trace=fsync,fdatasync,sync_file_range,pwrite64,write -p "${server_pids[0]}" -o "$out/strace-$scenario.txt" &
      local strace_pid=$!
      sleep 1
      load "$scenario" 0 0 200 1 >/dev/null
      kill -INT "$strace_pid"
      wait "$strace_pid" 2>/dev/null || true
      echo "-- $scenario, server system calls per call (strace -c; writes include the log and the sockets):"
      awk 'NR > 2 && $NF ~ /^(fsync|fdatasync|sync_file_range|pwrite64|write)$/ { printf "   %s: %.2f per call\n", $NF, $4 / 200 }' \
        "$out/strace-$scenario.txt"
    else
      local query='SELECT d.xact_commit, w.wal_records, w.wal_write, w.wal_sync FROM pg_stat_database d, pg_stat_wal w WHERE d.datname = current_database()'
      local before after
      before=$(as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -Atc "$query" guichet)
      load "$scenario" 0 0 200 1 >/dev/null
      sleep 1
      after=$(as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -Atc "$query" guichet)
      awk -F'|' -v before="$before" -v after="$after" 'BEGIN { split(before, b); split(after, a)
        printf "   commits %.2f, WAL records %.2f, WAL writes %.2f, WAL syncs (fsync) %.2f per call\n",
          (a[1] - b[1]) / 200, (a[2] - b[2]) / 200, (a[3] - b[3]) / 200, (a[4] - b[4]) / 200 }'
    fi
  done
  stop_servers

  echo "== Trace of getAccountState, repeated password, $connections connections, $profile_seconds s ($out/trace.*)"
  start_server
  addresses=("$address") load_pids=("${server_pids[@]}")
  local pid=${server_pids[0]} span
  span=$(printf '00:00:00:%02d' "$profile_seconds")
  load state-repeated "$((profile_seconds + 6))" 2 >"$out/load.json" &
  local load_pid=$!
  sleep 4
  dotnet dotnet-counters collect -p "$pid" --duration "$span" --format csv -o "$out/counters.csv" \
    --counters System.Runtime,Microsoft.AspNetCore.Hosting,Microsoft.AspNetCore.Server.Kestrel >/dev/null &
  local counters_pid=$!
  dotnet dotnet-trace collect -p "$pid" --profile dotnet-sampled-thread-time --duration "$span" \
    -o "$out/trace.nettrace" --format Speedscope >"$out/trace-collect.log" 2>&1
  wait "$counters_pid" || true
  wait "$load_pid"
  node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(`   under the trace: ${r.requestsPerSecond.toFixed(1)}/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.errors} errors`);' "$out/load.json"
  node "$root/bench/load/trace-summary.js" "$out/trace.speedscope.json" "$out/counters.csv" \
    "$(rate_of "$out/load.json")" \
    | tee "$out/summary.txt"
  stop_servers

  perf_profile state-repeated "getAccountState, repeated password" perf 14
  # A registration's own code is optimised after ~2,000 of them (the tiering threshold, 1,000 calls, crossed twice;
  # bench/README.md, "A hashing call's CPU beyond its hash"): at ~15 calls/s, 150 s of load before the record.
  perf_profile register-primary "registerPrimaryAccount (one hash each)" perf-register 150
  perf_profile register-secondary "registerSecondaryAccount (one hash each)" perf-register-secondary 150
}

# perf counts CPU only, native and managed frames alike, where the thread-time trace above also counts threads waiting
# for a lock or for the CPU (bench/README.md, "Where the CPU of a cheap call goes"). The JIT's code runs from a second
# mapping under W^X that perf cannot match with the runtime's map of method names: W^X off for this server.
# Arguments: the scenario, its label, the name of its files in $out, the seconds of load before the record.
perf_profile() {
  local scenario=$1 label=$2 name=$3 lead=$4 pid load_pid
  echo "== CPU profile of $label, $connections connections, $profile_seconds s ($out/$name.*)"
  start_server DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
  addresses=("$address") load_pids=("${server_pids[@]}")
  pid=${server_pids[0]}
  # A new server: load before the record, for tiered compilation to settle (the JIT is then 1–3 % of the CPU).
  load "$scenario" "$((profile_seconds + lead))" 2 >"$out/$name-load.json" &
  load_pid=$!
  sleep "$lead"
  perf record -F "$perf_frequency" -g -p "$pid" -o "$out/$name.data" -- sleep "$profile_seconds" >"$out/$name-record.log" 2>&1
  wait "$load_pid"
  perf script -i "$out/$name.data" >"$out/$name.script" 2>/dev/null
  rm -f "/tmp/perf-$pid.map" "/tmp/perfinfo-$pid.map"
  node "$root/bench/load/perf-summary.js" "$out/$name.script" \
    "$(rate_of "$out/$name-load.json")" \
    "$profile_seconds" "$perf_frequency" | tee "$out/$name-summary.txt"
  stop_servers
}

export ASPNETCORE_ENVIRONMENT=Production Database__ConnectionString=""
export DataProtection__KeysFolder="$work/keys"
for provider in $providers; do
  case "$provider" in
    Sqlite)
      export Database__Provider=Sqlite
      # The embedded default: the key ring in a folder.
      unset DataProtection__KeyStore DataProtection__CertificatePath DataProtection__CertificatePassword
      provider_label=SQLite
      ;;
    PostgreSql)
      export Database__Provider=PostgreSql
      start_postgres
      # The production layout (README, "Production layout"): the key ring in the database, encrypted with a certificate
      # every instance holds; the servers share no folder.
      keyring_certificate
      export DataProtection__KeyStore=Database DataProtection__CertificatePath="$work/keyring.pfx"
      export DataProtection__CertificatePassword=bench
      provider_label="PostgreSQL $("$pg_bin/postgres" --version | awk '{ print $3 }')"
      ;;
    *) echo "Unknown provider $provider" >&2; exit 2 ;;
  esac
  rm -rf "$work/keys"
  if [ "$profile" = "1" ]; then
    open_store "$profile_accounts"
    profile_cheap_call
    stop_servers
    [ "$provider" = "PostgreSql" ] && stop_postgres
    continue
  fi

  for size in $sizes; do open_store "$size"; done
  for instances in $instance_counts; do
    # SQLite is the store of one instance (README "Production layout"): several servers are a PostgreSQL layout.
    [ "$provider" = "Sqlite" ] && [ "$instances" -gt 1 ] && continue
    measure "$provider_label" "$instances"
  done
  [ "$provider" = "PostgreSql" ] && stop_postgres
  rm -f "$work"/guichet-*.db*
done

[ "$profile" = "1" ] && exit 0
print_table
echo "== Done in $(( ($(date +%s) - started) / 60 )) min, load average $(cut -d ' ' -f 1-3 /proc/loadavg)"
exit "$failed"
