"""Site health, Spidermon-style: is each site still yielding articles, with their fields, without being blocked?

From the ``crawls`` table: per site, the last crawl against the average of the ones before it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from statistics import mean
from typing import Any

from parkwatch.store import Store

HISTORY = 5


@dataclass
class SiteHealth:
    site: str
    crawls: int
    found: int = 0
    found_average: float | None = None
    error_rate: float = 0.0
    blocked: int = 0
    coverage: dict[str, float] = field(default_factory=dict)
    coverage_before: dict[str, float] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _numbers(row: dict[str, Any]) -> dict[str, Any]:
    stats = json.loads(row.get("stats") or "{}")
    found = sum(stats.get(k, 0) for k in ("parkwatch/articles_new", "parkwatch/articles_updated",
                                          "parkwatch/articles_unchanged", "parkwatch/skipped_known"))
    extracted = stats.get("parkwatch/extracted", 0)
    coverage = {f: stats.get(f"parkwatch/field_{f}", 0) / extracted for f in ("title", "date", "body")} if extracted else {}
    errors = stats.get("parkwatch/errors", 0)
    attempted = errors + extracted + stats.get("parkwatch/not_articles", 0)  # pages we tried to get
    return {"found": found, "coverage": coverage, "blocked": stats.get("parkwatch/blocked", 0),
            "unmatched": stats.get("parkwatch/list_links_unmatched", 0),
            "challenged": stats.get("parkwatch/blocked_challenge", 0),
            "error_rate": errors / attempted if attempted else 0.0}


def _pages(count: int) -> str:
    return f"{count} page" if count == 1 else f"{count} pages"


def site_health(store: Store, site: str) -> SiteHealth | None:
    rows = store.rows("SELECT * FROM crawls WHERE site = ? AND finished_at IS NOT NULL ORDER BY id DESC LIMIT ?",
                       [site, HISTORY + 1])
    if not rows:
        return None
    last, before = _numbers(rows[0]), [_numbers(r) for r in rows[1:]]
    health = SiteHealth(site, len(rows), last["found"], error_rate=last["error_rate"], blocked=last["blocked"],
                        coverage=last["coverage"])
    if before:
        health.found_average = mean(b["found"] for b in before)
        with_fields = [b["coverage"] for b in before if b["coverage"]]
        if with_fields:
            health.coverage_before = {f: mean(c.get(f, 0) for c in with_fields) for f in ("title", "date", "body")}
    if health.found == 0 and last["unmatched"]:
        health.problems.append(f"list pages had {last['unmatched']} links and none matched allow: check sites.yaml "
                               f"(parkwatch sites check {site})")
    if health.found == 0 and (health.found_average or 0) > 0:
        health.problems.append(f"fell silent: no articles found (recent average {health.found_average:.1f})")
    for name, share in health.coverage.items():
        earlier = health.coverage_before.get(name)
        if earlier is not None and earlier - share >= 0.3:
            health.problems.append(f"lost field '{name}': {share:.0%} of pages (was {earlier:.0%}); markup changed?")
    if last["challenged"]:
        health.problems.append(f"blocked by a challenge (JavaScript or captcha, as WAFs send) on {_pages(last['challenged'])}"
                               ": the site is up but answers a script, not the page")
    if health.blocked - last["challenged"] > 0:
        health.problems.append(f"blocked: access denied on {_pages(health.blocked - last['challenged'])}")
    if health.error_rate >= 0.5:
        health.problems.append(f"errors on {health.error_rate:.0%} of the pages it tried to get")
    return health


def all_health(store: Store) -> list[SiteHealth]:
    sites = [r[0] for r in store.db.execute("SELECT DISTINCT site FROM crawls ORDER BY site")]
    return [h for h in (site_health(store, s) for s in sites) if h is not None]


def alert_on_health(store: Store, watches: Any, site: str) -> int:
    """Record a health alert for *site*'s last crawl when it shows problems, and send unsent ones through the
    ``health`` channels of ``watches.yaml``. Returns how many messages went out."""
    from loguru import logger

    from parkwatch.alerts.channels import DeliveryError, send_text
    from parkwatch.store import utc_now

    health = site_health(store, site)
    last = store.db.execute("SELECT id FROM crawls WHERE site = ? AND finished_at IS NOT NULL ORDER BY id DESC LIMIT 1",
                            [site]).fetchone()
    if health is not None and not health.ok and last is not None:
        with store.db.conn:
            store.db.execute("INSERT OR IGNORE INTO health_alerts (crawl_id, site, problems, created_at) VALUES (?, ?, ?, ?)",
                             [last[0], site, "\n".join(health.problems), utc_now()])
    sent = 0
    for crawl_id, name, problems in store.db.execute(
            "SELECT crawl_id, site, problems FROM health_alerts WHERE sent_at IS NULL ORDER BY crawl_id").fetchall():
        if not watches.health_channels:
            break
        failed = 0
        for channel in watches.health_channels:  # one channel failing does not keep the message from the others
            try:
                send_text(watches.channels[channel], f"parkwatch: site {name} needs attention", problems)
            except Exception as exc:
                failed += 1
                reason = exc if isinstance(exc, DeliveryError) else f"{type(exc).__name__}: {exc}"
                logger.warning("health alert for {} via {} not sent, will retry: {}", name, channel, reason)
        if failed:
            continue
        with store.db.conn:
            store.db.execute("UPDATE health_alerts SET sent_at = ? WHERE crawl_id = ?", [utc_now(), crawl_id])
        logger.warning("site {}: health alert sent ({})", name, problems.splitlines()[0])
        sent += 1
    return sent
