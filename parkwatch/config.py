"""Load and validate the user's configuration folder (``sites.yaml``, ``settings.yaml``).

Every error names the file, the site, the field and what was expected, so that a user can fix
it without reading a traceback::

    config/sites.yaml: site 'mianyang' (#2): field 'max_pages': expected a positive integer, got 'ten'
"""

from __future__ import annotations

import codecs
import dataclasses
import os
import re
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import yaml

CONFIG_ENV = "PARKWATCH_CONFIG"
DB_ENV = "PARKWATCH_DB"
DEFAULT_CONFIG_DIR = "config"
DEFAULT_DB = "parkwatch.db"
DEFAULT_USER_AGENT = "parkwatch/0.1 (+https://pypi.org/project/parkwatch/; park-news monitor)"

_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_INTERVAL_RE = re.compile(r"^(?:every\s+)?(\d+)\s*(s|m|h|d|w)$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}

CRAWLS_AT_ONCE_ENV = "PARKWATCH_CRAWLS_AT_ONCE"  # set by `parkwatch run` for the crawls it starts (workers)


class ConfigError(Exception):
    """A configuration problem, phrased for the user (file, site, field, expectation)."""


@dataclass(frozen=True)
class Selectors:
    """Per-site overrides for extraction: XPath (starting with ``/`` or ``xpath:``) or CSS."""

    title: str | None = None
    date: str | None = None
    body: str | None = None

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in (("title", self.title), ("date", self.date), ("body", self.body)) if v}


@dataclass(frozen=True)
class Schedule:
    """When a site is crawled: a fixed interval or a crontab expression."""

    interval: timedelta | None = None
    cron: str | None = None

    def __str__(self) -> str:
        if self.cron:
            return f"cron {self.cron}"
        assert self.interval is not None
        return f"every {self.interval}"


@dataclass(frozen=True)
class Site:
    """One configured site."""

    name: str
    title: str = ""
    start_urls: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    follow: str | None = None
    max_pages: int = 3
    encoding: str | None = None
    selectors: Selectors = field(default_factory=Selectors)
    schedule: Schedule = field(default_factory=lambda: Schedule(interval=timedelta(hours=1)))
    spider: str = "generic"
    region: str | None = None
    park: str | None = None  # a park committee's own site: the park its bare 开发区 names
    enabled: bool = True
    delay: float | None = None
    concurrency: int | None = None
    recheck: timedelta | None = None  # re-fetch stored articles older than this (conditional GET); None: never


@dataclass(frozen=True)
class Settings:
    """Global settings from ``settings.yaml`` (all optional)."""

    db: str = DEFAULT_DB
    user_agent: str = DEFAULT_USER_AGENT
    obey_robots: bool = True
    delay: float = 1.0
    concurrency: int = 2
    timeout: float = 30.0
    max_page_bytes: int = 10 * 1024 * 1024
    max_attachment_bytes: int = 20 * 1024 * 1024
    attachments: bool = True
    article_pages: int = 10
    crawl_timeout: float = 2 * 3600.0  # seconds one site's crawl may run under `parkwatch run`
    parallel_crawls: int = 4  # crawl processes `parkwatch run` runs at once
    sites_per_crawl: int = 25  # due sites one of those processes crawls side by side
    workers: int = -1  # processes doing extraction and tagging during a crawl; -1: one per core, 0: none
    disabled_plugins: tuple[str, ...] = ()
    scrapy: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    """The whole configuration folder."""

    directory: Path
    sites: tuple[Site, ...]
    settings: Settings
    parks: tuple[dict[str, Any], ...] = ()
    programmes: tuple[str, ...] = ()  # programmes.yaml: campaign names the policies plugin takes when quoted

    def site(self, name: str) -> Site:
        for site in self.sites:
            if site.name == name:
                return site
        known = ", ".join(s.name for s in self.sites) or "none"
        raise ConfigError(f"no site named {name!r} in {self.directory / 'sites.yaml'} (known: {known})")


def config_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The configuration folder: ``--config``, then ``$PARKWATCH_CONFIG``, then ``./config``."""
    return Path(explicit or os.environ.get(CONFIG_ENV) or DEFAULT_CONFIG_DIR)


def db_path(explicit: str | os.PathLike[str] | None, settings: Settings | None = None) -> Path:
    """The database: ``--db``, then ``$PARKWATCH_DB``, then ``settings.yaml``'s ``db``."""
    return Path(explicit or os.environ.get(DB_ENV) or (settings.db if settings else DEFAULT_DB))


