"""Spotting: which names of the index a string mentions, and where.

:func:`spot` is the chain of matching passes, in the order they run: exact look-ups of
n-grams (and of names inside Khmer, Thai and CJK runs), the phonetic test of each n-gram the
look-up missed, then over what is left the scoped fuzzy, the unscoped fuzzy and the one-edit
passes (``variants.py``). Resolving (``resolve.py``) then decides what the mentions mean.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._scripts import is_han
from ..normalize import (
    COMMUNE,
    VILLAGE,
    Token,
)
from ..settings import Settings
from ..settings import get as get_settings
from . import khmer, parent_edits, sound, variants
from .edits import edit_mentions
from .index import (
    KIND_LEVEL,
    TIER_CURATED,
    TIER_OFFICIAL,
    TIER_VILLAGE,
    Entry,
    NameIndex,
    build_index,
    consistent,
    inner_stopwords,
    name_edge_words,
    towns,
)
from .mentions import (
    Mention,
    hint_at,
    is_content,
    is_khmer,
    make_mention,
    near_references,
    town_at,
)
from .notplaces import (
    ARTICLES,
    CONJUNCTIONS,
    lower_articles,
    lower_conjunctions,
    not_vietnamese,
    other_names,
    script_references,
    sibling_readings,
)
from .outskirts import outskirts
from .parent_edits import commune_edit_mentions
from .sound import sound_mentions
from .tokens import ABROAD_HAN, flat_tokens, inflection_stems, split_tokens
from .variants import (
    initial_fuzzy_mentions,
    phonetic_match,
    scoped_fuzzy_mentions,
)

__all__ = ["flat_tokens", "prepare", "spot"]

_SIZES = get_settings()  # cache sizes are read once, here


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
    khmer.prepare()


def spot(text: str | tuple[Token, ...], context: frozenset[str] = frozenset()) -> list[Mention]:
    """Every name the string mentions, by start; the passes run in this order.

    1. **Exact** (:func:`_exact_mentions`): always. Latin n-grams of up to
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
    if cased and _lower_word_in(flat, ARTICLES):
        flat = written = lower_articles(flat)
    mentions, loose = _exact_mentions(flat, index, cased)
    # (an ASCII string holds no word spelt the Vietnamese way)
    if not (isinstance(text, str) and text.isascii()) and any(t.vietnamese for t in flat):
        kept = not_vietnamese(flat, mentions, index, cased)
        if len(kept) < len(mentions):
            kept = _after_vietnamese_word(flat, mentions, kept, index, cased)
        mentions = kept
    if cased:
        # the string capitalises its names: its lower-case words away from any capitalised
        # one are ordinary words, which the typo passes must not read as names ("yang
        # terang benderang": "terang" is not Trang; "Kampong speu" still is Kampong Speu)
        flat = [
            t._replace(stop=True) if t.lower and _ordinary(flat, k) else t
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
    if isinstance(text, str) and mentions and not text.isascii():
        mentions = script_references(text, written, mentions, index)
    if len(mentions) > 1:
        mentions = near_references(written, mentions)
    if cased and len(mentions) > 1:
        mentions = other_names(written, mentions)
    if len(mentions) > 1:
        mentions = sibling_readings(written, mentions)
    if mentions:
        mentions = outskirts(text, written, mentions, index)
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
        end = _span_end(flat, m.start + 1, cfg.geocode_max_ngram, inner_stopwords())
        again = _latin_mention(flat, m.start + 1, end, index, cfg, cased=cased)
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
            and is_content(tok)
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
            and is_content(tok)
            and not (cased and tok.lower and len(tok.text) > _SHORT_SYLLABLE)
        ):
            out += (k,)
    return out


def _ordinary(flat: Sequence[Token], k: int) -> bool:
    """Whether the lower-case content word at ``k`` has no capitalised word beside it."""
    tok = flat[k]
    if not (tok.lower and is_content(tok)):
        return False
    for j in (k - 1, k + 1):
        if 0 <= j < len(flat) and is_content(flat[j]) and not flat[j].lower:
            return False
    return True


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


