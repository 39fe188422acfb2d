"""The built-in taggers' version follows what they tag, so that users' stored articles are offered a retag.

``tagger_output.json`` records the version with a digest of every mention the built-in taggers find in the dev
split's real texts. A change that moves one mention fails the first test until ``TAGGER_VERSION`` is raised
and the record is made again::

    python tests/test_tagger_version.py --record
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from types import SimpleNamespace

from parkwatch.mentions import ArticleText
from parkwatch.retag import tagging_version
from parkwatch.tag_eval import read_lines
from parkwatch.tagging import TAGGER_VERSION, make_manager, tag

FILES = Path(__file__).parent / "files" / "tagging"
RECORD = FILES / "tagger_output.json"


def output_digest(path: Path = FILES / "dev.jsonl.xz") -> tuple[int, str]:
    """How many texts, and a digest of the built-in taggers' mentions on them (span, kind, name, id)."""
    pm = make_manager(load_entry_points=False)
    digest, count = hashlib.sha256(), 0
    for line in read_lines(path):
        record = json.loads(line)
        found = sorted((m.start, m.end, m.kind, m.canonical, m.id or "") for m in tag(ArticleText(record["text"]), pm))
        digest.update(json.dumps([record["id"], found], ensure_ascii=False).encode())
        count += 1
    return count, digest.hexdigest()


def test_the_tagger_version_is_raised_with_every_change_in_what_the_taggers_find():
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))
    texts, digest = output_digest()
    assert texts == recorded["texts"], "dev.jsonl.xz changed: record the output again (see this module's docstring)"
    if digest != recorded["digest"]:
        assert recorded["tagger_version"] < TAGGER_VERSION, (
            "the built-in taggers now tag the dev texts differently: raise TAGGER_VERSION in parkwatch/tagging.py "
            "(stored articles are then offered a retag) and record the output (see this module's docstring)")
        raise AssertionError("TAGGER_VERSION was raised: record the new output (see this module's docstring)")
    assert recorded["tagger_version"] == TAGGER_VERSION, "record the output again (see this module's docstring)"


def test_a_new_tagger_version_asks_for_a_retag(monkeypatch):
    from parkwatch import retag

    before = tagging_version(None)
    monkeypatch.setattr(retag, "TAGGER_VERSION", TAGGER_VERSION + 1)
    assert tagging_version(None) != before


def installed_tagger(root: Path, version: str) -> Path:
    """A distribution ``mytagger`` of *version* under *root*, registering a tagger plugin by entry point."""
    packages = root / f"site-packages-{version}"
    (packages / f"mytagger-{version}.dist-info").mkdir(parents=True)
    (packages / f"mytagger-{version}.dist-info" / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: mytagger\nVersion: {version}\n")
    (packages / f"mytagger-{version}.dist-info" / "entry_points.txt").write_text("[parkwatch.plugins]\nmytagger = mytagger\n")
    (packages / "mytagger.py").write_text("from parkwatch.hookspecs import hookimpl\n\n\n@hookimpl\n"
                                          "def tag_article(article):\n    return []\n")
    return packages


def test_installing_upgrading_or_disabling_a_tagger_plugin_asks_for_a_retag(tmp_path, monkeypatch):
    alone = tagging_version(None)
    with monkeypatch.context() as patched:
        patched.syspath_prepend(str(installed_tagger(tmp_path, "0.1")))
        first = tagging_version(None)
    with monkeypatch.context() as patched:
        patched.syspath_prepend(str(installed_tagger(tmp_path, "0.2")))
        upgraded = tagging_version(None)
    assert len({alone, first, upgraded}) == 3
    assert tagging_version(None) == alone  # uninstalled: as before
    settings = SimpleNamespace(disabled_plugins=("figures",))
    assert tagging_version(SimpleNamespace(settings=settings, parks=(), programmes=())) != alone


if __name__ == "__main__" and sys.argv[1:] == ["--record"]:
    count, digest = output_digest()
    RECORD.write_text(json.dumps({"tagger_version": TAGGER_VERSION, "texts": count, "digest": digest}, indent=1) + "\n",
                      encoding="utf-8")
    print(f"recorded tagger version {TAGGER_VERSION}: {count} texts, {digest[:12]}")
