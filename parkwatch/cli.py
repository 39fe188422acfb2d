"""The ``parkwatch`` command line."""

from __future__ import annotations

import json
import re
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click
from loguru import logger

from parkwatch import __version__
from parkwatch.config import Config, ConfigError, db_path, load_config


def setup_logging(verbose: bool) -> None:
    logger.remove()
    logger.add(sys.stderr, level="DEBUG" if verbose else "WARNING",
               format="<level>{level: <7}</level> {message}", colorize=None)


class Context:
    def __init__(self, config_dir: str | None = None, db: str | None = None, verbose: bool = False) -> None:
        self.config_dir = config_dir
        self.db = db
        self.verbose = verbose
        self._config: Config | None = None

    @property
    def config(self) -> Config:
        if self._config is None:
            self._config = load_config(self.config_dir)
        return self._config

    def config_folder(self) -> Path:
        from parkwatch.config import config_dir

        return config_dir(self.config_dir)

    def db_path(self, need_config: bool = True) -> Path:
        settings = self.config.settings if need_config or self.config_dir else None
        return db_path(self.db, settings)


def _fail(message: str, code: int = 2) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def _set_obj(attr: str):
    def callback(ctx: click.Context, param: click.Parameter, value: Any) -> None:
        if value is not None:
            setattr(ctx.ensure_object(Context), attr, value)

    return callback


def common_options(command: Any) -> Any:
    """``--config`` and ``--db`` work after the command name too (``parkwatch crawl --db x.db``)."""
    command = click.option("--db", metavar="PATH", expose_value=False, callback=_set_obj("db"),
                           help="SQLite database.")(command)
    return click.option("--config", metavar="DIR", expose_value=False, callback=_set_obj("config_dir"),
                        help="Configuration folder.")(command)




class _Group(click.Group):
    """Turns configuration errors into one clear line and a non-zero exit, without a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        import sqlite3

        try:
            return super().invoke(ctx)
        except ConfigError as exc:
            _fail(str(exc))
        except sqlite3.DatabaseError as exc:  # a folder, another file, a damaged database: one line, no traceback
            db = getattr(ctx.obj, "db", None) or "the database"
            _fail(f"{db}: cannot use it as a parkwatch database ({exc})")


@click.group(cls=_Group)
@click.option("--config", "config_dir", envvar="PARKWATCH_CONFIG", metavar="DIR",
              help="Configuration folder (default: ./config).")
@click.option("--db", envvar="PARKWATCH_DB", metavar="PATH", help="SQLite database (default: settings.yaml's db).")
@click.option("-v", "--verbose", is_flag=True, help="Log debug detail, Scrapy's included.")
@click.version_option(__version__, prog_name="parkwatch")
@click.pass_context
def main(ctx: click.Context, config_dir: str | None, db: str | None, verbose: bool) -> None:
    """Scrape and monitor Chinese regional industrial-park news."""
    setup_logging(verbose)
    ctx.obj = Context(config_dir, db, verbose)


@main.command()
@common_options
@click.option("--site", "sites", multiple=True, metavar="NAME", help="Crawl only this site (repeatable).")
@click.option("--backfill", default=0, metavar="N", help="Follow N list pages even where they hold only known articles.")
@click.option("--site-timeout", type=click.FloatRange(min=1), metavar="SECONDS",
              help="Close a site's crawl still running after this long (others go on); `parkwatch run` passes "
                   "crawl_timeout.")
@click.option("--no-health-alerts", is_flag=True, hidden=True,
              help="Leave health alerts to the caller (`parkwatch run` sends them after the crawl process ends).")
@click.pass_obj
def crawl(obj: Context, sites: tuple[str, ...], backfill: int, site_timeout: float | None,
          no_health_alerts: bool) -> None:
    """Crawl the configured sites once and store new articles."""
    from parkwatch.crawl import run_crawl

    config = obj.config
    for name in sites:
        config.site(name)
    db = obj.db_path()
    chosen = list(sites) or [s.name for s in config.sites if s.enabled]
    click.echo(f"crawling {len(chosen)} site(s) into {db}" + ("" if db.exists() else " (a new database)"))
    summary = run_crawl(config, db, list(sites) or None, verbose=obj.verbose, backfill=backfill,
                        on_site_done=lambda r: click.echo(f"  {r.line()}"),
                        extra_settings={"CLOSESPIDER_TIMEOUT": site_timeout} if site_timeout else None)
    t = summary.totals
    click.echo(f"done: {t.pages} pages fetched, {t.new} new, {t.updated} updated, {t.unchanged} unchanged, "
               f"{t.skipped} skipped as known, {t.errors} errors")
    if not no_health_alerts:
        _health_alerts(obj, db, [r.site for r in summary.sites])
    failed = [r.site for r in summary.sites if r.failed]
    if failed:  # exit 1 when any site yielded nothing but errors, however many sites ran
        click.echo(f"failed: {', '.join(failed)}", err=True)
        sys.exit(1)


def _health_alerts(obj: Context, db: Path, sites: list[str]) -> None:
    """After any crawl, not only under `parkwatch run`: health problems go to watches.yaml's health channels."""
    from parkwatch.alerts.watches import load_watches
    from parkwatch.health import alert_on_health
    from parkwatch.store import Store

    watches = load_watches(obj.config.directory)
    if not watches.health_channels:
        return
    with Store(db) as store:
        for site in sites:
            try:
                alert_on_health(store, watches, site)
            except Exception as exc:  # one site's failed alert must not hide the crawl's result or the others
                logger.opt(exception=exc).error("site {}: health alert failed: {}", site, exc)


