"""Shared fixtures: saved pages, the local sample web, and running the real CLI in a subprocess.

Crawls run in a child process because Twisted's reactor cannot be restarted within one process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

FILES = Path(__file__).parent / "files"
PARKWATCH = [sys.executable, "-m", "parkwatch.cli"]


def saved_page(name: str) -> bytes:
    """Original bytes of a saved page under tests/files/."""
    return (FILES / name).read_bytes()


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            timeout: int = 180, input_text: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``parkwatch ARGS`` as a user would, in a fresh process."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("PARKWATCH_")}
    full_env.update(env or {})
    return subprocess.run([*PARKWATCH, *args], capture_output=True, text=True, cwd=cwd, env=full_env,
                          timeout=timeout, check=False, input=input_text)


def write_config(folder: Path, sites: list[dict], settings: dict | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sites.yaml").write_text(yaml.safe_dump(sites, allow_unicode=True), encoding="utf-8")
    base = {"delay": 0, "concurrency": 4, "timeout": 10}
    (folder / "settings.yaml").write_text(yaml.safe_dump({**base, **(settings or {})}), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def sample_web() -> Iterator:
    """The embedded sample web, served on 127.0.0.1 for the module's tests."""
    from parkwatch.sampleweb.server import serve_sample_web

    web = serve_sample_web()
    yield web
    web.stop()
