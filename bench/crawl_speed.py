"""A crawl of a generated local web through parkwatch's whole pipeline, beside a bare Scrapy crawl of the same
web (the same spider, no item pipelines or extensions: fetching and link-following only).

    python bench/crawl_speed.py [--articles 5000] [--per-page 100] [--modes bare,full,inproc] [--eval-dir DIR]
                                [--json FILE]

Each crawl runs in a fresh process; its wall time, peak RSS and RSS as the stored articles grow are
reported, with the ratio between the two rates. Article texts are random runs of real news sentences from
../shared/eval (so that, as on a real site, articles are not near-copies of each other), each naming a park;
without the eval data they come from a few sentence templates.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

PARAGRAPHS = ["{park}今年新签约项目{n}个,总投资{m}亿元,涵盖电子信息、新材料等领域。",
              "{park}相关负责人表示,将持续优化营商环境,推动项目早落地、早投产。",
              "今年以来,园区规上工业增加值同比增长{r}%,新增高新技术企业{n}家。",
              "第{k}号文章:园区建成标准化厂房{n}万平方米,为企业提供“拎包入住”服务。"]
PARKS = ["绵阳高新区", "成都高新区", "德阳经开区", "宜宾三江新区", "西安高新区", "苏州工业园区"]


def sentence_pool(eval_dir: Path | None) -> list[str]:
    """Sentences of the human reference texts in ``eval/zh`` (10 to 120 characters); empty without them."""
    from parkwatch.evaluate import iter_sets

    if not eval_dir or not (eval_dir / "zh").is_dir():
        return []
    pool = []
    for _, cases in iter_sets(eval_dir, ["daniel_zh", "magic_html", "cwce"]):
        for case in cases:
            pool += [s for s in re.findall(r"[^。！？\n]+[。！？]", case.ref_text) if 10 <= len(s.strip()) <= 120]
    return pool


def paragraphs(k: int, park: str, pool: list[str], rng: random.Random) -> list[str]:
    if not pool:
        return [p.format(park=park, n=k % 90 + 2, m=k % 400 + 5, r=k % 17 + 3, k=k) for p in PARAGRAPHS]
    sentences = [s.strip() for s in rng.sample(pool, rng.randint(8, 16))]
    sentences[0] = f"{park}消息:{sentences[0]}"
    return ["".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]


def web(articles: int, per_page: int, pool: list[str] | None = None) -> dict[str, tuple[bytes, str]]:
    html = "text/html; charset=utf-8"
    rng = random.Random(1)
    pages: dict[str, tuple[bytes, str]] = {"/robots.txt": (b"User-agent: *\nDisallow:\n", "text/plain")}
    for k in range(articles):
        park = PARKS[k % len(PARKS)]
        body = "".join(f"<p>{p}</p>" for p in paragraphs(k, park, pool or [], rng))
        pages[f"/a/{k}.html"] = (f"<html><head><title>{park}新闻{k}</title></head><body><h1>{park}新闻{k}</h1>"
                                 f"<div class='info'>发布时间:2024-09-{k % 28 + 1:02d}</div>{body}</body></html>".encode(), html)
    lists = (articles + per_page - 1) // per_page
    for page in range(lists):
        links = "".join(f"<li><a href='/a/{k}.html'>新闻{k}</a></li>"
                        for k in range(page * per_page, min(articles, (page + 1) * per_page)))
        nav = f"<a href='/list_{page + 2}.html'>下一页</a>" if page + 1 < lists else ""
        pages[f"/list_{page + 1}.html"] = (f"<html><body><ul>{links}</ul>{nav}</body></html>".encode(), html)
    return pages


def rss_mb() -> float:
    """This process's resident set size now (Linux), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class RssSampler(threading.Thread):
    """Every *interval* seconds: elapsed time, RSS, and the number of stored articles (full crawls)."""

    def __init__(self, db: str, interval: float = 2.0) -> None:
        super().__init__(daemon=True)
        self.db, self.interval, self.samples, self.done = db, interval, [], threading.Event()
        self.start_time = time.perf_counter()

    def articles(self) -> int:
        try:
            with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=1) as conn:
                return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            return 0

    def run(self) -> None:
        while not self.done.wait(self.interval):
            self.samples.append((time.perf_counter() - self.start_time, rss_mb(), self.articles()))


