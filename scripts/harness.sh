#!/usr/bin/env bash
# The fault and load harness (tools/VoiceMemory.Harness). Builds Release, then runs one scenario (or all) against
# the real server started as a separate process on a fresh data root, over HTTP on 127.0.0.1.
#
#   bash scripts/harness.sh [load|chaos|malformed|soak|diskfull|all] [--minutes N] [--work FOLDER] [--seed N]
#
# Each scenario prints one summary block on stdout (progress goes to stderr); `all` adds a combined block. The exit
# code is 0 only when every expectation held. diskfull mounts a tmpfs, so it needs root (otherwise it says so).
# Runs hold flock on /tmp/voicememory-measure.lock (VOICEMEMORY_MEASURE_LOCK) so that measurements on this machine
# never overlap.
set -euo pipefail
cd "$(dirname "$0")/.."

scenario="${1:-all}"
[ $# -gt 0 ] && shift

command -v dotnet >/dev/null || { echo "the .NET 10 SDK is required (https://dot.net); dotnet is not on PATH" >&2; exit 1; }
bash scripts/install-engines.sh >&2

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "== building (Release)" >&2
dotnet build src/SelfHost/VoiceMemory.SelfHost.csproj -c Release -nologo -clp:ErrorsOnly >&2
dotnet build tools/VoiceMemory.Harness/VoiceMemory.Harness.csproj -c Release -nologo -clp:ErrorsOnly >&2

harness=(dotnet tools/VoiceMemory.Harness/bin/Release/net10.0/VoiceMemory.Harness.dll "$scenario" "$@")
lock="${VOICEMEMORY_MEASURE_LOCK:-/tmp/voicememory-measure.lock}"
if command -v flock >/dev/null; then
  echo "== waiting for $lock, then running: $scenario" >&2
  exec flock "$lock" "${harness[@]}"
fi
echo "== flock not found: running without the measurement lock" >&2
exec "${harness[@]}"
