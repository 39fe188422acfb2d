"""``parkwatch serve``: Datasette over a parkwatch database, read-only, loopback unless a token guards it."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Any

LOOPBACK = ("127.0.0.1", "localhost", "::1")


class ServeError(Exception):
    """Refused to serve (a public address without a token …)."""


def is_loopback(host: str) -> bool:
    if host in LOOPBACK:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def build(db: Path, token: str | None = None, allow_sql: bool = False) -> Any:
    """The Datasette instance: the database opened as a normal file (read-only connections, live while crawls
    write; never immutable mode), parkwatch's metadata, its plugin, SQL off unless *allow_sql*."""
    from datasette.app import Datasette

    from parkwatch.store import Store
    from parkwatch.web.metadata import metadata

    with Store(db):  # schema current (views and columns the pages read) before serving read-only
        pass
    plugins = {"parkwatch": {"token": token}} if token else {}
    meta = metadata(db.stem, allow_sql)
    meta["plugins"] = plugins
    return Datasette([str(db)], metadata=meta, settings={"allow_download": False, "default_page_size": 50,
                                                           "facet_time_limit_ms": 500, "sql_time_limit_ms": 3000})


def serve(db: Path, host: str, port: int, token: str | None = None, allow_sql: bool = False) -> None:
    if not is_loopback(host) and not token:
        raise ServeError(f"serving on {host} exposes the database beyond this machine: set a token "
                         "(--token-env NAME, the environment variable holding it) or serve on 127.0.0.1")
    import uvicorn

    uvicorn.run(build(db, token, allow_sql).app(), host=host, port=port, log_level="warning")
