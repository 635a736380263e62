"""What a note box is called on a Chinese site: the word for its type, seen or heard.

A tool names an untitled box by its type.  Obsidian writes the type as typed, in English, whatever
its interface language ("Tip", "Faq"); the Hugo themes made for publishing say it in the site's
language (LoveIt, FixIt and DoIt's ``admonition``: 注意, 提示, 警告 …; Relearn's ``notice``: 提示, 警告 …).
A site read in Chinese says it in Chinese, and each variant converts the word like any text.  The
boxes a tool draws with no title at all (Hexo's ``{% note %}``, Hugo Book's ``hint``, Docsy's
``alert``) keep no title bar, but are named by the same word for a screen reader, so their meaning
is not carried by their colour alone.
"""

from __future__ import annotations

#: The word for each type a tool writes (Obsidian's callout types and aliases, Hexo's note classes,
#: Hugo themes' styles), where the alias means more than its admonition type.
TYPE_WORDS = {
    "note": "注意", "seealso": "另请参阅",
    "abstract": "摘要", "summary": "摘要", "tldr": "摘要",
    "info": "信息", "todo": "待办",
    "tip": "提示", "hint": "提示", "important": "重要",
    "success": "成功", "check": "成功", "done": "完成",
    "question": "问题", "help": "帮助", "faq": "常见问题",
    "warning": "警告", "warn": "警告", "caution": "小心", "attention": "注意",
    "failure": "失败", "fail": "失败", "missing": "缺失",
    "danger": "危险", "error": "错误",
    "bug": "缺陷", "example": "示例", "quote": "引用", "cite": "引用",
}  # fmt: skip

#: Obsidian's callout types (with their aliases) as Material's admonition types.
CALLOUT_TYPES = {
    "note": "note",
    "abstract": "abstract", "summary": "abstract", "tldr": "abstract",
    "info": "info", "todo": "info",
    "tip": "tip", "hint": "tip", "important": "tip",
    "success": "success", "check": "success", "done": "success",
    "question": "question", "help": "question", "faq": "question",
    "warning": "warning", "caution": "warning", "attention": "warning",
    "failure": "failure", "fail": "failure", "missing": "failure",
    "danger": "danger", "error": "danger",
    "bug": "bug", "example": "example", "quote": "quote", "cite": "quote",
}  # fmt: skip
#: Hexo's ``{% note class %}`` (NexT and the Hexo site's theme) as admonition types.
NOTE_TAG_TYPES = {
    "default": "note", "primary": "note", "info": "info", "success": "success", "tip": "tip",
    "warning": "warning", "warn": "warning", "danger": "danger",
}  # fmt: skip

#: The styles Relearn's (and Learn's) ``notice`` titles by default; its others draw no title bar.
TITLED_NOTICE_STYLES = frozenset({"note", "info", "tip", "warning", "caution", "important"})

#: Hugo's ``details`` summary when none is given (Hugo's ``shortcodes.details``; Relearn's 详情).
DETAILS_WORD = "详情"


def type_word(written: str, kind: str = "note") -> str:
    """The word for a box written as ``written`` (any case), else for its admonition type ``kind``."""
    return TYPE_WORDS.get(written.lower()) or TYPE_WORDS.get(kind, TYPE_WORDS["note"])


def callout_title(written: str) -> str:
    """An untitled Obsidian callout's title: its type's word, or a type of the author's as written."""
    return TYPE_WORDS.get(written.lower()) or written.capitalize()
