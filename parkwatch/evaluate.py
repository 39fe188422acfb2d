"""Scoring extraction against human references (bag-of-tokens precision/recall/F1, date accuracy).

A token is one Han character, one run of Latin letters or one run of digits; whitespace and
punctuation do not count. References are compared in their own script.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_TOKEN_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[A-Za-z]+|\d+")
SHARED_ENV = "PARKWATCH_SHARED"


def tokens(text: str) -> Counter[str]:
    return Counter(t.lower() for t in _TOKEN_RE.findall(text or ""))


def prf(predicted: str, reference: str) -> tuple[float, float, float]:
    """Bag-of-tokens precision, recall and F1 of *predicted* against *reference*."""
    p, r = tokens(predicted), tokens(reference)
    common = sum((p & r).values())
    if not p and not r:
        return 1.0, 1.0, 1.0
    precision = common / sum(p.values()) if p else 0.0
    recall = common / sum(r.values()) if r else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass(frozen=True)
class Case:
    """One evaluation page."""

    id: str
    path: Path
    url: str | None
    ref_text: str
    ref_date: str | None


def shared_dir(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """``../shared`` beside the checkout, or ``$PARKWATCH_SHARED``; ``None`` when absent."""
    candidates = [explicit, os.environ.get(SHARED_ENV), Path(__file__).resolve().parents[2] / "shared",
                  Path.cwd().parent / "shared"]
    for candidate in candidates:
        if candidate and Path(candidate, "eval").is_dir():
            return Path(candidate)
    return None


def eval_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The evaluation folder: *explicit* (a benchmark's ``--eval-dir``), else ``shared_dir()/eval``; a path that does not
    exist when neither is there, for the caller to report."""
    return Path(explicit) if explicit else (shared_dir() or Path("-")) / "eval"


def zh_cases(eval_dir: Path, name: str) -> list[Case]:
    """Cases of ``eval/zh/<name>.json``."""
    base = eval_dir / "zh"
    data = json.loads((base / f"{name}.json").read_text(encoding="utf-8"))
    return [Case(c["id"], base / c["html"], c.get("url"), c["ref_text"], c.get("ref_date")) for c in data]


def aeb_cases(eval_dir: Path) -> list[Case]:
    """Cases of the mostly English ``general_scrapinghub_aeb`` set."""
    base = eval_dir / "general_scrapinghub_aeb"
    truth = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    cases = []
    for key, value in sorted(truth.items()):
        path = base / "html" / f"{key}.html.gz"
        if not path.exists():
            path = base / "html" / f"{key}.html"
        if path.exists():
            cases.append(Case(key, path, value.get("url"), value.get("articleBody") or "", None))
    return cases


def read_case(case: Case) -> bytes:
    data = case.path.read_bytes()
    if case.path.suffix == ".gz":
        import gzip

        data = gzip.decompress(data)
    return data


def iter_sets(eval_dir: Path, names: list[str]) -> Iterator[tuple[str, list[Case]]]:
    for name in names:
        if name == "general_scrapinghub_aeb":
            yield name, aeb_cases(eval_dir)
        else:
            yield name, zh_cases(eval_dir, name)
