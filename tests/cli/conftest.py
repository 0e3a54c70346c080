import json
import os
import subprocess
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PDA = os.environ.get("PDA_BIN", str(ROOT / ".build/debug/pda"))


class Result:
    def __init__(self, proc):
        self.code = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    def json(self):
        return json.loads(self.out)


@pytest.fixture
def account(tmp_path):
    return tmp_path / "account"


@pytest.fixture
def pda(account):
    def run(*args, env=None):
        full_env = dict(os.environ, PDA_ACCOUNT=str(account))
        full_env.update(env or {})
        proc = subprocess.run([PDA, *map(str, args)], capture_output=True, text=True, env=full_env, cwd=ROOT)
        return Result(proc)
    return run


def zip_folder(folder: Path, out: Path) -> Path:
    """Zips a readable fixture folder the way platforms ship exports (one top-level folder)."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                z.write(path, Path(folder.name) / path.relative_to(folder))
    return out


@pytest.fixture
def tiktok_zip(tmp_path):
    return zip_folder(ROOT / "fixtures/tiktok/json-2024", tmp_path / "tiktok-2024.zip")
