"""`pda request` and `pda audit` as a person uses them: the walk-through of the README."""
import json

import jsonschema

from conftest import ROOT


def schema(name):
    return json.loads((ROOT / "schemas" / name).read_text())


def test_request_walk_through_to_the_complaint(pda, tmp_path, tiktok_zip):
    letters = tmp_path / "letters"
    assert pda("init", "--name", "Ada").code == 0
    r = pda("request", "new", "tiktok", "--law", "gdpr", "--out", letters)
    assert r.code == 0, r.err
    text = (letters / "request-1-tiktok.txt").read_text()
    assert "TikTok Technology Limited" in text and "Art. 15(1)(h)" in text and "Ada" in text
    assert (letters / "request-1-tiktok.html").read_text().startswith("<!doctype html>")
    assert pda("request", "sent", "1", "--on", "2026-01-15").code == 0

    listed = pda("request", "list", "--json", "--today", "2026-02-17").json()
    jsonschema.validate(listed, schema("requests.schema.json"))
    assert listed["requests"][0]["state"] == "overdue" and listed["requests"][0]["daysOverdue"] == 1
    assert "OVERDUE 1 d" in pda("request", "list", "--today", "2026-02-17").out

    assert pda("request", "remind", "1", "--language", "de", "--out", letters, "--today", "2026-02-17").code == 0
    assert "Erinnerung" in (letters / "reminder-1-tiktok.txt").read_text()
    r = pda("request", "complain", "1", "--out", letters, "--today", "2026-02-17")
    assert r.code == 0, r.err
    complaint = (letters / "complaint-1-tiktok.txt").read_text()
    assert complaint.startswith("Data Protection Commission (Ireland)") and "GDPR Art. 77" in complaint

    # The export arrives: importing it answers the request, and the audit drafts the follow-up.
    imported = pda("import", tiktok_zip)
    assert imported.code == 0 and "answers request 1" in imported.out
    answered = pda("request", "list", "--json").json()["requests"][0]
    assert answered["state"] == "answered" and answered["answerExportId"] == 1
    audit = pda("audit", "tiktok", "--json").json()
    jsonschema.validate(audit, schema("audit.schema.json"))
    ids = {f["id"] for f in audit["platforms"][0]["findings"]}
    assert "law:purposes" in ids and "field:watch_duration" in ids
    r = pda("audit", "tiktok", "--letter", "--out", letters)
    assert r.code == 0, r.err
    follow_up = (letters / "follow-up-2-tiktok.txt").read_text()
    assert "how long each video was watched" in follow_up
    assert pda("request", "list", "--json").json()["requests"][1]["purpose"] == "follow_up"
    assert pda("request", "sent", "2", "--on", "2026-03-02").code == 0
    r = pda("request", "complain", "2", "--out", letters, "--today", "2026-04-10")
    assert r.code == 0, r.err
    assert "how long each video was watched" in (letters / "complaint-2-tiktok.txt").read_text()
    report = tmp_path / "r.html"
    assert pda("report", "--out", report).code == 0
    assert "Your requests, and what the exports leave out" in report.read_text()


def test_refusals_have_documented_exit_codes(pda, tmp_path):
    assert pda("init").code == 0
    assert pda("request", "new", "myspace").code == 64
    assert pda("request", "new", "tiktok", "--law", "hipaa").code == 64
    assert pda("request", "sent", "7").code == 66
    assert pda("request", "new", "douyin", "--out", tmp_path).code == 0
    assert pda("request", "sent", "1", "--on", "2026-01-15").code == 0
    r = pda("request", "extend", "1")
    assert r.code == 64 and "pipl" in r.err
    r = pda("request", "complain", "1", "--today", "2026-01-20")
    assert r.code == 64 and "not overdue" in r.err, "not overdue yet"
    r = pda("audit", "tiktok")
    assert r.code == 66 and "no export of tiktok" in r.err
    listed = pda("request", "list", "--json").json()["requests"]
    assert [r["id"] for r in listed] == [1], "refused commands recorded nothing"


def test_pipl_letter_is_chinese_and_names_no_invented_address(pda, tmp_path):
    assert pda("init").code == 0
    r = pda("request", "new", "douyin", "--out", tmp_path)
    assert r.code == 0 and "does not guess" in r.out
    text = (tmp_path / "request-1-douyin.txt").read_text()
    assert "第四十五条" in text and "[邮寄地址：见平台隐私政策“联系我们”]" in text


def test_json_stdout_stays_parseable_when_letters_are_written(pda, tmp_path, tiktok_zip):
    r = pda("request", "new", "instagram", "--language", "de", "--json", "--out", tmp_path)
    assert r.code == 0, r.err
    assert r.json()["state"] == "draft" and r.json()["language"] == "de"
    assert "Wrote" in r.err
    assert pda("import", tiktok_zip).code == 0
    r = pda("audit", "tiktok", "--json", "--letter", "--out", tmp_path)
    assert r.code == 0, r.err
    jsonschema.validate(r.json(), schema("audit.schema.json"))
    assert (tmp_path / "follow-up-2-tiktok.html").exists()
