"""Sending pending digests through their channels, exactly once per (alert, channel)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from loguru import logger

from parkwatch.alerts.channels import SENDERS, DeliveryError
from parkwatch.alerts.outbox import mark_failed, mark_sent, pending
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
    """Send every due pending digest; a failing channel keeps its alerts pending and the others go on."""
    now = now or datetime.now(UTC)
    report = SendReport()
    for group in pending(store, watch, now, only_retries=only_retries):
        spec = next((w for w in watches.watches if w.name == group.watch), None)
        channel = watches.channels.get(group.channel)
        if spec is None or channel is None:
            logger.warning("alerts for {} via {}: watch or channel no longer configured; kept pending",
                           group.watch, group.channel)
            continue
        if respect_quiet_hours and in_quiet_hours(spec, now.astimezone(CST).time()):
            report.quiet += len(group.delivery_ids)
            continue
        try:
            SENDERS[channel.type](channel, store, group.watch, group.alerts)
        except DeliveryError as exc:
            mark_failed(store, group.delivery_ids, str(exc), now)
            report.failed += len(group.delivery_ids)
            logger.warning("digest {} via {} failed, will retry: {}", group.watch, group.channel, exc)
            continue
        mark_sent(store, group.delivery_ids)
        report.sent += len(group.delivery_ids)
        logger.info("digest {} via {}: {} stories sent", group.watch, group.channel, len(group.alerts))
    return report
