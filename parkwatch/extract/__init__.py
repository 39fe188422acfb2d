"""Article extraction: pure functions over page bytes and URL.

``extract_article(body, url, …)`` returns an :class:`Article`; the flat modules beside it each do one
thing (decoding, repair, boilerplate, dates, fields, normalisation).
"""

from parkwatch.extract.article import Article, extract_article

__all__ = ["Article", "extract_article"]
