#!/usr/bin/env bash
# `make demo`: a throwaway account fed with the bundled fixtures, and a tour of what pda does.
set -euo pipefail
PDA_BIN=${PDA_BIN:-.build/debug/pda}
DEMO=${DEMO:-$PWD/.demo}
pda() { "$PDA_BIN" "$@"; }
step() { printf '\n\033[1m$ pda %s\033[0m\n' "$*"; }
zipdir() { (cd "$(dirname "$1")" && python3 -m zipfile -c "$2" "$(basename "$1")"); }

rm -rf "$DEMO"
mkdir -p "$DEMO"
export PDA_ACCOUNT="$DEMO/account"

# Exports arrive as zips: make some from the readable fixtures.
zipdir fixtures/tiktok/json-2024 "$DEMO/tiktok-2024.zip"
zipdir fixtures/tiktok/json-2022 "$DEMO/tiktok-2022.zip"
zipdir fixtures/instagram/json-2024 "$DEMO/instagram-2024.zip"
zipdir fixtures/x/archive-2022 "$DEMO/x-archive.zip"

step init --name "Demo Person";            pda init --name "Demo Person"
step import tiktok-2024.zip tiktok-2022.zip fixtures/tiktok/txt instagram-2024.zip x-archive.zip fixtures/youtube/takeout-en-2023 … fixtures/alipay/bill-2024
pda import "$DEMO/tiktok-2024.zip" "$DEMO/tiktok-2022.zip" fixtures/tiktok/txt "$DEMO/instagram-2024.zip" "$DEMO/x-archive.zip" \
  fixtures/youtube/takeout-en-2023 fixtures/reddit/gdpr-2024 fixtures/amazon/request-your-data-2024 fixtures/taobao/orders-userscript fixtures/alipay/bill-2024
step import tiktok-2024.zip "   (the same file again)"
pda import "$DEMO/tiktok-2024.zip"
step status;                               pda status
step search 直播;                           pda search 直播
step items --limit 8;                      pda items --limit 8
step activity --kind live_watch --kind purchase --limit 8
pda activity --kind live_watch --kind purchase --limit 8
step inferences --limit 10;                pda inferences --limit 10
step inspect fixtures/douyin/pipl-copy-example "   (structure only, never a value)"
pda inspect fixtures/douyin/pipl-copy-example | head -25
step ledger --value;                       pda ledger --value
step report --out "$DEMO/report.html";     pda report --out "$DEMO/report.html"
step browse --write-metadata "$DEMO/datasette.json" "   (pda browse starts Datasette on it when installed)"
pda browse --write-metadata "$DEMO/datasette.json"
step export --out "$DEMO/archive.zip" --created 2026-01-01T00:00:00Z
pda export --out "$DEMO/archive.zip" --created 2026-01-01T00:00:00Z
step verify "$DEMO/archive.zip";           pda verify "$DEMO/archive.zip"

# Collective mode: seven members' exports (one broken), k = 5.
mkdir -p "$DEMO/members"
for m in ana ben chen dara eli fay; do
  cp -r fixtures/tiktok/json-2024 "$DEMO/members/TikTok_$m"
  zipdir "$DEMO/members/TikTok_$m" "$DEMO/members/$m.zip"
  rm -rf "$DEMO/members/TikTok_$m"
done
zipdir fixtures/instagram/json-2024 "$DEMO/members/gil.zip"   # the only Instagram member: suppressed
cp fixtures/bad/truncated.zip "$DEMO/members/gus.zip"
step collective init "$DEMO/union" --name "Demo Union" --k 5
pda collective init "$DEMO/union" --name "Demo Union" --k 5
step collective add --collective "$DEMO/union" "$DEMO/members" --jobs 2
pda collective add --collective "$DEMO/union" "$DEMO/members" --jobs 2
step collective report --collective "$DEMO/union"
pda collective report --collective "$DEMO/union"
step collective report --collective "$DEMO/union" --epsilon 0.5 --months 2023-01..2025-12
pda collective report --collective "$DEMO/union" --epsilon 0.5 --months 2023-01..2025-12
step collective budget --collective "$DEMO/union"
pda collective budget --collective "$DEMO/union"
printf '\nThe demo account is in %s (delete it when done).\n' "$DEMO"
