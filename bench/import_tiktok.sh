#!/usr/bin/env bash
# Issue 2's speed goal: import a 1,000,000-watch TikTok export, beside the floor of sqlite3
# `.import` of the same rows into a table with the same indexes. Prints figures and writes
# bench/work/import-tiktok.json. Goal: pda <= 2x the floor, peak RSS <= 3x the JSON's size.
set -euo pipefail
cd "$(dirname "$0")/.."
PDA_BIN=${PDA_BIN:-.build/release/pda}
WATCH=${WATCH:-1000000}
WORK=bench/work/tiktok
rm -rf "$WORK"; mkdir -p "$WORK"

python3 fixtures/generate_tiktok.py --out "$WORK/export" --watch "$WATCH" --likes 0 --searches 0 --comments 0 \
  --seed 1 --csv "$WORK/watch.csv"
json_bytes=$(stat -c %s "$WORK/export/user_data_tiktok.json")

measure() { # measure NAME CMD... → seconds and peak RSS (KiB) into globals
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" > "$WORK/$name.out" 2>&1 || { cat "$WORK/$name.out"; exit 1; }
  read -r secs rss < "$WORK/time.txt"
}

measure pda env PDA_ACCOUNT="$WORK/account" "$PDA_BIN" import "$WORK/export/user_data_tiktok.json" --json
pda_secs=$secs; pda_rss=$rss
rows=$(sqlite3 "$WORK/account/account.sqlite" "SELECT COUNT(*) FROM activity WHERE kind = 'watch'")

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

python3 - "$pda_secs" "$pda_rss" "$floor_secs" "$floor_rss" "$json_bytes" "$rows" "$WATCH" <<'PY'
import json, sys
pda_s, pda_rss, floor_s, floor_rss, json_bytes, rows, watch = sys.argv[1:]
pda_s, floor_s = float(pda_s), float(floor_s)
result = {
    "benchmark": "import a TikTok export (2024 layout)",
    "watchEntries": int(watch), "rowsStored": int(rows), "jsonBytes": int(json_bytes),
    "pda": {"seconds": pda_s, "recordsPerSecond": round(int(rows) / pda_s), "peakRssBytes": int(pda_rss) * 1024},
    "sqlite3Floor": {"seconds": floor_s, "peakRssBytes": int(floor_rss) * 1024},
    "ratioToFloor": round(pda_s / floor_s, 2), "goalRatio": 2.0,
    "rssToJson": round(int(pda_rss) * 1024 / int(json_bytes), 2), "goalRssToJson": 3.0,
}
json.dump(result, open("bench/work/import-tiktok.json", "w"), indent=2)
print(f"TikTok import: {int(rows):,} watch rows from {int(json_bytes)/1e6:.0f} MB JSON")
print(f"  pda      {pda_s:6.2f} s  {int(rows)/pda_s:10,.0f} records/s  peak RSS {int(pda_rss)/1024:7.0f} MiB ({result['rssToJson']}x JSON; goal <= 3x)")
print(f"  sqlite3  {floor_s:6.2f} s  (floor)                 peak RSS {int(floor_rss)/1024:7.0f} MiB")
print(f"  pda / floor = {result['ratioToFloor']}x (goal <= 2x)")
PY
