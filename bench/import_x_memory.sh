#!/usr/bin/env bash
# Issue 15's goal for X: an archive of 500,000 tweets and 100,000 likes (zip, ~310 MB of .js)
# imports with a peak RSS of at most 100 MiB: data files are streamed as they inflate.
# BASELINE_BIN=path/to/an/older/pda also measures that binary on the same archive.
# Prints figures and writes bench/work/import-x-memory.json.
set -euo pipefail
cd "$(dirname "$0")/.."
PDA_BIN=${PDA_BIN:-.build/release/pda}
BASELINE_BIN=${BASELINE_BIN:-}
TWEETS=${TWEETS:-500000}
LIKES=${LIKES:-100000}
GOAL_RSS_MIB=100
WORK=bench/work/x-memory
rm -rf "$WORK"; mkdir -p "$WORK"

python3 fixtures/generate_x.py --tweets "$TWEETS" --likes "$LIKES" --seed 1 --out "$WORK/archive"
python3 - "$WORK/archive" "$WORK/archive.zip" <<'PY'
import os, sys, zipfile
root, target = sys.argv[1:]
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
    for folder, _, names in sorted(os.walk(root)):
        for name in sorted(names):
            path = os.path.join(folder, name)
            z.write(path, os.path.relpath(path, root))
PY
js_bytes=$(du -cb "$WORK"/archive/data/*.js | tail -1 | cut -f1)
rm -rf "$WORK/archive"

. bench/lib.sh
import_with() { # import_with NAME BIN → secs, rss (KiB) and the items stored
  measure "$1" env PDA_ACCOUNT="$WORK/$1" "$2" import "$WORK/archive.zip" --json
  items=$(sqlite3 "$WORK/$1/account.sqlite" "SELECT COUNT(*) FROM item")
  rm -rf "${WORK:?}/$1"
}
import_with pda "$PDA_BIN"; pda="$secs $rss $items"
base="0 0 0"
if [ -n "$BASELINE_BIN" ]; then import_with baseline "$BASELINE_BIN"; base="$secs $rss $items"; fi

python3 - "$TWEETS" "$LIKES" "$js_bytes" "$GOAL_RSS_MIB" $pda $base <<'PY'
import json, sys
tweets, likes, js_bytes, goal = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
secs, rss, items, b_secs, b_rss, b_items = sys.argv[5:]
result = {
    "benchmark": "import an X archive (zip) in bounded memory",
    "tweets": tweets, "likes": likes, "jsBytes": js_bytes, "itemsStored": int(items),
    "pda": {"seconds": float(secs), "peakRssBytes": int(rss) * 1024, "rssMiB": round(int(rss) / 1024, 1)},
    "goal": {"peakRssMiB": goal},
}
result["meetsGoal"] = result["pda"]["rssMiB"] <= goal
if float(b_secs) > 0:
    result["baseline"] = {"seconds": float(b_secs), "rssMiB": round(int(b_rss) / 1024, 1), "itemsStored": int(b_items)}
json.dump(result, open("bench/work/import-x-memory.json", "w"), indent=2)
print(f"X import, {tweets:,} tweets + {likes:,} likes ({js_bytes/1e6:.0f} MB of .js, zipped): pda {float(secs):.2f} s,"
      f" peak RSS {result['pda']['rssMiB']} MiB (goal <= {goal:.0f} MiB: {'met' if result['meetsGoal'] else 'NOT met'})")
if "baseline" in result:
    b = result["baseline"]
    print(f"  baseline binary: {b['seconds']:.2f} s, peak RSS {b['rssMiB']} MiB, {b['itemsStored']:,} items (pda: {int(items):,})")
PY