def child(config: str, db: str, mode: str) -> None:
    """Run one crawl in this process and print its figures as JSON."""
    from parkwatch.cli import setup_logging
    from parkwatch.config import load_config
    from parkwatch.crawl import run_crawl

    setup_logging(verbose=False)  # as `parkwatch crawl` runs
    extra = {"ITEM_PIPELINES": {}, "EXTENSIONS": {}} if mode == "bare" else {}
    if mode == "inproc":  # the whole pipeline on the crawl's own process (workers: 0)
        extra["PARKWATCH_WORKERS"] = 0
    sampler = RssSampler(db)
    sampler.start()
    start = time.perf_counter()
    summary = run_crawl(load_config(config), Path(db), extra_settings=extra)
    elapsed = time.perf_counter() - start
    sampler.done.set()
    print(json.dumps({"seconds": elapsed, "pages": summary.totals.pages, "new": summary.totals.new,
                      "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                      "samples": sampler.samples}))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--per-page", type=int, default=100)
    parser.add_argument("--modes", default="bare,full", help="which crawls to run: bare (Scrapy alone), full (worker processes), inproc (workers: 0)")
    parser.add_argument("--eval-dir", help="where the sentences come from (default: ../shared/eval)")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--child", nargs=3, metavar=("CONFIG", "DB", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], args.child[1], args.child[2])
        return 0
    from parkwatch.evaluate import eval_dir as find_eval_dir
    from parkwatch.sampleweb.server import LocalWeb

    eval_dir = find_eval_dir(args.eval_dir)
    pool = sentence_pool(eval_dir)
    with tempfile.TemporaryDirectory() as folder, LocalWeb(["big"]) as local:
        local.publish({"big": web(args.articles, args.per_page, pool)})
        config = Path(folder) / "config"
        config.mkdir()
        pages = (args.articles + args.per_page - 1) // args.per_page
        site = {"name": "big", "start_urls": [f"{local.bases['big']}/list_1.html"], "allow": ["/a/"], "max_pages": pages}
        (config / "sites.yaml").write_text(yaml.safe_dump([site]), encoding="utf-8")
        (config / "settings.yaml").write_text(yaml.safe_dump({"delay": 0, "concurrency": 16}), encoding="utf-8")
        figures = {}
        print(f"local web of {args.articles:,} articles ({'eval sentences' if pool else 'templates'}) "
              f"on {local.bases['big']}", flush=True)
        for mode in args.modes.split(","):
            out = subprocess.run([sys.executable, __file__, "--child", str(config), f"{folder}/{mode}.db", mode],
                                 stdout=subprocess.PIPE, text=True, check=True)  # the crawl's log goes to stderr
            figures[mode] = json.loads(out.stdout.strip().splitlines()[-1])
            f = figures[mode]
            print(f"{mode:6} crawl: {f['pages']} pages in {f['seconds']:.1f} s = {f['pages'] / f['seconds']:.0f} pages/s, "
                  f"{f['new']} articles stored, peak RSS {f['rss_mb']:.0f} MB"
                  + (f" + {f['worker_rss_mb']:.0f} MB per worker" if mode == "full" else ""),
                  flush=True)
    for mode in ("full", "inproc"):
        if "bare" in figures and mode in figures:
            bare, f = figures["bare"], figures[mode]
            print(f"ratio: the {mode} pipeline crawls at "
                  f"{(f['pages'] / f['seconds']) / (bare['pages'] / bare['seconds']):.2f}x the bare Scrapy rate")
    if args.json:
        Path(args.json).write_text(json.dumps({"articles": args.articles, "sentences": bool(pool), **figures}),
                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
