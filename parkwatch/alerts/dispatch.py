"""Sending pending digests through their channels, exactly once per (alert, channel)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from loguru import logger

from parkwatch.alerts.channels import SENDERS, DeliveryError
from parkwatch.alerts.outbox import claim, drop_pending, mark_failed, mark_sent, release
from parkwatch.alerts.watches import Watches, in_quiet_hours
from parkwatch.extract.dates import CST
from parkwatch.store import Store


@dataclass
class SendReport:
    sent: int = 0
    failed: int = 0
    quiet: int = 0


def send_pending(store: Store, watches: Watches, watch: str | None = None, now: datetime | None = None,
                 respect_quiet_hours: bool = True, only_retries: bool = False) -> SendReport:
    """Send every due pending digest. Deliveries are claimed first (:func:`~parkwatch.alerts.outbox.claim`), so
    senders running at once never send the same one; any channel error keeps its batch pending with a back-off,
    and the others go on."""
    now = now or datetime.now(UTC)
    report = SendReport()
    for group in claim(store, watch, now, only_retries=only_retries):
        spec = next((w for w in watches.watches if w.name == group.watch), None)
        channel = watches.channels.get(group.channel)
        if spec is None:
            dropped = drop_pending(store, group.watch, "the watch was removed from watches.yaml")
            logger.warning("watch {} is no longer configured: its {} pending deliveries were dropped", group.watch, dropped)
            continue
        if channel is None or group.channel not in spec.channels:
            logger.warning("alerts for {} via {}: channel no longer configured for it; kept pending",
                           group.watch, group.channel)
            release(store, group.batch)
            continue
        if respect_quiet_hours and in_quiet_hours(spec, now.astimezone(CST).time()):
            release(store, group.batch)
            report.quiet += len(group.delivery_ids)
            continue
        try:
            SENDERS[channel.type](channel, store, group.watch, group.alerts, group.batch)
        except Exception as exc:  # any failure of one channel: recorded, retried; the others still go out
            reason = str(exc) if isinstance(exc, DeliveryError) else f"{type(exc).__name__}: {exc}"
            mark_failed(store, group.batch, reason, now)
            report.failed += len(group.delivery_ids)
            logger.warning("digest {} via {} failed, will retry: {}", group.watch, group.channel, reason)
            continue
        report.sent += mark_sent(store, group.batch)
        logger.info("digest {} via {}: {} stories sent (key {})", group.watch, group.channel, len(group.alerts),
                    group.batch)
    return report
