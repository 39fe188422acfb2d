"""``config/watches.yaml``: what users follow, and where and when they are told.

    channels:
      office-mail: {type: email, to: [zhang@example.cn], host: smtp.example.cn, port: 587, starttls: true,
                    username_env: PARKWATCH_SMTP_USER, password_env: PARKWATCH_SMTP_PASSWORD}
      team-hook:  {type: webhook, url: "https://example.cn/hook", secret_env: PARKWATCH_HOOK_SECRET}
    watches:
      - name: mianyang-parks
        parks: [绵阳高新区, G511192]
        keywords: [签约]
        match: any
        channels: [office-mail]
        digest: daily 08:00
        quiet_hours: "22:00-07:00"
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import time, timedelta
from pathlib import Path
from typing import Any

from parkwatch.config import ConfigError, _Fields, _read_yaml, parse_schedule

CHANNEL_TYPES = {"email", "webhook", "wecom", "dingtalk", "feishu", "slack", "telegram"}
_DIGEST_RE = re.compile(r"^(?:immediately|hourly|daily (?P<daily>\d{1,2}:\d{2})|weekly (?P<day>mon|tue|wed|thu|fri|sat|sun) "
                        r"(?P<weekly>\d{1,2}:\d{2}))$")
_QUIET_RE = re.compile(r"^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$")


@dataclass(frozen=True)
class Channel:
    name: str
    type: str
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Watch:
    name: str
    parks: tuple[str, ...] = ()
    policies: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    sites: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    match: str = "any"
    channels: tuple[str, ...] = ()
    digest: str = "daily 08:00"
    quiet_hours: tuple[time, time] | None = None
    since: timedelta | None = None  # a new watch also matches articles published this far back

    def criteria(self) -> int:
        return sum(bool(x) for x in (self.parks, self.policies, self.regions, self.keywords, self.sites))


@dataclass(frozen=True)
class Watches:
    watches: tuple[Watch, ...]
    channels: dict[str, Channel]
    health_channels: tuple[str, ...] = ()

    def get(self, name: str) -> Watch:
        for watch in self.watches:
            if watch.name == name:
                return watch
        raise ConfigError(f"no watch named {name!r} (known: {', '.join(w.name for w in self.watches) or 'none'})")


def load_watches(directory: Path) -> Watches:
    """``watches.yaml`` of a configuration folder, every term checked: a park the gazetteers (with the folder's
    ``parks.yaml``) do not know, a site ``sites.yaml`` lacks or a place no region matches is an error."""
    path = directory / "watches.yaml"
    if not path.is_file():
        return Watches((), {})
    watches = parse_watches(_read_yaml(path), path)
    check_terms(watches, path, directory)
    return watches


def check_terms(watches: Watches, path: Path, directory: Path) -> None:
    from parkwatch.config import parse_parks
    from parkwatch.gazetteer import unknown_park

    sites_file, parks_file = directory / "sites.yaml", directory / "parks.yaml"
    sites = None
    if sites_file.is_file():
        raw = _read_yaml(sites_file) or []
        sites = {e.get("name") for e in raw if isinstance(e, dict)} if isinstance(raw, list) else None
    gazetteer = list(parse_parks(_read_yaml(parks_file), parks_file)) if parks_file.is_file() else []
    for number, watch in enumerate(watches.watches, start=1):
        where = f"{path}: watch {watch.name!r} (#{number})"
        for term in watch.parks:
            problem = unknown_park(term, gazetteer)
            if problem:
                raise ConfigError(f"{where}: field 'parks': {problem}")
        for term in watch.regions:
            from parkwatch.extract.normalize import simplify
            from parkwatch.gazetteer import regions

            if not regions().lookup(simplify(term)):
                raise ConfigError(f"{where}: field 'regions': no province, city or county is called {term!r}")
        if sites is not None:
            for term in watch.sites:
                if term not in sites:
                    raise ConfigError(f"{where}: field 'sites': {term!r} is not in {sites_file} "
                                      f"(sites: {', '.join(sorted(s for s in sites if s)) or 'none'})")


def parse_watches(data: Any, path: Path) -> Watches:
    if data is None:
        return Watches((), {})
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping with 'watches' (and 'channels')")
    _Fields(data, str(path), {"watches", "channels", "health"})
    channels: dict[str, Channel] = {}
    raw_channels = data.get("channels") or {}
    if not isinstance(raw_channels, dict):
        raise ConfigError(f"{path}: field 'channels': expected a mapping of channel names to settings")
    for name, options in raw_channels.items():
        where = f"{path}: channel {name!r}"
        if not isinstance(options, dict):
            raise ConfigError(f"{where}: expected a mapping with 'type' and its settings")
        kind = options.get("type")
        if kind not in CHANNEL_TYPES:
            raise ConfigError(f"{where}: field 'type': expected one of {', '.join(sorted(CHANNEL_TYPES))}, got {kind!r}")
        _check_channel(where, kind, options)
        channels[str(name)] = Channel(str(name), kind, {k: v for k, v in options.items() if k != "type"})
    raw = data.get("watches") or []
    if not isinstance(raw, list):
        raise ConfigError(f"{path}: field 'watches': expected a list of watches")
    watches, seen = [], set()
    for number, entry in enumerate(raw, start=1):
        label = entry.get("name") if isinstance(entry, dict) else None
        where = f"{path}: watch {label!r} (#{number})" if isinstance(label, str) else f"{path}: watch #{number}"
        if not isinstance(entry, dict):
            raise ConfigError(f"{where}: expected a mapping of fields, got {entry!r}")
        watch = _parse_watch(entry, where, channels)
        if watch.name in seen:
            raise ConfigError(f"{where}: field 'name': {watch.name!r} is used by another watch")
        seen.add(watch.name)
        watches.append(watch)
    health = data.get("health") or {}
    if not isinstance(health, dict):
        raise ConfigError(f"{path}: field 'health': expected a mapping such as {{channels: [office-mail]}}")
    health_channels = _Fields(health, f"{path}: field 'health'", {"channels"}).str_list("channels")
    for name in health_channels:
        if name not in channels:
            raise ConfigError(f"{path}: field 'health.channels': {name!r} is not defined under 'channels'")
    return Watches(tuple(watches), channels, health_channels)


CHANNEL_FIELDS = {
    "email": {"to", "host", "port", "ssl", "starttls", "username_env", "password_env", "from", "subject"},
    "webhook": {"url", "secret_env"}, "wecom": {"url"}, "dingtalk": {"url", "secret_env"},
    "feishu": {"url", "secret_env"}, "slack": {"url"}, "telegram": {"chat_id", "token_env", "api_base"},
}


def _check_channel(where: str, kind: str, options: dict[str, Any]) -> None:
    import difflib

    for key in options:
        if key != "type" and key not in CHANNEL_FIELDS[kind]:
            close = difflib.get_close_matches(str(key), sorted(CHANNEL_FIELDS[kind]), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ConfigError(f"{where}: field {key!r}: not a {kind} channel field{hint}; expected one of "
                              f"{', '.join(sorted(CHANNEL_FIELDS[kind]))}")
    for key in ("ssl", "starttls"):
        if key in options and not isinstance(options[key], bool):
            raise ConfigError(f"{where}: field {key!r}: expected true or false, got {options[key]!r}")
    if kind == "email":
        to = options.get("to")
        if not to or not (isinstance(to, str) or isinstance(to, list) and all(isinstance(t, str) for t in to)):
            raise ConfigError(f"{where}: field 'to': expected an e-mail address or a list of them, got {to!r}")
        if not isinstance(options.get("host", "localhost"), str):
            raise ConfigError(f"{where}: field 'host': expected a host name")
        port = options.get("port", 25)
        if not isinstance(port, int) or not 0 < port < 65536:
            raise ConfigError(f"{where}: field 'port': expected a port number, got {port!r}")
    elif kind == "telegram":
        if not options.get("chat_id") or not options.get("token_env"):
            raise ConfigError(f"{where}: expected 'chat_id' and 'token_env' (the environment variable with the bot token)")
    elif not isinstance(options.get("url"), str) or not re.match(r"^https?://", options["url"]):
        raise ConfigError(f"{where}: field 'url': expected an http(s) URL, got {options.get('url')!r}")


def _parse_watch(entry: dict[str, Any], where: str, channels: dict[str, Channel]) -> Watch:
    known = {"name", "parks", "policies", "regions", "keywords", "sites", "exclude", "match", "channels", "digest",
             "quiet_hours", "since"}
    f = _Fields(entry, where, known)
    match = f.str("match", "any")
    if match not in ("any", "all"):
        raise f.fail("match", "'any' or 'all'")
    digest = f.str("digest", "daily 08:00").lower()
    found = _DIGEST_RE.match(digest)
    clock = found and (found["daily"] or found["weekly"])
    if not found or clock and not (int(clock.split(":")[0]) < 24 and int(clock.split(":")[1]) < 60):
        raise f.fail("digest", "immediately, hourly, 'daily HH:MM' or 'weekly mon HH:MM' (HH 00–23, MM 00–59)")
    names = f.str_list("channels")
    for name in names:
        if name not in channels:
            raise ConfigError(f"{where}: field 'channels': {name!r} is not defined under 'channels' "
                              f"(defined: {', '.join(channels) or 'none'})")
    quiet = None
    if entry.get("quiet_hours") is not None:
        m = _QUIET_RE.match(str(entry["quiet_hours"]).strip())
        if not m:
            raise f.fail("quiet_hours", "a range such as '22:00-07:00'")
        try:
            quiet = (time(int(m[1]), int(m[2])), time(int(m[3]), int(m[4])))
        except ValueError:
            raise f.fail("quiet_hours", "a range such as '22:00-07:00'") from None
    since = None
    if entry.get("since") is not None:
        schedule = parse_schedule(entry["since"], f"{where}: field 'since'")
        if schedule.interval is None:
            raise f.fail("since", "an interval such as '7d'")
        since = schedule.interval
    watch = Watch(name=f.str("name", required=True), parks=f.str_list("parks"), policies=f.str_list("policies"),
                  regions=f.str_list("regions"), keywords=f.str_list("keywords"), sites=f.str_list("sites"),
                  exclude=f.str_list("exclude"), match=match, channels=tuple(names), digest=digest, quiet_hours=quiet,
                  since=since)
    if not watch.criteria():
        raise ConfigError(f"{where}: expected at least one of parks, policies, regions, keywords or sites")
    return watch


def in_quiet_hours(watch: Watch, now: time) -> bool:
    if watch.quiet_hours is None:
        return False
    start, end = watch.quiet_hours
    return start <= now < end if start <= end else (now >= start or now < end)
