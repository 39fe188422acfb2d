"""The plugin manager and :func:`tag`: every enabled plugin's ``tag_article``, each isolated from the others."""

from __future__ import annotations

import importlib
import weakref
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pluggy
from loguru import logger

from parkwatch import hookspecs
from parkwatch.extract.repair import pinyin_artifact_spans, without_spans
from parkwatch.mentions import ArticleText, Mention

ENTRY_POINT_GROUP = "parkwatch.plugins"
BUILTIN_PLUGINS = ("regions", "parks", "policies", "figures")
# The built-in taggers' version: raise it with every change that makes them tag text differently, so that stored
# articles are offered a retag (``parkwatch retag``). ``tests/test_tagger_version.py`` fails until it is raised.
TAGGER_VERSION = 329


@dataclass(frozen=True)
class PluginInfo:
    name: str
    origin: str
    hooks: tuple[str, ...]
    enabled: bool


def make_manager(disabled: tuple[str, ...] = (), load_entry_points: bool = True) -> pluggy.PluginManager:
    """Built-in plugins from ``parkwatch.plugins`` and installed ones from the entry-point group; *disabled*
    names are blocked (``settings.yaml``: ``plugins: {disabled: [...]}``)."""
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    for name in disabled:
        pm.set_blocked(name)
    for name in BUILTIN_PLUGINS:
        if name in disabled:
            continue
        module = importlib.import_module(f"parkwatch.plugins.{name}")
        plugin = module.Plugin() if hasattr(module, "Plugin") else module  # a plugin with state: its own instance
        pm.register(plugin, name=name)
    if load_entry_points:
        try:
            pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
        except Exception as exc:  # a broken external plugin must not take the built-in ones down
            logger.error("a parkwatch plugin failed to load: {}", exc)
    return pm


def foreign_plugins() -> str | None:
    """Why the built-in plugins do not belong to this ``parkwatch`` (else None): an older checkout put first on
    ``PYTHONPATH`` while an editable install maps ``parkwatch.plugins`` to another checkout's ``plugins/`` would tag
    with that checkout's rules. The plugins belong when they lie inside the package (a wheel) or beside it (a
    checkout)."""
    import parkwatch
    import parkwatch.plugins

    engine = Path(parkwatch.__file__).resolve().parent
    plugins = Path(parkwatch.plugins.__file__).resolve().parent
    if plugins.parent in (engine, engine.parent):
        return None
    return (f"parkwatch is imported from {engine} but its built-in plugins from {plugins}: link that checkout's "
            f"plugins/ (and spiders/, pipelines/) into its parkwatch/ package, or run from the checkout installed")


_CALLERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def each_plugin(pm: pluggy.PluginManager, hook_name: str) -> list[tuple[str, pluggy.HookCaller]]:
    """One pluggy hook caller per plugin implementing *hook_name* (pluggy's ``subset_hook_caller``), so that each
    plugin is called through the hook yet isolated from the others: one plugin raising loses only its own result.
    Cached per manager until its plugins change."""
    impls = getattr(pm.hook, hook_name).get_hookimpls()
    key = (hook_name, tuple(id(impl.plugin) for impl in impls))
    cached = _CALLERS.setdefault(pm, {})
    if key not in cached:
        plugins = [impl.plugin for impl in impls]
        cached[key] = [(impl.plugin_name,
                        pm.subset_hook_caller(hook_name, [p for p in plugins if p is not impl.plugin]))
                       for impl in impls]
    return cached[key]


@lru_cache(maxsize=8)
def default_manager(disabled: tuple[str, ...] = ()) -> pluggy.PluginManager:
    return make_manager(disabled)


def tag(article: ArticleText, pm: pluggy.PluginManager | None = None) -> list[Mention]:
    """All mentions in *article*, sorted by position. A plugin that raises is logged (with its name and
    the article) and skipped; the others still run.

    Text that still carries pinyin-annotation artifacts (``開發(fā)區(qū)``) is tagged without them, and the
    offsets are mapped back, so ``start``/``end`` always index the text as given.
    """
    artifacts = pinyin_artifact_spans(article.text)
    if artifacts:
        repaired, index = without_spans(article.text, artifacts)
        inner = ArticleText(repaired, title=article.title, region=article.region, id=article.id, park=article.park)
        mentions = _tag(inner, pm)
        for mention in mentions:
            mention.start, mention.end = index[mention.start], index[mention.end]  # a trailing artifact stays
            mention.surface = article.text[mention.start : mention.end]
            mention.context = article.context(mention.start, mention.end)
        return mentions
    return _tag(article, pm)


def _tag(article: ArticleText, pm: pluggy.PluginManager | None) -> list[Mention]:
    pm = pm or default_manager()
    mentions: list[Mention] = []
    for name, hook in each_plugin(pm, "tag_article"):
        try:
            found = [m for result in hook(article=article) for m in (result or [])]
        except Exception as exc:
            logger.opt(exception=exc).error("plugin {} failed on article {}: {}", name,
                                            article.id or article.title or article.text[:30], exc)
            continue
        for mention in found:
            mention.plugin = mention.plugin or name
            if not mention.context:
                mention.context = article.context(mention.start, mention.end)
            mentions.append(mention)
    mentions.sort(key=lambda m: (m.start, -m.end, m.kind))
    return mentions


def configure(pm: pluggy.PluginManager, config: object) -> None:
    """Give every plugin the loaded configuration (``configure`` hook); a failing plugin is logged."""
    for name, hook in each_plugin(pm, "configure"):
        try:
            hook(config=config)
        except Exception as exc:
            logger.opt(exception=exc).error("plugin {} failed to configure: {}", name, exc)


def disabled_plugins(config: object | None) -> tuple[str, ...]:
    """The plugins *config*'s ``settings.yaml`` disables (none without a config)."""
    return tuple(getattr(getattr(config, "settings", None), "disabled_plugins", ()) or ())


def manager_for(config: object | None) -> pluggy.PluginManager:
    """A plugin manager set up for *config* (disabled plugins blocked, gazetteer loaded)."""
    pm = make_manager(disabled_plugins(config))
    if config is not None:
        configure(pm, config)
    return pm


def plugin_infos(pm: pluggy.PluginManager, disabled: tuple[str, ...] = ()) -> list[PluginInfo]:
    infos = []
    for name, plugin in pm.list_name_plugin():
        if plugin is None:
            continue
        hooks = tuple(sorted(h.name for h in pm.get_hookcallers(plugin) or []))
        dist = dict(pm.list_plugin_distinfo()).get(plugin)
        origin = f"{dist.project_name} {dist.version}" if dist else "built-in"
        infos.append(PluginInfo(name, origin, hooks, True))
    for name in disabled:
        infos.append(PluginInfo(name, "disabled in settings", (), False))
    return infos
