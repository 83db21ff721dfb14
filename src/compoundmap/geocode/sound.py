"""Names written in katakana, hangul, Thai, Devanagari or Cyrillic that the index does not
hold, read by sound.

A district or commune is rarely among the curated names in other scripts (``aliases.csv``
holds provinces and towns), but sources write them next to their admin word:
"バッタンバン州カムリエン郡" (Kamrieng district), "อำเภอโอโจรว" (Ou Chrov district), "킨스와이군"
(Kien Svay district), "स्वे रींग प्रांत" (Svay Rieng province), "в провинции
Бантеймеантьей" (a capitalised Russian name right after its admin word). This pass, run last by
:func:`~compoundmap.geocode.spot.spot`, reads such a run by its consonants
(:func:`~compoundmap.normalize.script_sound_keys`) and keeps it only when exactly one unit
of the level its admin word says has that sound key, inside the province or district the
string names (a province, or a district named with nothing around it, may be found alone
when its key is long; a Devanagari one needs a class more unless Cambodia is named, as
Hindi names places abroad with the same words, a Cyrillic one always). A hangul name of four
syllables or more written with no admin word at all is read only as a province, alone, with
two sound classes more ("캄퐁 츠낭" = 캄퐁치낭, "반띠민제이" = 반테이민체이: Korean
spellings differ by a vowel), as written or without a particle glued after it
("반띠민제이에서"); one written between its province and a word for an area ("프놈펜
투올코욱 지역") is read as a district of that province.
Villages are not read (one places nothing finer than its commune, and many sound alike),
nor a unit the caller already states as context. What it finds is a ``phonetic`` mention,
scored low: never the top band.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .._scripts import is_hangul as is_hangul_text
from ..normalize import (
    ADMIN_WORDS,
    Token,
    admin_words,
    latin_sound_keys,
    place_key,
    script_sound_keys,
    tokenize,
    word_list,
)
from ..schema import LEVEL_OF_NAME
from ..settings import depends_on_settings
from .index import TIER_OFFICIAL, TIER_VILLAGE, Entry, build_index, long_lived, name_index
from .mentions import Mention, make_mention, mention_start
from .sound_runs import (
    CYRILLIC_WORD,
    DEVANAGARI_WORD,
    THAI,
    cyrillic_runs,
    devanagari_runs,
    flat_spans,
    korean_run,
    script_runs,
)
from .tokens import is_hangul

__all__ = ["prepare", "sound_mentions"]

_PROVINCE, _DISTRICT, _COMMUNE, _VILLAGE = 1, 2, 3, 4
#: The "level" of a Korean name written with no admin word: read only as a province,
#: alone, with :data:`_BARE_EXTRA` sound classes more ("캄퐁 츠낭", "반띠민제이").
_BARE = 0
_BARE_EXTRA = 2
#: Fewest sound classes a key needs: inside a named province or district, and alone.
_MIN_SCOPED = {_PROVINCE: 4, _DISTRICT: 2, _COMMUNE: 3}
_MIN_ALONE = {_PROVINCE: 4, _DISTRICT: 5}
#: Commune words only Cambodian addresses use in Japanese (``admin_words.csv``: katakana,
#: commune level: コミューン, サンカット). A district with its admin word in a string that also
#: holds one (カムリエン郡ボングリエンコミューン…村) is a Cambodian address, not a Thai amphoe
#: (also 郡): it is read alone with one sound class less (:data:`_ADDRESS_LESS`).
_KANA_COMMUNE_WORDS = tuple(
    w.word for w in admin_words() if w.script == "Kana" and w.level == _COMMUNE
)
_ADDRESS_LESS = 1
#: The Japanese word for a ward (区): a commune word (admin_words.csv) that Japanese also
#: writes after a khan of Phnom Penh, a district (ドンペン区, センソック区).
_WARD_WORDS = frozenset({"区", "區"})
#: Fewest syllables of a Korean name read with no admin word.
_BARE_SYLLABLES = 4
#: A short Korean name (two or three syllables) that is an item of a list of provinces
#: ("바탐방, 반띠민제이, 파이린"): read as a province, alone, with one sound class less than
#: a province read alone needs.
_LISTED = -1
_LISTED_SYLLABLES = (2, 3)
#: Particles glued after a Korean name as the tokeniser folds them (까지 → 가지), longest
#: first (stop_words.csv, role korean_particle).
_PARTICLES = tuple(
    sorted({tokenize(w)[0].text for w in word_list("korean_particle")}, key=len, reverse=True)
)
#: Words for an area Korean writes after a district named with no district word ("프놈펜
#: 투올코욱 지역", "스뚱뜨렝주 시엠부크 지역"), also with a particle glued (지역의, 지역에서).
_AREA_WORDS = ("지역", "지구")
#: Sound classes more than a district read inside its province needs (:data:`_MIN_SCOPED`),
#: for a Korean name between its province and an area word.
_AREA_EXTRA = 1
_SCORE = 75.0

_READ = re.compile(
    "[\u30a1-\u30ff\u0e01-\u0e4e\uac00-\ud7a3\u0900-\u0963\u0966-\u097f\u0410-\u044f]"
)
_KANA_RUN = re.compile("[\u30a1-\u30ff]+")
_CYRILLIC_TEXT = re.compile("[\u0410-\u044f]")
#: An r after a vowel at the end of a word followed by another word ("Chbar Ampov").
_WORD_FINAL_R = re.compile(r"(?<=[aeiouAEIOU])r(?=\s+\w)")


@depends_on_settings
@cache
def _sound_index() -> dict[tuple[int, str], tuple[Entry, ...]]:
    """(level, sound key) → the provinces, districts and communes of that level whose Latin
    names have that key."""
    out: dict[tuple[int, str], dict[str, Entry]] = {}
    for key, entries in name_index().items():
        if not key.isascii():
            continue
        # a town alias ("Kampong Speu town") reads so only beside its town word
        units = [
            e
            for e in entries
            if e.kind in LEVEL_OF_NAME and e.kind != "country" and not e.town_alias
        ]
        if not units:
            continue
        for e in units:
            if e.tier >= TIER_VILLAGE or e.kind == "village":
                continue  # villages are not read by sound
            sounds = latin_sound_keys(key)
            if key == place_key(e.name) and _WORD_FINAL_R.search(e.name):
                # an r ending a word before another is silent too (Chbar Ampov =
                # チュバーアンポウ); the compact key no longer shows where the word ended
                bare = place_key(_WORD_FINAL_R.sub("", e.name))
                sounds += tuple(x for x in latin_sound_keys(bare) if x not in sounds)
            for sound in sounds:
                out.setdefault((LEVEL_OF_NAME[e.kind], sound), {}).setdefault(
                    f"{e.kind}:{e.code}", e
                )
    return long_lived({k: tuple(v.values()) for k, v in out.items()})


@depends_on_settings
@cache
def _hangul_province_keys() -> frozenset[tuple[str, int, str]]:
    """(province code, syllables, sound key) of every hangul name of a province in the
    index: a short list item is read only when it sounds like one of the same length."""
    out: set[tuple[str, int, str]] = set()
    for name, entries in build_index().names.items():
        if not is_hangul_text(name):
            continue
        for e in entries:
            if e.kind == "province" and e.code:
                out.update((e.code, len(name), key) for key in script_sound_keys(name))
    return frozenset(out)


def prepare() -> None:
    """Build the sound-key tables now (else on first use, while a string waits)."""
    _sound_index()
    _hangul_province_keys()


def _bare_korean(raw: str) -> bool:
    """Whether ``raw`` may be a Korean name written with no admin word: hangul only, at
    least :data:`_BARE_SYLLABLES` syllables, no admin word inside."""
    return (
        len(raw) >= _BARE_SYLLABLES
        and all("\uac00" <= ch <= "\ud7a3" for ch in raw)
        and korean_run(raw) is None
    )


def _province_before(mentions: Sequence[Mention], start: int) -> str | None:
    """The province of the mention ending right before flat token ``start`` (a break may
    stand between), when its readings share one and one of them is a province."""
    before = [m for m in mentions if start - 2 <= m.end <= start and not m.reference]
    if not before:
        return None
    m = max(before, key=lambda m: m.end)
    provinces = {e.province_code for e in m.entries if not e.town_alias}
    if len(provinces) != 1 or not any(e.kind == "province" for e in m.entries):
        return None
    return next(iter(provinces))


def _listed_korean(toks: Sequence[Token], k: int) -> bool:
    """Whether token ``k`` may be a short Korean name in a list: hangul only, of
    :data:`_LISTED_SYLLABLES` syllables, no admin word inside, a break (comma, bracket) or
    the end on each side, and a hangul word across one of them."""
    raw = toks[k].text
    if not (
        _LISTED_SYLLABLES[0] <= len(raw) <= _LISTED_SYLLABLES[1]
        and all("\uac00" <= ch <= "\ud7a3" for ch in raw)
        and korean_run(raw) is None
    ):
        return False

    def brk(j: int) -> bool:
        return j < 0 or j >= len(toks) or (not toks[j].text and toks[j].stop)

    def item(j: int) -> bool:
        return 0 <= j < len(toks) and is_hangul(toks[j])

    return brk(k - 1) and brk(k + 1) and (item(k - 2) or item(k + 2))


def _next_to_province(
    mentions: Sequence[Mention],
    spans: Sequence[tuple[int, int]],
    toks: Sequence[Token],
    start: int,
    end: int,
) -> bool:
    """Whether the list item at flat tokens ``[start, end)`` has a province next to it: a
    mention one reading of which is a province, in the hangul word one break before or
    after it."""
    k = next((j for j, sp in enumerate(spans) if sp == (start, end)), None)
    if k is None:
        return False
    near = {spans[j] for j in (k - 2, k + 2) if 0 <= j < len(toks) and is_hangul(toks[j])}
    return any(
        (m.start, m.end) in near or any(a <= m.start and m.end <= b for a, b in near)
        for m in mentions
        if not m.reference and any(e.kind == "province" for e in m.entries)
    )


def _scope(mentions: list[Mention], context: frozenset[str]) -> set[str]:
    """Codes the string places itself in for sure: the province all readings of a name
    share (those of the level its admin word says, when it has one), and the district when
    they share one too; and the context's codes."""
    scope = set(context)
    for m in mentions:
        if m.reference:
            continue
        readings = [e for e in m.entries if not e.town_alias and not e.confirm]
        if m.hint is not None:
            readings = [e for e in readings if LEVEL_OF_NAME.get(e.kind) == m.hint] or readings
        provinces = {e.province_code for e in readings}
        if len(provinces) == 1 and None not in provinces:
            scope.update(provinces)  # type: ignore[arg-type]
            districts = {e.district_code for e in readings}
            if len(districts) == 1 and None not in districts:
                scope.update(districts)  # type: ignore[arg-type]
    return scope


