#!/usr/bin/env bash
# Issue 15's goal: importing TikTok exports of 1,000,000 and 3,000,000 watch entries takes a
# peak RSS of at most 100 MiB whatever the size (JSON is streamed, not held whole), in at most
# 1.5x the time of the floor: sqlite3 `.import` of the same rows into a table with the same
# indexes, measured in the same run. Prints figures and writes bench/work/import-tiktok.json.
# WATCH="1000000 3000000" picks the sizes; FORM=zip (what TikTok sends) or FORM=json (the file).
# BASELINE_BIN=path/to/an/older/pda also measures that binary on the same exports, in the same
# run, for before/after figures.
set -euo pipefail
cd "$(dirname "$0")/.."
PDA_BIN=${PDA_BIN:-.build/release/pda}
BASELINE_BIN=${BASELINE_BIN:-}
WATCH=${WATCH:-1000000 3000000}
FORM=${FORM:-zip}
GOAL_RSS_MIB=100
GOAL_RATIO=1.5
BASE=bench/work/tiktok
rm -rf "$BASE"; mkdir -p "$BASE"

. bench/lib.sh

runs=()
for watch in $WATCH; do
  WORK=$BASE/$watch; mkdir -p "$WORK"
  if [ "$FORM" = zip ]; then
    export_path=$WORK/tiktok.zip
    python3 fixtures/generate_tiktok.py --out "$export_path" --watch "$watch" --likes 0 --searches 0 --comments 0 \
      --seed 1 --csv "$WORK/watch.csv"
    json_bytes=$(python3 -c 'import sys, zipfile; print(sum(i.file_size for i in zipfile.ZipFile(sys.argv[1]).infolist()))' "$export_path")
  else
    python3 fixtures/generate_tiktok.py --out "$WORK/export" --watch "$watch" --likes 0 --searches 0 --comments 0 \
      --seed 1 --csv "$WORK/watch.csv"
    export_path=$WORK/export/user_data_tiktok.json
    json_bytes=$(stat -c %s "$export_path")
  fi
  export_bytes=$(stat -c %s "$export_path")

  measure pda env PDA_ACCOUNT="$WORK/account" "$PDA_BIN" import "$export_path" --json
  pda_secs=$secs; pda_rss=$rss
  rows=$(sqlite3 "$WORK/account/account.sqlite" "SELECT COUNT(*) FROM activity WHERE kind = 'watch'")
  base_secs=0; base_rss=0
  if [ -n "$BASELINE_BIN" ]; then
    measure baseline env PDA_ACCOUNT="$WORK/baseline" "$BASELINE_BIN" import "$export_path" --json
    base_secs=$secs; base_rss=$rss
    base_rows=$(sqlite3 "$WORK/baseline/account.sqlite" "SELECT COUNT(*) FROM activity WHERE kind = 'watch'")
    [ "$base_rows" = "$rows" ] || { echo "baseline stored $base_rows watch rows, pda $rows"; exit 1; }
  fi

  # The floor: the same rows, the same unique and time indexes, sqlite3's own CSV loader.
  cat > "$WORK/floor.sql" <<SQL
PRAGMA journal_mode = WAL;
CREATE TABLE activity (id INTEGER PRIMARY KEY, platform TEXT NOT NULL, kind TEXT NOT NULL, natural_key TEXT NOT NULL,
  occurred_at TEXT, url TEXT, UNIQUE (platform, kind, natural_key));
CREATE INDEX activity_by_time ON activity (occurred_at);
CREATE TEMP TABLE staging (platform TEXT, kind TEXT, natural_key TEXT, occurred_at TEXT, url TEXT);
.mode csv
.import --skip 1 $WORK/watch.csv staging
INSERT OR IGNORE INTO activity (platform, kind, natural_key, occurred_at, url) SELECT * FROM staging;
SQL
  measure floor sqlite3 "$WORK/floor.sqlite" ".read $WORK/floor.sql"
  floor_secs=$secs; floor_rss=$rss
  runs+=("$watch $rows $json_bytes $export_bytes $pda_secs $pda_rss $floor_secs $floor_rss $base_secs $base_rss")
  rm -rf "$WORK/account" "$WORK/baseline" "$WORK/floor.sqlite" "$WORK/watch.csv"
done

python3 - "$FORM" "$GOAL_RSS_MIB" "$GOAL_RATIO" "${runs[@]}" <<'PY'
import json, sys
form, goal_rss, goal_ratio = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
runs = []
for line in sys.argv[4:]:
    watch, rows, json_bytes, export_bytes, pda_s, pda_rss, floor_s, floor_rss, base_s, base_rss = line.split()
    pda_s, floor_s = float(pda_s), float(floor_s)
    rss = int(pda_rss) * 1024
    run = {
        "watchEntries": int(watch), "rowsStored": int(rows), "jsonBytes": int(json_bytes), "exportBytes": int(export_bytes),
        "pda": {"seconds": pda_s, "recordsPerSecond": round(int(rows) / pda_s), "peakRssBytes": rss},
        "sqlite3Floor": {"seconds": floor_s, "peakRssBytes": int(floor_rss) * 1024},
        "ratioToFloor": round(pda_s / floor_s, 2),
        "rssMiB": round(rss / 2**20, 1), "rssToJson": round(rss / int(json_bytes), 2),
    }
    run["meetsGoal"] = run["rssMiB"] <= goal_rss and run["ratioToFloor"] <= goal_ratio
    if float(base_s) > 0:
        run["baseline"] = {"seconds": float(base_s), "peakRssBytes": int(base_rss) * 1024,
                           "rssMiB": round(int(base_rss) / 1024, 1), "ratioToFloor": round(float(base_s) / floor_s, 2)}
    runs.append(run)
result = {
    "benchmark": f"import a TikTok export (2024 layout, {form})",
    "goal": {"peakRssMiB": goal_rss, "ratioToFloor": goal_ratio},
    "runs": runs, "meetsGoal": all(r["meetsGoal"] for r in runs),
}
json.dump(result, open("bench/work/import-tiktok.json", "w"), indent=2)
print(f"TikTok import ({form}); goal: peak RSS <= {goal_rss:.0f} MiB at every size, time <= {goal_ratio}x the sqlite3 floor")
for r in runs:
    print(f"  {r['watchEntries']:>9,} watches, {r['jsonBytes']/1e6:5.0f} MB JSON: pda {r['pda']['seconds']:6.2f} s"
          f" ({r['pda']['recordsPerSecond']:,} records/s), peak RSS {r['rssMiB']:6.1f} MiB;"
          f" floor {r['sqlite3Floor']['seconds']:6.2f} s; pda/floor {r['ratioToFloor']}x"
          f" {'(goal met)' if r['meetsGoal'] else '(goal NOT met)'}")
    if "baseline" in r:
        b = r["baseline"]
        print(f"  {'':>9}  baseline binary: {b['seconds']:6.2f} s, peak RSS {b['rssMiB']:6.1f} MiB; baseline/floor {b['ratioToFloor']}x")
PY
