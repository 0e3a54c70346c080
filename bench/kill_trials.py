#!/usr/bin/env python3
"""kill -9 at random moments during `pda import` and `pda export`, then check what is left.

    python3 bench/kill_trials.py --pda .build/release/pda --trials 50 [--json OUT]

Issue 14 (interrupted runs) and issue 17 (export work files). For each trial a run is started,
killed with SIGKILL after a random delay within the length of an uninterrupted run, and then:

- `PRAGMA integrity_check` of the account is `ok`;
- every media row has its file in the store, and (after the re-run) every stored file has its row;
- no file exists under the archive's final name unless it is the complete archive (the same
  bytes as the uninterrupted run: `--created` is fixed, so exports are reproducible);
- a re-run completes, and the account's counts (or the archive's bytes) equal the uninterrupted
  run's; the re-run leaves no work folder (`.pda-export-*`, `media/staging/*`).

The input is a synthetic X archive (fixtures/generate_x.py) with media files added, so imports
stage media. `make bench` runs 50 trials of each; `make test` runs a short form (tests/cli).
Prints a summary and exits 1 if any check failed.
"""
import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
from contextlib import closing
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TABLES = ["source_export", "item", "activity", "inference", "identity", "media", "item_media"]
CREATED = "2025-05-01T12:00:00Z"


def make_export(folder, tweets, media, media_size, seed):
    subprocess.run([sys.executable, str(ROOT / "fixtures/generate_x.py"), "--tweets", str(tweets), "--likes", str(tweets),
                    "--layout", "2022", "--seed", str(seed), "--out", str(folder)], check=True, capture_output=True)
    rng = random.Random(seed)
    media_dir = folder / "data/tweets_media"
    media_dir.mkdir(parents=True, exist_ok=True)
    for i in range(media):  # the generator's tweet ids start at 1190000000000000000
        (media_dir / f"{1190000000000000000 + i}-m{i}.jpg").write_bytes(rng.randbytes(media_size))


def run(pda, account, *args, check=True):
    env = dict(os.environ, PDA_ACCOUNT=str(account))
    proc = subprocess.run([pda, *map(str, args)], capture_output=True, text=True, env=env)
    if check and proc.returncode != 0:
        raise RuntimeError(f"pda {' '.join(map(str, args))} exited {proc.returncode}: {proc.stderr.strip()}")
    return proc


def timed(pda, account, *args):
    started = time.monotonic()
    run(pda, account, *args)
    return time.monotonic() - started


