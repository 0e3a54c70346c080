#!/usr/bin/env bash
# Issue 11's memory goal: a 40 MB Takeout `watch-history.html` (Takeout's default form) imports
# with memory bounded by one record, not by the page: peak RSS no higher than importing the
# same history from its JSON form (which streams), and the same records stored. Prints figures
# and writes bench/work/import-youtube-html.json.
set -euo pipefail
cd "$(dirname "$0")/.."
PDA_BIN=${PDA_BIN:-.build/release/pda}
ENTRIES=${ENTRIES:-41000}
WORK=bench/work/youtube-html
rm -rf "$WORK"; mkdir -p "$WORK"
[ -x "$PDA_BIN" ] || { echo "no pda binary at $PDA_BIN (swift build -c release)"; exit 1; }

python3 fixtures/generate_takeout_html.py --entries "$ENTRIES" --out "$WORK/takeout"
page="$WORK/takeout/html/Takeout/YouTube and YouTube Music/history/watch-history.html"
html_bytes=$(stat -c %s "$page")
json_bytes=$(stat -c %s "$WORK/takeout/json/Takeout/YouTube and YouTube Music/history/watch-history.json")

. bench/lib.sh
measure html env PDA_ACCOUNT="$WORK/html-account" "$PDA_BIN" import "$WORK/takeout/html" --json
html_secs=$secs; html_rss=$rss
measure json env PDA_ACCOUNT="$WORK/json-account" "$PDA_BIN" import "$WORK/takeout/json" --json
json_secs=$secs; json_rss=$rss
# The same history in both forms: the HTML account must hold exactly the JSON account's rows.
query="SELECT kind || '|' || occurred_at || '|' || url || '|' || text || '|' || detail FROM activity ORDER BY 1"
sqlite3 "$WORK/html-account/account.sqlite" "$query" > "$WORK/html.rows"
sqlite3 "$WORK/json-account/account.sqlite" "$query" > "$WORK/json.rows"
rows=$(wc -l < "$WORK/html.rows")
same=false; cmp -s "$WORK/html.rows" "$WORK/json.rows" && same=true

python3 - "$ENTRIES" "$html_bytes" "$json_bytes" "$html_secs" "$html_rss" "$json_secs" "$json_rss" "$rows" "$same" <<'PY'
import json, os, sys
entries, html_bytes, json_bytes, hs, hr, js, jr, rows, same = sys.argv[1:]
hr, jr = int(hr) * 1024, int(jr) * 1024
result = {
    "benchmark": "import a Takeout watch history as HTML (My Activity) and as JSON",
    "entries": int(entries), "htmlBytes": int(html_bytes), "jsonBytes": int(json_bytes),
    "html": {"seconds": float(hs), "peakRssBytes": hr, "entriesPerSecond": round(int(entries) / float(hs))},
    "json": {"seconds": float(js), "peakRssBytes": jr},
    "rowsStored": int(rows), "sameRows": same == "true", "loadAverage": round(os.getloadavg()[0], 2),
    "goal": "HTML peak RSS <= JSON peak RSS of the same history, same rows",
}
json.dump(result, open("bench/work/import-youtube-html.json", "w"), indent=2)
print(f"YouTube history, {int(entries):,} entries: watch-history.html {int(html_bytes)/1e6:.0f} MB, .json {int(json_bytes)/1e6:.0f} MB")
print(f"  HTML  {float(hs):6.2f} s  peak RSS {hr/2**20:5.0f} MiB  ({result['html']['entriesPerSecond']:,} entries/s)")
print(f"  JSON  {float(js):6.2f} s  peak RSS {jr/2**20:5.0f} MiB")
print(f"  rows stored {int(rows):,}; same rows from both forms: {same}; load {result['loadAverage']}")
if same != "true" or int(rows) != int(entries):
    sys.exit("the two forms stored different rows")
if hr > jr * 1.1:
    sys.exit("HTML import used more memory than the JSON import of the same history")
PY
