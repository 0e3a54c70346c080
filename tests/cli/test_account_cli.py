"""The account commands as a person uses them: exit codes, permissions, JSON shapes."""
import json
import re
import stat
from pathlib import Path

import jsonschema

from conftest import ROOT, zip_folder

UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_init_creates_private_account_and_key(pda, account):
    r = pda("init", "--name", "Ada")
    assert r.code == 0, r.err
    did = re.search(r"did:key:z6Mk\w+", r.out).group(0)
    assert mode(account) == 0o700
    keys = list((account / "keys").iterdir())
    assert len(keys) == 1 and mode(keys[0]) == 0o600
    again = pda("init", "--name", "Someone else")
    assert again.code == 0 and "already exists" in again.out and did in again.out
    assert pda("status", "--json").json()["owner"] == {"name": "Ada", "did": did}


def test_import_creates_missing_account_and_is_idempotent(pda, account, tiktok_zip):
    r = pda("import", tiktok_zip)
    assert r.code == 0, r.err
    assert "Created a new account" in r.err and "tiktok" in r.out
    again = pda("import", tiktok_zip, "--json")
    assert again.code == 0
    assert again.json()[0]["status"] == "already_imported"
    assert "already imported" in pda("import", tiktok_zip).out


def test_status_matches_its_schema(pda, tiktok_zip):
    assert pda("import", tiktok_zip).code == 0
    status = pda("status", "--json").json()
    schema = json.loads((ROOT / "schemas/status.schema.json").read_text())
    jsonschema.validate(status, schema)
    assert status["sources"][0]["platform"] == "tiktok"
    assert status["counts"]["tiktok"]["activity"]["watch"] > 0


def test_status_reports_sizes_on_disk(pda, account):
    export = ROOT / "fixtures/instagram/json-2024"
    assert pda("import", export).code == 0
    disk = pda("status", "--json").json()["disk"]
    stored = [p for p in (account / "media/sha256").rglob("*") if p.is_file()]
    assert stored and disk["mediaFiles"] == len(stored)
    assert disk["mediaBytes"] == sum(p.stat().st_size for p in stored)
    assert disk["databaseBytes"] >= (account / "account.sqlite").stat().st_size > 0
    assert disk["totalBytes"] == disk["databaseBytes"] + disk["mediaBytes"]
    assert "Disk:    database " in pda("status").out


def test_listings_have_the_documented_keys(pda, tiktok_zip):
    assert pda("import", tiktok_zip).code == 0
    items = pda("items", "--json").json()
    assert items and all({"id", "platform", "kind", "nativeId", "url", "createdAt", "text"} <= set(i) for i in items)
    assert all(i["createdAt"] is None or UTC.match(i["createdAt"]) for i in items)
    activity = pda("activity", "--json", "--limit", "500").json()
    assert activity and all({"id", "platform", "kind", "occurredAt", "url", "text"} <= set(a) for a in activity)
    assert all(a["occurredAt"] is None or UTC.match(a["occurredAt"]) for a in activity)
    inferences = pda("inferences", "--json").json()
    assert all({"platform", "kind", "label"} <= set(i) for i in inferences)
    only = pda("activity", "--json", "--kind", "search", "--limit", "1").json()
    assert len(only) <= 1 and all(a["kind"] == "search" for a in only)


def test_search_finds_a_two_character_chinese_word(pda, tiktok_zip):
    assert pda("import", tiktok_zip).code == 0
    hits = pda("search", "直播", "--json").json()
    assert any("直播" in (h["text"] or "") for h in hits)
    assert "[直播]" in pda("search", "直播").out


def test_usage_and_missing_input_exit_codes(pda, tiktok_zip, tmp_path):
    assert pda("import", tmp_path / "nope.zip").code == 66
    assert pda("import", tiktok_zip, "--platform", "myspace").code == 64
    assert pda("items", "--since", "yesterday").code == 64
    assert pda("status", env={"PDA_ACCOUNT": str(tmp_path / "none")}).code == 66


def test_bad_exports_are_refused_and_change_nothing(pda, tiktok_zip):
    assert pda("import", tiktok_zip).code == 0
    before = pda("status", "--json").out
    for bad in sorted((ROOT / "fixtures/bad").glob("*.zip")):
        r = pda("import", bad)
        assert r.code == 65, f"{bad.name}: exit {r.code} {r.err}"
        assert bad.name in r.err
        assert pda("status", "--json").out == before, bad.name


def test_one_bad_export_does_not_stop_the_others(pda, tiktok_zip):
    r = pda("import", ROOT / "fixtures/bad/truncated.zip", tiktok_zip)
    assert r.code == 65
    assert pda("status", "--json").json()["sources"][0]["fileName"] == tiktok_zip.name
