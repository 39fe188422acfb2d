"""A crawl of a generated local web through parkwatch's whole pipeline, beside a bare Scrapy crawl of the same
web (the same spider, no item pipelines or extensions: fetching and link-following only).

    python bench/crawl_speed.py [--articles 5000] [--per-page 100]

Each crawl runs in a fresh process; its wall time and peak RSS are reported, with the ratio between them.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

PARAGRAPHS = ["{park}今年新签约项目{n}个,总投资{m}亿元,涵盖电子信息、新材料等领域。",
              "{park}相关负责人表示,将持续优化营商环境,推动项目早落地、早投产。",
              "今年以来,园区规上工业增加值同比增长{r}%,新增高新技术企业{n}家。",
              "第{k}号文章:园区建成标准化厂房{n}万平方米,为企业提供“拎包入住”服务。"]
PARKS = ["绵阳高新区", "成都高新区", "德阳经开区", "宜宾三江新区", "西安高新区", "苏州工业园区"]


def web(articles: int, per_page: int) -> dict[str, tuple[bytes, str]]:
    html = "text/html; charset=utf-8"
    pages: dict[str, tuple[bytes, str]] = {"/robots.txt": (b"User-agent: *\nDisallow:\n", "text/plain")}
    for k in range(articles):
        park = PARKS[k % len(PARKS)]
        body = "".join("<p>" + p.format(park=park, n=k % 90 + 2, m=k % 400 + 5, r=k % 17 + 3, k=k) + "</p>"
                       for p in PARAGRAPHS)
        pages[f"/a/{k}.html"] = (f"<html><head><title>{park}新闻{k}</title></head><body><h1>{park}新闻{k}</h1>"
                                 f"<div class='info'>发布时间:2024-09-{k % 28 + 1:02d}</div>{body}</body></html>".encode(), html)
    lists = (articles + per_page - 1) // per_page
    for page in range(lists):
        links = "".join(f"<li><a href='/a/{k}.html'>新闻{k}</a></li>"
                        for k in range(page * per_page, min(articles, (page + 1) * per_page)))
        nav = f"<a href='/list_{page + 2}.html'>下一页</a>" if page + 1 < lists else ""
        pages[f"/list_{page + 1}.html"] = (f"<html><body><ul>{links}</ul>{nav}</body></html>".encode(), html)
    return pages


def child(config: str, db: str, bare: bool) -> None:
    """Run one crawl in this process and print its figures as JSON."""
    from parkwatch.config import load_config
    from parkwatch.crawl import run_crawl

    extra = {"ITEM_PIPELINES": {}, "EXTENSIONS": {}} if bare else {}
    start = time.perf_counter()
    summary = run_crawl(load_config(config), Path(db), extra_settings=extra)
    elapsed = time.perf_counter() - start
    print(json.dumps({"seconds": elapsed, "pages": summary.totals.pages, "new": summary.totals.new,
                      "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--per-page", type=int, default=100)
    parser.add_argument("--child", nargs=3, metavar=("CONFIG", "DB", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], args.child[1], args.child[2] == "bare")
        return 0
    from parkwatch.sampleweb.server import LocalWeb

    with tempfile.TemporaryDirectory() as folder, LocalWeb(["big"]) as local:
        local.publish({"big": web(args.articles, args.per_page)})
        config = Path(folder) / "config"
        config.mkdir()
        pages = (args.articles + args.per_page - 1) // args.per_page
        site = {"name": "big", "start_urls": [f"{local.bases['big']}/list_1.html"], "allow": ["/a/"], "max_pages": pages}
        (config / "sites.yaml").write_text(yaml.safe_dump([site]), encoding="utf-8")
        (config / "settings.yaml").write_text(yaml.safe_dump({"delay": 0, "concurrency": 16}), encoding="utf-8")
        figures = {}
        for mode in ("bare", "full"):
            out = subprocess.run([sys.executable, __file__, "--child", str(config), f"{folder}/{mode}.db", mode],
                                 capture_output=True, text=True, check=True)
            figures[mode] = json.loads(out.stdout.strip().splitlines()[-1])
            f = figures[mode]
            print(f"{mode:5} crawl: {f['pages']} pages in {f['seconds']:.1f} s = {f['pages'] / f['seconds']:.0f} pages/s, "
                  f"{f['new']} articles stored, peak RSS {f['rss_mb']:.0f} MB", flush=True)
    bare, full = figures["bare"], figures["full"]
    print(f"machine: {platform.machine()}, Python {platform.python_version()}; local web of {args.articles} articles")
    print(f"ratio: the full pipeline crawls at {(full['pages'] / full['seconds']) / (bare['pages'] / bare['seconds']):.2f}x "
          f"the bare Scrapy rate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
