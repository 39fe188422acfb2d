"""Regions plugin: provinces, cities and counties (2023 statistical codes) with their short forms.

Full names always count; a county's short form (北川 for 北川羌族自治县) counts when its city or
province is also named in the article, or the site's region is in it, so everyday words stay untagged.
"""

from __future__ import annotations

from parkwatch.gazetteer import Region, regions
from parkwatch.hookspecs import hookimpl
from parkwatch.mentions import ArticleText, Mention


def region_mentions(article: ArticleText) -> list[Mention]:
    index = regions()
    found = index.find(article.simplified)
    # a county's short form needs its city named in the article (or to be the site's region)
    context_codes = {c.code for _, _, key, cands in found for c in cands if c.level == "city" and len(cands) == 1}
    context_codes |= {r.code for r in index.lookup(article.region or "")}
    mentions = []
    for start, end, key, cands in found:
        region = _choose(cands, key, context_codes)
        if region is None:
            continue
        mentions.append(Mention("region", article.text[start:end], start, end, region.name, region.code,
                                attrs={"level": region.level}))
    return mentions


def _choose(cands: list[Region], key: str, context: set[str]) -> Region | None:
    full = [c for c in cands if c.name == key]
    if len(full) == 1:
        return full[0]
    confirmed = [c for c in cands if c.code in context or (c.city and c.city in context)]
    pool = confirmed or [c for c in cands if c.level != "county"]
    if not pool:
        return None
    best_level = min({"province": 0, "city": 1, "county": 2}[c.level] for c in pool)
    best = [c for c in pool if {"province": 0, "city": 1, "county": 2}[c.level] == best_level]
    return best[0] if len(best) == 1 else None


@hookimpl
def tag_article(article: ArticleText) -> list[Mention]:
    return region_mentions(article)


@hookimpl
def plugin_info() -> dict[str, str]:
    return {"name": "regions", "description": "provinces, cities and counties with short forms (statistical codes)"}
