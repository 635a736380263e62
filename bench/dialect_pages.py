"""The dialect fixtures as an author sees them: built, served, photographed and searched for raw syntax.

Copies ``mkdocs.yml``, ``hooks/``, ``overrides/`` and ``docs/`` (without editorial data) into DEST,
puts ``tests/fixtures/dialects/`` there as ``seeds/``, and runs the real ``mkdocs build --strict``
(its warnings are printed: the fixtures hold, on purpose, what no site can render), then
``mkdocs build`` into ``DEST/www/zhudu``.  Serves that on 127.0.0.1, takes full-page screenshots of
each note page with Playwright + Chromium (390×844 and 1280×800, zh-Hans; the Obsidian note also
zh-Hant-TW) into ``DEST/shots/``, and prints, per page, the dialect syntax left in its text:
outside code (must be 0) and inside ``<code>``/``<pre>`` (where a note shows syntax on purpose),
and every host the page contacted.

    .venv/bin/python bench/dialect_pages.py /tmp/evidence/dialect-pages
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests")]

from conftest import CHROMIUM, CHROMIUM_ARGS, free_port, serve  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
NOTES = ("obsidian", "hexo", "hugo", "jekyll")
#: The Goals row's syntax (`[[`, `{%`, `{{<`, `[!note]`, `==`), with Hugo's `{{%` and Obsidian's `%%`.
LEFTOVER_RE = re.compile(r"\[\[|\{%|\{\{<|\{\{%|\[![A-Za-z]+\]|==|%%")
VIEWPORTS = ((390, 844), (1280, 800))


class _PageText(HTMLParser):
    """A page's text, split into what is inside code (``code``, ``pre``) and the rest.

    Script, style and ``template`` contents are not text a reader sees; ``template`` (theme markers)
    is drawn by script from the same words, so it is counted with the rest.
    """

    def __init__(self) -> None:
        super().__init__()
        self.code = self.hidden = 0
        self.outside: list[str] = []
        self.inside: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.code += tag in ("code", "pre")
        self.hidden += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("code", "pre"):
            self.code = max(0, self.code - 1)
        if tag in ("script", "style"):
            self.hidden = max(0, self.hidden - 1)

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            (self.inside if self.code else self.outside).append(data)


def leftovers(html: str) -> tuple[list[str], list[str]]:
    """The dialect syntax in a page's text: (outside code, inside code)."""
    parser = _PageText()
    parser.feed(html)
    return LEFTOVER_RE.findall("\n".join(parser.outside)), LEFTOVER_RE.findall("\n".join(parser.inside))


def make_project(dest: Path) -> None:
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    shutil.copy2(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    ignore = shutil.ignore_patterns("__pycache__")
    for folder in ("hooks", "overrides"):
        shutil.copytree(REPO / folder, dest / folder, ignore=ignore)
    shutil.copytree(REPO / "docs", dest / "docs", ignore=shutil.ignore_patterns("editorial"))
    (dest / "docs" / "editorial").mkdir()
    shutil.copytree(REPO / "tests" / "fixtures" / "dialects", dest / "seeds")


def mkdocs_build(dest: Path, site_url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    args = [sys.executable, "-m", "mkdocs", "build", "-f", str(dest / "mkdocs.yml"), *extra]
    return subprocess.run(
        args, env={**ENV, "SITE_URL": site_url}, capture_output=True, text=True, check=False
    )


def photograph(url: str, shots: Path, pages: list[tuple[str, str]]) -> dict[str, set[str]]:
    """Full-page screenshots of each (variant, note) at each viewport; the hosts each page contacted."""
    from playwright.sync_api import sync_playwright

    hosts: dict[str, set[str]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width, height in VIEWPORTS:
            context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
            for variant, note in pages:
                page = context.new_page()
                seen = hosts.setdefault(f"{variant}/{note}", set())
                page.on("request", lambda r, seen=seen: seen.add(urlsplit(r.url).netloc))
                page.goto(f"{url}{variant}/notes/{note}/", wait_until="networkidle")
                page.screenshot(path=str(shots / f"{note}-{variant}-{width}.png"), full_page=True)
                page.close()
            context.close()
        browser.close()
    return hosts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", type=Path)
    dest = parser.parse_args().dest.resolve()
    make_project(dest)
    port = free_port()
    site_url = f"http://127.0.0.1:{port}/zhudu/"
    strict = mkdocs_build(dest, site_url, "--strict", "-d", str(dest / "strict-site"))
    print(f"## `mkdocs build --strict`: exit {strict.returncode}\n")
    for line in strict.stderr.splitlines():
        if line.startswith("WARNING") or "Aborted" in line:
            print(f"    {line}")
    site = dest / "www" / "zhudu"
    built = mkdocs_build(dest, site_url, "-d", str(site))
    if built.returncode:
        print(built.stderr)
        return 1
    print("\n## Dialect syntax left in the built note pages' text\n")
    print("| page | outside code | inside code (shown on purpose) |\n| --- | ---: | --- |")
    total = 0
    for variant in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        for note in NOTES:
            outside, inside = leftovers((site / variant / "notes" / note / "index.html").read_text("utf-8"))
            total += len(outside)
            print(
                f"| {variant}/{note} | {len(outside)} {outside or ''} | {len(inside)}: {' '.join(inside)} |"
            )
    print(f"\nOutside code, all pages: {total}\n")
    shots = dest / "shots"
    shots.mkdir()
    pages = [("zh-Hans", note) for note in NOTES] + [("zh-Hant-TW", "obsidian")]
    with serve(dest / "www", port) as base:
        hosts = photograph(f"{base}zhudu/", shots, pages)
    print("## Screenshots and hosts contacted\n")
    for name in sorted(p.name for p in shots.iterdir()):
        print(f"- {shots / name}")
    for page, seen in hosts.items():
        print(f"- {page}: {', '.join(sorted(seen))}")
    return 0 if total == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
