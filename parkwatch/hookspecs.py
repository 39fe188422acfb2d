"""Hook specifications for parkwatch plugins (pluggy).

A plugin is a module or object with functions marked ``@parkwatch.hookimpl``. Built-in plugins in
``parkwatch.plugins`` are registered exactly like external ones, which come through the
``parkwatch.plugins`` entry-point group::

    [project.entry-points."parkwatch.plugins"]
    myplugin = "mypackage.myplugin"
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from parkwatch.config import Config
    from parkwatch.mentions import ArticleText, Mention

PROJECT = "parkwatch"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def tag_article(article: ArticleText) -> list[Mention] | None:
    """Find mentions (parks, policies, regions, figures, topics …) in one article.

    ``article.text`` is the text as given; ``article.simplified`` is its Simplified, width-folded form
    with the same length, so an offset found in one is valid in the other. Return mentions whose
    ``start``/``end`` are offsets into ``article.text``. ``article.region`` is the place the site is
    about (``四川省绵阳市``) when configured; ``article.park`` the park whose own site it is (``成都高新区``) when
    configured. A plugin that raises is logged and skipped; the others run.
    """


@hookspec
def configure(config: Config) -> None:
    """Called once with the loaded configuration, e.g. to read a user gazetteer (``config/parks.yaml``)."""


@hookspec
def plugin_info() -> dict[str, str] | None:
    """Optional: ``{"name": ..., "description": ...}`` shown by ``parkwatch plugins``."""