def _beside(folder: Path, db: str) -> Path:
    """``db`` of settings.yaml, relative to the configuration folder (so cron and systemd, whatever their working
    directory, use one database). An older layout's database in the working directory is still found."""
    path = Path(db).expanduser()
    if path.is_absolute():
        return path
    beside = folder / path
    if not beside.exists() and path.exists() and folder.resolve() != Path.cwd().resolve():
        from loguru import logger

        logger.warning("{} is in the working directory; settings.yaml's db is now read relative to {} — move it there "
                       "or write an absolute path", path, folder)
        return path.resolve()
    return beside.resolve()


def load_config(directory: str | os.PathLike[str] | None = None) -> Config:
    """Load ``sites.yaml`` and ``settings.yaml`` from *directory*; raise :class:`ConfigError`."""
    folder = config_dir(directory)
    if not folder.is_dir():
        raise ConfigError(f"{folder}: configuration folder not found (use --config DIR or {CONFIG_ENV})")
    sites_file = folder / "sites.yaml"
    if not sites_file.is_file():
        raise ConfigError(f"{sites_file}: file not found; it lists the sites to crawl")
    settings_file = folder / "settings.yaml"
    settings = parse_settings(_read_yaml(settings_file), settings_file) if settings_file.is_file() else Settings()
    settings = dataclasses.replace(settings, db=str(_beside(folder, settings.db)))
    sites = parse_sites(_read_yaml(sites_file), sites_file)
    parks_file = folder / "parks.yaml"
    park_entries = parse_parks(_read_yaml(parks_file), parks_file) if parks_file.is_file() else ()
    check_site_parks(sites, sites_file, park_entries)
    programmes_file = folder / "programmes.yaml"
    programmes = parse_programmes(_read_yaml(programmes_file), programmes_file) if programmes_file.is_file() else ()
    return Config(directory=folder, sites=sites, settings=settings, parks=park_entries, programmes=programmes)


def check_site_parks(sites: tuple[Site, ...], path: Path, park_entries: tuple[dict[str, Any], ...]) -> None:
    """Each site's ``park`` must name one park the gazetteers (with ``parks.yaml``) know: a name, an alias or a code."""
    from parkwatch.gazetteer import parks, parks_with_gazetteer, unknown_park

    if not any(site.park for site in sites):
        return
    index = parks_with_gazetteer(list(park_entries)) if park_entries else parks()  # built once for every site
    for number, site in enumerate(sites, start=1):
        if not site.park:
            continue
        where = f"{path}: site {site.name!r} (#{number}): field 'park'"
        named = index.named_by(site.park)
        if not named:
            raise ConfigError(f"{where}: {unknown_park(site.park, list(park_entries), index)}")
        if len(named) != 1:
            raise ConfigError(f"{where}: {site.park!r} names {len(named)} parks ({', '.join(p.name for p in named[:4])}); "
                              "give its full name or 代码")


def parse_parks(data: Any, path: Path) -> tuple[dict[str, Any], ...]:
    """The user gazetteer: parks the catalogue lacks, and aliases for catalogue parks."""
    if data is None:
        return ()
    if not isinstance(data, list):
        raise ConfigError(f"{path}: expected a list of parks, each with 'name' and optional 'aliases', 'province', 'code'")
    entries = []
    for number, entry in enumerate(data, start=1):
        label = entry.get("name") if isinstance(entry, dict) else None
        where = f"{path}: park {label!r} (#{number})" if isinstance(label, str) else f"{path}: park #{number}"
        if not isinstance(entry, dict):
            raise ConfigError(f"{where}: expected a mapping with 'name', got {entry!r}")
        f = _Fields(entry, where, {"name", "aliases", "province", "code", "type"})
        entries.append({"name": f.str("name", required=True), "aliases": list(f.str_list("aliases")),
                        "province": f.str("province", ""), "code": f.str("code"), "type": f.str("type", "园区")})
    return tuple(entries)


def parse_programmes(data: Any, path: Path) -> tuple[str, ...]:
    """The user's campaign and programme names (村改, 潮涌浦江): a quoted one is a policy mention wherever it stands."""
    if data is None:
        return ()
    if not isinstance(data, list):
        raise ConfigError(f"{path}: expected a list of programme names (村改, 潮涌浦江), without their quotes")
    names = []
    for number, name in enumerate(data, start=1):
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"{path}: programme #{number}: expected a name (a string), got {name!r}")
        if re.search(r"[“”\"「」‘’《》]", name):
            raise ConfigError(f"{path}: programme #{number} {name!r}: write the name without its quotes")
        names.append(name.strip())
    return tuple(names)


def _read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(f"{path}:{where}: invalid YAML: {problem}") from None


