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

import random
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from loguru import logger  # noqa: E402
from training import checked, fitted_weights, prepared, training_parser, write_model  # noqa: E402

from parkwatch.tag_eval import load  # noqa: E402
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
        article, gold, span_of = prepared(record, "policies")
        labelled += len(gold)
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
    args, DictVectorizer, LogisticRegression = checked(training_parser(__doc__, "policy_model.json"), argv)
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
    weights, intercept = fitted_weights(DictVectorizer, LogisticRegression, x, y, C)
    model = PolicyModel(weights, intercept, ADD)
    write_model(args.out, {"trained_on": Path(args.set).name, "texts": len(records), "names": len(data), **model.to_dict()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
