"""Operating parkwatch as the README says: the systemd unit's and the crontab's command lines, a backup taken while
a crawl writes and restored, and pruning old articles with everything left consistent."""

from __future__ import annotations

import re
import shlex
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from conftest import env_without_parkwatch, gated_site, run_cli, wait_for, write_config
from test_resume import local_web

from parkwatch.sampleweb.server import LocalWeb

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"
PARKWATCH = [sys.executable, "-m", "parkwatch.cli"]


def as_here(command: str) -> list[str]:
    """A deploy/ command line with its installed `parkwatch` replaced by this environment's."""
    words = shlex.split(command)
    assert words[0].endswith("/bin/parkwatch"), command
    return [*PARKWATCH, *words[1:]]


def test_the_systemd_unit_runs_the_daemon_and_stops_on_sigterm(tmp_path):
    unit = (DEPLOY / "parkwatch.service").read_text(encoding="utf-8")
    exec_start = re.search(r"^ExecStart=(.+)$", unit, re.M).group(1)
    assert re.search(r"^KillSignal=SIGTERM$", unit, re.M) and "Environment=PARKWATCH_CONFIG=" in unit
    with LocalWeb(["news"]) as web:
        web.publish({"news": local_web()})
        config = write_config(tmp_path / "config", [{"name": "news", "start_urls": [f"{web.bases['news']}/list_1.html"],
                                                      "allow": ["/a/"], "max_pages": 1, "schedule": "1h"}],
                              {"db": "parkwatch.db"})
        env = env_without_parkwatch() | {"PARKWATCH_CONFIG": str(config)}
        log = (tmp_path / "run.log").open("wb")
        daemon = subprocess.Popen(as_here(exec_start), cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT)
        db = config / "parkwatch.db"

        def crawled() -> bool:
            try:
                with sqlite3.connect(db) as conn:
                    return conn.execute("select count(*) from crawls where finished_at is not null").fetchone()[0] >= 1
            except sqlite3.Error:
                return False

        try:
            assert wait_for(crawled)
        finally:
            daemon.send_signal(signal.SIGTERM)
            daemon.wait(timeout=120)
            log.close()
    assert daemon.returncode == 0
    assert sqlite3.connect(db).execute("select count(*) from articles").fetchone()[0] == 50


