"""Serve page tables on 127.0.0.1: one HTTP server (own port, own robots.txt) per site."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from loguru import logger

Pages = dict[str, tuple]  # path -> (body, content type) or (body, content type, status)


class _Handler(BaseHTTPRequestHandler):
    server: _SiteServer
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        self._respond(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(send_body=False)

    def _respond(self, send_body: bool) -> None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if self.server.gate is not None:
            self.server.gate(path)  # tests hold responses back to stop a crawl at a known point
        self.server.hits.append(path)
        found = self.server.pages.get(self.path.split("#", 1)[0]) or self.server.pages.get(path)  # query first
        if found is None:
            body, content_type, status = b"<html><body>404 Not Found</body></html>", "text/html", 404
        else:
            body, content_type, status = (*found, 200)[:3]  # a page may carry its own status (403, 503 …)
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if status == 200 and self.headers.get("If-None-Match") == etag:  # conditional GET
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if status == 200:
            self.send_header("ETag", etag)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        logger.trace("sample web: " + format, *args)


class _SiteServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, pages: Pages, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.pages = pages
        self.hits: list[str] = []
        self.gate: Callable[[str], None] | None = None  # called before each response; may block


class LocalWeb:
    """Start one loopback server per site; ``bases`` maps site names to ``http://127.0.0.1:PORT``.

    Pages are set after the ports are known (:meth:`publish`), since pages carry absolute links::

        with LocalWeb(["a", "b"]) as web:
            web.publish(build(web.bases))
    """

    def __init__(self, names: list[str], port: int = 0, ports: dict[str, int] | None = None) -> None:
        self.servers: dict[str, _SiteServer] = {}
        for offset, name in enumerate(names):
            chosen = (ports or {}).get(name) or (port + offset if port else 0)
            self.servers[name] = _SiteServer({}, chosen)
        self.threads: list[threading.Thread] = []

    @property
    def bases(self) -> dict[str, str]:
        return {name: f"http://127.0.0.1:{s.server_address[1]}" for name, s in self.servers.items()}

    def publish(self, pages: dict[str, Pages]) -> None:
        for name, server in self.servers.items():
            server.pages = pages.get(name, {})

    def set_gate(self, name: str, gate: Callable[[str], None] | None) -> None:
        """Call *gate(path)* before each response of site *name* (it may block to hold the response)."""
        self.servers[name].gate = gate

    def hits(self, name: str) -> list[str]:
        return list(self.servers[name].hits)

    def start(self) -> LocalWeb:
        for server in self.servers.values():
            thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
            thread.start()
            self.threads.append(thread)
        return self

    def stop(self) -> None:
        for server in self.servers.values():
            server.shutdown()
            server.server_close()

    def __enter__(self) -> LocalWeb:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def serve_sample_web(port: int = 0, build: Callable[[dict[str, str]], dict[str, Pages]] | None = None,
                     ports: dict[str, int] | None = None) -> LocalWeb:
    """Start the embedded sample web (every site of :data:`parkwatch.sampleweb.SITES`); *ports* pins sites to
    the ports an earlier run used (so its URLs, and the articles' ids, are the same again)."""
    from parkwatch.sampleweb import SITES, build_pages

    web = LocalWeb(list(SITES), port=port, ports=ports).start()
    web.publish((build or build_pages)(web.bases))
    return web
