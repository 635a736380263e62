"""Writing about language models is software text (``script.domain``, issue 25, session 52).

A prompt guide or a practitioner's notes on training and serving models talk of a model's input and output text,
which Taiwan writes 文字 as in software text (生成類似人類的文字), while few of their words were software words: the
guide scored 8.5 and read as general text, keeping 文本.  The words of the trade (模型, 训练, 微调, 提示词 …) now count;
the news and commentary about AI (the shipped notes, an essay on the AI trade) stay general text, where the software
senses are wrong (循环 is a cycle there, not a 迴圈).  Real MkDocs builds, no mocks.
"""

from __future__ import annotations

import html
from pathlib import Path

from heldout_shape import bench_conversion
from zhudu.script.domain import GENERAL, SOFTWARE, THRESHOLD, software_score, text_domain

ROOT = Path(__file__).resolve().parent.parent
#: A paragraph in the voice of a prompt guide (written for this test, in no set): no software word but 文本.
ON_MODELS = (
    "提示词工程是一种技巧，用来引导语言模型写出高质量的文本。模型在训练时读过大量人类写的文本，"
    "所以能写出类似人类的文本；经过微调，它还能按我们要求的语气回答。"
)


def test_writing_about_models_is_software_text() -> None:
    assert text_domain(ON_MODELS) == SOFTWARE
    # Without the words of the trade nothing in it is software: it is they that decide.
    plain = ON_MODELS
    for word in ("提示词", "模型", "训练", "微调"):
        plain = plain.replace(word, "东西")
    assert software_score(plain) == 0 and text_domain(plain) == GENERAL


def test_every_file_of_the_explainers_on_ai_is_software_text() -> None:
    """heldout64's guide and five notes, each as a note of its sentences: two were software text before, four were
    general (the guide scored 8.5, the notes on parallel training 10.1); the guide now scores 30 (26 before session
    53 counted 指令, its prompts' instructions, as Taiwan's software word it is in Simplified text too), 34.3 since
    session 54 weighs a software word (指令) double."""
    entries = bench_conversion.load_review(bench_conversion.SETS["heldout64"])
    assert set(bench_conversion.domains(entries).values()) == {SOFTWARE}
    guide = "".join(str(e["zh-Hans"]) for e in entries if str(e["from"]).split(":")[0].endswith("test.txt"))
    assert 34 < software_score(guide) < 35


def test_notes_on_the_ai_economy_stay_general_text() -> None:
    """The three shipped notes (an X thread on technology handed down, a column on the AI data-centre bubble, an essay
    on industry) and heldout27's essays on the AI trade and on Nvidia's share: general text, well below the line (the
    column's one 代码 weighs double since session 54: 12.6 of 20, was 11.5; 0.65 of the line, was 0.6)."""
    for seed in sorted((ROOT / "seeds").glob("*.md")):
        text = seed.read_text(encoding="utf-8")
        assert text_domain(text) == GENERAL and software_score(text) < THRESHOLD * 0.65, seed.name
    entries = bench_conversion.load_review(bench_conversion.SETS["heldout27"])
    for question in ("q15", "q22"):
        name = f"jionlp 1.5.31 (PyPI) dictionary/jionlp_LLM_test/jionlp_LLM_test_1.2.json {question}"
        essay = "".join(str(e["zh-Hans"]) for e in entries if bench_conversion.document(e) == name)
        assert len(essay) > 1000 and text_domain(essay) == GENERAL, question


def test_a_collection_of_notes_on_models_reads_taiwan_text_as_text(site_builder) -> None:  # type: ignore[no-untyped-def]
    note = f"---\ntitle: 提示词笔记\ndate: 2024-01-02\n---\n\n{ON_MODELS}\n"
    result = site_builder(notes={"a.md": note})
    assert result.ok, result.log
    assert "conversion domain: software, 1 of 1 notes are software text" in result.log
    taiwan = html.unescape(result.page("zh-Hant-TW/notes/a/index.html"))
    assert "寫出類似人類的文字" in taiwan and "高品質的文字" in taiwan and "人類的文本" not in taiwan
    # Hong Kong writes 文本 for text in either domain.
    assert "寫出類似人類的文本" in html.unescape(result.page("zh-Hant-HK/notes/a/index.html"))
