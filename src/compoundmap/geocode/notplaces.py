"""Names spotting found that are not places here: a name read on a word of a Vietnamese
name or on an ordinary lower-case word of Vietnamese text, a Korean, Japanese or Chinese
name written as the point a distance is measured from, a unit's name that "or" joins to a
landmark lying elsewhere (the landmark's other name), and the reading of a name inside the
place "and" joins it to (a sibling, not a child: "Bavet and Chrey Thom").

Also the lower-case function words of a string that capitalises its names ("or" between
two names, the article "un"), marked stopwords before spotting reads the tokens.

Filters :func:`compoundmap.geocode.spot.spot` applies to its tokens and mentions; each
returns the tokens or mentions it keeps (or marks).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..normalize import Token, token_text, tokenize, word_list
from .index import TIER_VILLAGE, NameIndex, consistent, curated_locality
from .mentions import Mention, script_reference_glosses, script_reference_spans
from .tokens import script_names

__all__ = [
    "ARTICLES",
    "LOWER_MARKED",
    "CONJUNCTIONS",
    "COORDINATORS",
    "lower_articles",
    "lower_conjunctions",
    "not_vietnamese",
    "other_names",
    "script_references",
    "sibling_readings",
]

#: Words that join two names as two places ("Bavet and Chrey Thom", "from Bavet to Chrey
#: Thom"), as the tokeniser folds them (``stop_words.csv`` role ``coordinator``).
COORDINATORS = frozenset(tokenize(w)[0].text for w in word_list("coordinator"))

#: Lower-case conjunctions as the tokeniser folds them ("or", "ou", "o" → "o").
CONJUNCTIONS = frozenset(tokenize(w)[0].text for w in word_list("conjunction_lower"))

#: Lower-case indefinite articles as the tokeniser folds them ("un", "une", "una" …), and
#: the ordinary lower-case words of other languages read as a name's spelling ("orang",
#: Indonesian/Malay "people", is not the district O Reang), roles ``article_lower`` and
#: ``ordinary_lower`` of ``stop_words.csv``.
ARTICLES = frozenset(
    tokenize(w)[0].text for role in ("article_lower", "ordinary_lower") for w in word_list(role)
)
#: Lower-case words for "ethnic" ("ethnic", "etnis", "suku" …, role ``ethnic_before``): the
#: capitalised word after one names a people, not a place ("the ethnic Cham" is no commune
#: Cham). :func:`lower_articles` marks that word; the spotting gate looks for these too.
ETHNIC = frozenset(tokenize(w)[0].text for w in word_list("ethnic_before"))
#: The words whose lower-case presence sends a string through :func:`lower_articles`.
LOWER_MARKED = ARTICLES | ETHNIC


def lower_conjunctions(flat: Sequence[Token]) -> list[Token]:
    """The tokens, a lower-case "or" ("ou", "o") after a word and before a capitalised one
    marked a stopword: it joins two names ("Kampot or Kep"), it is not the stream prefix
    Or/Ou of the next one ("Bakan or Preah Khan" is not the village Ou Preah); before a
    lower-case word it may still start a name ("khum ou svay").

    Parameters
    ----------
    flat : sequence of Token
        The string's tokens as spotting indexes them (script runs split).

    Returns
    -------
    list of Token
        The tokens, such conjunctions marked ``stop``.
    """

    def content(j: int) -> bool:
        return 0 <= j < len(flat) and flat[j].content

    return [
        t._replace(stop=True)
        if t.lower
        and t.text in CONJUNCTIONS
        and content(k - 1)
        and content(k + 1)
        and not flat[k + 1].lower
        else t
        for k, t in enumerate(flat)
    ]


def lower_articles(flat: Sequence[Token]) -> list[Token]:
    """The tokens, each lower-case indefinite article (or ordinary word: "271 orang")
    and each capitalised word after a lower-case "ethnic" ("the ethnic Cham") marked a
    stopword: in a string that capitalises its names, "un" of "un casino situé à
    Sihanoukville" is the French article, never the village Un (អ៊ុន) of Ratanakiri, which
    such a string would write "Un". Next to an admin word it stays a name ("khum un", "un
    commune, Ratanak Kiri").

    Parameters
    ----------
    flat : sequence of Token
        The string's tokens as spotting indexes them (script runs split).

    Returns
    -------
    list of Token
        The tokens, the lower-case articles marked ``stop``.
    """

    def by_admin(k: int) -> bool:
        return any(0 <= j < len(flat) and flat[j].admin is not None for j in (k - 1, k + 1))

    def people(k: int) -> bool:
        # a capitalised word right after a lower-case "ethnic" names a people
        return k > 0 and not flat[k].lower and flat[k - 1].lower and flat[k - 1].text in ETHNIC

    return [
        t._replace(stop=True)
        if (t.lower and t.text in ARTICLES and not by_admin(k)) or (t.admin is None and people(k))
        else t
        for k, t in enumerate(flat)
    ]


def script_references(
    text: str, flat: Sequence[Token], mentions: list[Mention], index: NameIndex
) -> list[Mention]:
    """The Korean, Japanese and Chinese names written as the point a distance is measured
    from ("프놈펜에서 25km 떨어진 칸달주": Kandal, not Phnom Penh) marked as reference points,
    as "25 km from Phnom Penh" is (:func:`~compoundmap.geocode.mentions.is_reference`),
    when the string names another place.

    Parameters
    ----------
    text : str
        The string as written (the spans are found in it, before tokenising).
    flat : sequence of Token
        The string's tokens as spotting indexes them (script runs split).
    mentions : list of Mention
        What the passes found, by start.
    index : NameIndex
        The name index (to split a span the way the string's runs were split).

    Returns
    -------
    list of Mention
        The mentions, those names marked ``reference``; unchanged when nothing else is named.
    """
    names = set()
    for span, first in script_reference_spans(text):
        pieces = script_names(span, index)
        if pieces:
            names.add(pieces[0] if first else pieces[-1])
    if not names:
        return mentions
    # the name's spelling in brackets before "from" ("프놈펜(Phnom Penh)에서") is the same point
    glosses = script_reference_glosses(text)
    marked = [
        m._replace(reference=True)
        if (m.text in names and not flat[m.start].latin)
        or (flat[m.start].latin and " ".join(m.text.lower().split()) in glosses)
        else m
        for m in mentions
    ]
    # a name written only as a reference point is kept when the string names nothing else
    # ("プノンペンから約25キロ" still says the place is near Phnom Penh)
    if not any(not m.reference and any(e.kind != "country" for e in m.entries) for m in marked):
        return mentions
    return marked


def _landmark(m: Mention) -> bool:
    """Whether every reading of ``m`` is a curated landmark (temple, casino, border
    crossing …), none an admin unit."""
    return bool(m.entries) and all(curated_locality(e) and e.kind != "country" for e in m.entries)


def other_names(flat: Sequence[Token], mentions: list[Mention]) -> list[Mention]:
    """The mentions, less a unit's name that "or" joins to a landmark lying elsewhere: the
    name is the landmark's other name, not a second place ("Bakan or Preah Khan Kompong
    Svay complex": the temple complex in Preah Vihear, not the district Bakan of Pursat).
    The name must carry no admin or town word and no reading that fits the landmark
    ("Kampot or the Bokor casino" names Kampot too).

    Parameters
    ----------
    flat : sequence of Token
        The string's tokens as spotting indexes them (script runs split).
    mentions : list of Mention
        What the passes found, by start.

    Returns
    -------
    list of Mention
        The mentions kept.
    """
    drop: set[int] = set()
    for k in range(len(mentions) - 1):
        a, b = mentions[k], mentions[k + 1]
        gap = flat[a.end : b.start]
        if not (len(gap) == 1 and gap[0].stop and gap[0].text in CONJUNCTIONS):
            continue
        if not _landmark(b) or _landmark(a) or a.hint is not None or a.town:
            continue
        if any(consistent(e, f) for e in a.entries for f in b.entries):
            continue
        drop.add(k)
    return [m for k, m in enumerate(mentions) if k not in drop] if drop else mentions


def sibling_readings(flat: Sequence[Token], mentions: list[Mention]) -> list[Mention]:
    """The mentions, less the village readings of a name that lie inside the name "and" (or
    "to") joins it to, when the name, written with no admin word, also names a unit, place
    or landmark: two names so joined are two places, not a place and its village ("Bavet
    and Chrey Thom": the Kandal crossing, not the village Chrey Thum of Bavet). Units stay
    ("Kandal and Koh Thom"), and so does a village its admin word names ("Bavet city and
    Chrey Thom village"). Commas count as "and" in a list that ends with one ("Chrey Thom,
    Bavet, Poipet and Phnom Penh").

    Parameters
    ----------
    flat : sequence of Token
        The string's tokens as spotting indexes them (script runs split).
    mentions : list of Mention
        What the passes found, by start.

    Returns
    -------
    list of Mention
        The mentions, each with the readings it keeps.
    """
    if COORDINATORS.isdisjoint(map(token_text, flat)):
        # no "and" (most strings): no gap joins two names, and a comma counts only in a
        # list that ends with one
        return mentions
    out = list(mentions)
    gaps = [_gap_kind(flat[a.end : b.start]) for a, b in zip(out, out[1:], strict=False)]
    for k in range(len(out) - 1):
        if gaps[k] == ",":
            # a comma joins two names as two places in a list that ends with "and" ("Chrey
            # Thom, Bavet, Poipet and Phnom Penh"), unless the names it runs over write an
            # address ("Chrey Thom, Bavet, Svay Rieng and Poipet": village, town, province)
            start = end = k
            while start > 0 and gaps[start - 1] == ",":
                start -= 1
            while end < len(gaps) and gaps[end] == ",":
                end += 1
            if end == len(gaps) or gaps[end] != "and" or _address(out[start : end + 1]):
                continue
        elif gaps[k] != "and":
            continue
        a, b = out[k], out[k + 1]
        for i, (m, other) in enumerate(((a, b), (b, a))):
            if m.hint is not None:
                continue  # "Bavet city and Chrey Thom village": its admin word says village
            inside = [
                e
                for e in m.entries
                if e.tier == TIER_VILLAGE
                and any(consistent(e, f) and e.depth > f.depth for f in other.entries)
            ]
            if inside and any(e.tier < TIER_VILLAGE for e in m.entries):
                kept = tuple(e for e in m.entries if e not in inside)
                out[k + i] = m._replace(entries=kept)
    return out


def _inside(m: Mention, other: Mention) -> bool:
    """Whether some reading of ``m`` lies inside some reading of ``other``."""
    return any(consistent(e, f) and e.depth > f.depth for e in m.entries for f in other.entries)


def _address(names: Sequence[Mention]) -> bool:
    """Whether three names in a row each lie inside the next (a written address)."""
    return any(
        _inside(names[j], names[j + 1]) and _inside(names[j + 1], names[j + 2])
        for j in range(len(names) - 2)
    )


def _gap_kind(gap: Sequence[Token]) -> str:
    """What stands between two names: ``"and"`` (a coordinator), ``","`` (a comma or other
    break) or ``""`` (anything else)."""
    if len(gap) != 1 or not gap[0].stop:
        return ""
    if gap[0].text in COORDINATORS:
        return "and"
    return "," if not gap[0].text else ""


def not_vietnamese(
    flat: Sequence[Token], mentions: list[Mention], index: NameIndex, cased: bool = False
) -> list[Mention]:
    """Mentions that are no piece of a Vietnamese name: a name read on a word spelt the
    Vietnamese way ("Trảng" of "Trảng Bàng") counts only when the gazetteer holds that
    Vietnamese spelling ("Núi Tà Lơn"); a name glued to such a capitalised word no name
    explains ("Tiên" of "Hà Tiên") is part of the longer Vietnamese name (a lower-case one is
    an ordinary word: "sòng bạc Kampot" is a Kampot casino). In Vietnamese text that
    capitalises its names (``cased``), a name read only on lower-case words is an ordinary
    word ("trên", "on", is not the commune Trean).

    Parameters
    ----------
    flat : sequence of Token
        The string's tokens as spotting indexes them (script runs split).
    mentions : list of Mention
        What the passes found, by start.
    index : NameIndex
        The name index (its ``vietnamese`` keys: names the gazetteer spells that way).
    cased : bool
        Whether the string capitalises its names.

    Returns
    -------
    list of Mention
        The mentions kept.
    """
    kept: list[Mention] = []
    for m in mentions:
        key = "".join(flat[k].text for k in range(m.start, m.end))
        if any(flat[k].vietnamese for k in range(m.start, m.end)) and key not in index.vietnamese:
            continue
        if cased and all(flat[k].lower for k in range(m.start, m.end)):
            continue
        kept.append(m)
    covered = {k for m in kept for k in range(m.start, m.end)}
    return [
        m
        for m in kept
        if not any(
            0 <= k < len(flat)
            and flat[k].vietnamese == 2
            and flat[k].text
            and k not in covered
            and flat[k].admin is None
            and not flat[k].stop
            for k in (m.start - 1, m.end)
        )
    ]
