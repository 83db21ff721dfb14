"""The word lists the normaliser reads (``data/raw/gazetteer/``: admin words, stop words,
romanisation variants, names of Cambodia), each row checked for its columns. Private: the
public names are re-exported by :mod:`compoundmap.normalize`, which every other module reads
them through.
"""

from __future__ import annotations

import csv
from functools import cache
from typing import NamedTuple

from ._data import raw_path
from .errors import DataFileError
from .schema import LEVEL_OF_NAME

__all__ = [
    "AdminWord",
    "admin_words",
    "country_names",
    "kind_after_words",
    "romanisation_variants",
    "word_list",
]


# --- word lists (data/raw/gazetteer/*.csv, provenance in data/raw/PROVENANCE.md) ----------


class AdminWord(NamedTuple):
    """One row of ``data/raw/gazetteer/admin_words.csv``.

    ``level`` is the level of unit the word says a name is (1 province … 4 village);
    ``position`` where it stands in its language (``before``, ``after`` or ``either`` the
    name); ``kind`` ``admin`` or ``town`` (a word that says the name is a town: city, krong,
    市); ``used_by`` the modules that read the row (``normalize``: an admin word of the
    tokeniser; ``geocode``: a town word; ``geoparse``: a prefix or suffix that makes a short
    name in Khmer, Thai or CJK text a place); ``folds_to`` the one token a two-word phrase
    becomes ("thanh pho" → "city").
    """

    word: str
    level: int
    language: str
    script: str
    position: str
    kind: str
    used_by: frozenset[str]
    folds_to: str
    source: str


