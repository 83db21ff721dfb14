"""Khmer strings as Khmer pages write them (round 9, issue 11): a name written with its signs
otherwise after its admin word (the fold of ``normalize.khmer_sign_fold``, read in
``geocode.tokens``), ordinary words that are also a village's name (``stop_words.csv`` role
``common``), and a name a space splits in two. Queries are rows of
``tests/data/geocode_broad.csv`` (dev split) or the MEF 2025 list itself."""

from __future__ import annotations

import pytest

import compoundmap as cm
from compoundmap.geocode.index import build_index
from compoundmap.geocode.khmer import khmer_folds
from compoundmap.geocode.tokens import flat_tokens
from compoundmap.normalize import khmer_sign_fold


def _codes(query: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(p.province_code, p.district_code, p.commune_code) for p in cm.geocode_places(query)]


@pytest.mark.parametrize(
    ("written", "mef"),
    [
        ("ស្វយទង់ខាងជើង", "ស្វាយទងខាងជើង"),  # ា left out, ់ added
        ("ស្វាយជ្រុំ", "ស្វាយជ្រំ"),  # ុំ for ំ
        ("សំរោង", "សំរ៉ោង"),  # ៉ left out (both MEF spellings)
        ("មណ្ឌលគីរី", "មណ្ឌលគិរី"),  # ី for ិ
        ("រង្វង់មួល", "រង្វង់មូល"),  # ួ for ូ
        ("ស្រ្តី", "ស្ត្រី"),  # subscript RO written first
    ],
)
def test_spellings_of_one_name_share_their_fold(written: str, mef: str) -> None:
    assert khmer_sign_fold(written) == khmer_sign_fold(mef)


def test_a_commune_written_with_its_signs_otherwise_is_read_after_its_admin_word() -> None:
    """Dev row (info-about.ru, Kampot): "ឃុំស្វយទង់ខាងជើង" is the commune ស្វាយទងខាងជើង
    (070615); the same letters without the admin word are not read through the fold."""
    assert _codes("ឃុំស្វយទង់ខាងជើង") == [("07", "0706", "070615")]
    assert _codes("ស្វយទង់ខាងជើង") == [(None, None, None)]


def test_a_fold_naming_two_places_is_refused() -> None:
    """កក់ (Kak) and កាក់ (Kak) are different communes whose fold is one: neither is read
    from a third spelling."""
    folds = khmer_folds(build_index())
    assert folds[khmer_sign_fold("កាក់")] == ""
    assert all(t.text != "កាក់" and t.text != "កក់" for t in flat_tokens("ឃុំកាក"))


def test_every_mef_commune_as_written_is_read_as_before() -> None:
    """The fold is tried only where the name as written is no indexed name: every Khmer
    commune key (no number in it) written after ឃុំ is read as that key."""
    index = build_index()
    for key, entries in index.names.items():
        khmer = key and "\u1780" <= key[0] <= "\u17ff" and not any(c.isdigit() for c in key)
        if khmer and any(e.kind == "commune" for e in entries):
            assert [t.text for t in flat_tokens("ឃុំ" + key)][1:] == [key], key


@pytest.mark.parametrize(
    ("query", "province"),
    [
        ("ក្នុងខេត្តសៀមរាប", "17"),  # ក្នុង "in" is also a village of Siem Reap
        ("ទឹកដីស្រុកបាទីខេត្តតាកែវក្បែរផ្ទះលោកមេប៉ុស្តិ៏", "21"),  # លោក "Mr."
        ("ព្រលានយន្តហោះតារាសាគរ ខេត្តកោះកុង", "09"),  # ព្រលាន "airfield"
    ],
)
def test_an_ordinary_word_is_no_village(query: str, province: str) -> None:
    """Dev rows: words of stop_words.csv role ``common`` that also name a village give no
    village when the string names its province; after ភូមិ they still do."""
    got = _codes(query)
    assert {p for p, _, _ in got} == {province}
    assert all(c is None for _, _, c in got)
    assert _codes("ភូមិលោក ខេត្តតាកែវ") == [("21", "2110", "211010")]


