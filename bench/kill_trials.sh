#!/usr/bin/env bash
# Issues 14 and 17: kill -9 at random moments, 50 times each, during `pda import` and
# `pda export` (bench/kill_trials.py says what is checked). Writes bench/work/kill-trials.json,
# which bench/run.sh collects. TRIALS overrides the count.
set -euo pipefail
cd "$(dirname "$0")/.."
PDA_BIN=${PDA_BIN:-.build/release/pda}
python3 bench/kill_trials.py --pda "$PDA_BIN" --trials "${TRIALS:-50}" --json bench/work/kill-trials.json
