"""The benchmarks' varied corpus (``bench/corpus.py --vary``, ``bench/variation.py``).

The repeating corpus makes N notes of the three seeds' paragraphs, so nearly every passage of a
300-note collection is a copy; the varied one must measure per-passage work: its running-text lines
are (nearly) all different, it is deterministic, it leaves what the build resolves (front matter,
headings, images, code, links, URLs, wikilinks) byte for byte, it swaps no word a theme or the
glossary matches, and it builds strict-clean.
"""

from __future__ import annotations

import collections
import re
import sys

import pytest
import yaml

from conftest import REPO, mkdocs_build_cli

sys.path.insert(0, str(REPO / "bench"))
import bench_build
import corpus
import variation

_CJK_RE = re.compile(r"[\u4e00-\u9fff]")


def _running_lines(notes: list[corpus.Derived]) -> list[str]:
    return [
        line.strip()
        for note in notes
        for line in note.text.split("\n---\n", 1)[1].split("\n")
        if _CJK_RE.search(line) and not variation._KEEP_LINE_RE.match(line)
    ]


def test_varied_corpus_repeats_few_running_lines_where_the_repeating_one_repeats_nearly_all() -> None:
    def repeated(notes: list[corpus.Derived]) -> float:
        counts = collections.Counter(_running_lines(notes))
        return sum(k for k in counts.values() if k > 1) / sum(counts.values())

    assert repeated(corpus.derive(300)) > 0.95
    assert repeated(corpus.derive(300, vary=True)) < 0.02


def test_varied_corpus_is_deterministic_and_keeps_seeds_structure_and_protected_text() -> None:
    plain, varied = corpus.derive(60), corpus.derive(60, vary=True)
    assert varied == corpus.derive(60, vary=True)
    assert corpus.derive(30, vary=True) == varied[:30]  # a smaller collection is a prefix of a larger
    protected = re.compile(variation._PROTECTED_RE.pattern)
    for before, after in zip(plain, varied, strict=True):
        assert (after.id, after.slug, after.title, after.editorial) == (
            before.id,
            before.slug,
            before.title,
            before.editorial,
        )
        lines_before, lines_after = before.text.split("\n"), after.text.split("\n")
        assert len(lines_before) == len(lines_after)
        for a, b in zip(lines_before, lines_after, strict=True):
            if not _CJK_RE.search(a) or variation._KEEP_LINE_RE.match(a):
                assert a == b
            assert protected.findall(a) == protected.findall(b)
    assert [n.text for n in varied[:3]] == [n.text for n in plain[:3]]  # the seeds: editor's notes quote them
    assert sum(a.text != b.text for a, b in zip(plain[3:], varied[3:], strict=True)) == 57


def test_varied_corpus_swaps_no_word_of_a_theme_phrase_or_a_glossary_term() -> None:
    editorial = REPO / "docs" / "editorial"
    themes = yaml.safe_load((editorial / "themes.yml").read_text(encoding="utf-8"))["themes"]
    phrases = [p for theme in themes.values() for p in theme.get("phrases", [])]
    glossary = yaml.safe_load((editorial / "glossary.yml").read_text(encoding="utf-8"))
    terms = [str(form) for entry in glossary for form in (entry["term"], *entry.get("aliases", []))]
    words = {w for group in variation.SYNONYMS for w in group}
    assert not [(w, p) for w in words for p in phrases + terms if w in p]


@pytest.mark.slow
def test_varied_project_builds_strict_clean(tmp_path) -> None:
    root = corpus.make_project(9, tmp_path / "project", vary=True)
    run = mkdocs_build_cli(root)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "WARNING" not in run.stderr


@pytest.mark.parametrize("vary", [False, True])
def test_bench_build_pair_holds_the_same_notes_on_both_sides(tmp_path, vary: bool) -> None:
    """``bench_build.py --vary``: the Zhudu project and plain Material's build the same (varied) text."""
    zhudu, base = bench_build.make_pair("7", 7, tmp_path, [], vary)

    def bodies(paths: list) -> list[str]:
        return sorted(corpus._FRONT_RE.match(p.read_text(encoding="utf-8"))["body"].strip() for p in paths)

    ours = bodies(list((zhudu / "seeds").glob("*.md")))
    assert ours == bodies(list((base / "docs" / "notes").glob("*.md")))
    assert ours == sorted(corpus._FRONT_RE.match(n.text)["body"].strip() for n in corpus.derive(7, vary))
