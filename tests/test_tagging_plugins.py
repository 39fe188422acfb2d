"""The plugin system: one test per hook, isolation of failing plugins, entry points, settings, CLI and storage."""

from __future__ import annotations

import json
import sqlite3

from conftest import run_cli, write_config
from loguru import logger

from parkwatch.hookspecs import hookimpl
from parkwatch.mentions import ArticleText, Mention, simplified_same_length
from parkwatch.tagging import configure, make_manager, plugin_infos, tag

TEXT = "推动綿陽高新區(科技城直管區)和北川经开区发展，落实川府发〔2024〕12号，总投资100亿元的项目签约。"


def test_tag_article_hook_builtin_plugins_report_offsets_into_the_given_text():
    mentions = tag(ArticleText(TEXT, region="四川省绵阳市"), make_manager(load_entry_points=False))
    kinds = {(m.kind, m.plugin) for m in mentions}
    assert {("park", "parks"), ("region", "regions"), ("policy", "policies"), ("figure", "figures"),
            ("topic", "figures")} <= kinds
    for m in mentions:
        assert TEXT[m.start : m.end] == m.surface  # offsets refer to the text as given (Traditional here)
    park = next(m for m in mentions if m.surface == "綿陽高新區")
    assert (park.canonical, park.id) == ("绵阳高新技术产业开发区", "G512046")
    assert "綿陽高新區" in park.context


def test_configure_hook_loads_the_user_gazetteer():
    pm = make_manager(load_entry_points=False)
    article = ArticleText("科技城直管区今年新签约项目31个。", region="四川省绵阳市")
    assert not [m for m in tag(article, pm) if m.kind == "park"]
    configure(pm, type("Config", (), {"parks": ({"name": "绵阳高新技术产业开发区", "aliases": ["科技城直管区"]},)})())
    park = next(m for m in tag(article, pm) if m.kind == "park")
    assert (park.surface, park.id) == ("科技城直管区", "G512046")
    other = make_manager(load_entry_points=False)  # another manager in the same process keeps its own gazetteer
    assert not [m for m in tag(article, other) if m.kind == "park"]
    assert [m.id for m in tag(article, pm) if m.kind == "park"] == ["G512046"]


def test_configure_hook_gives_the_policies_plugin_the_users_programme_names():
    article = ArticleText("该市将着力做好“金凤还巢”工作,推出更多涉“金凤还巢”的人才服务。")
    pm = make_manager(load_entry_points=False)
    assert not [m for m in tag(article, pm) if m.kind == "policy"]  # a local name: no context says it is one
    configure(pm, type("Config", (), {"programmes": ("金凤还巢", "潮湧浦江")})())  # config/programmes.yaml
    assert [m.surface for m in tag(article, pm) if m.kind == "policy"] == ["“金凤还巢”", "“金凤还巢”"]
    assert [m.surface for m in tag(ArticleText("全球投资促进大会暨“潮涌浦江”投资上海"), pm)
            if m.kind == "policy"] == ["“潮涌浦江”"]  # listed in Traditional, found in Simplified
    assert not [m for m in tag(article, make_manager(load_entry_points=False)) if m.kind == "policy"]


def test_plugin_info_hook_and_listing():
    pm = make_manager(load_entry_points=False)
    infos = {i.name: i for i in plugin_infos(pm)}
    assert set(infos) == {"regions", "parks", "policies", "figures"}
    assert "tag_article" in infos["parks"].hooks and "configure" in infos["parks"].hooks
    assert all(info["name"] for info in pm.hook.plugin_info())


class Broken:
    @hookimpl
    def tag_article(self, article):
        raise RuntimeError("boom")


def test_a_failing_plugin_is_logged_and_the_others_still_run():
    pm = make_manager(load_entry_points=False)
    pm.register(Broken(), name="broken")
    messages: list[str] = []
    sink = logger.add(messages.append, level="ERROR", format="{message}")
    try:
        mentions = tag(ArticleText("绵阳高新区", id="article-7"), pm)
    finally:
        logger.remove(sink)
    assert any(m.kind == "park" for m in mentions)
    assert any("broken" in msg and "article-7" in msg and "boom" in msg for msg in messages)


