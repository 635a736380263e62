"""Site size: bytes per 1,000 source characters, all variants, by part.

Builds a corpus with the real ``mkdocs build`` in a temporary project and splits every byte of the
output into parts:

- ``body``: a note page's body (``zd-note__body``, up to its related themes and backlinks);
- ``header``: a note page's ``<head>`` and ``<header>`` (palette, search box, variant list, icons);
- ``scripts``: a note page's inline ``<script>`` elements and what follows the footer;
- ``page (rest)``: the rest of a note page, split below it into the nav, the table of contents, the
  note's header (title, metadata, tags, theme chips), related notes and backlinks, and the other
  chrome (skip link, toggles, content wrappers, back-to-top button, footer, dialogs); ``scripts`` is
  split into Material's ``__config`` JSON, the other inline scripts and tags before the footer, and
  what follows the footer;
- ``other pages``: home, section, theme, glossary and about pages, redirects, 404;
- ``search``: the search indexes (``search/`` folders, Material's ``search_index.json``);
- ``assets``: the shared ``assets/`` folder (CSS, JS, icons);
- ``media``, ``feeds + sitemaps``: images, RSS/JSON feeds, sitemaps.

Usage::

    python bench/bench_size.py hexo [--repo DIR] [--keep DIR]
    python bench/bench_size.py generated N [--repo DIR] [--keep DIR]

``hexo`` builds ``../shared/corpora/hexo-docs/zh-cn`` and ``zh-tw`` as ``seeds/``; ``generated N``
builds N notes derived from ``seeds/`` (``bench/corpus.py``).  ``--repo`` measures another checkout
(e.g. an export of the last commit, for a before/after), ``--keep`` leaves the project there.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HEXO = REPO.parent / "shared" / "corpora" / "hexo-docs"
MKDOCS = REPO / ".venv" / "bin" / "mkdocs"
GIB = 1024**3

_SCRIPT_RE = re.compile(r"<script\b[^>]*>.*?</script>", re.DOTALL)
_NOTE_PAGE_RE = re.compile(r"^zh-[^/]+/notes/[^/]+/index\.html$")


def _corpus_module(repo: Path):
    spec = importlib.util.spec_from_file_location("corpus_under_test", repo / "bench" / "corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def make_project(repo: Path, dest: Path, kind: str, n: int) -> int:
    """Write the project into ``dest``; return the corpus's source characters."""
    corpus = _corpus_module(repo)
    corpus.make_project(n if kind == "generated" else 0, dest)
    seeds = dest / "seeds"
    if kind == "hexo":
        # The editorial data names the shipped notes: without them it would stop the build (as in
        # tests/test_collections_hexo.py, the collection is built without editorial data).
        for data in (dest / "docs" / "editorial").glob("*.yml"):
            data.unlink()
        if not any(HEXO.glob("zh-*/*.md")):
            raise SystemExit(
                f"no notes in {HEXO}/zh-cn or zh-tw (../shared/corpora/hexo-docs from the checkout)"
            )
        for folder in ("zh-cn", "zh-tw"):
            shutil.copytree(HEXO / folder, seeds / folder)
    return sum(len(p.read_text(encoding="utf-8")) for p in seeds.rglob("*.md"))


def build(project: Path, out: Path) -> float:
    # The project's own hooks (copied from --repo) first: the venv's .pth names one checkout's hooks,
    # which a build would import otherwise, whatever --repo says.
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_URL": "https://zhudu.github.io/zhudu/",
        "PYTHONPATH": str(project / "hooks"),
    }
    started = time.perf_counter()
    done = subprocess.run(
        [str(MKDOCS), "build", "-q", "-d", str(out)], cwd=project, env=env, capture_output=True, text=True
    )
    if done.returncode:
        raise SystemExit(f"build failed:\n{done.stderr[-3000:]}")
    return time.perf_counter() - started


def note_page_parts(html: str, finer: collections.Counter[str] | None = None) -> dict[str, int]:
    """A note page's bytes split into body / header / scripts / page (rest).

    ``finer`` (when given) gets the finer parts of the rest and the scripts: ``rest: nav`` …
    (``_REST_REGIONS``), ``scripts: __config``, ``scripts: other inline``, ``scripts: after footer``.
    """
    parts: collections.Counter[str] = collections.Counter()
    size = len(html.encode())
    # The note's body ends where its related themes, backlinks or glossary link begin, or else with
    # its own </div> before the note's and the content's </article>.
    ending = html.rfind("</div>\n</article>\n</article>")
    body_end = min(
        (
            i
            for i in (html.find(m) for m in ('<aside class="zd-related', '<a class="zd-gloss-home"'))
            if i >= 0
        ),
        default=ending + len("</div>") if ending >= 0 else -1,
    )
    for start, end, name in (
        # The note's body ends where its related themes, backlinks or glossary link begin (a clipped
        # thread's posts are <article>s of their own, so not at the first </article>).
        (
            '<div class="zd-note__body">',
            html[body_end : body_end + 40] if body_end >= 0 else "</article>",
            "body",
        ),
        ("<head>", "</head>", "header"),
        ('<header class="md-header', "</header>", "header"),
        ("</footer>", "</html>", "scripts"),
    ):
        i = html.find(start)
        j = html.find(end, i + 1) if i >= 0 else -1
        if j > i >= 0:
            piece = html[i:j]
            n = len(piece.encode())
            if name != "scripts":  # inline scripts are counted as scripts wherever they are
                inline = sum(len(m.group().encode()) for m in _SCRIPT_RE.finditer(piece))
                parts["scripts"] += inline
                n -= inline
                _split_scripts(piece, finer)
            elif finer is not None:
                config = _config_bytes(piece)
                finer["scripts: __config"] += config
                finer["scripts: after footer"] += n - config
            parts[name] += n
            html = html[:i] + html[j:]
    inline = sum(len(m.group().encode()) for m in _SCRIPT_RE.finditer(html))
    parts["scripts"] += inline
    parts["page (rest)"] += len(html.encode()) - inline
    if finer is not None:
        _split_scripts(html, finer)
        marks = sorted((i, name) for name, m in _REST_REGIONS if (i := html.find(m)) >= 0)
        for k, (i, name) in enumerate([(0, "other"), *marks]):
            j = marks[k][0] if k < len(marks) else len(html)
            piece = html[i:j]
            finer[f"rest: {name}"] += len(piece.encode()) - sum(
                len(m.group().encode()) for m in _SCRIPT_RE.finditer(piece)
            )
    assert sum(parts.values()) == size
    return parts


