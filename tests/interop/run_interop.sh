#!/usr/bin/env bash
# Checks a pda archive with tools pda did not write, so a mistake our writer and our verifier
# share cannot hide:
#   1. Python's zipfile unzips it (CRC-32 of every entry) and it holds one top-level folder;
#   2. `python -m bagit --validate` (Library of Congress bagit-python): BagIt 1.0, every checksum;
#   3. `rocrate-validator validate -p ro-crate-1.2` on data/, offline, with the RO-Crate 1.2
#      JSON-LD context served from ../shared/vectors/ro-crate through its HTTP cache;
#   4. verify_archive.py: every claim and the seal, on rfc8785 + cryptography + base58.
# Usage: run_interop.sh ARCHIVE.zip [--owner DID]. Exits non-zero if any check fails.
# The venv is $PDA_VENV (default: .venv at the repository root), made by `make venv`.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
archive=${1:?usage: run_interop.sh ARCHIVE.zip [--owner DID]}
shift
venv=${PDA_VENV:-$root/.venv}
python="$venv/bin/python"
contexts=${PDA_ROCRATE_CONTEXTS:-$root/../shared/vectors/ro-crate}
[ -x "$python" ] || { echo "no Python venv at $venv: run make venv (or set PDA_VENV)"; exit 2; }
[ -f "$archive" ] || { echo "$archive: no such file"; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
step() { printf '%-28s %s\n' "$1" "$2"; }

if "$python" - "$archive" "$work/unzipped" > "$work/unzip.log" 2>&1 <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    bad = z.testzip()
    if bad:
        sys.exit(f"CRC mismatch in {bad}")
    tops = {name.split("/", 1)[0] for name in z.namelist()}
    if len(tops) != 1:
        sys.exit(f"{len(tops)} top-level entries, expected one folder")
    z.extractall(sys.argv[2])
PY
then step "zip (Python zipfile)" OK
else step "zip (Python zipfile)" FAILED; cat "$work/unzip.log"; exit 1
fi
bag=$(find "$work/unzipped" -mindepth 1 -maxdepth 1 -type d | head -n 1)

if "$python" -m bagit --validate "$bag" > "$work/bagit.log" 2>&1
then step "bagit --validate" OK
else step "bagit --validate" FAILED; grep -v " - INFO - " "$work/bagit.log" | tail -n 20; failed=1
fi

if "$python" "$here/seed_rocrate_cache.py" "$work/http-cache" "$contexts" > "$work/seed.log" 2>&1 \
  && "$venv/bin/rocrate-validator" -y --disable-color validate -p ro-crate-1.2 --offline \
       --cache-path "$work/http-cache" --no-paging "$bag/data" > "$work/rocrate.log" 2>&1
then step "rocrate-validator 1.2" OK
else step "rocrate-validator 1.2" FAILED; cat "$work/seed.log"; grep -v '^\s*$' "$work/rocrate.log" | tail -n 40; failed=1
fi

if "$python" "$here/verify_archive.py" "$bag" "$@" > "$work/verify.log" 2>&1
then step "independent VC verifier" OK
else step "independent VC verifier" FAILED; tail -n 40 "$work/verify.log"; failed=1
fi

[ "$failed" = 0 ] && echo "interop: all checks passed" || echo "interop: FAILED"
exit "$failed"
