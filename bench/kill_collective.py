#!/usr/bin/env python3
"""Interrupted `pda collective add` runs (issues 14 and 17).

Each trial copies one initialized collective, starts `collective add` on generated member
exports and stops it at a random moment, in turn by: kill -9 of the parent only (its workers
are orphaned and must end themselves), kill -9 of the whole process group, SIGTERM to the
parent, SIGINT to the group (as Ctrl-C does). Then it checks that no worker outlives the run,
that `PRAGMA integrity_check` is ok for the collective database and every member account,
that a signalled run exited 130/143 with its message and left no unrecorded member folder, and
that a re-run completes with the same rows (members, exports, ledger cells, attention, money,
active shares) and the same row counts in every member account as an uninterrupted run.

    bench/kill_collective.py --trials 50            # make bench
    bench/kill_collective.py --trials 4 --members 6 # the short form run by make test
"""
import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KINDS = ["kill -9 parent", "kill -9 group", "SIGTERM parent", "SIGINT group"]


def collective_rows(folder: Path):
    """The collective's member rows without the times they were written at."""
    with sqlite3.connect(folder / "collective.sqlite") as db:
        return {
            "member": sorted(db.execute("SELECT pseudonym, consent FROM member")),
            "export": sorted(db.execute("SELECT sha256, pseudonym, file_name, status FROM export")),
            "ledger_cell": sorted(db.execute("SELECT * FROM ledger_cell")),
            "attention_cell": sorted(db.execute("SELECT * FROM attention_cell")),
            "money_cell": sorted(db.execute("SELECT * FROM money_cell")),
            "active_share": sorted(db.execute("SELECT * FROM active_share")),
        }


def account_counts(folder: Path):
    """Row counts of every table of every member account (FTS shadow tables left out)."""
    counts = {}
    for account in sorted((folder / "members").iterdir()):
        db_path = account / "account.sqlite"
        if not db_path.exists():
            counts[account.name] = None
            continue
        with sqlite3.connect(db_path) as db:
            tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                      if not any(t.endswith(s) for s in ("_data", "_idx", "_content", "_docsize", "_config"))]
            counts[account.name] = {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in sorted(tables)}
    return counts


def integrity(folder: Path):
    """Databases whose integrity_check is not ok."""
    bad = []
    for db_path in [folder / "collective.sqlite", *sorted((folder / "members").glob("*/account.sqlite"))]:
        with sqlite3.connect(db_path) as db:
            result = db.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            bad.append(f"{db_path.relative_to(folder)}: {result}")
    return bad


def workers_of(folder: Path):
    """Live `pda collective work` processes writing into this collective."""
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"work" in cmdline and str(folder).encode() in cmdline:
            pids.append(int(proc.name))
    return pids


def unrecorded_folders(folder: Path):
    with sqlite3.connect(folder / "collective.sqlite") as db:
        recorded = {p for (p,) in db.execute("SELECT pseudonym FROM member")}
    return sorted(p.name for p in (folder / "members").iterdir() if p.name not in recorded)


def add(pda, folder, manifest, jobs, **popen):
    return subprocess.Popen([pda, "collective", "add", "--collective", str(folder), "--manifest", str(manifest), "--jobs", str(jobs)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, **popen)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pda", default=os.environ.get("PDA_BIN", str(ROOT / ".build/release/pda")))
    parser.add_argument("--trials", type=int, default=50)
    parser.add_argument("--members", type=int, default=16)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--work", default=str(ROOT / "bench/work/kill_collective"))
    parser.add_argument("--json", help="write the figures here")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    exports = work / "exports"
    subprocess.run([sys.executable, str(ROOT / "fixtures/generate_members.py"), "--out", str(exports), "--members", str(args.members),
                    "--broken", "0.15", "--seed", str(args.seed)], check=True, stdout=subprocess.DEVNULL)
    manifest = exports / "members.csv"
    template = work / "template"
    subprocess.run([args.pda, "collective", "init", str(template), "--k", "2"], check=True, stdout=subprocess.DEVNULL)

    reference = work / "reference"
    shutil.copytree(template, reference)
    started = time.monotonic()
    assert add(args.pda, reference, manifest, args.jobs).wait() == 0, "the uninterrupted run failed"
    run_seconds = time.monotonic() - started
    expected_rows, expected_counts = collective_rows(reference), account_counts(reference)

    failures, kinds, orphan_wait, finished_first = [], {k: 0 for k in KINDS}, 0.0, 0
    for trial in range(args.trials):
        kind = KINDS[trial % len(KINDS)]
        kinds[kind] += 1
        folder = work / f"trial{trial}"
        shutil.copytree(template, folder)
        proc = add(args.pda, folder, manifest, args.jobs, start_new_session=True)
        time.sleep(rng.uniform(0, run_seconds))
        try:
            if kind == "kill -9 parent":
                proc.send_signal(signal.SIGKILL)
            elif kind == "kill -9 group":
                os.killpg(proc.pid, signal.SIGKILL)
            elif kind == "SIGTERM parent":
                proc.send_signal(signal.SIGTERM)
            else:
                os.killpg(proc.pid, signal.SIGINT)
        except ProcessLookupError:
            pass  # the run had finished
        code = proc.wait()
        stderr = proc.stderr.read()
        finished_first += code == 0  # the signal came after the run had ended
        problems = []
        waited = time.monotonic()
        while workers_of(folder) and time.monotonic() - waited < 5:
            time.sleep(0.02)
        orphan_wait = max(orphan_wait, time.monotonic() - waited)
        if workers_of(folder):
            problems.append("a worker outlived its run by 5 s")
        if kind.startswith("SIG") and code != 0:
            expected_code = 143 if kind.startswith("SIGTERM") else 130
            if code != expected_code:
                problems.append(f"exit {code}, expected {expected_code}")
            if "interrupted by" not in stderr or "Run the same command again" not in stderr:
                problems.append("no interruption message")
            if unrecorded_folders(folder):
                problems.append(f"a signalled run left {len(unrecorded_folders(folder))} unrecorded member folders")
        problems += integrity(folder)
        rerun = add(args.pda, folder, manifest, args.jobs)
        if rerun.wait() != 0:
            problems.append(f"the re-run failed: {rerun.stderr.read().strip()[-300:]}")
        else:
            if collective_rows(folder) != expected_rows:
                problems.append("collective rows differ from the uninterrupted run")
            if account_counts(folder) != expected_counts:
                problems.append("member accounts differ from the uninterrupted run")
            problems += integrity(folder)
        if problems:
            failures.append({"trial": trial, "kind": kind, "exit": code, "problems": problems})
        shutil.rmtree(folder, ignore_errors=True)

    result = {"benchmark": "collective add interrupted", "trials": args.trials, "members": args.members, "kinds": kinds,
              "uninterruptedSeconds": round(run_seconds, 2), "passed": args.trials - len(failures), "failures": failures,
              "stoppedMidRun": args.trials - finished_first,
              "longestOrphanSeconds": round(orphan_wait, 3)}
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2))
    print(f"{result['passed']}/{args.trials} interrupted runs ok ({', '.join(f'{n} {k}' for k, n in kinds.items())}; "
          f"{result['stoppedMidRun']} stopped mid-run, the others had finished); "
          f"uninterrupted run {run_seconds:.1f} s; workers gone within {orphan_wait:.2f} s of their run")
    for failure in failures:
        print(f"  trial {failure['trial']} ({failure['kind']}, exit {failure['exit']}): {'; '.join(failure['problems'])}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