def _read_word_list(name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a bundled word list, checked for its columns."""
    path = raw_path("gazetteer", name)
    try:
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
            header = list(rows[0]) if rows else []
    except (UnicodeDecodeError, csv.Error) as exc:
        raise DataFileError(f"{path}: cannot read bundled word list: {exc}") from exc
    missing = [c for c in columns if c not in header]
    if missing:
        raise DataFileError(f"{path}: missing columns {missing}; columns found: {header}")
    for i, row in enumerate(rows, start=2):
        if not all(row[c] for c in columns if c != "folds_to"):
            raise DataFileError(f"{path}:{i}: every row needs {', '.join(columns)}")
    return rows


@cache
def admin_words() -> tuple[AdminWord, ...]:
    """Admin words of every language the sources use, in file order
    (``data/raw/gazetteer/admin_words.csv``).

    Examples
    --------
    >>> [w.level for w in admin_words() if w.word == "sangkat"]
    [3]
    """
    rows = _read_word_list(
        "admin_words.csv",
        ("word", "level", "language", "script", "position", "kind", "used_by", "folds_to",
         "source"),
    )  # fmt: skip
    return tuple(
        AdminWord(
            r["word"],
            LEVEL_OF_NAME[r["level"]],
            r["language"],
            r["script"],
            r["position"],
            r["kind"],
            frozenset(r["used_by"].split()),
            r["folds_to"],
            r["source"],
        )
        for r in rows
    )


@cache
def word_list(role: str) -> tuple[str, ...]:
    """Words of one role in ``data/raw/gazetteer/stop_words.csv``, in file order: ``stop``
    (never start or make a name), ``reference_before`` and ``reference_distance`` (make the
    next name a reference point: "from Poipet", "50 km north of Poipet"),
    ``reference_before_idiom`` (a word that makes "from" after it an idiom, no distance:
    "across from"),
    ``reference_descriptor`` (words that may stand between "from" and the reference point:
    "from the border town of Poipet"), ``reference_of`` (the words for "of" after a
    distance or direction: "50 km north of", "à 30 km de", "südlich von"),
    ``company_suffix`` (after a name, make it part of a company's name, not a location:
    "Jin Bei Group Co Ltd"), ``organisation``
    (make a capitalised run an organisation's name), ``common`` (ordinary words that are
    also one-word names: a place in text only with an admin word next to them),
    ``kind_khmer`` (Khmer words for a casino: glued before a string's only name of
    communes or villages in several provinces, the reading loses the top band),
    ``placement`` (Latin words that place one name inside another: "Anlong Veng in northern
    Siem Reap"), ``placement_suffix`` (the same after a Chinese/Japanese name: "の北部"),
    ``foreign_admin`` (admin words used only for places abroad: "tambon", "subdistrict"),
    ``admin_of`` (words that may stand between an admin word and its name: "province of",
    "provincia de", "distretto di") and ``conjunction_lower`` ("or", "ou", "o": written in
    lower case in a string that capitalises its names, the conjunction, never the Khmer
    prefix Or/Ou of a name), ``article_lower`` ("un", "une", "una": in lower case in
    such a string, the indefinite article, never the village Un), ``reference_of``,
    ``reference_after_script``, ``reference_direction_script``, ``reference_before_script``,
    ``reference_unit_script`` and ``reference_from_script`` (the words that make a name a
    reference point in other languages and scripts: "à 30 km de", "에서 … km", "프놈펜 동북쪽
    약 470km", "에서 1시간 거리", Khmer "… គីឡូម៉ែត្រ ពី"), ``korean_particle`` (particles
    glued after a Korean name: "반띠민제이에서"), ``town_descriptor`` ("border" of "Koh Kong
    border town"), ``apposition_article`` (an article after a comma before a town word that
    names the town before the comma: "Kampong Chhnang, the provincial capital"),
    ``ethnic_before`` (a lower-case "ethnic": the capitalised word after it names a people,
    "the ethnic Cham"), ``coordinator`` ("and", "to": join two names as two places, "Bavet and
    Chrey Thom"), ``case_ending_russian`` (the case endings a Russian place name is
    declined with, longest first: "ом", "е" of "в Сиануквиле"), ``area_after_han`` (地区:
    after a name in Chinese characters the area around it, no admin level: 马德望地区),
    ``reference_near`` and ``reference_near_of`` (a word for "near" and the words between
    it and the name: "près de", "malapit sa"; the name is a reference point when the string
    names another place), ``reference_direction`` (a direction written right before the
    name with no "of": Indonesian/Malay "selatan Phnom Penh"), ``ordinary_lower``
    (ordinary lower-case words of other languages, as ``article_lower``: "orang"),
    ``abroad_han`` (Chinese names of provinces and prefecture-level cities of China: a name
    of ours after one of them and its admin word is that place's, 昆明市西山区),
    ``ordinary_han`` (ordinary Chinese words that are also a curated province name without
    its 省: 国安, national security, is not 國安省 standing alone),
    ``outskirts_before``, ``outskirts_after``, ``outskirts_after_script`` and
    ``outskirts_of`` (a town named as the edge of where something is places its province
    only: "on the outskirts of Sihanoukville", "シアヌークビル郊外"; the articles that may
    stand between), and ``landmark_kind_alone`` (island, hotel, casino …: written with a
    curated landmark's name that needs its place named, the name alone gives its province
    at ``medium`` at most) and ``kind_before_kana`` (katakana words for a casino, hotel or
    resort: glued before a known name, "カジノポイペト", a word of their own),
    ``kind_after_<kind>`` (a word written after a site's name that names its kind, in every
    script: 园区, 파크, カジノ, โรงแรม …; see :func:`kind_after_words`), ``street_before``,
    ``street_after``, ``street_before_script`` and ``street_after_script`` (road words: a
    name right after or before one names a street, not the place: "Jalan Kampot",
    "Kampot Road", "ถนนกำปงสปือ", "西港路"), ``capital_of_cambodia`` (phrases for Phnom
    Penh: "Cambodia's capital"), ``national_capital`` (a word for a country's capital in
    any language: capital, Hauptstadt, столица, 首都 …), ``capital_link`` (words between it
    and Cambodia's name: "of", "の", "ของ"), ``cambodia_form`` (forms of Cambodia's name no
    name of ``country_names.csv`` starts: 柬, الكمبودي), ``capital_qualifier`` (a word
    before the phrase that makes it another capital: "former", "gambling", "venture"),
    ``capital_money_after`` (a word after "capital" that makes it money: "markets"), and
    the embassy rule's roles (``geocode/institutions.py``): ``embassy`` (a word for an
    embassy: embassy, Botschaft, 大使馆, 대사관 …), ``embassy_not`` (an ambassador:
    "ambassador", "embajador"), ``consulate`` (a consulate word: the rule never reads the
    string), ``embassy_link`` ("in" before Cambodia's name: in, au, в, tại, ประจำ),
    ``embassy_link_before`` (glued before it: 驻, 在, 주), ``embassy_link_after`` (after it:
    주재, में), ``embassy_locative_ending`` (an ending of the name that says "in": -ssa, 'da)
    and ``embassy_fill`` (words between "in" and the name: "the Kingdom of").

    Examples
    --------
    >>> "from" in word_list("reference_before")
    True
    """
    return _stop_words().get(role, ())


@cache
def _stop_words() -> dict[str, tuple[str, ...]]:
    """The words of ``stop_words.csv`` by role, in file order: the file is read once, not
    once per role (some fifty roles are asked for)."""
    by_role: dict[str, list[str]] = {}
    for r in _read_word_list("stop_words.csv", ("word", "role", "source")):
        by_role.setdefault(r["role"], []).append(r["word"])
    return {role: tuple(words) for role, words in by_role.items()}


@cache
def kind_after_words() -> dict[str, str]:
    """Words of the roles ``kind_after_<kind>`` of ``stop_words.csv`` → the English kind word
    they mean (``_`` of ``<kind>`` read as a space: ``special_economic_zone``).

    A word of another script (园区, 파크, カジノ, โรงแรม …) written right after a Latin name,
    glued or spaced, is read as the English word ("A7园区" → "A7 compound"; ``_cleantext``);
    a curated name that keeps a Latin one of them in its key is also keyed with the English
    word ("A7 Park" → "A7 compound"; ``geocode.builder``). One home for the kind words after
    a name in every language.

    Examples
    --------
    >>> kind_after_words()["園區"], kind_after_words()["park"], kind_after_words()["카지노"]
    ('compound', 'compound', 'casino')
    """
    prefix = "kind_after_"
    return {
        word: role[len(prefix) :].replace("_", " ")
        for role, words in _stop_words().items()
        if role.startswith(prefix)
        for word in words
    }


@cache
def romanisation_variants() -> tuple[tuple[str, str, str], ...]:
    """``(variant, canonical, kind)`` of ``data/raw/gazetteer/romanisation_variants.csv``:
    kind ``spelling`` (Kompong → kampong), ``number`` (Bei → 3), ``numeral`` (III → 3),
    ``number_marker`` (ti, lekh: "number", before a numeral) or ``abbreviation`` (a word in
    capitals kept as written, "PP", case-sensitive)."""
    rows = _read_word_list("romanisation_variants.csv", ("variant", "canonical", "kind", "source"))
    return tuple((r["variant"], r["canonical"], r["kind"]) for r in rows)


@cache
def country_names() -> tuple[str, ...]:
    """Names of Cambodia in the sources' languages (``data/raw/gazetteer/country_names.csv``).

    Examples
    --------
    >>> "Kampuchea" in country_names()
    True
    """
    rows = _read_word_list("country_names.csv", ("name", "language", "script", "source"))
    return tuple(r["name"] for r in rows)
