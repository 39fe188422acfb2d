"""List pages that government CMS families write with scripts: where their articles and next pages are.

Pure functions of a page's text and URL, used by the generic spider beside plain ``<a>`` links:

* **TRS WCM** pagers: ``createPageHTML(5, 0, "index", "html")`` (page count, current page from 0, file name,
  extension; page *i* ≥ 1 is ``index_i.html``), with the numbers as literals or as ``var countPage = 5``-style
  variables, and the variant with a container id first (``createPageHTML('page_div', 5, 1, 'index', 'html')``,
  current page from 1). The same pager inside an article (``t20241120_1001_1.html``) pages the article.
* **Hanweb (大汉) jpage** columns: the first page's records sit in ``<script type="text/xml"><datastore>
  <recordset><record><![CDATA[<li><a href=…>…]]></record>``; later pages come from
  ``/module/web/jpage/dataproxy.jsp?startrecord=16&endrecord=30&perpage=15&columnid=…`` (or ``?page=2``), which
  answers the same ``<datastore>`` XML with ``<totalrecord>``/``<totalpage>``.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

_TRS_CALL_RE = re.compile(
    r"createPageHTML\s*\(\s*(?:(['\"])[^'\"]*\1\s*,\s*)?([\w$.]+)\s*,\s*([\w$.]+)\s*,\s*['\"]([\w-]+)['\"]\s*,\s*"
    r"['\"](\w+)['\"]")
_VAR_RE = r"(?:var|let|const)?\s*{name}\s*=\s*['\"]?(\d+)"
_RECORD_RE = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.S | re.I)
_NEXTGROUP_RE = re.compile(r"<nextgroup>\s*<!\[CDATA\[[^\]]*?href\s*=\s*['\"]([^'\"]+)['\"]", re.I)
_PROXY_RE = re.compile(r"['\"]([^'\"\s]*?/module/web/jpage/dataproxy\.jsp[^'\"\s]*)['\"]", re.I)
_PER_PAGE_RE = re.compile(r"\bper_?page['\"]?\s*[:=]\s*['\"]?(\d+)", re.I)
_TOTAL_RECORD_RE = re.compile(r"\btotal_?record['\"]?\s*[:=>]\s*['\"]?(\d+)|<totalrecord>\s*(\d+)", re.I)
_TOTAL_PAGE_RE = re.compile(r"<totalpage>\s*(\d+)", re.I)
_PARAMS_RE = re.compile(r"\{[^{}]*\bcolumnid\b[^{}]*\}", re.I)
_PARAM_RE = re.compile(r"['\"]?(\w+)['\"]?\s*:\s*(?:'([^']*)'|\"([^\"]*)\"|([\w./-]+))")


def _number(token: str, text: str) -> int | None:
    if token.isdigit():
        return int(token)
    found = re.search(_VAR_RE.format(name=re.escape(token)), text)
    return int(found.group(1)) if found else None


def trs_next_page(text: str, url: str) -> str | None:
    """The next page a TRS ``createPageHTML`` pager names, or ``None`` on its last page (or without one)."""
    for match in _TRS_CALL_RE.finditer(text):
        count, current = _number(match.group(2), text), _number(match.group(3), text)
        if count is None or current is None:
            continue
        one_based = bool(match.group(1))  # the variant with a container id counts pages from 1
        following = current if one_based else current + 1
        if following >= count:
            return None
        return urljoin(url, f"{match.group(4)}_{following}.{match.group(5)}")
    return None


def hanweb_records(text: str) -> list[str]:
    """The HTML fragments of a jpage ``<datastore>`` (in a column page's script or a dataproxy answer)."""
    return [m.group(1) for m in _RECORD_RE.finditer(text)]


def hanweb_next_page(text: str, url: str) -> str | None:
    """The next dataproxy page after a column page or a dataproxy answer, or ``None`` past the last record."""
    parts = urlsplit(url)
    if parts.path.lower().endswith("dataproxy.jsp"):
        return _next_proxy_page(text, url)
    if not _RECORD_RE.search(text):
        return None
    nextgroup = _NEXTGROUP_RE.search(text)
    if nextgroup:
        return urljoin(url, nextgroup.group(1).replace("&amp;", "&"))
    proxy = _PROXY_RE.search(text)
    if not proxy:
        return None
    per_page_match = _PER_PAGE_RE.search(text)
    per_page = int(per_page_match.group(1)) if per_page_match else len(hanweb_records(text))
    total = _total_records(text)
    if not per_page or (total is not None and total <= per_page):
        return None
    params = _jpage_params(text)
    query = {"startrecord": per_page + 1, "endrecord": 2 * per_page, "perpage": per_page, **params}
    base = urljoin(url, proxy.group(1).replace("&amp;", "&"))
    return _with_query(base, query)


def _next_proxy_page(text: str, url: str) -> str | None:
    if not _RECORD_RE.search(text):
        return None
    query = dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))
    if "startrecord" in query and "endrecord" in query:
        start, end = int(query["startrecord"]), int(query["endrecord"])
        size = int(query.get("perpage") or end - start + 1) or end - start + 1
        total = _total_records(text)
        if total is not None and end >= total:
            return None
        query.update(startrecord=str(end + 1), endrecord=str(end + size))
        return _with_query(url, query)
    if "page" in query:
        page = int(query["page"] or 1)
        total_pages = _TOTAL_PAGE_RE.search(text)
        if total_pages and page >= int(total_pages.group(1)):
            return None
        query["page"] = str(page + 1)
        return _with_query(url, query)
    return None


