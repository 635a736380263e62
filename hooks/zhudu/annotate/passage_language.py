"""Which passages of a Chinese page are written in English: their ``lang``.

A screen reader reads such a passage with an English voice, and the browser breaks its lines and
hyphenates it as English (``annotate/passages.py`` marks it).
"""

from __future__ import annotations

import re

#: A script a Chinese page's passage in another language would not hold (Han, kana, hangul, CJK marks).
_CJK_RE = re.compile(
    r"[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]"
)
_LATIN_WORD_RE = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
#: Words only English prose is made of: a passage of Latin words with two of them is English (an
#: untranslated paragraph of the author's source), not a name, a command or pinyin.
_ENGLISH_WORDS = frozenset(
    {"the", "and", "of", "to", "for", "with", "are", "was", "were", "this", "that", "these", "which"}
    | {"you", "your", "can", "not", "from", "have", "has", "it's", "by", "or", "when", "what", "would"}
)
#: English words other languages written in Latin letters share (in, an, is …): two of them make a
#: passage English only where no word of those languages' own is in it (``_OTHER_LATIN_WORDS``):
#: 「A generator builds routes based on processed files.」 is English, "Het is een huis in de stad" not.
_SHARED_ENGLISH_WORDS = frozenset({"a", "an", "in", "on", "is", "be", "as", "it", "at", "if"})
_OTHER_LATIN_WORDS = frozenset(
    {"der", "die", "das", "und", "ist", "ein", "eine", "nicht", "mit", "von", "zu", "den", "dem", "het"}
    | {"een", "van", "met", "de", "la", "le", "les", "el", "los", "las", "et", "y", "que", "un", "une"}
    | {"des", "du", "il", "per", "di", "da", "och", "og", "er", "na", "nie", "je"}
    # Italian and Portuguese, whose a / in / as read as English (session 30's review: "Sono a casa in Italia").
    # Not "do", "no", "os": English has them too.
    | {"sono", "che", "non", "con", "del", "della", "nel", "una", "uno", "gli", "lo", "em", "uma"}
    | {"eu", "ao", "dos", "das", "pelo", "pela"}
)


def language_of(text: str) -> str | None:
    """``"en"`` for a passage written in English on a Chinese page, else None (the page's language).

    A screen reader then reads it with an English voice, and the browser breaks its lines and
    hyphenates it as English.  Only clear cases: no CJK character, at least four Latin words, two of
    them words only English prose is made of; or five words, two of them English words other
    languages share, and no word of those languages' own.
    """
    if _CJK_RE.search(text):
        return None
    words = _LATIN_WORD_RE.findall(text)
    if len(words) < 4:
        return None
    lowered = {word.lower() for word in words}
    common = lowered & _ENGLISH_WORDS
    if len(common) >= 2:
        return "en"
    shared = lowered & _SHARED_ENGLISH_WORDS
    english = len(common) + len(shared) >= 2 and len(words) >= 5 and not lowered & _OTHER_LATIN_WORDS
    return "en" if english else None
