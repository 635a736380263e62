"""What a Han character is, for the stages that count Han characters or check where they stand."""

from __future__ import annotations

import re

#: A Han character: the unified ideographs (the basic block and extensions A to G) and the
#: compatibility ideographs.
HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")

#: A numeric character reference, hexadecimal or decimal (``&#x5934;``, ``&#22836;``).
_CHAR_REF_RE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));")


def han_refs_as_characters(html_text: str) -> str:
    """``html_text`` with every numeric character reference to a Han character written as that character.

    The reader sees the character (开源&#x5934;发 reads 开源头发), so it is converted with its word (開源頭髮, not
    開源&#x5934;發).  A Han character needs no escaping in UTF-8 HTML; references to anything else (&#60;, &#38;)
    are left as written.
    """
    if "&#" not in html_text:
        return html_text

    def character(m: re.Match[str]) -> str:
        code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
        if code > 0x10FFFF:
            return m.group()
        return chr(code) if HAN_RE.fullmatch(chr(code)) else m.group()

    return _CHAR_REF_RE.sub(character, html_text)
