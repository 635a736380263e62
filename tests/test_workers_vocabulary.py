"""When the search's jieba dictionary loads in the vocabulary's worker (``Site.load_vocabulary``).

A small collection asks for it as soon as its notes are read, so that it loads beside the page loop
instead of while the search stage waits for it; a large one only after the page loop (the build's
memory peak).  Either way the site is the same, byte for byte.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build_site
from zhudu.publish import site as site_module

pytestmark = pytest.mark.slow


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _build(root: Path, monkeypatch: pytest.MonkeyPatch, early_limit: int) -> tuple[dict[str, bytes], list]:
    calls: list[tuple[int | None, bool]] = []
    load = site_module.Site.load_vocabulary

    def recording(self: site_module.Site, notes: int | None = None) -> None:
        load(self, notes)
        calls.append((notes, self._vocabulary_asked))

    with monkeypatch.context() as patch:
        patch.setattr(site_module, "EARLY_VOCABULARY_NOTES", early_limit)
        patch.setattr(site_module.Site, "load_vocabulary", recording)
        result = build_site(root, repo_notes=True, repo_editorial=True, zhudu={"workers": 2})
    assert result.ok, result.log
    return _tree(root / "site"), calls


def test_the_dictionary_loads_early_for_a_small_collection_and_the_site_is_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    early, early_calls = _build(tmp_path / "early", monkeypatch, site_module.EARLY_VOCABULARY_NOTES)
    late, late_calls = _build(tmp_path / "late", monkeypatch, 0)
    notes = len(list((Path(__file__).resolve().parents[1] / "seeds").glob("*.md")))
    # Asked for once the notes are read (then the call after the page loop does nothing) ...
    assert early_calls == [(notes, True), (None, True)]
    # ... or, past the limit, only after the page loop.
    assert late_calls == [(notes, False), (None, True)]
    assert early.keys() == late.keys()
    assert [k for k in early if early[k] != late[k]] == []
