"""Shared fixtures: saved pages, the local sample web, and running the real CLI in a subprocess.

Crawls run in a child process because Twisted's reactor cannot be restarted within one process.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

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
    full_env = env_without_parkwatch()
    full_env.update(env or {})
    return subprocess.run([*PARKWATCH, *args], capture_output=True, text=True, cwd=cwd, env=full_env,
                          timeout=timeout, check=False, input=input_text)


def wait_for(condition: Callable[[], object], timeout: float = 180.0, every: float = 0.05) -> bool:
    """Poll *condition* until it holds (True) or *timeout* seconds pass (False): wait on states, not sleeps."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return bool(condition())


class ResponseGate:
    """Holds back responses to paths under *prefix* beyond an allowance the test raises step by step.

    A crawl against a gated site cannot finish before the test lets it, whatever the machine's speed.
    """

    def __init__(self, prefix: str = "/a/") -> None:
        self.prefix = prefix
        self.allowed = 0
        self.served = 0
        self.waiting = 0
        self.cond = threading.Condition()

    def __call__(self, path: str) -> None:
        if not path.startswith(self.prefix):
            return
        with self.cond:
            self.waiting += 1
            self.cond.wait_for(lambda: self.served < self.allowed, timeout=600)
            self.waiting -= 1
            self.served += 1

    def allow(self, more: int) -> None:
        with self.cond:
            self.allowed += more
            self.cond.notify_all()

    def open(self) -> None:
        self.allow(10**9)


def write_config(folder: Path, sites: list[dict], settings: dict | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sites.yaml").write_text(yaml.safe_dump(sites, allow_unicode=True), encoding="utf-8")
    base = {"delay": 0, "concurrency": 4, "timeout": 10}
    (folder / "settings.yaml").write_text(yaml.safe_dump({**base, **(settings or {})}), encoding="utf-8")
    return folder


def env_without_parkwatch() -> dict[str, str]:
    """This process's environment without ``PARKWATCH_*`` variables, for a crawl started as a user would."""
    return {k: v for k, v in os.environ.items() if not k.startswith("PARKWATCH_")}


def gated_site(web: Any, folder: Path, pages: dict[str, tuple[bytes, str]],
               settings: dict | None = None) -> tuple[ResponseGate, Path]:
    """Publish *pages* as the site ``big`` of *web* with its article responses held by a gate; its config in
    *folder* (20 list pages, concurrency 8). Returns the gate and the config folder."""
    gate = ResponseGate("/a/")
    web.publish({"big": pages})
    web.set_gate("big", gate)
    config = write_config(folder, [{"name": "big", "start_urls": [f"{web.bases['big']}/list_1.html"],
                                    "allow": ["/a/"], "max_pages": 20}], {"concurrency": 8, **(settings or {})})
    return gate, config


@pytest.fixture(scope="module")
def sample_web() -> Iterator:
    """The embedded sample web, served on 127.0.0.1 for the module's tests."""
    from parkwatch.sampleweb.server import serve_sample_web

    web = serve_sample_web()
    yield web
    web.stop()