@main.command()
@common_options
@click.pass_obj
def check(obj: Context) -> None:
    """Validate the whole configuration folder without crawling (sites, settings, parks, watches)."""
    from parkwatch.alerts.watches import load_watches
    from parkwatch.spider_registry import available_spiders

    config = obj.config
    watches = load_watches(config.directory)
    spiders = available_spiders()
    missing = [f"{s.name} (spider {s.spider!r})" for s in config.sites if s.spider not in spiders]
    if missing:
        _fail(f"{config.directory / 'sites.yaml'}: no spider plugin for {', '.join(missing)}")
    click.echo(f"{config.directory}: ok — {len(config.sites)} sites ({sum(s.enabled for s in config.sites)} enabled), "
               f"{len(config.parks)} gazetteer entries, {len(watches.watches)} watches, {len(watches.channels)} channels; "
               f"database {obj.db_path()}")
    for watch in watches.watches:
        if not watch.channels:
            click.echo(f"note: watch {watch.name!r} has no channels: its matches show only in `parkwatch feed`, "
                       f"`serve` and `digest --dry-run`, and are never sent")


@main.group(invoke_without_command=True)
@common_options
@click.pass_context
def sites(ctx: click.Context) -> None:
    """List the configured sites and the spider serving each; ``sites new`` and ``sites check`` add and test one."""
    if ctx.invoked_subcommand is None:
        _list_sites(ctx.obj)


