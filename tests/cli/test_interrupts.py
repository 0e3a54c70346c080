"""Issue 14 (writer lock, interrupted runs, `--force`) and issue 17 (export work files, signals)."""
import fcntl
import importlib.util
import os
import signal
import sqlite3
from contextlib import closing
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from conftest import PDA, ROOT

spec = importlib.util.spec_from_file_location("kill_trials", ROOT / "bench/kill_trials.py")
kill_trials = importlib.util.module_from_spec(spec)
spec.loader.exec_module(kill_trials)


def start(account, *args):
    env = dict(os.environ, PDA_ACCOUNT=str(account))
    return subprocess.Popen([PDA, *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def wait_for(condition, proc, what, timeout=120):
    deadline = time.monotonic() + timeout
    while not condition():
        assert proc.poll() is None, f"pda finished before {what}: {proc.communicate()}"
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.01)


def handlers_installed(proc):
    """SIGINT and SIGTERM are caught once pda's dispatch sources for them are in place."""
    status = Path(f"/proc/{proc.pid}/status").read_text()
    caught = int(next(line for line in status.splitlines() if line.startswith("SigCgt:")).split()[1], 16)
    return caught & (1 << (signal.SIGINT - 1)) and caught & (1 << (signal.SIGTERM - 1))


def work_folders(folder):
    return sorted(folder.glob(".pda-export-*"))


def rows(account, table):
    with closing(sqlite3.connect(account / "account.sqlite")) as db:
        return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.fixture(scope="module")
def x_export(tmp_path_factory):
    """An X archive with media, large enough that a debug build takes seconds to export it."""
    folder = tmp_path_factory.mktemp("x") / "x-export"
    kill_trials.make_export(folder, tweets=3000, media=120, media_size=64 << 10, seed=3)
    return folder


@pytest.fixture(scope="module")
def big_account(tmp_path_factory, x_export):
    account = tmp_path_factory.mktemp("big") / "account"
    env = dict(os.environ, PDA_ACCOUNT=str(account))
    subprocess.run([PDA, "import", x_export], check=True, capture_output=True, env=env)
    return account


def test_export_refuses_an_existing_file_unless_force(pda, tiktok_zip, tmp_path):
    assert pda("import", tiktok_zip).code == 0
    out = tmp_path / "archive.zip"
    out.write_bytes(b"someone else's file")
    refused = pda("export", "--out", out)
    assert refused.code == 73
    assert "already exists" in refused.err and "--force" in refused.err
    assert out.read_bytes() == b"someone else's file"
    assert work_folders(tmp_path) == []
    replaced = pda("export", "--out", out, "--force")
    assert replaced.code == 0, replaced.err
    assert zipfile.is_zipfile(out)


def test_a_second_writer_waits_then_is_refused_with_exit_75(pda, account, tiktok_zip):
    assert pda("init").code == 0
    fd = os.open(account / "writer.lock", os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.write(fd, b"pid 1 (pda import)\n")
        refused = pda("import", tiktok_zip, "--wait", "0.5")
        assert refused.code == 75
        assert "busy" in refused.err and "--wait" in refused.err and "pda import" in refused.err
        assert rows(account, "source_export") == 0
        # Released while the second writer waits: it goes ahead.
        threading.Timer(1.0, lambda: fcntl.flock(fd, fcntl.LOCK_UN)).start()
        waited = pda("import", tiktok_zip, "--wait", "30")
        assert waited.code == 0, waited.err
        assert rows(account, "source_export") == 1
    finally:
        os.close(fd)


def test_two_imports_at_once_both_complete(account, x_export, tiktok_zip, pda):
    assert pda("init").code == 0
    first = start(account, "import", x_export)
    wait_for(lambda: list((account / "media/staging").glob("import-*")), first, "the first import to start staging")
    second = start(account, "import", tiktok_zip)
    for proc in (first, second):
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    assert rows(account, "source_export") == 2
    with closing(sqlite3.connect(account / "account.sqlite")) as db:
        shas = {r[0] for r in db.execute("SELECT sha256 FROM media")}
    stored = {p.parent.name + p.name for p in (account / "media/sha256").glob("*/*")}
    assert shas == stored and shas
    assert list((account / "media/staging").iterdir()) == []


def test_a_killed_exports_work_files_are_removed_by_the_next_export(big_account, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    proc = start(big_account, "export", "--out", out / "first.zip")
    wait_for(lambda: any(p.stat().st_size > 0 for p in out.glob(".pda-export-*/archive.zip.partial")), proc, "a partial zip")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    left = work_folders(out)
    assert len(left) == 1 and not (out / "first.zip").exists()
    # A work folder whose owner still runs (its lock is held) must stay.
    live = out / ".pda-export-live"
    live.mkdir()
    fd = os.open(live, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        second = subprocess.run([PDA, "export", "--out", out / "second.zip"], capture_output=True, text=True,
                                env=dict(os.environ, PDA_ACCOUNT=str(big_account)))
    finally:
        os.close(fd)
    assert second.returncode == 0, second.stderr
    assert "removed 1 work folder(s) of interrupted exports" in second.stderr and "freeing" in second.stderr
    assert work_folders(out) == [live]
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["second.zip"]


@pytest.mark.parametrize("sig, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_during_export_removes_its_work_files(big_account, tmp_path, sig, code):
    proc = start(big_account, "export", "--out", tmp_path / "archive.zip")
    wait_for(lambda: any(p.stat().st_size > 0 for p in tmp_path.glob(".pda-export-*/archive.zip.partial")), proc, "a partial zip")
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == code
    assert f"stopped by {sig.name}" in err and "no archive was written" in err
    assert list(tmp_path.iterdir()) == []


def test_sigint_during_import_keeps_the_account_as_it_was(account, x_export, pda):
    assert pda("init").code == 0
    proc = start(account, "import", x_export)
    wait_for(lambda: any(p.is_file() for p in (account / "media/staging").glob("import-*/*")), proc, "staged media")
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "stopped by SIGINT" in err and "not saved" in err
    assert list((account / "media/staging").iterdir()) == []
    with closing(sqlite3.connect(account / "account.sqlite")) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert rows(account, "source_export") == 0 and rows(account, "media") == 0
    assert list((account / "media/sha256").iterdir()) == []
    again = pda("import", x_export)
    assert again.code == 0, again.err
    media = rows(account, "media")
    assert media > 0 and media == sum(1 for _ in (account / "media/sha256").glob("*/*"))


def test_sigint_during_verify_exits_130(tmp_path):
    # A FIFO as the archive: verify blocks opening it, after its handlers are in place.
    fifo = tmp_path / "archive.zip"
    os.mkfifo(fifo)
    proc = subprocess.Popen([PDA, "verify", fifo], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for(lambda: handlers_installed(proc), proc, "the signal handlers")
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "stopped by SIGINT" in err and "not fully checked" in err
    assert [p.name for p in tmp_path.iterdir()] == ["archive.zip"]


def test_kill_trials_short_form(tmp_path):
    """The short form of `make bench`'s 50 kill -9 trials per command."""
    proc = subprocess.run([sys.executable, str(ROOT / "bench/kill_trials.py"), "--pda", PDA, "--trials", "5",
                           "--tweets", "800", "--media", "20", "--media-size", "16384", "--work", tmp_path / "work"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
