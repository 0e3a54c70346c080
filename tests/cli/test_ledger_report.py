"""The ledger and the HTML report, as a person gets them."""
import json
import re
import shutil
import subprocess

import jsonschema

from conftest import ROOT


def test_ledger_json_matches_schema_and_has_a_range(pda, tiktok_zip):
    assert pda("import", tiktok_zip).code == 0
    ledger = pda("ledger", "--json", "--value").json()
    jsonschema.validate(ledger, json.loads((ROOT / "schemas/ledger.schema.json").read_text()))
    a = ledger["attentionSeconds"]
    assert a["low"] <= a["high"] and "sessions" in a["method"]
    assert any(v["model"] == "attention-wage" for v in ledger["valuation"]["results"])
    assert any(m.startswith("tiktok: no sourced") for m in ledger["valuation"]["missing"])


def test_ledger_csv_and_text(pda, tiktok_zip):
    assert pda("import", tiktok_zip).code == 0
    csv = pda("ledger", "--csv", "--by", "category").out.splitlines()
    assert csv[0] == "category,count" and len(csv) > 1
    text = pda("ledger", "--value").out
    assert "attention time" in text and "formula:" in text and "source:" in text
    assert pda("ledger", "--json", "--csv").code == 64


def test_value_model_round_trip_and_refusal(pda, tiktok_zip, tmp_path):
    assert pda("import", tiktok_zip).code == 0
    models = tmp_path / "models.json"
    assert pda("ledger", "--write-value-model", models).code == 0
    doc = json.loads(models.read_text())
    doc["revenuePerUser"].append({"platforms": ["tiktok"], "annualRevenue": "100", "users": "10", "year": 2024, "region": "test",
                                  "source": "a test figure", "label": "test"})
    models.write_text(json.dumps(doc))
    valued = pda("ledger", "--json", "--value-model", models).json()["valuation"]
    assert any("tiktok" in v["platforms"] and v["model"] == "revenue-per-user" for v in valued["results"])
    del doc["revenuePerUser"][-1]["source"]
    models.write_text(json.dumps(doc))
    r = pda("ledger", "--value-model", models)
    assert r.code == 65 and "no source" in r.err


def test_report_is_self_contained_and_renders(pda, tiktok_zip, tmp_path):
    assert pda("import", tiktok_zip).code == 0
    page = tmp_path / "report.html"
    assert pda("report", "--out", page).code == 0
    html = page.read_text()
    assert "<script" not in html.lower() and "<link" not in html.lower()
    assert not re.search(r"(src|href)\s*=\s*[\"']?https?:", html), "the report must not load anything from the network"
    for heading in ["Month by month", "When you were active", "Attention time", "What the platforms inferred", "Sources"]:
        assert heading in html
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        return
    png = tmp_path / "report.png"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--screenshot={png}",
                    "--window-size=412,1800", page.as_uri()], check=True, capture_output=True, timeout=120)
    from PIL import Image
    image = Image.open(png).convert("RGB")
    colors = image.getcolors(maxcolors=1 << 20) or []
    assert len(colors) > 50, "the rendered report looks blank"
