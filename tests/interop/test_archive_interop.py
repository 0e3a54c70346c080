"""`pda export` and `pda verify` as a person runs them, checked by tools pda did not write
(run_interop.sh: Python's zipfile, bagit-python, rocrate-validator, an independent verifier)."""
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PDA = os.environ.get("PDA_BIN", str(ROOT / ".build/debug/pda"))
VENV = str(Path(sys.executable).resolve().parent.parent) if "PDA_VENV" not in os.environ else os.environ["PDA_VENV"]
CREATED = "2025-05-01T12:00:00Z"


def run(*args, account=None):
    env = dict(os.environ, PDA_VENV=VENV)
    if account:
        env["PDA_ACCOUNT"] = str(account)
    return subprocess.run([*map(str, args)], capture_output=True, text=True, env=env, cwd=ROOT)


@pytest.fixture(scope="module")
def account(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive") / "account"
    assert run(PDA, "init", "--name", "Ada", account=folder).returncode == 0
    made = run(sys.executable, HERE / "make_account.py", folder, "--items", "40", "--media-bytes", "400000", "--activity", "6")
    assert made.returncode == 0, made.stderr
    return folder


@pytest.fixture(scope="module")
def did(account):
    shown = run(PDA, "key", "show", "--json", account=account)
    assert shown.returncode == 0, shown.stderr
    return json.loads(shown.stdout)["did"]


def export(account, out, *extra):
    result = run(PDA, "export", "--out", out, "--created", CREATED, "--json", *extra, account=account)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_archive_passes_independent_tools(account, did, tmp_path):
    out = tmp_path / "archive.zip"
    summary = export(account, out, "--with-activity", "--with-messages")
    assert summary["items"] == 40 and summary["activityRecords"] == 6 and summary["mediaFiles"] > 0
    interop = run("bash", HERE / "run_interop.sh", out, "--owner", did)
    assert interop.returncode == 0, interop.stdout + interop.stderr
    verified = run(PDA, "verify", out, "--json")
    assert verified.returncode == 0, verified.stdout
    report = json.loads(verified.stdout)
    assert report["valid"] and report["bag"] and report["seal"] and report["owner"] == did
    assert len(report["items"]) == 40 and all(i["valid"] and i["problems"] == [] for i in report["items"])
    assert {"id", "valid", "problems"} <= set(report["items"][0])


def test_messages_are_left_out_by_default(account, tmp_path):
    out = tmp_path / "archive.zip"
    assert export(account, out)["items"] == 36
    names = zipfile.ZipFile(out).namelist()
    assert not any("/items/tiktok/message-" in n for n in names)
    assert not any("/data/activity/" in n for n in names)
    refused = run(PDA, "export", "--out", tmp_path / "m.zip", "--kind", "message", account=account)
    assert refused.returncode == 64 and "--with-messages" in refused.stderr
    assert not (tmp_path / "m.zip").exists()


def test_same_options_and_time_give_identical_bytes(account, tmp_path):
    a, b = tmp_path / "a.zip", tmp_path / "b.zip"
    export(account, a, "--with-activity")
    export(account, b, "--with-activity")
    assert a.read_bytes() == b.read_bytes()


def test_tampered_archive_fails_ours_and_theirs(account, did, tmp_path):
    out = tmp_path / "archive.zip"
    export(account, out)
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(tampered, "w", zipfile.ZIP_DEFLATED) as target:
        changed = None
        for info in source.infolist():
            data = source.read(info)
            if changed is None and re.search(r"/media-1-.*\.(mp4|jpg)$", info.filename):
                data, changed = bytes([data[0] ^ 1]) + data[1:], info.filename
            target.writestr(info.filename, data)
    assert changed
    verified = run(PDA, "verify", tampered)
    assert verified.returncode == 1
    assert "INVALID" in verified.stdout and changed.split("/", 1)[1] in verified.stdout
    interop = run("bash", HERE / "run_interop.sh", tampered, "--owner", did)
    assert interop.returncode != 0
    assert "bagit --validate             FAILED" in interop.stdout
    assert "independent VC verifier      FAILED" in interop.stdout


def test_not_an_archive(tmp_path):
    text = tmp_path / "notes.zip"
    text.write_text("hello")
    assert run(PDA, "verify", text).returncode == 65
    assert run(PDA, "verify", tmp_path / "absent.zip").returncode == 66


def test_key_commands(account, did, tmp_path):
    assert did.startswith("did:key:z6Mk")
    out = tmp_path / "did.json"
    assert run(PDA, "key", "export-public", out, account=account).returncode == 0
    document = json.loads(out.read_text())
    assert document["id"] == did
    assert "secret" not in out.read_text().lower() and "private" not in out.read_text().lower()
