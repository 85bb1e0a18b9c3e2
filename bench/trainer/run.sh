#!/usr/bin/env bash
# Runs the trainer benchmarks and prints their figures; see bench/README.md.
# Usage: bash bench/trainer/run.sh [throughput|concurrency|memory|warmstart|all]
# PyTorch comes from Debian (apt-get install python3-torch); /usr/bin/python3 is used because other
# interpreters on the PATH do not see Debian's packages.
set -euo pipefail
cd "$(dirname "$0")/../.."
artifacts=${REMAP_BENCH_ARTIFACTS:-/tmp/remap-bench-trainer}
dotnet build -c Release bench/trainer --artifacts-path "$artifacts" -v quiet -nologo > /dev/null
bench() { dotnet "$artifacts/bin/Remap.Bench.Trainer/release_linux-x64/Remap.Bench.Trainer.dll" "$@"; }
load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }

what=${1:-all}
if [[ $what == throughput || $what == all ]]; then
  for round in 1 2; do
    load
    bench throughput 2 2 2
    /usr/bin/python3 bench/trainer/pytorch_epoch.py 2 2
  done
  load
fi
if [[ $what == concurrency || $what == all ]]; then
  # Two rounds with the settings interleaved, so a change in the machine's load hits every setting alike.
  for round in 1 2; do
    for policy in unset PASSIVE; do
      for config in "1 2" "2 1"; do
        load
        if [[ $policy == unset ]]; then bench concurrency $config 4 cnn; else OMP_WAIT_POLICY=PASSIVE bench concurrency $config 4 cnn; fi
      done
    done
  done
fi
if [[ $what == memory || $what == all ]]; then
  load
  bench memory 100 | tail -n 3
fi
if [[ $what == warmstart || $what == all ]]; then
  load
  bench warmstart 4 3 "${REMAP_BENCH_WARM_IMAGES:-9000}" 0.25
  load
fi
