"""Collective mode's promises from the command line: withdrawal tombstones, the privacy budget,
and interrupted runs (the short form of bench/kill_collective.py)."""
import subprocess
import sys

from conftest import PDA, ROOT
from test_collective_cli import make_exports


def test_a_withdrawn_member_stays_out_until_readmitted(pda, tmp_path):
    union = tmp_path / "union"
    assert pda("collective", "init", union, "--k", "1").code == 0
    exports = make_exports(tmp_path, 3)
    manifest = exports / "members.csv"
    assert pda("collective", "add", "--collective", union, "--manifest", manifest).code == 0
    r = pda("collective", "withdraw", "--collective", union, "member-1")
    assert r.code == 0 and "--readmit" in r.out
    again = pda("collective", "add", "--collective", union, "--manifest", manifest, "--json").json()
    assert again["members"] == 2 and again["withdrawn"] == 1 and again["processed"] == 0
    back = pda("collective", "add", "--collective", union, "--manifest", manifest, "--readmit", "member-1", "--json").json()
    assert back["members"] == 3 and back["processed"] == 1


def test_a_release_past_the_privacy_budget_is_refused(pda, tmp_path):
    union = tmp_path / "union"
    assert pda("collective", "init", union, "--k", "1", "--epsilon-budget", "0.5").code == 0
    exports = make_exports(tmp_path, 3)
    assert pda("collective", "add", "--collective", union, "--manifest", exports / "members.csv").code == 0
    first = pda("collective", "report", "--collective", union, "--epsilon", "0.3", "--months", "2023-01..2025-12", "--json")
    assert first.code == 0, first.err
    privacy = first.json()["privacy"]
    assert privacy["level"] == "member" and privacy["budget"]["spent"] == 0.3 and privacy["queries"]
    refused = pda("collective", "report", "--collective", union, "--epsilon", "0.3", "--json")
    assert refused.code == 1 and "privacy budget exhausted" in refused.err and refused.out == ""
    assert pda("collective", "budget", "--collective", union, "--json").json() == {"total": 0.5, "spent": 0.3, "remaining": 0.2, "releases": 1}


def test_interrupted_runs_leave_a_sound_collective(tmp_path):
    """Four interrupted runs, one of each kind: see bench/kill_collective.py (50 in make bench)."""
    r = subprocess.run([sys.executable, str(ROOT / "bench/kill_collective.py"), "--pda", PDA, "--trials", "4", "--members", "6",
                        "--work", str(tmp_path / "kill")], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "4/4 interrupted runs ok" in r.stdout


def test_a_worker_ends_when_its_parent_is_gone(pda, tmp_path):
    """A worker whose parent (here: a pid that is not its parent) is gone ends at once, exit 137."""
    union = tmp_path / "union"
    assert pda("collective", "init", union).code == 0
    exports = make_exports(tmp_path, 1)
    r = pda("collective", "work", "--collective", union, "--pseudonym", "m-" + "0" * 24, "--organisation-did", "did:key:z",
            "--parent-pid", "1", "--", exports / "m0.zip")
    assert r.code == 137 and r.out == ""