class _Fields:
    """Reads typed fields from one mapping, raising errors that say where."""

    def __init__(self, data: dict[str, Any], where: str, known: set[str]) -> None:
        self.data = data
        self.where = where
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(
                f"{where}: unknown field {unknown[0]!r} (expected one of: {', '.join(sorted(known))})"
            )

    def fail(self, name: str, expected: str) -> ConfigError:
        return ConfigError(f"{self.where}: field {name!r}: expected {expected}, got {self.data.get(name)!r}")

    def str(self, name: str, default: Any = None, required: bool = False) -> Any:
        value = self.data.get(name)
        if value is None:
            if required:
                raise ConfigError(f"{self.where}: field {name!r} is required")
            return default
        if not isinstance(value, str) or not value.strip():
            raise self.fail(name, "a non-empty string")
        return value.strip()

    def bool(self, name: str, default: bool) -> bool:
        value = self.data.get(name, default)
        if not isinstance(value, bool):
            raise self.fail(name, "true or false")
        return value

    def number(self, name: str, default: Any, *, integer: bool = False, minimum: float = 0) -> Any:
        value = self.data.get(name)
        if value is None:
            return default
        kind = "an integer" if integer else "a number"
        if isinstance(value, bool) or not isinstance(value, int | float) or (integer and not isinstance(value, int)):
            raise self.fail(name, f"{kind} ≥ {minimum:g}")
        if value < minimum:
            raise self.fail(name, f"{kind} ≥ {minimum:g}")
        return value

    def urls(self, name: str) -> tuple[str, ...]:
        values = self.str_list(name)
        for value in values:
            if not re.match(r"^https?://[^/\s]+", value):
                raise ConfigError(f"{self.where}: field {name!r}: expected http(s) URLs, got {value!r}")
        return values

    def str_list(self, name: str) -> tuple[str, ...]:
        value = self.data.get(name)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(name, "a list of strings")
        return tuple(v.strip() for v in value)

    def patterns(self, name: str) -> tuple[str, ...]:
        values = self.str_list(name)
        for value in values:
            _check_regex(value, f"{self.where}: field {name!r}")
        return values


def _check_regex(pattern: str, where: str) -> None:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ConfigError(f"{where}: expected a regular expression, got {pattern!r} ({exc})") from None


SITE_FIELDS = {f for f in Site.__dataclass_fields__}


def parse_sites(data: Any, path: Path) -> tuple[Site, ...]:
    """Validate the parsed ``sites.yaml`` document."""
    if isinstance(data, dict) and "sites" in data:
        data = data["sites"]
    if data is None:
        data = []
    if not isinstance(data, list):
        raise ConfigError(f"{path}: expected a list of sites (or a mapping with a 'sites' list)")
    sites: list[Site] = []
    seen: set[str] = set()
    for number, entry in enumerate(data, start=1):
        label = entry.get("name") if isinstance(entry, dict) else None
        where = f"{path}: site {label!r} (#{number})" if isinstance(label, str) else f"{path}: site #{number}"
        if not isinstance(entry, dict):
            raise ConfigError(f"{where}: expected a mapping of fields, got {entry!r}")
        site = parse_site(entry, where)
        if site.name in seen:
            raise ConfigError(f"{where}: field 'name': {site.name!r} is used by another site")
        seen.add(site.name)
        sites.append(site)
    return tuple(sites)


def parse_site(entry: dict[str, Any], where: str) -> Site:
    """Validate one site mapping."""
    f = _Fields(entry, where, SITE_FIELDS)
    name = f.str("name", required=True)
    if not _NAME_RE.match(name):
        raise f.fail("name", "lower-case letters, digits, '-' or '_'")
    start_urls, feeds, sitemaps = f.urls("start_urls"), f.urls("feeds"), f.urls("sitemaps")
    spider = f.str("spider", "generic")
    if not (start_urls or feeds or sitemaps) and spider == "generic":
        raise ConfigError(f"{where}: expected at least one of 'start_urls', 'feeds' or 'sitemaps'")
    follow = f.str("follow")
    if follow:
        _check_regex(follow, f"{where}: field 'follow'")
    encoding = f.str("encoding")
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise f.fail("encoding", "a known text encoding such as gb18030 or utf-8") from None
    return Site(
        name=name,
        title=f.str("title", name),
        start_urls=start_urls,
        feeds=feeds,
        sitemaps=sitemaps,
        allow=f.patterns("allow"),
        deny=f.patterns("deny"),
        follow=follow,
        max_pages=f.number("max_pages", 3, integer=True, minimum=1),
        encoding=encoding,
        selectors=_parse_selectors(entry.get("selectors"), where),
        schedule=parse_schedule(entry.get("schedule"), where),
        spider=spider,
        region=f.str("region"),
        park=f.str("park"),
        enabled=f.bool("enabled", True),
        delay=f.number("delay", None),
        concurrency=f.number("concurrency", None, integer=True, minimum=1),
        recheck=_parse_recheck(entry.get("recheck"), where),
    )


