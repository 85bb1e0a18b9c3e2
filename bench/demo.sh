#!/usr/bin/env bash
# Runs `remap demo` on the bundled Fashion-MNIST sample and checks its two targets:
# it finishes in under 10 minutes and the best model reaches at least 0.85 test accuracy.
# Usage: bash bench/demo.sh            (from the repository root; builds the CLI first)
set -euo pipefail
cd "$(dirname "$0")/.."

time_limit_seconds=600
accuracy_target=0.85
summary=$(mktemp --suffix=.json)
trap 'rm -f "$summary"' EXIT

dotnet build src/Remap.Cli --configuration Release --nologo -v quiet
remap=src/Remap.Cli/bin/Release/net10.0/linux-x64/remap

start=$(date +%s.%N)
"$remap" demo --summary "$summary"
end=$(date +%s.%N)

elapsed=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
best=$(grep -o '"bestTestAccuracy": *[0-9.]*' "$summary" | grep -o '[0-9.]*$')

echo
echo "demo wall time: ${elapsed} s (target < ${time_limit_seconds} s, ratio $(awk -v a="$elapsed" -v b="$time_limit_seconds" 'BEGIN { printf "%.2f", a / b }'))"
echo "best test accuracy: ${best} (target >= ${accuracy_target})"

verdict=0
if awk -v a="$elapsed" -v b="$time_limit_seconds" 'BEGIN { exit !(a >= b) }'; then
  echo "FAIL: the demo took longer than ${time_limit_seconds} s"
  verdict=1
fi
if [ -z "$best" ] || awk -v a="$best" -v b="$accuracy_target" 'BEGIN { exit !(a < b) }'; then
  echo "FAIL: the best model is below ${accuracy_target} test accuracy"
  verdict=1
fi
[ "$verdict" -eq 0 ] && echo "PASS: both demo targets met"
exit "$verdict"