@sites.command("new")
@common_options
@click.argument("url")
@click.option("--name", required=True, help="The site's name in sites.yaml (a-z, 0-9, - and _).")
@click.option("--region", help="The place the site is about, e.g. 四川省绵阳市.")
@click.option("--park", help="For a park committee's own site: its park (else read from a committee's page title).")
@click.option("--yes", "accept", is_flag=True, help="Append the proposed entry to sites.yaml.")
@click.option("--print", "print_only", is_flag=True, help="Only print the proposed entry.")
@click.option("--plugin", is_flag=True, help="Also write a spider plugin module and its saved-page test.")
@click.option("--plugin-dir", default="spiders", show_default=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--tests-dir", default="tests", show_default=True, type=click.Path(file_okay=False, path_type=Path))
@click.pass_obj
def sites_new(obj: Context, url: str, name: str, region: str | None, park: str | None, accept: bool, print_only: bool,
              plugin: bool, plugin_dir: Path, tests_dir: Path) -> None:
    """Propose a sites.yaml entry from a list page: feeds, sitemaps, list kind, the article link pattern, and
    sample extractions; append it with --yes."""
    from parkwatch.onboard import propose, yaml_entry

    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", name):
        _fail(f"--name: expected lower-case letters, digits, - and _, got {name!r}")
    folder = obj.config_folder()
    existing = [s.name for s in obj.config.sites] if (folder / "sites.yaml").is_file() else []
    if name in existing:
        _fail(f"{folder / 'sites.yaml'}: a site named {name!r} exists already")
    from parkwatch.gazetteer import unknown_park
    from parkwatch.tagging import manager_for

    config = _optional_config(obj) if (folder / "sites.yaml").is_file() else None
    if park and (problem := unknown_park(park, list(getattr(config, "parks", ()) or ()))):
        _fail(f"--park: {problem}")
    proposal = propose(url, name, region, park=park, manager=manager_for(config))
    for problem in proposal.problems:
        click.echo(f"! {problem}")
    click.echo(f"list kind: {proposal.list_kind}; feeds: {', '.join(proposal.feeds) or 'none'}; "
               f"sitemaps: {', '.join(proposal.sitemaps) or 'none'}")
    for number, candidate in enumerate(proposal.candidates[:4], start=1):
        example = candidate.links[0][1][:30] if candidate.links else ""
        click.echo(f"  {'*' if number == 1 else ' '} {candidate.pattern}  {len(candidate.links)} links"
                   f"{f', {candidate.chrome} in navigation/footer' if candidate.chrome else ''}  e.g. {example}")
    for sample in proposal.samples:
        if sample.get("error"):
            click.echo(f"  sample {sample['url']}: {sample['error']}")
        else:
            click.echo(f"  sample: {sample['title']} | {sample['date'] or 'no date'} | {sample['source'] or '-'} | "
                       f"{sample['text']}…")
    interactive = not accept and not print_only and sys.stdin.isatty()
    if interactive and len(proposal.candidates) > 1 and "allow" in proposal.entry:  # pick another pattern
        choice = click.prompt("article link pattern (number above)", default=1,
                              type=click.IntRange(1, min(4, len(proposal.candidates))))
        proposal.candidates.insert(0, proposal.candidates.pop(choice - 1))
        proposal.entry["allow"] = [click.prompt("allow (edit or keep)", default=proposal.candidates[0].pattern)]
    if plugin and not print_only:
        from parkwatch.onboard import write_plugin

        for path in write_plugin(proposal, plugin_dir, tests_dir):
            click.echo(f"wrote {path}")
    text = yaml_entry(proposal.entry)
    click.echo("\n" + text)
    if print_only or "allow" not in proposal.entry and "feeds" not in proposal.entry:
        sys.exit(0 if "allow" in proposal.entry or "feeds" in proposal.entry else 1)
    if not accept and (not sys.stdin.isatty() or not click.confirm(f"append to {folder / 'sites.yaml'}?", default=True)):
        click.echo("not written (use --yes to append, --print to only show it)")
        return
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "sites.yaml"
    before = path.read_text(encoding="utf-8") if path.is_file() else ""
    if before.strip() in ("", "[]"):  # an empty list: the entry starts it
        before = ""
    path.write_text(before + ("" if not before or before.endswith("\n") else "\n") + text, encoding="utf-8")
    load_config(folder)  # the file still validates
    click.echo(f"appended {name!r} to {path}; try: parkwatch crawl --site {name}")


@sites.command("check")
@common_options
@click.argument("name")
@click.option("--pages", default=2, show_default=True, help="List pages to walk.")
@click.pass_obj
def sites_check(obj: Context, name: str, pages: int) -> None:
    """A dry run of one site: list pages reached, links taken and left out (with why), sample extractions."""
    from parkwatch.onboard import check, group_reasons

    site = obj.config.site(name)
    report = check(site, pages)
    for finding in report.findings:
        click.echo(f"  {finding}")
    click.echo(f"article links taken: {len(report.taken)}")
    for url, text in report.taken[:10]:
        click.echo(f"    {url}  {text[:30]}")
    for reason, urls in group_reasons(report.left_out).items():
        click.echo(f"left out, {reason}: {len(urls)}  e.g. {', '.join(urls[:3])}")
    for sample in report.samples:
        if sample.get("error"):
            click.echo(f"  sample {sample['url']}: {sample['error']}")
            continue
        missing = f"  MISSING {', '.join(sample['missing'])}" if sample["missing"] else ""
        click.echo(f"  sample: {sample['title']} | {sample['date'] or '-'} | {sample['source'] or '-'} | "
                   f"{len(sample['text'])} chars{missing}")
    click.echo(report.verdict())
    if not report.ok:
        sys.exit(1)


def _list_sites(obj: Context) -> None:
    from parkwatch.spider_registry import available_spiders

    spiders = available_spiders()
    config = obj.config
    rows = [("NAME", "SPIDER", "SCHEDULE", "ENABLED", "SOURCES", "REGION")]
    for site in config.sites:
        spider = site.spider if site.spider in spiders else f"{site.spider} (missing!)"
        sources = f"{len(site.start_urls)} list, {len(site.feeds)} feed, {len(site.sitemaps)} sitemap"
        rows.append((site.name, spider, str(site.schedule), "yes" if site.enabled else "no", sources, site.region or ""))
    _table(rows)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--url", help="The page's URL (helps dates and links; default: the file's URI).")