def _total_records(text: str) -> int | None:
    found = _TOTAL_RECORD_RE.search(text)
    return int(found.group(1) or found.group(2)) if found else None


def _jpage_params(text: str) -> dict[str, str]:
    """``columnid``, ``unitid``, ``webid`` … of the jpage configuration object in the column page's script."""
    block = _PARAMS_RE.search(text)
    if not block:
        return {}
    params = {}
    for name, single, double, bare in _PARAM_RE.findall(block.group(0)):
        if name.lower() in ("perpage", "totalrecord", "proxyurl", "datastore"):
            continue
        params[name] = single or double or bare
    return params


def _with_query(url: str, query: dict[str, object]) -> str:
    parts = urlsplit(url)
    merged = dict(parse_qsl(parts.query, keep_blank_values=True))
    merged.update({k: str(v) for k, v in query.items()})
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(merged), ""))


# ---------------------------------------------------------------------------------------------- articles
_HREF_RE = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*["']([^"']+)["'][^>]*>(.*?)</a>""", re.S | re.I)
_NEXT_WORD_RE = re.compile(r"^\s*(?:下一页|下一頁|下页|下頁|后页|後頁)\s*$")
_TAG_RE = re.compile(r"<[^>]+>")


def _stem(url: str) -> tuple[str, str, int]:
    """``(directory + file stem without a page suffix, extension, page index)`` of an article URL."""
    path = urlsplit(url).path
    directory, _, name = path.rpartition("/")
    stem, dot, ext = name.rpartition(".")
    if not dot:
        return path, "", 0
    paged = re.fullmatch(r"(.+)_(\d{1,3})", stem)  # t20241120_1001_2 is page 2; t20241120_123 is one article
    if paged and ("_" in paged.group(1) or not re.fullmatch(r"t?\d{8}", paged.group(1))):
        return f"{directory}/{paged.group(1)}", ext, int(paged.group(2))
    return f"{directory}/{stem}", ext, 0


def article_next_page(text: str, url: str, first_url: str) -> str | None:
    """The next page of a multi-page article: its own TRS pager (``t20241120_1001_1.html``), a link to
    ``<stem>_N.<ext>``, or a 下一页 link to a page of the same stem; ``None`` on the last page."""
    stem, ext, _ = _stem(first_url)
    _, _, current = _stem(url) if _stem(url)[0] == stem else (stem, ext, 0)
    host = urlsplit(first_url).netloc

    def ours(candidate: str) -> bool:
        parts = urlsplit(candidate)
        return parts.netloc == host and _stem(candidate)[0] == stem and _stem(candidate)[2] > current

    trs = trs_next_page(text, url)
    if trs and ours(trs):
        return trs
    links = [(urljoin(url, href.replace("&amp;", "&")), _TAG_RE.sub("", label)) for href, label in _HREF_RE.findall(text)]
    numbered = sorted((_stem(link)[2], link) for link, _ in links if ours(link) and _stem(link)[1] == ext)
    if numbered:
        return numbered[0][1]
    same = [link for link, label in links if _NEXT_WORD_RE.match(label) and urlsplit(link).netloc == host
            and _stem(link)[0] == stem and link.split("#")[0] != url.split("#")[0]]
    return same[0] if same else None


def attachment_links(text: str, url: str, hosts: set[str]) -> list[tuple[str, str]]:
    """``(url, name as linked)`` of the documents a page links to on *hosts* (PDF, DOCX, DOC, XLS(X), WPS)."""
    from parkwatch.extract.attachments import attachment_kind

    found: dict[str, str] = {}
    for href, label in _HREF_RE.findall(text):
        link = urljoin(url, href.strip().replace("&amp;", "&"))
        if urlsplit(link).scheme not in ("http", "https") or urlsplit(link).netloc not in hosts:
            continue
        if attachment_kind(link) and link not in found:
            name = " ".join(_TAG_RE.sub("", label).split())
            found[link] = name or urlsplit(link).path.rsplit("/", 1)[-1]
    return list(found.items())
