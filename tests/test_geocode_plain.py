"""Plain location strings like the bundled ones (round-7 tuning rows of
``tests/data/geocode_broad.csv`` and values of ``data/raw/sources/reports.csv``): the
spellings and abbreviations pages really write, a typo next to the province word, the
confident answers the sweep of report strings with noise found wrong, and that sweep's bar.

Each case quotes a real string and the page it comes from (in the data files' ``source``
columns); generated cases come from the gazetteer.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import compoundmap as cm
from compoundmap.gazetteer import get_gazetteer


def _codes(text: str, **kw: str) -> list[tuple[str | None, str | None]]:
    return [(r.province_code, r.district_code) for r in cm.geocode_places(text, **kw)]


@pytest.mark.parametrize(
    ("text", "province", "district"),
    [
        # Phnom Penh Post: "Svay Rieng province's Bavet town [...] Mok Bay Casino"
        ("Mok Bay Casino", "20", "2008"),
        ("Svay Rieng province’s Bavet town; Mok Bay Casino", "20", "2008"),
        # an Indian embassy statement (Star of Cambodia): "今日SHVからプノンペンに移送され"
        ("SHV", "18", "1801"),
        # thaipbs.or.th: "กรุงพนมเปญ เมืองพระสีหนุ และเมืองบาร์เวต"
        ("เมืองบาร์เวต", "20", "2008"),
        # mgronline.com: "พื้นที่เมืองมาลัย จังหวัดบันเจียนเมียนเตย"
        ("พื้นที่เมืองมาลัย จังหวัดบันเจียนเมียนเตย ประเทศกัมพูชา", "01", "0109"),
        # mgronline.com: "เขตเศรษฐกิจพิเศษทมอดา ประเทศกัมพูชา"
        ("ชุมชนในฝั่งตรงข้ามบริเวณเขตเศรษฐกิจพิเศษทมอดา ประเทศกัมพูชา", "15", "1506"),
        # donga.com: "센속구의 한 아파트"
        ("센속구의 한 아파트", "12", "1208"),
        # Phnom Penh Post via calvinayre.com: "five apartments in Borey Prem Prey"
        ("Borey Prem Prey", "17", None),
    ],
)
def test_sourced_spellings(text: str, province: str, district: str | None) -> None:
    assert _codes(text)[0] == (province, district)


@pytest.mark.parametrize(
    ("text", "province"),
    [
        # Cambodia Daily headline: "B’bang Drug Sweep Snares RCAF Soldier"
        ("B’bang", "02"),
        ("B'bang", "02"),
        # ADB monitoring report, abbreviations: "BMC - Banteay Meanchey BTB - Battambang"
        ("BMC", "01"),
        ("BTB", "02"),
        # same report: "KPC - Kampong Cham"
        ("KPC", "03"),
        # Bangkok Post via CAAI (khmernz.blogspot.com): "P.Penh Court finishes examining Panich"
        ("P.Penh Court", "12"),
    ],
)
def test_sourced_abbreviations(text: str, province: str) -> None:
    assert [p for p, _ in _codes(text)] == [province]


def test_abbreviation_keeps_its_capital() -> None:
    # "Bbang" (B'bang without its apostrophe) is kept whole (romanisation_variants.csv kind
    # "abbreviation"); a bare word "bang" or "Bang" still names no place
    assert not [r for r in cm.geocode_places("bang") if r.province_code]
    assert not [r for r in cm.geocode_places("a big bang") if r.province_code]
    # nor is it one typo away from "Bang" by a province word (Thma Bang is a district)
    assert _codes("Phum Thma Bang province")[0] == ("09", "0907")


def test_japanese_preah_sihanouk_with_middle_dot() -> None:
    # starofcambodia.com: "プレア・シハヌーク州シハヌーク市内のビル内の職場"
    got = cm.geocode_places("プレア・シハヌーク州シハヌーク市内のビル内の職場")
    assert {r.province_code for r in got} == {"18"}


def test_bare_thai_word_malai_is_no_place() -> None:
    # มาลัย is also an ordinary Thai word (garland): only เมืองมาลัย is aliased
    assert not [r for r in cm.geocode_places("พวงมาลัย") if r.province_code]


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("Stung Tren province", "19"),  # a letter dropped
        ("Khett Stung Tren", "19"),
        ("in Cambodia's Stung Tren province", "19"),
        ("Tkeo province", "21"),
    ],
)
def test_province_typo_next_to_the_province_word(text: str, province: str) -> None:
    got = [r for r in cm.geocode_places(text) if r.province_code]
    assert [r.province_code for r in got] == [province]
    assert got[0].confidence != "high"  # a typo is never in the top band


@pytest.mark.parametrize(
    ("text", "province", "district"),
    [
        ("Stueng Trang province", "03", "0315"),  # a district as written, whatever the word
        ("Roka Kandal province", "10", "1002"),  # a commune named "… Kandal"
        ("Phsar Kandal Ti Muoy province", "12", "1202"),  # a number is not a typo
    ],
)
def test_province_typo_pass_leaves_names_as_written(
    text: str, province: str, district: str
) -> None:
    assert _codes(text)[0] == (province, district)


def test_every_province_with_one_letter_dropped_next_to_the_province_word() -> None:
    units = get_gazetteer().units
    wrong = []
    for r in units[units["level"] == 1].itertuples():
        name = str(r.name_en)
        if len(name) < 6:
            continue
        typo = name[:-1]  # the last letter dropped: "Stung Tren", "Kampong Spe"
        got = {x.province_code for x in cm.geocode_places(f"{typo} province") if x.province_code}
        if got - {str(r.code)}:
            wrong.append((typo, sorted(got)))
    assert not wrong, wrong


def test_commune_word_beside_a_name_sources_use_for_a_place_elsewhere() -> None:
    """Reports write "Chrey Thom commune" for the Kandal border crossing (a village,
    ``localities.csv``); the only commune so named is in Svay Rieng. Alone, the string may
    mean either: the commune is no top-band answer. With its parents, Kandal is."""
    r = cm.geocode("Chrey Thom commune")
    assert r.province_code == "20" and r.confidence == "medium"
    got = cm.geocode_places("the casino in Chrey Thom commune, Koh Thom district, Kandal province")
    assert {x.province_code for x in got} == {"08"}
    # an official name with no curated namesake keeps the top band
    assert cm.geocode("Sangkat Buon").confidence == "high"
    assert cm.geocode("Bavet commune").confidence == "high"


def test_report_noise_sweep_top_band() -> None:
    """The sweep of report strings with noise (``benchmarks/sweep_report_noise.py``): no
    more than 1 place in 100 answered at the top band contradicts the clean answer."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import random

    import sweep_report_noise as sweep

    rng, groups = random.Random(11), sweep.spelling_groups()
    high = wrong = 0
    for value in sweep.report_values():
        clean = sweep.places(value)
        if not clean:
            continue
        for _, text in sweep.noisy(value, clean, groups, rng):
            got = sweep.places(text)
            bad = {id(r) for r in sweep.wrong_places(clean, got)}
            top = [r for r in got if r.confidence == "high"]
            high += len(top)
            wrong += sum(id(r) in bad for r in top)
    assert high > 2000
    assert wrong / high <= 0.01, (wrong, high)
