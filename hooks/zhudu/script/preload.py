"""What every converter of a variant shares, loaded before the page writers fork (``preload``)."""

from __future__ import annotations

from collections.abc import Iterable

from zhudu.script.editor_rules import ConversionRules
from zhudu.script.protected_spans import matcher_for
from zhudu.script.regional import default_regional
from zhudu.script.variant_configs import Variant, opencc_converter

__all__ = ["preload"]


def preload(
    variant: Variant, rules: ConversionRules, source_script: str = "Hans", domains: Iterable[str] = ()
) -> None:
    """Load what every converter of ``variant`` shares, whatever the text's domain.

    OpenCC's dictionaries, the editor's matcher, the regional layer's rules: page writers forked next
    inherit them.  The layer's matcher for a domain only for ``domains`` (each as the converter would take it,
    ``conversion_domain.for_converter``): otherwise the first converter made once the notes have decided the
    site's domain compiles it (``publish/conversion_domain.py``), in each process that converts.
    """
    config = variant.config_for(source_script)
    if config:
        opencc_converter(config)
        default_regional().keep_pattern()
        for domain in domains:
            default_regional().matcher(variant.code, source_script, domain)
    matcher_for(rules, variant.code, with_phrases=source_script == "Hans")