def test_disabled_plugins_do_not_run():
    pm = make_manager(disabled=("regions", "figures"), load_entry_points=False)
    assert {m.plugin for m in tag(ArticleText(TEXT), pm)} == {"parks", "policies"}


def test_simplified_form_keeps_length():
    for text in (TEXT, "ＧＤＰ增長９．４％", "乾隆年間的乾坤"):
        assert len(simplified_same_length(text)) == len(text)


def test_external_plugin_through_entry_point_and_settings(tmp_path):
    packages = tmp_path / "site-packages"
    (packages / "pwextra-0.1.dist-info").mkdir(parents=True)
    (packages / "pwextra-0.1.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: pwextra\nVersion: 0.1\n")
    (packages / "pwextra-0.1.dist-info" / "entry_points.txt").write_text("[parkwatch.plugins]\nchips = pwextra\n")
    (packages / "pwextra.py").write_text(
        "from parkwatch.hookspecs import hookimpl\nfrom parkwatch.mentions import Mention\n\n"
        "@hookimpl\ndef tag_article(article):\n"
        "    i = article.simplified.find('芯片')\n"
        "    return [Mention('topic', '芯片', i, i + 2, '集成电路', 'topic:ic')] if i >= 0 else []\n")
    env = {"PYTHONPATH": str(packages)}
    listed = run_cli("plugins", env=env, cwd=tmp_path)
    assert "chips" in listed.stdout and "pwextra 0.1" in listed.stdout
    tagged = run_cli("tag", "-", env=env, cwd=tmp_path, input_text="成都高新区芯片企业")
    mentions = json.loads(tagged.stdout)["mentions"]
    assert {"kind": "topic", "surface": "芯片", "start": 5, "end": 7, "canonical": "集成电路", "id": "topic:ic",
            "plugin": "chips"} in mentions
    write_config(tmp_path / "config", [{"name": "x", "start_urls": ["http://x.cn/"]}],
                 {"plugins": {"disabled": ["chips", "figures"]}})
    disabled = run_cli("--config", str(tmp_path / "config"), "plugins", env=env)
    assert "chips     disabled in settings" in disabled.stdout and "figures   disabled in settings" in disabled.stdout


def test_tag_cli_plain_and_jsonl(tmp_path):
    plain = run_cli("tag", "-", input_text="推动绵阳高新区发展")
    park = json.loads(plain.stdout)["mentions"][0]
    assert park == {"kind": "park", "surface": "绵阳高新区", "start": 2, "end": 7, "canonical": "绵阳高新技术产业开发区",
                    "id": "G512046", "plugin": "parks"}
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in (
        {"id": "a", "text": "服务好高新区的企业", "region": "四川省绵阳市"}, {"id": "b", "text": "人民公园"}))
    out = [json.loads(x) for x in run_cli("tag", "--jsonl", input_text=lines).stdout.splitlines()]
    assert out[0]["id"] == "a" and out[0]["mentions"][0]["canonical"] == "绵阳高新技术产业开发区"
    assert out[1] == {"id": "b", "mentions": []}
    bad = run_cli("tag", "--jsonl", input_text="not json")
    assert bad.returncode == 2 and "line 1" in bad.stderr


def test_mentions_stored_by_the_crawl_and_queried(tmp_path):
    db = tmp_path / "demo.db"
    assert run_cli("demo", "--db", str(db), timeout=600).returncode == 0
    from parkwatch.store import Store

    with Store(db) as store:
        rows = store.articles_mentioning("G512046", since="2024-01-01")
        assert "【科技城新區】綿陽首個產值規模千億元園區誕生" in [r["title"] for r in rows]
        assert all(r["published_at"] >= "2024-01-01" for r in rows)
        assert store.top_entities("park", 1)[0]["entity_id"] == "G512045"
    plan = sqlite3.connect(db).execute(
        "EXPLAIN QUERY PLAN SELECT article_id FROM mentions WHERE entity_id = 'G512046'").fetchall()
    assert "USING INDEX" in str(plan) or "USING COVERING INDEX" in str(plan)


def test_mention_as_dict_leaves_out_empty_attrs():
    assert "attrs" not in Mention("park", "x", 0, 1, "x", "P-1").as_dict()
    assert Mention("park", "x", 0, 1, "x", "P-1", attrs={"level": "national"}).as_dict()["attrs"] == {"level": "national"}