#: Where the regions of a note page's rest start once its body, head and header are cut out.
_REST_REGIONS = (
    ("nav", '<div class="md-sidebar md-sidebar--primary'),
    ("toc", '<div class="md-sidebar md-sidebar--secondary'),
    ("other", '<div class="md-content"'),
    ("note header", '<header class="zd-note__header">'),
    ("other", '<div class="zd-note__body">'),
    ("related, backlinks", '<aside class="zd-related'),
    ("other", '<a class="zd-gloss-home"'),
    ("other", "</article>\n</article>"),  # the note's end, when it has no glossary link
)


def _config_bytes(html: str) -> int:
    return sum(len(m.group().encode()) for m in _SCRIPT_RE.finditer(html) if 'id="__config"' in m.group())


def _split_scripts(html: str, finer: collections.Counter[str] | None) -> None:
    if finer is not None:
        config = _config_bytes(html)
        finer["scripts: __config"] += config
        finer["scripts: other inline"] += (
            sum(len(m.group().encode()) for m in _SCRIPT_RE.finditer(html)) - config
        )


def part_of(rel: str) -> str:
    if rel.startswith("assets/"):
        return "assets"
    if "/search/" in f"/{rel}" or rel.endswith("search_index.json"):
        return "search"
    if "/media/" in f"/{rel}":
        return "media"
    if rel.endswith((".xml", ".xml.gz")) or "/feed" in rel or rel.endswith("feed.json"):
        return "feeds + sitemaps"
    if rel.endswith(".html"):
        return "other pages"
    return "other files"


def measure(site: Path) -> tuple[collections.Counter[str], int, collections.Counter[str]]:
    """Bytes by part, the number of note pages, and the finer parts of their rest and scripts."""
    by: collections.Counter[str] = collections.Counter()
    finer: collections.Counter[str] = collections.Counter()
    note_pages = 0
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        if _NOTE_PAGE_RE.match(rel):
            note_pages += 1
            html = path.read_text(encoding="utf-8")
            by.update(note_page_parts(html, finer))
        else:
            by[part_of(rel)] += path.stat().st_size
    return by, note_pages, finer


def report(
    by: collections.Counter[str],
    note_pages: int,
    chars: int,
    notes: int,
    finer: collections.Counter[str] | None = None,
) -> str:
    total = sum(by.values())
    per = 1000 / chars / 1024
    lines = [
        f"{notes} notes, {chars:,} source characters, {note_pages} note pages (all variants)",
        f"site: {total:,} bytes = {total * per:.1f} KiB per 1,000 source characters, "
        f"{total / notes / 1024:.1f} KiB per note; 3,000 such notes: {total / notes * 3000 / GIB:.2f} GiB",
        f"{'part':20} {'KiB/1000 chars':>15} {'KiB/note page':>14}",
    ]
    order = ("body", "header", "scripts", "page (rest)", "other pages", "search", "assets", "media")
    for name in (*order, *sorted(set(by) - set(order))):
        if name in by:
            page = f"{by[name] / note_pages / 1024:14.1f}" if name in order[:4] else ""
            lines.append(f"{name:20} {by[name] * per:15.1f} {page}")
            prefix = {"scripts": "scripts: ", "page (rest)": "rest: "}.get(name)
            for sub in sorted(k for k in finer or () if prefix and k.startswith(prefix)):
                lines.append(
                    f"  {sub.removeprefix(prefix):18} {finer[sub] * per:15.2f} {finer[sub] / note_pages:11.0f} B"
                )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("kind", choices=("hexo", "generated"))
    parser.add_argument("n", nargs="?", type=int, default=0, help="notes, for generated")
    parser.add_argument("--repo", type=Path, default=REPO, help="the checkout to measure")
    parser.add_argument("--keep", type=Path, help="build the project here and leave it")
    args = parser.parse_args(argv)
    project = args.keep or Path(tempfile.mkdtemp(prefix="zd-size-"))
    try:
        chars = make_project(args.repo.resolve(), project, args.kind, args.n)
        notes = sum(1 for _ in (project / "seeds").rglob("*.md"))
        seconds = build(project, project / "site")
        by, note_pages, finer = measure(project / "site")
        print(f"{args.kind} from {args.repo}: built in {seconds:.0f} s")
        print(report(by, note_pages, chars, notes, finer))
    finally:
        if not args.keep:
            shutil.rmtree(project, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
