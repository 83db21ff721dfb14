"""The exact pass of spotting (passes 1 and 2 of :func:`~compoundmap.geocode.spot.spot`):
Latin n-grams looked up in the index, longest first, with the phonetic test of each n-gram
the look-up missed; names inside runs of Khmer, Thai and CJK text.
"""

from collections.abc import Sequence
from itertools import accumulate

from .._scripts import is_han
from ..normalize import (
    COMMUNE,
    VILLAGE,
    Token,
    token_text,
)
from ..settings import Settings
from ..settings import get as get_settings
from .index import (
    KIND_LEVEL,
    TIER_CURATED,
    TIER_OFFICIAL,
    Entry,
    NameIndex,
    consistent,
    curated_locality,
    inner_stopwords,
    name_edge_words,
)
from .khmer import KHMER_KINDS
from .mentions import (
    Mention,
    hint_at,
    is_khmer,
    make_mention,
    town_at,
)
from .stems import inflection_stems
from .tokens import ABROAD_HAN
from .variants import (
    phonetic_match,
)

__all__ = ["exact_mentions", "latin_mention", "ordinary_word", "span_end"]


def exact_mentions(
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
                end = span_end(flat, pos + 1, cfg.geocode_max_ngram - 1, stops_inside)
                edge = latin_mention(flat, pos, end, index, cfg, exact_only=True)
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
        end = span_end(flat, pos, cfg.geocode_max_ngram, stops_inside)
        latin = latin_mention(flat, pos, end, index, cfg, cased=cased)
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
    end = span_end(flat, pos + 1, cfg.geocode_max_ngram, inner_stopwords())
    after = latin_mention(flat, pos + 1, end, index, cfg, exact_only=True)
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
    if (
        prev is not None
        and not prev.latin
        and prev.text
        and prev.admin is None
        and not (prev.stop and prev.text in KHMER_KINDS)  # a casino word: a break
    ):
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


def span_end(flat: Sequence[Token], pos: int, max_ngram: int, stops_inside: frozenset[str]) -> int:
    """End of the longest Latin span from ``pos``: up to ``max_ngram`` words, over admin
    words and stopwords only where some name holds them ("Chong An Ma")."""
    end, last = pos, min(len(flat), pos + max_ngram)
    while end < last:
        tok = flat[end]
        # (a content word, most of them, is in: one field read)
        if not (
            tok.content
            or (
                tok.latin
                and tok.text
                and ((tok.admin is None and not tok.stop) or tok.text in stops_inside)
            )
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


def latin_mention(
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
    # the keys of the spans from ``pos``: prefix[k] joins the first k words (C-level sums)
    prefix = ["", *accumulate(map(token_text, flat[pos:stop]))]
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
        if entries and key.isdigit() and not _numbered_unit(flat, pos, end):
            entries = ()
        if (
            not entries
            and end - pos <= max_words
            and len(key) >= min_letters
            and not key.isdigit()
            and not (cased and all(ordinary_word(flat, k) for k in range(pos, end)))
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


def _numbered_unit(flat: Sequence[Token], pos: int, end: int) -> bool:
    """Whether the number ``flat[pos:end]`` is read as a numbered commune or village
    ("Sangkat 3", "3 sangkat"): only beside that admin word. A Thai admin word after the
    number is the next name's, as Thai writes it before the name ("ม.3 ต.โนนหมากมุ่น":
    moo 3 of tambon Non Mak Mun, no Sangkat 3).
    """
    nxt = flat[end] if end < len(flat) else None
    if nxt is not None and nxt.admin is not None and "\u0e00" <= nxt.text[:1] <= "\u0e7f":
        return pos > 0 and flat[pos - 1].admin in (COMMUNE, VILLAGE)
    return hint_at(flat, pos, end, False) in (COMMUNE, VILLAGE)


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
    kinds = {e.kind for e in entries if curated_locality(e)}
    if not kinds:
        return False
    codes = {e.code for e in entries}
    for short in range(end - 1, pos, -1):
        hit = names.get(prefix[short - pos], ())
        if any(e.tier == TIER_CURATED and e.kind in kinds and e.code not in codes for e in hit):
            return True
    return False


def ordinary_word(flat: Sequence[Token], k: int) -> bool:
    """Whether the lower-case content word at ``k`` has no capitalised word beside it.

    Parameters
    ----------
    flat : sequence of Token
        The string's tokens.
    k : int
        The word's position.

    Returns
    -------
    bool
        True for an ordinary word of a string that capitalises its names ("terang" of
        "yang terang benderang").
    """
    tok = flat[k]
    if not (tok.lower and tok.content):
        return False
    for j in (k - 1, k + 1):
        if 0 <= j < len(flat) and flat[j].content and not flat[j].lower:
            return False
    return True
