#!/usr/bin/env bash
# Issue 4's speed goal: an X archive of 100,000 tweets and 100,000 likes in the 2019–22 layout
# (`data/tweet.js`), imported by pda and, in the same run, by `twitter-to-sqlite import`
# (PyPI twitter-to-sqlite 0.22, the tool whose file-to-table design pda's importer follows).
# Goal: pda >= 5x faster, with the same numbers of tweets and likes stored. Prints figures and
# writes bench/work/import-x.json.
set -euo pipefail
cd "$(dirname "$0")/.."
PDA_BIN=${PDA_BIN:-.build/release/pda}
PDA_VENV=${PDA_VENV:-.venv}
TWEETS=${TWEETS:-100000}
LIKES=${LIKES:-100000}
WORK=bench/work/x
rm -rf "$WORK"; mkdir -p "$WORK"

[ -x "$PDA_BIN" ] || { echo "no pda binary at $PDA_BIN (swift build -c release)"; exit 1; }
[ -x "$PDA_VENV/bin/python" ] || python3 -m venv "$PDA_VENV"
if [ ! -x "$PDA_VENV/bin/twitter-to-sqlite" ] || ! "$PDA_VENV/bin/pip" show twitter-to-sqlite 2>/dev/null | grep -q '^Version: 0.22$'; then
  "$PDA_VENV/bin/pip" install -q twitter-to-sqlite==0.22
fi

python3 fixtures/generate_x.py --tweets "$TWEETS" --likes "$LIKES" --seed 1 --out "$WORK/archive"
# twitter-to-sqlite reads `.js` entries of a zip by file name (`data/` is allowed, `assets/`
# is ignored): the same zip serves both tools.
python3 - "$WORK/archive" "$WORK/archive.zip" <<'PY'
import os, sys, zipfile
root, target = sys.argv[1:]
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
    for folder, _, names in sorted(os.walk(root)):
        for name in sorted(names):
            path = os.path.join(folder, name)
            z.write(path, os.path.relpath(path, root))
PY
zip_bytes=$(stat -c %s "$WORK/archive.zip")
js_bytes=$(stat -c %s "$WORK/archive/data/tweet.js")

measure() { # measure NAME CMD... → wall seconds, peak RSS (KiB) and CPU seconds into globals
  local name=$1; shift
  /usr/bin/time -f '%e %M %U %S' -o "$WORK/time.txt" "$@" > "$WORK/$name.out" 2>&1 || { cat "$WORK/$name.out"; exit 1; }
  read -r secs rss user sys < "$WORK/time.txt"
  cpu=$(python3 -c "print(round($user + $sys, 2))")
}

measure pda env PDA_ACCOUNT="$WORK/account" "$PDA_BIN" import "$WORK/archive.zip" --json
pda_secs=$secs; pda_rss=$rss; pda_cpu=$cpu
db="$WORK/account/account.sqlite"
pda_tweets=$(sqlite3 "$db" "SELECT (SELECT COUNT(*) FROM item WHERE platform = 'x' AND kind IN ('post', 'comment'))
                             + (SELECT COUNT(*) FROM activity WHERE platform = 'x' AND kind = 'share')")
pda_likes=$(sqlite3 "$db" "SELECT COUNT(*) FROM activity WHERE platform = 'x' AND kind = 'like'")
pda_split=$(sqlite3 "$db" "SELECT group_concat(kind || '=' || n, ' ') FROM (
  SELECT kind, COUNT(*) AS n FROM item WHERE platform = 'x' GROUP BY kind
  UNION ALL SELECT kind, COUNT(*) FROM activity WHERE platform = 'x' AND kind = 'share' GROUP BY kind)")

measure t2s "$PDA_VENV/bin/twitter-to-sqlite" import "$WORK/t2s.sqlite" "$WORK/archive.zip"
t2s_secs=$secs; t2s_rss=$rss; t2s_cpu=$cpu
t2s_tweets=$(sqlite3 "$WORK/t2s.sqlite" "SELECT COUNT(*) FROM archive_tweet")
t2s_likes=$(sqlite3 "$WORK/t2s.sqlite" "SELECT COUNT(*) FROM archive_like")

python3 - "$pda_secs" "$pda_rss" "$pda_tweets" "$pda_likes" "$t2s_secs" "$t2s_rss" "$t2s_tweets" "$t2s_likes" \
  "$TWEETS" "$LIKES" "$zip_bytes" "$js_bytes" "$pda_split" "$pda_cpu" "$t2s_cpu" <<'PY'
import json, os, sys
(pda_s, pda_rss, pda_tweets, pda_likes, t2s_s, t2s_rss, t2s_tweets, t2s_likes,
 tweets, likes, zip_bytes, js_bytes, split, pda_cpu, t2s_cpu) = sys.argv[1:]
pda_cpu, t2s_cpu = float(pda_cpu), float(t2s_cpu)
pda_s, t2s_s = float(pda_s), float(t2s_s)
ratio = round(t2s_s / pda_s, 2) if pda_s > 0 else None
cpu_ratio = round(t2s_cpu / pda_cpu, 2) if pda_cpu > 0 else None
same = int(pda_tweets) == int(t2s_tweets) == int(tweets) and int(pda_likes) == int(t2s_likes) == int(likes)
result = {
    "benchmark": "import an X archive (2019-22 layout, data/tweet.js)",
    "tweets": int(tweets), "likes": int(likes), "zipBytes": int(zip_bytes), "tweetJsBytes": int(js_bytes),
    "loadAverage": round(os.getloadavg()[0], 2),
    "pda": {"seconds": pda_s, "cpuSeconds": pda_cpu, "peakRssBytes": int(pda_rss) * 1024, "tweetsStored": int(pda_tweets),
            "likesStored": int(pda_likes), "tweetsByKind": split},
    "twitterToSqlite": {"version": "0.22", "seconds": t2s_s, "cpuSeconds": t2s_cpu, "peakRssBytes": int(t2s_rss) * 1024,
                        "tweetsStored": int(t2s_tweets), "likesStored": int(t2s_likes)},
    "speedRatio": ratio, "cpuRatio": cpu_ratio, "goalRatio": 5.0, "sameCounts": same,
}
json.dump(result, open("bench/work/import-x.json", "w"), indent=2)
print(f"X import: {int(tweets):,} tweets + {int(likes):,} likes, zip {int(zip_bytes)/1e6:.0f} MB (tweet.js {int(js_bytes)/1e6:.0f} MB)")
print(f"  pda               {pda_s:6.2f} s  (CPU {pda_cpu:6.2f} s)  peak RSS {int(pda_rss)/1024:6.0f} MiB  tweets {int(pda_tweets):,} ({split})  likes {int(pda_likes):,}")
print(f"  twitter-to-sqlite {t2s_s:6.2f} s  (CPU {t2s_cpu:6.2f} s)  peak RSS {int(t2s_rss)/1024:6.0f} MiB  tweets {int(t2s_tweets):,}  likes {int(t2s_likes):,}")
print(f"  twitter-to-sqlite / pda = {ratio}x wall, {cpu_ratio}x CPU (goal >= 5x); same counts: {same}; load {result['loadAverage']}")
if not same:
    sys.exit("counts differ")
PY