@pytest.mark.parametrize(
    ("query", "provinces"),
    [
        # norkorthom.com: a hotel (សណ្ឋាគារ), not the commune Kear (គារ) of Battambang
        ("សណ្ឋាគារមួយកន្លែងស្ថិតក្នុងភូមិ៣ សង្កាត់២ ក្រុងព្រះសីហនុ", {"18"}),
        ("អាគារ ក្រុងព្រះសីហនុ", {"18"}),  # a building (អាគារ), not also Kear
        ("អគារជួលមួយកន្លែង ក្បែរអូរព្រំដែន", set()),  # postnews.com.kh: building, stream
        ("ធនាគារ ក្រុងព្រះសីហនុ", {"18"}),  # a bank
        ("ផ្សារ ខណ្ឌដូនពេញ", {"12"}),  # a market, not the commune Phsar (Kampong Chhnang)
        ("ក្នុងបឹងទន្លេសាប", set()),  # a lake, not the commune Boeng (Kampong Thom)
    ],
)
def test_an_ordinary_word_is_no_commune(query: str, provinces: set[str]) -> None:
    """Words of stop_words.csv role ``common`` that a commune's name ends or is (building,
    hotel, bank: គារ; market ផ្សារ; stream អូរ; lake បឹង) give no place of their own; after
    an admin word, and as the start of a longer name, they still read as before."""
    assert {p for p, _, _ in _codes(query)} - {None} == provinces
    assert _codes("ឃុំគារ ស្រុកមោងឫស្សី") == [("02", "0206", "020602")]
    assert _codes("ឃុំផ្សារ") == [("04", "0401", "040107")]
    assert _codes("ផ្សារដើមគរ") == [("12", "1204", "120409")]
    assert _codes("ភូមិជោគជ័យ ឃុំអូរបីជាន់ ស្រុកអូរជ្រៅ") == [("01", "0105", "010509")]


def test_a_name_split_by_a_space_is_read_whole() -> None:
    """MEF writes two communes with a space (អ បួនលើ, មេ សរថ្ងក); a dev row writes a
    casino's name so (khmercheayden.com: "កាស៊ីណូ ហេរ៉ូ(៧៧៧)"). Two names side by side
    stay two."""
    assert _codes("អ បួនលើ") == [("11", "1102", "110202")]
    assert _codes("មេ សរថ្ងក") == [("20", "2001", "200105")]
    assert _codes("កាស៊ីណូ ហេរ៉ូ(៧៧៧) ក្នុងខេត្តព្រៃវែង") == [("14", "1409", "140902")]
    assert {p for p, _, _ in _codes("ខេត្តកំពត ខេត្តកែប")} == {"07", "23"}


def test_the_place_a_khmer_distance_is_measured_from_is_no_second_place() -> None:
    """ "ចម្ងាយ N គីឡូម៉ែត្រ ពី X" (N km from X): X is the point the distance is measured
    from, as in "50 km from Phnom Penh" (benchmarks/sweep_khmer_distances.py); alone it is
    still the answer, and a number that is no distance changes nothing."""
    assert {p for p, _, _ in _codes("ខេត្តកំពង់ស្ពឺ ចម្ងាយ ៥០ គីឡូម៉ែត្រ ពីរាជធានីភ្នំពេញ")} == {"05"}
    prey_nob = "ស្ថិតនៅស្រុកព្រៃនប់ ចម្ងាយប្រមាណ ៣០ គីឡូម៉ែត្រ ពីក្រុងព្រះសីហនុ"
    assert _codes(prey_nob) == [("18", "1802", None)]
    assert {p for p, _, _ in _codes("ចម្ងាយ ៥០ គីឡូម៉ែត្រ ពីរាជធានីភ្នំពេញ")} == {"12"}
    assert {p for p, _, _ in _codes("ខេត្តកំពង់ស្ពឺ ឆ្នាំ ២០២៣ ពីរាជធានីភ្នំពេញ")} == {"05", "12"}


