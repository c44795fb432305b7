#!/usr/bin/env bash
# Regenerates the EF Core compiled models in src/Guichet.Data/CompiledModels, one per context, after any change of the
# model (a configuration, an entity's properties). Hosting/CompiledModelTests fails until it is run.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
# The old models may no longer compile against the changed code: the project is built without them.
rm -rf src/Guichet.Data/CompiledModels
dotnet build src/Guichet.Data -c Debug --verbosity quiet
for context in SqliteGuichetDbContext:Sqlite PostgresGuichetDbContext:PostgreSql NonceFileDbContext:NonceFile; do
  name=${context%%:*} folder=${context##*:}
  dotnet ef dbcontext optimize --no-build --project src/Guichet.Data --startup-project src/Guichet.Data \
    --context "$name" --output-dir "CompiledModels/$folder" --namespace "Guichet.Data.CompiledModels.$folder" >/dev/null
  echo "src/Guichet.Data/CompiledModels/$folder: $name"
done
