"""Places named through an institution (round 14): a foreign embassy in Cambodia is in
Phnom Penh (``geocode/institutions.py``). The cases are strings pages write (rows of
``tests/data/geocode_broad.csv``), Cambodia's own embassies abroad, consulates and ordinary
text with the word "embassy"."""

from __future__ import annotations

import csv

import pytest

import compoundmap as cm
from compoundmap.geocode.institutions import embassy_span

#: Rows of geocode_broad.csv added for this class (each quotes its page).
_ROWS = (
    "주캄보디아대사관",
    "在カンボジア日本国大使館",
    "大陸駐柬埔寨使館",
    "Đại sứ quán Việt Nam tại Campuchia",
    "the Indian embassy in Cambodia",
    "the Embassy of India in Cambodia",
    "The Malaysian Embassy in Cambodia",
    "the Philippine Embassy in Cambodia",
    "l'ambassade d'Indonésie au Cambodge",
    "l'ambassade de France au Cambodge",
    "die südkoreanische Botschaft in Kambodscha",
    "कंबोडिया में भारतीय एंबेसी",
    "कंबोडियातील हिंदुस्थानी दूतावास",
)


def _broad_rows() -> dict[str, dict[str, str]]:
    with open("tests/data/geocode_broad.csv", encoding="utf-8", newline="") as f:
        return {r["query"]: r for r in csv.DictReader(f) if r["query"] in _ROWS}


def test_the_rows_are_labelled_phnom_penh() -> None:
    """Every row of the class is in geocode_broad.csv, labelled Phnom Penh (province 12)."""
    rows = _broad_rows()
    assert set(rows) == set(_ROWS)
    assert {r["gold_province_code"] for r in rows.values()} == {"12"}


@pytest.mark.parametrize("text", _ROWS)
def test_an_embassy_in_cambodia_is_phnom_penh_at_medium(text: str) -> None:
    """A word for an embassy with Cambodia's name after a word for "in" (or 驻/駐/在/주
    before it, में/-तील after it) is Phnom Penh, at ``medium`` (the string names the
    institution, not the city), its method marked ``+embassy``."""
    r = cm.geocode(text)
    assert r.province_code == "12", text
    assert r.confidence == "medium", text
    assert r.method.endswith("+embassy"), text


@pytest.mark.parametrize(
    "text",
    [
        "Embassy of Cambodia in Bangkok",
        "the Cambodian Embassy in Bangkok",
        "Royal Embassy of Cambodia to the United States",
        "Đại sứ quán Campuchia tại Hà Nội",
        "柬埔寨驻泰国大使馆",
        "駐日カンボジア大使館",
        "カンボジア大使館",
        "주한 캄보디아 대사관",
        "캄보디아 대사관",
        "สถานทูตกัมพูชาประจำประเทศไทย",
        "посольство Камбоджи в Москве",
    ],
)
def test_cambodias_own_embassies_abroad_are_not_phnom_penh(text: str) -> None:
    """Cambodia's own embassies name no Cambodian place: the name of Cambodia is the
    sender, not after a word for "in"."""
    assert embassy_span(text) is None, text
    assert cm.geocode(text).province_code != "12", text


@pytest.mark.parametrize(
    "text",
    [
        "Consulate General of Vietnam in Cambodia",
        "Tổng Lãnh sự quán Việt Nam tại Campuchia",
        "中国驻柬埔寨总领事馆",
        "주캄보디아 총영사관",
        "भारतीय वाणिज्य दूतावास, कंबोडिया",
        "Embassy and Consulate in Cambodia",
    ],
)
def test_a_consulate_is_the_country_only(text: str) -> None:
    """Consulates-general stand outside Phnom Penh (Sihanoukville, Battambang, Siem Reap):
    a string with a consulate word is never read by the embassy rule."""
    assert embassy_span(text) is None, text
    assert cm.geocode(text).province_code != "12", text


@pytest.mark.parametrize(
    "text",
    [
        "US Embassy in Thailand",
        "中国驻泰国大使馆",
        "주태국 대한민국 대사관",
        "embassy rescues citizens trafficked in Cambodia",
        "the Korean ambassador to Cambodia",
        "l'ambassadeur de France au Cambodge",
    ],
)
def test_other_countries_ambassadors_and_ordinary_text_are_not_phnom_penh(text: str) -> None:
    """An embassy abroad, an ambassador (a person) and a sentence that merely holds the
    word give no Phnom Penh."""
    assert cm.geocode(text).province_code != "12", text


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("Embassy of Indonesia in Cambodia, Siem Reap", "17"),
        ("中国驻柬埔寨大使馆 西港", "18"),
        ("KBRI di Kamboja, Poipet", "01"),
    ],
)
def test_a_cambodian_place_written_in_the_string_wins(text: str, province: str) -> None:
    """The rule reads only strings that placed no province: a town written beside the
    embassy keeps its province."""
    assert cm.geocode(text).province_code == province, text