@click.option("--encoding", help="Force an encoding instead of detecting it.")
@click.option("--jsonl", is_flag=True, help="One JSON object per line.")
def extract(files: tuple[Path, ...], url: str | None, encoding: str | None, jsonl: bool) -> None:
    """Extract articles from saved pages: one JSON object per file."""
    from parkwatch.extract import extract_article

    failed = 0
    for path in files:
        try:
            article = extract_article(path.read_bytes(), url or path.resolve().as_uri(), encoding=encoding,
                                      fetched_at=datetime.now(UTC))
            record = {"file": str(path), **article.as_dict()}
            record["url"] = url or None
        except Exception as exc:  # report and go on with the other files
            failed += 1
            record = {"file": str(path), "error": repr(exc)}
            logger.error("{}: extraction failed: {}", path, exc)
        click.echo(json.dumps(record, ensure_ascii=False, indent=None if jsonl else 2))
    if failed:
        sys.exit(1)


@main.command()
@common_options
@click.argument("query")
@click.option("--limit", default=20, show_default=True)
@click.option("--site", help="Only this site.")
@click.option("--recent", is_flag=True, help="Most recently stored first, instead of the most relevant.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per result.")
@click.pass_obj
def search(obj: Context, query: str, limit: int, site: str | None, recent: bool, as_json: bool) -> None:
    """Full-text search over stored articles (Simplified, Traditional or mixed queries).

    \b
    Syntax: words must all match; "a phrase" (ASCII or Chinese quotes); OR between alternatives;
    -word or NOT word to exclude.   e.g.  "成都高新区" 签约 OR 开工 -招聘
    """
    from parkwatch.store import Store

    db = _existing_db(obj)
    with Store(db) as store:
        if site and not store.db.execute("SELECT 1 FROM articles WHERE site = ? LIMIT 1", [site]).fetchone():
            known = [r[0] for r in store.db.execute("SELECT DISTINCT site FROM articles ORDER BY site")]
            _fail(f"--site: no articles from a site named {site!r} (sites with articles: {', '.join(known) or 'none'})")
        results = store.search(query, limit=limit, site=site, recent=recent)
    if as_json:
        for row in results:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    if not results:
        click.echo(f"no articles match {query!r}")
        return
    for row in results:
        click.echo(f"{(row['published_at'] or '')[:16]:16}  {row['site']:10}  {row['title']}")
        where = f"  (附件: {row['attachment']})" if row.get("attachment") else ""
        click.echo(f"{'':28}…{row['snippet'].replace(chr(10), ' ')}…{where}")


@main.command()
@common_options
@click.option("--json", "as_json", is_flag=True, help="One JSON object per site.")
@click.pass_obj
def health(obj: Context, as_json: bool) -> None:
    """Site health: articles found against the recent average, field coverage, errors, blocking."""
    from dataclasses import asdict

    from parkwatch.health import all_health
    from parkwatch.store import Store

    with Store(_existing_db(obj)) as store:
        report = all_health(store)
    if as_json:
        for h in report:
            click.echo(json.dumps({**asdict(h), "ok": h.ok}, ensure_ascii=False))
        return
    rows = [("SITE", "STATUS", "FOUND", "AVERAGE", "TITLE/DATE/BODY", "ERRORS")]
    for h in report:
        coverage = "/".join(f"{h.coverage.get(f, 0):.0%}" for f in ("title", "date", "body")) if h.coverage else "-"
        average = f"{h.found_average:.1f}" if h.found_average is not None else "-"
        rows.append((h.site, "ok" if h.ok else "PROBLEM", str(h.found), average, coverage, f"{h.error_rate:.0%}"))
    _table(rows)
    for h in report:
        for problem in h.problems:
            click.echo(f"  {h.site}: {problem}")
    if any(not h.ok for h in report):
        sys.exit(1)


