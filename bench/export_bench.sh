#!/usr/bin/env bash
# Issue 3's speed goals, measured in one run on the same data:
#   - `pda export` of an account with 10,000 items and 1 GiB of media, beside `zip -r -6` of the
#     same payload (the unzipped archive): goal pda <= 1.5x zip, with peak RSS reported;
#   - `pda verify` of that archive, beside `python -m bagit --validate` of the unzipped bag:
#     goal pda faster.
# Prints the figures and writes bench/export-results.json (and bench/work/export-archive.json,
# which bench/run.sh collects). ITEMS and MEDIA_BYTES override the sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
PDA_BIN=${PDA_BIN:-.build/release/pda}
VENV=${PDA_VENV:-.venv}
ITEMS=${ITEMS:-10000}
MEDIA_BYTES=${MEDIA_BYTES:-1073741824}
WORK=bench/work/export
command -v /usr/bin/time >/dev/null || { echo "bench needs GNU time (apt-get install time)"; exit 1; }
command -v zip >/dev/null && command -v unzip >/dev/null || { echo "bench needs zip and unzip (apt-get install zip unzip)"; exit 1; }
rm -rf "$WORK"; mkdir -p "$WORK"

measure() { # measure NAME CMD... → globals secs, rss (KiB); output in $WORK/NAME.out
  local name=$1; shift
  /usr/bin/time -f '%e %M' -o "$WORK/time.txt" "$@" > "$WORK/$name.out" 2>&1 || { cat "$WORK/$name.out"; exit 1; }
  read -r secs rss < "$WORK/time.txt"
}

export PDA_ACCOUNT="$WORK/account"
"$PDA_BIN" init --name "Bench Owner" > /dev/null
"$VENV/bin/python" tests/interop/make_account.py "$PDA_ACCOUNT" --items "$ITEMS" --media-bytes "$MEDIA_BYTES" --activity 0
media_files=$(find "$PDA_ACCOUNT/media/sha256" -type f | wc -l)
media_bytes=$(du -sb "$PDA_ACCOUNT/media/sha256" | cut -f1)
sync

measure export "$PDA_BIN" export --out "$WORK/archive.zip" --created 2025-05-01T12:00:00Z --json
export_secs=$secs; export_rss=$rss
archive_bytes=$(stat -c %s "$WORK/archive.zip")

# The same payload for zip: the archive's own files, unzipped (not timed).
mkdir -p "$WORK/unzipped"
(cd "$WORK/unzipped" && unzip -q ../archive.zip)
bag_name=$(ls "$WORK/unzipped")
measure zip sh -c "cd '$WORK/unzipped' && zip -r -6 -q ../zip-r-6.zip '$bag_name'"
zip_secs=$secs; zip_rss=$rss
zip_bytes=$(stat -c %s "$WORK/zip-r-6.zip")

measure verify "$PDA_BIN" verify "$WORK/archive.zip" --json
verify_secs=$secs; verify_rss=$rss
measure bagit "$VENV/bin/python" -m bagit --validate "$WORK/unzipped/$bag_name"
bagit_secs=$secs; bagit_rss=$rss

"$VENV/bin/python" - "$ITEMS" "$media_files" "$media_bytes" "$archive_bytes" "$zip_bytes" \
  "$export_secs" "$export_rss" "$zip_secs" "$zip_rss" "$verify_secs" "$verify_rss" "$bagit_secs" "$bagit_rss" <<'PY'
import json, shutil, sys
(items, media_files, media_bytes, archive_bytes, zip_bytes,
 export_s, export_rss, zip_s, zip_rss, verify_s, verify_rss, bagit_s, bagit_rss) = sys.argv[1:]
f, i = float, int
result = {
    "benchmark": "pda export / pda verify of an archive with media",
    "items": i(items), "mediaFiles": i(media_files), "mediaBytes": i(media_bytes),
    "export": {"pda": {"seconds": f(export_s), "peakRssBytes": i(export_rss) * 1024, "archiveBytes": i(archive_bytes)},
               "zipR6": {"seconds": f(zip_s), "peakRssBytes": i(zip_rss) * 1024, "archiveBytes": i(zip_bytes)},
               "ratio": round(f(export_s) / f(zip_s), 2), "goalRatio": 1.5},
    "verify": {"pda": {"seconds": f(verify_s), "peakRssBytes": i(verify_rss) * 1024},
               "bagitValidate": {"seconds": f(bagit_s), "peakRssBytes": i(bagit_rss) * 1024},
               "ratio": round(f(verify_s) / f(bagit_s), 2), "goal": "pda faster (ratio < 1)"},
}
json.dump(result, open("bench/work/export-archive.json", "w"), indent=2)
shutil.copy("bench/work/export-archive.json", "bench/export-results.json")
mib = lambda kib: i(kib) / 1024
print(f"Archive of {i(items):,} items, {i(media_files):,} media files, {i(media_bytes) / 2**30:.2f} GiB of media")
print(f"  pda export      {f(export_s):7.2f} s  peak RSS {mib(export_rss):6.0f} MiB  -> {i(archive_bytes) / 2**30:.2f} GiB")
print(f"  zip -r -6       {f(zip_s):7.2f} s  peak RSS {mib(zip_rss):6.0f} MiB  -> {i(zip_bytes) / 2**30:.2f} GiB")
print(f"  export / zip = {result['export']['ratio']}x (goal <= 1.5x)")
print(f"  pda verify      {f(verify_s):7.2f} s  peak RSS {mib(verify_rss):6.0f} MiB")
print(f"  bagit --validate{f(bagit_s):7.2f} s  peak RSS {mib(bagit_rss):6.0f} MiB")
print(f"  verify / bagit = {result['verify']['ratio']}x (goal < 1)")
print("wrote bench/export-results.json")
PY
