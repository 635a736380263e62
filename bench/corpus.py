"""Deterministic test corpora for the benchmarks: N notes derived from ``seeds/``.

``make_project(n, dest)`` writes a complete Zhudu project (mkdocs.yml, hooks,
overrides, docs, editorial data and ``seeds/`` with ``n`` derived notes) into
``dest``; ``make_baseline(n, dest)`` writes the same notes as plain Markdown
pages of a plain MkDocs + Material project (no hook, one variant, a nav listing
only the home page).  Derived notes vary the id, slug, title and dates and
shuffle the paragraphs after the first with a seeded RNG, so two calls with the
same ``n`` write byte-identical trees.  Those notes repeat the seeds' passages (96–99 % of a
300-note collection's); ``vary=True`` (``--vary``) also changes each derived note's running
text (``bench/variation.py``: synonyms, numbers, an adverbial where a line would repeat), so
per-passage work is measured as a real collection costs it.  The repeating corpus stays the
default, so figures stay comparable with earlier sessions.

Usage: ``python bench/corpus.py N DEST [--baseline] [--vary]``
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import shutil
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml
from variation import Varier

REPO = Path(__file__).resolve().parents[1]
SEED = 20250516  # the RNG seed: fixed, so every run derives the same corpus

_FRONT_RE = re.compile(r"\A---\n(?P<fm>.*?)\n---\n(?P<body>.*)\Z", re.DOTALL)
_DATE_RE = re.compile(r"(?P<y>20\d\d)-(?P<m>\d\d)-(?P<d>\d\d)")
_PARA_SPLIT_RE = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class SeedNote:
    """One seed note split into what derivation varies."""

    id: str
    front: str
    paragraphs: tuple[str, ...]
    editorial: dict


def _seeds() -> list[SeedNote]:
    editorial = yaml.safe_load((REPO / "docs/editorial/notes.yml").read_text(encoding="utf-8")) or {}
    out = []
    for path in sorted((REPO / "seeds").glob("*.md")):
        m = _FRONT_RE.match(path.read_text(encoding="utf-8"))
        assert m, path
        paragraphs = tuple(p for p in _PARA_SPLIT_RE.split(m["body"].strip("\n")) if p.strip())
        out.append(SeedNote(path.stem, m["fm"], paragraphs, dict(editorial.get(path.stem) or {})))
    return out


def _shift_dates(text: str, days: int) -> str:
    def repl(m: re.Match[str]) -> str:
        try:
            moved = date(int(m["y"]), int(m["m"]), int(m["d"])) - timedelta(days=days)
        except ValueError:
            return m.group()
        return moved.isoformat()

    return _DATE_RE.sub(repl, text)


@dataclass(frozen=True)
class Derived:
    """A derived note: its file name, text and editorial entry."""

    id: str
    text: str
    editorial: dict
    slug: str
    title: str


def derive(n: int, vary: bool = False) -> list[Derived]:
    """``n`` notes derived from the seeds, deterministically; ``vary``: each derived note's text varied too."""
    rng = random.Random(SEED)
    seeds = _seeds()
    varier = Varier([line for seed in seeds for p in seed.paragraphs for line in p.split("\n")])
    notes = []
    for i in range(n):
        seed = seeds[i % len(seeds)]
        if i < len(seeds):  # the first notes are the seeds themselves, unchanged
            paragraphs, front, days = list(seed.paragraphs), seed.front, 0
        else:
            days = rng.randrange(1, 3650)
            head, rest = list(seed.paragraphs[:1]), list(seed.paragraphs[1:])
            rng.shuffle(rest)
            paragraphs = [_shift_dates(head[0], days), *rest] if head else rest
            front = _shift_dates(seed.front, days)
            if vary:  # a generator of its own: the shuffles and dates stay those of the repeating corpus
                own = random.Random(f"{SEED}:vary:{i}")
                paragraphs = [varier.note_lines(p, own) for p in paragraphs]
        title = str(seed.editorial.get("title") or _title(seed.front) or seed.id)
        if i < len(seeds):  # the seeds keep their ids: other editorial data refers to them
            ident, slug, entry = seed.id, str(seed.editorial.get("slug", seed.id)), dict(seed.editorial)
        else:
            ident = f"{i:05d}_{hashlib.sha1(f'{SEED}:{i}'.encode()).hexdigest()[:16]}"
            title = f"{title}（之{i}）"
            slug = f"{seed.editorial.get('slug', 'note')}-{i}"
            entry = {**seed.editorial, "title": title, "slug": slug}
        text = f"---\n{front}\n---\n\n" + "\n\n".join(paragraphs) + "\n"
        notes.append(Derived(ident, text, entry, slug, title))
    return notes


