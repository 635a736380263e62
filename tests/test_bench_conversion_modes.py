"""bench_conversion's ``--domain-mode``: how each sentence's domain is decided when the sets are measured (issue 25)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from zhudu.script.domain import GENERAL, SOFTWARE

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import bench_conversion  # noqa: E402  (bench/ is put on the path above)

#: A mixed set: fortunes (general) beside Hexo themes' READMEs and changelogs (software); as one site it is general, so
#: the sentence and passage modes can make some of its sentences software.  Every other sentence of the themes: the
#: whole of heldout21 is software text as one site since session 54 weighs software words double (21.5, this 17.7).
MIXED = [
    e
    for i, e in enumerate(bench_conversion.load_review(bench_conversion.SETS["heldout21"]))
    if "fortunes" in bench_conversion.document(e) or i % 2 == 0
]
HK = "zh-Hant-HK"


def test_a_sentence_is_software_with_two_cues_of_its_own():
    sentence_domain = bench_conversion.sentence_domain
    assert sentence_domain("默认关闭，可选参数指定默认激活的标签页。", GENERAL) == SOFTWARE
    assert sentence_domain("运行 `hexo clean` 以后再部署。", GENERAL) == SOFTWARE
    # One cue is not enough: a shopper's hard disk, a news item's 版本.
    assert sentence_domain("硬盘很安静，物流也快。", GENERAL) == GENERAL
    assert sentence_domain("这个故事有两个版本。", GENERAL) == GENERAL


def test_a_sentence_without_cues_keeps_its_sites_domain():
    """Never made general in a software site: its sentences without cues are mostly better in software."""
    assert bench_conversion.sentence_domain("我们将很乐意阅读您的意见。", SOFTWARE) == SOFTWARE
    assert bench_conversion.sentence_domain("我们将很乐意阅读您的意见。", GENERAL) == GENERAL


def _wrong(mode: str) -> int:
    return bench_conversion.measure(MIXED, HK, mode=mode)["zhudu"]["wrong"]


def test_the_modes_on_a_mixed_set():
    wrong = {mode: _wrong(mode) for mode in bench_conversion.DOMAIN_MODES}
    assert wrong["site"] == wrong["general"]  # the set as one site is general text
    assert wrong["document"] == bench_conversion.measure(MIXED, HK, by_domain=True)["zhudu"]["wrong"]
    assert wrong["sentence"] < wrong["site"] and wrong["passage"] < wrong["site"]
    # ``best`` is the ceiling of every per-sentence choice.
    assert wrong["best"] == min(wrong.values())


def test_every_entry_gets_a_domain_in_every_mode():
    for mode in bench_conversion.DOMAIN_MODES:
        of_entry = bench_conversion.entry_domains(MIXED, mode)
        assert set(of_entry) == {id(e) for e in MIXED}
        # ``general`` is no domain known (``None``: neither domain's rules); the others decide one.
        assert set(of_entry.values()) <= ({None} if mode == "general" else {GENERAL, SOFTWARE})


@pytest.mark.parametrize("flag", [["--domains"], ["--domain-mode", "document"]])
def test_domains_is_the_document_mode(flag, capsys):
    assert bench_conversion.main(["--set", "heldout13", "--variant", "HK", *flag]) == 0
    out = capsys.readouterr().out
    assert "(domain mode document)" in out
    document = bench_conversion.measure(
        bench_conversion.load_review(bench_conversion.SETS["heldout13"]), HK, mode="document"
    )
    assert f"{document['zhudu']['wrong']:>6} {document['zhudu']['wrong_per_1000']:>7.2f}" in out
