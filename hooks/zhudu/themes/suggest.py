"""Suggest candidate shared themes that ``docs/editorial/themes.yml`` does not cover yet.

    .venv/bin/python -m zhudu suggest [--top 40] [--min-notes 2]

in the folder of mkdocs.yml (or ``-f path/mkdocs.yml`` before ``suggest``): its notes and its themes.yml.

For every note, jieba's TF-IDF keyword extraction (``jieba.analyse.extract_tags``)
ranks its terms; a term ranked by two or more notes that no phrase of the map
already covers (folded, either containing the other) is a candidate.  Output:
candidates as YAML ``phrases`` lines with the notes they occur in, best first,
for the editor to turn into themes or add to existing ones.  Read-only.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

import jieba
import jieba.analyse

from zhudu.notes import folders
from zhudu.notes.naming import is_note_file, note_ids
from zhudu.themes import theme_map as themes

#: YAML (``---``) or TOML (``+++``) front matter.
_FRONT_RE = re.compile(r"\A(?P<fence>---|\+\+\+)[ \t]*\n.*?\n(?P=fence)[ \t]*\n", re.S)
_POS = ("n", "nz", "vn", "eng", "nt", "ns", "v")
_NOISE_RE = re.compile(r"https?://\S+|[#*>`|\[\]()!_-]+")


def note_texts(seeds: Path) -> dict[str, str]:
    """Note id → body text (front matter, URLs and Markdown punctuation removed).

    The notes the build reads: in ``seeds/`` and its folders (``folders.walk``), ids as the build
    gives them (``zh-cn/api-filter``); a symbolic link leading out of ``seeds/`` is not read.
    """
    root = seeds.resolve()
    paths = []
    for path in folders.walk(seeds):
        try:
            inside = is_note_file(path) and path.resolve().is_relative_to(root) and path.is_file()
        except (OSError, RuntimeError):  # a link loop, a name too long
            inside = False
        if inside:
            paths.append(path)
    out = {}
    for path, note_id in sorted(note_ids(paths, seeds).items(), key=lambda item: item[1]):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue  # the build reports it; there is nothing to suggest from
        text = _FRONT_RE.sub("", text.replace("\r\n", "\n"), count=1)
        out[note_id] = themes.fold(_NOISE_RE.sub(" ", text))
    return out


def suggest(
    texts: dict[str, str], theme_map: themes.ThemeMap, top: int = 40, min_notes: int = 2
) -> list[tuple[str, float, list[str]]]:
    """Candidates ``(term, summed weight, note ids)``, best first (ties by term)."""
    weights: dict[str, float] = defaultdict(float)
    notes_of: dict[str, list[str]] = defaultdict(list)
    for note_id, text in texts.items():
        # Nouns, verbal nouns and Latin words only: 现在, 这个, 可以 are not themes.
        for term, weight in jieba.analyse.extract_tags(text, topK=top, withWeight=True, allowPOS=_POS):
            if len(term) < 2 or term.isdigit():
                continue
            weights[term] += weight
            notes_of[term].append(note_id)
    # A term one note ranks may still occur in others: count every note that contains it.
    for term in list(weights):
        notes_of[term] = [n for n, text in texts.items() if term in text]
    out = [
        (term, weights[term], notes_of[term])
        for term in weights
        if len(notes_of[term]) >= min_notes and not themes.covered(term, theme_map)
    ]
    return sorted(out, key=lambda c: (-len(c[2]), -c[1], c[0]))


def main(argv: list[str], *, seeds: Path, themes_file: Path) -> int:
    """Print the candidates from the notes in ``seeds`` not covered by ``themes_file``; exit 0.

    ``python -m zhudu suggest`` gives the project's folders, as its build reads them.
    """
    parser = argparse.ArgumentParser(
        prog="python -m zhudu suggest",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--top", type=int, default=40, help="keywords taken per note")
    parser.add_argument("--min-notes", type=int, default=2)
    args = parser.parse_args(argv)
    jieba.setLogLevel(60)
    theme_map = themes.load_theme_map(themes_file, str(themes_file))
    candidates = suggest(note_texts(seeds), theme_map, args.top, args.min_notes)
    print(
        f"# {len(candidates)} candidate phrases not covered by {len(theme_map.themes)} themes "
        f"(in {args.min_notes}+ notes)"
    )
    for term, weight, notes in candidates:
        print(f"      - {term}    # {len(notes)} notes, weight {weight:.2f}: {', '.join(notes)}")
    return 0


if __name__ == "__main__":
    from zhudu.__main__ import main as zhudu_main

    sys.exit(zhudu_main(["suggest", *sys.argv[1:]]))
