"""Province names of Unicode CLDR (round 12): the names CLDR's ``common/subdivisions/<locale>.xml``
gives the ISO 3166-2 subdivisions KH-1 … KH-25, added to ``aliases.csv`` with that file as
their source. Cases are read from ``aliases.csv``, so a later change that loses one fails."""

from __future__ import annotations

import csv
import re

import pytest

import compoundmap as cm
from compoundmap._data import raw_path

_SOURCE = re.compile(
    r"^Unicode CLDR subdivisions (?P<loc>[a-z]{2,3}(?:_[A-Za-z]+)?) "
    r"\(common/subdivisions/(?P=loc)\.xml @[0-9a-f]{8}, Unicode-3\.0\)$"
)
_ISO = re.compile(r"ISO 3166-2 KH-(\d{1,2}) ")


def _cldr_rows(source: str) -> list[dict[str, str]]:
    with open(raw_path("gazetteer", "aliases.csv"), encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f) if r["source"].startswith(source)]


_ROWS = _cldr_rows("Unicode CLDR subdivisions")
#: Phnom Penh as CLDR's time-zone names write it (exemplar city of Asia/Phnom_Penh).
_CITY_ROWS = _cldr_rows("Unicode CLDR 49 exemplar city")


def test_cldr_rows_cite_their_file_and_iso_code() -> None:
    """Each row names the locale file, its commit and licence, and the ISO code KH-N whose
    number is the row's MEF province code (KH-12 Phnom Penh, KH-18 Preah Sihanouk, KH-25
    Tboung Khmum: ISO numbers the provinces as the MEF does)."""
    assert len(_ROWS) >= 300
    for r in _ROWS:
        assert _SOURCE.match(r["source"]), r["source"]
        iso = _ISO.search(r["note"])
        assert iso is not None, r["note"]
        assert f"{int(iso.group(1)):02d}" == r["code"][:2], (r["alias"], r["code"], r["note"])


@pytest.mark.parametrize("row", _ROWS, ids=lambda r: f"{r['code']}-{r['alias']}")
def test_every_cldr_name_reads_as_its_unit(row: dict[str, str]) -> None:
    """Alone, each name gives its province (and the city, Krong Preah Sihanouk, for the
    names of Sihanoukville written without a province word)."""
    res = cm.geocode(row["alias"])
    assert res.province_code == row["code"][:2]
    if len(row["code"]) == 4:
        assert res.district_code == row["code"]


@pytest.mark.parametrize(
    "text",
    [
        # CLDR names left out as aliases: ordinary words of their language
        "தாக்கிய",  # Tamil "attacked" (CLDR's Takeo)
        "கண்டால்",  # Tamil "if one sees" (CLDR's Kandal)
        "பைலின்",  # Tamil "of the file" (CLDR's Pailin)
        "कराती",  # Hindi "causes to do" (CLDR's Kratie)
        "इलाके में मदद कराती है",
        "පලින්",  # Sinhala "by the result" (CLDR's Pailin)
        "கம்போடியாவில் தாக்கிய கும்பல்",
        # the province words added to admin_words.csv, alone and with a place abroad
        "மாகாணம்",
        "சீனாவின் யுன்னான் மாகாணம்",
        "පළාත",
        "ప్రావిన్స్",
        "પ્રાંત",
        "ಪ್ರಾಂತ್ಯ",
        "استان",
        "استان تهران",
        "مقاطعة",
        "Επαρχία",
    ],
)
def test_words_cldr_gave_name_no_place(text: str) -> None:
    assert cm.geocode(text).province_code is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("کاندال صوبہ", "08"),  # Urdu writes صوبہ after the name as well as before it
        ("صوبہ کاندال", "08"),
        ("கம்போட் மாகாணம்", "07"),
        ("استان کامپوت", "07"),
        ("ಕಂಪಾಟ್ ಪ್ರಾಂತ್ಯ", "07"),
        ("ఫ్నోం పెన్ లో", "12"),
        ("ウドンメンチェイ州", "22"),  # was read as Udong (Kampong Speu) by sound
    ],
)
def test_cldr_names_in_their_frames(text: str, code: str) -> None:
    assert cm.geocode(text).province_code == code


@pytest.mark.parametrize("row", _CITY_ROWS, ids=lambda r: r["alias"])
def test_cldr_exemplar_cities_read_as_phnom_penh(row: dict[str, str]) -> None:
    """CLDR's name of Phnom Penh in each locale whose spelling nothing else listed (Tamil
    ஃப்னோம் பென், Sindhi فنام پينه …) is the capital at the top band."""
    res = cm.geocode(row["alias"])
    assert (res.province_code, res.confidence) == ("12", "high")
    assert row["code"] == "12" and "Asia/Phnom_Penh, locale " in row["source"]


def test_cldr_exemplar_city_rows_are_there() -> None:
    assert len(_CITY_ROWS) >= 25


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a space splits the name in scripts whose runs the tokeniser keeps whole; two runs of
        # one script are read as the name they make together (geocode/indic_joins.py)
        ("Πνομ Πενχ", "12"),  # Greek, CLDR's exemplar city
        ("Καμπόνγκ Τσαμ", "03"),
        ("Επαρχία Σβέι Ριένγκ", "20"),
        ("פנום פן", "12"),  # Hebrew
        ("ፍኖም ፔንህ", "12"),  # Amharic
        ("ፕኖም ፐን", "12"),  # Tigrinya
        ("ܦܢܘܡ ܦܢ", "12"),  # Syriac
    ],
)
def test_spaced_names_of_other_scripts_read_whole(text: str, code: str) -> None:
    res = cm.geocode(text)
    assert (res.province_code, res.confidence) == (code, "high")


@pytest.mark.parametrize(
    "text",
    [
        # two runs that are names each, or words, are not joined into a place
        "Πνομ",
        "Πενχ",
        "Σαν Χουάν",  # Greek "San Juan"
        "מחוז תל אביב",  # Hebrew "Tel Aviv District"
        "ደቡብ አፍሪካ",  # Amharic "South Africa"
    ],
)
def test_spaced_runs_of_other_scripts_that_make_no_name(text: str) -> None:
    assert cm.geocode(text).province_code is None
