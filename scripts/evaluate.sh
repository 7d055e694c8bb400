#!/usr/bin/env bash
# Prints the evaluation tables (per language and category, tuned part beside the held-out part):
#   bash scripts/evaluate.sh [safety|memory|all]
# The evaluation sets are data files under tests/VoiceMemory.Shared.Tests/Evaluation/; the same code runs in the
# test suite with floors at the measured held-out figures, so a regression fails the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
case "$what" in
  safety) filter="FullyQualifiedName~VoiceMemory.Shared.Tests.Evaluation.Safety" ;;
  memory) filter="FullyQualifiedName~VoiceMemory.Shared.Tests.Evaluation.Memory" ;;
  all) filter="FullyQualifiedName~VoiceMemory.Shared.Tests.Evaluation" ;;
  *) echo "usage: bash scripts/evaluate.sh [safety|memory|all]" >&2; exit 2 ;;
esac
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build tests/VoiceMemory.Shared.Tests -c Release -nologo -clp:ErrorsOnly >&2
dotnet test tests/VoiceMemory.Shared.Tests -c Release --no-build -nologo --filter "$filter" \
  --logger "console;verbosity=detailed" 2>&1 | grep -E '^\s*(\||#|[A-Za-z].*:\s)|Passed!|Failed!' | sed 's/^\s*//'
