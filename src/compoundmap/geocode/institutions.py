"""A place named through an institution: a foreign embassy in Cambodia is in Phnom Penh.

Rescue and repatriation reports name the place by the embassy that acted: "Embassy of
Indonesia in Cambodia", "l'ambassade de France au Cambodge", "посольство России в
Камбодже", "Đại sứ quán Việt Nam tại Campuchia", "สถานเอกอัครราชทูตไทยประจำกัมพูชา",
"中国驻柬埔寨大使馆", "在カンボジア日本国大使館", "주캄보디아 대한민국 대사관",
"कंबोडिया में भारतीय दूतावास". Every foreign embassy to Cambodia stands in Phnom Penh, so
such a string names Phnom Penh; it is read so at ``medium`` (the string names the
institution, not the city), method ``…+embassy``.

The phrase is a word for an embassy (``stop_words.csv`` role ``embassy``, 40 languages,
Wiktionary translations) and a form of Cambodia's name (:func:`.capital.cambodia_forms`:
the CLDR names of ``country_names.csv`` as stems, one home with the capital rule) that
says *in* Cambodia:

- after the embassy word (and the sending country, at most five words, at most one of
  them an uncapitalised word of more than three letters), a word for "in" (role
  ``embassy_link``: in, au, en, в, di, tại, ณ, ประจำ, ប្រចាំ, في, ב …), then perhaps words
  of role ``embassy_fill`` ("in the Kingdom of Cambodia");
- before it, a word for "stationed in" glued to the name (role ``embassy_link_before``:
  驻, 駐, 在, 주: "中国驻柬埔寨大使馆", "주캄보디아 대사관"), the embassy word after;
- the name with an ending or a word after it that says "in" (roles
  ``embassy_locative_ending``: Kambodžassa, Kamboçya'daki, কম্বোডিয়ায়, கம்போடியாவில்;
  ``embassy_link_after``: 주재, にある, में, स्थित, میں), the embassy word after;
- in Han, kana or Hangul, the name then the sending country then the embassy word
  ("カンボジアの日本大使館", "캄보디아 한국대사관"), never the name right before it
  ("カンボジア大使館", "캄보디아 대사관": Cambodia's own embassy, which may be abroad).

Never Cambodia's own embassies abroad ("Embassy of Cambodia in Bangkok", "Cambodian
embassy in Bangkok", "柬埔寨驻泰国大使馆", "주한 캄보디아 대사관": the name does not
follow "in", or a word for "stationed in" comes between), never a consulate (role
``consulate``: consulates-general stand in Sihanoukville, Battambang and Siem Reap; a
string holding a consulate word is left as it is), never an ambassador (role
``embassy_not``). Read only when the string placed no province, so a Cambodian place
written in the string wins. Gated on one search for an embassy word.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import cache, partial
from typing import TYPE_CHECKING

from .._scripts import block_ranges
from ..settings import depends_on_settings
from .capital import (
    CAPITAL,
    GLUED_BLOCKS,
    KH_ENDING,
    alternation,
    cambodia_forms,
    gate_pieces,
    role_words,
)

if TYPE_CHECKING:
    from .result import GeocodeResult, Reader

__all__ = ["embassy_span", "read_institution"]

#: Scripts written without spaces between words (and Hangul, whose words glue a country's
#: name to the embassy word: 한국대사관): their words are matched as written.
_GLUED = re.compile("[" + block_ranges(*GLUED_BLOCKS, "hangul_syllables") + "]")
#: The capital rule's alternation of words, with these glued scripts.
_alt = partial(alternation, glued=_GLUED)
#: How far an embassy word may run on ("посольств" + "а", "büyükelçili" + "ği"); a form of
#: Cambodia runs on as in the capital rule (``capital.KH_ENDING``: "kambodsch" + "anischen").
_EMB_ENDING = 5
#: The sending country between an embassy word and "in": at most this many words, of
#: them at most one uncapitalised word longer than three letters ("l'ambassade française
#: au Cambodge"; not "embassy rescues citizens trafficked in Cambodia"); in a glued
#: script at most this many characters.
_GAP_WORDS, _GAP_GLUED = 5, 16
#: Words between the name and the embassy word in Han, kana, Hangul (the sending country).
_GAP_CJK = 10
#: In a gap after the name, a word for "stationed in" or "kingdom" says the embassy is
#: Cambodia's own ("柬埔寨驻泰国大使馆", "캄보디아 주한 대사관", "カンボジア王国大使館").
_OWN = re.compile("[驻駐在]|주(?!재)|王国|王國|왕국")
_WORD = re.compile(r"[^\W\d_]+")


class _Rule:
    """The compiled parts of the rule (built once from the word lists)."""

    def __init__(self) -> None:
        embassy = role_words("embassy")
        # the gate: pieces one of which every embassy word holds ("mba", "edu", 使馆 …);
        # an ASCII string tests the few ASCII ones, another string searches for all at once
        self.ascii_pieces = gate_pieces({w for w in embassy if w.isascii()})
        self.pieces = re.compile("|".join(map(re.escape, gate_pieces(embassy))))
        self.embassy = re.compile(_alt(embassy, _EMB_ENDING))
        self.not_embassy = tuple(role_words("embassy_not"))
        self.consulate = tuple(role_words("consulate"))
        forms = set(cambodia_forms())
        self.form = re.compile(_alt(forms, KH_ENDING, boundary=False))
        links = role_words("embassy_link")
        self.links = links
        # a word for "in" may glue to the name in a glued script and in Hebrew (בקמבודיה)
        glued = {w for w in links if _GLUED.search(w) or "\u05d0" <= w[0] <= "\u05ea"}
        spaced = links - glued
        fills = _alt(role_words("embassy_fill"), 0)
        self.link_before_form = re.compile(
            f"(?:(?<![^\\W\\d_])(?:{'|'.join(map(re.escape, spaced))})\\s+"
            f"|(?:{'|'.join(map(re.escape, glued))})\\s*)"
            f"(?:(?:{fills})\\s*){{0,3}}$"
        )
        before = role_words("embassy_link_before")
        self.stationed = re.compile(
            f"(?<![^\\W\\d_])(?:{'|'.join(map(re.escape, before - {'在', '驻', '駐'}))})\\s?$"
            f"|(?:{'|'.join(map(re.escape, before & {'在', '驻', '駐'}))})$"
        )
        self.after = re.compile(f"\\s*(?:{_alt(role_words('embassy_link_after'), 0)})")
        self.endings = tuple(role_words("embassy_locative_ending"))


@depends_on_settings
@cache
def _rule() -> _Rule:
    return _Rule()


def embassy_span(text: str) -> tuple[int, int] | None:
    """Where ``text`` names a foreign embassy in Cambodia (an embassy word and a form of
    Cambodia's name that says "in Cambodia"); ``None`` when it names none.

    Parameters
    ----------
    text : str
        The place string.

    Returns
    -------
    tuple of int or None
        The start and end of the phrase.

    Examples
    --------
    >>> embassy_span("Embassy of Indonesia in Cambodia")
    (0, 32)
    >>> embassy_span("Embassy of Cambodia in Bangkok") is None
    True
    """
    rule = _rule()
    lower = text.lower()
    if lower.isascii():
        for piece in rule.ascii_pieces:
            if piece in lower:
                break
        else:
            return None  # no embassy word: nearly every string
    else:
        lower = unicodedata.normalize("NFC", lower)
        if rule.pieces.search(lower) is None:
            return None
    if any(w in lower for w in rule.consulate):
        return None
    if len(lower) != len(text):
        text = lower  # (a letter whose lower case is longer: read case from the lower text)
    embassies = [
        m for m in rule.embassy.finditer(lower) if not m.group().startswith(rule.not_embassy)
    ]
    if not embassies:
        return None
    for form in rule.form.finditer(lower):
        span = _in_cambodia(rule, text, lower, form, embassies)
        if span is not None:
            return span
    return None


def _in_cambodia(
    rule: _Rule, text: str, lower: str, form: re.Match[str], embassies: list[re.Match[str]]
) -> tuple[int, int] | None:
    """The phrase's span when the form of Cambodia at ``form`` says where an embassy of
    ``embassies`` stands (see the module docstring), else ``None``."""
    head = lower[: form.start()]
    link = rule.link_before_form.search(head)
    if link is not None:  # "Embassy of Indonesia in Cambodia"
        for emb in reversed(embassies):
            if emb.end() <= link.start() and _sender(rule, text, emb.end(), link.start()):
                return emb.start(), form.end()
        return None
    if _ends(rule, lower, form) and (embassies[0].end() <= form.start()):
        # "Suomen suurlähetystö Kambodžassa"; "भारतीय दूतावास, कंबोडिया" (the name last)
        for emb in reversed(embassies):
            if emb.end() <= form.start() and _sender(rule, text, emb.end(), form.start()):
                return emb.start(), form.end()
    after = [e for e in embassies if e.start() >= form.end()]
    if not after:
        return None
    emb = after[0]
    gap = lower[form.end() : emb.start()]
    if rule.stationed.search(head) is not None:  # "中国驻柬埔寨大使馆", "주캄보디아 대사관"
        if len(gap.strip()) <= _GAP_CJK and _OWN.search(gap) is None:
            if not (head.endswith("在") and not gap.strip() and not _kana(form.group())):
                return form.start(), emb.end()
        return None
    word_end = lower.find(" ", form.end())
    word_end = len(lower) if word_end < 0 else word_end
    post = rule.after.match(lower, word_end)
    # "कंबोडिया में भारतीय दूतावास", "Kamboçya'daki Türk Büyükelçiliği"
    if lower[form.start() : word_end].rstrip(".,;:").endswith(rule.endings) or post:
        rest = lower[post.end() if post else word_end : emb.start()]
        if len(_WORD.findall(rest)) <= _GAP_WORDS and _OWN.search(rest) is None:
            return form.start(), emb.end()
        return None
    if _GLUED.search(form.group()) and gap.strip() and len(gap.strip()) <= _GAP_CJK:
        if _OWN.search(gap) is None and _GLUED.search(emb.group()):  # "カンボジアの日本大使館"
            return form.start(), emb.end()
    return None


def _ends(rule: _Rule, lower: str, form: re.Match[str]) -> bool:
    """Whether the form of Cambodia at ``form`` says "in Cambodia" with an ending
    ("Kambodžassa") or ends the string after a comma ("Indian Embassy, Cambodia")."""
    word = lower[form.start() :].split(None, 1)[0].rstrip(".,;:")
    if word.endswith(rule.endings):
        return True
    return not lower[form.end() :].strip(" .") and lower[: form.start()].rstrip().endswith(",")


def _kana(form: str) -> bool:
    """Whether a form of Cambodia is written in kana (Japanese: 在カンボジア大使館 is the
    embassy in Cambodia; Chinese 在柬埔寨大使馆 is "at the Cambodian embassy")."""
    return any("\u3040" <= c <= "\u30ff" for c in form)


def _sender(rule: _Rule, text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (between an embassy word and "in") may be the sending
    country: few words, at most one of them an uncapitalised word longer than three
    letters, no word for "in" and no form of Cambodia ("Embassy of Cambodia in …")."""
    gap = text[start:end]
    if rule.form.search(gap.lower()) is not None:
        return False
    words = _WORD.findall(gap)
    if _GLUED.search(gap):
        return len(gap.strip()) <= _GAP_GLUED
    if len(words) > _GAP_WORDS or any(w.lower() in rule.links for w in words):
        return False
    return sum(w.islower() and len(w) > 3 for w in words) <= 1


def read_institution(text: str, read: Reader) -> list[GeocodeResult]:
    """Phnom Penh when ``text`` names a foreign embassy in Cambodia, at ``medium`` at most,
    method marked ``+embassy``; empty otherwise.

    Parameters
    ----------
    text : str
        The place string (it placed no province as written).
    read : callable
        Reads a string or its tokens into results.

    Returns
    -------
    list of GeocodeResult
        The results, or an empty list.
    """
    if embassy_span(text) is None:
        return []
    return [
        replace(
            r,
            method=f"{r.method}+embassy",
            confidence="medium" if r.confidence == "high" else r.confidence,
        )
        for r in read(CAPITAL)
        if r.province_code
    ]