def killed(pda, account, delay, *args):
    """Starts pda, kills it after `delay` seconds; True when it was still running (killed mid-run)."""
    env = dict(os.environ, PDA_ACCOUNT=str(account))
    proc = subprocess.Popen([pda, *map(str, args)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True


def integrity(account):
    with closing(sqlite3.connect(account / "account.sqlite")) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


def counts(account):
    with closing(sqlite3.connect(account / "account.sqlite")) as db:
        result = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        shas = {row[0] for row in db.execute("SELECT sha256 FROM media")}
    stored = {p.parent.name + p.name for p in (account / "media/sha256").glob("*/*") if p.is_file()}
    result["media_files_stored"] = len(stored)
    return result, shas, stored


def work_bytes(folders):
    total = 0
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file() and path.stat().st_nlink == 1:
                total += path.stat().st_size
    return total


def staging(account):
    base = account / "media/staging"
    return [p for p in base.iterdir()] if base.exists() else []


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def import_trials(pda, work, export, trials, rng, template):
    reference = work / "import-reference"
    shutil.copytree(template, reference)
    seconds = timed(pda, reference, "import", export)
    expected, _, _ = counts(reference)
    result = {"trials": trials, "uninterruptedSeconds": round(seconds, 3), "killedMidRun": 0, "finishedBeforeKill": 0,
              "rowsWithoutFile": 0, "leftoverBytesAfterKill": 0, "leftoverBytesAfterRerun": 0, "failures": []}
    for trial in range(trials):
        account = work / f"import-{trial}"
        shutil.copytree(template, account)
        if killed(pda, account, rng.uniform(0, seconds), "import", export):
            result["killedMidRun"] += 1
        else:
            result["finishedBeforeKill"] += 1
        problems = []
        if (check := integrity(account)) != "ok":
            problems.append(f"integrity_check: {check}")
        _, shas, stored = counts(account)
        result["rowsWithoutFile"] += len(shas - stored)
        if shas - stored:
            problems.append(f"{len(shas - stored)} media rows without their file after the kill")
        result["leftoverBytesAfterKill"] += work_bytes(staging(account))
        rerun = run(pda, account, "import", export, check=False)
        if rerun.returncode != 0:
            problems.append(f"re-run exited {rerun.returncode}: {rerun.stderr.strip()}")
        got, shas, stored = counts(account)
        if got != expected:
            problems.append(f"counts {got} differ from the uninterrupted run's {expected}")
        if shas != stored:
            problems.append(f"media rows and stored files differ: {len(shas - stored)} rows without file, {len(stored - shas)} files without row")
        left = staging(account)
        result["leftoverBytesAfterRerun"] += work_bytes(left)
        if left:
            problems.append(f"{len(left)} staging folders left after the re-run")
        if problems:
            result["failures"].append({"trial": trial, "problems": problems})
        shutil.rmtree(account)
    return result


def export_trials(pda, work, source, trials, rng):
    out = work / "exports"
    out.mkdir()
    archive = out / "archive.zip"
    seconds = timed(pda, source, "export", "--out", archive, "--created", CREATED)
    expected = sha256(archive)
    archive.unlink()
    result = {"trials": trials, "uninterruptedSeconds": round(seconds, 3), "archiveBytes": 0, "killedMidRun": 0,
              "finishedBeforeKill": 0, "partialArchives": 0, "leftoverBytesAfterKill": 0, "leftoverBytesAfterRerun": 0,
              "failures": []}
    for trial in range(trials):
        if killed(pda, source, rng.uniform(0, seconds), "export", "--out", archive, "--created", CREATED):
            result["killedMidRun"] += 1
        else:
            result["finishedBeforeKill"] += 1
        problems = []
        if archive.exists() and sha256(archive) != expected:
            result["partialArchives"] += 1
            problems.append("a file that is not the complete archive exists under the archive's name")
        result["leftoverBytesAfterKill"] += work_bytes(out.glob(".pda-export-*"))
        rerun = run(pda, source, "export", "--out", archive, "--created", CREATED, "--force", check=False)
        if rerun.returncode != 0:
            problems.append(f"re-run exited {rerun.returncode}: {rerun.stderr.strip()}")
        elif sha256(archive) != expected:
            problems.append("the re-run's archive differs from the uninterrupted run's")
        left = list(out.glob(".pda-export-*"))
        result["leftoverBytesAfterRerun"] += work_bytes(left)
        if left:
            problems.append(f"{len(left)} work folders left after the re-run")
        if (check := integrity(source)) != "ok":
            problems.append(f"integrity_check: {check}")
        if problems:
            result["failures"].append({"trial": trial, "problems": problems})
        result["archiveBytes"] = archive.stat().st_size if archive.exists() else 0
        archive.unlink(missing_ok=True)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pda", default=str(ROOT / ".build/release/pda"))
    parser.add_argument("--trials", type=int, default=50)
    parser.add_argument("--tweets", type=int, default=20000)
    parser.add_argument("--media", type=int, default=200, help="media files in the export")
    parser.add_argument("--media-size", type=int, default=64 << 10)
    parser.add_argument("--work", type=Path, default=ROOT / "bench/work/kill-trials")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    pda = str(Path(args.pda).resolve())
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    rng = random.Random(args.seed)
    export = args.work / "x-export"
    make_export(export, args.tweets, args.media, args.media_size, args.seed)
    template = args.work / "template"
    run(pda, template, "init", "--name", "Trial Owner")
    results = {"import": import_trials(pda, args.work, export, args.trials, rng, template)}
    results["export"] = export_trials(pda, args.work, args.work / "import-reference", args.trials, rng)
    for name, r in results.items():
        extra = f", {r['partialArchives']} partial archives under the final name" if name == "export" else \
            f", {r['rowsWithoutFile']} media rows without their file"
        print(f"pda {name}: {r['trials']} trials (uninterrupted {r['uninterruptedSeconds']} s): {r['killedMidRun']} killed mid-run, "
              f"{r['finishedBeforeKill']} finished first; work files after the kills {r['leftoverBytesAfterKill']} bytes, "
              f"after the re-runs {r['leftoverBytesAfterRerun']} bytes{extra}; {len(r['failures'])} failed trials")
        for failure in r["failures"]:
            print(f"  trial {failure['trial']}: {'; '.join(failure['problems'])}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    shutil.rmtree(args.work, ignore_errors=True)
    sys.exit(1 if any(r["failures"] for r in results.values()) else 0)


if __name__ == "__main__":
    main()