def _exact_mentions(
    flat: list[Token], index: NameIndex, cased: bool = False
) -> tuple[list[Mention], bool]:
    """Passes 1 and 2, always run: the mentions found by look-up (and the phonetic test).

    Parameters
    ----------
    flat : list of Token
        The string's tokens, script runs split (:func:`~compoundmap.geocode.tokens.split_tokens`).
    index : NameIndex
        The name index.
    cased : bool
        Whether the string capitalises its names (then a lower-case word gets no phonetic
        test).

    Returns
    -------
    tuple
        ``(mentions, loose)``: the mentions by start, and whether a Latin content word was
        left unexplained (which opens the one-edit pass).
    """
    cfg = get_settings()
    stops_inside = inner_stopwords()
    edges = name_edge_words()
    mentions: list[Mention] = []
    loose = False
    pos, n = 0, len(flat)
    while pos < n:
        tok = flat[pos]
        if tok.stop or tok.admin is not None or not tok.text:
            if tok.latin and tok.text in edges:
                # an official name that starts with such a word ("Phum Thmei")
                end = _span_end(flat, pos + 1, cfg.geocode_max_ngram - 1, stops_inside)
                edge = _latin_mention(flat, pos, end, index, cfg, exact_only=True)
                if edge is not None and not _edge_is_admin_word(flat, pos, edge, index, cfg):
                    mentions.append(edge)
                    pos = edge.end
                    continue
            pos += 1
            continue
        if not tok.latin:
            found = _script_mention(flat, pos, index)
            if found is not None:
                mentions.append(found)
            pos = found.end if found is not None else pos + 1
            continue
        end = _span_end(flat, pos, cfg.geocode_max_ngram, stops_inside)
        latin = _latin_mention(flat, pos, end, index, cfg, cased=cased)
        if latin is not None:
            mentions.append(latin)
            pos = latin.end
        else:
            loose = loose or not tok.text.isdigit()
            pos += 1
    return mentions, loose


def _edge_is_admin_word(
    flat: Sequence[Token], pos: int, edge: Mention, index: NameIndex, cfg: Settings
) -> bool:
    """Whether the admin word at ``pos`` is that, not the start of the name ``edge`` found
    from it: a name from the next word reaches further ("Phum Yeang Dangkum": village Yeang
    Dangkum, not the commune Phum Yeang and a stray word), or as far (or none is found)
    while a higher admin word follows, as in an address in Khmer words ("Phum Thmei, Khum
    Chey Otdam": village Thmei of that commune, not the commune Phum Thmei of Banteay
    Meanchey)."""
    level = flat[pos].admin
    if level is None:
        return False
    end = _span_end(flat, pos + 1, cfg.geocode_max_ngram, inner_stopwords())
    after = _latin_mention(flat, pos + 1, end, index, cfg, exact_only=True)
    if after is not None and after.end != edge.end:
        return after.end > edge.end
    # the higher admin word starts the next part ("…, Khum"), not ends this name ("Phum
    # Thmei commune" is the commune)
    if edge.end >= len(flat) or flat[edge.end].text:
        return False
    nxt = next((t for t in flat[edge.end :] if t.text), None)
    return nxt is not None and nxt.admin is not None and nxt.admin < level


def _script_mention(flat: Sequence[Token], pos: int, index: NameIndex) -> Mention | None:
    """A name found in a Khmer/Thai/CJK run, unless it is glued to a name before it that
    does not contain it: then it is part of an unknown longer name (バベットカンダル村: a
    village, not Kandal province), not an address written without breaks (金边堆谷区:
    Tuol Kouk inside Phnom Penh). Two names of provinces or districts written in Chinese
    characters one after the other are a list (西港金边等地: Sihanoukville and Phnom Penh):
    Chinese writes such a list without a break, and no name of ours is two of them glued."""
    tok = flat[pos]
    entries = index.names.get(tok.text, ())
    end = pos + 1
    nxt = flat[end] if end < len(flat) else None
    if nxt is not None and nxt.latin and nxt.text.isdigit():
        # a numbered name: Khmer writes "ទី ២" after it (ច្បារអំពៅទី ២, Chbar Ampov Ti Pir),
        # which reaches here as the name and the digit; the numbered unit is the one meant
        numbered = index.names.get(tok.text + nxt.text, ())
        if numbered:
            entries, end = numbered, end + 1
    prev = flat[pos - 1] if pos else None
    if prev is not None and not prev.latin and prev.text and prev.admin is None:
        before = index.names.get(prev.text, ())
        if not any(
            f.kind == "country" or (f.depth < e.depth and consistent(e, f))
            for f in before
            for e in entries
        ) and not (_han_unit(prev.text, before) and _han_unit(tok.text, entries)):
            entries = ()
    if (
        prev is not None
        and prev.admin is not None
        and not prev.latin
        and pos >= 2
        and flat[pos - 2].text in ABROAD_HAN
    ):
        # after a place in China and its admin word, a name is one of that place's
        # (昆明市西山区: Xishan district of Kunming, not Sesan)
        entries = ()
    if not entries:
        return None
    khmer = is_khmer(tok.text)
    return Mention(
        pos,
        end,
        "".join([t.text for t in flat[pos:end]]),
        entries,
        "khmer" if khmer else "script",
        100.0,
        hint_at(flat, pos, end, khmer),
        False,
        town_at(flat, pos, end),
    )