@main.command()
@common_options
@click.pass_obj
def run(obj: Context) -> None:
    """Run continuously: crawl each site on its schedule, send digests on theirs (SIGTERM stops)."""
    from parkwatch.scheduler import Daemon

    logger.remove()
    logger.add(sys.stderr, level="DEBUG" if obj.verbose else "INFO", format="{time:YYYY-MM-DD HH:mm:ss} {level: <7} {message}")
    Daemon(obj.config, obj.db_path()).run()


@main.command()
@common_options
@click.option("--watch", "watch_name", metavar="NAME", help="Only this watch.")
@click.option("--dry-run", is_flag=True, help="Render pending alerts without sending or marking them.")
@click.option("--format", "fmt", type=click.Choice(["text", "md", "html"]), default="text", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), help="With --dry-run: write here.")
@click.pass_obj
def digest(obj: Context, watch_name: str | None, dry_run: bool, fmt: str, output: Path | None) -> None:
    """Match new articles against watches, then send (or, with --dry-run, show) the pending digests."""
    from parkwatch.alerts.digest import render
    from parkwatch.alerts.dispatch import send_pending
    from parkwatch.alerts.outbox import preview_alerts, record_alerts
    from parkwatch.alerts.watches import load_watches
    from parkwatch.store import Store

    watches = load_watches(obj.config.directory)
    if watch_name:
        watches.get(watch_name)
    if output and not dry_run:
        _fail("--output writes what a digest would hold: use it with --dry-run")
    with Store(_existing_db(obj)) as store:
        if not dry_run:
            created = record_alerts(store, watches)
            report = send_pending(store, watches, watch_name, respect_quiet_hours=False)
            click.echo(f"{created} new alerts; {report.sent} sent, {report.failed} failed (kept pending)")
            if report.failed:
                sys.exit(1)
            return
        previews = preview_alerts(store, watches, watch_name)  # nothing recorded: a dry run changes nothing
        bodies = [render(store, name, alerts, fmt).body for name, alerts in previews.items() if alerts]
    text = "\n".join(bodies) or "no pending alerts\n"
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(f"{output}: {len(bodies)} digest(s)")
    else:
        click.echo(text)


@main.command()
@common_options
@click.option("--limit", default=50, show_default=True)
@click.option("--drop", is_flag=True, help="Discard the pending deliveries (kept in the outbox as dropped).")
@click.option("--watch", "watch_name", metavar="NAME", help="With --drop: only this watch's.")
@click.pass_obj
def alerts(obj: Context, limit: int, drop: bool, watch_name: str | None) -> None:
    """The alert outbox: each alert, its channel and whether it went out; --drop discards pending ones."""
    from parkwatch.alerts.outbox import drop_pending, outbox
    from parkwatch.store import Store

    with Store(_existing_db(obj)) as store:
        if drop:
            click.echo(f"dropped {drop_pending(store, watch_name)} pending deliveries"
                       + (f" of {watch_name}" if watch_name else ""))
            return
        rows = outbox(store, limit)
    table = [("ALERT", "WATCH", "CHANNEL", "STATUS", "TRIES", "STORY")]
    for row in rows:
        status = row["status"] + (f" ({row['last_error'][:40]})" if row["status"] == "pending" and row["last_error"] else "")
        table.append((str(row["id"]), row["watch"], row["channel"], status, str(row["attempts"]), (row["title"] or "")[:40]))
    _table(table) if rows else click.echo("the outbox is empty")


