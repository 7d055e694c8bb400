#!/usr/bin/env bash
# Builds VoiceMemory.Functions.sln (every project) and runs every test project in it: unit, contract and
# integration tests against real SQLite, real files, the real offline engines, the real HTTP server and a real
# Azurite (started here on free loopback ports), plus the infrastructure checks.
# Ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

command -v dotnet >/dev/null || { echo "the .NET 10 SDK is required (https://dot.net); dotnet is not on PATH" >&2; exit 1; }
bash scripts/install-engines.sh || exit 1

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
TEST_ENV_FILE=$(mktemp); export TEST_ENV_FILE
for step in scripts/test-setup/*.sh; do
  bash "$step" || { echo "test setup failed: $step" >&2; echo "0 passed, 1 failed"; exit 1; }
done
set -a; source "$TEST_ENV_FILE"; set +a; rm -f "$TEST_ENV_FILE"

dotnet build VoiceMemory.Functions.sln -c Release -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

source scripts/azurite.sh
azurite_start || { echo "0 passed, 1 failed"; exit 1; }
trap azurite_stop EXIT

log=$(mktemp)
dotnet test VoiceMemory.Functions.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Sum the per-assembly summaries ("Passed!  - Failed: 0, Passed: 93, Skipped: 0, Total: 93, ...").
read -r passed failed skipped < <(grep -E '(Passed|Failed)!  - Failed:' "$log" | awk -F'[:,]' '
  { f += $2; p += $4; s += $6 } END { printf "%d %d %d\n", p, f, s }')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then failed=1; fi
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$status"
