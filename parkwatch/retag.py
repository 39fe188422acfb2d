"""Re-running the taggers over stored articles, after they changed: a new parkwatch (its rules, gazetteer or
programme list), or the user's ``parks.yaml`` or ``programmes.yaml``.

Mentions are replaced article by article (a batch per transaction); alerts are not recorded again — each watch's
high-water mark is past these articles, and a story alerts once per watch anyway.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from importlib import resources
from typing import Any

from parkwatch.mentions import ArticleText
from parkwatch.store import Store
from parkwatch.tagging import TAGGER_VERSION, disabled_plugins, make_manager, manager_for, plugin_infos, tag

BATCH = 200


def tagging_version(config: Any) -> str:
    """A hash of what tags depend on: the built-in taggers' version, the shipped gazetteers, programme list and
    models, the user's ``parks.yaml`` and ``programmes.yaml`` entries, the sites' own parks, and which tagger plugins run: the installed
    ones by distribution and version, the built-in ones disabled in ``settings.yaml``."""
    digest = hashlib.sha256(f"taggers {TAGGER_VERSION}\n".encode())
    disabled = disabled_plugins(config)
    for info in plugin_infos(make_manager(disabled), disabled):  # which plugins run; none needs configuring for that
        if info.origin != "built-in" and ("tag_article" in info.hooks or not info.enabled):
            digest.update(f"plugin {info.name} {info.origin}\n".encode())  # mytagger mytagger-dist 0.2
    for name in ("devzones_2018.csv", "zones.csv", "areas.csv", "cities.csv", "provinces.csv", "planning_regions.csv",
                 "programmes.csv", "park_model.json", "policy_model.json"):
        digest.update(resources.files("parkwatch").joinpath("data", name).read_bytes())
    digest.update(json.dumps(list(getattr(config, "parks", ()) or ()), ensure_ascii=False, sort_keys=True).encode())
    if getattr(config, "programmes", ()):  # a folder without programmes.yaml keeps the version it had
        digest.update(json.dumps(list(config.programmes), ensure_ascii=False).encode())
    own_parks = {s.name: s.park for s in getattr(config, "sites", ()) if s.park}
    if own_parks:  # a folder whose sites name no park of their own keeps the version it had
        digest.update(json.dumps(own_parks, ensure_ascii=False, sort_keys=True).encode())
    return digest.hexdigest()[:16]


def stored_version(store: Store) -> str | None:
    row = store.db.execute("SELECT value FROM meta WHERE key = 'tagging_version'").fetchone()
    return row[0] if row else None


def record_version(store: Store, version: str, *, only_if_unset: bool = False) -> None:
    """Store *version* as the taggers' version of the stored tags (kept as it is when *only_if_unset* and one is
    stored: a crawl into a database tagged with other taggers leaves that for ``retag`` to change)."""
    verb = "INSERT OR IGNORE" if only_if_unset else "INSERT OR REPLACE"
    with store.db.conn:
        store.db.execute(f"{verb} INTO meta (key, value) VALUES ('tagging_version', ?)", [version])


def retag(store: Store, config: Any, since: str | None = None, site: str | None = None,
          progress: Callable[[int, int], None] | None = None) -> int:
    """Tag the chosen articles (and their attachments) again; returns how many were re-tagged."""
    pm = manager_for(config)
    regions = {s.name: s.region for s in getattr(config, "sites", ())}
    own_parks = {s.name: s.park for s in getattr(config, "sites", ())}
    where = "WHERE coalesce(published_at, first_seen_at) >= ? AND (? IS NULL OR site = ?)"
    params = [since or "", site, site]
    total = store.db.execute(f"SELECT count(*) FROM articles {where}", params).fetchone()[0]
    done, last = 0, 0
    while True:
        rows = store.rows(f"SELECT rowid AS r, id, site, title, text FROM articles {where} AND rowid > ? "
                          "ORDER BY rowid LIMIT ?", [*params, last, BATCH])
        if not rows:
            break
        with store.db.conn:
            store.db.execute("BEGIN IMMEDIATE")
            for row in rows:
                region, park = regions.get(row["site"]), own_parks.get(row["site"])
                found = [m.as_dict() for m in tag(ArticleText(row["text"] or "", title=row["title"] or "", region=region,
                                                              id=row["id"], park=park), pm)]
                for attachment in store.rows("SELECT id, name, text FROM attachments WHERE article_id = ? AND text != ''",
                                             [row["id"]]):
                    found += [{**m.as_dict(), "attachment_id": attachment["id"]} for m in
                              tag(ArticleText(attachment["text"], title=attachment["name"] or "", region=region, park=park), pm)]
                store._replace_mentions(row["id"], found)
        done += len(rows)
        last = rows[-1]["r"]
        if progress:
            progress(done, total)
    record_version(store, tagging_version(config))
    return done
