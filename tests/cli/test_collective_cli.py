"""Collective mode from the command line: manifest, parallel workers, resume, withdraw, report."""
import shutil

from conftest import ROOT, zip_folder


def make_exports(tmp_path, n):
    folder = tmp_path / "exports"
    folder.mkdir()
    lines = ["member_id,file,consent"]
    for i in range(n):
        template = ROOT / "fixtures/tiktok/json-2024"
        copy = tmp_path / f"src{i}" / f"TikTok_{i}"
        shutil.copytree(template, copy)
        zip_folder(copy, folder / f"m{i}.zip")
        lines.append(f"member-{i},m{i}.zip,{'archive' if i == 0 else 'aggregate'}")
    shutil.copy(ROOT / "fixtures/bad/truncated.zip", folder / "broken.zip")
    lines.append("member-broken,broken.zip,aggregate")
    (folder / "members.csv").write_text("\n".join(lines) + "\n")
    return folder


def test_collective_end_to_end(pda, tmp_path):
    union = tmp_path / "union"
    assert pda("collective", "init", union, "--k", "3").code == 0
    assert pda("collective", "init", union).code == 1  # exists: nothing changed
    exports = make_exports(tmp_path, 4)
    r = pda("collective", "add", "--collective", union, "--manifest", exports / "members.csv", "--jobs", "2", "--json")
    assert r.code == 0, r.err
    summary = r.json()
    assert summary["processed"] == 4 and summary["members"] == 4
    assert [f["file"].endswith("broken.zip") for f in summary["failed"]] == [True]
    again = pda("collective", "add", "--collective", union, "--manifest", exports / "members.csv", "--json").json()
    assert again["skipped"] == 4 and again["processed"] == 0

    report = pda("collective", "report", "--collective", union, "--json").json()
    assert report["members"] == 4 and report["cells"] and all(c["members"] >= 3 for c in report["cells"])
    assert pda("collective", "report", "--collective", union, "--k", "5", "--json").json()["cells"] == []
    html = tmp_path / "union.html"
    assert pda("collective", "report", "--collective", union, "--html", html).code == 0
    assert "<script" not in html.read_text()

    # member-0 consented to an archive: the organisation attests provenance, and it verifies.
    archive = tmp_path / "member-0.zip"
    r = pda("collective", "export", "--collective", union, "member-0", "--out", archive, "--created", "2026-01-01T00:00:00Z")
    assert r.code == 0, r.err
    verified = pda("verify", archive, "--json").json()
    assert verified["valid"] and verified["items"]
    import zipfile
    with zipfile.ZipFile(archive) as z:
        claim = next(n for n in z.namelist() if n.endswith("authorship.vc.json"))
        assert "ProvenanceAttestation" in z.read(claim).decode()
    assert pda("collective", "export", "--collective", union, "member-2", "--out", tmp_path / "no.zip").code == 1
    assert not (tmp_path / "no.zip").exists()

    assert pda("collective", "withdraw", "--collective", union, "member-1").code == 0
    after = pda("collective", "report", "--collective", union, "--json").json()
    assert after["members"] == 3
    assert pda("collective", "withdraw", "--collective", union, "member-1").code == 1


def test_collective_usage_errors(pda, tmp_path):
    assert pda("collective", "add", tmp_path).code == 64  # no --collective
    assert pda("collective", "report", "--collective", tmp_path / "none").code == 66
    union = tmp_path / "u"
    assert pda("collective", "init", union).code == 0
    bad = tmp_path / "members.csv"
    bad.write_text("member_id,file,consent\nx,x.zip,maybe\n")
    r = pda("collective", "add", "--collective", union, "--manifest", bad)
    assert r.code == 65 and "members.csv:2" in r.err
