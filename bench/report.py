"""bench/RESULTS.md from the figures of one ``bench/run.py`` run: a section per benchmark, ratios first."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime
from typing import Any


def render(results: dict[str, dict], machine: list[str], quick: bool, started: datetime, minutes: float,
           only: str | None = None) -> str:
    mode = "quick (small samples: figures are indicative only)" if quick else "full"
    command = f"python bench/run.py{' --quick' if quick else ''}{f' --only {only}' if only else ''}"
    lines = [
        "# Benchmark results",
        "",
        (f"Written by `{command}` " if only else f"Written by `{'make bench' if quick else 'make bench-full'}` (`{command}`) ")
        +
        f"on {started:%Y-%m-%d}; mode: {mode}; {minutes:.1f} min. Every figure below comes from this one run;",
        "each benchmark ran in its own process on the same machine, one after another.",
        "",
        "## Machine",
        "",
        *machine,
        "",
    ]
    for name, (title, section) in SECTIONS.items():
        if name not in results:
            continue
        result = results[name]
        lines += [f"## {title}", "", f"Command: `{result['command']}` ({result['seconds']:.0f} s)", ""]
        if result["status"] or result["figures"] is None:
            lines += [f"**Failed** (exit status {result['status']}); see the log of this run.", ""]
            continue
        lines += [*section(result["figures"]), ""]
    return "\n".join(lines).rstrip() + "\n"


def _num(value: float, digits: int = 3) -> str:
    return "–" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.{digits}f}"


def extraction(f: dict[str, Any]) -> list[str]:
    rows = f["rows"]
    limited = f", first {f['limit']} pages of each set" if f.get("limit") else ""
    out = [
        "Mean bag-of-tokens precision, recall and F1 per page against the human reference (a token is one Han",
        "character, one Latin run or one digit run); date accuracy is the share of pages with a reference date",
        "whose extracted date has the right day. On daniel_zh, whose references include the headline, every",
        "extractor is scored on headline + text. trafilatura runs with `with_metadata=True` (text, title, date);",
        "GNE and newspaper4k (told the set's language) get the page decoded to text. Pages/s: one process, one page at a",
        f"time{limited}.",
        "",
        "| set | extractor | pages | precision | recall | F1 | date accuracy | pages/s |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        date = "–" if not r["dated"] else _num(r["date_accuracy"], 2)
        f1 = f"**{_num(r['f1'])}**" if r["extractor"] == "parkwatch" else _num(r["f1"])
        out.append(f"| {r['set']} | {r['extractor']} | {r['pages']} | {_num(r['precision'])} | {_num(r['recall'])} | "
                   f"{f1} | {date} | {r['pages'] / r['seconds']:.1f} |")
    out += ["", "Ratios, per set: parkwatch's F1 minus the best other extractor's, and parkwatch's speed over trafilatura's;",
            "the last column is trafilatura's cheapest text call (`fast=True`, no metadata) over trafilatura with",
            "metadata: the most any pipeline that runs trafilatura's extraction once per page can reach.", ""]
    out += ["| set | F1 − best other (which) | speed ÷ trafilatura | trafilatura-fast ÷ trafilatura |", "|---|---|---|---|"]
    for set_name in dict.fromkeys(r["set"] for r in rows):
        mine = next((r for r in rows if r["set"] == set_name and r["extractor"] == "parkwatch"), None)
        others = [r for r in rows if r["set"] == set_name and r["extractor"] != "parkwatch"]
        traf = next((r for r in others if r["extractor"] == "trafilatura"), None)
        fast = next((r for r in others if r["extractor"] == "trafilatura-fast"), None)
        others = [r for r in others if r["extractor"] != "trafilatura-fast"]  # a ceiling, not an extractor users run
        if not mine or not others:
            continue
        best = max(others, key=lambda r: r["f1"])
        speed = (mine["pages"] / mine["seconds"]) / (traf["pages"] / traf["seconds"]) if traf else float("nan")
        ceiling = (fast["pages"] / fast["seconds"]) / (traf["pages"] / traf["seconds"]) if fast and traf else float("nan")
        out.append(f"| {set_name} | {mine['f1'] - best['f1']:+.3f} ({best['extractor']}) | {_num(speed, 2)}× | "
                   f"{_num(ceiling, 2)}× |")
    return out


def tagging(f: dict[str, Any]) -> list[str]:
    mb = f["bytes"] / 1e6
    return [
        f"{mb:.2f} MB of sample-web article text ({f['articles']:,} articles), tagged article by article with every",
        f"built-in plugin as the crawl does; {f['mentions']:,} mentions. Best of {f['repeat']}.",
        "",
        "| what | seconds | MB/s |",
        "|---|---|---|",
        f"| tagging, all built-in plugins | {f['tag_seconds']:.3f} | {mb / f['tag_seconds']:.2f} |",
        f"| floor: one Aho-Corasick pass of the park gazetteer | {f['floor_seconds']:.3f} | {mb / f['floor_seconds']:.2f} |",
        "",
        f"**Ratio: tagging takes {f['tag_seconds'] / f['floor_seconds']:.1f}× the floor.**",
    ]


def tagging_quality(f: dict[str, Any]) -> list[str]:
    out = [
        "Park and policy mentions against hand-labelled real news (`tests/files/tagging/`, labelled by",
        "`../shared/eval/tagging/GUIDELINE.md`), tagged as `parkwatch tag` sees plain text (no site region). *test* is",
        "the held-out split, never looked at while tuning; *dev* is what the tagger was tuned on. Exact: the labelled",
        "span; overlap: any overlap, one to one. *before*: the tagger of commit "
        f"{f.get('before_commit', '?')} on the same texts; *naive*: catalogue names + 高新区/经开区 short forms + a",
        "suffix regular expression, 《…》 for policies.",
        "",
        "| set | kind | before P / R | **parkwatch P / R** | overlap P / R | naive P / R (overlap) | negatives with a false park |",
        "|---|---|---|---|---|---|---|",
    ]
    before = {b["set"]: b for b in f.get("before", [])}
    for figures in f["sets"]:
        name = figures["set"].removesuffix(".jsonl")
        for kind in ("park", "policy"):
            now, lenient = figures[f"parkwatch/{kind}/exact"], figures[f"parkwatch/{kind}/overlap"]
            naive = figures[f"naive/{kind}/overlap"]
            old = before.get(figures["set"], {}).get(f"parkwatch/{kind}/exact")
            was = f"{old['precision']:.3f} / {old['recall']:.3f}" if old else "–"
            negatives = f"{now['negatives_with_parks']} of {figures['negatives']}" if kind == "park" else ""
            out.append(f"| {name} ({figures['texts']} texts) | {kind} | {was} | **{now['precision']:.3f} / "
                       f"{now['recall']:.3f}** | {lenient['precision']:.3f} / {lenient['recall']:.3f} | "
                       f"{naive['precision']:.3f} / {naive['recall']:.3f} | {negatives} |")
    return out


def tagging_pages(f: dict[str, Any]) -> list[str]:
    out = [
        f"Tags on {f['pages']} raw pages of ../shared/eval/zh ({', '.join(f['sets'])}): the parks, policies and places",
        "tagged in each extraction of the page as sent, against those tagged in the page's hand-made reference text (ids",
        "per page, as a watch sees them). A tag found only in the extraction is an alert the page's chrome set off.",
        "",
        "| kind | **parkwatch P / R** | trafilatura alone P / R |",
        "|---|---|---|",
    ]
    for kind in ("park", "policy", "region"):
        ours, theirs = f[f"parkwatch/{kind}"], f[f"trafilatura/{kind}"]
        out.append(f"| {kind} | **{ours['precision']:.3f} / {ours['recall']:.3f}** ({ours['fp']} false) | "
                   f"{theirs['precision']:.3f} / {theirs['recall']:.3f} ({theirs['fp']} false) |")
    out.append(f"| pages with a park or policy tag the reference lacks | **{f['parkwatch/pages_with_spurious']}** | "
               f"{f['trafilatura/pages_with_spurious']} |")
    return out


def tagging_agreement(f: dict[str, Any]) -> list[str]:
    out = [
        f"{f['texts']} texts of the dev set labelled a second time, independently, by the guideline "
        "(`tests/files/tagging/dev_second.jsonl.xz`); exact spans. The labellers' agreement is the ceiling a tagger",
        "can be measured to on such labels.",
        "",
        "| kind | second labeller vs first P / R | tagger vs first P / R | tagger vs second P / R |",
        "|---|---|---|---|",
    ]
    for kind in ("park", "policy"):
        cells = [f"{f[f'{who}/{kind}']['precision']:.3f} / {f[f'{who}/{kind}']['recall']:.3f}"
                 for who in ("second vs first", "tagger vs first", "tagger vs second")]
        out.append(f"| {kind} | " + " | ".join(cells) + " |")
    if "negatives" in f:
        stray = ", ".join(f"{who} {f[f'{who}/park']['negatives_with_parks']}"
                          for who in ("second vs first", "tagger vs first", "tagger vs second"))
        out += ["", f"Of the {f['negatives']} texts the first labelling marks not park news, those with a park span the "
                f"reference lacks: {stray}."]
    return out


def tagging_site_park(f: dict[str, Any]) -> list[str]:
    return [f"{f['texts']} dev texts whose {f['bare']} labelled bare zone words name one listed zone the text never names in",
            "full (a committee's own news), tagged as `parkwatch tag` sees them and as if from that zone's site (`park` in",
            "sites.yaml; the setting is given the right answer, so this is how far the mechanism reaches).",
            "",
            "| bare mentions tagged as the zone | without the site's park | with it | the site's mentions left unlabelled |",
            "|---|---|---|---|",
            f"| of {f['bare']} | {f['found_without']} | **{f['found_with_site_park']}** | {f['site_unlabelled']} |"]


def serve(f: dict[str, Any]) -> list[str]:
    out = [f"`parkwatch serve` on a database of {f['articles']:,} synthetic articles (bench/scale.py's, with a park",
           "mention and a story each), pages fetched through Datasette's in-process client:", "",
           "| page | median ms | worst ms |", "|---|---|---|"]
    out += [f"| {name} | {v['median_ms']:.1f} | {v['max_ms']:.1f} |" for name, v in f["pages"].items()]
    return out


def throughput(f: dict[str, Any]) -> list[str]:
    rates = f["pages_per_second"]
    floor, traf, full = (rates["lxml parse only (floor)"], rates["trafilatura alone"], rates["parkwatch full processing"])
    return [
        f"The same {f['pages']} pages ({f['source']}, {f['megabytes']:.1f} MB), one process on one core, best of "
        f"{f['repeat']}:",
        "",
        "| what | pages/s per core |",
        "|---|---|",
        f"| lxml parse only (the floor) | {floor:.1f} |",
        f"| trafilatura alone (`with_metadata=True`) | {traf:.1f} |",
        f"| parkwatch full processing: decode, extract, normalise, tag, store, cluster | {full:.1f} |",
        "",
        f"**Ratio: parkwatch's full processing runs at {full / traf:.2f}× trafilatura alone** "
        f"({full / floor:.3f}× the lxml floor). Peak RSS {f['rss_mb']:.0f} MB.",
    ]


def _rate(c: dict[str, Any]) -> float:
    return c["pages"] / c["seconds"]


def crawl(f: dict[str, Any]) -> list[str]:
    bare, full = f["bare"], f["full"]
    rows = [
        f"| bare Scrapy | {bare['pages']:,} | {bare['seconds']:.1f} s | {_rate(bare):.0f} | {bare['rss_mb']:.0f} MB |",
        f"| parkwatch, whole pipeline, worker processes ({full['new']:,} articles stored) | {full['pages']:,} | "
        f"{full['seconds']:.1f} s | {_rate(full):.0f} | {full['rss_mb']:.0f} MB"
        + (f" + {full['worker_rss_mb']:.0f} MB per worker" if full.get("worker_rss_mb") else "") + " |",
    ]
    if "inproc" in f:
        inproc = f["inproc"]
        rows.append(f"| parkwatch, whole pipeline, `workers: 0` ({inproc['new']:,} stored) | {inproc['pages']:,} | "
                    f"{inproc['seconds']:.1f} s | {_rate(inproc):.0f} | {inproc['rss_mb']:.0f} MB |")
    return [
        f"A generated web of {f['articles']:,} articles and their list pages on 127.0.0.1 "
        f"({'texts: random runs of real news sentences from eval/zh' if f['sentences'] else 'texts from templates'}),"
        " crawled with concurrency 16 and no delay, each crawl in a fresh process. Bare Scrapy is the same spider",
        "with no item pipelines or extensions: fetching and link-following only. Worker processes: one per core.",
        "",
        "| crawl | pages | time | pages/s | peak RSS |",
        "|---|---|---|---|---|",
        *rows,
        "",
        f"**Ratio: the whole pipeline crawls at {_rate(full) / _rate(bare):.2f}× the bare Scrapy rate**"
        + (f" ({_rate(f['inproc']) / _rate(bare):.2f}× with `workers: 0`)." if "inproc" in f else ".")
        + " On a local",
        "web nothing waits on the network, so this is the processing cost; real sites are crawled with per-site",
        "delays of a second or more, far below either rate.",
    ]


def scale(f: dict[str, Any]) -> list[str]:
    return [
        f"{f['articles']:,} synthetic park-news articles from sentence templates in the real schema (FTS5 trigram index",
        "and its triggers), batches of 5,000 per transaction as a long crawl commits them.",
        "",
        f"Queries: {f['queries']} of each kind, these {len(f['terms'])} in turn: {', '.join(f['terms'])}.",
        "",
        "| what | figure |",
        "|---|---|",
        f"| insert {f['inserted']:,} articles | {f['insert_seconds']:.0f} s = {f['inserted'] / f['insert_seconds']:,.0f} "
        f"articles/s; database {f['database_bytes'] / 1e9:.2f} GB |",
        f"| full-text query, 20 most relevant (bm25) | p50 {f['p50_ms']['relevance']:.1f} ms, "
        f"p95 {f['p95_ms']['relevance']:.1f} ms |",
        f"| full-text query, 20 most recently stored (`search --recent`) | p50 {f['p50_ms']['recent']:.1f} ms, "
        f"p95 {f['p95_ms']['recent']:.1f} ms |",
        f"| matching one day ({f['day_articles']:,} articles) against {f['watches']} watches | "
        f"{f['match_seconds']:.2f} s, {f['matches']:,} matches |",
        f"| peak RSS | {f['rss_mb']:.0f} MB |",
    ]


def long_crawl(f: dict[str, Any]) -> list[str]:
    full = f["full"]
    samples = full.get("samples") or []
    out = [
        f"The whole pipeline over a generated local web of {f['articles']:,} articles (as above), RSS sampled every",
        f"2 s: {full['pages']:,} pages in {full['seconds'] / 60:.1f} min ({_rate(full):.0f} pages/s), "
        f"{full['new']:,} articles stored, **peak RSS {full['rss_mb']:.0f} MB**"
        + (f" for the crawl process, plus {full['worker_rss_mb']:.0f} MB peak for each worker process."
           if full.get("worker_rss_mb") else "."),
        "",
        "| articles stored | minutes | RSS |",
        "|---|---|---|",
    ]
    shown = set()
    for share in (0.01, 0.1, 0.25, 0.5, 0.75, 0.9):
        sample = next((s for s in samples if s[2] >= share * f["articles"]), None)
        if sample and sample[2] not in shown:
            shown.add(sample[2])
            out.append(f"| {sample[2]:,} | {sample[0] / 60:.1f} | {sample[1]:.0f} MB |")
    if samples:
        out.append(f"| {samples[-1][2]:,} (last sample) | {samples[-1][0] / 60:.1f} | {samples[-1][1]:.0f} MB |")
    return out


def fuzz(f: dict[str, Any]) -> list[str]:
    return [
        f"{f['count']:,} mutated saved pages and random byte strings (seed {f['seed']}) through decoding, extraction and",
        f"tagging in {f['seconds']:.0f} s: **{f['exceptions']} exceptions**; slowest input {f['slowest_ms']:.0f} ms.",
    ]


def stories(f: dict[str, Any]) -> list[str]:
    ratio = f["datasketch_ms_per_text"] / f["parkwatch_ms_per_text"]
    return [
        f"Story signatures of {f['texts']:,} generated articles ({f['mean_chars']:.0f} characters on average): the",
        "vectorised shingle hashing and blocked MinHash against datasketch's documented use (`update_batch` of the",
        "UTF-8 shingles, SHA-1 each); then the in-memory signature index filled with random signatures.",
        "",
        "| what | figure |",
        "|---|---|",
        f"| signature, datasketch per shingle | {f['datasketch_ms_per_text']:.3f} ms a text |",
        f"| signature, parkwatch | {f['parkwatch_ms_per_text']:.3f} ms a text (**{ratio:.1f}× faster**) |",
        f"| index of {f['index_articles']:,} articles | {f['index_bytes_per_article']:.0f} B an article "
        f"(peak {f['index_peak_bytes_per_article']:.0f} B while merging) |",
        f"| add one / query one | {f['index_add_us']:.0f} µs / {f['query_ms']:.2f} ms |",
    ]


def daemon(f: dict[str, Any]) -> list[str]:
    seconds = f["interval_s"]
    interval = f"{seconds / 3600:g}-hour" if seconds >= 3600 else f"{seconds / 60:g}-minute" if seconds >= 60 \
        else f"{seconds:g}-second"
    return [
        f"`parkwatch run` with {f['sites']:,} sites on a local web (one list page and its article pages each), every",
        f"site on a {interval} interval, {f['parallel_crawls']} crawl processes of up to "
        f"{f['sites_per_crawl']} sites; run until every site's first crawl finished.",
        "",
        "| what | figure |",
        "|---|---|",
        f"| sites crawled within their interval | **{f['on_time']:,} of {f['sites']:,}** |",
        f"| lateness (finish − due), median / max | {f['median_lateness_s']:.0f} s / {f['max_lateness_s']:.0f} s |",
        f"| crawl processes started | {f['crawl_processes']:,} |",
        f"| articles stored | {f['articles_stored']:,} |",
        f"| peak RSS, the daemon and all its processes together | **{f['peak_rss_mb']:.0f} MB** |",
    ]


SECTIONS: dict[str, tuple[str, Callable[[dict[str, Any]], list[str]]]] = {
    "extraction": ("1. Extraction quality and speed (../shared/eval)", extraction),
    "throughput": ("2a. Processing throughput, per core", throughput),
    "crawl": ("2b. Crawl: whole pipeline against bare Scrapy", crawl),
    "scale": ("3a. Scale: a large database", scale),
    "long_crawl": ("3b. Scale: memory during a long crawl", long_crawl),
    "tagging_quality": ("Tagging quality on labelled real news", tagging_quality),
    "tagging_pages": ("Tags on raw pages, against their reference text", tagging_pages),
    "tagging_agreement": ("Agreement between two labellers, beside the tagger", tagging_agreement),
    "tagging_site_park": ("A committee site's own park, on dev", tagging_site_park),
    "serve": ("The web view on a large database", serve),
    "tagging": ("Tagging speed", tagging),
    "fuzz": ("Hostile input", fuzz),
    "stories": ("Story signatures and their index", stories),
    "daemon": ("One daemon for thousands of sites", daemon),
}
