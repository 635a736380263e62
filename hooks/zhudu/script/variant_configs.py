"""The script variants of the site and the OpenCC configs that produce them.

* :class:`Variant` and :data:`DEFAULT_VARIANTS`: the variants and their OpenCC configs;
* :func:`opencc_converter`: one OpenCC object per config per process;
* :func:`detect_script`: is a text written in Simplified or Traditional?
* :func:`prefixes`: the BCP 47 lookup chain rules are merged along (``zh-Hant`` rules apply to
  every Traditional variant).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import opencc

__all__ = [
    "DEFAULT_VARIANTS",
    "Variant",
    "detect_script",
    "opencc_converter",
    "prefixes",
    "region_of",
    "script_of_code",
]


@dataclass(frozen=True)
class Variant:
    """One script variant of the site.

    Attributes:
        code: BCP 47 tag, e.g. ``"zh-Hans"``, ``"zh-Hant-TW"``.
        script: ``"Hans"`` or ``"Hant"``.
        opencc_from_hans: OpenCC config converting Simplified text into this
            variant (``"s2twp"``); ``None`` means identity.
        opencc_from_hant: OpenCC config converting Traditional text into this
            variant (``"t2tw"``); ``None`` means identity.
    """

    code: str
    script: str
    opencc_from_hans: str | None
    opencc_from_hant: str | None

    def config_for(self, source_script: str) -> str | None:
        """Return the OpenCC config for text written in ``source_script``.

        Args:
            source_script: ``"Hans"`` or ``"Hant"``.

        Returns:
            The OpenCC config name, or ``None`` for identity.
        """
        return self.opencc_from_hans if source_script == "Hans" else self.opencc_from_hant


# Hong Kong uses s2hkp rather than s2hk: the only difference on our notes is
# HKPhrases, a short list of IT terms where Hong Kong usage agrees with Taiwan
# (服务器 -> 伺服器, 鼠标 -> 滑鼠, 硬盘 -> 硬碟, 文件夹 -> 資料夾).  Those are what
# a Hong Kong reader writes; s2hk leaves the Mainland 服務器.  Unlike TWPhrases,
# HKPhrases does no context-blind swaps (信息, 视频, 支持, 项目 stay as they are).
DEFAULT_VARIANTS: tuple[Variant, ...] = (
    Variant("zh-Hans", "Hans", None, "t2s"),
    Variant("zh-Hant-TW", "Hant", "s2twp", "t2tw"),
    Variant("zh-Hant-HK", "Hant", "s2hkp", "t2hk"),
)


def opencc_converter(config: str) -> opencc.OpenCC:
    """Return a process-wide OpenCC converter for ``config``.

    Loading the dictionaries takes milliseconds; a site build creates many
    converters, so the OpenCC objects are cached for the process lifetime on
    purpose.

    Args:
        config: An OpenCC config name such as ``"s2twp"`` (``.json`` optional).

    Returns:
        The cached ``opencc.OpenCC`` object.
    """
    return _load_opencc(config if config.endswith(".json") else config + ".json")


@functools.cache
def _load_opencc(name: str) -> opencc.OpenCC:
    """Load one OpenCC config (cached: one object per config per process)."""
    return opencc.OpenCC(name)


def region_of(code: str) -> str:
    """A variant code's region (``zh-Hant-HK`` → ``HK``), as a note's ``lang`` names it."""
    return code.rsplit("-", 1)[-1].upper()


def script_of_code(code: str) -> str | None:
    """Return the script subtag (``Hans``/``Hant``) of a BCP 47 code, if any."""
    for part in code.split("-")[1:]:
        if part.lower() == "hans":
            return "Hans"
        if part.lower() == "hant":
            return "Hant"
    return None


def prefixes(code: str) -> list[str]:
    """Return the BCP 47 lookup chain of ``code``, most general first.

    ``"zh-Hant-TW"`` gives ``["zh", "zh-Hant", "zh-Hant-TW"]`` (RFC 4647 lookup,
    reversed), so rules written for ``zh-Hant`` apply to every Traditional variant.
    """
    parts = code.split("-")
    return ["-".join(parts[: i + 1]) for i in range(len(parts))]


def _changed(a: str, b: str) -> int:
    """Count positions where ``a`` and ``b`` differ (plus any length difference)."""
    return sum(1 for x, y in zip(a, b, strict=False) if x != y) + abs(len(a) - len(b))


def detect_script(text: str) -> str:
    """Guess whether ``text`` is written in Simplified or Traditional characters.

    Characters that t2s would change are Traditional-only; those s2t would
    change are Simplified-only.  The larger count wins.

    Args:
        text: Any text.

    Returns:
        ``"Hant"`` if more characters look Traditional, else ``"Hans"``
        (ties, including text without Chinese, count as ``"Hans"``).
    """
    if text.isascii():
        return "Hans"
    as_simplified = opencc_converter("t2s").convert(text)
    if as_simplified == text:  # nothing Traditional-only: "Hans" whatever s2t would change
        return "Hans"
    traditional = _changed(text, as_simplified)
    simplified = _changed(text, opencc_converter("s2t").convert(text))
    return "Hant" if traditional > simplified else "Hans"
