"""normalize: one key for the many ways sources write a place."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compoundmap.geocode import geocode
from compoundmap.normalize import (
    ADMIN_WORDS,
    COMMUNE,
    DISTRICT,
    PROVINCE,
    VILLAGE,
    clean_text,
    normalize,
    place_key,
    skeleton,
    tokenize,
)


@pytest.mark.parametrize(
    "variants",
    [
        ["O'Smach", "O’Smach", "O Smach", "Ou Smach", "Or Smăch", "OSMACH"],
        ["Kâmpóng Saôm", "Kampong Saom", "Kompong Saom"],
        ["Bântéay Méanchoăy", "Banteay Meanchey", "Bantéay Méanchey"],
        ["Kaoh Kong", "Koh Kong", "Ko Kong"],
        ["Stueng Hav", "Steung Hav", "Stung Hav"],
        ["Boeung Keng Kang III", "Boeng Keng Kang Ti Bei", "Boeng Keng Kang 3"],
        ["Poi Pet", "Poipet"],
        ["Sen Sok", "Sensok", "Saen Sok"],
    ],
)
def test_variants_share_a_key(variants: list[str]) -> None:
    assert len({place_key(v) for v in variants}) == 1, [place_key(v) for v in variants]


def test_admin_words_in_many_languages_are_dropped_from_keys() -> None:
    base = place_key("Battambang")
    for text in [
        "Battambang province",
        "Khet Battambang",
        "khaet Battambang",
        "Battambang Province",
        "província de Battambang",
        "Provinsi Battambang",
        "tỉnh Battambang",
    ]:
        assert place_key(text) == base, text


def test_admin_words_carry_their_level() -> None:
    levels = {t.text: t.admin for t in tokenize("khet srok khan krong sangkat khum phum village")}
    assert levels == {
        "khet": PROVINCE,
        "srok": DISTRICT,
        "khan": DISTRICT,
        "krong": DISTRICT,
        "sangkat": COMMUNE,
        "khum": COMMUNE,
        "phum": VILLAGE,
        "village": VILLAGE,
    }
    assert [t.admin for t in tokenize("thành phố")] == [DISTRICT]


def test_numbers_in_khmer_words_roman_and_digits() -> None:
    assert normalize("Sangkat Bei") == normalize("Sangkat 3") == normalize("Sangkat III")
    assert place_key("Lekh Buon") == place_key("Sangkat Buon") == "4"
    assert place_key("Tuol Svay Prey 1") == place_key("Tuol Svay Prey Ti Muoy")
    assert place_key("ភូមិ ១") == place_key("ភូមិ 1")


def test_possessives_quotes_and_breaks() -> None:
    assert clean_text("Svay Rieng’s Bavet city") == "Svay Rieng Bavet city"
    assert normalize("Sihanoukville's Bei commune") == "sihanoukvile 3 commune"
    toks = tokenize("Tumnob Rolok commune, Steung Hav district")
    assert "" in [t.text for t in toks]  # the comma is a break


def test_khmer_unicode_variants() -> None:
    # coeng DA and coeng TA are written interchangeably; zero-width spaces are noise
    assert normalize("ខេត្ដ") == normalize("ខេត្ត")
    assert normalize("ស្វាយ\u200bរៀង") == normalize("ស្វាយរៀង")
    assert place_key("ខេត្តបាត់ដំបង") != ""


def test_skeleton_groups_romanisations() -> None:
    assert skeleton(place_key("Paoy Paet")) == skeleton(place_key("Poipet"))
    assert skeleton(place_key("Thmor Da")) == skeleton(place_key("Thma Da"))
    assert skeleton(place_key("Toul Tom Poung")) == skeleton(place_key("Tuol Tumpung"))
    assert skeleton("ស្វាយរៀង") == "ស្វាយរៀង"


@given(st.one_of(st.text(), st.none(), st.floats(), st.integers()))
def test_normalize_never_raises(value: object) -> None:
    out = normalize(value)
    assert isinstance(out, str)
    assert normalize(out) == normalize(out)


def test_missing_values_are_empty() -> None:
    assert normalize(None) == normalize(float("nan")) == normalize("") == ""


@pytest.mark.parametrize(
    "module",
    [
        "compoundmap.normalize",
        "compoundmap._cleantext",
        "compoundmap._phonetic",
        "compoundmap._scripts",
        "compoundmap._wordlists",
    ],
)
def test_docstring_examples_hold(module: str) -> None:
    import doctest

    from compoundmap._compiled import source_module

    result = doctest.testmod(source_module(module))
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ang Snoul", "Angk Snuol"),
        ("Russey Keo", "Ruessei Kaev"),
        ("Chroy Changvar", "Chraoy Changvar"),
        ("Tbong Khmum", "Tboung Khmum"),
    ],
)
def test_more_romanisation_variants_share_a_key(a: str, b: str) -> None:
    assert place_key(a) == place_key(b)


def test_old_name_key_still_works_but_is_deprecated() -> None:
    import importlib

    # (``compoundmap.normalize`` the attribute is the function; the module is imported)
    norm = importlib.import_module("compoundmap.normalize")
    with pytest.warns(DeprecationWarning, match="place_key"):
        key = norm.name_key("Khett Battambang")
    assert key == place_key("Battambang")


def test_word_lists_are_data_with_a_source() -> None:
    from compoundmap._scripts import fold_script
    from compoundmap.normalize import admin_words, country_names, romanisation_variants, word_list

    words = admin_words()
    assert words and all(w.source and w.language and w.script for w in words)
    assert {w.position for w in words} <= {"before", "after", "either"}
    assert {w.kind for w in words} == {"admin", "town"}
    assert set().union(*(w.used_by for w in words)) == {"normalize", "geocode", "geoparse"}
    # the normaliser reads every row marked for it: each is an admin word of its level
    for w in words:
        if "normalize" in w.used_by and not w.folds_to and w.script == "Latn":
            assert [t.admin for t in tokenize(w.word)] == [w.level], w.word
        elif "normalize" in w.used_by and not w.folds_to:
            # found inside script runs, written as clean_text and the Japanese/Korean folds
            # read it (NFKC: Thai ำ is ํ + า in a cleaned run)
            key = fold_script(unicodedata.normalize("NFKC", w.word))
            assert ADMIN_WORDS[key] == w.level, w.word
        if w.folds_to:
            folded = unicodedata.normalize("NFKC", w.folds_to)
            assert [t.text for t in tokenize(w.word)] == [folded], w.word
    # town words say "district" too: one row each, not two lists
    assert all(w.level == DISTRICT for w in words if w.kind == "town")
    assert word_list("stop") and word_list("reference_before")
    assert all(kind in {"spelling", "number", "numeral", "number_marker", "abbreviation"}
               for _, _, kind in romanisation_variants())  # fmt: skip
    assert "Cambodia" in country_names()


def test_thai_admin_words_spelt_with_sara_am_are_found_in_a_cleaned_run() -> None:
    # อำเภอ (district) and ตำบล (commune): clean_text writes their ำ as ํ + า (NFKC)
    from compoundmap.geocode.spot import flat_tokens

    admins = [t.admin for t in flat_tokens("ตำบลโอไบชัน อำเภอโอโจรว") if t.admin is not None]
    assert admins == [COMMUNE, DISTRICT]


def test_sound_keys_of_a_name_in_three_scripts_meet_its_romanisation() -> None:
    from compoundmap.normalize import clean_text, latin_sound_keys, script_sound_keys

    for latin, written in (
        ("Kamrieng", "カムリエン"),
        ("Kien Svay", "킨스와이"),
        ("Ou Chrov", "โอโจรว"),
        ("Mangkul Bourei", "มงคลบุรี"),
        ("Samraong", "สำโรง"),
        ("Banteay Srei", "번티스레이"),
    ):
        keys = set(latin_sound_keys(place_key(latin)))
        assert keys & set(script_sound_keys(clean_text(written))), (latin, written)
    assert script_sound_keys("Kamrieng") == ()  # Latin text has no script sound key


def test_the_listed_abbreviation_pp_keeps_its_letters_and_only_it_names_a_place() -> None:
    # "PP" (Phnom Penh, romanisation_variants.csv kind "abbreviation") keeps both letters;
    # written in lower case it folds like any doubled letter and names nothing; no other
    # doubled capital of A-Z names a place
    import string

    from compoundmap.geocode import geocode

    assert place_key("PP") == "pp" and place_key("pp") == "p" and place_key("Pp") == "p"
    assert (geocode("PP").province_code, geocode("Sen Sok district, PP").district_code) == (
        "12",
        "1208",
    )
    assert geocode("pp").status == "unmatched"
    others = [c * 2 for c in string.ascii_uppercase if c != "P"]
    assert [q for q in others if geocode(q).status != "unmatched"] == []


def test_doubled_digits_are_another_number_not_a_doubled_letter() -> None:
    """Doubled letters fold ("Kompong Thomm"); a doubled digit is another number: village 11
    is not village 1 of the same sangkat, 300 km is not 30 km."""
    assert place_key("Village 11") != place_key("Village 1")
    assert place_key("300 km") != place_key("30 km")
    assert place_key("Kampong Thomm") == place_key("Kampong Thom")
    r = geocode("Village 11, Sangkat 4, Sihanoukville")
    assert r.commune_code == "180104" and r.matched_name == "Lekh Buon", r


def test_script_blocks_build_character_classes() -> None:
    """_scripts.block_ranges: the named Unicode blocks, sorted, touching ones merged, parts
    left out; the one home of the ranges the geocoder's script regexes are built from."""
    import re

    from compoundmap._scripts import BLOCKS, INDIC, KATAKANA, block_ranges

    assert block_ranges("greek_extended", "greek") == r"\u0370-\u03ff\u1f00-\u1fff"
    assert block_ranges("armenian", "hebrew") == r"\u0530-\u05ff"  # touching: one range
    assert block_ranges("chakma") == r"\U00011100-\U0001114f"
    indic = re.compile(f"[{block_ranges(*INDIC, without=('dandas',))}]")
    assert indic.match("क") and indic.match("ස") and not indic.match("।")
    assert block_ranges("khmer", without=("khmer_sentence_signs",)) == r"\u1780-\u17d3\u17db-\u17ff"
    assert KATAKANA == r"\u30a1-\u30fa\u30fc"
    assert all(low <= high for low, high in BLOCKS.values())
