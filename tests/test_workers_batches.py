"""Rendered pages reach the page writers a few at a time (``publish/pagewriter.py``, ``PAGES_PER_TASK``).

Each task handed to a ``ProcessPoolExecutor`` wakes its threads in the build's process, which then
take the interpreter lock from MkDocs' rendering; a task per page cost the render loop about 2 s at
300 notes.  ``tests/test_reproducible.py`` checks the site equals the one written without workers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import build_site
from zhudu.publish import pagewriter, workers

pytestmark = pytest.mark.slow


def test_pages_are_handed_to_the_writers_in_tasks_of_several_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tasks: list[Any] = []
    submit = workers.HandOverPool.submit

    def counted(self: workers.HandOverPool, function: Any, *args: Any) -> Any:
        tasks.append(args)
        return submit(self, function, *args)

    monkeypatch.setattr(workers.HandOverPool, "submit", counted)
    root = tmp_path / "p"
    result = build_site(root, repo_notes=True, repo_editorial=True, zhudu={"workers": 2})
    assert result.ok, result.log
    written = sorted(
        p.relative_to(root / "site" / "zh-Hans").as_posix()
        for p in (root / "site" / "zh-Hans").rglob("*.html")
    )
    assert len(written) >= 20
    # Every page written is handed over once, in tasks of PAGES_PER_TASK pages (the last one fewer).
    handed = sorted(page[1] for (batch,) in tasks for page in batch)
    assert handed == written
    assert pagewriter.PAGES_PER_TASK >= 4
    assert len(tasks) == -(-len(written) // pagewriter.PAGES_PER_TASK)
