"""Extraction quality and speed on ../shared/eval: parkwatch beside trafilatura, readability-lxml, GNE, newspaper4k.

    python bench/extraction_quality.py [--eval-dir ../shared/eval] [--sets daniel_zh,magic_html,cwce]
                                       [--limit N] [--markdown FILE] [--json FILE]

Every figure comes from one run, all extractors on the same pages. Skips with a message when the
evaluation data is absent; an extractor that is not installed (``pip install -e '.[bench]'``) is left out
with a message. Where a set's references include the headline (daniel_zh), every extractor
is scored on its headline plus its text.
"""

from __future__ import annotations

import argparse
import functools
import json
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from statistics import mean

from parkwatch.evaluate import Case, iter_sets, prf, read_case
from parkwatch.evaluate import eval_dir as find_eval_dir
from parkwatch.extract import extract_article
from parkwatch.extract.dates import day_of, parse_date
from parkwatch.extract.decode import decode_html

ALL_SETS = ["daniel_zh", "magic_html", "cwce", "general_scrapinghub_aeb"]


# newspaper4k must be told the language (its default is English); the other extractors find out themselves.
SET_LANGUAGE = {"general_scrapinghub_aeb": "en"}

# Sets whose references include the headline: every extractor is scored on headline + text there.
HEADLINE_SETS = {"daniel_zh"}


def run_parkwatch(data: bytes, url: str | None) -> tuple[str, str | None, str | None]:
    article = extract_article(data, url or "http://example.invalid/")
    return article.text, article.published_at, article.title


def run_trafilatura(data: bytes, url: str | None) -> tuple[str, str | None, str | None]:
    """trafilatura as a user runs it for text, title and date (``with_metadata=True``)."""
    import trafilatura

    doc = trafilatura.bare_extraction(data, url=url, with_metadata=True)
    if doc is None:
        return "", None, None
    return doc.text or "", doc.date, doc.title


def run_trafilatura_fast(data: bytes, url: str | None) -> tuple[str, str | None, str | None]:
    """trafilatura's cheapest text call: main text only (``fast=True``: no readability/jusText fallback, no
    metadata). Its speed is the ceiling of any pipeline that runs trafilatura's extraction once per page."""
    import trafilatura

    doc = trafilatura.bare_extraction(data, url=url, with_metadata=False, fast=True)
    if doc is None:
        return "", None, None
    return doc.text or "", None, None


def run_readability(data: bytes, url: str | None) -> tuple[str, str | None, str | None]:
    from readability import Document

    from parkwatch.extract.html import block_text, parse_html

    text, _ = decode_html(data)
    try:
        document = Document(text, url=url)
        summary, title = document.summary(html_partial=True), document.short_title()
    except Exception:
        return "", None, None
    tree = parse_html(summary)
    return (block_text(tree) if tree is not None else ""), None, title


def run_gne(data: bytes, url: str | None) -> tuple[str, str | None, str | None]:
    """GNE (GeneralNewsExtractor) on the decoded page, as its README shows."""
    from gne import GeneralNewsExtractor

    text, _ = decode_html(data)
    try:
        result = GeneralNewsExtractor().extract(text)
    except Exception:  # GNE raises on pages it cannot read (no body, bare fragments)
        return "", None, None
    return result.get("content") or "", result.get("publish_time") or None, result.get("title")


def run_newspaper4k(data: bytes, url: str | None, language: str = "zh") -> tuple[str, str | None, str | None]:
    """newspaper4k in the set's language (Chinese: its jieba tokenizer), on the given bytes: nothing is downloaded."""
    import newspaper

    _offline_tldextract()
    article = newspaper.Article(url or "http://example.invalid/", language=language, fetch_images=False)
    article.download(input_html=decode_html(data)[0])
    article.parse()
    published = article.publish_date.isoformat() if article.publish_date else None
    return article.text or "", published, article.title


def _offline_tldextract() -> None:
    """newspaper4k calls tldextract, which would fetch the public-suffix list: use the bundled snapshot."""
    from tldextract import tldextract

    if tldextract.TLD_EXTRACTOR.suffix_list_urls:
        tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


