"""Zhudu's own scripts and stylesheet shipped without their comments and indentation.

The sources in ``overrides/assets/zhudu/`` explain themselves at length (a third of their bytes are
comments, a tenth indentation); a reader's browser needs neither.  What is taken out is only what
the language ignores: comments, and the spaces and tabs that start a line.  Line breaks stay (a
script's statements may end at one), so does every other character, strings and regular
expressions included; a block comment that held a line break leaves one.

JavaScript is read token by token: strings (``'…'``, ``"…"``), comments and regular expression
literals (a ``/`` where an expression starts: after an operator, an opening bracket, a comma, a
keyword such as ``return``, or at the start).  A script with a template literal (a backquote) is
shipped as written: its text may span lines, and no source here has one.
"""

from __future__ import annotations

import re

#: After these (the last token's last character), a ``/`` starts a regular expression, not a division.
_EXPRESSION_START = frozenset("(,=:[!&|?{};+-*%<>~^")
_KEYWORDS_BEFORE_EXPRESSION = frozenset(
    ("return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else")
)
_WORD_RE = re.compile(r"[A-Za-z_$][\w$]*$")
#: Spaces and tabs around a line break (never inside a string: none of ours spans lines).
_AROUND_BREAK_RE = re.compile(r"[ \t]*\n[ \t\n]*")


def _tidy(text: str) -> str:
    """Each line without the spaces around it, and no empty line."""
    return _AROUND_BREAK_RE.sub("\n", text).strip() + "\n"


def _comment_replacement(comment: str) -> str:
    # A block comment that holds a line break is one for the language (a statement may end there).
    return "\n" if "\n" in comment else " "


def _regex_allowed(before: str) -> bool:
    """Whether a ``/`` after ``before`` (the code so far) starts a regular expression literal."""
    tail = before[-40:].rstrip()
    if not tail:
        return True
    if tail[-1] in _EXPRESSION_START:
        return True
    word = _WORD_RE.search(tail)
    return bool(word and word.group() in _KEYWORDS_BEFORE_EXPRESSION)


def _end_of_string(source: str, start: int) -> int:
    quote = source[start]
    i = start + 1
    while i < len(source) and source[i] != quote:
        if source[i] == "\n":
            raise ValueError(f"line break in a string at offset {start}")
        i += 2 if source[i] == "\\" else 1
    return i + 1


def _end_of_regex(source: str, start: int) -> int:
    i, in_class = start + 1, False
    while i < len(source):
        char = source[i]
        if char == "\n":
            raise ValueError(f"line break in a regular expression at offset {start}")
        if char == "\\":
            i += 2
            continue
        if char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif char == "/" and not in_class:
            i += 1
            while i < len(source) and (source[i].isalnum() or source[i] == "_"):
                i += 1  # flags
            return i
        i += 1
    raise ValueError(f"unterminated regular expression at offset {start}")


def script(source: str) -> str:
    """``source`` (JavaScript) without comments and indentation; as written if it has a backquote.

    Raises ``ValueError`` for a string or regular expression that does not end on its line.
    """
    if "`" in source:
        return source
    out: list[str] = []
    kept_from = 0
    i = 0
    while i < len(source):
        char = source[i]
        if char in "'\"":
            i = _end_of_string(source, i)
        elif source.startswith("//", i):
            out.append(source[kept_from:i])
            end = source.find("\n", i)
            i = kept_from = len(source) if end < 0 else end
        elif source.startswith("/*", i):
            end = source.find("*/", i + 2)
            if end < 0:
                raise ValueError(f"unterminated comment at offset {i}")
            out.append(source[kept_from:i])
            out.append(_comment_replacement(source[i:end]))
            i = kept_from = end + 2
        elif char == "/" and _regex_allowed("".join(out[-2:]) + source[kept_from:i]):
            i = _end_of_regex(source, i)
        else:
            i += 1
    out.append(source[kept_from:])
    return _tidy("".join(out))


_CSS_TOKEN_RE = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|/\*.*?\*/", re.DOTALL)


def stylesheet(source: str) -> str:
    """``source`` (CSS) without comments and indentation (strings kept as written).

    A stylesheet with a string continued on the next line (a backslash before the line break) is
    returned as written.
    """
    if "\\\n" in source:
        return source
    out = []
    pos = 0
    for token in _CSS_TOKEN_RE.finditer(source):
        out.append(source[pos : token.start()])
        is_comment = token.group().startswith("/*")
        out.append(_comment_replacement(token.group()) if is_comment else token.group())
        pos = token.end()
    out.append(source[pos:])
    return _tidy("".join(out))