def test_a_glued_village_word_names_a_village_of_the_named_commune() -> None:
    """The index holds some names with ភូមិ glued before them as aliases of a district or
    commune seat elsewhere ("ភូមិ អំពិល": Banteay Ampil; "ភូមិថ្មី": the commune Phum Thmei
    of Thma Puok). Next to a commune its admin word names, such a name is a village of that
    commune (benchmarks/sweep_khmer_village_parents.py); the MEF villages Ampil of Rumchek
    (Preah Sdach), Thmei of Choam Sangkae (Phnom Sruoch), Rumchek of Svay Leu; with an
    ambiguous commune name the answer stays ambiguous. Alone, or
    in the commune its alias names, it reads as before; dev rows of the kind keep theirs."""
    assert _codes("ភូមិអំពិល ឃុំរំចេក ស្រុកព្រះស្ដេច ខេត្តព្រៃវែង") == [("14", "1409", "140910")]
    assert _codes("ភូមិថ្មី ឃុំជាំសង្កែ ស្រុកភ្នំស្រួច") == [("05", "0506", "050602")]
    assert _codes("ភូមិរំចេក ឃុំស្វាយលើ ស្រុកស្វាយលើ") == [("17", "1713", "171304")]
    assert _codes("ភូមិអំពិល") == [("22", "2202", None)]
    # a commune name four communes bear: which Rumchek is not said, and not Banteay Ampil
    assert all(p is None for p, _, _ in _codes("ភូមិអំពិល ឃុំរំចេក"))
    assert _codes("ភូមិរំចេក ឃុំរំចេក ស្រុកកំពង់សៀម") == [("03", "0306", "030612")]
    assert _codes("ភូមិព្រៃសំបួរ ឃុំអង្គរបូរី ស្រុកអង្គរបូរី ខេត្តតាកែវ") == [("21", "2101", "210101")]
    assert _codes("ភូមិ៣ សង្កាត់ស្មាច់មានជ័យ ក្រុងខេមរ ភូមិន្ទ") == [("09", "0904", "090401")]


def test_khmer_names_of_border_gates_name_the_gate() -> None:
    """localities.csv rows of their own for the Khmer names of border gates: the Meun Chey
    gate is in Prey Veng (not the commune Meun Chey of Svay Rieng); Stung Bot and Boeng
    Trakuon in Banteay Meanchey (the codes of their English rows)."""
    assert _codes("ច្រកទ្វារអន្តរជាតិម៉ឺនជ័យ") == [("14", None, None)]
    assert _codes("ច្រកទ្វារអន្ដរជាតិស្ទឹងបត់") == [("01", "0110", "011003")]
    assert _codes("ច្រកបឹងត្រកួន") == [("01", "0105", "010509")]
    assert _codes("ឃុំម៉ឺនជ័យ") == [("20", "2003", "200306")]
    # the Choam gate of Anlong Veng, not the commune Choam of Tbong Khmum
    assert _codes("ច្រកទ្វារអន្តរជាតិជាំ") == [("22", "2201", None)]
    assert _codes("ឃុំជាំ ស្រុកដំបែ") == [("25", "2503", "250302")]


def test_a_page_spelling_of_khemarak_phoumin_is_read() -> None:
    """aliases.csv: ខេរមភូមិន្ទ (ម and រ swapped, slabpakkatikkhmav.com) is Khemarak Phoumin."""
    assert _codes("ក្រុងខេរមភូមិន្ទ") == [("09", "0904", None)]


def test_a_name_that_starts_with_a_number_is_read_after_its_admin_word() -> None:
    """MEF's district ៧មករា (7 Makara), as cen.com.kh writes it ("សង្កាត់វាលវង់ ខណ្ឌ៧មករា"):
    the tokeniser splits the digits from the letters; after ខណ្ឌ they are one name again
    (benchmarks/sweep_khmer_numbers.py). A date is no place."""
    assert _codes("ខណ្ឌ៧មករា") == [("12", "1203", None)]
    assert _codes("ខណ្ឌ ៧មករា រាជធានីភ្នំពេញ") == [("12", "1203", None)]
    assert _codes("សង្កាត់វាលវង់ ខណ្ឌ៧មករា") == [("12", "1203", "120307")]
    assert all(p is None for p, _, _ in _codes("ថ្ងៃទី៧ មករា"))


def test_a_name_beside_the_capital_keeps_the_capital() -> None:
    """MEF's Khmer name of Phnom Penh holds its admin word (រាជធានីភ្នំពេញ): read as admin
    word and name, a hotel's name beside it (kampucheathmey.com: "សណ្ឋាគារ ហ្វួង សាន
    រាជធានីភ្នំពេញ", សាន is a village of Battambang) no longer drops the capital
    (benchmarks/sweep_khmer_capital.py)."""
    assert _codes("សណ្ឋាគារ ហ្វួង សាន រាជធានីភ្នំពេញ") == [("12", None, None)]
    assert _codes("រាជធានីភ្នំពេញ") == [("12", None, None)]
    assert _codes("ខណ្ឌដូនពេញ រាជធានីភ្នំពេញ") == [("12", "1202", None)]