def _title(front: str) -> str | None:
    m = re.search(r"^title:\s*\"?(?P<t>[^\"\n]+)", front, re.MULTILINE)
    return m["t"].strip() if m else None


def make_project(n: int, dest: Path, without: Iterable[str] = (), vary: bool = False) -> Path:
    """A full Zhudu project with ``n`` derived notes in ``dest`` (returned).

    Args:
        n: How many notes.
        dest: The project folder.
        without: Editorial data files to leave out (``themes`` → no docs/editorial/themes.yml),
            to measure the build without a feature.
        vary: Vary each derived note's text (``derive``).
    """
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("hooks", "overrides", "docs"):
        shutil.copytree(
            REPO / name, dest / name, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy2(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    seeds = dest / "seeds"
    if seeds.exists():
        shutil.rmtree(seeds)
    seeds.mkdir()
    editorial = {}
    for note in derive(n, vary):
        (seeds / f"{note.id}.md").write_text(note.text, encoding="utf-8")
        editorial[note.id] = note.editorial
    for name in without:
        (dest / "docs" / "editorial" / f"{name}.yml").unlink(missing_ok=True)
    (dest / "docs/editorial/notes.yml").write_text(
        yaml.safe_dump(editorial, allow_unicode=True, sort_keys=True), encoding="utf-8"
    )
    return dest


def make_baseline(n: int, dest: Path, vary: bool = False) -> Path:
    """Plain MkDocs + Material building the same notes: no hook, one variant, home-only nav."""
    dest.mkdir(parents=True, exist_ok=True)
    docs = dest / "docs"
    (docs / "notes").mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# 注读\n\n一份中文笔记的注释阅读版。\n", encoding="utf-8")
    for note in derive(n, vary):
        m = _FRONT_RE.match(note.text)
        assert m
        front = yaml.safe_dump({"title": note.title}, allow_unicode=True)
        (docs / "notes" / f"{note.slug}.md").write_text(f"---\n{front}---\n\n{m['body']}", encoding="utf-8")
    # The repository's own theme, search and Markdown configuration, minus everything Zhudu adds.
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TagLoader)
    for key in ("hooks", "watch", "exclude_docs"):
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)
    config["theme"].pop("favicon", None)
    config["theme"].pop("logo", None)
    config["extra"] = {"generator": False}
    config["site_url"] = "https://zhudu.github.io/zhudu/"
    config["nav"] = [{"首页": "index.md"}]
    (dest / "mkdocs.yml").write_text(
        yaml.dump(config, Dumper=_TagDumper, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return dest


@dataclass(frozen=True)
class _Tagged:
    tag: str
    value: object


class _TagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml keeping MkDocs' custom tags (``!ENV``, ``!!python/name``) as they are."""


class _TagDumper(yaml.SafeDumper):
    """Writes the tags ``_TagLoader`` kept."""


def _keep(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    if isinstance(node, yaml.ScalarNode):
        return _Tagged(node.tag, loader.construct_scalar(node))
    return _Tagged(node.tag, loader.construct_sequence(node))


def _write_tag(dumper: yaml.SafeDumper, obj: _Tagged) -> yaml.Node:
    if isinstance(obj.value, list):
        return dumper.represent_sequence(obj.tag, obj.value)
    return dumper.represent_scalar(obj.tag, str(obj.value))


_TagLoader.add_multi_constructor("!", _keep)
_TagLoader.add_multi_constructor("tag:yaml.org,2002:python/", _keep)
_TagDumper.add_representer(_Tagged, _write_tag)


def main(argv: list[str]) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--baseline", action="store_true")
    parser.add_argument("--without", default="", help="comma-separated editorial files to leave out")
    parser.add_argument(
        "--vary", action="store_true", help="vary each derived note's text (no repeated passages)"
    )
    args = parser.parse_args(argv)
    if args.baseline:
        make_baseline(args.n, args.dest, args.vary)
    else:
        make_project(args.n, args.dest, [w for w in args.without.split(",") if w], args.vary)
    print(args.dest)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
