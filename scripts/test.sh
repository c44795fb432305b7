#!/usr/bin/env bash
# Runs every test. Installs what the suite needs and is missing (PostgreSQL server binaries, aiosmtpd and Chromium: the
# tests start their own throwaway cluster, SMTP server and headless browser; PHP's SoapClient, python zeep and node-soap:
# the client stacks of tests/clients), then checks formatting, line length, pending migrations, and runs the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
command -v runuser >/dev/null 2>&1 || need_apt+=(util-linux)
# Debian's interpreter, not a pyenv/venv python3 on PATH: the mail tests run /usr/bin/python3 -m aiosmtpd.
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need_apt+=(python3-aiosmtpd)
# The browser tests drive Debian's Chromium through Playwright (never Playwright's own download).
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
# The SOAP client stacks (tests/clients): PHP's SoapClient, python zeep (Debian's interpreter again), node-soap.
php -r 'exit(class_exists("SoapClient") ? 0 : 1);' >/dev/null 2>&1 || need_apt+=(php-cli php-soap)
/usr/bin/python3 -c 'import zeep' >/dev/null 2>&1 || need_apt+=(python3-zeep)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs npm)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing: ${need_apt[*]}"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# node-soap at the version package-lock.json pins, installed again whenever the lock file is newer than the install.
clients_node=tests/clients/node
installed_lock="$clients_node/node_modules/.package-lock.json"
if [ ! -f "$installed_lock" ] || [ "$clients_node/package-lock.json" -nt "$installed_lock" ]; then
  echo "Installing node-soap (npm ci in $clients_node)"
  (cd "$clients_node" && npm ci --no-audit --no-fund --loglevel=error)
fi

dotnet tool restore >/dev/null
dotnet restore Guichet.slnx --verbosity quiet
dotnet build Guichet.slnx --no-restore --configuration Release --verbosity quiet -warnaserror

echo "== Formatting (dotnet format --verify-no-changes)"
dotnet format Guichet.slnx --no-restore --verify-no-changes --verbosity quiet

echo "== Line length (150)"
# Counted in bytes (LC_ALL=C: the same count with any awk); EF Core's migrations and compiled models are left as generated.
long_lines=$(git ls-files -z '*.cs' '*.cshtml' | grep -zEv '^src/Guichet.Data/(Migrations|CompiledModels)/' \
  | xargs -0 env LC_ALL=C awk 'length > 150 { print FILENAME ":" FNR " (" length ")" }')
if [ -n "$long_lines" ]; then
  echo "$long_lines"
  exit 1
fi

echo "== Pending migrations"
for context in SqliteGuichetDbContext PostgresGuichetDbContext NonceFileDbContext; do
  dotnet ef migrations has-pending-model-changes --no-build --configuration Release \
    --project src/Guichet.Data --startup-project src/Guichet.Data --context "$context"
done

echo "== Tests"
mkdir -p artifacts
set +e
dotnet test Guichet.slnx --no-build --configuration Release --results-directory artifacts/test-results "$@" 2>&1 | tee artifacts/test-output.log
status=${PIPESTATUS[0]}
set -e

# One closing line over every test project, in the form CI reads.
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' artifacts/test-output.log
exit "$status"
