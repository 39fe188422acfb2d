"""What the training scripts of the learned second looks share: their options and their checks."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parkwatch.extract.repair import pinyin_artifact_spans, without_spans  # noqa: E402
from parkwatch.mentions import ArticleText  # noqa: E402
from parkwatch.tag_eval import _trimmed  # noqa: E402

Span = tuple[int, int]


def training_parser(doc: str, model: str) -> argparse.ArgumentParser:
    """Options every training script takes: ``--set`` (the labelled dev split) and ``--out`` (the model file *model*
    in ``parkwatch/data``)."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--set", default=str(ROOT / "tests/files/tagging/dev.jsonl.xz"), help="labelled dev split")
    parser.add_argument("--out", default=str(ROOT / "parkwatch/data" / model), help="where to write the model")
    return parser


def checked(parser: argparse.ArgumentParser, argv: list[str] | None) -> tuple[argparse.Namespace, Any, Any]:
    """The parsed options, with scikit-learn's ``DictVectorizer`` and ``LogisticRegression``; a clear error for a
    held-out split given to train on, or scikit-learn missing."""
    args = parser.parse_args(argv)
    if "test" in Path(args.set).name:
        parser.error("train on the dev split, never the held-out test split")
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        parser.error("training needs scikit-learn: pip install scikit-learn")
    return args, DictVectorizer, LogisticRegression


def fitted_weights(vectorizer: Any, regression: Any, x: list[dict[str, float]], y: list[int], c: float) -> tuple[dict[str, float], float]:
    """A logistic regression (inverse regularisation *c*) fitted on all of *x*: its named weights of at least 0.01,
    sorted, and its intercept, rounded to four places as the shipped files keep them."""
    vectors = vectorizer()
    fitted = regression(C=c, max_iter=3000).fit(vectors.fit_transform(x), y)
    weights = {name: round(float(w), 4) for name, w in zip(vectors.get_feature_names_out(), fitted.coef_[0], strict=True)
               if abs(w) >= 0.01}
    return dict(sorted(weights.items())), round(float(fitted.intercept_[0]), 4)


def write_model(path: str, payload: dict[str, Any]) -> None:
    """Write the model *payload* as the JSON file *path* and say so."""
    Path(path).write_text(json.dumps(payload, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {path}: {len(payload['weights'])} weights")


def prepared(record: dict[str, Any], kind: str) -> tuple[ArticleText, set[Span], Callable[[int, int], Span]]:
    """*record*'s text as ``tagging.tag`` gives it to the plugins (without pinyin artifacts), its labelled spans of
    *kind* (``parks``, ``policies``) and a function from a span of that text to the span scoring compares."""
    artifacts = pinyin_artifact_spans(record["text"])
    gold = {_trimmed((g["start"], g["end"]), artifacts) for g in record[kind]}
    repaired, index = without_spans(record["text"], artifacts) if artifacts else (record["text"], None)

    def span_of(start: int, end: int) -> Span:
        return _trimmed((index[start], index[end]) if index else (start, end), artifacts)

    return ArticleText(repaired), gold, span_of
