"""Each CLI command end to end, in a fresh process as a user runs it."""

from __future__ import annotations

import json
import sqlite3

from conftest import FILES, run_cli, write_config


def test_sites_lists_sites_and_their_spiders(tmp_path):
    write_config(tmp_path, [
        {"name": "news", "start_urls": ["http://x.cn/"], "region": "四川省", "schedule": "30m"},
        {"name": "blog", "start_urls": ["http://y.cn/category-1.html"], "spider": "zblog", "enabled": False},
    ])
    result = run_cli("--config", str(tmp_path), "sites")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["NAME", "SPIDER", "SCHEDULE", "ENABLED", "SOURCES", "REGION"]
    assert lines[1].split()[:3] == ["news", "generic", "every"] and "四川省" in lines[1]
    assert lines[2].split()[:2] == ["blog", "zblog"] and " no " in lines[2]


def test_extract_jsonl_prints_one_object_per_file():
    files = sorted(str(p) for p in FILES.glob("*.html") if "list" not in p.name)
    result = run_cli("extract", "--jsonl", *files)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(files)
    records = [json.loads(line) for line in lines]
    for record, path in zip(records, files, strict=True):
        assert record["file"] == path
        for key in ("url", "title", "published_at", "text", "text_simplified", "source", "author", "editor",
                    "original_title", "summary", "canonical_url", "language", "encoding", "quality"):
            assert key in record
        assert len(record["text"]) > 100
    gbk = next(r for r in records if r["file"].endswith("cdht_policy_gbk.html"))
    assert gbk["encoding"] == "gb18030" and gbk["title"] == "成都高新区发布促进新经济高质量发展若干政策"


def test_extract_with_url_uses_it_for_dates():
    page = FILES / "cdht_policy_gbk.html"
    result = run_cli("extract", str(page), "--url", "http://cdht.example.cn/zwgk/tzgg/202409/t20240913_500.html")
    record = json.loads(result.stdout)
    assert record["url"] == "http://cdht.example.cn/zwgk/tzgg/202409/t20240913_500.html"
    assert record["published_at"].startswith("2024-09-13")


def test_demo_search_and_missing_db(tmp_path):
    db = tmp_path / "X.db"
    result = run_cli("demo", "--db", str(db), timeout=600)
    assert result.returncode == 0, result.stderr
    assert "stored 23 articles from 6 sites" in result.stdout
    conn = sqlite3.connect(db)
    assert conn.execute("select count(*) from articles").fetchone()[0] >= 20
    assert conn.execute("select count(distinct site) from articles").fetchone()[0] >= 4
    assert "newest articles:" in result.stdout and "2024-12-02" in result.stdout
    assert "cdht: 9 pages, 3 new" in result.stdout and "1 attachment read" in result.stdout  # TRS pager, PDF read
    assert "附件：成都高新区促进新经济高质量发展若干政策.pdf" in result.stdout  # the digest names the attachment
    in_pdf = run_cli("--db", str(db), "search", "城市空中交通")  # only in the PDF
    assert "成都高新区发布促进新经济高质量发展若干政策" in in_pdf.stdout and "附件: " in in_pdf.stdout

    found = run_cli("--db", str(db), "search", "綿陽高新區", "--json")
    titles = [json.loads(line)["title"] for line in found.stdout.splitlines()]
    assert "【科技城新區】綿陽首個產值規模千億元園區誕生" in titles
    assert "多措并举 绵阳助力园区提质增效" in titles  # Simplified article, Traditional query
    plain = run_cli("search", "--db", str(db), "综合保税区")
    assert "成都高新综合保税区前三季度进出口总值同比增长14%" in plain.stdout

    stories = [json.loads(line) for line in run_cli("--db", str(db), "stories", "--json").stdout.splitlines()]
    reprinted = [s for s in stories if len(s["copies"]) > 1]
    assert len(reprinted) == 1 and reprinted[0]["title"] == "多措并举 绵阳助力园区提质增效"
    assert [c["site"] for c in reprinted[0]["copies"]] == ["people-sc", "xian-cf"]  # the original first
    assert set(reprinted[0]["copies"][0]) == {"url", "site", "source", "published_at"}
    by_park = run_cli("--db", str(db), "stories", "--park", "绵阳高新区")
    assert "多措并举 绵阳助力园区提质增效" in by_park.stdout and "三星堆" not in by_park.stdout

    missing = run_cli("--db", str(tmp_path / "none.db"), "search", "园区", cwd=tmp_path)
    assert missing.returncode == 2 and "no database yet" in missing.stderr


