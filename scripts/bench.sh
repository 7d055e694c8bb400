#!/usr/bin/env bash
# Builds the benchmarks in Release and runs them (default: all), printing one summary block with every figure, its
# target, PASS/MISS, the machine and the load average. Numbers are only comparable on an otherwise idle machine:
# the measuring part takes an exclusive lock (flock) so two measurement runs on one machine never overlap.
#   bash scripts/bench.sh                 # everything (about 6 minutes on 2 cores)
#   bash scripts/bench.sh recall          # one benchmark: recall | pipeline | ingest | workers
#   bash scripts/bench.sh storage         # the Azure Blob/Table adapters on a fresh Azurite started here (not in 'all'):
#                                         # requests per turn and recall at 100/1k/10k facts beside SQLite
#   bash scripts/bench.sh all --quick     # a fast smoke run of the harness (figures not meaningful)
# Environment: VOICEMEMORY_MEASURE_LOCK (default /tmp/voicememory-measure.lock) names the lock file;
#              VOICEMEMORY_BENCH_WORK puts the benchmarks' data on another file system (default: the temp folder).
# Exit code: 0 every target met, 2 a target missed, 1 an error.
set -uo pipefail
cd "$(dirname "$0")/.."

command -v dotnet >/dev/null || { echo "the .NET 10 SDK is required; dotnet is not on PATH" >&2; exit 1; }
bash scripts/install-engines.sh || exit 1

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/VoiceMemory.Benchmarks -c Release -nologo -clp:ErrorsOnly >&2 || exit 1

args=("$@")
[ ${#args[@]} -eq 0 ] && args=(all)
if [ -n "${VOICEMEMORY_BENCH_WORK:-}" ]; then args+=(--work "$VOICEMEMORY_BENCH_WORK"); fi

lock=${VOICEMEMORY_MEASURE_LOCK:-/tmp/voicememory-measure.lock}
echo "waiting for the measurement lock $lock; load average now: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
if [ "${args[0]}" = storage ]; then
  # The storage benchmark needs Azurite: installed from package.json, started on free loopback ports, stopped on exit.
  [ -x node_modules/.bin/azurite ] || bash scripts/test-setup/10-npm-tools.sh || exit 1
  source scripts/azurite.sh
  azurite_start || exit 1
  trap azurite_stop EXIT
  flock "$lock" dotnet bench/VoiceMemory.Benchmarks/bin/Release/net10.0/VoiceMemory.Benchmarks.dll "${args[@]}"
  exit $?
fi
exec flock "$lock" dotnet bench/VoiceMemory.Benchmarks/bin/Release/net10.0/VoiceMemory.Benchmarks.dll "${args[@]}"
