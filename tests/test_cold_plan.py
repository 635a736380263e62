"""A clean ``mkdocs build`` plans nothing: page digests are made only where a record is compared or kept.

``publish/incremental.py``'s plan digests every page so that a dirty build (or a serve save) can leave
the pages whose output still holds; a clean build rewrites every page and keeps no record, so the
digests were made for nothing (a quarter of a second at 300 notes, before the page loop).
"""

from __future__ import annotations

from conftest import build_site
from zhudu.publish import incremental, page_digests

NOTE = "---\ntitle: 数据中心\ndate: 2024-03-01\n---\n\n数据中心的建设带来了就业。\n\n开源软件和网络。\n"


def test_a_clean_build_makes_no_page_digests_and_a_dirty_one_does(tmp_path) -> None:
    hashed = page_digests.CONTENT_HASHED  # the plan's counts: pages' HTML hashed, known by its string
    hashed[:] = [-1, -1]
    assert build_site(tmp_path / "clean", notes={"a.md": NOTE}).ok
    assert hashed == [-1, -1]  # the plan did not run
    incremental.set_dirty(True)
    try:
        assert build_site(tmp_path / "dirty", notes={"a.md": NOTE}).ok
    finally:
        incremental.set_dirty(False)
    assert hashed != [-1, -1]  # every page digested: the plan ran