def _area_district(run: str, province: str) -> tuple[Entry, ...]:
    """The district of ``province`` whose name sounds like ``run``, a Korean name written
    between that province and an area word (:data:`_AREA_WORDS`): ``()`` unless exactly one
    district fits with :data:`_AREA_EXTRA` sound class more than :data:`_MIN_SCOPED` needs,
    by its official name (not by a nickname: "Snooky" sounds like 수상가옥; communes are
    not read: many in a province sound alike)."""
    index = _sound_index()
    need = _MIN_SCOPED[_DISTRICT] + _AREA_EXTRA
    units = {
        e.code or "": e
        for key in script_sound_keys(run)
        if len(key) >= need
        for e in index.get((_DISTRICT, key), ())
        if e.tier == TIER_OFFICIAL and (e.code or "").startswith(province)
    }
    return tuple(units.values()) if len(units) == 1 else ()


def _in_scope(e: Entry, scope: set[str]) -> bool:
    return any((e.code or "").startswith(c) for c in scope)


def _read(run: str, level: int, scope: set[str], alone_extra: int = 0) -> tuple[Entry, ...]:
    """The unit of ``level`` whose name sounds like ``run``, inside ``scope`` (codes) when
    given: ``()`` unless exactly one unit fits. ``alone_extra`` more sound classes are needed
    to read a name alone."""
    index = _sound_index()
    keys = script_sound_keys(run)
    levels = [level]
    if level == _DISTRICT and scope:
        levels.append(_COMMUNE)  # sources often call a commune (sangkat) a district
    for lv in levels:
        need = _MIN_SCOPED[lv] if scope else _MIN_ALONE.get(lv)
        if need is None:
            return ()
        if not scope:
            need += alone_extra
        units: dict[str, Entry] = {}
        for key in keys:
            if len(key) < need:
                continue
            for e in index.get((lv, key), ()):
                if not scope or _in_scope(e, scope):
                    units.setdefault(e.code or "", e)
        if len(units) == 1:
            return tuple(units.values())
        if units:
            return ()  # two units sound alike: no reading
    return ()


