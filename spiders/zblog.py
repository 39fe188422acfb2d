"""Z-BlogPHP sites (厂房网 and many small park/industry aggregators run it).

Their category pages list posts as ``<div class="post-item"><h2><a>`` with the date in ``.meta``
(``admin 2024-09-26`` or ``1年前 (2024-09-26)``), and paginate as ``category-1_2.html``. Sites use it
with ``spider: zblog``; ``allow`` is optional because the markup says which links are posts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from parkwatch.spiders.generic import ConfigSpider
from scrapy.http import Response

from parkwatch.extract.dates import parse_date

_PAGE_RE = re.compile(r"/category-(\d+)(?:_(\d+))?\.html$")


class ZBlogSpider(ConfigSpider):
    plugin_name = "zblog"

    def article_links(self, response: Response) -> Iterator[tuple[str, str, str | None]]:
        for post in self.selector(response).css(".post-item, article.post"):
            href = post.css("h2 a::attr(href), .post-title a::attr(href)").get()
            if not href:
                continue
            url = response.urljoin(href)
            if any(p.search(url) for p in self.deny):
                continue
            title = " ".join(" ".join(post.css("h2 a ::text, .post-title a ::text").getall()).split())
            yield url, title, parse_date(" ".join(post.css(".meta ::text, .time ::text").getall()))

    def next_pages(self, response: Response) -> Iterator[str]:
        """Z-Blog's numbered pagination links (``category-1_2.html``), else the generic rules."""
        current = _PAGE_RE.search(response.url)
        number = int(current.group(2) or 1) if current else 1
        found = False
        for href in self.selector(response).css("a::attr(href)").getall():
            match = _PAGE_RE.search(href)
            if match and match.group(2) and int(match.group(2)) == number + 1:
                found = True
                yield response.urljoin(href)
        if not found:
            yield from super().next_pages(response)
