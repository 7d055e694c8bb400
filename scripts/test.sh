#!/usr/bin/env bash
# Builds VoiceMemory.Functions.sln (every project) and runs every test project in it: unit, contract and
# integration tests against real SQLite, real files, the real offline engines, the real HTTP server and a real
# Azurite (started here on free loopback ports), plus the infrastructure checks, then the browser client's tests in
# a real Chromium (tests/web).
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

# The browser client's end-to-end tests: Debian's chromium (scripts/test-setup/30-chromium.sh) driven by
# playwright-core against real self-host processes started from the build above. Their counts join the total.
web_log=$(mktemp)
node --test --test-reporter=spec --test-reporter-destination=stdout \
     --test-reporter=tap --test-reporter-destination="$web_log" tests/web/*.test.mjs
web_status=$?
read -r web_passed web_failed web_skipped < <(awk '/^# pass /{p=$3} /^# fail /{f=$3} /^# cancelled /{f+=$3} /^# skipped /{s=$3}
  END { printf "%d %d %d\n", p, f, s }' "$web_log")
rm -f "$web_log"
if [ "$web_status" -ne 0 ] && [ "${web_failed:-0}" -eq 0 ]; then web_failed=1; fi
if [ "$web_status" -ne 0 ] && [ "$status" -eq 0 ]; then status=$web_status; fi
passed=$(( ${passed:-0} + web_passed )); failed=$(( ${failed:-0} + web_failed )); skipped=$(( ${skipped:-0} + web_skipped ))
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$status"
