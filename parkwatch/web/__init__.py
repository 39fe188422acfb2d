"""parkwatch's Datasette plugin: the pages people read, the feeds they subscribe to, and the guard in front.

Registered through the ``datasette`` entry point, so ``parkwatch serve`` and a plain ``datasette parkwatch.db``
both get it. Everything reads through Datasette's read-only connections; scraped text is escaped by Jinja2.

* ``/`` — newest stories, parks in the news this week, watches with their recent matches and feeds, site health
* ``/stories/<id>`` — a story with all its copies, the representative text with parks and policies highlighted
* ``/parks/<id>``, ``/policies/<id>`` — an entity's catalogue data and its news over time (a bar per month)
* ``/search?q=`` — full-text search, Simplified or Traditional, one row per story
* ``/feeds/watch/<name>.atom``, ``/feeds/park/<id>.atom``, ``/feeds/search.atom?q=`` — Atom feeds
* with a token configured (``plugins: {parkwatch: {token: …}}``), every request must carry it
"""

from __future__ import annotations

import base64
import contextlib
import hmac
import json
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, unquote

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from parkwatch import feeds
from parkwatch.extract.normalize import simplify

_INTERNAL = {"_internal", "_memory"}


def _db(datasette: Any) -> Any:
    name = next(n for n in datasette.databases if n not in _INTERNAL)
    return datasette.get_database(name)


async def _rows(datasette: Any, sql: str, params: Any = None) -> list[dict[str, Any]]:
    result = await _db(datasette).execute(sql, params or [])
    return [dict(row) for row in result.rows]


async def _page(datasette: Any, request: Any, template: str, context: dict[str, Any], status: int = 200) -> Response:
    context = {"db_name": _db(datasette).name, **context}
    return Response.html(await datasette.render_template(template, context, request=request), status=status)


# home ---------------------------------------------------------------------------------------------------
async def home(datasette: Any, request: Any) -> Response:
    week = (datetime.now(UTC) - timedelta(days=7)).isoformat(timespec="seconds")
    stories = await _rows(datasette, "SELECT id, title, published_at, copies FROM stories "
                                     "ORDER BY published_at DESC LIMIT 15")  # the index, newest first
    parks = await _rows(datasette,
                        "SELECT m.entity_id AS id, m.canonical, count(DISTINCT a.story_id) AS stories FROM articles a "
                        "CROSS JOIN mentions m ON m.article_id = a.id WHERE a.first_seen_at >= ? AND m.kind = 'park' "
                        "GROUP BY m.entity_id ORDER BY stories DESC, m.canonical LIMIT 12", [week])  # this week first
    watches = await _rows(datasette, "SELECT watch, count(*) AS alerts, max(created_at) AS last FROM alerts "
                                     "GROUP BY watch ORDER BY watch")
    for watch in watches:
        watch["recent"] = await _rows(datasette, "SELECT s.id, s.title, s.published_at FROM alerts al JOIN stories s "
                                                 "ON s.id = al.story_id WHERE al.watch = ? ORDER BY al.id DESC LIMIT 3",
                                      [watch["watch"]])
    sites = await _rows(datasette,
                        "SELECT c.site, c.finished_at, c.status, c.articles_new, c.errors, c.pages, c.stats FROM crawls c "
                        "WHERE c.id IN (SELECT max(id) FROM crawls GROUP BY site) ORDER BY c.site")
    for site in sites:
        stats = json.loads(site.pop("stats") or "{}")
        site["blocked"] = stats.get("parkwatch/blocked", 0)
        site["ok"] = site["finished_at"] is not None and not site["blocked"] and not (site["errors"] and not site["pages"])
    return await _page(datasette, request, "parkwatch_home.html",
                       {"stories": stories, "parks": parks, "watches": watches, "sites": sites})


# a story --------------------------------------------------------------------------------------------------
def highlighted(text: str, mentions: list[dict[str, Any]]) -> Markup:
    """*text* escaped, with park and policy mentions marked (and linked to their pages)."""
    out, last = [], 0
    for m in sorted(mentions, key=lambda m: (m["start"], -m["end"])):
        if m["start"] < last:
            continue
        page = "parks" if m["kind"] == "park" else "policies"
        out.append(escape(text[last : m["start"]]))
        out.append(Markup('<a class="tag tag-{}" href="/{}/{}" title="{}">{}</a>').format(
            m["kind"], page, m["entity_id"], m["canonical"], text[m["start"] : m["end"]]))
        last = m["end"]
    out.append(escape(text[last:]))
    return Markup("").join(out).replace("\n", Markup("<br>"))


