#!/usr/bin/env bash
# Issue 15's goal for Google Takeout: a 1 GB Takeout (two 500 MiB videos, stored as Takeout
# stores them, and 500,000 YouTube watch-history entries) imports with a peak RSS of at most
# 100 MiB. Built from fixtures/youtube/takeout-en-2023 with synthetic, seeded content.
# BASELINE_BIN=path/to/an/older/pda also measures that binary on the same Takeout.
# Prints figures and writes bench/work/import-takeout-memory.json.
set -euo pipefail
cd "$(dirname "$0")/.."
PDA_BIN=${PDA_BIN:-.build/release/pda}
BASELINE_BIN=${BASELINE_BIN:-}
WATCH=${WATCH:-500000}
VIDEO_MIB=${VIDEO_MIB:-500}
GOAL_RSS_MIB=100
WORK=bench/work/takeout-memory
rm -rf "$WORK"; mkdir -p "$WORK"
cp -r fixtures/youtube/takeout-en-2023 "$WORK/source"

python3 - "$WORK/source" "$WORK/takeout.zip" "$WATCH" "$VIDEO_MIB" <<'PY'
import json, os, random, sys, zipfile
source, target, watch, video_mib = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
root = os.path.join(source, "Takeout", "YouTube and YouTube Music")
with open(os.path.join(root, "history", "watch-history.json"), "w") as f:
    f.write("[\n")
    for i in range(watch):
        entry = {"header": "YouTube", "title": f"Watched synthetic video {i}",
                 "titleUrl": f"https://www.youtube.com/watch?v=v{i:010d}",
                 "subtitles": [{"name": f"gen channel {i % 997}", "url": f"https://www.youtube.com/channel/UCgen{i % 997:019d}"}],
                 "time": f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:{(i // 60) % 60:02d}.000Z",
                 "products": ["YouTube"], "activityControls": ["YouTube watch history"]}
        f.write(("," if i else "") + json.dumps(entry, indent=2) + "\n")
    f.write("]\n")
rnd = random.Random(1)
for name in sorted(os.listdir(os.path.join(root, "videos"))):
    with open(os.path.join(root, "videos", name), "wb") as f:
        for _ in range(video_mib):
            f.write(rnd.randbytes(1 << 20))
with zipfile.ZipFile(target, "w") as z:
    for folder, _, names in sorted(os.walk(source)):
        for name in sorted(names):
            path = os.path.join(folder, name)
            method = zipfile.ZIP_STORED if name.endswith(".mp4") else zipfile.ZIP_DEFLATED
            z.write(path, os.path.relpath(path, source), compress_type=method)
PY
rm -rf "$WORK/source"
zip_bytes=$(stat -c %s "$WORK/takeout.zip")

. bench/lib.sh
import_with() { # import_with NAME BIN → secs, rss (KiB) and the watch rows stored
  measure "$1" env PDA_ACCOUNT="$WORK/$1" "$2" import "$WORK/takeout.zip" --json
  rows=$(sqlite3 "$WORK/$1/account.sqlite" "SELECT COUNT(*) FROM activity WHERE kind = 'watch'")
  rm -rf "${WORK:?}/$1"
}
import_with pda "$PDA_BIN"; pda="$secs $rss $rows"
base="0 0 0"
if [ -n "$BASELINE_BIN" ]; then import_with baseline "$BASELINE_BIN"; base="$secs $rss $rows"; fi
rm -f "$WORK/takeout.zip"

python3 - "$zip_bytes" "$GOAL_RSS_MIB" $pda $base <<'PY'
import json, sys
zip_bytes, goal = int(sys.argv[1]), float(sys.argv[2])
secs, rss, rows, b_secs, b_rss, b_rows = sys.argv[3:]
result = {
    "benchmark": "import a 1 GB Google Takeout with videos in bounded memory",
    "zipBytes": zip_bytes, "watchRowsStored": int(rows),
    "pda": {"seconds": float(secs), "peakRssBytes": int(rss) * 1024, "rssMiB": round(int(rss) / 1024, 1)},
    "goal": {"peakRssMiB": goal},
}
result["meetsGoal"] = result["pda"]["rssMiB"] <= goal
if float(b_secs) > 0:
    result["baseline"] = {"seconds": float(b_secs), "rssMiB": round(int(b_rss) / 1024, 1), "watchRowsStored": int(b_rows)}
json.dump(result, open("bench/work/import-takeout-memory.json", "w"), indent=2)
print(f"Takeout import, {zip_bytes/2**30:.2f} GiB zip, {int(rows):,} watch entries: pda {float(secs):.2f} s,"
      f" peak RSS {result['pda']['rssMiB']} MiB (goal <= {goal:.0f} MiB: {'met' if result['meetsGoal'] else 'NOT met'})")
if "baseline" in result:
    b = result["baseline"]
    print(f"  baseline binary: {b['seconds']:.2f} s, peak RSS {b['rssMiB']} MiB, {b['watchRowsStored']:,} watch entries")
PY