@main.command()
@common_options
@click.option("--since", metavar="DATE", help="Stories published on or after this date (YYYY-MM-DD).")
@click.option("--park", metavar="NAME", help="Stories mentioning this park (name, alias as written, or id).")
@click.option("--limit", default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per story.")
@click.pass_obj
def stories(obj: Context, since: str | None, park: str | None, limit: int, as_json: bool) -> None:
    """Stories (one piece of news and all its copies), newest first."""
    from parkwatch.store import Store
    from parkwatch.stories import list_stories

    if since is not None:
        since = _date_option("--since", since)
    with Store(_existing_db(obj)) as store:
        if park:
            park = _park_key(store, park, obj.config if (obj.config_dir or Path("config").is_dir()) else None)
            if not store.db.execute("SELECT 1 FROM mentions WHERE kind = 'park' AND (entity_id = ? OR canonical = ? "
                                    "OR surface = ?) LIMIT 1", [park, park, park]).fetchone():
                _fail(f"--park: no stored article mentions {park!r}")
        rows = list_stories(store, since=since, park=park, limit=limit)
    for row in rows:
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
            continue
        click.echo(f"{(row['published_at'] or '')[:16]:16}  {row['title']}")
        for copy in row["copies"]:
            click.echo(f"{'':18}{copy['site']:10} {(copy['published_at'] or '')[:10]:10}  {copy['source'] or ''}  {copy['url']}")
    if not rows and not as_json:
        click.echo("no stories match")


def _date_option(option: str, value: str) -> str:
    """A date written 2024-09-01, 2024/09/01 or 2024.9.1, as YYYY-MM-DD; anything else is an error."""
    found = re.fullmatch(r"\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*", value)
    if not found:
        _fail(f"{option}: expected a date such as 2024-09-01, got {value!r}")
    year, month, day = (int(g) for g in found.groups())
    try:
        from datetime import date

        return date(year, month, day).isoformat()
    except ValueError:
        _fail(f"{option}: {value!r} is not a real date")
        raise


def _park_key(store: Any, name: str, config: Any = None) -> str:
    """A park's id from a name as users write it (绵阳高新区 → G512046) with the configured gazetteer, or the
    name itself when stored mentions know it by that name."""
    from parkwatch.mentions import ArticleText
    from parkwatch.tagging import manager_for
    from parkwatch.tagging import tag as run_tag

    if store.db.execute("SELECT 1 FROM mentions WHERE kind = 'park' AND (entity_id = ? OR canonical = ?) LIMIT 1",
                        [name, name]).fetchone():
        return name
    found = [m for m in run_tag(ArticleText(name), manager_for(config)) if m.kind == "park"]
    return found[0].id if found else name


@main.command()
@common_options
@click.argument("source", default="-", metavar="[FILE|-]")
@click.option("--jsonl", is_flag=True, help='Input lines {"id", "text"}; output lines {"id", "mentions"}.')
@click.option("--region", help="The place the text is about (e.g. 四川省绵阳市), for bare 高新区.")
@click.option("--park", help="The park whose own site the text is from (e.g. 库尔勒经济技术开发区), for its bare 开发区.")
@click.pass_obj
def tag(obj: Context, source: str, jsonl: bool, region: str | None, park: str | None) -> None:
    """Tag parks, policies, regions, figures and topics in plain text (a file or standard input)."""
    from parkwatch.mentions import ArticleText
    from parkwatch.tagging import manager_for
    from parkwatch.tagging import tag as run_tag

    pm = manager_for(_optional_config(obj))
    stream = sys.stdin if source == "-" else open(source, encoding="utf-8")  # noqa: SIM115
    with stream:
        if not jsonl:
            mentions = run_tag(ArticleText(stream.read(), region=region, park=park), pm)
            click.echo(json.dumps({"mentions": [_mention_json(m) for m in mentions]}, ensure_ascii=False))
            return
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text, ident = record["text"], record.get("id")
            except (ValueError, KeyError, TypeError) as exc:
                _fail(f"{source}: line {number}: expected a JSON object with 'text' (and 'id'): {exc}")
            mentions = run_tag(ArticleText(text, region=record.get("region") or region, id=ident,
                                           park=record.get("park") or park), pm)
            click.echo(json.dumps({"id": ident, "mentions": [_mention_json(m) for m in mentions]}, ensure_ascii=False))


def _mention_json(mention: Any) -> dict[str, Any]:
    keys = ("kind", "surface", "start", "end", "canonical", "id", "plugin")
    return {k: getattr(mention, k) for k in keys}


def _optional_config(obj: Context) -> Config | None:
    """The configuration when there is one (``tag`` and ``plugins`` work without it)."""
    from parkwatch.config import config_dir

    return obj.config if config_dir(obj.config_dir).is_dir() else None


@main.command()
@common_options
@click.pass_obj
def plugins(obj: Context) -> None:
    """List the tagger plugins and the hooks each implements."""
    from parkwatch.tagging import manager_for, plugin_infos

    config = _optional_config(obj)
    disabled = config.settings.disabled_plugins if config else ()
    rows = [("PLUGIN", "FROM", "HOOKS")]
    for info in plugin_infos(manager_for(config), disabled):
        rows.append((info.name, info.origin, ", ".join(info.hooks) or "-"))
    _table(rows)


@main.command()
@click.option("--db", "demo_db", metavar="PATH", help="Keep the demo database here (default: a temporary folder).")
@click.option("--port", default=0, help="First port of the sample web (default: free ports).")
@click.option("--serve", "serve_after", is_flag=True, help="Then serve the demo database (parkwatch serve) until Ctrl-C.")
@click.option("--serve-port", default=8001, show_default=True, help="Port of the web view with --serve.")
@click.pass_obj
def demo(obj: Context, demo_db: str | None, port: int, serve_after: bool, serve_port: int) -> None:
    """Crawl the embedded sample web on 127.0.0.1 and show what parkwatch found."""
    from parkwatch.demo import run_demo

    try:
        db = run_demo(Path(demo_db or obj.db) if (demo_db or obj.db) else None, port=port, verbose=obj.verbose)
    except OSError as exc:
        _fail(f"the sample web cannot listen on port {port or 'a free port'}: {exc.strerror or exc} "
              "(use --port with a free one, or leave it out)")
    if serve_after:
        from parkwatch.web.server import serve

        click.echo(f"\nweb view: http://127.0.0.1:{serve_port}/  (Ctrl-C stops it)")
        serve(db, "127.0.0.1", serve_port)


@main.command("serve")
@common_options
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8001, show_default=True)
@click.option("--token-env", metavar="NAME", help="Environment variable holding the access token (required off loopback).")
@click.option("--allow-sql", is_flag=True, help="Allow arbitrary read-only SQL queries.")
@click.pass_obj
def serve_command(obj: Context, host: str, port: int, token_env: str | None, allow_sql: bool) -> None:
    """Browse and subscribe: Datasette over the database, read-only, with parkwatch's pages and Atom feeds."""
    import os

    from parkwatch.web.server import ServeError, serve

    db = _existing_db(obj)
    token = os.environ.get(token_env) if token_env else None
    if token_env and not token:
        _fail(f"environment variable {token_env} is not set")
    click.echo(f"serving {db} on http://{host}:{port}/ (read-only{', SQL allowed' if allow_sql else ''}"
               f"{', token required' if token else ''}); Ctrl-C stops")
    try:
        serve(db, host, port, token, allow_sql)
    except ServeError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")


