"""Stories pipeline: each new article joins the story of an earlier copy, or starts one."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from parkwatch.store import Store
from parkwatch.stories import StoryIndex

# One index per database for the whole process: sites crawled side by side must see each other's copies.
_INDEXES: dict[str, tuple[Store, StoryIndex]] = {}


class StoryPipeline:
    """Runs after the store pipeline. Disabled with ``PARKWATCH_STORIES = False``."""

    def __init__(self, crawler: Crawler, db_path: str) -> None:
        self.stats = crawler.stats
        self.db_path = db_path

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StoryPipeline:
        db_path = crawler.settings.get("PARKWATCH_DB")
        if not db_path or not crawler.settings.getbool("PARKWATCH_STORIES", True):
            raise NotConfigured("PARKWATCH_DB is not set or PARKWATCH_STORIES is off")
        return cls(crawler, db_path)

    @property
    def index(self) -> StoryIndex:
        if self.db_path not in _INDEXES:
            store = Store(self.db_path)
            _INDEXES[self.db_path] = (store, StoryIndex(store))
        return _INDEXES[self.db_path][1]

    def open_spider(self, spider: Any = None) -> None:
        repaired = self.index.repair()
        if repaired:
            self.stats.inc_value("parkwatch/stories_repaired", repaired)

    def process_item(self, item: dict[str, Any], spider: Any = None) -> dict[str, Any]:
        if item.get("stored") not in ("new", "updated") or not item.get("article_id"):
            return item
        assignment = self.index.assign(item["article_id"], (item.get("article") or {}).get("text_simplified"),
                                       item.get("story_signature"))
        if assignment is not None:
            self.stats.inc_value("parkwatch/stories_new" if assignment.new_story else "parkwatch/stories_joined")
        return item
