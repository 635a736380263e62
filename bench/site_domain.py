"""What the site's one conversion domain costs a collection that mixes software and general notes (issue 25).

A build converts every page with one domain (``publish/conversion_domain.py``: a home or theme page shows several
notes as one HTML, so a note's title must read there as on its page).  In a collection of both kinds, the notes of
the other kind are converted in a domain that is not theirs.  This measures what that costs, per kind of note, on
every labelled set of ``bench_conversion.py`` (``SETS``: the review set and the held-out sets, each document with
its own domain, ``bench_conversion.domains``): the wrong words (``bench_conversion.wrong_words``) of Zhudu's
conversion per 1,000 Han characters, each document in its own domain and in the other.

A document with under ``DOMAIN_MIN_HAN`` Han characters in its set takes the whole set's domain (most do), so the
kinds are nearly the sets' kinds; the general sets are books, news, fiction and reviews more than personal notes, and
every rate is after the rules written from the sets.  Counted one for one: a general note's wrong words under the
software rules change the meaning more often than a software note's under the general rules (review VS, session 54,
``conversion_domain.py``), which is why ``SOFTWARE_SHARE`` is above the break-even printed here.

From these rates, a collection whose software notes hold a share ``p`` of its text gets, per 1,000 Han characters,
``p·sw_own + (1-p)·gen_other`` wrong words when the site is software and ``p·sw_other + (1-p)·gen_own`` when it is
general: the site should be software from the share where the two meet (printed as ``break-even``).  The table
then compares the rule ``auto`` used before (software from half of the notes) with the one it uses now
(``conversion_domain.SOFTWARE_SHARE``) at a few shares, a share of the notes read as a share of the text.

Since session 55 each note's own page converts in its own text's domain where its text tells (``script.domain.own_domain``,
``conversion_domain.of_page``), the site's domain is every other page's: the last column, ``a domain per note``, is
that collection's figure: each document in its own domain where ``own_domain`` of its Simplified text names its kind,
in the other where it names the other kind, in the site's where it says nothing (the share of each kind's text in each
class is printed).  The sets' documents are samples of their sources (a few sentences each, most under the 400 Han
``own_domain`` needs to call text general), so a whole note is decided more often than they are.

Run: ``cd /work/main && .venv/bin/python bench/site_domain.py`` (~4 minutes: every set, both variants, twice).
"""

from __future__ import annotations

import collections

import bench_conversion as bc

from zhudu.publish.conversion_domain import SOFTWARE_SHARE
from zhudu.script.domain import GENERAL, SOFTWARE, own_domain

VARIANTS = ("zh-Hant-TW", "zh-Hant-HK")
KINDS = {SOFTWARE: "software notes", GENERAL: "general notes"}


def rates(code: str) -> dict[str, dict[str, float]]:
    """Per kind of document: Han characters, and wrong words in its own domain and in the other.

    Also per kind and what its own page would convert in (``own_domain`` of the document's Simplified text:
    ``SOFTWARE``, ``GENERAL`` or None, the site's): ``han <class>``, ``own <class>``, ``other <class>``.
    """
    totals: dict[str, collections.Counter[str]] = {kind: collections.Counter() for kind in KINDS}
    convert = {domain: bc.converters(code, domain)["zhudu"] for domain in KINDS}
    for path in bc.SETS.values():
        entries = [e for e in bc.load_review(path) if code in e]
        of_entry = bc.domains(entries)
        texts: dict[str, list[str]] = collections.defaultdict(list)
        for e in entries:
            texts[bc.document(e)].append(str(e["zh-Hans"]))
        page = {doc: CLASSES[own_domain("\n".join(sentences))] for doc, sentences in texts.items()}
        for e in entries:
            own = of_entry[id(e)]
            other = GENERAL if own == SOFTWARE else SOFTWARE
            source, expected, also = str(e["zh-Hans"]), str(e[code]), e.get(bc.ALSO[code])
            han = bc.han_count(source)
            totals[own]["han"] += han
            totals[own][f"han {page[bc.document(e)]}"] += han
            for name, domain in (("own", own), ("other", other)):
                out = bc.accept_alternatives(convert[domain](source), expected, also)  # type: ignore[arg-type]
                wrong = len(bc.wrong_words(out, expected))
                totals[own][name] += wrong
                totals[own][f"{name} {page[bc.document(e)]}"] += wrong
    return {
        kind: {"han": c["han"]}
        | {key: 1000 * n / c["han"] for key, n in c.items() if key != "han" and not key.startswith("han ")}
        | {key: n / c["han"] for key, n in c.items() if key.startswith("han ")}
        for kind, c in totals.items()
    }


#: ``own_domain``'s answers as ``rates`` names them.
CLASSES = {SOFTWARE: "software", GENERAL: "general", None: "undecided"}


def mixed(share: float, site: str, r: dict[str, dict[str, float]]) -> float:
    """Wrong words per 1,000 Han of a collection whose software notes hold ``share`` of its text, site ``site``."""
    sw = r[SOFTWARE]["own" if site == SOFTWARE else "other"]
    gen = r[GENERAL]["own" if site == GENERAL else "other"]
    return share * sw + (1 - share) * gen


def per_note(share: float, site: str, r: dict[str, dict[str, float]]) -> float:
    """``mixed``'s figure when each note's page converts in its own domain where its text tells, else the site's.

    A document's wrong words are its own domain's where ``own_domain`` names its kind, the other's where it names the
    other kind, and the site's where it says nothing (rates per 1,000 Han of the whole kind, weighted by the share of
    the kind's text in each class).
    """
    total = 0.0
    for kind, weight in ((SOFTWARE, share), (GENERAL, 1 - share)):
        k = r[kind]
        for name, domain in (("software", SOFTWARE), ("general", GENERAL), ("undecided", site)):
            part = "own" if domain == kind else "other"
            total += weight * k.get(f"{part} {name}", 0.0)
    return total


def main() -> int:
    for code in VARIANTS:
        r = rates(code)
        print(f"{code}: wrong words per 1,000 Han")
        for kind, name in KINDS.items():
            k = r[kind]
            print(
                f"  {name:15} {k['han']:>8,.0f} Han   own domain {k['own']:5.2f}   the other {k['other']:5.2f}"
            )
            shares = "   ".join(f"{c} {k.get(f'han {c}', 0):.0%}" for c in CLASSES.values())
            print(f"  {'':15} its text's own page (own_domain): {shares}")
        gain = r[SOFTWARE]["other"] - r[SOFTWARE]["own"]
        cost = r[GENERAL]["other"] - r[GENERAL]["own"]
        print(f"  break-even share of software text: {cost / (cost + gain):.3f}")
        print(f"  share   site from a half   site from {SOFTWARE_SHARE:.2f}   a domain per note")
        for share in (0.05, 0.10, 0.25, 0.50, 0.75, 0.95):
            site = SOFTWARE if share >= SOFTWARE_SHARE else GENERAL
            before = mixed(share, SOFTWARE if share >= 0.5 else GENERAL, r)
            now = mixed(share, site, r)
            print(f"  {share:5.2f}   {before:16.2f}   {now:14.2f}   {per_note(share, site, r):17.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
