"""Canonical URLs and the stable article id derived from them."""

from __future__ import annotations

import contextlib
import hashlib
import re
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

_TRACKING_PARAMS = re.compile(
    r"^(?:utm_\w+|spm|from|fromid|share|share_token|shareid|isappinstalled|wxshare_count|scene|srcid|"
    r"fbclid|gclid|yclid|mc_cid|mc_eid|_hsenc|_hsmkt|ref|ref_src|source|timestamp|t|_t|nsukey|clicktime|enterid)$",
    re.I,
)
_INDEX_PAGES = re.compile(r"/(?:index|default)\.(?:s?html?|php|aspx?|jsp)$", re.I)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_PERCENT_RE = re.compile(r"%[0-9a-fA-F]{2}")


def canonical_url(url: str) -> str:
    """Normalise *url* so that copies of one address compare equal.

    Lower-cases scheme and host, drops default ports, fragments, tracking parameters
    (``utm_*``, ``spm``, ``from`` …) and trailing ``index.html``; sorts the remaining query.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower() or "http"
    host = (parts.hostname or "").lower().rstrip(".")
    if not host.isascii():
        with contextlib.suppress(UnicodeError):
            host = host.encode("idna").decode("ascii")
    try:
        port = parts.port
    except ValueError:  # an invalid port (http://host:99999/): compare the address as written, never fail
        port = None
        host = parts.netloc.lower()
    netloc = host if port is None or _DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    path = _INDEX_PAGES.sub("/", path)
    # one percent-encoded form: /新闻/1.html and /%E6%96%B0%E9%97%BB/1.html are one address
    path = _PERCENT_RE.sub(lambda m: m.group(0).upper(), quote(path, safe="/%:@!$&'()*+,;=-._~"))
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                             if not _TRACKING_PARAMS.match(k)))
    return urlunsplit((scheme, netloc, path, query, ""))


def article_id(url: str) -> str:
    """Stable 16-hex-digit id of the article at *url* (a hash of its canonical URL, scheme-agnostic)."""
    canonical = canonical_url(url)
    key = canonical.split("://", 1)[-1]
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