def test_environment_picks_config_and_database(tmp_path):
    folder = write_config(tmp_path / "elsewhere", [{"name": "envsite", "start_urls": ["http://x.cn/"]}])
    db = tmp_path / "env.db"
    sites = run_cli("sites", env={"PARKWATCH_CONFIG": str(folder)}, cwd=tmp_path)
    assert "envsite" in sites.stdout
    search = run_cli("search", "园区", env={"PARKWATCH_CONFIG": str(folder), "PARKWATCH_DB": str(db)}, cwd=tmp_path)
    assert search.returncode == 2 and str(db) in search.stderr


def test_search_syntax_and_clear_errors_for_unknown_site_park_or_date(tmp_path):
    from test_alerts import STORY_A, STORY_B, add

    from parkwatch.store import Store
    from parkwatch.stories import StoryIndex

    db = tmp_path / "p.db"
    with Store(db) as store:
        index = StoryIndex(store)
        add(store, index, "http://a.cn/1.html", "绵阳高新区签约31个项目", STORY_A, site="mianyang")
        add(store, index, "http://b.cn/1.html", "成都高新区排名", STORY_B + "成都高新区今年开工项目。", site="cdht",
            region="四川省成都市")

    def titles(query: str) -> list[str]:
        found = run_cli("--db", str(db), "search", query, "--json")
        assert found.returncode == 0, found.stderr
        return sorted(json.loads(line)["title"] for line in found.stdout.splitlines())

    both = sorted(["绵阳高新区签约31个项目", "成都高新区排名"])
    assert titles('"成都高新区"') == ["成都高新区排名"] and titles("“成都高新区”") == ["成都高新区排名"]
    assert titles("绵阳高新区 OR 成都高新区") == both
    assert titles("高新区 -成都高新区") == ["绵阳高新区签约31个项目"] == titles("高新区 NOT 成都高新区")
    wrong_site = run_cli("--db", str(db), "search", "高新区", "--site", "nosuchsite")
    assert wrong_site.returncode == 2
    assert "no articles from a site named 'nosuchsite' (sites with articles: cdht, mianyang)" in wrong_site.stderr
    assert run_cli("--db", str(db), "stories", "--since", "2024/09/01", "--json").stdout.count("story") == 2
    bad_date = run_cli("--db", str(db), "stories", "--since", "last week")
    assert bad_date.returncode == 2 and "--since: expected a date such as 2024-09-01" in bad_date.stderr
    unknown_park = run_cli("--db", str(db), "stories", "--park", "成都高薪区")
    assert unknown_park.returncode == 2 and "--park: no stored article mentions" in unknown_park.stderr


def test_user_errors_are_one_line_without_a_traceback(tmp_path):
    folder = tmp_path / "adir"
    folder.mkdir()
    other = tmp_path / "notes.db"
    other.write_text("these are my notes, not a database" * 100, encoding="utf-8")
    for db in (folder, other):
        result = run_cli("--db", str(db), "search", "高新区")
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert result.stderr.startswith(f"error: {db}"), result.stderr
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_cli("demo", "--port", str(port), timeout=120)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "the sample web cannot listen on port" in result.stderr


def test_the_demo_run_again_into_its_database_stores_nothing_twice(tmp_path):
    db = tmp_path / "d.db"
    for _ in range(2):
        result = run_cli("demo", "--db", str(db), timeout=600)
        assert result.returncode == 0 and "stored 23 articles from 6 sites" in result.stdout, result.stdout[-800:]
    assert sqlite3.connect(db).execute("select count(*) from articles").fetchone()[0] == 23
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d-demo", "d.db", "d.db-shm", "d.db-wal"] or \
        sorted(p.name for p in tmp_path.iterdir()) == ["d-demo", "d.db"]  # its files beside it, reused