def _parse_recheck(value: Any, where: str) -> timedelta | None:
    if value is None or value is False:
        return None
    schedule = parse_schedule(value, where)
    if schedule.interval is None:
        raise ConfigError(f"{where}: field 'recheck': expected an interval such as '7d' or false, got {value!r}")
    return schedule.interval


def _parse_selectors(value: Any, where: str) -> Selectors:
    if value is None:
        return Selectors()
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: field 'selectors': expected a mapping with title/date/body, got {value!r}")
    f = _Fields(value, f"{where}: field 'selectors'", {"title", "date", "body"})
    selectors = Selectors(title=f.str("title"), date=f.str("date"), body=f.str("body"))
    from parkwatch.extract.selectors import compile_selector

    for key, expr in selectors.as_dict().items():
        try:
            compile_selector(expr)
        except ValueError as exc:
            raise ConfigError(f"{where}: field 'selectors.{key}': expected an XPath or CSS selector, {exc}") from None
    return selectors


def parse_schedule(value: Any, where: str = "schedule") -> Schedule:
    """``30m``, ``every 2h``, ``1d`` or a five-field crontab line such as ``0 7 * * *``."""
    if value is None:
        return Schedule(interval=timedelta(hours=1))
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return Schedule(interval=timedelta(minutes=value))
    if isinstance(value, str):
        text = value.strip().lower()
        match = _INTERVAL_RE.match(text)
        if match and int(match.group(1)) > 0:
            return Schedule(interval=timedelta(**{_UNITS[match.group(2)]: int(match.group(1))}))
        if len(text.split()) == 5:
            from apscheduler.triggers.cron import CronTrigger

            try:
                CronTrigger.from_crontab(text)
            except ValueError as exc:
                raise ConfigError(f"{where}: field 'schedule': invalid crontab {value!r} ({exc})") from None
            return Schedule(cron=text)
    raise ConfigError(
        f"{where}: field 'schedule': expected an interval such as '30m', 'every 2h', '1d' "
        f"or a crontab line such as '0 7 * * *', got {value!r}"
    )


def _seconds(value: Any, where: str, default: float) -> float:
    """An interval written as seconds (7200) or as '2h', '30m'."""
    if value is None:
        return default
    if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
        return float(value)
    match = _INTERVAL_RE.match(str(value).strip().lower())
    if not match or int(match.group(1)) <= 0:
        raise ConfigError(f"{where}: field 'crawl_timeout': expected seconds or an interval such as '2h', got {value!r}")
    return timedelta(**{_UNITS[match.group(2)]: int(match.group(1))}).total_seconds()


def parse_settings(data: Any, path: Path) -> Settings:
    """Validate the parsed ``settings.yaml`` document."""
    if data is None:
        return Settings()
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of settings")
    known = {"db", "user_agent", "obey_robots", "delay", "concurrency", "timeout", "max_page_bytes", "plugins", "scrapy",
             "max_attachment_bytes", "attachments", "article_pages", "crawl_timeout", "parallel_crawls", "sites_per_crawl", "workers"}
    f = _Fields(data, str(path), known)
    plugins = data.get("plugins") or {}
    if not isinstance(plugins, dict):
        raise f.fail("plugins", "a mapping such as {disabled: [name, …]}")
    disabled = _Fields(plugins, f"{path}: field 'plugins'", {"disabled"}).str_list("disabled")
    scrapy = data.get("scrapy") or {}
    if not isinstance(scrapy, dict) or not all(isinstance(k, str) and k.isupper() for k in scrapy):
        raise f.fail("scrapy", "a mapping of upper-case Scrapy setting names")
    return Settings(
        db=f.str("db", DEFAULT_DB),
        user_agent=f.str("user_agent", DEFAULT_USER_AGENT),
        obey_robots=f.bool("obey_robots", True),
        delay=f.number("delay", 1.0),
        concurrency=f.number("concurrency", 2, integer=True, minimum=1),
        timeout=f.number("timeout", 30.0, minimum=1),
        max_page_bytes=f.number("max_page_bytes", 10 * 1024 * 1024, integer=True, minimum=1024),
        max_attachment_bytes=f.number("max_attachment_bytes", 20 * 1024 * 1024, integer=True, minimum=1024),
        attachments=f.bool("attachments", True),
        article_pages=f.number("article_pages", 10, integer=True, minimum=1),
        crawl_timeout=_seconds(data.get("crawl_timeout"), str(path), 2 * 3600.0),
        parallel_crawls=f.number("parallel_crawls", 4, integer=True, minimum=1),
        sites_per_crawl=f.number("sites_per_crawl", 25, integer=True, minimum=1),
        workers=f.number("workers", -1, integer=True, minimum=-1),
        disabled_plugins=disabled,
        scrapy=dict(scrapy),
    )
