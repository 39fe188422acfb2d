"""Find spider plugins: modules in ``parkwatch.spiders`` and the ``parkwatch.spiders`` entry-point group."""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from importlib.metadata import entry_points

from loguru import logger

from parkwatch.config import Config, ConfigError

ENTRY_POINT_GROUP = "parkwatch.spiders"


@dataclass(frozen=True)
class SpiderPlugin:
    name: str
    cls: type
    origin: str  # "built-in" or the distribution that provides it


def available_spiders() -> dict[str, SpiderPlugin]:
    """All spider plugins by ``plugin_name``; a broken one is logged and left out."""
    import parkwatch.spiders as package
    from parkwatch.spiders.generic import ConfigSpider

    found: dict[str, SpiderPlugin] = {"generic": SpiderPlugin("generic", ConfigSpider, "built-in")}
    for module_info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        try:
            module = importlib.import_module(module_info.name)
        except Exception as exc:
            logger.error("spider module {} failed to import: {}", module_info.name, exc)
            continue
        for value in vars(module).values():
            own_subclass = (isinstance(value, type) and issubclass(value, ConfigSpider)
                            and value is not ConfigSpider and value.__module__ == module.__name__)
            if own_subclass:
                found[value.plugin_name] = SpiderPlugin(value.plugin_name, value, "built-in")
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            cls = ep.load()
        except Exception as exc:
            logger.error("spider plugin {} ({}) failed to load: {}", ep.name, ep.value, exc)
            continue
        if not (isinstance(cls, type) and issubclass(cls, ConfigSpider)):
            logger.error("spider plugin {} ({}) is not a ConfigSpider subclass; ignored", ep.name, ep.value)
            continue
        found[ep.name] = SpiderPlugin(ep.name, cls, ep.dist.name if ep.dist else "entry point")
    return found


def check_spiders(config: Config, spiders: dict[str, SpiderPlugin] | None = None) -> None:
    """Raise :class:`ConfigError` when a site names a spider that is not installed."""
    spiders = spiders if spiders is not None else available_spiders()
    for number, site in enumerate(config.sites, start=1):
        if site.spider not in spiders:
            raise ConfigError(
                f"{config.directory / 'sites.yaml'}: site {site.name!r} (#{number}): field 'spider': "
                f"expected one of {', '.join(sorted(spiders))}, got {site.spider!r}"
            )
