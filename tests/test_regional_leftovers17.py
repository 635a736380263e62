"""The rules written from what the seventeenth held-out set left (issue 25, session 30 — conv2).

联系 for a relation (聯繫, not s2twp's 聯絡, to get in touch), 安装包 by sense (an installer 安裝檔, an installed
package 已安裝套件), 注释 for what a comment marker starts or encloses in software text (註解), and CTAN's mirrors
spread over a country or joining (鏡像).  Each counter-example is an ordinary sentence, written before the rule
was committed, where the rule as first written fired in the wrong sense (包工, 包厢, 包头市, a book's 注释, an
image spread over data centres, contacting someone); the rule was narrowed in
hooks/zhudu/script/data/regional.yml.  The second group checks that the rules fire in the sense they were
written for.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from zhudu.script.convert import DEFAULT_VARIANTS, Converter, load_rules

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = {v.code: v for v in DEFAULT_VARIANTS}
RULES = load_rules(ROOT / "docs" / "editorial" / "conversion.yml", known_variants=VARIANTS)
TW = "zh-Hant-TW"

# (domain, sentence, a form the right reading has, the wrong rule's form that must not appear)
COUNTER_EXAMPLES = [
    ("", "他有直接联系我的方式。", "直接聯絡我", "聯繫"),
    ("", "如有问题，请与之联系。", "與之聯絡", "聯繫"),
    ("", "用微信联系起来很方便。", "聯絡起來很方便", "聯繫"),
    ("", "工厂里执行安装包工的任务由老王负责。", "安裝包工", "安裝檔"),
    ("", "师傅们在运行安装包厢里的空调。", "安裝包廂", "安裝檔"),
    ("", "工程队已安装包头市的路灯。", "已安裝包頭市", "套件"),
    ("", "默认已安装包括编辑器在内的工具。", "已安裝包括", "套件"),
    ("", "这本古籍开头的是注释，正文在后面。", "開頭的是註釋", "註解"),
    ("software", "文中开头的是注释者的前言。", "註釋者", "註解"),
    ("software", "目录开头的是注释体例说明。", "註釋體例", "註解"),
    ("software", "容器镜像分布于全球各个数据中心。", "容器映像", "鏡像"),
    ("software", "这些 Docker 镜像分布在不同的仓库中。", "Docker 映像", "鏡像"),
]


@pytest.mark.parametrize(("domain", "source", "right", "wrong"), COUNTER_EXAMPLES)
def test_narrowed_rule_keeps_the_other_sense(domain: str, source: str, right: str, wrong: str) -> None:
    out = Converter(VARIANTS[TW], RULES, domain=domain).text(source)
    assert right in out and wrong not in out, out


@pytest.mark.parametrize(
    ("domain", "source", "expected"),
    [
        ("", "本提案与“双一流”建设之联系", "本提案與「雙一流」建設之聯繫"),
        ("", "他把两起案件联系起来看，发现两者有因果联系。", "他把兩起案件聯繫起來看，發現兩者有因果聯繫。"),
        ("", "在 Windows 下面就是下载执行那个安装包。", "在 Windows 下面就是下載執行那個安裝檔。"),
        ("", "它会查找要升级的已安装包。", "它會查詢要升級的已安裝套件。"),
        (
            "software",
            "行末以 // 开头的是注释，另有一种在 /* */ 之间的注释。",
            "行末以 // 開頭的是註解，另有一種在 /* */ 之間的註解。",
        ),
        ("", "上述镜像分布于中国北部，欢迎新镜像的加入。", "上述鏡像分佈於中國北部，歡迎新鏡像的加入。"),
    ],
)
def test_leftover_rules_fire_in_their_sense(domain: str, source: str, expected: str) -> None:
    assert Converter(VARIANTS[TW], RULES, domain=domain).text(source) == expected
