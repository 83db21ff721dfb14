"""Spotting: which names of the index a string mentions, and where.

:func:`spot` is the chain of matching passes, in the order they run: exact look-ups of
n-grams (and of names inside Khmer, Thai and CJK runs), the phonetic test of each n-gram the
look-up missed, then over what is left the scoped fuzzy, the unscoped fuzzy and the one-edit
passes (``variants.py``). Resolving (``resolve.py``) then decides what the mentions mean.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

from ..normalize import (
    Token,
    token_text,
)
from ..settings import get as get_settings
from . import edits, kana_edits, khmer, parent_edits, shared_names, sound, variants
from .edits import edit_mentions
from .exact import exact_mentions, latin_mention, ordinary_word, span_end
from .index import (
    TIER_VILLAGE,
    Entry,
    NameIndex,
    build_index,
    inner_stopwords,
    towns,
)
from .kana_edits import kana_edit_mentions
from .mentions import (
    Mention,
)
from .near import NEAR_WORDS, edge_references, near_references
from .notplaces import (
    CONJUNCTIONS,
    COORDINATORS,
    LOWER_MARKED,
    lower_articles,
    lower_conjunctions,
    not_vietnamese,
    other_names,
    script_references,
    sibling_readings,
)
from .outskirts import OUTSKIRTS_WORDS, outskirts
from .parent_edits import commune_edit_mentions
from .sound import sound_mentions
from .streets import STREET_SCRIPT_RE, STREET_WORDS, street_names
from .tokens import flat_tokens, split_tokens
from .variants import (
    initial_fuzzy_mentions,
    scoped_fuzzy_mentions,
)

__all__ = ["flat_tokens", "prepare", "spot"]

_SIZES = get_settings()  # cache sizes are read once, here
_VIETNAMESE = attrgetter("vietnamese")
_EDGE = attrgetter("edge")
_STREETS_OR_OUTSKIRTS = STREET_WORDS | OUTSKIRTS_WORDS


def prepare() -> None:
    """Build the name index and the look-up tables spotting's passes derive from it (the
    typo, sound, scope and Khmer fold tables), which are otherwise built on first use,
    while a string waits; ``geocode`` and ``geocode_frame`` call it once per process (and
    settings)."""
    build_index()
    towns()
    parent_edits.prepare()
    sound.prepare()
    variants.prepare()
    edits.prepare()
    kana_edits.prepare()
    khmer.prepare()
    shared_names.prepare()


def spot(text: str | tuple[Token, ...], context: frozenset[str] = frozenset()) -> list[Mention]:
    """Every name the string mentions, by start; the passes run in this order.

    1. **Exact** (:func:`~compoundmap.geocode.exact.exact_mentions`): always. Latin n-grams of up to
       ``geocode_max_ngram`` words, longest first, looked up in the index; names inside
       runs of Khmer, Thai and CJK text. A dict look-up per n-gram: cheap, and most strings
       end here.
    2. **Phonetic** (inside pass 1, :func:`~compoundmap.geocode.variants.phonetic_match`):
       for each n-gram the look-up missed, before trying a shorter one, so a variant spelling
       of a long name is not cut into short names.
    3. **Scoped fuzzy**: when a place was named (or ``context`` gives a province/district):
       unexplained words against the names inside that province or district only.
    4. **Unscoped fuzzy**: only when nothing placed the string yet; the last resort.
    5. **One edit**: when a content word is still unexplained, or only villages matched:
       one-edit typos of provinces, districts and towns.
    6. **By sound** (:func:`~compoundmap.geocode.sound.sound_mentions`): katakana, hangul
       and Thai names next to an admin word that nothing read, matched by their consonants
       inside the province or district the string names (strings with such text only).

    Parameters
    ----------
    text : str or tuple of Token
        The string, or its tokens.
    context : frozenset of str
        Province/district codes the caller states (they open the scoped fuzzy pass).

    Returns
    -------
    list of Mention
        By start; each with every reading its name may have (resolving chooses).
    """
    index = build_index()
    flat = written = split_tokens(text, index)
    cased = _cased(flat)
    if cased and _lower_word_in(flat, CONJUNCTIONS):
        flat = written = lower_conjunctions(flat)
    if cased and _lower_word_in(flat, LOWER_MARKED):
        flat = written = lower_articles(flat)
    mentions, loose = exact_mentions(flat, index, cased)
    if mentions:
        mentions = shared_names.told_apart(flat, mentions)
    # (an ASCII string holds no word spelt the Vietnamese way)
    if not (isinstance(text, str) and text.isascii()) and any(map(_VIETNAMESE, flat)):
        kept = not_vietnamese(flat, mentions, index, cased)
        if len(kept) < len(mentions):
            kept = _after_vietnamese_word(flat, mentions, kept, index, cased)
        mentions = kept
    if cased:
        # the string capitalises its names: its lower-case words away from any capitalised
        # one are ordinary words, which the typo passes must not read as names ("yang
        # terang benderang": "terang" is not Trang; "Kampong speu" still is Kampong Speu)
        flat = [
            t._replace(stop=True) if t.lower and ordinary_word(flat, k) else t
            for k, t in enumerate(flat)
        ]
    if context or _places_something(mentions):
        mentions = scoped_fuzzy_mentions(flat, mentions, context)
    if not _places_something(mentions):
        mentions.extend(initial_fuzzy_mentions(flat, mentions))
    if loose or _villages_only(mentions):
        mentions = edit_mentions(flat, mentions)
    mentions = commune_edit_mentions(flat, mentions)
    mentions = sound_mentions(text, written, mentions, context)
    mentions = kana_edit_mentions(text, written, mentions)
    if isinstance(text, str) and mentions and not text.isascii():
        mentions = script_references(text, written, mentions, index)
    if not mentions:
        return mentions
    # the string's words, once: the passes below need one of theirs (most strings: none)
    words = frozenset(map(token_text, written))
    script = text if isinstance(text, str) and not text.isascii() else None
    # (one set test for the two rare word lists below: most strings hold neither)
    rare = not _STREETS_OR_OUTSKIRTS.isdisjoint(words)
    # a road word of another script: searched for once, here (street_names reads the answer)
    script_road = script if script is not None and STREET_SCRIPT_RE.search(script) else None
    if script_road is not None or (rare and not STREET_WORDS.isdisjoint(words)):
        mentions = street_names(script_road, written, mentions, index)  # "Kampot Road", "西港路"
        if not mentions:
            return mentions
    if len(mentions) > 1 and not NEAR_WORDS.isdisjoint(words):
        mentions = near_references(written, mentions)
    if cased and len(mentions) > 1:
        mentions = other_names(written, mentions)
    if len(mentions) > 1 and not COORDINATORS.isdisjoint(words):
        mentions = sibling_readings(written, mentions)
    if mentions and (script is not None or (rare and not OUTSKIRTS_WORDS.isdisjoint(words))):
        mentions = outskirts(text, written, mentions, index)
        if len(mentions) > 1 and any(map(_EDGE, mentions)):
            mentions = edge_references(written, mentions)  # "カンダル州、プノンペン郊外": Kandal
    if len(mentions) == 1 and not khmer.KHMER_KINDS.isdisjoint(words):
        mentions = khmer.named_after_kind(written, mentions)  # "កាស៊ីណូជ្រៃធំ"
    return _mark_loose(written, mentions, cased)


def _lower_word_in(flat: Sequence[Token], words: frozenset[str]) -> bool:
    """Whether one of ``words`` is written in lower case in the string."""
    for t in flat:
        if t.lower and t.text in words:
            return True
    return False


_SHORT_SYLLABLE = 5


def _after_vietnamese_word(
    flat: list[Token], found: list[Mention], kept: list[Mention], index: NameIndex, cased: bool
) -> list[Mention]:
    """``kept``, plus the name read from the word after a Vietnamese word a dropped name
    started on ("ở Kandal", at Kandal: not the village Ou Kandal, but Kandal), when that
    reading is itself kept."""
    cfg = get_settings()
    extra = []
    for m in found:
        if m in kept or m.end - m.start < 2 or not flat[m.start].vietnamese:
            continue
        end = span_end(flat, m.start + 1, cfg.geocode_max_ngram, inner_stopwords())
        again = latin_mention(flat, m.start + 1, end, index, cfg, cased=cased)
        if again is not None:
            extra.extend(not_vietnamese(flat, [again], index, cased))
    return sorted([*kept, *extra], key=lambda m: m.start) if extra else kept


def _mark_loose(flat: Sequence[Token], mentions: list[Mention], cased: bool) -> list[Mention]:
    """The mentions, each marked ``loose`` when a content word no mention explains is glued
    to it (the confidence of its reading drops: "Phnom Dev", "Kok Kong"); in a string that
    capitalises its names, a lower-case word longer than a syllable is an ordinary one
    ("Bavet's expanding complex")."""
    if not mentions:
        return mentions
    # the content words glued to each mention; the words the mentions cover are gathered
    # only when some mention has one (most strings: admin words, breaks, the ends)
    inner = inner_stopwords()
    sides = [_glued_words(flat, m.start, m.end, inner, cased) for m in mentions]
    if not any(sides):
        return mentions
    # a one-word village name explains no word: villages need confirming ("Kampon Cham":
    # "Kampon" is a village somewhere, and the commune Cham is no answer)
    covered = {
        k
        for m in mentions
        if not (m.end - m.start == 1 and m.entries and m.entries[0].tier == TIER_VILLAGE)
        for k in range(m.start, m.end)
    }
    return [
        m._replace(loose=True) if not covered.issuperset(glued) else m
        for m, glued in zip(mentions, sides, strict=True)
    ]


def _glued_words(
    flat: Sequence[Token], start: int, end: int, inner: frozenset[str], cased: bool
) -> tuple[int, ...]:
    """Positions of the content words right before and after ``flat[start:end]``, past one
    stopword that names hold ("Choam a hau": "a hau" may end the name); a long lower-case
    word in a string that capitalises its names is an ordinary one, a short one may end
    the name ("Peam hir")."""
    n = len(flat)
    out: tuple[int, ...] = ()
    # (the two sides written out; an admin word, most often there, is no content word)
    k = start - 1
    if k >= 0 and flat[k].stop and flat[k].text in inner:
        k -= 1
    if k >= 0:
        tok = flat[k]
        if (
            tok.admin is None
            and tok.content
            and not (cased and tok.lower and len(tok.text) > _SHORT_SYLLABLE)
        ):
            out = (k,)
    k = end
    if k < n and flat[k].stop and flat[k].text in inner:
        k += 1
    if k < n:
        tok = flat[k]
        if (
            tok.admin is None
            and tok.content
            and not (cased and tok.lower and len(tok.text) > _SHORT_SYLLABLE)
        ):
            out += (k,)
    return out


def _cased(flat: Sequence[Token]) -> bool:
    """Whether the string writes some words capitalised and others in lower case (names
    capitalised, as sources write them), not all in one case."""
    lower = upper = False
    for t in flat:
        if not t.stop and t.admin is None and t.latin and t.text.isalpha():
            if t.lower:
                lower = True
            else:
                upper = True
            if lower and upper:
                return True
    return False


def _villages_only(mentions: list[Mention]) -> bool:
    """Whether every name found is a village's, or one of them is a one-word village name
    (either may be a misspelt province, district or town: the one-edit pass runs)."""
    # (a name every village of which is named after its own commune places itself:
    # "Bavet Kandal" is no misspelt name)
    every = bool(mentions)
    for m in mentions:
        village = bool(m.entries) and m.entries[0].tier == TIER_VILLAGE and _confirms(m.entries)
        if village and m.end - m.start == 1:
            return True
        every = every and village
    return every


def _confirms(entries: Sequence[Entry]) -> bool:
    """Whether some reading needs confirming (``Entry.confirm``)."""
    for e in entries:
        if e.confirm:
            return True
    return False


def _places_something(mentions: list[Mention]) -> bool:
    """Whether a mention names anything other than Cambodia itself."""
    for m in mentions:  # a plain loop: this runs twice per string
        if m.entries and m.entries[0].kind != "country":
            return True
    return False
