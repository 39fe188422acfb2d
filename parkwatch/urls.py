"""Canonical URLs and the stable article id derived from them."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING_PARAMS = re.compile(
    r"^(?:utm_\w+|spm|from|fromid|share|share_token|shareid|isappinstalled|wxshare_count|scene|srcid|"
    r"fbclid|gclid|yclid|mc_cid|mc_eid|_hsenc|_hsmkt|ref|ref_src|source|timestamp|t|_t|nsukey|clicktime|enterid)$",
    re.I,
)
_INDEX_PAGES = re.compile(r"/(?:index|default)\.(?:s?html?|php|aspx?|jsp)$", re.I)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str:
    """Normalise *url* so that copies of one address compare equal.

    Lower-cases scheme and host, drops default ports, fragments, tracking parameters
    (``utm_*``, ``spm``, ``from`` …) and trailing ``index.html``; sorts the remaining query.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower() or "http"
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port
    netloc = host if port is None or _DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    path = _INDEX_PAGES.sub("/", path)
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                             if not _TRACKING_PARAMS.match(k)))
    return urlunsplit((scheme, netloc, path, query, ""))


def article_id(url: str) -> str:
    """Stable 16-hex-digit id of the article at *url* (a hash of its canonical URL, scheme-agnostic)."""
    canonical = canonical_url(url)
    key = canonical.split("://", 1)[-1]
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
