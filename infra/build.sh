#!/usr/bin/env bash
# Compiles infra/main.bicep (and its modules) with the Bicep CLI from NuGet, as CI does. Fails on any error and on any
# linter warning: the ARM template it would deploy is written to a temporary directory and thrown away.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
package=azure.bicep.commandline.linux-x64
version=0.49.2

dotnet restore "$root/infra/tools/BicepCli.csproj" -nologo -v quiet >/dev/null
packages=${NUGET_PACKAGES:-$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: //p')}
bicep=$(find "${packages%/}/$package/$version" -type f -name bicep | head -n 1)
[ -n "$bicep" ] || { echo "bicep not found under ${packages%/}/$package/$version after restore" >&2; exit 1; }
# NuGet does not keep the execute bit of a package's files.
[ -x "$bicep" ] || chmod +x "$bicep"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
"$bicep" build "$root/infra/main.bicep" --outdir "$out" 2>"$out/diagnostics" || status=$?
if [ "$status" -ne 0 ] || grep -q ': Warning ' "$out/diagnostics"; then
  cat "$out/diagnostics" >&2
  echo "infra/main.bicep: bicep build failed (exit $status) or warned" >&2
  exit 1
fi
echo "infra/main.bicep compiles with bicep $("$bicep" --version | awk '{print $4}'): no errors, no warnings"
