#!/usr/bin/env bash
# Checks with tools we did not write: the CLI as a person runs it (pytest), and, when the
# archive commands exist, a real archive against bagit, rocrate-validator and an independent
# eddsa-jcs-2022 verifier.
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=${PDA_VENV:-.venv}
export PDA_BIN=${PDA_BIN:-.build/debug/pda}
export PDA_BIN="$(cd "$(dirname "$PDA_BIN")" && pwd)/$(basename "$PDA_BIN")"
"$VENV/bin/python" -m pytest -q tests/cli tests/interop
