"""Train the policies' second look at quoted names (``plugins/policy_model.py``) on the labelled dev split.

    pip install scikit-learn   # training only; tagging needs nothing beyond parkwatch
    python bench/train_policy_model.py [--set tests/files/tagging/dev.jsonl.xz] [--out parkwatch/data/policy_model.json]

Rows: every quoted name the policy rules pass over (label: a labelled policy span exactly). A logistic
regression (scikit-learn, C=1) over ``features``; a name is added when the model gives it at least 0.5.
Cross-validation holds out whole labelling rounds (five folds over the rounds, the id's letters): each round's
texts are scored by a model that saw none of them, as new text would be. Prints the policies' figures on the
split with the rules alone and with the model. The held-out test split is never read.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from loguru import logger  # noqa: E402

from parkwatch.extract.repair import pinyin_artifact_spans, without_spans  # noqa: E402
from parkwatch.mentions import ArticleText  # noqa: E402
from parkwatch.tag_eval import _trimmed, load  # noqa: E402
from plugins.policies import policy_mentions  # noqa: E402
from plugins.policy_model import PolicyModel, candidates  # noqa: E402

C = 1.0
ADD = 0.5
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)


def rows(records: list[dict[str, Any]]) -> tuple[list[tuple[str, list[str], int]], int, int, int]:
    """(round, features, labelled?) per quoted name the rules pass over; labelled policies, the rules' right and
    wrong mentions."""
    out, labelled, right, wrong = [], 0, 0, 0
    for number, record in enumerate(records, start=1):
        artifacts = pinyin_artifact_spans(record["text"])
        gold = {_trimmed((g["start"], g["end"]), artifacts) for g in record["policies"]}
        labelled += len(gold)
        # As ``tagging.tag`` gives it to the plugin: without pinyin artifacts, offsets mapped back for scoring.
        repaired, index = without_spans(record["text"], artifacts) if artifacts else (record["text"], None)
        article = ArticleText(repaired)

        def span_of(start: int, end: int) -> tuple[int, int]:
            return _trimmed((index[start], index[end]) if index else (start, end), artifacts)  # noqa: B023

        found = policy_mentions(article)
        hits = sum(span_of(m.start, m.end) in gold for m in found)
        right, wrong = right + hits, wrong + len(found) - hits
        group = re.match(r"[a-z]+", record["id"]).group(0)
        for start, end, names in candidates(article, found):
            out.append((group, names, int(span_of(start, end) in gold)))
        if number % 500 == 0:
            logger.info("{} of {} texts", number, len(records))
    return out, labelled, right, wrong


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", default=str(ROOT / "tests/files/tagging/dev.jsonl.xz"), help="labelled dev split")
    parser.add_argument("--out", default=str(ROOT / "parkwatch/data/policy_model.json"), help="where to write the model")
    args = parser.parse_args(argv)
    if "test" in Path(args.set).name:
        parser.error("train on the dev split, never the held-out test split")
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        parser.error("training needs scikit-learn: pip install scikit-learn")
    records = load(args.set)
    data, labelled, right, wrong = rows(records)
    x, y = [dict.fromkeys(r[1], 1.0) for r in data], [r[2] for r in data]
    rounds = sorted({r[0] for r in data})
    random.Random(0).shuffle(rounds)
    folds = [set(rounds[i::5]) for i in range(5)]
    logger.info("{} quoted names the rules pass over ({} labelled), {} rounds", len(data), sum(y), len(rounds))
    cv = [0.0] * len(data)
    for fold in folds:
        train = [i for i, r in enumerate(data) if r[0] not in fold]
        held = [i for i, r in enumerate(data) if r[0] in fold]
        vectors = DictVectorizer()
        fitted = LogisticRegression(C=C, max_iter=3000).fit(vectors.fit_transform([x[i] for i in train]), [y[i] for i in train])
        for i, p in zip(held, fitted.predict_proba(vectors.transform([x[i] for i in held]))[:, 1], strict=True):
            cv[i] = float(p)
    print(f"rules alone                  P {right / max(1, right + wrong):.3f}  R {right / max(1, labelled):.3f}"
          f"  ({right} labelled, {wrong} not, of {labelled})")
    for threshold in THRESHOLDS:
        tp = sum(label for label, p in zip(y, cv, strict=True) if p >= threshold)
        fp = sum(1 - label for label, p in zip(y, cv, strict=True) if p >= threshold)
        mark = "  <- shipped" if threshold == ADD else ""
        print(f"with the model, add ≥ {threshold} P {(right + tp) / max(1, right + wrong + tp + fp):.3f}"
              f"  R {(right + tp) / max(1, labelled):.3f}  (+{tp} labelled, +{fp} not; rounds held out){mark}")
    vectors = DictVectorizer()
    fitted = LogisticRegression(C=C, max_iter=3000).fit(vectors.fit_transform(x), y)
    weights = {name: round(float(w), 4) for name, w in zip(vectors.get_feature_names_out(), fitted.coef_[0], strict=True)
               if abs(w) >= 0.01}
    model = PolicyModel(dict(sorted(weights.items())), round(float(fitted.intercept_[0]), 4), ADD)
    payload = {"trained_on": Path(args.set).name, "texts": len(records), "names": len(data), **model.to_dict()}
    Path(args.out).write_text(json.dumps(payload, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(weights)} weights")
    return 0


if __name__ == "__main__":
    sys.exit(main())
