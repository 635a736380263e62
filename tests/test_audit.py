"""Tests for hooks/zhudu/audit.py: real OpenCC, real rules file, no mocks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from zhudu.audit import (
    CONTEXT,
    ONE_TO_MANY,
    audit,
    derive_one_to_many,
    main,
    split_front_matter,
)
from zhudu.script import DEFAULT_VARIANTS, ConversionRules, load_rules

ROOT = Path(__file__).resolve().parents[1]


HANS, TW, HK = DEFAULT_VARIANTS
RULES = load_rules(ROOT / "docs" / "editorial" / "conversion.yml")
SEEDS = sorted((ROOT / "seeds").glob("*.md"))
NO_RULES = ConversionRules()


def test_one_to_many_table_matches_installed_opencc() -> None:
    try:
        derived = derive_one_to_many()
    except FileNotFoundError as exc:  # an OpenCC build without the tool
        pytest.skip(f"opencc_dict not available: {exc}")
    assert derived == ONE_TO_MANY


@pytest.mark.parametrize(
    ("char", "candidates"),
    [
        ("后", "後后"),
        ("发", "發髮"),
        ("谷", "谷穀"),
        ("系", "系係繫"),
        ("干", "幹乾干榦"),
    ],
)
def test_one_to_many_examples(char: str, candidates: str) -> None:
    assert ONE_TO_MANY[char] == candidates


@pytest.mark.parametrize(
    ("text", "body", "first_line"),
    [
        ("---\ntitle: x\n---\n正文\n", "正文\n", 4),
        ("---\n---\n正文", "正文", 3),
        ("正文\n---\n", "正文\n---\n", 1),
        ("--- \na: 1\nb: 2\n---\n\n# 标题\n", "\n# 标题\n", 5),
    ],
)
def test_split_front_matter(text: str, body: str, first_line: int) -> None:
    assert split_front_matter(text) == (body, first_line)


def _summary(entries: list) -> list[tuple[str, str, str, bool]]:
    return [(e.kind, e.text, e.opencc, e.reviewed) for e in entries]


@pytest.mark.parametrize(
    ("text", "variant", "rules", "expected"),
    [
        ("后来", TW, NO_RULES, [("char", "后", "後", False)]),
        ("谷歌", TW, NO_RULES, [("char", "谷", "谷", False)]),
        ("数据", TW, NO_RULES, [("phrase", "数据", "資料", False)]),
        ("数据", HK, NO_RULES, [("char", "据", "據", False)]),
        ("用户", TW, NO_RULES, [("phrase", "用户", "使用者", False)]),
        ("3D打印机", TW, NO_RULES, [("phrase", "打印机", "印表機", False)]),
        ("服务器", HK, NO_RULES, [("phrase", "服务器", "伺服器", False)]),
        ("后来", HANS, NO_RULES, []),
        ("後來發展", TW, NO_RULES, []),  # a Traditional source is not audited
        # Code and link targets are never converted; image alt text is.
        (
            "`后来` [链](https://a.b/后) ![后](后.png)",
            TW,
            NO_RULES,
            [("char", "链", "鏈", False), ("char", "后", "後", False)],
        ),
        ("```\n后来\n```\n后", TW, NO_RULES, [("char", "后", "後", False)]),
        ("-{后来}- 后", TW, NO_RULES, [("char", "后", "後", False)]),
        ("后来", TW, RULES, [("char", "后", "後", True)]),
        ("现在一个中学生", TW, RULES, [("char", "个", "箇", True)]),
        ("支持项目", TW, RULES, [("phrase", "支持项目", "支援專案", True)]),
        ("支持项目", HK, RULES, []),
    ],
)
def test_audit_places(text: str, variant, rules: ConversionRules, expected: list) -> None:
    assert _summary(audit(text, variant, rules, "note.md")) == expected


def test_audit_reviewed_by_names_the_reason() -> None:
    rules = ConversionRules(
        protected=("后羿",),
        phrases={"zh-Hant-TW": {"后面": "後面"}},
        accepted={"zh-Hant": frozenset({"后来"})},
    )
    entries = audit("后羿 后面 后来 后", TW, rules, "n.md")
    assert [(e.text, e.reviewed_by) for e in entries] == [
        ("后", "protected 后羿"),
        ("后", "rule 后面 → 後面"),
        ("面", "rule 后面 → 後面"),  # 面 is one-to-many too (面/麪)
        ("后", "accepted 后来"),
        ("后", ""),
    ]


def test_audit_position_and_context() -> None:
    text = "第一行\n" + "甲" * 20 + "后" + "乙" * 20 + "\n"
    (entry,) = audit(text, TW, NO_RULES, "n.md", first_line=7)
    assert (entry.source, entry.variant, entry.line, entry.column) == (
        "n.md",
        "zh-Hant-TW",
        8,
        21,
    )
    assert entry.before == "甲" * CONTEXT
    assert entry.after == "乙" * CONTEXT
    assert entry.candidates == "後后"


def test_audit_splits_a_diff_at_a_rule_boundary() -> None:
    # s2twp changes 扩展云计算 in one run (擴充套件雲端計算); 横向扩展 is a
    # rule, so the rule's span and the neighbouring 云计算 are separate places.
    entries = audit("横向扩展云计算", TW, RULES, "n.md")
    phrases = [(e.text, e.opencc, e.reviewed_by) for e in entries if e.kind == "phrase"]
    assert phrases == [
        ("横向扩展", "橫向擴充套件", "rule 横向扩展 → 橫向擴展"),
        ("云计算", "雲端計算", "accepted 云计算"),
    ]


@pytest.mark.parametrize("variant", [TW, HK], ids=lambda v: v.code)
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seeds_are_fully_reviewed(seed: Path, variant) -> None:
    body, first_line = split_front_matter(seed.read_text(encoding="utf-8"))
    entries = audit(body, variant, RULES, str(seed), first_line=first_line)
    assert entries
    assert [e for e in entries if not e.reviewed] == []


def test_main_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEEDS[0])]) == 0
    out = capsys.readouterr().out
    assert f"== {SEEDS[0]} — zh-Hant-TW (s2twp) ==" in out
    assert "0 places, 0 reviewed, 0 to review" in out  # zh-Hans is identity
    assert "ok " in out
    assert out.rstrip().splitlines()[-1].startswith("total: ")


def test_main_only_unreviewed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    note = tmp_path / "note.md"
    note.write_text("---\ntitle: 后\n---\n后来的谷歌\n", encoding="utf-8")
    rules = tmp_path / "rules.yml"
    rules.write_text("accepted:\n  zh-Hant: [后来]\n", encoding="utf-8")
    assert (
        main(
            [
                str(note),
                "--rules",
                str(rules),
                "--variant",
                "zh-Hant-TW",
                "--only-unreviewed",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "后→後" not in out
    assert "4:4" in out and "谷→谷" in out
    assert "2 places, 1 reviewed, 1 to review" in out


def test_cli_runs_as_module_from_hooks() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "zhudu.audit",
            *(str(p) for p in SEEDS),
            "--only-unreviewed",
        ],
        cwd=ROOT / "hooks",
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip().splitlines()[-1].endswith(" reviewed, 0 to review")
