"""The glossary: editorial data (``docs/editorial/glossary.yml``) marked in the notes' running text.

* ``terms``: the entries read and checked, each with a stable anchor;
* ``marking``: the Markdown extension that marks them in a note's passages and records where;
* ``page``: the glossary page, its entries linked to the passages that use them;
* ``collation``: the order each variant lists its terms in (pinyin, zhuyin; Latin terms A–Z), its keys kept.

The build uses the names below from here.
"""

from __future__ import annotations

from zhudu.annotate.glossary.collation import KeptKeys, order_for
from zhudu.annotate.glossary.marking import (
    GlossaryExtension,
    Occurrence,
    TermMatcher,
    alternation_source,
    counts,
    mark_passage,
)
from zhudu.annotate.glossary.page import (
    FILLED_KEPT,
    GLOSSARY_SRC_URI,
    INDEX_CLASS,
    TERM_MARK,
    fill_occurrences,
    order_terms,
    page_markdown,
)
from zhudu.annotate.glossary.terms import GLOSSARY_FILE, Glossary, Term, load_glossary

__all__ = [
    "FILLED_KEPT",
    "GLOSSARY_FILE",
    "GLOSSARY_SRC_URI",
    "INDEX_CLASS",
    "TERM_MARK",
    "Glossary",
    "GlossaryExtension",
    "KeptKeys",
    "Occurrence",
    "Term",
    "TermMatcher",
    "alternation_source",
    "counts",
    "fill_occurrences",
    "load_glossary",
    "mark_passage",
    "order_for",
    "order_terms",
    "page_markdown",
]
