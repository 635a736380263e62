"""What the build hands the page writers gives the pages the serial path writes (``publish/pagewriter.py``).

The build process hands each rendered page over as MkDocs made it (template indentation and all)
and the writer compacts it (``compact/whitespace.py``), converts it and writes every variant, with
the page list, the interface strings and the output fingerprint handed over once.  Here every page
handed over is written again in this process by ``convert_page`` (the path a build without workers
takes) and must give the same bytes and the same search texts.  The build process keeps nothing of
a page it has handed over (no HTML, no theme views), and nothing of the themes once every page is
written: the search stage, the build's peak of memory, runs without them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, build_site
from zhudu.publish import pagewriter, textspool, workers
from zhudu.publish.site import Site
from zhudu.themes import matching

pytestmark = pytest.mark.slow


def test_pages_written_by_the_writers_equal_the_serial_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    handed: list[pagewriter.Handed] = []
    texts: dict[tuple[str, str], Any] = {}
    submit, record_texts = workers.HandOverPool.submit, Site._record_texts

    def spied_submit(self: workers.HandOverPool, function: Any, *args: Any) -> Any:
        handed.extend(args[0])
        return submit(self, function, *args)

    def spied_record(self: Site, dest_uri: str, found: Any) -> None:
        for code, text in found:  # read back now: the spool is removed at the end of the build
            texts[(code, dest_uri)] = text.load() if isinstance(text, textspool.Spooled) else text
        record_texts(self, dest_uri, found)

    monkeypatch.setattr(workers.HandOverPool, "submit", spied_submit)
    monkeypatch.setattr(Site, "_record_texts", spied_record)
    root = tmp_path / "p"
    result = build_site(root, repo_notes=True, repo_editorial=True, zhudu={"workers": 2, "cache_dir": ""})
    assert result.ok, result.log
    build = sys.modules[str(REPO / "hooks" / "zhudu_hook.py")]._build
    site = build.site
    assert len(handed) >= 20 and texts

    serial = tmp_path / "serial"
    compacted = 0
    for html, dest_uri, url, site_dir, indexed, domain in handed:
        assert site_dir == root / "site"
        targets = [serial / v.prefix / dest_uri for v in site.variants]
        found = pagewriter.convert_page(site, html, dest_uri, url, targets, indexed, domain=domain)
        for variant, target in zip(site.variants, targets, strict=True):
            written = (site_dir / variant.prefix / dest_uri).read_bytes()
            assert written == target.read_bytes(), f"{variant.prefix}{dest_uri}"
        assert dict(found) == {c: t for (c, d), t in texts.items() if d == dest_uri}, dest_uri
        compacted += len(targets[0].read_bytes()) < len(html.encode("utf-8"))
    # Handed over as rendered: the writers compact it (most pages are shorter once written).
    assert compacted > len(handed) // 2

    # What the build process keeps of a written page: no HTML, no theme views.
    note_pages = [f.page for f in build.files.documentation_pages() if f.src_uri in site.note_by_src]
    theme_pages = [f.page for f in build.files.documentation_pages() if f.src_uri.startswith("themes/")]
    assert note_pages and theme_pages
    for page in note_pages + theme_pages:
        assert page.content is None
        assert "zd_themes" not in page.meta and "zd_theme" not in page.meta, page.file.src_uri
    # Nor the themes: the index and markers go before the search stage; a build (not serve) keeps
    # no scans for a next build.
    assert build.themes is None
    assert matching.SCANS.current == {}