def test_the_crontab_lines_crawl_digest_and_back_up(tmp_path):
    lines = [line for line in (DEPLOY / "crontab.example").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#") and not line.startswith("PARKWATCH_CONFIG")]
    commands = [c.split(">>")[0].strip() for line in lines for c in " ".join(line.split()[5:]).split(";")]
    assert [shlex.split(c)[1] for c in commands] == ["crawl", "digest", "backup"]
    with LocalWeb(["news"]) as web:
        web.publish({"news": local_web()})
        config = write_config(tmp_path / "config", [{"name": "news", "start_urls": [f"{web.bases['news']}/list_1.html"],
                                                      "allow": ["/a/"], "max_pages": 1}])
        (config / "watches.yaml").write_text("watches:\n  - name: w\n    keywords: [园区]\n", encoding="utf-8")
        env = env_without_parkwatch() | {"PARKWATCH_CONFIG": str(config)}
        elsewhere = tmp_path / "cron-home"
        elsewhere.mkdir()
        for command in commands:
            words = as_here(command.replace("$(date +\\%F)", "2026-12-01").replace("/srv/parkwatch/backups",
                                                                                  str(tmp_path / "backups")))
            result = subprocess.run(words, cwd=elsewhere, env=env, capture_output=True, text=True, timeout=300)
            assert result.returncode == 0, (command, result.stdout, result.stderr)
    backup = tmp_path / "backups" / "parkwatch-2026-12-01.db"
    assert sqlite3.connect(backup).execute("select count(*) from articles").fetchone()[0] == 50
    assert not list(elsewhere.iterdir())  # cron's working directory got no second database


def test_a_backup_taken_while_a_crawl_writes_restores_whole(tmp_path):
    with LocalWeb(["big"]) as web:
        gate, config = gated_site(web, tmp_path / "config", local_web())
        db = tmp_path / "live.db"
        env = env_without_parkwatch()
        crawl = subprocess.Popen([*PARKWATCH, "--config", str(config), "--db", str(db), "crawl"], env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        gate.allow(120)

        def stored() -> int:
            try:
                with sqlite3.connect(db) as conn:
                    return conn.execute("select count(*) from articles").fetchone()[0]
            except sqlite3.Error:
                return 0

        try:
            assert wait_for(lambda: stored() >= 60)
            backup = run_cli("--db", str(db), "backup", str(tmp_path / "copy.db"))  # the crawl is still writing
        finally:
            gate.open()
            assert crawl.wait(timeout=300) == 0
    assert backup.returncode == 0 and "integrity ok" in backup.stdout, backup.stdout + backup.stderr
    restored = tmp_path / "restored.db"
    (tmp_path / "copy.db").rename(restored)  # restoring is putting the file back
    count = sqlite3.connect(restored).execute("select count(*) from articles").fetchone()[0]
    assert 60 <= count <= 500
    assert run_cli("--db", str(restored), "search", "园区项目建设").returncode == 0
    again = run_cli("--db", str(db), "backup", str(tmp_path / "restored.db"))
    assert again.returncode == 2 and "exists already" in again.stderr


def test_prune_removes_old_articles_and_keeps_the_rest_consistent(tmp_path):
    from test_alerts import STORY_A, STORY_B, add

    from parkwatch.alerts.outbox import record_alerts, start_watches
    from parkwatch.alerts.watches import load_watches
    from parkwatch.store import Store
    from parkwatch.stories import StoryIndex

    (tmp_path / "watches.yaml").write_text("watches:\n  - name: w\n    keywords: [高新区]\n", encoding="utf-8")
    db = tmp_path / "p.db"
    with Store(db) as store:
        watches = load_watches(tmp_path)
        start_watches(store, watches)
        index = StoryIndex(store)
        add(store, index, "http://a.cn/1.html", "绵阳高新区签约", STORY_A)
        add(store, index, "http://b.cn/1.html", "成都高新区排名", STORY_B, region="四川省成都市")
        store.db.execute("UPDATE articles SET published_at = '2020-01-01' WHERE url = 'http://a.cn/1.html'")
        record_alerts(store, watches)
    dry = run_cli("--db", str(db), "prune", "--before", "2021-01-01")
    assert "1 articles published before 2021-01-01 would be removed" in dry.stdout
    done = run_cli("--db", str(db), "prune", "--before", "2021-01-01", "--yes")
    assert done.returncode == 0 and "removed 1 articles" in done.stdout
    conn = sqlite3.connect(db)
    assert conn.execute("select count(*) from articles").fetchone()[0] == 1
    for orphan in ("select count(*) from mentions where article_id not in (select id from articles)",
                   "select count(*) from stories where id not in (select story_id from articles)",
                   "select count(*) from alerts where story_id not in (select id from stories)",
                   "select count(*) from deliveries where alert_id not in (select id from alerts)"):
        assert conn.execute(orphan).fetchone()[0] == 0, orphan


def test_retag_after_the_gazetteer_changed_finds_the_new_alias_without_alerting_again(tmp_path):
    body = "".join(f"<p>第{i}段：东城智谷今年新签约项目十二个，园区企业满园行动成效明显，产业链招商取得新进展。</p>" for i in range(4))
    pages = {"/list.html": ("<a href='/a/1.html'>新闻</a>".encode(), "text/html; charset=utf-8"),
             "/a/1.html": (f"<html><body><h1>东城智谷签约</h1>{body}</body></html>".encode(), "text/html; charset=utf-8")}
    with LocalWeb(["news"]) as web:
        web.publish({"news": pages})
        config = write_config(tmp_path / "config", [{"name": "news", "start_urls": [f"{web.bases['news']}/list.html"],
                                                      "allow": ["/a/"]}])
        (config / "watches.yaml").write_text("watches:\n  - name: w\n    keywords: [签约]\n", encoding="utf-8")
        db = str(tmp_path / "p.db")
        assert run_cli("--config", str(config), "--db", db, "crawl").returncode == 0
        assert run_cli("--config", str(config), "--db", db, "digest").returncode == 0  # the story alerted once
        (config / "parks.yaml").write_text("- name: 东城智谷产业园\n  province: 四川省\n  aliases: [东城智谷]\n",
                                           encoding="utf-8")
        again = run_cli("--config", str(config), "--db", db, "crawl")
    assert "the taggers changed since the stored articles were tagged" in again.stderr
    before = run_cli("--config", str(config), "--db", db, "stories", "--park", "东城智谷产业园")
    assert before.returncode == 2  # no stored article mentions it yet
    retagged = run_cli("--config", str(config), "--db", db, "retag")
    assert retagged.returncode == 0 and "re-tagged 1 articles" in retagged.stdout and "1/1 articles" in retagged.stderr
    after = run_cli("--config", str(config), "--db", db, "stories", "--park", "东城智谷产业园")
    assert after.returncode == 0 and "东城智谷签约" in after.stdout
    digest = run_cli("--config", str(config), "--db", db, "digest")
    assert "0 new alerts" in digest.stdout
    assert "the taggers changed" not in run_cli("--config", str(config), "--db", db, "crawl").stderr
