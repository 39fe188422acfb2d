"""``parkwatch run`` with thousands of sites on a local web: is every site crawled within its interval, and how much
memory do all parkwatch processes take together?

    python bench/daemon.py [--sites 2000] [--interval 1h] [--articles 3] [--parallel-crawls 4]
                           [--sites-per-crawl 25] [--eval-dir DIR] [--json FILE]

One local HTTP server serves every site (``/sNNNN/list.html`` linking ``--articles`` article pages of real news
sentences from ../shared/eval). The daemon runs with those sites on an interval schedule until every site's first
crawl has finished (or 1.5 intervals have passed). For each site, the lateness of its crawl is its finish time
minus the time it fell due (the daemon's start plus its place in the spread of first crawls); a site is *on time*
when that is under the interval. The RSS of the daemon and all its descendants is summed every second; the peak
is reported.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from crawl_speed import PARKS, paragraphs, sentence_pool  # noqa: E402

from parkwatch.config import parse_schedule  # noqa: E402


class SiteHandler(BaseHTTPRequestHandler):
    """``/sNNNN/list.html`` and ``/sNNNN/a/K.html``, made from the path (nothing held in memory)."""

    pool: list[str] = []
    articles = 3

    def do_GET(self) -> None:  # noqa: N802
        parts = self.path.strip("/").split("/")
        if self.path == "/robots.txt":
            return self._send(b"User-agent: *\nDisallow:\n", "text/plain")
        if len(parts) == 2 and parts[1] == "list.html":
            links = "".join(f"<li><a href='/{parts[0]}/a/{k}.html'>新闻{k}</a></li>" for k in range(self.articles))
            return self._send(f"<html><body><ul>{links}</ul></body></html>".encode())
        if len(parts) == 3 and parts[1] == "a":
            number = int(parts[0][1:]) * 100 + int(parts[2].split(".")[0])
            rng, park = random.Random(number), PARKS[number % len(PARKS)]
            body = "".join(f"<p>{p}</p>" for p in paragraphs(number, park, self.pool, rng))
            return self._send(f"<html><head><title>{park}新闻{number}</title></head><body><h1>{park}新闻{number}</h1>"
                              f"<div>发布时间:2024-09-{number % 28 + 1:02d}</div>{body}</body></html>".encode())
        self.send_error(404)

    def _send(self, body: bytes, kind: str = "text/html; charset=utf-8") -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def tree_rss_mb(root: int) -> float:
    """The summed RSS of *root* and all its descendants (Linux /proc), in MB."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in stat.read_text().splitlines() if ":" in line)
        except OSError:
            continue
        pid = int(stat.parent.name)
        children.setdefault(int(fields.get("PPid", "0").strip()), []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0])
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total / 1024


def finished(db: Path) -> dict[str, str]:
    """Each site's first finished crawl's finish time."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return dict(conn.execute("SELECT site, min(finished_at) FROM crawls WHERE finished_at IS NOT NULL "
                                     "GROUP BY site").fetchall())
    except sqlite3.Error:
        return {}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sites", type=int, default=2000)
    parser.add_argument("--interval", default="1h", help="every site's schedule (e.g. 1h, 10m)")
    parser.add_argument("--articles", type=int, default=3, help="article pages a site links from its list page")
    parser.add_argument("--parallel-crawls", type=int, default=4)
    parser.add_argument("--sites-per-crawl", type=int, default=25)
    parser.add_argument("--eval-dir", help="where the sentences come from (default: ../shared/eval)")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--log", help="keep the daemon's log in this file")
    args = parser.parse_args(argv)
    from parkwatch.evaluate import eval_dir as find_eval_dir
    from parkwatch.scheduler import stagger

    interval = parse_schedule(args.interval).interval
    assert interval is not None, "--interval: an interval such as 1h or 10m"
    eval_dir = find_eval_dir(args.eval_dir)
    SiteHandler.pool, SiteHandler.articles = sentence_pool(eval_dir), args.articles
    server = ThreadingHTTPServer(("127.0.0.1", 0), SiteHandler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    names = [f"s{n:04d}" for n in range(args.sites)]
    with tempfile.TemporaryDirectory() as folder:
        config, db = Path(folder) / "config", Path(folder) / "p.db"
        config.mkdir()
        sites = [{"name": name, "start_urls": [f"{base}/{name}/list.html"], "allow": [f"/{name}/a/"],
                  "schedule": args.interval} for name in names]
        (config / "sites.yaml").write_text(yaml.safe_dump(sites), encoding="utf-8")
        (config / "settings.yaml").write_text(yaml.safe_dump({
            "delay": 0, "concurrency": 4, "timeout": 30, "obey_robots": False, "crawl_timeout": args.interval,
            "parallel_crawls": args.parallel_crawls, "sites_per_crawl": args.sites_per_crawl}), encoding="utf-8")
        from parkwatch.config import load_config

        spread = [stagger(n, len(names), site) for n, site in enumerate(load_config(config).sites)]
        log = open(Path(folder) / "run.log", "wb")  # noqa: SIM115 (open for the daemon's whole run)
        started = datetime.now().astimezone()
        daemon = subprocess.Popen([sys.executable, "-m", "parkwatch.cli", "--config", str(config), "--db", str(db),
                                   "run"], stdout=log, stderr=subprocess.STDOUT)
        peak, deadline = 0.0, time.monotonic() + 1.5 * interval.total_seconds()
        print(f"{args.sites} sites every {args.interval} on {base}; first crawls spread over "
              f"{spread[-1].total_seconds():.0f} s", flush=True)
        done: dict[str, str] = {}
        try:
            while time.monotonic() < deadline and len(done) < len(names) and daemon.poll() is None:
                peak = max(peak, tree_rss_mb(daemon.pid))
                time.sleep(1)
                if int(time.monotonic()) % 30 == 0:
                    done = finished(db)
                    print(f"  {len(done):,} of {len(names):,} sites crawled; peak RSS {peak:.0f} MB", flush=True)
                done = finished(db) if int(time.monotonic()) % 5 == 0 else done
        finally:
            daemon.terminate()
            daemon.wait(timeout=300)
            log.close()
        done = finished(db)
        run_log = (Path(folder) / "run.log").read_text(encoding="utf-8", errors="replace")
        processes = run_log.count(": starting")
        if args.log:
            Path(args.log).write_text(run_log, encoding="utf-8")
        with sqlite3.connect(db) as conn:
            stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    server.shutdown()
    lateness = []
    for name, offset in zip(names, spread, strict=True):
        if name in done:
            finish = datetime.fromisoformat(done[name])
            lateness.append((finish - (started + offset)).total_seconds())
    on_time = sum(1 for late in lateness if late < interval.total_seconds())
    figures = {"sites": args.sites, "interval_s": interval.total_seconds(), "crawled": len(done), "on_time": on_time,
               "max_lateness_s": max(lateness, default=float("nan")),
               "median_lateness_s": sorted(lateness)[len(lateness) // 2] if lateness else float("nan"),
               "peak_rss_mb": peak, "crawl_processes": processes, "articles_stored": stored,
               "parallel_crawls": args.parallel_crawls, "sites_per_crawl": args.sites_per_crawl}
    print(f"{on_time:,} of {args.sites:,} sites crawled within their {args.interval} interval "
          f"(lateness median {figures['median_lateness_s']:.0f} s, max {figures['max_lateness_s']:.0f} s); "
          f"{processes} crawl processes, {stored:,} articles stored; peak RSS of all parkwatch processes {peak:.0f} MB")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0  # late sites are a figure, not a failure of the benchmark


if __name__ == "__main__":
    sys.exit(main())