@main.command()
@common_options
@click.option("--since", metavar="DATE", help="Only articles published on or after this date.")
@click.option("--site", metavar="NAME", help="Only this site's articles.")
@click.pass_obj
def retag(obj: Context, since: str | None, site: str | None) -> None:
    """Run the tagger plugins again over stored articles (after parks.yaml, programmes.yaml, a site's park or parkwatch's taggers changed);
    mentions are replaced, stories already alerted are not alerted again."""
    from parkwatch.retag import retag as run_retag
    from parkwatch.store import Store

    config = obj.config
    if site:
        config.site(site)
    since = _date_option("--since", since) if since else None
    with Store(_existing_db(obj)) as store:
        count = run_retag(store, config, since, site,
                          progress=lambda done, total: click.echo(f"  {done}/{total} articles re-tagged", err=True))
        mentions = store.db.execute("SELECT count(*) FROM mentions").fetchone()[0]
    click.echo(f"re-tagged {count} articles; {mentions} mentions stored")


@main.command()
@common_options
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def backup(obj: Context, target: Path) -> None:
    """Copy the database to TARGET with SQLite's online backup (safe while crawls and the daemon write)."""
    import sqlite3

    source = _existing_db(obj)
    if target.exists():
        _fail(f"{target}: exists already; choose a new file")
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as live, sqlite3.connect(target) as copy:
        live.backup(copy, pages=1024)  # in steps, so writers are never held up for long
    with sqlite3.connect(target) as copy:
        ok = copy.execute("PRAGMA integrity_check").fetchone()[0]
        articles = copy.execute("SELECT count(*) FROM articles").fetchone()[0]
    if ok != "ok":
        _fail(f"{target}: the copy failed its integrity check ({ok})", 1)
    click.echo(f"backed up {source} to {target}: {articles} articles, integrity ok")