async def story(datasette: Any, request: Any) -> Response:
    number = int(request.url_vars["story"])
    found = await _rows(datasette, "SELECT * FROM stories WHERE id = ?", [number])
    if not found:
        return await _page(datasette, request, "parkwatch_missing.html", {"what": f"story {number}"}, 404)
    copies = await _rows(datasette, "SELECT id, url, site, source, title, published_at, text FROM articles "
                                    "WHERE story_id = ? ORDER BY coalesce(published_at, first_seen_at)", [number])
    first = copies[0] if copies else {"id": "", "text": ""}
    mentions = await _rows(datasette, "SELECT kind, entity_id, canonical, start, \"end\" FROM mentions WHERE "
                                      "article_id = ? AND attachment_id IS NULL AND kind IN ('park', 'policy')",
                           [first["id"]])
    attachments = await _rows(datasette, "SELECT name, url, kind, pages FROM attachments WHERE article_id = ? "
                                         "AND error IS NULL", [first["id"]])
    tags = Counter((m["kind"], m["entity_id"], m["canonical"]) for m in mentions)
    return await _page(datasette, request, "parkwatch_story.html", {
        "story": found[0], "copies": copies, "text": highlighted(first["text"] or "", mentions),
        "tags": [{"kind": k, "id": i, "canonical": c, "count": n} for (k, i, c), n in tags.most_common()],
        "attachments": attachments})


