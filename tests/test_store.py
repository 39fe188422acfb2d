"""The SQLite store: migrations, idempotent upserts, Chinese full-text search."""

from __future__ import annotations

import sqlite3

from parkwatch.store import SCHEMA_VERSION, Store
from parkwatch.urls import article_id, canonical_url


def record(url: str, title: str, text: str, **extra) -> dict:
    from parkwatch.extract.normalize import simplify

    return {"id": article_id(url), "url": url, "canonical_url": canonical_url(url), "site": "s", "title": title,
            "text": text, "text_simplified": simplify(text), "published_at": "2024-09-13",
            "fetched_at": "2024-09-14T00:00:00+00:00", **extra}


def test_a_reader_never_sees_a_schema_version_whose_tables_are_missing(tmp_path, monkeypatch):
    """While a first crawl migrates a new file, another process that reads it sees no version until every table
    is there (a reader once found version 5 and no attachments_fts yet)."""
    import parkwatch.store as store_module

    db, seen = tmp_path / "p.db", []
    fifth = store_module.MIGRATIONS[4]

    def fifth_then_look(database):  # between two real migrations, look as another connection would
        fifth(database)
        other = sqlite3.connect(str(db))
        try:
            seen.append(other.execute("PRAGMA user_version").fetchone()[0])
        finally:
            other.close()

    migrations = store_module.MIGRATIONS
    monkeypatch.setattr(store_module, "MIGRATIONS", [*migrations[:4], fifth_then_look, *migrations[5:]])
    with Store(db) as store:
        assert store.version == SCHEMA_VERSION
    assert seen == [0]


def test_schema_is_versioned_and_reopening_keeps_data(tmp_path):
    db = tmp_path / "p.db"
    with Store(db) as store:
        assert store.version == SCHEMA_VERSION
        store.upsert_article(record("http://x.cn/1.html", "标题", "正文"))
    with Store(db) as store:  # re-open: migrations do not run again, data stays
        assert store.version == SCHEMA_VERSION
        assert store.article_count() == 1
    tables = {r[0] for r in sqlite3.connect(db).execute("select name from sqlite_master where type='table'")}
    assert {"articles", "articles_fts", "crawls", "fetch_errors"} <= tables


def test_upsert_is_idempotent_and_tracks_changes(tmp_path):
    with Store(tmp_path / "p.db") as store:
        assert store.upsert_article(record("http://x.cn/1.html", "标题", "正文")) == "new"
        assert store.upsert_article(record("http://X.cn:80/1.html#top", "标题", "正文")) == "unchanged"
        assert store.upsert_article(record("http://x.cn/1.html?utm_source=wx", "标题", "正文改了")) == "updated"
        assert store.article_count() == 1
        row = store.db.execute("select text, first_seen_at, updated_at from articles").fetchone()
        assert row[0] == "正文改了"


def test_search_simplified_traditional_and_short_terms(tmp_path):
    with Store(tmp_path / "p.db") as store:
        store.upsert_article(record("http://x.cn/1.html", "綿陽高新區千億園區", "綿陽高新區(科技城直管區)產值突破千億"))
        store.upsert_article(record("http://x.cn/2.html", "成都经开区", "成都经济技术开发区签约项目"))
        assert [r["title"] for r in store.search("绵阳高新区")] == ["綿陽高新區千億園區"]
        assert [r["title"] for r in store.search("綿陽高新區")] == ["綿陽高新區千億園區"]
        assert [r["title"] for r in store.search("签约")] == ["成都经开区"]  # 2 characters: below trigram size
        assert [r["title"] for r in store.search("成都 签约项目")] == ["成都经开区"]
        assert store.search("不存在的词语") == []
        assert "科技城直管区" in store.search("科技城")[0]["snippet"]


def test_search_by_relevance_or_most_recent(tmp_path):
    with Store(tmp_path / "p.db") as store:
        store.upsert_article(record("http://x.cn/1.html", "动力电池专题", "动力电池。" * 20 + "动力电池产业园"))
        store.upsert_article(record("http://x.cn/2.html", "园区新闻", "新签约项目涉及动力电池等领域" + "园区建设。" * 20))
        store.upsert_article(record("http://x.cn/3.html", "招商动态", "另一个动力电池项目开工" + "招商引资。" * 20))
        assert [r["title"] for r in store.search("动力电池")][0] == "动力电池专题"
        assert [r["title"] for r in store.search("动力电池", recent=True)] == ["招商动态", "园区新闻", "动力电池专题"]


def test_canonical_url_rules():
    assert canonical_url("HTTP://WWW.Example.CN:80/a/index.html?utm_source=x&b=2&a=1#frag") == \
        "http://www.example.cn/a/?a=1&b=2"
    assert article_id("http://x.cn/a.html") == article_id("https://x.cn/a.html?spm=123")
    assert article_id("http://x.cn/a.html") != article_id("http://x.cn/b.html")


def test_the_taggers_version_stored_under_its_old_key_is_kept_under_the_new_one(tmp_path, monkeypatch):
    import parkwatch.store as store_module
    from parkwatch.retag import stored_version

    db = tmp_path / "p.db"
    monkeypatch.setattr(store_module, "MIGRATIONS", store_module.MIGRATIONS[:11])  # a database of schema 11
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 11)
    with Store(db) as store:
        store.db.execute("INSERT INTO meta (key, value) VALUES ('gazetteer_version', 'abc123')")
        store.db.conn.commit()
    monkeypatch.undo()
    with Store(db) as store:
        assert store.version == SCHEMA_VERSION
        assert stored_version(store) == "abc123"
        assert store.db.execute("SELECT count(*) FROM meta WHERE key = 'gazetteer_version'").fetchone()[0] == 0
