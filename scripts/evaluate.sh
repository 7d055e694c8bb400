#!/usr/bin/env bash
# Prints the evaluation tables (per language and category, tuned part beside the held-out part):
#   bash scripts/evaluate.sh [safety|memory|all]
# The evaluation sets are data files under tests/VoiceMemory.Shared.Tests/Evaluation/; the same code runs in the
# test suite with floors at the measured held-out figures, so a regression fails the tests. Each evaluation test
# writes its table to $VOICEMEMORY_EVALUATION_DIR/<name>.txt (tests/VoiceMemory.Shared.Tests/Evaluation/EvaluationReport.cs);
# this script points that at a fresh folder and prints every table in it, then the test verdict.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
case "$what" in
  safety) filter="FullyQualifiedName~VoiceMemory.Tests.Evaluation.Safety" ;;
  memory) filter="FullyQualifiedName~VoiceMemory.Tests.Evaluation.Memory" ;;
  all) filter="FullyQualifiedName~VoiceMemory.Tests.Evaluation" ;;
  *) echo "usage: bash scripts/evaluate.sh [safety|memory|all]" >&2; exit 2 ;;
esac
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
VOICEMEMORY_EVALUATION_DIR=$(mktemp -d)
export VOICEMEMORY_EVALUATION_DIR
trap 'rm -rf "$VOICEMEMORY_EVALUATION_DIR"' EXIT
dotnet build tests/VoiceMemory.Shared.Tests -c Release -nologo -clp:ErrorsOnly >&2
status=0
dotnet test tests/VoiceMemory.Shared.Tests -c Release --no-build -nologo --filter "$filter" > "$VOICEMEMORY_EVALUATION_DIR/test.log" 2>&1 || status=$?
shopt -s nullglob
tables=("$VOICEMEMORY_EVALUATION_DIR"/*.txt)
if [ ${#tables[@]} -eq 0 ]; then
  echo "no evaluation table was written (filter: $filter)" >&2
fi
for table in "${tables[@]}"; do
  cat "$table"
  echo
done
grep -E '^\s*Failed |Assert|fell below|rose above|Passed!|Failed!' "$VOICEMEMORY_EVALUATION_DIR/test.log" | sed 's/^\s*//' || true
exit $status
