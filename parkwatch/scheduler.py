"""``parkwatch run``: crawl each site on its schedule and send digests on theirs (APScheduler).

Each site falls due on its schedule; due sites wait in a queue and are crawled in batches, up to
``sites_per_crawl`` side by side in one crawl process (Twisted's reactor cannot restart, so a process per
batch), at most ``parallel_crawls`` processes at once. A site already waiting or being crawled is not queued
twice (missed runs coalesce). Each site's crawl is closed at ``crawl_timeout``; a process still running
``STOP_GRACE`` later is stopped (SIGTERM, then SIGKILL). After every crawl, new articles are matched against the watches and recorded in the outbox;
``immediately`` watches are sent right away, the others at their digest time. Failed deliveries are retried
with back-off. SIGTERM stops the scheduler cleanly (a running crawl is asked to stop and waited for); all state
is in the database, so a restart neither loses nor repeats an alert. The stop runs on a thread of its own: the
signal handler only wakes it, since the main thread it interrupts may hold a lock the stop needs.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from apscheduler.events import EVENT_SCHEDULER_STARTED
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers import SchedulerNotRunningError
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
GATHER = 15.0  # seconds due sites gather before a crawl process starts (a tenth of a shorter interval)


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
    """The first crawl of site *number* of *count*: spread evenly over the first 10 minutes, or over more of the
    interval when there are many sites (a site every 3 s at most), so start times stay spread in every interval."""
    interval = site.schedule.interval or timedelta(hours=1)
    spread = min(interval, max(timedelta(minutes=10), timedelta(seconds=3) * count))
    return spread * number / max(count, 1)


def batch_label(sites: list[str]) -> str:
    return ", ".join(sites[:3]) + (f" and {len(sites) - 3} more" if len(sites) > 3 else "")


class Daemon:
    """The scheduler and what its jobs do."""

    def __init__(self, config: Config, db: Path) -> None:
        self.config = config
        self.db = db
        self.watches: Watches = load_watches(config.directory)
        self.scheduler = BlockingScheduler(timezone=TIMEZONE, executors={
            "default": ThreadPoolExecutor(2), "alerts": ThreadPoolExecutor(2)})
        self.children: dict[int, subprocess.Popen[bytes]] = {}  # crawl processes by batch number
        self.grace = min(STOP_GRACE, config.settings.crawl_timeout)  # SIGTERM → SIGKILL
        self.lock = threading.Lock()
        self.pending: list[str] = []  # due sites waiting for a crawl process, in the order they fell due
        self.busy: set[str] = set()  # sites waiting or being crawled: not queued again
        self.batches: dict[int, threading.Thread] = {}
        self.batch_number = 0
        self.stopping = False
        self.gathering: threading.Timer | None = None
        with Store(db) as store:  # create or migrate before anything runs; new watches start now
            start_watches(store, self.watches)

    def idle(self) -> bool:
        """No site waiting and no crawl process running, read together under the lock (a batch leaves the queue
        and starts running in one step)."""
        with self.lock:
            return not self.pending and not self.batches

    # jobs -----------------------------------------------------------------------------------------
    def due(self, site: str) -> None:
        """*site*'s schedule says crawl now: queue it (once). Sites falling due within a few seconds of each other
        go into one crawl process: a batch starts when ``sites_per_crawl`` are waiting or after ``GATHER`` s."""
        interval = self.config.site(site).schedule.interval
        wait = min(GATHER, interval.total_seconds() / 10) if interval else GATHER
        with self.lock:
            if site in self.busy or self.stopping:
                logger.debug("crawl {}: still waiting or running; this run coalesces with it", site)
                return
            self.busy.add(site)
            self.pending.append(site)
            full = len(self.pending) >= self.config.settings.sites_per_crawl
            if not full and self.gathering is None:
                self.gathering = threading.Timer(wait, self._gathered)
                self.gathering.daemon = True
                self.gathering.start()
        if full:
            self.dispatch()

    def _gathered(self) -> None:
        with self.lock:
            self.gathering = None
        self.dispatch()

    def dispatch(self) -> None:
        settings = self.config.settings
        with self.lock:
            while (self.pending and len(self.batches) < max(1, settings.parallel_crawls) and not self.stopping
                   and (self.gathering is None or len(self.pending) >= settings.sites_per_crawl)):
                # while sites gather, only a full batch starts (a finished crawl does not take the first few)
                batch, self.pending = self.pending[: settings.sites_per_crawl], self.pending[settings.sites_per_crawl :]
                self.batch_number += 1
                thread = threading.Thread(target=self._run_batch, args=(self.batch_number, batch),
                                          name=f"crawl-{self.batch_number}", daemon=True)
                self.batches[self.batch_number] = thread
                thread.start()

    def _run_batch(self, number: int, sites: list[str]) -> None:
        try:
            self.crawl(sites, number)
        except Exception as exc:  # a failure to start a process must not stop the scheduler
            logger.opt(exception=exc).error("crawl {}: {}", batch_label(sites), exc)
        finally:
            with self.lock:
                self.batches.pop(number, None)
                self.busy.difference_update(sites)
            self.dispatch()

    def crawl(self, sites: list[str], number: int = 0) -> None:
        """One crawl process for *sites* (side by side, each closed at ``crawl_timeout``); then the health alert of
        each site, matching, and what is due to send now."""
        label = batch_label(sites)
        limit = self.config.settings.crawl_timeout
        command = [sys.executable, "-m", "parkwatch.cli", "--config", str(self.config.directory), "--db", str(self.db),
                   "crawl", "--site-timeout", str(limit), "--no-health-alerts"]  # sent below, even after a kill
        for site in sites:
            command += ["--site", site]
        logger.info("crawl {}: starting", label)
        env = {**os.environ, CRAWLS_AT_ONCE_ENV: str(max(1, self.config.settings.parallel_crawls))}
        child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
        with self.lock:
            self.children[number] = child
        try:
            output, _ = child.communicate(timeout=limit + self.grace)
        except subprocess.TimeoutExpired:
            logger.warning("crawl {}: still running {:.0f} s after crawl_timeout ({:.0f} s); stopping it",
                           label, self.grace, limit)
            output = _stop(child, self.grace)
        with self.lock:
            self.children.pop(number, None)
        lines = output.decode("utf-8", "replace").splitlines()
        for site in sites:
            summary = [line for line in lines if line.strip().startswith(site + ":")]
            if summary:
                logger.info("crawl {}", summary[-1].strip())
        if child.returncode == 0:
            logger.info("crawl {}: done", label)
        else:
            tail = [line for line in lines if line.strip()][-3:]
            logger.warning("crawl {} exited with {}: {}", label, child.returncode, " | ".join(tail))  # whole lines
        self.after_crawl(sites)

    def after_crawl(self, sites: list[str] | str | None = None) -> None:
        """Health alerts, then matching, then immediate digests: a failure of one step is logged, the next run."""
        from parkwatch.health import alert_on_health

        with Store(self.db) as store:
            for site in [sites] if isinstance(sites, str) else sites or []:
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
            self.scheduler.add_job(self.due, site_trigger(site), args=[site.name], id=f"crawl:{site.name}",
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
        """Stop scheduling, ask running crawls to stop (``run`` waits for them); once, from any thread but the
        scheduler's own loop (on SIGTERM or SIGINT, the thread ``handle_signals`` starts)."""
        with self.lock:
            if self.stopping:
                return
            self.stopping = True
            self.pending.clear()
            if self.gathering is not None:
                self.gathering.cancel()
            for child in self.children.values():
                child.send_signal(signal.SIGTERM)  # Scrapy closes the spider and its pipelines cleanly
        logger.info("stopping: waiting for running crawls")
        self._shut_scheduler()

    def _shut_scheduler(self, *_: Any) -> None:
        """Shut the scheduler down if ``stop`` was asked for; a scheduler not started yet is shut down as it starts
        (``run`` calls this then too)."""
        if self.stopping:
            with contextlib.suppress(SchedulerNotRunningError):
                self.scheduler.shutdown(wait=False)

    def handle_signals(self) -> None:
        """On SIGTERM or SIGINT, ``stop`` on a thread of its own. A handler runs in the main thread between two of
        its bytecodes, maybe while the scheduler loop holds a lock ``stop`` needs (its executor's, taken while a job
        is submitted): calling ``stop`` there deadlocks. So the handler only writes a byte to a pipe the thread
        waits on."""
        wake_read, wake_write = os.pipe()

        def stop_when_woken() -> None:
            os.read(wake_read, 1)
            self.stop()

        threading.Thread(target=stop_when_woken, name="stop-on-signal", daemon=True).start()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: os.write(wake_write, b"\0"))

    def run(self) -> None:
        import logging

        logging.getLogger("apscheduler").setLevel(logging.ERROR)  # a skipped, coalesced run is normal here
        self.schedule()
        self.scheduler.add_listener(self._shut_scheduler, EVENT_SCHEDULER_STARTED)  # a stop asked before it started
        self.handle_signals()
        settings = self.config.settings
        logger.info("parkwatch run: {} sites, {} watches; up to {} crawl processes of {} sites each",
                    sum(s.enabled for s in self.config.sites), len(self.watches.watches), settings.parallel_crawls,
                    settings.sites_per_crawl)
        self.scheduler.start()
        with self.lock:
            children = list(self.children.values())
            batches = list(self.batches.values())
        for child in children:
            _wait_or_kill(child, self.grace)
        for thread in batches:  # their health alerts and matching, after the crawl stopped
            thread.join(timeout=self.grace + 30)
        logger.info("stopped")
