"""Run every benchmark in one go and write bench/RESULTS.md: the machine, then each figure beside its baseline.

    python bench/run.py [--quick] [--out FILE] [--eval-dir ../shared/eval] [--only NAMES] [--keep DIR]

``--quick`` (what ``make bench`` and CI run) takes about a minute on small samples and writes
bench/RESULTS-quick.md (not committed); the full run (``make bench-full``) takes about two and a half hours (the
2,000-site daemon alone runs one hour) and writes
bench/RESULTS.md. Each benchmark runs in its own process, so each peak RSS is its own. A
benchmark that crashes is reported in the file and makes the exit status 1; slow figures never do.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent

# name -> arguments for (quick, full)
PLAN: dict[str, tuple[list[str], list[str]]] = {
    "extraction": (["extraction_quality.py", "--limit", "8"], ["extraction_quality.py"]),
    "tagging": (["tagging_speed.py", "--megabytes", "0.2", "--repeat", "1"], ["tagging_speed.py", "--megabytes", "1"]),
    "tagging_quality": (["tagging_quality.py"], ["tagging_quality.py"]),
    "tagging_pages": (["tagging_on_pages.py", "--limit", "20"], ["tagging_on_pages.py"]),
    "tagging_agreement": (["tagging_agreement.py"], ["tagging_agreement.py"]),
    "tagging_site_park": (["tagging_site_park.py"], ["tagging_site_park.py"]),
    "serve": (["serve_speed.py", "--articles", "20000"], ["serve_speed.py", "--articles", "1000000"]),
    "throughput": (["throughput.py", "--pages", "30", "--repeat", "1"], ["throughput.py", "--pages", "300"]),
    "crawl": (["crawl_speed.py", "--articles", "300", "--modes", "bare,full,inproc"],
              ["crawl_speed.py", "--articles", "5000", "--modes", "bare,full,inproc"]),
    "scale": (["scale.py", "--articles", "20000", "--queries", "20"], ["scale.py", "--articles", "1000000", "--queries", "100"]),
    "long_crawl": (["crawl_speed.py", "--articles", "1000", "--modes", "full"],
                   ["crawl_speed.py", "--articles", "100000", "--modes", "full"]),
    "fuzz": (["fuzz_inputs.py", "--count", "200"], ["fuzz_inputs.py", "--count", "10000"]),
    "stories": (["story_index.py", "--articles", "20000", "--texts", "300"], ["story_index.py", "--articles", "100000"]),
    "daemon": (["daemon.py", "--sites", "30", "--interval", "30s"], ["daemon.py", "--sites", "2000", "--interval", "1h"]),
}
EVAL_USERS = {"extraction", "tagging_pages", "throughput", "crawl", "long_crawl", "stories", "daemon"}
PACKAGES = ["scrapy", "trafilatura", "lxml", "readability-lxml", "gne", "newspaper4k", "datasketch", "ahocorasick-rs",
            "opencc"]


def machine() -> list[str]:
    """What the figures were measured on."""
    cpu = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines()
                if line.startswith("model name")), platform.processor() or platform.machine())
    mem_kb = next((int(line.split()[1]) for line in _read("/proc/meminfo").splitlines() if line.startswith("MemTotal")), 0)
    versions = []
    for package in PACKAGES:
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} (not installed)")
    return [f"- CPU: {cpu}, {os.cpu_count()} cores; memory {mem_kb / 1024 / 1024:.1f} GiB",
            f"- System: {platform.platform()}; Python {platform.python_version()}; SQLite {sqlite3.sqlite_version}",
            f"- Packages: {', '.join(versions)}"]


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def run_one(name: str, arguments: list[str], workdir: Path, eval_dir: str | None) -> dict:
    """Run one benchmark script; its figures (``--json``), command, exit status and wall time."""
    out = workdir / f"{name}.json"
    command = [*arguments, "--json", str(out)]
    if eval_dir and name in EVAL_USERS:
        command += ["--eval-dir", eval_dir]
    shown = "python bench/" + " ".join(arguments)
    print(f"[{name}] {shown}", flush=True)
    started = time.perf_counter()
    log = workdir / f"{name}.log"
    with log.open("w") as stderr:
        status = subprocess.run([sys.executable, str(HERE / command[0]), *command[1:]], stderr=stderr).returncode
    seconds = time.perf_counter() - started
    figures = json.loads(out.read_text()) if out.exists() else None
    if status or figures is None:
        tail = log.read_text(errors="replace").strip().splitlines()[-5:]
        print(f"[{name}] FAILED (exit {status}): " + " | ".join(tail), flush=True)
    print(f"[{name}] {seconds:.0f} s", flush=True)
    return {"command": shown, "status": status, "seconds": seconds, "figures": figures}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small samples, a couple of minutes")
    parser.add_argument("--out", help="default: bench/RESULTS.md, or bench/RESULTS-quick.md with --quick")
    parser.add_argument("--eval-dir", help="../shared/eval by default")
    parser.add_argument("--only", help="comma-separated benchmarks to run (default: all)")
    parser.add_argument("--keep", help="keep each benchmark's JSON and log in this folder (kept anyway on failure)")
    args = parser.parse_args(argv)
    names = args.only.split(",") if args.only else list(PLAN)
    workdir = Path(args.keep or tempfile.mkdtemp(prefix="parkwatch-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    results = {name: run_one(name, PLAN[name][0 if args.quick else 1], workdir, args.eval_dir) for name in names}
    from report import render  # bench/report.py: the Markdown for each benchmark's figures

    text = render(results, machine(), quick=args.quick, started=datetime.now(UTC),
                  minutes=(time.perf_counter() - started) / 60, only=args.only)
    out = Path(args.out or HERE / ("RESULTS-quick.md" if args.quick else "RESULTS.md"))
    out.write_text(text, encoding="utf-8")
    failed = [name for name, result in results.items() if result["status"] or result["figures"] is None]
    if not failed and not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)  # a failed run keeps its logs
    print(f"wrote {out} in {(time.perf_counter() - started) / 60:.1f} min"
          + (f"; FAILED: {', '.join(failed)} (logs in {workdir})" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