def test_khmer_casinos_and_gates_named_after_a_place_elsewhere() -> None:
    """localities.csv, round 10 km2: a casino or gate named after its village or a hill
    whose bare name is a commune in another province (rasmeistoengtrang.com: the casino
    កាឡាក់ស៊ីជ្រៃធំ in Kandal, not the commune Chrey Thum of Svay Rieng; mekong-post.com:
    the Phnom Dei gate of Sampov Lun, not the commune Phnum Dei of Banteay Meanchey)."""
    assert _codes("កាឡាក់ស៊ីជ្រៃធំ") == [("08", "0812", "081205")]
    assert _codes("ជ្រៃធំ") == [("20", "2004", "200406")]  # the bare name as before
    assert _codes("ច្រកទ្វារព្រំដែនតំបន់ភ្នំដី ស្រុកសំពៅលូន") == [("02", "0210", None)]
    assert _codes("កាស៊ីណូក្រសាំងជ្រុំ") == [("20", "2005", "200511")]
    assert _codes("អាគារអិលភីភីស្កាយ") == [("01", "0110", None)]


@pytest.mark.parametrize(
    "query",
    [
        "អគារធំ",  # a big building, not a village ធំ
        "ផ្សារធំ",  # a big market
        "នគរបាល",  # police: its last syllable is the name គរ
    ],
)
def test_big_and_police_are_ordinary_words(query: str) -> None:
    """stop_words.csv role ``common``, round 10 km2: ធំ (big) and នគរបាល (police) give no
    place of their own; as part of a name (កោះធំ, កំពង់ធំ) and after an admin word they read
    as before."""
    assert all(p is None for p, _, _ in _codes(query))
    assert _codes("ស្រុកកោះធំ") == [("08", "0804", None)]
    assert _codes("ខេត្តកំពង់ធំ") == [("06", None, None)]
    assert _codes("អធិការដ្ឋាននគរបាលស្រុកព្រៃនប់") == [("18", "1802", None)]


def test_a_casino_named_after_a_village_loses_the_top_band() -> None:
    """stop_words.csv role ``kind_khmer`` (khmer.named_after_kind): rasmeistoengtrang.com
    writes of a casino (កាស៊ីណូ) named after the village Chrey Thum of Kandal; bare, ជ្រៃធំ
    is the commune Chrey Thum of Svay Rieng. After a casino word, a name of communes or
    villages in several provinces is no longer sure; with its commune and district, or as a
    name of one province only, the answer is as before (benchmarks/sweep_khmer_casino.py)."""
    got = cm.geocode_places("កាស៊ីណូជ្រៃធំ")
    assert [(r.province_code, r.confidence) for r in got] == [("20", "medium")]
    assert cm.geocode_places("ជ្រៃធំ")[0].confidence == "high"
    full = cm.geocode_places("កាស៊ីណូជ្រៃធំ សង្កាត់សំពៅពូន ក្រុងសំពៅពូន")
    assert [(r.province_code, r.confidence) for r in full] == [("08", "high")]
    assert [r.confidence for r in cm.geocode_places("កាស៊ីណូបាវិត")] == ["high"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("ខណ្ឌឬស្សីកែវ", ("12", "1207", None)),
        ("ឃុំត្រពាំងឬស្សី ស្រុកកំពង់ស្វាយ ខេត្តកំពង់ធំ", ("06", "0602", "060209")),  # a dev row
        ("ស្រុកមោងឬស្សី ខេត្តបាត់ដំបង", ("02", "0206", None)),
    ],
)
def test_the_vowel_ryy_written_for_ry(text: str, place: tuple[str, str, str | None]) -> None:
    """Pages write ឬ (RYY) where MEF writes ឫ (RY) in ឫស្សី ("bamboo"); ``clean_text`` folds
    ឬ to ឫ in the text and the index (round 11, r11-landsea)."""
    r = cm.geocode(text)
    assert (r.province_code, r.district_code, r.commune_code) == place


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("ពន្ធនាគារព្រៃស", "12"),  # Prey Sar prison: was the commune Kear (Battambang), high
        ("ពន្ធនាគារ ក្រុងប៉ោយប៉ែត", "01"),
        ("រមណីយដ្ឋានកោះរ៉ុង", "18"),  # was ambiguous: រមណីយ is the commune Rummeakney
        ("រមណីយដ្ឋាន ក្រុងកែប", "23"),
    ],
)
def test_prison_and_resort_are_ordinary_words(text: str, province: str) -> None:
    """ពន្ធនាគារ (prison) ends in the commune Kear, រមណីយដ្ឋាន (resort) starts with the
    commune Rummeakney: both are role ``common`` in stop_words.csv (round 11, r11-landsea),
    read as names only after an admin word."""
    assert {p.province_code for p in cm.geocode_places(text)} == {province}
    assert cm.geocode("ពន្ធនាគារ").province_code is None
