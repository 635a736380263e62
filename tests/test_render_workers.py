"""Note pages rendered in forked workers (hooks/zhudu/rendering.py) build the same site as MkDocs alone.

``test_reproducible.py`` compares whole sites built with and without workers; these tests check
what a worker hands back besides the HTML: the log records, which MkDocs must see once each and
count under ``--strict``, and the proof that the workers did render pages.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import re

from conftest import build_site


def _notes(count: int) -> dict[str, str]:
    """``count`` notes, each linking to a page that does not exist (a warning while rendering it)."""
    return {
        f"note-{i:02d}.md": (
            f"---\ntitle: 第{i}篇\ndate: 2024-01-{i + 1:02d}\n---\n\n"
            f"这是第{i}篇笔记，讲开源模型。参见[不存在的页面](missing-{i:02d}.md)。\n\n"
            "## 第二节\n\n数据中心的电费越来越高。\n"
        )
        for i in range(count)
    }


def test_a_workers_warnings_are_logged_once_each_and_fail_strict(tmp_path):
    count = 8
    logs = {}
    for workers in (0, 2):
        root = tmp_path / f"workers-{workers}"
        root.mkdir()
        result = build_site(
            root, notes=_notes(count), strict=True, zhudu={"workers": workers}, log_level=logging.DEBUG
        )
        assert not result.ok
        assert "strict" in result.error
        assert multiprocessing.active_children() == []
        missing = sorted(re.findall(r"contains a link '(missing-\d\d\.md)'", "\n".join(result.warnings)))
        assert missing == [f"missing-{i:02d}.md" for i in range(count)], result.warnings
        logs[workers] = result.log
    adopted = re.search(r"render workers: (\d+) pages adopted, (\d+) taken back", logs[2])
    assert adopted, logs[2]
    # MkDocs hands the pages still queued for a worker to it: the last notes are always its.
    assert int(adopted[1]) >= 1 and int(adopted[1]) + int(adopted[2]) == count
    assert "render workers" not in logs[0]


def test_a_worker_rendered_page_keeps_its_table_of_contents_and_anchors(tmp_path):
    result = build_site(tmp_path, notes=_notes(4), strict=False, zhudu={"workers": 2})
    assert result.ok, result.log
    for i in range(4):
        page = (result.site_dir / "zh-Hans" / "notes" / f"note-{i:02d}" / "index.html").read_text("utf-8")
        assert 'id="第二节"' in page
        assert '<a href="#第二节" class="md-nav__link">' in page  # the table of contents


def test_a_build_leaves_the_garbage_collector_as_it_found_it(tmp_path):
    """During a build the collector runs less often and skips the build's state (``heap``); after it,
    whether the build succeeded, failed ``--strict`` after writing, or stopped half-way, the process
    collects as before: an in-process caller (these tests, a script building twice) keeps no garbage."""
    before = gc.get_threshold()
    builds = {
        "ok": {
            "notes": {"a.md": "---\ntitle: 甲\n---\n\n正文。\n", "b.md": "---\ntitle: 乙\n---\n\n正文。\n"}
        },
        "strict": {"notes": _notes(3), "strict": True},  # fails after on_post_build
        "half-way": {
            "notes": _notes(3),
            "editorial": {"notes.yml": "nope_id:\n  title: x\n"},
            "strict": False,
        },
    }
    for name, kwargs in builds.items():
        root = tmp_path / name
        root.mkdir()
        result = build_site(root, zhudu={"workers": 2}, **kwargs)
        assert result.ok is (name == "ok"), result.log
        assert gc.get_freeze_count() == 0, name
        assert gc.get_threshold() == before, name


def test_forked_map_runs_a_closure_in_workers_and_keeps_the_order():
    """``workers.forked_map`` (the search index's slices): the workers inherit the closure, the
    results come back in item order, and no worker is left running."""
    from zhudu import heap, workers

    table = {i: "汉字" * i for i in range(5)}  # inherited by the fork, never pickled
    try:
        results = workers.forked_map(lambda i: (os.getpid(), table[i]), [0, 1, 2, 3, 4], 3)
    finally:
        heap.end_build()  # as a build does: nothing of this process stays frozen
    assert [text for _, text in results] == [table[i] for i in range(5)]
    assert results[0][0] == os.getpid()  # this process takes the first item
    assert len({pid for pid, _ in results}) > 1
    assert multiprocessing.active_children() == []
    assert workers.forked_map(lambda i: i * 2, [1, 2], 1) == [2, 4]


def test_forked_map_in_slices_forks_only_for_slices_worth_it():
    from zhudu import heap, workers

    items = list(range(10))
    try:
        one = workers.forked_map_in_slices(lambda i: (os.getpid(), i * i), items, 2, smallest_slice=6)
        two = workers.forked_map_in_slices(lambda i: (os.getpid(), i * i), items, 2, smallest_slice=5)
    finally:
        heap.end_build()
    assert [r for _, r in one] == [r for _, r in two] == [i * i for i in items]
    assert {pid for pid, _ in one} == {os.getpid()}  # 10 items do not make two slices of 6
    assert [pid == os.getpid() for pid, _ in two] == [True] * 5 + [False] * 5
