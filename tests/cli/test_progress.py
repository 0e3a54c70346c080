"""Progress on stderr: plain lines when stderr is not a terminal (here, a pipe), nothing with
--quiet, and never a value from the data (only counts, sizes and the export's entry names)."""
import re

from conftest import ROOT

LINE = re.compile(r"^pda: (importing|exporting|verifying): .*\b\d+ (records|files), \d+ s, (done|stopped)$")


def progress_lines(err, task):
    return [line for line in err.splitlines() if line.startswith(f"pda: {task}:")]


def test_import_prints_a_final_progress_line_without_data_values(pda, tiktok_zip):
    r = pda("import", tiktok_zip)
    assert r.code == 0, r.err
    lines = progress_lines(r.err, "importing")
    assert lines and LINE.match(lines[-1]), r.err
    records = int(re.search(r"(\d+) records", lines[-1]).group(1))
    assert records > 20
    assert "user_data_tiktok.json" in lines[-1]


def test_progress_names_documents_by_file_name_not_their_folders(pda, tmp_path):
    # Meta names message folders after the other person: only the file name may be shown.
    r = pda("import", ROOT / "fixtures/instagram/json-2024")
    assert r.code == 0, r.err
    lines = progress_lines(r.err, "importing")
    assert lines and LINE.match(lines[-1]), r.err
    assert "/" not in lines[-1].split(": ", 2)[2]
    # Values of the fixture (user names, texts) never appear in progress.
    data = (ROOT / "fixtures/tiktok/json-2024/user_data_tiktok.json").read_text()
    for value in ["fan_24", "creator_b", "直播", "2024-01-07"]:
        assert value in data
        assert not any(value in line for line in lines)


def test_quiet_silences_progress(pda, tiktok_zip, tmp_path):
    r = pda("import", tiktok_zip, "--quiet")
    assert r.code == 0, r.err
    assert not progress_lines(r.err, "importing")
    assert "Created a new account" in r.err
    archive = tmp_path / "archive.zip"
    quiet_export = pda("export", "--out", archive, "--created", "2026-01-01T00:00:00Z", "--quiet")
    assert quiet_export.code == 0, quiet_export.err
    assert not progress_lines(quiet_export.err, "exporting")
    quiet_verify = pda("verify", archive, "--quiet")
    assert quiet_verify.code == 0, quiet_verify.err
    assert quiet_verify.err == ""


def test_export_and_verify_report_files(pda, tiktok_zip, tmp_path):
    assert pda("import", tiktok_zip, "--quiet").code == 0
    archive = tmp_path / "archive.zip"
    made = pda("export", "--out", archive, "--created", "2026-01-01T00:00:00Z")
    assert made.code == 0, made.err
    exported = progress_lines(made.err, "exporting")
    assert exported and LINE.match(exported[-1]), made.err
    checked = pda("verify", archive)
    assert checked.code == 0, checked.err
    verified = progress_lines(checked.err, "verifying")
    assert verified and LINE.match(verified[-1]), checked.err
    files = int(re.search(r"(\d+) files", verified[-1]).group(1))
    assert files >= int(re.search(r"(\d+) files", made.out).group(1))
