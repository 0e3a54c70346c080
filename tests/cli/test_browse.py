"""`pda browse`: the account as a Datasette database, checked in a real browser."""
import html
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from conftest import PDA, ROOT

DATASETTE = Path(sys.executable).parent / "datasette"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def demo_account(pda):
    assert pda("init", "--name", "Browse Demo").code == 0
    assert pda("import", ROOT / "fixtures/tiktok/json-2024", ROOT / "fixtures/douyin/pipl-copy-example",
               ROOT / "fixtures/youtube/takeout-en-2023").code == 0
    return pda


@pytest.fixture
def server(demo_account, account):
    port = free_port()
    env = dict(os.environ, PDA_ACCOUNT=str(account), PDA_DATASETTE=str(DATASETTE))
    proc = subprocess.Popen([PDA, "browse", "--port", str(port)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=2)
            break
        except OSError:
            if proc.poll() is not None or time.time() > deadline:
                proc.kill()
                pytest.fail("datasette did not start: " + (proc.stdout.read() if proc.stdout else ""))
            time.sleep(0.3)
    yield base
    proc.terminate()
    proc.wait(timeout=20)


def rendered(url):
    """The page's DOM after Chromium ran it."""
    if not CHROMIUM:
        pytest.skip("chromium is not installed (.ci/run installs it)")
    out = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", url],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    return html.unescape(out)


def cells(dom, column):
    return [c.strip() for c in re.findall(rf'<td class="col-{column}[^"]*">([^<]*)', dom)]


def test_chinese_word_search_in_the_browser(server, demo_account):
    dom = rendered(server + "/account/item_by_month?_search=" + urllib.parse.quote("直播"))
    texts = [t for t in cells(dom, "text") if t]
    expected = [line for line in demo_account("search", "直播", "--json").json()]
    assert len(expected) == 5
    assert "5 rows where search matches" in dom
    assert all("直播" in t for t in texts) and len(texts) >= 4
    assert "今晚直播吗？" in texts
    # Facets on platform, kind and month are shown.
    for facet in ("platform", "kind", "month"):
        assert f'id="facet-{facet}"' in dom


def test_ledger_query_in_the_browser_matches_pda_ledger(server, demo_account):
    dom = rendered(server + "/account/ledger_by_month")
    rows = re.findall(r'<td class="col-platform[^"]*">([^<]*)</td>\s*<td class="col-month[^"]*">([^<]*)</td>\s*'
                      r'<td class="col-category[^"]*">([^<]*)</td>\s*<td class="col-records[^"]*">([^<]*)</td>', dom)
    shown = {(p.strip(), m.strip(), c.strip()): int(n) for p, m, c, n in rows}
    ledger = demo_account("ledger", "--json").json()["rows"]
    expected = Counter()
    for row in ledger:
        expected[(row["platform"], row["month"], row["category"])] += row["count"]
    assert shown == dict(expected)
    assert ("tiktok", "2024-02", "attention") in shown


def test_inferences_query_and_read_only(server):
    with urllib.request.urlopen(server + "/account/inferences.json?_shape=array") as r:
        rows = json.load(r)
    assert rows and {"platform", "kind", "label", "export", "locator"} <= set(rows[0])
    # Immutable: a write through the SQL endpoint is refused.
    url = server + "/account.json?sql=" + urllib.parse.quote("DELETE FROM item")
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(url)


def test_metadata_file_and_missing_datasette(demo_account, tmp_path):
    meta = tmp_path / "metadata.json"
    assert demo_account("browse", "--write-metadata", meta).code == 0
    tables = json.loads(meta.read_text())["databases"]["account"]["tables"]
    assert tables["item_by_month"]["facets"] == ["platform", "kind", "month"]
    assert tables["item"]["fts_table"] == "item_search"
    missing = demo_account("browse", env={"PDA_DATASETTE": str(tmp_path / "no-such-datasette")})
    assert missing.code == 69
    assert "pip install --user datasette" in missing.err
