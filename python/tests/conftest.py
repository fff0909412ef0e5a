"""Shared paths: the repository's example article, its pinned CLI output,
and the CLI binary when one is built (``WHOSAID_BIN`` or target/)."""

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "nato-rutte.txt"
DEMO = ROOT / "examples" / "demo.jsonl"
GOLDEN = ROOT / "crates" / "whosaid-cli" / "tests" / "golden" / "nato-rutte.json"


def _binary():
    given = os.environ.get("WHOSAID_BIN")
    if given:
        return Path(given)
    built = [ROOT / "target" / b / "whosaid" for b in ("release", "debug")]
    built = [p for p in built if p.exists()]
    if built:
        return max(built, key=lambda p: p.stat().st_mtime)
    found = shutil.which("whosaid")
    return Path(found) if found else None


@pytest.fixture(scope="session")
def whosaid_bin():
    path = _binary()
    if path is None or not path.exists():
        pytest.skip("no whosaid binary (cargo build -p whosaid-cli, or set WHOSAID_BIN)")
    return path
