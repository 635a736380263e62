"""jieba's cutting for the search vocabulary (hooks/zhudu/search/cutting.py): each distinct block cut once.

jieba cuts a text block by block (the runs between punctuation and spaces), so cutting each block on
its own gives the words cutting the whole text gives; a block that comes again in a vocabulary call is
not cut again, and the blocks' words are dropped after the call (a serve does not grow).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from zhudu.search import cutting
from zhudu.search import index as search

REPO = Path(__file__).resolve().parents[1]

#: Texts whose blocks meet Latin, digits, the characters jieba keeps in a block (+#&._%-), full- and
#: half-width punctuation, spaces, line ends and Han characters outside jieba's range (㐀, 﨎).
MIXED = [
    "在Hexo的_config.yml文件中设置new_post_name为:title.md，然后运行hexo-cli。",
    "数据中心（IDC）的GPU算力在2025年增长了35.5%；C++与C#的开发者&运维人员都在用。",
    "大模型  训练\n\n数据中心\r\n算力中心 㐀数据﨎中心 数据-中心 数据.中心",
    "npm install hexo-cli -g",
    "穿T恤去做B超，再唱卡拉OK。",  # dictionary words with Latin letters: a block is not only its Han run
    "，。！？",
    "",
]


def _seed_texts() -> list[str]:
    """The shipped notes' lines: real running text with Markdown in it."""
    lines: list[str] = []
    for path in sorted((REPO / "seeds").glob("*.md")):
        lines += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


class _CountingTokenizer:
    """jieba's tokenizer, counting what it is asked to cut."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer, self.cut = tokenizer, list[str]()

    def cut_for_search(self, text: str, HMM: bool = True) -> Any:  # noqa: N803 (jieba's keyword)
        self.cut.append(text)
        return self.tokenizer.cut_for_search(text, HMM=HMM)


def test_block_by_block_gives_the_words_of_the_whole_text() -> None:
    cache = cutting.jieba_cache(())
    texts = MIXED + _seed_texts()
    assert len(texts) > 100
    for text in texts:
        whole = cutting.block_words(cache.tokenizer, text)
        assert cutting.words_of(cache, text) == whole, text
    assert cutting.words_of(cache, MIXED[1]) >= {"数据中心", "开发者"}
    cache.forget_blocks()


def test_a_repeated_block_is_cut_once_per_call_and_forgotten_after(monkeypatch) -> None:
    loaded = cutting.jieba_cache(())
    counting = _CountingTokenizer(loaded.tokenizer)
    cache = cutting.JiebaCache(loaded.key, counting, {}, loaded.block_re)
    monkeypatch.setattr(cutting, "JIEBA", [cache])
    monkeypatch.setattr(search, "_jieba_cache", lambda added: cache)
    monkeypatch.setattr(search, "_TEXT_WORDS", [None, {}])
    texts = [
        "数据中心在这里，开源软件。",
        "开源软件，数据中心在这里！",
        "另一句话。开源软件",
        "config.yml 开源软件",
    ]
    words = search.folded_vocabulary(texts, {}, [])
    # 开源软件 in four texts and 数据中心在这里 in two: each cut once; config.yml has no Han character.
    assert sorted(counting.cut) == sorted(["数据中心在这里", "开源软件", "另一句话"])
    assert {"数据中心", "开源", "软件"} <= set(words)
    assert cache.blocks == {}  # the call's blocks are not kept
    # The words kept for each text are those of the whole text.
    kept = search.text_words()[1]
    assert all(kept[t] == cutting.block_words(loaded.tokenizer, t) for t in texts)
