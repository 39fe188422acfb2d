"""Train the park mentions' second look (``plugins/park_model.py``) on the labelled dev split.

    pip install scikit-learn   # training only; tagging needs nothing beyond parkwatch
    python bench/train_park_model.py [--set tests/files/tagging/dev.jsonl.xz] [--out parkwatch/data/park_model.json]

Rows: every park mention the rules find (label: a labelled span exactly) and every span they pass over
(``candidates``). A logistic regression (scikit-learn, C=0.5) over ``features``; a span is kept or added when the
model finds it more likely labelled than not (both thresholds 0.5). Five-fold cross-validation over texts (never a
text's spans on both sides) gives the figures printed, and, with ``--grid``, those of other thresholds.
Prints the cross-validated figures beside the rules alone. The held-out test split is never read.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from loguru import logger  # noqa: E402
from training import checked, fitted_weights, prepared, training_parser, write_model  # noqa: E402

from parkwatch.tag_eval import load  # noqa: E402
from plugins.park_model import Found, ParkModel, alternatives, candidates, features  # noqa: E402
from plugins.parks import park_mentions  # noqa: E402

GRID = [round(0.1 * i, 1) for i in range(2, 9)]


def rows(records: list[dict[str, Any]]) -> tuple[list[tuple[str, dict[str, float], int, bool, tuple[int, int]]], int]:
    """(text id, features, labelled?, found by the rules?, span) per span, and the number of labelled parks."""
    out, labelled = [], 0
    for number, record in enumerate(records, start=1):
        article, gold, span_of = prepared(record, "parks")
        labelled += len(gold)

        def labelled_span(start: int, end: int) -> int:
            return int(span_of(start, end) in gold)  # noqa: B023

        found = park_mentions(article, model=None)
        rules = Found.of(article, found)
        for m in found:
            f = features(article, m.start, m.end, str(m.attrs.get("source")), True, rules)
            out.append((record["id"], f, labelled_span(m.start, m.end), True, (m.start, m.end)))
        for start, end, f in candidates(article, found, rules):
            out.append((record["id"], f, labelled_span(start, end), False, (start, end)))
        for start, end, f, _ in alternatives(article, found, rules):
            out.append((record["id"], f, labelled_span(start, end), None, (start, end)))
        if number % 200 == 0:
            logger.info("{} of {} texts", number, len(records))
    return out, labelled


def figures(data: list, probabilities: list[float], labelled: int, keep: float, add: float) -> tuple[float, float, float]:
    """Precision, recall and F1 of exact spans when, as ``second_look`` does, found spans ≥ *keep* are kept, an
    alternative span (found None) ≥ *add* replaces the kept spans it nests with when likelier than each, and
    passed-over spans ≥ *add* are added, the likeliest first, where they overlap nothing taken."""
    tp = fp = 0
    by_text: dict[str, list] = {}
    for row, p in zip(data, probabilities, strict=True):
        by_text.setdefault(row[0], []).append((row, p))
    for spans in by_text.values():
        chosen = {span: (label, p) for (_, _, label, found, span), p in spans if found and p >= keep}
        for (_, _, label, found, (start, end)), p in sorted(spans, key=lambda x: -x[1]):
            if found is not None or p < add:
                continue
            overlapped = [s for s in chosen if s[0] < end and start < s[1]]
            if all((start <= s and e <= end) or (s <= start and end <= e) for s, e in overlapped) \
                    and all(chosen[s][1] < p for s in overlapped):
                for s in overlapped:
                    del chosen[s]
                chosen[(start, end)] = (label, p)
        taken = list(chosen)
        tp += sum(label for label, _ in chosen.values())
        fp += sum(1 - label for label, _ in chosen.values())
        for (_, _, label, found, (start, end)), p in sorted(spans, key=lambda x: -x[1]):
            if found is False and p >= add and not any(s < end and start < e for s, e in taken):
                taken.append((start, end))
                tp, fp = tp + label, fp + 1 - label
    precision, recall = tp / max(1, tp + fp), tp / max(1, labelled)
    return precision, recall, 2 * precision * recall / max(1e-9, precision + recall)


def main(argv: list[str] | None = None) -> int:
    parser = training_parser(__doc__, "park_model.json")
    parser.add_argument("--grid", action="store_true", help="also print the cross-validated figures of other thresholds")
    parser.add_argument("--without-alternatives", action="store_true",
                        help="leave out the found mentions' alternative spans (for a side-by-side comparison)")
    args, DictVectorizer, LogisticRegression = checked(parser, argv)
    from sklearn.model_selection import GroupKFold
    records = load(args.set)
    data, labelled = rows(records)
    if args.without_alternatives:
        data = [row for row in data if row[3] is not None]
    groups, x, y = [r[0] for r in data], [r[1] for r in data], [r[2] for r in data]
    logger.info("{} spans ({} found by the rules) from {} labelled parks", len(data), sum(r[3] is True for r in data), labelled)
    cv = [0.0] * len(data)
    for train, held in GroupKFold(5).split(x, y, groups):
        vectors = DictVectorizer()
        fitted = LogisticRegression(C=0.5, max_iter=3000).fit(vectors.fit_transform([x[i] for i in train]), [y[i] for i in train])
        for i, p in zip(held, fitted.predict_proba(vectors.transform([x[i] for i in held]))[:, 1], strict=True):
            cv[i] = float(p)
    rules = figures(data, [1.0 if r[3] else 0.0 for r in data], labelled, 0.5, 0.5)
    if args.grid:
        for keep_, add_ in itertools.product(GRID, GRID):
            print(f"keep ≥ {keep_}, add ≥ {add_}: P {{:.3f}}  R {{:.3f}}  F1 {{:.3f}}".format(*figures(data, cv, labelled, keep_, add_)))
    keep = add = 0.5  # kept or added when more likely labelled than not; the grid above is for reading only
    print(f"rules alone            P {rules[0]:.3f}  R {rules[1]:.3f}  F1 {rules[2]:.3f}")
    best = figures(data, cv, labelled, keep, add)
    print(f"with the model (5-fold) P {best[0]:.3f}  R {best[1]:.3f}  F1 {best[2]:.3f}  keep ≥ {keep}, add ≥ {add}")
    weights, intercept = fitted_weights(DictVectorizer, LogisticRegression, x, y, 0.5)
    model = ParkModel(weights, intercept, keep, add)
    write_model(args.out, {"trained_on": Path(args.set).name, "texts": len(records), "spans": len(data), **model.to_dict()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
