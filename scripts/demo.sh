#!/usr/bin/env bash
# `make demo`: a throwaway account fed with the bundled fixtures, and a tour of what pda does.
set -euo pipefail
PDA_BIN=${PDA_BIN:-.build/debug/pda}
DEMO=${DEMO:-$PWD/.demo}
pda() { "$PDA_BIN" "$@"; }
step() { printf '\n\033[1m$ pda %s\033[0m\n' "$*"; }

rm -rf "$DEMO"
mkdir -p "$DEMO"
export PDA_ACCOUNT="$DEMO/account"

# Exports arrive as zips: make some from the readable fixtures.
(cd fixtures/tiktok && python3 -m zipfile -c "$DEMO/tiktok-2024.zip" json-2024)
(cd fixtures/tiktok && python3 -m zipfile -c "$DEMO/tiktok-2022.zip" json-2022)

step init --name "Demo Person";            pda init --name "Demo Person"
step import tiktok-2024.zip tiktok-2022.zip fixtures/tiktok/txt
pda import "$DEMO/tiktok-2024.zip" "$DEMO/tiktok-2022.zip" fixtures/tiktok/txt
step import tiktok-2024.zip "   (the same file again)"
pda import "$DEMO/tiktok-2024.zip"
step status;                               pda status
step search 直播;                           pda search 直播
step items --limit 8;                      pda items --limit 8
step activity --kind live_watch --kind gift --limit 8
pda activity --kind live_watch --kind gift --limit 8
step inferences --limit 10;                pda inferences --limit 10
step ledger --value;                       pda ledger --value
step report --out "$DEMO/report.html";     pda report --out "$DEMO/report.html"
if "$PDA_BIN" --help | grep -q " export "; then
  step export --out "$DEMO/archive.zip" --created 2026-01-01T00:00:00Z
  pda export --out "$DEMO/archive.zip" --created 2026-01-01T00:00:00Z
  step verify "$DEMO/archive.zip";         pda verify "$DEMO/archive.zip"
fi
printf '\nThe demo account is in %s (delete it when done).\n' "$DEMO"