# parks and policies ----------------------------------------------------------------------------------------
def _every_month(months: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The months from the first to the last, those without articles at zero (at most the last 120)."""
    known = {m["month"]: m["articles"] for m in months if m["month"] and len(m["month"]) == 7}
    if not known:
        return []
    year, month = map(int, min(known).split("-"))
    last = max(known)
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        out.append({"month": key, "articles": known.get(key, 0)})
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out[-120:]


def month_bars(months: list[dict[str, Any]], width: int = 640, height: int = 120) -> Markup:
    """An inline SVG bar chart of articles per month (no script), months without news at zero."""
    months = _every_month(months)
    if not months:
        return Markup("")
    top = max(m["articles"] for m in months) or 1
    bar = width / len(months)
    shapes = []
    for i, m in enumerate(months):
        h = (height - 20) * m["articles"] / top
        shapes.append(Markup('<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="#4a7bb7">'
                             "<title>{} · {}</title></rect>").format(
            i * bar + 1, height - 16 - h, max(1.0, bar - 2), h, m["month"], m["articles"]))
    labels = [Markup('<text x="0" y="{}" font-size="10">{}</text>').format(height - 2, months[0]["month"]),
              Markup('<text x="{}" y="{}" font-size="10" text-anchor="end">{}</text>').format(
                  width, height - 2, months[-1]["month"])]
    return Markup('<svg class="months" width="{}" height="{}" role="img" aria-label="articles per month">').format(
        width, height) + Markup("").join(shapes + labels) + Markup("</svg>")


async def _resolve(datasette: Any, kind: str, key: str) -> tuple[str, str | None]:
    """``(entity id, its canonical name)`` for an id or a name; by the index of each (an OR would scan them all)."""
    found = await _rows(datasette, "SELECT entity_id, canonical FROM mentions WHERE entity_id = ? AND +kind = ? LIMIT 1",
                        [key, kind])
    if not found:
        found = await _rows(datasette, "SELECT entity_id, canonical FROM mentions WHERE kind = ? AND canonical = ? LIMIT 1",
                            [kind, key])
    return (found[0]["entity_id"], found[0]["canonical"]) if found else (key, None)


async def _entity(datasette: Any, request: Any, kind: str) -> Response:
    key, name = await _resolve(datasette, kind, unquote(request.url_vars["id"]))
    months = await _rows(datasette, "SELECT substr(coalesce(a.published_at, a.first_seen_at), 1, 7) AS month, "
                                    "count(DISTINCT a.id) AS articles FROM mentions m JOIN articles a ON a.id = m.article_id "
                                    "WHERE m.entity_id = ? AND +m.kind = ? GROUP BY month ORDER BY month", [key, kind])
    stories = await _rows(datasette, "SELECT s.id, s.title, s.published_at, s.copies FROM stories s WHERE s.id IN "
                                     "(SELECT a.story_id FROM mentions m JOIN articles a ON a.id = m.article_id "
                                     "WHERE m.entity_id = ? AND +m.kind = ?) ORDER BY s.published_at DESC LIMIT 50",
                          [key, kind])
    info: dict[str, Any] = {}
    if kind == "park":
        from parkwatch.gazetteer import parks

        park = parks().by_code.get(key)
        if park is not None:
            info = {"name": park.name, "province": park.province, "level": park.level, "type": park.type,
                    "aliases": [a.lstrip("~") for a in park.aliases if a.lstrip("~") != park.name][:12],
                    "source": park.source}
    if not months and not info:
        return await _page(datasette, request, "parkwatch_missing.html", {"what": f"{kind} {key}"}, 404)
    title = info.get("name") or name or key
    return await _page(datasette, request, "parkwatch_entity.html", {
        "kind": kind, "key": key, "title": title, "info": info, "chart": month_bars(months), "months": months,
        "stories": stories})


async def park(datasette: Any, request: Any) -> Response:
    return await _entity(datasette, request, "park")


async def policy(datasette: Any, request: Any) -> Response:
    return await _entity(datasette, request, "policy")


# search ------------------------------------------------------------------------------------------------------
def _search_sql(query: str, limit: int = 50) -> tuple[str, list[Any]]:
    """Stories whose articles hold every term (Simplified, width-folded; trigram index for 3+ characters)."""
    terms = [t for t in simplify(query).split() if t]
    where, params = [], []
    for term in terms:
        if len(term) >= 3:
            where.append("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append('"' + term.replace('"', '""') + '"')
        else:
            where.append("(a.title_simplified LIKE ? OR a.text_simplified LIKE ?)")
            params += [f"%{term}%", f"%{term}%"]
    sql = ("SELECT s.id, s.title, s.published_at, s.copies, min(a.url) AS url FROM articles a JOIN stories s "
           f"ON s.id = a.story_id WHERE {' AND '.join(where)} GROUP BY s.id "
           "ORDER BY coalesce(s.published_at, '') DESC LIMIT ?")
    return sql, [*params, limit]


async def search(datasette: Any, request: Any) -> Response:
    query = (request.args.get("q") or "").strip()
    results = await _rows(datasette, *_search_sql(query)) if simplify(query).split() else []
    return await _page(datasette, request, "parkwatch_search.html", {"q": query, "results": results})


# feeds --------------------------------------------------------------------------------------------------------
async def _feed(datasette: Any, request: Any, title: str, feed_id: str, stories: list[dict[str, Any]]) -> Response:
    ids = [s["story"] for s in stories]
    copies = await _rows(datasette, feeds.COPIES.format(marks=",".join("?" * len(ids))), ids) if ids else []
    base = f"{request.scheme}://{request.host}"
    body = feeds.atom(title, feed_id, base + request.path + (f"?{request.query_string}" if request.query_string else ""),
                      feeds.entries(stories, copies), base + "/")
    return Response(body, content_type="application/atom+xml; charset=utf-8")


async def watch_feed(datasette: Any, request: Any) -> Response:
    name = unquote(request.url_vars["name"])
    stories = await _rows(datasette, feeds.WATCH_STORIES, {"key": name, "limit": feeds.FEED_LIMIT})
    return await _feed(datasette, request, f"parkwatch · {name}", f"tag:parkwatch,2026:watch:{name}", stories)


async def park_feed(datasette: Any, request: Any) -> Response:
    key = unquote(request.url_vars["id"])
    stories = await _rows(datasette, feeds.PARK_STORIES, {"key": key, "limit": feeds.FEED_LIMIT})
    return await _feed(datasette, request, f"parkwatch · {key}", f"tag:parkwatch,2026:park:{key}", stories)


async def search_feed(datasette: Any, request: Any) -> Response:
    query = (request.args.get("q") or "").strip()
    found = await _rows(datasette, *_search_sql(query)) if simplify(query).split() else []
    stories = [{"story": r["id"], "title": r["title"], "published_at": r["published_at"], "terms": json.dumps([query])}
               for r in found]
    return await _feed(datasette, request, f"parkwatch · {query}", f"tag:parkwatch,2026:search:{query}", stories)


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [
        (r"^/$", home),
        (r"^/stories/(?P<story>\d+)$", story),
        (r"^/parks/(?P<id>[^/]+)$", park),
        (r"^/policies/(?P<id>[^/]+)$", policy),
        (r"^/search$", search),
        (r"^/feeds/watch/(?P<name>[^/]+)\.atom$", watch_feed),
        (r"^/feeds/park/(?P<id>[^/]+)\.atom$", park_feed),
        (r"^/feeds/search\.atom$", search_feed),
    ]


# the guard ------------------------------------------------------------------------------------------------------
def authorized(headers: dict[bytes, bytes], query: bytes, token: str) -> bool:
    """A request carries the token: ``Authorization: Bearer <token>``, HTTP Basic with the token as password
    (what browsers ask for), or ``?token=`` (for feed readers that cannot send headers)."""
    given = headers.get(b"authorization", b"").decode("latin-1")
    candidates = [v for v in parse_qs(query.decode("latin-1")).get("token", [])]
    if given.lower().startswith("bearer "):
        candidates.append(given[7:].strip())
    elif given.lower().startswith("basic "):
        with contextlib.suppress(ValueError):
            candidates.append(base64.b64decode(given[6:].strip()).decode("utf-8").partition(":")[2])
    return any(hmac.compare_digest(c.encode(), token.encode()) for c in candidates)


@hookimpl
def asgi_wrapper(datasette: Any) -> Any:
    def wrap(app: Any) -> Any:
        async def guarded(scope: dict[str, Any], receive: Any, send: Any) -> None:
            token = (datasette.plugin_config("parkwatch") or {}).get("token")
            if scope["type"] == "http" and token:
                headers = {k.lower(): v for k, v in scope.get("headers", [])}
                if not authorized(headers, scope.get("query_string", b""), token):
                    await send({"type": "http.response.start", "status": 401, "headers": [
                        [b"content-type", b"text/plain; charset=utf-8"],
                        [b"www-authenticate", b'Basic realm="parkwatch"']]})
                    await send({"type": "http.response.body", "body": "需要访问令牌 (token required)\n".encode()})
                    return
            await app(scope, receive, send)
        return guarded
    return wrap

