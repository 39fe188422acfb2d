"""The tagging benchmarks refuse to mix one checkout's engine with another checkout's plugins."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from parkwatch.tagging import foreign_plugins

ROOT = Path(__file__).resolve().parents[1]


def test_the_plugins_belong_to_the_engine_imported() -> None:
    assert foreign_plugins() is None


def test_an_older_checkout_on_the_path_is_refused(tmp_path: Path) -> None:
    # A checkout holding the engine package alone, put first on PYTHONPATH: the editable install still maps
    # parkwatch.plugins to this checkout's plugins/, so its figures would be this checkout's rules.
    shutil.copytree(ROOT / "parkwatch", tmp_path / "parkwatch", ignore=shutil.ignore_patterns("__pycache__", "data"))
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    check = subprocess.run([sys.executable, "-c", "from parkwatch.tagging import foreign_plugins; print(foreign_plugins())"],
                           capture_output=True, text=True, env=env, cwd=tmp_path, check=True)
    assert f"imported from {(tmp_path / 'parkwatch').resolve()}" in check.stdout
    assert f"built-in plugins from {(ROOT / 'plugins').resolve()}" in check.stdout
    bench = subprocess.run([sys.executable, str(ROOT / "bench" / "tagging_speed.py"), "--megabytes", "0.01"],
                           capture_output=True, text=True, env=env, cwd=tmp_path)
    assert bench.returncode == 2
    assert "built-in plugins from" in bench.stderr
    assert "MB" not in bench.stdout  # nothing measured


def test_the_speed_bench_tags_the_same_in_worker_processes(tmp_path: Path) -> None:
    out = tmp_path / "speed.json"
    subprocess.run([sys.executable, str(ROOT / "bench" / "tagging_speed.py"), "--megabytes", "0.02", "--repeat", "1",
                    "--workers", "2", "--json", str(out)], capture_output=True, text=True, cwd=ROOT, check=True)
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["workers"] == 2 and len(figures["pool_runs"]) == 1 and figures["pool_seconds"] > 0
    assert figures["pool_mentions"] == figures["mentions"] > 0
