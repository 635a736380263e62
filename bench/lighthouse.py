"""Lighthouse on the built site, served the way GitHub Pages serves it; prints the score table.

Builds the repository's site for ``http://127.0.0.1:PORT/zhudu/`` into a temp folder, serves
it there with gzip (as GitHub Pages does), and runs Lighthouse (bench/lighthouse/node_modules,
pinned by package-lock.json; ``npm ci --prefix bench/lighthouse`` installs it) with Debian's
Chromium on the home page, a note, a theme page and the glossary, in every variant, mobile and
desktop.  Goals: performance ≥ 95, accessibility, best practices and SEO 100.  Pages the
site does not have yet are reported as skipped.  Not part of the test suite (minutes, not seconds).

Lighthouse's performance score on this kind of machine moves with its load and with Chromium's
software rendering of CJK fonts, so the same run also measures plain MkDocs + Material building the
same notes (bench/corpus.py's baseline: no hook, one variant) on its home page and the same note:
compare Zhudu's rows with those, not with the goal alone.

Usage: ``.venv/bin/python bench/lighthouse.py [--only zh-Hans] [--pages home,note] [--keep DIR]``
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus

REPO = Path(__file__).resolve().parents[1]
LIGHTHOUSE = REPO / "bench" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
VARIANTS = ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GOALS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
_GZIP_TYPES = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with gzip and a short cache lifetime, like GitHub Pages."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return None
        body = path.read_bytes()
        compress = path.suffix in _GZIP_TYPES and "gzip" in self.headers.get("Accept-Encoding", "")
        if compress:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        import io

        return io.BytesIO(body)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build(out: Path, site_url: str, project: Path = REPO) -> None:
    """Build ``project`` (the repository's site) for ``site_url`` into ``out``."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [str(REPO / ".venv/bin/mkdocs"), "build", "--strict", "-q", "-d", str(out)],
        cwd=project,
        env=env,
        check=True,
        stderr=subprocess.DEVNULL,
    )


def pages(site: Path) -> dict[str, str | None]:
    """Page kind → path inside a variant (None: the site has no such page yet)."""
    variant = site / VARIANTS[0]
    notes = sorted(p.parent.relative_to(variant).as_posix() + "/" for p in variant.glob("notes/*/index.html"))
    themes = sorted(
        p.parent.relative_to(variant).as_posix() + "/" for p in variant.glob("themes/*/index.html")
    )
    preferred = "notes/ai-bubble-open-source-doge-2025/"
    return {
        "home": "",
        "note": preferred if preferred in notes else (notes[0] if notes else None),
        "theme": themes[0] if themes else None,
        "glossary": "glossary/" if (variant / "glossary/index.html").is_file() else None,
    }


def run(url: str, form: str, out: Path) -> dict[str, object]:
    """One Lighthouse run; the category scores (0–100) and the failing audits."""
    cmd = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        "--only-categories=" + ",".join(CATEGORIES),
        "--max-wait-for-load=30000",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
    ]
    if form == "desktop":
        cmd.append("--preset=desktop")
    subprocess.run(
        cmd,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=240,
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {c: round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
    failing = sorted(
        audit_id
        for c in CATEGORIES
        if c != "performance"
        for ref in report["categories"][c]["auditRefs"]
        if ref["weight"]
        and (audit_id := ref["id"])
        and (report["audits"][audit_id]["score"] not in (None, 1))
    )
    metrics = {
        k: report["audits"][k]["numericValue"]
        for k in (
            "first-contentful-paint",
            "largest-contentful-paint",
            "total-blocking-time",
            "cumulative-layout-shift",
        )
    }
    return {"scores": scores, "failing": failing, "metrics": metrics}


def main(argv: list[str]) -> int:
    """Build, serve, run Lighthouse over the page × variant × form-factor table, print it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated variants")
    parser.add_argument("--pages", help="comma-separated page kinds (home,note,theme,glossary)")
    parser.add_argument("--forms", default="mobile,desktop")
    parser.add_argument("--keep", type=Path, help="keep reports in this folder")
    parser.add_argument(
        "--no-baseline", action="store_true", help="skip plain MkDocs + Material on the same notes"
    )
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: npm ci --prefix bench/lighthouse", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="zhudu-lh-"))
    port = _free_port()
    site_url = f"http://127.0.0.1:{port}/zhudu/"
    (tmp / "www").mkdir()
    build(tmp / "www" / "zhudu", site_url)
    if not args.no_baseline:
        build(
            tmp / "www" / "plain", f"http://127.0.0.1:{port}/plain/", corpus.make_baseline(3, tmp / "plain")
        )
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(_GzipHandler, directory=str(tmp / "www"))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    reports = args.keep or tmp / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    kinds = pages(tmp / "www" / "zhudu")
    wanted_kinds = args.pages.split(",") if args.pages else list(kinds)
    variants = args.only.split(",") if args.only else list(VARIANTS)
    misses = 0
    print(
        f"{'page':<9} {'variant':<11} {'form':<8} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4}  "
        f"{'FCP ms':>7} {'LCP ms':>7} {'TBT ms':>6}  failing audits"
    )
    rows: list[tuple[str, str, str]] = [
        (kind, variant, f"{site_url}{variant}/{path}")
        for kind in wanted_kinds
        if (path := kinds.get(kind)) is not None
        for variant in variants
    ]
    for kind in wanted_kinds:
        if kinds.get(kind) is None:
            print(f"{kind:<9} skipped: the site has no {kind} page yet")
    if not args.no_baseline:
        plain = f"http://127.0.0.1:{port}/plain/"
        rows += [("home", "plain", plain), ("note", "plain", f"{plain}{kinds['note'] or ''}")]
    try:
        for kind, variant, url in rows:
            for form in args.forms.split(","):
                out = reports / f"{kind}-{variant}-{form}.json"
                result = run(url, form, out)
                s, m = result["scores"], result["metrics"]
                ok = all(s[c] >= GOALS[c] for c in CATEGORIES)
                misses += not ok and variant != "plain"
                print(
                    f"{kind:<9} {variant:<11} {form:<8} {s['performance']:>4} {s['accessibility']:>4} "
                    f"{s['best-practices']:>4} {s['seo']:>4}  {m['first-contentful-paint']:>7.0f} "
                    f"{m['largest-contentful-paint']:>7.0f} {m['total-blocking-time']:>6.0f}  "
                    f"{'' if ok else '✗ '}{' '.join(result['failing'])}",
                    flush=True,
                )
    finally:
        server.shutdown()
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    print(
        f"{misses} Zhudu row(s) below the goals (perf ≥ 95, a11y/bp/seo 100); variant 'plain': the baseline"
    )
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
