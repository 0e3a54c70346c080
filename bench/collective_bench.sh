#!/usr/bin/env bash
# Issue 7's scaling goal: 1,000 generated member exports (mixed platforms, 3 % broken)
# processed with --jobs 1 and --jobs 2 in the same run. Goal: jobs 2 / jobs 1 >= 1.8x.
set -euo pipefail
cd "$(dirname "$0")/.."
PDA_BIN=${PDA_BIN:-.build/release/pda}
MEMBERS=${MEMBERS:-1000}
WORK=bench/work/collective
# The exports are deterministic (seed 7): reuse them when a previous run made the same number.
if [ "$(ls "$WORK/exports" 2>/dev/null | grep -c '\.zip$')" != "$MEMBERS" ]; then
  rm -rf "$WORK"; mkdir -p "$WORK"
  python3 fixtures/generate_members.py --out "$WORK/exports" --members "$MEMBERS" --seed 7
fi
rm -rf "$WORK"/c1 "$WORK"/c2

run() { # run JOBS → seconds, parent peak RSS (KiB), summary JSON
  local jobs=$1
  "$PDA_BIN" collective init "$WORK/c$jobs" --k 5 > /dev/null
  /usr/bin/time -f '%e %M' -o "$WORK/time$jobs.txt" \
    "$PDA_BIN" collective add --collective "$WORK/c$jobs" --manifest "$WORK/exports/members.csv" --jobs "$jobs" --json \
    > "$WORK/summary$jobs.json" 2> "$WORK/progress$jobs.txt"
}
run 1
run 2

python3 - "$WORK" "$MEMBERS" <<'PY'
import json, sys
work, members = sys.argv[1], int(sys.argv[2])
out = {"benchmark": "collective add", "exports": members, "loadAverage": open("/proc/loadavg").read().split()[0]}
for jobs in (1, 2):
    secs, rss = open(f"{work}/time{jobs}.txt").read().split()
    summary = json.load(open(f"{work}/summary{jobs}.json"))
    out[f"jobs{jobs}"] = {"seconds": float(secs), "exportsPerSecond": round(members / float(secs), 1),
                          "processed": summary["processed"], "failed": len(summary["failed"]),
                          "maxJobRssBytes": summary["maxJobRssBytes"], "parentPeakRssBytes": int(rss) * 1024}
out["scaling"] = round(out["jobs1"]["seconds"] / out["jobs2"]["seconds"], 2)
out["goalScaling"] = 1.8
json.dump(out, open("bench/work/collective.json", "w"), indent=2)
for jobs in (1, 2):
    r = out[f"jobs{jobs}"]
    print(f"--jobs {jobs}: {r['seconds']:7.1f} s  {r['exportsPerSecond']:6.1f} exports/s  {r['processed']} processed, {r['failed']} failed, "
          f"peak RSS per job {r['maxJobRssBytes']/2**20:.0f} MiB")
print(f"scaling jobs 2 / jobs 1 = {out['scaling']}x (goal >= 1.8x)")
PY
