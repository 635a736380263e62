"""Tests for hooks/zhudu/script/audit.py: real OpenCC, real rules file, no mocks."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import opencc
import pytest

from zhudu.script.audit import CONTEXT, ONE_TO_MANY, audit, derive_one_to_many, main, split_front_matter
from zhudu.script.convert import DEFAULT_VARIANTS, ConversionRules, load_rules

ROOT = Path(__file__).resolve().parents[1]


HANS, TW, HK = DEFAULT_VARIANTS
RULES_FILE = ROOT / "docs" / "editorial" / "conversion.yml"
RULES = load_rules(RULES_FILE)
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
    # Since session 45 s2twp's 雲端計算 is no longer accepted: the layer writes Taiwan's 雲端運算.
    entries = audit("横向扩展云计算", TW, RULES, "n.md")
    phrases = [(e.text, e.opencc, e.reviewed_by) for e in entries if e.kind == "phrase"]
    assert phrases == [
        ("横向扩展", "橫向擴充套件", "rule 横向扩展 → 橫向擴展"),
        ("云计算", "雲端計算", "layer 云计算 → 雲端運算"),
    ]


@pytest.mark.parametrize("variant", [TW, HK], ids=lambda v: v.code)
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seeds_are_fully_reviewed(seed: Path, variant) -> None:
    body, first_line = split_front_matter(seed.read_text(encoding="utf-8"))
    entries = audit(body, variant, RULES, str(seed), first_line=first_line)
    assert entries
    assert [e for e in entries if not e.reviewed] == []


def test_main_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEEDS[0]), "--all", "--rules", str(RULES_FILE)]) == 0
    out = capsys.readouterr().out
    assert f"== {SEEDS[0]} — zh-Hant-TW (s2twp) ==" in out
    assert "  0 places: 0 covered by rules, 0 to review" in out  # zh-Hans is identity
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
    assert "2 places: 1 covered by rules, 1 to review" in out


def zhudu(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m zhudu`` with this worktree's hooks, run in ``cwd``."""
    env = {"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "zhudu", *args], cwd=cwd, capture_output=True, text=True, env=env, check=False
    )


HANS_YML = "{code: zh-Hans, name: 简体, prefix: zh-Hans, script: Hans, opencc_from_hans: null}"
TW_YML = "{code: zh-Hant-TW, name: 臺灣, prefix: zh-Hant-TW, script: Hant, opencc_from_hans: s2twp}"


def _variants_yml(*variants: str) -> str:
    """A project's mkdocs.yml configuring these variants (``{code: …}`` each)."""
    return "site_name: x\nextra:\n  zhudu:\n    variants:\n" + "".join(f"      - {v}\n" for v in variants)