@main.command()
@common_options
@click.option("--before", required=True, metavar="DATE", help="Remove articles published before this date.")
@click.option("--yes", "confirmed", is_flag=True, help="Do it (without it, only say what would go).")
@click.pass_obj
def prune(obj: Context, before: str, confirmed: bool) -> None:
    """Remove old articles with their mentions, attachments and signatures; stories, alerts and deliveries that
    keep no copy go too, so everything left is consistent."""
    from parkwatch.store import Store

    cutoff = _date_option("--before", before)
    with Store(_existing_db(obj)) as store:
        old = "SELECT id FROM articles WHERE coalesce(published_at, first_seen_at) < ?"
        count = store.db.execute(f"SELECT count(*) FROM ({old})", [cutoff]).fetchone()[0]
        if not confirmed:
            click.echo(f"{count} articles published before {cutoff} would be removed; add --yes to remove them")
            return
        with store.db.conn:
            store.db.execute("BEGIN IMMEDIATE")
            for table, column in (("mentions", "article_id"), ("attachments", "article_id"),
                                  ("story_signatures", "article_id")):
                store.db.execute(f"DELETE FROM {table} WHERE {column} IN ({old})", [cutoff])
            store.db.execute(f"DELETE FROM articles WHERE id IN ({old})", [cutoff])
            gone = "SELECT id FROM stories WHERE id NOT IN (SELECT story_id FROM articles WHERE story_id IS NOT NULL)"
            store.db.execute(f"DELETE FROM deliveries WHERE alert_id IN (SELECT id FROM alerts WHERE story_id IN ({gone}))")
            store.db.execute(f"DELETE FROM alerts WHERE story_id IN ({gone})")
            store.db.execute(f"DELETE FROM stories WHERE id IN ({gone})")
        from parkwatch.stories import refresh_story

        with store.db.conn:
            for (story,) in store.db.execute("SELECT id FROM stories").fetchall():
                refresh_story(store, story)
    click.echo(f"removed {count} articles published before {cutoff}")


@main.command()
@common_options
@click.argument("watch")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the feed to this file.")
@click.option("--base-url", default="http://localhost:8001", show_default=True, help="Where the feed will be served.")
@click.pass_obj
def feed(obj: Context, watch: str, output: Path | None, base_url: str) -> None:
    """The Atom feed of a watch (its matched stories, newest first), for static hosting or a feed reader."""
    from parkwatch.feeds import watch_feed
    from parkwatch.store import Store

    with Store(_existing_db(obj)) as store:
        known = {r[0] for r in store.db.execute("SELECT DISTINCT watch FROM alerts")}
        if watch not in known:
            _fail(f"no alerts for a watch named {watch!r} (watches with alerts: {', '.join(sorted(known)) or 'none'})")
        text = watch_feed(store, watch, base_url.rstrip("/"))
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}")
    else:
        click.echo(text, nl=False)


def _existing_db(obj: Context) -> Path:
    db = db_path(obj.db, obj.config.settings if (obj.config_dir or Path("config").is_dir()) else None)
    if not db.exists():
        _fail(f"{db}: no database yet; run `parkwatch crawl` first (or pass --db)")
    return db


def _table(rows: list[tuple[str, ...]]) -> None:
    from unicodedata import east_asian_width

    def width(text: str) -> int:
        return sum(2 if east_asian_width(c) in "WF" else 1 for c in text)

    widths = [max(width(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        click.echo("  ".join(cell + " " * (w - width(cell)) for cell, w in zip(row, widths, strict=True)).rstrip())


if __name__ == "__main__":
    main()
