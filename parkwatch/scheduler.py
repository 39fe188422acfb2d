"""``parkwatch run``: crawl each site on its schedule and send digests on theirs (APScheduler).

Each crawl runs in its own process (Twisted's reactor cannot restart), one per site at a time, with missed
runs coalesced. After every crawl, new articles are matched against the watches and recorded in the outbox;
``immediately`` watches are sent right away, the others at their digest time. Failed deliveries are retried
with back-off. SIGTERM stops the scheduler cleanly (a running crawl is asked to stop and waited for); all state
is in the database, so a restart neither loses nor repeats an alert.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from loguru import logger

from parkwatch.alerts.dispatch import send_pending
from parkwatch.alerts.outbox import record_alerts, start_watches
from parkwatch.alerts.watches import Watches, load_watches
from parkwatch.config import CRAWLS_AT_ONCE_ENV, Config, Site
from parkwatch.store import Store

TIMEZONE = "Asia/Shanghai"
RETRY_MINUTES = 5


def site_trigger(site: Site) -> Any:
    if site.schedule.cron:
        return CronTrigger.from_crontab(site.schedule.cron, timezone=TIMEZONE)
    return IntervalTrigger(seconds=int(site.schedule.interval.total_seconds()), timezone=TIMEZONE)


def digest_trigger(digest: str) -> Any | None:
    """``hourly``, ``daily HH:MM``, ``weekly mon HH:MM``; ``immediately`` has none (sent after each crawl)."""
    parts = digest.split()
    if parts[0] == "hourly":
        return CronTrigger(minute=0, timezone=TIMEZONE)
    if parts[0] == "daily":
        hour, minute = parts[1].split(":")
        return CronTrigger(hour=int(hour), minute=int(minute), timezone=TIMEZONE)
    if parts[0] == "weekly":
        hour, minute = parts[2].split(":")
        return CronTrigger(day_of_week=parts[1], hour=int(hour), minute=int(minute), timezone=TIMEZONE)
    return None


STOP_GRACE = 30  # seconds a crawl has to close cleanly after SIGTERM before SIGKILL


def _stop(child: subprocess.Popen[bytes], grace: float = STOP_GRACE) -> bytes:
    """SIGTERM (Scrapy closes the spider and its pipelines), then SIGKILL if it does not end in time; returns
    its output (the caller is the thread that reads it)."""
    if child.poll() is None:
        child.send_signal(signal.SIGTERM)
    try:
        output, _ = child.communicate(timeout=grace)
    except subprocess.TimeoutExpired:
        logger.warning("crawl process {} did not stop after SIGTERM; killing it", child.pid)
        child.kill()
        output, _ = child.communicate()
    return output or b""


def _wait_or_kill(child: subprocess.Popen[bytes], grace: float = STOP_GRACE) -> None:
    """At shutdown, for a crawl another thread is reading: wait for it, SIGKILL it past the grace period."""
    try:
        child.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        logger.warning("crawl process {} did not stop after SIGTERM; killing it", child.pid)
        child.kill()
        child.wait()


def stagger(number: int, count: int, site: Site) -> timedelta:
    """The first crawl of site *number* of *count*: spread evenly over the first interval, at most 10 minutes."""
    interval = site.schedule.interval or timedelta(hours=1)
    spread = min(interval, timedelta(minutes=10))
    return spread * number / max(count, 1)


class Daemon:
    """The scheduler and what its jobs do."""

    def __init__(self, config: Config, db: Path) -> None:
        self.config = config
        self.db = db
        self.watches: Watches = load_watches(config.directory)
        self.scheduler = BlockingScheduler(timezone=TIMEZONE, executors={
            "default": ThreadPoolExecutor(max(1, config.settings.parallel_crawls)), "alerts": ThreadPoolExecutor(2)})
        self.children: dict[str, subprocess.Popen[bytes]] = {}
        self.grace = min(STOP_GRACE, config.settings.crawl_timeout)  # SIGTERM → SIGKILL
        self.lock = threading.Lock()
        with Store(db) as store:  # create or migrate before anything runs; new watches start now
            start_watches(store, self.watches)

    # jobs -----------------------------------------------------------------------------------------
    def crawl(self, site: str) -> None:
        """One crawl of *site* in its own process; then match and send what is due now."""
        command = [sys.executable, "-m", "parkwatch.cli", "--config", str(self.config.directory), "--db", str(self.db),
                   "crawl", "--site", site]
        logger.info("crawl {}: starting", site)
        env = {**os.environ, CRAWLS_AT_ONCE_ENV: str(max(1, self.config.settings.parallel_crawls))}
        child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
        with self.lock:
            self.children[site] = child
        limit = self.config.settings.crawl_timeout
        try:
            output, _ = child.communicate(timeout=limit)
        except subprocess.TimeoutExpired:
            logger.warning("crawl {}: still running after {:.0f} s (crawl_timeout); stopping it", site, limit)
            output = _stop(child, self.grace)
        with self.lock:
            self.children.pop(site, None)
        summary = [line for line in output.decode("utf-8", "replace").splitlines() if line.strip().startswith(site + ":")]
        if child.returncode == 0:
            logger.info("crawl {}: {}", site, summary[-1].strip() if summary else "done")
        else:
            tail = [line for line in output.decode("utf-8", "replace").splitlines() if line.strip()][-3:]
            logger.warning("crawl {} exited with {}: {}", site, child.returncode, " | ".join(tail))  # whole lines
        self.after_crawl(site)

    def after_crawl(self, site: str | None = None) -> None:
        """Health alert, then matching, then immediate digests: a failure of one step is logged, the next run."""
        with Store(self.db) as store:
            if site is not None:
                from parkwatch.health import alert_on_health

                try:
                    alert_on_health(store, self.watches, site)  # logs each alert it sends, with its own site
                except Exception as exc:
                    logger.opt(exception=exc).error("site {}: health alert failed: {}", site, exc)
            try:
                created = record_alerts(store, self.watches)
                if created:
                    logger.info("{} new alerts recorded", created)
            except Exception as exc:
                logger.opt(exception=exc).error("matching the watches failed: {}", exc)
            for watch in self.watches.watches:
                if watch.digest == "immediately":
                    send_pending(store, self.watches, watch.name)

    def digest(self, watch: str) -> None:
        with Store(self.db) as store:
            record_alerts(store, self.watches)
            report = send_pending(store, self.watches, watch)
        logger.info("digest {}: {} sent, {} failed, {} held for quiet hours", watch, report.sent, report.failed,
                    report.quiet)

    def retry(self) -> None:
        """Deliveries that failed before go out again once their back-off has passed."""
        with Store(self.db) as store:
            report = send_pending(store, self.watches, only_retries=True)
        if report.sent or report.failed:
            logger.info("retries: {} sent, {} failed", report.sent, report.failed)

    # lifecycle ------------------------------------------------------------------------------------
    def schedule(self) -> None:
        """Crawls on the crawl pool, first runs spread over the first minutes (not all sites at one second);
        digests and retries on a pool of their own, so busy crawls never starve them."""
        now = datetime.now(UTC)
        sites = [s for s in self.config.sites if s.enabled]
        for number, site in enumerate(sites):
            first = now + stagger(number, len(sites), site)
            self.scheduler.add_job(self.crawl, site_trigger(site), args=[site.name], id=f"crawl:{site.name}",
                                   max_instances=1, coalesce=True, misfire_grace_time=3600, next_run_time=first)
        for watch in self.watches.watches:
            trigger = digest_trigger(watch.digest)
            if trigger is not None:
                self.scheduler.add_job(self.digest, trigger, args=[watch.name], id=f"digest:{watch.name}",
                                       max_instances=1, coalesce=True, misfire_grace_time=3600, executor="alerts")
        self.scheduler.add_job(self.retry, IntervalTrigger(minutes=RETRY_MINUTES, timezone=TIMEZONE), id="retry",
                               max_instances=1, coalesce=True, misfire_grace_time=None, next_run_time=now,
                               executor="alerts")

    def stop(self, *_: Any) -> None:
        logger.info("stopping: waiting for running crawls")
        with self.lock:
            for child in self.children.values():
                child.send_signal(signal.SIGTERM)  # Scrapy closes the spider and its pipelines cleanly
        self.scheduler.shutdown(wait=False)

    def run(self) -> None:
        import logging

        logging.getLogger("apscheduler").setLevel(logging.ERROR)  # a skipped, coalesced run is normal here
        self.schedule()
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        logger.info("parkwatch run: {} sites, {} watches", sum(s.enabled for s in self.config.sites),
                    len(self.watches.watches))
        self.scheduler.start()
        with self.lock:
            children = list(self.children.values())
        for child in children:
            _wait_or_kill(child, self.grace)
        logger.info("stopped")
