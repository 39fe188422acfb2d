"""Configuration validation: every error names the file, the site, the field and what was expected."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from conftest import run_cli

from parkwatch.config import ConfigError, load_config


def write(folder: Path, sites: str, settings: str | None = None) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "sites.yaml").write_text(sites, encoding="utf-8")
    if settings is not None:
        (folder / "settings.yaml").write_text(settings, encoding="utf-8")
    return folder


GOOD = """
- name: mianyang
  title: 绵阳新闻网
  start_urls: [http://www.example.cn/list_1.html]
  allow: ['/content_\\d+\\.html$']
  follow: 'list_\\d+\\.html'
  max_pages: 4
  encoding: gbk
  selectors: {title: h1, body: "//div[@id='content']"}
  schedule: every 30m
  region: 四川省绵阳市
- name: gov
  sitemaps: [https://gov.example.cn/sitemap.xml]
  schedule: "0 7 * * *"
  enabled: false
"""


def test_valid_config_loads(tmp_path):
    config = load_config(write(tmp_path, GOOD, "delay: 2\nplugins: {disabled: [figures]}\n"))
    site = config.site("mianyang")
    assert site.max_pages == 4 and site.encoding == "gbk" and site.region == "四川省绵阳市"
    assert site.schedule.interval == timedelta(minutes=30)
    assert site.selectors.title == "h1"
    gov = config.site("gov")
    assert gov.schedule.cron == "0 7 * * *" and gov.enabled is False and gov.spider == "generic"
    assert config.settings.delay == 2 and config.settings.disabled_plugins == ("figures",)


def test_a_site_s_park_is_any_one_name_alias_or_code_the_gazetteers_know(tmp_path):
    sites = "- name: a\n  start_urls: [http://x.cn/]\n  park: 库尔勒经开区\n- name: b\n  start_urls: [http://y.cn/]\n  park: G651215\n"
    config = load_config(write(tmp_path, sites))
    assert config.site("a").park == "库尔勒经开区" and config.site("b").park == "G651215"
    (tmp_path / "parks.yaml").write_text("- name: 东城智谷产业园\n  province: 四川省\n", encoding="utf-8")
    write(tmp_path, "- name: c\n  start_urls: [http://x.cn/]\n  park: 东城智谷产业园\n")
    assert load_config(tmp_path).site("c").park == "东城智谷产业园"  # the user's own gazetteer counts


@pytest.mark.parametrize(
    ("sites", "message"),
    [
        ("- name: a\n  start_urls: [http://x.cn/]\n  max_pages: ten\n",
         "site 'a' (#1): field 'max_pages': expected an integer ≥ 1, got 'ten'"),
        ("- name: a\n  start_urls: [ftp://x.cn/]\n", "site 'a' (#1): field 'start_urls': expected http(s) URLs, got 'ftp://x.cn/'"),
        ("- name: a\n  start_urls: [http://x.cn/]\n  allow: ['(unclosed']\n", "site 'a' (#1): field 'allow': expected a regular expression"),
        ("- name: a\n  start_urls: [http://x.cn/]\n  schedule: sometimes\n", "site 'a' (#1): field 'schedule': expected an interval"),
        ("- name: a\n  start_urls: [http://x.cn/]\n  schedule: '61 * * * *'\n", "field 'schedule': invalid crontab"),
        ("- name: a\n  start_urls: [http://x.cn/]\n  encoding: klingon\n", "field 'encoding': expected a known text encoding"),
        ("- name: a\n  start_urls: [http://x.cn/]\n  startt_urls: []\n", "site 'a' (#1): unknown field 'startt_urls'"),
        ("- name: a\n", "site 'a' (#1): expected at least one of 'start_urls', 'feeds' or 'sitemaps'"),
        ("- start_urls: [http://x.cn/]\n", "site #1: field 'name' is required"),
        ("- name: Bad Name\n  start_urls: [http://x.cn/]\n", "field 'name': expected lower-case letters"),
        ("- name: a\n  start_urls: [http://x.cn/]\n- name: a\n  feeds: [http://x.cn/rss]\n", "site 'a' (#2): field 'name': 'a' is used by another site"),
        ("- name: a\n  start_urls: [http://x.cn/]\n  selectors: {body: '//div[@'}\n", "field 'selectors.body': expected an XPath or CSS selector"),
        ("- name: a\n  start_urls: [http://x.cn/]\n  enabled: maybe\n", "field 'enabled': expected true or false"),
        ("- name: a\n  start_urls: [http://x.cn/\n", "invalid YAML"),
        ("just a string", "expected a list of sites"),
        ("- name: a\n  start_urls: [http://x.cn/]\n  park: 库尔勒经开发区\n",
         "site 'a' (#1): field 'park': '库尔勒经开发区' is no park, alias or 代码 the gazetteers know"),
        ("- name: a\n  start_urls: [http://x.cn/]\n  park: 临港经开区\n",
         "site 'a' (#1): field 'park': '临港经开区' names 3 parks"),
    ],
)
def test_errors_name_file_site_and_field(tmp_path, sites, message):
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, sites))
    assert str(info.value).startswith(str(tmp_path / "sites.yaml"))
    assert message in str(info.value)


def test_settings_errors(tmp_path):
    with pytest.raises(ConfigError, match=r"settings.yaml: field 'concurrency': expected an integer ≥ 1, got 0"):
        load_config(write(tmp_path, GOOD, "concurrency: 0\n"))
    with pytest.raises(ConfigError, match=r"settings.yaml: unknown field 'dealy'"):
        load_config(write(tmp_path, GOOD, "dealy: 1\n"))


def test_missing_folder_and_file(tmp_path):
    with pytest.raises(ConfigError, match="configuration folder not found"):
        load_config(tmp_path / "nope")
    with pytest.raises(ConfigError, match=r"sites.yaml: file not found"):
        load_config(tmp_path)


def test_cli_reports_one_line_without_traceback(tmp_path):
    write(tmp_path, "- name: a\n  start_urls: [http://x.cn/]\n  max_pages: ten\n")
    result = run_cli("--config", str(tmp_path), "sites")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines == [f"error: {tmp_path / 'sites.yaml'}: site 'a' (#1): field 'max_pages': "
                     "expected an integer ≥ 1, got 'ten'"]


def test_unknown_spider_plugin_is_a_config_error(tmp_path):
    write(tmp_path, "- name: a\n  start_urls: [http://x.cn/]\n  spider: nosuch\n")
    result = run_cli("--config", str(tmp_path), "crawl", "--db", str(tmp_path / "x.db"))
    assert result.returncode == 2
    assert "site 'a' (#1): field 'spider': expected one of generic, zblog, got 'nosuch'" in result.stderr


def test_the_database_of_settings_yaml_lives_beside_the_configuration(tmp_path):
    """cron or systemd run from another working directory must not start a second database."""
    from conftest import run_cli, write_config

    config = write_config(tmp_path / "srv" / "config", [{"name": "news", "start_urls": ["http://127.0.0.1:9/x"]}],
                          {"db": "data/parkwatch.db"})
    elsewhere = tmp_path / "cron"
    elsewhere.mkdir()
    first = run_cli("--config", str(config), "crawl", cwd=elsewhere)
    assert f"into {config / 'data' / 'parkwatch.db'} (a new database)" in first.stdout, first.stdout + first.stderr
    again = run_cli("--config", str(config), "crawl", cwd=tmp_path)
    assert f"into {config / 'data' / 'parkwatch.db'}\n" in again.stdout  # the same one, not a new one
    assert not (elsewhere / "data").exists() and (config / "data" / "parkwatch.db").exists()


def test_programmes_yaml_is_a_list_of_names_without_quotes(tmp_path):
    folder = write(tmp_path / "c", GOOD)
    (folder / "programmes.yaml").write_text("- 村改\n- 潮涌浦江\n", encoding="utf-8")
    assert load_config(folder).programmes == ("村改", "潮涌浦江")
    (folder / "programmes.yaml").write_text("村改: 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"programmes\.yaml: expected a list of programme names"):
        load_config(folder)
    (folder / "programmes.yaml").write_text("- 村改\n- “潮涌浦江”\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"programmes\.yaml: programme #2 '“潮涌浦江”': write the name without its quotes"):
        load_config(folder)
    (folder / "programmes.yaml").write_text("- 村改\n- {name: 潮涌浦江}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"programme #2: expected a name"):
        load_config(folder)