def _han_unit(text: str, entries: Sequence[Entry]) -> bool:
    """Whether a name written in Chinese characters is a curated name of a province or a
    district (西港, 金边, 马德望): one item of a list when glued to another such name."""
    return is_han(text) and any(
        e.tier == TIER_CURATED and e.kind in ("province", "district") for e in entries
    )


def _span_end(flat: Sequence[Token], pos: int, max_ngram: int, stops_inside: frozenset[str]) -> int:
    """End of the longest Latin span from ``pos``: up to ``max_ngram`` words, over admin
    words and stopwords only where some name holds them ("Chong An Ma")."""
    end, last = pos, min(len(flat), pos + max_ngram)
    while end < last:
        tok = flat[end]
        if not (
            tok.latin
            and tok.text
            and ((tok.admin is None and not tok.stop) or tok.text in stops_inside)
        ):
            break
        end += 1
    return end


def _called_by_level(flat: Sequence[Token], pos: int, end: int, hit: tuple[Entry, ...]) -> bool:
    """Whether a one-word span that is an ordinary word ("based", "cham") stands next to
    the admin word of an official unit of that name ("Basaed district", "Cham commune")."""
    hint = hint_at(flat, pos, end, False)
    if hint is None:
        return False
    for e in hit:
        if e.tier == TIER_OFFICIAL and KIND_LEVEL.get(e.kind) == hint:
            return True
    return False


def _latin_mention(
    flat: Sequence[Token],
    pos: int,
    stop: int,
    index: NameIndex,
    cfg: Settings,
    *,
    exact_only: bool = False,
    cased: bool = False,
) -> Mention | None:
    """The longest name starting at ``pos`` and ending before ``stop``: each span is looked
    up, then given the phonetic test, before a shorter one is tried. A span ending on an
    admin word or stopword counts only as an exact official name ("Phnum Srok"). A number
    is a name only after a commune or village word ("Sangkat 3")."""
    names = index.names
    max_words, min_letters = cfg.phonetic_max_words, cfg.phonetic_min_letters
    prefix = [""]
    for k in range(pos, stop):
        prefix.append(prefix[-1] + flat[k].text)
    for end in range(stop, pos, -1):
        last = flat[end - 1]
        key = prefix[end - pos]
        if last.stop or last.admin is not None or exact_only:
            hit = names.get(key, ())
            if hit and (end - pos > 1 or _called_by_level(flat, pos, end, hit)):
                # only names indexed with that end word have such a key ("Phnum Srok"); a
                # one-word unit name that is an ordinary word needs its admin word
                return make_mention(flat, pos, end, hit, "exact", 100.0)
            continue
        entries: tuple[Entry, ...] = names.get(key, ())
        # (an ASCII key has no Russian case ending nor Arabic proclitic)
        for stem in () if entries or key.isascii() else inflection_stems(key):
            # a Russian case ending ("в Сиануквиле"), an Arabic proclitic ("وسييم رياپ")
            entries = names.get(stem, ())
            if entries:
                break
        method, score = "exact", 100.0
        if entries and key.isdigit() and hint_at(flat, pos, end, False) not in (COMMUNE, VILLAGE):
            entries = ()
        if (
            not entries
            and end - pos <= max_words
            and len(key) >= min_letters
            and not key.isdigit()
            and not (cased and all(_ordinary(flat, k) for k in range(pos, end)))
        ):
            entries, score = phonetic_match(index, key, flat[pos], flat[end - 1], end - pos, cfg)
            method = "phonetic"
            if (
                end - pos > 1
                and entries
                and _named_exactly_before(prefix, pos, end, entries, names)
            ):
                continue
        if entries:
            return make_mention(flat, pos, end, entries, method, score)
    return None


def _named_exactly_before(
    prefix: Sequence[str],
    pos: int,
    end: int,
    entries: tuple[Entry, ...],
    names: dict[str, tuple[Entry, ...]],
) -> bool:
    """Whether a shorter span from ``pos`` is, as written, the name of another place of the
    kind the phonetic reading of ``[pos, end)`` found: "Cham Yeam border checkpoint" sounds
    like "Choam border checkpoint", but "Cham Yeam" is itself a border crossing, and the
    words after it only say what kind of place it is. Only curated kinds (border crossing,
    casino …) count: a unit's name inside a longer sound-alike is left to the sound test."""
    kinds = {e.kind for e in entries if e.tier == TIER_CURATED and e.kind not in KIND_LEVEL}
    if not kinds:
        return False
    codes = {e.code for e in entries}
    for short in range(end - 1, pos, -1):
        hit = names.get(prefix[short - pos], ())
        if any(e.tier == TIER_CURATED and e.kind in kinds and e.code not in codes for e in hit):
            return True
    return False
