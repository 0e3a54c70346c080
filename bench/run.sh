#!/usr/bin/env bash
# `make bench`: every benchmark, figures printed and collected in bench/results.json.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/work
command -v /usr/bin/time >/dev/null || { echo "bench needs GNU time (apt-get install time)"; exit 1; }
for bench in bench/import_tiktok.sh bench/import_x_memory.sh bench/import_takeout_memory.sh bench/export_bench.sh \
             bench/import_x.sh bench/import_youtube_html.sh bench/collective_bench.sh bench/verify_hostile.sh \
             bench/kill_trials.sh; do
  [ -x "$bench" ] || continue
  echo "== $bench"
  bash "$bench"
done
echo "== bench/kill_collective.py"
python3 bench/kill_collective.py --pda "${PDA_BIN:-.build/release/pda}" --trials 50 --json bench/work/kill_collective.json
python3 - <<'PY'
import glob, json
results = {p.split("/")[-1][:-5]: json.load(open(p)) for p in sorted(glob.glob("bench/work/*.json"))}
json.dump(results, open("bench/results.json", "w"), indent=2)
print("wrote bench/results.json")
PY