EXTRACTORS: dict[str, Callable[[bytes, str | None], tuple[str, str | None, str | None]]] = {
    "parkwatch": run_parkwatch,
    "trafilatura": run_trafilatura,
    "trafilatura-fast": run_trafilatura_fast,
    "readability": run_readability,
    "gne": run_gne,
    "newspaper4k": run_newspaper4k,
}

# The import each optional extractor needs (parkwatch and trafilatura are dependencies of the project).
OPTIONAL_MODULES = {"readability": "readability", "gne": "gne", "newspaper4k": "newspaper"}


def available(names: list[str]) -> list[str]:
    """The extractors among ``names`` that can run here; the others are reported and left out."""
    import importlib.util

    found = []
    for name in names:
        module = OPTIONAL_MODULES.get(name)
        if module and importlib.util.find_spec(module) is None:
            print(f"left out: {name} is not installed (pip install -e '.[bench]')", file=sys.stderr)
        else:
            found.append(name)
    return found


def score_set(cases: list[Case], name: str, extractor: Callable, headline: bool = False) -> dict[str, float]:
    ps, rs, fs, date_hits, date_total, seconds = [], [], [], 0, 0, 0.0
    if cases:  # warm up: one-time imports and caches are not per-page cost
        extractor(read_case(cases[0]), cases[0].url)
    for case in cases:
        data = read_case(case)
        start = time.perf_counter()
        try:
            text, published, title = extractor(data, case.url)
        except Exception as exc:  # a crash scores zero, and is reported
            print(f"  {name} failed on {case.id}: {exc!r}", file=sys.stderr)
            text, published, title = "", None, None
        if headline:
            text = f"{title or ''}\n{text}"
        seconds += time.perf_counter() - start
        p, r, f = prf(text, case.ref_text)
        ps.append(p)
        rs.append(r)
        fs.append(f)
        if case.ref_date:
            date_total += 1
            date_hits += day_of(parse_date(published or "") or published) == case.ref_date
    return {
        "precision": mean(ps), "recall": mean(rs), "f1": mean(fs),
        "date_accuracy": date_hits / date_total if date_total else float("nan"),
        "dated": date_total, "seconds": seconds, "pages": len(cases),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval-dir", help="the eval folder (default: ../shared/eval or $PARKWATCH_SHARED/eval)")
    parser.add_argument("--sets", default=",".join(ALL_SETS))
    parser.add_argument("--extractors", default=",".join(EXTRACTORS))
    parser.add_argument("--limit", type=int, default=0, help="first N pages of each set (0: all)")
    parser.add_argument("--markdown", help="also write the table to this file")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    eval_dir = find_eval_dir(args.eval_dir)
    if not eval_dir.is_dir():
        print(f"skipped: no evaluation data at {eval_dir} (pass --eval-dir)")
        return 0
    rows = []
    extractors = available(args.extractors.split(","))
    for set_name, cases in iter_sets(eval_dir, args.sets.split(",")):
        cases = cases[: args.limit] if args.limit else cases
        for extractor in extractors:
            function = EXTRACTORS[extractor]
            if extractor == "newspaper4k":
                function = functools.partial(run_newspaper4k, language=SET_LANGUAGE.get(set_name, "zh"))
            result = score_set(cases, extractor, function, headline=set_name in HEADLINE_SETS)
            rows.append((set_name, extractor, result))
            print(
                f"{set_name:24} {extractor:12} P={result['precision']:.3f} R={result['recall']:.3f} "
                f"F1={result['f1']:.3f} date={result['date_accuracy']:.2f} ({result['dated']} dated) "
                f"{result['pages'] / result['seconds']:.1f} pages/s",
                flush=True,
            )
    table = [
        f"Machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}",
        "",
        "| set | extractor | precision | recall | F1 | date accuracy | pages/s |",
        "|---|---|---|---|---|---|---|",
    ]
    for set_name, extractor, r in rows:
        table.append(
            f"| {set_name} | {extractor} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | "
            f"{'–' if r['dated'] == 0 else format(r['date_accuracy'], '.2f')} | {r['pages'] / r['seconds']:.1f} |"
        )
    if args.json:
        Path(args.json).write_text(json.dumps({"limit": args.limit, "rows": [
            {"set": set_name, "extractor": extractor, **result} for set_name, extractor, result in rows]}),
            encoding="utf-8")
    if args.markdown:
        Path(args.markdown).write_text("\n".join(table) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
