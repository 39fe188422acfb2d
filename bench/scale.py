"""Scale: a database of N synthetic articles (default 1,000,000) — insert rate, full-text query latency, and
matching a day's articles against 100 watches.

    python bench/scale.py [--articles 1000000] [--db PATH] [--queries 200] [--json FILE]

Articles are generated from park-news sentence templates with the real schema (FTS5 trigram index and its
triggers included); inserts go in batches of 5,000 per transaction, as a long crawl would commit them.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from parkwatch.alerts.outbox import match_article
from parkwatch.alerts.watches import Watch
from parkwatch.extract.normalize import simplify
from parkwatch.store import Store

PARKS = ["绵阳高新区", "成都高新区", "德阳经开区", "宜宾三江新区", "内江高新区", "遂宁经开区", "西安高新区", "苏州工业园区",
         "合肥高新区", "武汉东湖高新区", "张江高新区", "广州开发区"]
SENTENCES = ["{p}今年新签约项目{n}个,总投资{m}亿元。", "{p}规上工业增加值同比增长{r}%。", "{f}在{p}投资建设的项目开工。",
             "{p}发布《关于支持{k}产业发展的若干政策》。", "园区新增高新技术企业{n}家,{k}产业集群加快成形。",
             "{p}管委会表示,将推动项目早落地、早投产。"]
FIRMS = ["京东方", "长虹", "比亚迪", "宁德时代", "通威", "东方电气"]
INDUSTRIES = ["新型显示", "动力电池", "集成电路", "生物医药", "航空航天", "新材料"]


def article(rng: random.Random, number: int, day: date) -> dict:
    park = rng.choice(PARKS)
    text = "".join(rng.choice(SENTENCES).format(p=park, n=rng.randint(2, 90), m=rng.randint(5, 400),
                                                 r=rng.randint(3, 20), f=rng.choice(FIRMS), k=rng.choice(INDUSTRIES))
                   for _ in range(rng.randint(4, 8)))
    return {"id": f"{number:016x}", "url": f"http://bench.example.cn/{number}.html", "site": f"s{number % 50}",
            "title": f"{park}新闻{number}", "title_simplified": f"{park}新闻{number}", "text": text,
            "text_simplified": simplify(text), "published_at": day.isoformat(), "fetched_at": day.isoformat(),
            "first_seen_at": day.isoformat(), "updated_at": day.isoformat(), "story_id": number}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--db")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    folder = tempfile.mkdtemp(prefix="parkwatch-scale-")
    db = Path(args.db or Path(folder) / "scale.db")
    store = Store(db)
    rng = random.Random(1)
    start_day = date(2024, 1, 1)
    per_day = max(1, args.articles // 365)
    started = time.perf_counter()
    batch: list[dict] = []
    existing = store.article_count()
    if existing:  # --db of an earlier run: measure queries and matching on it
        print(f"  reusing {existing:,} articles in {db}")
    for number in range(existing, args.articles):
        batch.append(article(rng, number, start_day + timedelta(days=number // per_day)))
        if len(batch) == 5000 or number == args.articles - 1:
            with store.db.conn:
                store.db["articles"].insert_all(batch, batch_size=5000)
            batch = []
            if (number + 1) % 100_000 == 0:
                print(f"  {number + 1:,} articles, {(number + 1) / (time.perf_counter() - started):,.0f}/s", flush=True)
    insert_seconds = max(time.perf_counter() - started, 1e-9)
    terms = ["绵阳高新区", "动力电池", "若干政策", "宁德时代", "高新区 签约", "集成电路产业", "总投资", "苏州工业园区"]
    latencies: dict[str, list[float]] = {"relevance": [], "recent": []}
    for order, times in latencies.items():
        for index in range(args.queries):
            begin = time.perf_counter()
            store.search(terms[index % len(terms)], limit=20, recent=order == "recent")
            times.append((time.perf_counter() - begin) * 1000)
        times.sort()
    day = (start_day + timedelta(days=max(0, (args.articles - 1) // per_day - 1))).isoformat()  # a full day
    day_rows = store.rows("SELECT id, site, title, title_simplified, text_simplified FROM articles WHERE published_at = ?",
                           [day])
    watches = [Watch(name=f"w{n}", keywords=(rng.choice(INDUSTRIES),), parks=(rng.choice(PARKS),), match="all")
               for n in range(100)]
    begin = time.perf_counter()
    matches = 0
    for row in day_rows:  # each synthetic article names one park, as its park mention would
        park = row["title"].split("新闻")[0]
        mentions = [{"kind": "park", "entity_id": park, "canonical": park, "surface": park}]
        matches += sum(1 for w in watches if match_article(w, row, mentions))
    match_seconds = time.perf_counter() - begin
    print(f"database {db.stat().st_size / 1e9:.2f} GB")
    inserted = args.articles - existing
    print(f"insert: {inserted:,} articles in {insert_seconds:.0f} s = {inserted / insert_seconds:,.0f} articles/s "
          f"(FTS5 trigram index maintained)")
    for order, times in latencies.items():
        print(f"full-text query, {order} first: p50 {statistics.median(times):.1f} ms, "
              f"p95 {times[int(len(times) * 0.95)]:.1f} ms over {args.queries} queries")
    print(f"matching one day ({len(day_rows):,} articles) against 100 watches: {match_seconds:.2f} s, {matches} matches")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {rss:.0f} MB")
    if args.json:
        Path(args.json).write_text(json.dumps({
            "articles": args.articles, "inserted": inserted, "insert_seconds": insert_seconds,
            "database_bytes": db.stat().st_size, "queries": args.queries, "terms": terms,
            "p50_ms": {order: statistics.median(times) for order, times in latencies.items()},
            "p95_ms": {order: times[int(len(times) * 0.95)] for order, times in latencies.items()},
            "day": day, "day_articles": len(day_rows), "watches": len(watches), "match_seconds": match_seconds,
            "matches": matches, "rss_mb": rss}), encoding="utf-8")
    store.close()
    if not args.db:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