def test_the_command_reads_the_rules_of_the_project_it_is_given(tmp_path: Path) -> None:
    """``-f`` names the project: its conversion.yml is read, wherever the command runs (rv26)."""
    project = tmp_path / "project"
    (project / "docs" / "editorial").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(_variants_yml(HANS_YML, TW_YML), encoding="utf-8")
    (project / "docs" / "editorial" / "conversion.yml").write_text(
        "accepted:\n  zh-Hant: [头发]\n", encoding="utf-8"
    )
    note = tmp_path / "note.md"
    note.write_text("他的头发很长。\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    args = ["audit", str(note), "--all"]
    ran = zhudu("-f", str(project / "mkdocs.yml"), *args, cwd=elsewhere)
    assert ran.returncode == 0, ran.stderr
    assert "(accepted 头发)" in ran.stdout and ran.stdout.rstrip().endswith(", 0 to review")
    assert zhudu(*args, cwd=project).stdout == ran.stdout  # default: ./mkdocs.yml's project
    missing = zhudu(*args, cwd=elsewhere)
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert "error: mkdocs.yml: no such file; run the command in the folder of mkdocs.yml" in missing.stderr


def test_the_command_audits_the_variants_the_project_configures(tmp_path: Path) -> None:
    """mkdocs.yml's ``extra.zhudu.variants`` are audited, not the default three, and the report says so (s46)."""
    (tmp_path / "docs" / "editorial").mkdir(parents=True)
    mo = "{code: zh-Hant-MO, name: 澳門, prefix: zh-Hant-MO, script: Hant, opencc_from_hans: s2hk}"
    (tmp_path / "mkdocs.yml").write_text(_variants_yml(HANS_YML, mo), encoding="utf-8")
    (tmp_path / "docs" / "editorial" / "conversion.yml").write_text(
        "accepted:\n  zh-Hant-MO: [头发]\n", encoding="utf-8"
    )
    (tmp_path / "note.md").write_text("他的头发很长。\n", encoding="utf-8")
    ran = zhudu("audit", "note.md", "--all", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.startswith("variants: zh-Hans, zh-Hant-MO (the project's extra.zhudu.variants)\n")
    assert "== note.md — zh-Hant-MO (s2hk) ==" in ran.stdout and "(accepted 头发)" in ran.stdout
    assert "zh-Hant-TW" not in ran.stdout and "zh-Hant-HK" not in ran.stdout
    other = zhudu("audit", "note.md", "--variant", "zh-Hant-TW", cwd=tmp_path)
    assert (
        other.returncode == 2
        and "unknown variant 'zh-Hant-TW': use one of zh-Hans, zh-Hant-MO" in other.stderr
    )
    # None configured: the build's zh-Hans alone, said so.
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    unset = zhudu("audit", "note.md", cwd=tmp_path)
    assert unset.stdout.startswith(
        "variants: zh-Hans (the build's default: the project sets no extra.zhudu.variants)\n"
    )
    # Rules given and no project here: the default three, said so.
    alone = zhudu("audit", str(tmp_path / "note.md"), "--rules", str(RULES_FILE), cwd=tmp_path / "docs")
    assert alone.returncode == 0, alone.stderr
    assert alone.stdout.startswith(
        "variants: zh-Hans, zh-Hant-TW, zh-Hant-HK (the default variants: no mkdocs.yml here)"
    )


def _listed_acceptances(out: str) -> dict[str, list[str]]:
    """The ``accepted`` term each listed line offers (``if right`` / ``if not``), by variant key."""
    accepted: dict[str, list[str]] = {}
    for line in out.splitlines():
        if line.startswith(("  high", "  mid", "  low")):
            found = re.search(r"(?:if right|if not): accepted: \{([\w-]+): \[(\w+)\]\}", line)
            assert found, line  # every listed line offers to accept its word
            accepted.setdefault(found[1], []).append(found[2])
    return accepted


def test_the_audit_adds_up_and_reaches_zero_once_every_line_is_accepted(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The parts sum to the places; the total counts only what is listed; accepting each listed line
    (as its fix offers) leaves 0 to review (rv26: the total kept the hidden places as work)."""
    note = tmp_path / "n.md"
    note.write_text(
        "Hexo 支持以任何格式书写文章。使用标题作为文件名。解析标题并根据目录插入。\n", encoding="utf-8"
    )
    rules = tmp_path / "rules.yml"
    rules.write_text("", encoding="utf-8")
    assert main([str(note), "--rules", str(rules)]) == 0
    out = capsys.readouterr().out
    summary, total = out.rstrip().splitlines()[-2:]
    counts = re.match(
        r"total: (\d+) places: (\d+) covered by rules, (\d+) hidden \(OpenCC reliable\), (\d+) to review$",
        total,
    )
    assert counts, total
    places, *parts = map(int, counts.groups())
    assert sum(parts) == places and parts[2] > 0
    assert summary.startswith(f"  {total.removeprefix('total: ')} in 3 lines;")
    rules.write_text(f"accepted: {_listed_acceptances(out)}\n", encoding="utf-8")
    assert main([str(note), "--rules", str(rules)]) == 0
    out = capsys.readouterr().out
    assert "  nothing to check" in out
    assert out.rstrip().endswith(", 0 to review")


def test_a_second_sense_names_both_words_and_a_low_line_can_be_accepted() -> None:
    (second,) = [e for e in audit("Hexo 支持以任何格式书写文章。", TW, NO_RULES, "n.md") if e.risk]
    assert (
        second.reason
        == "second sense: OpenCC wrote 支援; the other sense is 支持 (backing a person or a cause)"
    )
    (low,) = [e for e in audit("解析标题并插入目录。", TW, NO_RULES, "n.md") if e.risk]
    assert (
        low.fix
        == "if right: accepted: {zh-Hant-TW: [并插入]}; if it is 併: phrases: {zh-Hant-TW: {并插入: 併插入}}"
    )


# -- ranking by risk -----------------------------------------------------------------------------

ARTICLE = ROOT.parent / "shared" / "corpora" / "hexo-docs" / "zh-cn"


def _risky(text: str, variant=TW, rules: ConversionRules = NO_RULES, regional: bool = True) -> list:
    return [
        (e.text, e.opencc, e.risk, e.reason.split(":")[0])
        for e in audit(text, variant, rules, "n.md", regional=regional)
        if not e.reviewed and e.risk
    ]


def test_what_opencc_reliably_gets_right_is_hidden() -> None:
    # 周末 → 週末, 以后 → 以後: OpenCC's phrase is the word itself; 数据 → 資料 never went wrong.
    assert _risky("周末以后我们再整理这些数据。") == []


def test_a_swap_with_a_second_sense_ranks_first() -> None:
    (place,) = _risky("他给我发了一条信息。")
    assert place == ("信息", "資訊", 1, "second sense")


def test_a_phrase_read_across_words_ranks_first() -> None:
    # Without the layer (which fixes these), OpenCC reads 视频 in 电视|频道 and 和面 in 和|面向.
    assert ("视频", "影片", 1, "cut across words") in _risky("这个电视频道很好看。", regional=False)
    risky = _risky("包括面向程序员的工具和面向一般用户的工具。", regional=False)
    assert [r for r in risky if r[0] == "面"] == [("面", "麵", 1, "cut across words")]


def test_a_character_the_context_decides_is_listed_low() -> None:
    assert _risky("解析标题并插入目录。") == [("并", "並", 3, "context decides")]


def test_the_regional_layer_counts_as_review() -> None:
    entries = audit("调整模型的参数。", TW, NO_RULES, "n.md")
    (place,) = [e for e in entries if e.kind == "phrase"]
    assert (place.text, place.reviewed, place.reviewed_by) == ("参数", True, "layer 参数 → 參數")
    # Without the layer the same place is a second sense not yet reviewed.
    assert _risky("调整模型的参数。", regional=False) == [("参数", "引數", 1, "second sense")]


def test_each_line_has_the_sentence_and_the_fix(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    note = tmp_path / "n.md"
    note.write_text("# 标题\n\n他给我发了一条信息。周末再说。\n", encoding="utf-8")
    (tmp_path / "none.yml").write_text("", encoding="utf-8")
    assert main([str(note), "--rules", str(tmp_path / "none.yml")]) == 0
    out = capsys.readouterr().out.splitlines()
    (line,) = [x for x in out if x.startswith("  high")]
    assert "3:8" in line and "「他给我发了一条【信息】。」" in line
    assert "fix: if it means that: phrases: {zh-Hant-TW: {信息: 訊息}}" in line


def test_a_4000_character_article_gives_at_most_20_lines(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    article = tmp_path / "article.md"
    article.write_text(
        "".join(
            (ARTICLE / name).read_text(encoding="utf-8")
            for name in ("docs-helpers.md", "docs-tag-plugins.md")
        ),
        encoding="utf-8",
    )
    (tmp_path / "none.yml").write_text("", encoding="utf-8")
    assert main([str(article), "--rules", str(tmp_path / "none.yml")]) == 0
    ranked = capsys.readouterr().out.splitlines()
    assert main([str(article), "--rules", str(tmp_path / "none.yml"), "--all"]) == 0
    full = capsys.readouterr().out.splitlines()
    assert len(full) > 500
    places = [x for x in ranked if x.startswith(("  high", "  mid", "  low"))]
    assert 0 < len(places) <= 20
    assert len(ranked) <= 23  # header, the places, the summary, the total
    risks = [x.split()[0] for x in places]
    assert risks == sorted(risks, key=["high", "mid", "low"].index)


def test_reliable_swaps_never_went_wrong_in_the_review_set() -> None:
    import yaml

    from zhudu.script.audit_risk import RELIABLE_SWAPS

    review = yaml.safe_load((ROOT / "tests" / "conversion_review.yml").read_text(encoding="utf-8"))
    for code, words in RELIABLE_SWAPS.items():
        variant = {v.code: v for v in DEFAULT_VARIANTS}[code]
        for entry in review:
            if code not in entry:
                continue
            for e in audit(entry["zh-Hans"], variant, NO_RULES, "r", regional=False):
                if e.kind == "phrase" and e.text in words:
                    assert e.opencc in entry[code], (entry["from"], e.text, e.opencc)


def test_a_word_the_layer_keeps_on_purpose_is_not_flagged() -> None:
    # The layer's 类型 rule declines after 对象 (a programming type is 型別): OpenCC is right there.
    assert _risky("对于自定义属性请使用对象类型。") == []
    assert _risky("对于自定义属性请使用对象类型。", regional=False) == [
        ("对象类型", "物件型別", 1, "second sense")
    ]


def test_a_general_sense_rule_does_not_mark_every_software_use() -> None:
    # The layer's 对象 rule keeps 對象 (a person, a target) after 研究, 服务, 她的 …: OpenCC's 物件 is the
    # sense elsewhere, so a software 对象 is not a second-sense place to check (session 19, issue 25).
    assert _risky("创建一个新对象，返回的对象为空。运行脚本。") == []
    entries = [
        e for e in audit("研究对象是儿童，她的对象是医生。", TW, NO_RULES, "n.md") if e.kind == "phrase"
    ]
    assert entries and all(e.reviewed and e.reviewed_by == "layer 对象 → 對象" for e in entries)
    # A rule writing a word of its own in a context still marks its word: 資訊 elsewhere may be 訊息.
    assert _risky("他给我发了一条信息。") == [("信息", "資訊", 1, "second sense")]


def test_general_sense_rules_are_told_from_the_others() -> None:
    from zhudu.script.audit_risk import general_sense_rule
    from zhudu.script.regional import default_regional

    char_cc = opencc.OpenCC("s2tw")
    rules = {(r.word, r.out): r for r in default_regional().rules_for("zh-Hant-TW", "Hans")}
    assert general_sense_rule(rules["对象", "對象"], char_cc)
    assert general_sense_rule(rules["运行", "運行"], char_cc)
    assert not general_sense_rule(rules["信息", "訊息"], char_cc)  # a word of its own, in a context
    assert not general_sense_rule(rules["类型", "類型"], char_cc)  # everywhere but after 数据 …: no "after"


def test_the_audit_of_docs_writing_stays_short(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "none.yml").write_text("", encoding="utf-8")
    assert main([str(ARTICLE / "docs-writing.md"), "--rules", str(tmp_path / "none.yml")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) <= 20
    assert not [x for x in lines if "second sense: 对象" in x or "second sense: 运行" in x]


def test_audit_counts_the_layer_rules_of_the_texts_domain() -> None:
    """A general note's 对象 (a partner) is written 對象 by the ``domain: general`` rule (session 36): the audit
    says so, not that OpenCC's 物件 stands there unreviewed; software text keeps OpenCC's swap to review."""
    general = audit("我妈一直催我找对象，她说对象要温柔。", TW, NO_RULES, "a.md")
    partners = [e for e in general if e.text == "对象"]
    assert len(partners) == 2 and all(
        e.reviewed and e.reviewed_by == "layer 对象 → 對象" for e in partners
    ), general
    software = audit("我妈一直催我找对象。", TW, NO_RULES, "a.md", domain="software")
    assert [e.reviewed for e in software if e.text == "对象"] == [False], software


def _ranked(text: str, variant=TW, domain: str | None = None) -> list[tuple[str, str, int, str]]:
    return [
        (e.text, e.opencc, e.risk, e.reason)
        for e in audit(text, variant, NO_RULES, "n.md", domain=domain)
        if not e.reviewed and e.risk
    ]


def test_the_risks_are_judged_with_the_layer_rules_of_the_texts_domain() -> None:
    """RiskJudge reads the rules the audit converts with: a general note's 屏蔽广告 is the ``domain: general`` 屏蔽
    rule's choice (OpenCC's 遮蔽 kept on purpose), not a swap nobody reviewed; a software note has only the 封鎖 rule's other sense."""
    note = "我妈一直催我找对象，她把我屏蔽了，还装了屏蔽广告的插件。"
    entries = audit(note, TW, NO_RULES, "n.md")
    assert [(e.text, e.reviewed_by) for e in entries if e.reviewed] == [
        ("对象", "layer 对象 → 對象"),
        ("屏蔽", "layer 屏蔽 → 屏蔽"),
    ]
    kept = [e for e in entries if e.text == "屏蔽" and not e.reviewed]
    assert [(e.risk, e.reason) for e in kept] == [(0, "layer keeps OpenCC's 屏蔽 here")]
    assert _ranked(note) == []
    software = "创建一个新对象，她把我屏蔽了，还装了屏蔽广告的插件。"
    # Session 45 (hD): the software-only 屏蔽 → 封鎖 rule (a request blocked by a server) makes OpenCC's 遮蔽 a
    # second-sense place, not a swap nobody reviewed.
    assert [(text, opencc, risk) for text, opencc, risk, _ in _ranked(software, domain="software")] == [
        ("屏蔽", "遮蔽", 1)
    ] * 2
    assert all("封鎖" in reason for *_, reason in _ranked(software, domain="software"))


def test_a_layer_rules_class_context_declines_as_the_layer_reads_it() -> None:
    # 对象's general rule is off after *ascii (cnchar 对象 is a program's): OpenCC's 物件 is no second-sense place.
    assert _ranked("install 是一个方法，cnchar对象会调用 install 方法。", domain="") == []
    assert [r for r in _ranked("一旦点击 cmd 窗口，进程暂停。", domain="") if r[0] == "窗口"] == []


def test_a_second_sense_is_only_where_opencc_made_that_swap() -> None:
    # 遵循 is a layer rule's, so OpenCC writes 环 as 環 on its own: not 循环's 迴圈 (general note).
    assert [r[2:] for r in _ranked("我们必须遵循环保原则，遵循环境保护法。", domain="") if r[0] == "环"] == [
        (2, "swap no rule covers")
    ] * 2
    # A rule writing OpenCC's own word in a context (打印 → 列印) names no other sense.
    assert [r for r in _ranked("要打印软件包的详细信息。") if r[0] == "打印"] == [
        ("打印", "列印", 2, "swap no rule covers")
    ]


def test_regional_domains_cannot_be_changed() -> None:
    from zhudu.script.regional import DOMAINS

    with pytest.raises(TypeError):
        DOMAINS["science"] = "science"  # type: ignore[index]