def sound_mentions(
    text: str | tuple[Token, ...],
    flat: Sequence[Token],
    mentions: list[Mention],
    context: frozenset[str] = frozenset(),
) -> list[Mention]:
    """The mentions, with the katakana, hangul and Thai names next to an admin word that the
    earlier passes left unread, read by sound (see the module docstring).

    Parameters
    ----------
    text : str or tuple of Token
        The string, or its tokens.
    flat : sequence of Token
        Its tokens as spotting reads them (script runs split).
    mentions : list of Mention
        What the earlier passes found.
    context : frozenset of str
        Province/district codes the caller states.

    Returns
    -------
    list of Mention
        The mentions and the new ones, by start.
    """
    if isinstance(text, str) and (text.isascii() or not _READ.search(text)):
        return mentions
    toks = tokenize(text) if isinstance(text, str) else text
    spans = flat_spans(toks)
    if spans is None or (spans and spans[-1][1] != len(flat)):
        return mentions
    runs: list[tuple[str, int, int, int]] = []
    area: set[int] = set()  # starts of bare Korean names an area word follows
    for k, tok in enumerate(toks):
        a, b = spans[k]
        if tok.latin or a == b or not _READ.search(tok.text):
            continue
        found = script_runs(tok.text, flat, a, b)
        if not found and all(t.stop for t in flat[a:b]):
            # the admin word in a token of its own: after a Korean name ("번티스레이
            # 디스트릭트"), before a Thai one (an abbreviation written out: "อ.สำโรง")
            hangul = "\uac00" <= tok.text[:1] <= "\ud7a3"
            nxt = toks[k + 1].text if k + 1 < len(toks) else ""
            prev = toks[k - 1].text if k else ""
            if hangul and nxt in ADMIN_WORDS:
                found = [(tok.text, ADMIN_WORDS[nxt], a, b)]
            elif THAI.match(tok.text) and prev in ADMIN_WORDS and THAI.match(prev):
                found = [(tok.text, ADMIN_WORDS[prev], a, b)]
            elif hangul and _bare_korean(tok.text):
                # no admin word at all: a province spelt another way (캄퐁 츠낭 = 캄퐁치낭)
                found = [(tok.text, _BARE, a, b)]
                if nxt.startswith(_AREA_WORDS):
                    area.add(a)
            elif hangul and _listed_korean(toks, k):
                # a short item of a list ("바탐방, 반띠민제이, 파이린"): read last, when an
                # item next to it is a province
                found = [(tok.text, _LISTED, a, b)]
        runs.extend(found)
    if isinstance(text, str):
        runs.extend(devanagari_runs(text, toks, spans))
        if _CYRILLIC_TEXT.search(text):
            runs.extend(cyrillic_runs(toks, spans))
    if not runs:
        return mentions
    taken = {k for m in mentions for k in range(m.start, m.end)}
    scope = _scope(mentions, context)
    # Hindi writes places abroad with the same admin words (शानक्सी प्रांत, सहारनपुर शहर): a
    # Devanagari name is read alone with one sound class more unless Cambodia is named
    cambodia = any(e.kind == "country" for m in mentions for e in m.entries)
    address = isinstance(text, str) and any(w in text for w in _KANA_COMMUNE_WORDS)
    out = list(mentions)
    for run, level, start, end in sorted(runs, key=lambda r: (r[1] == _LISTED, r[1])):
        if taken & set(range(start, end)):
            continue
        if level == _LISTED:
            entries = _read(run, _PROVINCE, set(), -1)
            like = _hangul_province_keys()
            if (
                entries
                and any(
                    (e.code, len(run), key) in like
                    for e in entries
                    for key in script_sound_keys(run)
                )
                and _next_to_province(out, spans, toks, start, end)
            ):
                out.append(make_mention(flat, start, end, entries, "phonetic", _SCORE))
                taken.update(range(start, end))
            continue
        if level < _BARE or level > _VILLAGE:
            continue
        if level == _BARE:
            entries = _read(run, _PROVINCE, set(), _BARE_EXTRA)
            stem = next((run[: -len(p)] for p in _PARTICLES if run.endswith(p)), "")
            if not entries and len(stem) >= _BARE_SYLLABLES:
                entries = _read(stem, _PROVINCE, set(), _BARE_EXTRA)  # "반띠민제이에서"
            if not entries and start in area:
                own = _province_before(out, start)  # "프놈펜 투올코욱 지역": a district
                entries = _area_district(run, own) if own else ()
            if entries and not all(e.code in context for e in entries):
                out.append(make_mention(flat, start, end, entries, "phonetic", _SCORE))
                taken.update(range(start, end))
            continue
        if level == _VILLAGE or (level == _COMMUNE and not scope):
            # a village read by sound places nothing finer than its commune, and is too
            # easily another village of the same sound: villages are not read
            continue
        inner = {c for c in scope if len(c) >= 4} if level == _COMMUNE else set()
        # a Russian name needs the class more even then (Пампанга sounds like Phnom Penh)
        extra = (
            1 if CYRILLIC_WORD.match(run) or (DEVANAGARI_WORD.match(run) and not cambodia) else 0
        )
        if address and level == _DISTRICT and not scope and _KANA_RUN.fullmatch(run):
            extra = -_ADDRESS_LESS  # カムリエン郡 in a Cambodian address with no province
        entries = ()
        own = _province_before(out, start) if level == _DISTRICT else None
        if own and own in scope and len(scope - context) > 1:
            # a district right after its province ("프놈펜 인근 캄폿주 뚝추군"): read in that
            # province first, another named province may hold a unit of the same sound
            entries = _read(run, level, {own}, extra)
        entries = entries or _read(run, level, inner or scope, extra)
        if not entries and level == _PROVINCE and scope:
            # a province is inside no other: the second of a list of provinces is read
            # alone ("バッタンバン州、シエムレアプ州")
            entries = _read(run, level, set(), extra)
        if (
            not entries
            and level == _COMMUNE
            and not inner
            and _KANA_RUN.fullmatch(run)
            and end < len(flat)
            and flat[end].text in _WARD_WORDS
        ):
            # Japanese writes 区 for a khan of Phnom Penh, a district ("プノンペン都
            # チュバーアンポウ区"): no commune of the province named sounds so, read a district
            entries = _read(run, _DISTRICT, scope, extra)
        if not entries or all(e.code in context for e in entries):
            continue  # nothing read, or only the unit the caller states already
        out.append(make_mention(flat, start, end, entries, "phonetic", _SCORE))
        taken.update(range(start, end))
        scope.update(e.code or "" for e in entries if e.depth <= 2)
        scope.discard("")
    return sorted(out, key=mention_start)
