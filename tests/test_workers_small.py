"""A small collection is built in one process but for jieba's dictionary (``Site.page_workers``).

With ``extra.zhudu.workers`` unset, a collection of at most ``SMALL_COLLECTION_NOTES`` notes forks
no page writer and no pre-render worker (their fork and hand-over cost more than they save).  A larger
one forks them as before; a set ``workers`` is obeyed.  Up to ``VOCABULARY_AT_FORK_NOTES`` notes the
vocabulary worker loads jieba's dictionary as soon as it is forked, beside the build, instead of after
the page loop.  The site is the same either way.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

import pytest

from conftest import build_site
from zhudu.publish import prerender, site, workers

pytestmark = pytest.mark.slow


def _tree(site_dir: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site_dir).as_posix(): p.read_bytes() for p in sorted(site_dir.rglob("*")) if p.is_file()
    }


def _spied(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Any]]:
    """Record how many page writers are forked, whether a pre-render worker starts, how many
    notes were read when jieba's dictionary was asked for (0: in ``on_config``, before ``on_files``),
    and whether the search stage's postings were made in their worker."""
    seen: dict[str, list[Any]] = {"writers": [], "prerender": [], "dictionary": [], "postings": []}
    fork, start, load, postings_of = (
        workers.HandOverPool.fork.__func__,
        prerender.Prerender.start.__func__,
        site.Site.load_vocabulary,
        site.Site.postings_of,
    )

    def spied_fork(cls: Any, processes: int, *args: Any) -> Any:
        seen["writers"].append(processes)
        return fork(cls, processes, *args)

    def spied_start(cls: Any, *args: Any) -> Any:
        seen["prerender"].append(True)
        return start(cls, *args)

    def spied_load(self: site.Site) -> None:
        if self._vocabulary is not None and not self._vocabulary_loading:
            seen["dictionary"].append(len(self.corpus.notes))
        load(self)

    monkeypatch.setattr(workers.HandOverPool, "fork", classmethod(spied_fork))
    monkeypatch.setattr(prerender.Prerender, "start", classmethod(spied_start))

    def spied_postings_of(self: site.Site, *args: Any) -> Any:
        seen["postings"].append("worker" if self._postings is not None else "here")
        return postings_of(self, *args)

    monkeypatch.setattr(site.Site, "load_vocabulary", spied_load)
    monkeypatch.setattr(site.Site, "postings_of", spied_postings_of)
    return seen


@pytest.mark.skipif(workers.available_cpus() < 2, reason="workers are forked only with two CPUs or more")
def test_a_small_collection_forks_no_page_writer_and_loads_the_dictionary_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _spied(monkeypatch)
    result = build_site(tmp_path / "unset", repo_notes=True, repo_editorial=True)
    assert result.ok, result.log
    assert seen == {"writers": [0], "prerender": [], "dictionary": [0], "postings": ["here"]}
    assert multiprocessing.active_children() == []  # the vocabulary worker ended with the build
    # The same site as with page writers, a pre-render and a postings worker forked (workers: 2).
    monkeypatch.undo()
    seen = _spied(monkeypatch)
    forked = build_site(tmp_path / "two", repo_notes=True, repo_editorial=True, zhudu={"workers": 2})
    assert forked.ok, forked.log
    assert seen["postings"] == ["worker"]
    one, two = _tree(tmp_path / "unset" / "site"), _tree(tmp_path / "two" / "site")
    assert len(one) > 50
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []


def _past_small() -> dict[str, str]:
    more = site.SMALL_COLLECTION_NOTES + 1 - 3  # the repository's three notes, and these
    return {
        f"extra-{i:02}.md": f"---\ntitle: 笔记{i}\ndate: 2024-01-{i + 1:02}\n---\n\n第{i}段，讲开源模型。\n"
        for i in range(more)
    }


@pytest.mark.skipif(workers.available_cpus() < 2, reason="workers are forked only with two CPUs or more")
def test_a_larger_collection_forks_page_writers_and_still_loads_the_dictionary_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _spied(monkeypatch)
    result = build_site(tmp_path / "p", notes=_past_small(), repo_notes=True, repo_editorial=True)
    assert result.ok, result.log
    assert seen == {
        "writers": [workers.pool_size(None)],
        "prerender": [True],
        "dictionary": [0],  # asked for in on_config, before any note was read
        "postings": ["worker"],
    }


@pytest.mark.skipif(workers.available_cpus() < 2, reason="workers are forked only with two CPUs or more")
def test_past_the_early_dictionarys_size_the_dictionary_loads_after_the_page_loop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Memory: past ``VOCABULARY_AT_FORK_NOTES`` the dictionary is not held through the page loop."""
    monkeypatch.setattr(site, "VOCABULARY_AT_FORK_NOTES", site.SMALL_COLLECTION_NOTES)
    seen = _spied(monkeypatch)
    result = build_site(tmp_path / "p", notes=_past_small(), repo_notes=True, repo_editorial=True)
    assert result.ok, result.log
    assert seen["writers"] == [workers.pool_size(None)]
    assert seen["dictionary"] == [site.SMALL_COLLECTION_NOTES + 1]  # every note read: after the page loop


@pytest.mark.skipif(workers.available_cpus() < 2, reason="workers are forked only with two CPUs or more")
def test_a_collection_past_the_postings_workers_size_makes_its_postings_in_the_build_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Memory: past ``POSTINGS_WORKER_NOTES`` the postings worker's task would overlap the build's peak."""
    more = site.SMALL_COLLECTION_NOTES + 1 - 3
    notes = {f"extra-{i:02}.md": f"---\ntitle: 笔记{i}\n---\n\n第{i}段，讲开源模型。\n" for i in range(more)}
    monkeypatch.setattr(site, "POSTINGS_WORKER_NOTES", site.SMALL_COLLECTION_NOTES)
    seen = _spied(monkeypatch)
    result = build_site(tmp_path / "p", notes=notes, repo_notes=True, repo_editorial=True)
    assert result.ok, result.log
    assert seen["writers"] == [workers.pool_size(None)] and seen["postings"] == ["here"]


def test_a_set_number_of_workers_is_obeyed_in_a_small_collection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _spied(monkeypatch)
    result = build_site(tmp_path / "p", repo_notes=True, repo_editorial=True, zhudu={"workers": 0})
    assert result.ok, result.log
    # No vocabulary or postings worker either.
    assert seen == {"writers": [0], "prerender": [], "dictionary": [], "postings": ["here"]}
