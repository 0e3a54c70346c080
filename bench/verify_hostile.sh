#!/usr/bin/env bash
# Issue 14: `pda verify` on hostile archives, beside the same archive untouched. Every hostile
# archive must be rejected (exit 1 or 65) in about the time of the normal one: verify's work is
# linear in the archive's size (README "Limits of pda verify"). Before the limits, the 200 KB
# proofValue alone took 14 s. Writes bench/work/verify-hostile.json.
set -euo pipefail
cd "$(dirname "$0")/.."
PDA_BIN=${PDA_BIN:-.build/release/pda}
WORK=bench/work/verify-hostile
command -v /usr/bin/time >/dev/null || { echo "bench needs GNU time (apt-get install time)"; exit 1; }
rm -rf "$WORK"; mkdir -p "$WORK"

export PDA_ACCOUNT="$WORK/account"
"$PDA_BIN" init --name "Bench Owner" > /dev/null
"$PDA_BIN" import fixtures/tiktok/json-2022/user_data.json > /dev/null 2>&1
"$PDA_BIN" export --out "$WORK/normal.zip" --created 2025-05-01T12:00:00Z > /dev/null

python3 - "$WORK" <<'PY'
import struct, sys, zipfile, zlib
work = sys.argv[1]
src = zipfile.ZipFile(f"{work}/normal.zip")
files = {i.filename: src.read(i) for i in src.infolist()}
claim = next(n for n in files if n.endswith("authorship.vc.json"))
manifest = next(n for n in files if n.endswith("/manifest-sha256.txt"))

def write(name, changed):
    with zipfile.ZipFile(f"{work}/{name}.zip", "w", zipfile.ZIP_DEFLATED) as z:
        for path, data in {**files, **changed}.items():
            z.writestr(path, data)

text = files[claim].decode()
at = text.index('"proofValue"')
start = text.index('"z', at) + 1
end = text.index('"', start)
write("proofvalue-200k", {claim: (text[:start] + "z" + "2" * 200_000 + text[end:]).encode()})
write("claim-4mib", {claim: files[claim] + b" " * (4 << 20)})
write("manifest-line-8mib", {manifest: b"ab  data/" + b"x" * (8 << 20) + b"\n" + files[manifest]})

# 20,000 central records naming one 1 MiB stored entry: 20 GiB to hash if followed.
payload = b"A" * (1 << 20)
name = b"bag/bagit.txt"
local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 10, 0, 0, 0, 0, zlib.crc32(payload), len(payload), len(payload), len(name), 0) + name + payload
central = b""
for i in range(20_000):
    entry = f"bag/data/f{i}.bin".encode()
    central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 10, 0, 0, 0, 0, zlib.crc32(payload), len(payload), len(payload), len(entry), 0, 0, 0, 0, 0, 0) + entry
end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 20_000, 20_000, len(central), len(local), 0)
open(f"{work}/overlapping.zip", "wb").write(local + central + end)

# 2 GiB of zeros deflated to about 2 MiB, inside an otherwise normal archive.
bag = claim.split("/")[0]
with zipfile.ZipFile(f"{work}/deflate-bomb.zip", "w", zipfile.ZIP_DEFLATED) as z:
    for path, data in files.items():
        z.writestr(path, data)
    with z.open(f"{bag}/data/zeros.bin", "w", force_zip64=True) as out:
        chunk = b"\0" * (1 << 20)
        for _ in range(2048):
            out.write(chunk)
PY

results=()
printf '%-22s %10s %8s %9s %s\n' archive bytes seconds "RSS MiB" exit
for name in normal proofvalue-200k claim-4mib manifest-line-8mib overlapping deflate-bomb; do
  status=0
  /usr/bin/time -f '%e %M' -o "$WORK/time.txt" "$PDA_BIN" verify "$WORK/$name.zip" > "$WORK/$name.out" 2>&1 || status=$?
  # GNU time writes "Command exited with non-zero status" first when the exit is not 0.
  read -r secs rss < <(tail -n 1 "$WORK/time.txt")
  bytes=$(stat -c %s "$WORK/$name.zip")
  printf '%-22s %10s %8s %9s %s\n' "$name" "$bytes" "$secs" "$((rss / 1024))" "$status"
  results+=("\"$name\": {\"bytes\": $bytes, \"seconds\": $secs, \"rssKiB\": $rss, \"exit\": $status}")
  if [ "$name" = normal ] && [ "$status" -ne 0 ]; then cat "$WORK/$name.out"; exit 1; fi
  if [ "$name" != normal ] && [ "$status" -eq 0 ]; then echo "$name verified, but it is hostile"; exit 1; fi
done
(IFS=,; echo "{${results[*]}}") > bench/work/verify-hostile.json
