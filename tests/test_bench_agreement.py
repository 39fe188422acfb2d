"""bench/tagging_agreement.py counts the first labelling's negatives in which the second labeller or the tagger puts a
park the reference lacks, on the first labelling's judgement of which texts are negatives."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _bench():
    spec = importlib.util.spec_from_file_location("tagging_agreement", ROOT / "bench" / "tagging_agreement.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _park(text: str, surface: str) -> dict:
    start = text.index(surface)
    return {"surface": surface, "start": start, "end": start + len(surface), "canonical": surface}


def test_negatives_with_a_park_the_reference_lacks_are_counted_each_way() -> None:
    school = "新建的实验小学位于绵阳高新区,今年秋季开学。"
    news = "绵阳高新区今年签约项目30个。"
    clinic = "社区卫生服务站搬到了德阳经开区。"
    first = [{"id": "s", "text": school, "is_park_news": False, "parks": [], "policies": []},
             {"id": "n", "text": news, "is_park_news": True, "parks": [_park(news, "绵阳高新区")], "policies": []},
             {"id": "c", "text": clinic, "is_park_news": False, "parks": [], "policies": []}]
    second = [{"id": "s", "text": school, "is_park_news": True, "parks": [_park(school, "绵阳高新区")], "policies": []},
              {"id": "n", "text": news, "is_park_news": True, "parks": [_park(news, "绵阳高新区")], "policies": []},
              {"id": "c", "text": clinic, "is_park_news": True, "parks": [], "policies": []}]
    figures = _bench().agreement(first, second)
    assert figures["negatives"] == 2  # the first labelling's judgement, though the second calls both park news
    assert figures["second vs first/park"]["negatives_with_parks"] == 1
    assert figures["tagger vs first/park"]["negatives_with_parks"] == 2  # the tagger finds the zones the first left out
    assert figures["tagger vs second/park"]["negatives_with_parks"] == 1  # the clinic's zone, which neither labelled
