"""Tests for geoparse: places and nationalities in free text, on real statements and quotes."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from compoundmap import extract_nationalities, extract_places
from compoundmap.cli import app
from compoundmap.errors import DataFileError, MissingColumnError
from compoundmap.geocode import geocode
from compoundmap.geoparse import (
    MENTION_COLUMNS,
    CountryMention,
    PlaceMention,
    extract_frame,
    extract_mentions,
)
from compoundmap.schema import Precision

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "sources"
STATEMENT = SHARED / "documents" / "2022-03-10_abolish-slave-compounds-in-cambodia.md"
REPORTS = SHARED / "reports.csv"


def _shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not present (the shared data sits beside the repository)")
    return path


@pytest.fixture(scope="module")
def statement() -> str:
    return _shared(STATEMENT).read_text(encoding="utf-8")


# --- the joint statement of 10 March 2022 -------------------------------------------------


def test_statement_places_are_exactly_the_four_with_their_provinces(statement: str) -> None:
    places = extract_places(statement)
    found = {(p.text, p.province_code) for p in places}
    assert found == {
        ("Sihanoukville", "18"),
        ("Phnom Penh", "12"),
        ("Pursat", "15"),
        ("Koh Kong", "09"),
    }
    for p in places:
        assert statement[p.start : p.end] == p.text
        assert p.precision is not None and p.precision <= Precision.PROVINCE
        assert p.country_code == "KH"


def test_statement_organisations_people_and_months_are_no_places(statement: str) -> None:
    places = extract_places(statement)
    texts = {p.text for p in places}
    for word in ("March", "Alliance", "Mission", "Ath", "Cambodia", "Cambodian", "Centre"):
        assert word not in texts
    # the 35 endorsers (after "endorsed by:") and the contacts yield no place at all
    endorsers = statement.index("This statement endorsed by")
    assert all(p.start < endorsers for p in places)


def test_statement_nationalities(statement: str) -> None:
    mentions = extract_nationalities(statement)
    for m in mentions:
        assert statement[m.start : m.end] == m.text
    by_text = {(m.text, m.country_code, m.form) for m in mentions}
    # the embassies that warned their citizens
    assert ("Indonesia", "ID", "name") in by_text
    assert ("Vietnam", "VN", "name") in by_text
    assert ("Thai", "TH", "demonym") in by_text
    assert ("Pakistan", "PK", "name") in by_text
    assert ("Chinese", "CN", "demonym") in by_text
    # Cambodia is a country mention, not a place
    assert ("Cambodia", "KH", "name") in by_text
    assert ("Cambodian", "KH", "demonym") in by_text
    codes = {m.country_code for m in mentions}
    assert {"BD", "MY", "NP", "SG", "IN", "MM", "MN"} <= codes  # the endorsers' countries
    assert all(len(m.alpha_3) == 3 for m in mentions)


# --- recall and precision on the curated quotes ---------------------------------------------


def _province_codes(names: str) -> set[str]:
    codes = set()
    for name in names.split(";"):
        r = geocode(name.strip())
        assert r.precision == Precision.PROVINCE, f"{name!r} is not a province name to the geocoder"
        assert r.province_code is not None
        codes.add(r.province_code)
    return codes


def test_quotes_yield_the_reported_province() -> None:
    df = pd.read_csv(_shared(REPORTS), dtype=str, keep_default_na=False)
    df = df[(df["verbatim_location_quote"] != "") & (df["province_as_reported"] != "")]
    assert len(df) >= 100
    hits = right = extracted = 0
    pairs = zip(df["verbatim_location_quote"], df["province_as_reported"], strict=True)
    for quote, provinces in pairs:
        gold = _province_codes(provinces)
        places = extract_places(quote)
        got = [p.province_code for p in places]
        hits += bool(gold & set(got))
        right += sum(code in gold for code in got)
        extracted += len(got)
    recall = hits / len(df)
    precision = right / extracted
    print(f"quotes: recall {hits}/{len(df)} = {recall:.3f}; precision {right}/{extracted}")
    assert recall >= 0.95
    assert precision >= 0.90


# --- rules, on short real-world phrasings -----------------------------------------------------


def test_other_places_in_the_text_settle_an_ambiguous_name() -> None:
    assert geocode("Samraong").status == "ambiguous"  # Oddar Meanchey town, Takeo district
    text = "Authorities in Oddar Meanchey raided a casino. Later, in Samraong, police arrested 20."
    samraong = [p for p in extract_places(text) if p.text == "Samraong"]
    assert [p.province_code for p in samraong] == ["22"]
    takeo = extract_places("Samraong district, Takeo province")
    assert takeo[0].text == "Samraong district" and takeo[0].province_code == "21"


def test_a_hierarchy_places_its_first_name() -> None:
    # "Chrey Thum" alone is a commune in Svay Rieng; the text puts it in Kandal
    places = extract_places("rescued from a company in Chrey Thum City, Kandal Province, Cambodia")
    assert [(p.text, p.province_code) for p in places] == [
        ("Chrey Thum City", "08"),
        ("Kandal Province", "08"),
    ]


def test_places_the_text_puts_abroad_stay_foreign() -> None:
    assert extract_places("a compound in Prey Veng, Vietnam") == []
    assert [p.province_code for p in extract_places("a compound in Prey Veng, near Vietnam")] == [
        "14"
    ]
    quote = (
        "an online fraud compound in Bavet, the largest city in the southeastern province of "
        "Svay Rieng, which borders Vietnam"
    )
    assert {p.province_code for p in extract_places(quote)} == {"20"}
    # a demonym locates nothing
    assert [p.text for p in extract_places("a casino in Bavet, Vietnamese officials said")] == [
        "Bavet"
    ]
    assert extract_places("workers taken to Vietnam’s Prey Veng market") == []
    crossing = "the Chong Chom border checkpoint in Surin province, Thailand"
    assert extract_places(crossing) == []


def test_organisations_and_people_are_not_places() -> None:
    assert extract_places("Mr. Am Sam Ath of the Royal University of Phnom Penh said") == []
    assert extract_places("Transparency International Cambodia and the Kampot Association") == []
    assert [p.text for p in extract_places("the Phnom Penh office of Kampot Association")] == [
        "Phnom Penh"
    ]


def test_a_named_locality_may_hold_an_organisation_word() -> None:
    # a curated locality (a concession), not a place inside a company's name
    places = extract_places("Koh Kong province’s Union Development Group concession")
    assert [(p.text, p.province_code) for p in places] == [
        ("Koh Kong province", "09"),
        ("Union Development Group", "09"),
    ]
    assert extract_places("Royal University of Phnom Penh") == []


def test_short_and_number_names_need_an_admin_word() -> None:
    assert extract_places("Bei said he would come in March.") == []
    places = extract_places("raided a compound in Sihanoukville’s Bei commune")
    assert [(p.text, p.commune_code) for p in places] == [
        ("Sihanoukville", None),
        ("Bei commune", "180103"),
    ]
    # "They" folds to the Prey Veng commune "Theay", but only a place written as one is
    assert extract_places("They said so.") == []
    assert [p.province_code for p in extract_places("Kep and Kampot")] == ["23", "07"]


def test_longest_name_wins_and_spans_cover_admin_words() -> None:
    text = "Location: Koh Sdach Commune, Kiri Sakor District, Koh Kong Province, Cambodia."
    places = extract_places(text)
    assert [(p.text, p.precision) for p in places] == [
        ("Koh Sdach Commune", Precision.COMMUNE),
        ("Kiri Sakor District", Precision.DISTRICT),
        ("Koh Kong Province", Precision.PROVINCE),
    ]
    assert [(c.text, c.country_code) for c in extract_nationalities(text)] == [("Cambodia", "KH")]


def test_a_name_inside_a_longer_one_is_not_read_as_the_whole() -> None:
    # the geocoder finds "Angkor" (Angkor Borei, Takeo) inside "Angkor Wat" (Siem Reap)
    assert "21" not in {p.province_code for p in extract_places("tourists at Angkor Wat")}


def test_a_misspelt_name_is_read_whole() -> None:
    # "Meanchey" alone is a Phnom Penh khan; the text means Oddar Meanchey
    text = "a syndicate in Cambodia's Ouddar Meanchey and Kampot provinces"
    assert [(p.text, p.province_code) for p in extract_places(text)] == [
        ("Ouddar Meanchey", "22"),
        ("Kampot provinces", "07"),
    ]


def test_names_the_index_lacks_are_found_through_an_admin_word() -> None:
    # misspelt beach (index: Ochheuteal Beach), numbered sangkat, a commune misspelt
    assert [
        (p.text, p.province_code) for p in extract_places("the building on Ocheatel Beach")
    ] == [("Ocheatel Beach", "18")]
    assert [p.commune_code for p in extract_places("a casino in Commune 3")] == ["180103"]
    assert [p.province_code for p in extract_places("a resort on O’Tres beach")] == ["18"]
    assert [p.province_code for p in extract_places("casino compounds in Thmor Da")] == ["15"]
    # but a foreign city the geocoder only half-matches (Bangkok ~ Boeng Kok) is no place
    assert extract_places("the suspects fled to Bangkok city") == []


def test_the_capital_is_phnom_penh_unless_another_country_is_named() -> None:
    quote = "Last weekend, police raided a building complex in the capital and arrested 200"
    assert [(p.text, p.province_code, p.precision) for p in extract_places(quote)] == [
        ("the capital", "12", Precision.PROVINCE)
    ]
    assert [p.text for p in extract_places("in the capital Phnom Penh")] == ["Phnom Penh"]
    assert extract_places("Thailand said they were held in the capital") == []
    assert extract_places("the capital required by the casino") == []


def test_scripts_without_spaces() -> None:
    text = "ベトナムとの国境に近いカンボジア南東部スバイリエン州バベットで"
    places = extract_places(text)
    assert {p.province_code for p in places} == {"20"}
    for p in places:
        assert text[p.start : p.end] == p.text
    countries = {(c.text, c.country_code) for c in extract_nationalities(text)}
    assert countries == {("ベトナム", "VN"), ("カンボジア", "KH")}
    assert [(c.text, c.form) for c in extract_nationalities("インドネシア人3人を逮捕")] == [
        ("インドネシア人", "demonym")
    ]
    # a middle dot inside a name: Chbar Ampov in Phnom Penh
    text = "プノンペン都チバール・アンプーフ地区の賃貸アパート"
    assert [(p.text, p.district_code) for p in extract_places(text)] == [
        ("プノンペン都", None),
        ("チバール・アンプーフ地区", "1210"),  # the admin word joins the span, as 都 does
    ]
    khmer = "ខេត្តព្រះសីហនុ និង ក្រុងប៉ោយប៉ែត"
    assert [p.province_code for p in extract_places(khmer)] == ["18", "01"]
    thai = "ตำรวจบุกค้นในจังหวัดเสียมราฐ จับกุมชาวจีน"
    assert [p.province_code for p in extract_places(thai)] == ["17"]
    assert [(c.text, c.country_code, c.form) for c in extract_nationalities(thai)] == [
        ("ชาวจีน", "CN", "demonym")
    ]
    # katakana inside a longer katakana word is no country (タイ in スタイル)
    assert extract_nationalities("新しいスタイルの建物") == []


def test_demonyms_and_country_names() -> None:
    text = (
        "19 Thai nationals, 11 Filipinos, a Laotian, Burmese and Lao workers, two South "
        "Koreans and a North Korean were found; Taiwan and Myanmar protested."
    )
    got = [(m.text, m.country_code, m.form) for m in extract_nationalities(text)]
    assert got == [
        ("Thai", "TH", "demonym"),
        ("Filipinos", "PH", "demonym"),
        ("Laotian", "LA", "demonym"),
        ("Burmese", "MM", "demonym"),
        ("Lao", "LA", "demonym"),
        ("South Koreans", "KR", "demonym"),
        ("North Korean", "KP", "demonym"),
        ("Taiwan", "TW", "name"),
        ("Myanmar", "MM", "name"),
    ]
    # lower-case words and given names that are also country names; acronyms in capitals only
    assert extract_nationalities("a thai massage; Jordan and Chad said") == []
    got = [(m.text, m.country_code) for m in extract_nationalities("Two US men told us; Us")]
    assert got == [("US", "US")]
    assert [m.country_code for m in extract_nationalities("an Algerian and two Poles")] == [
        "DZ",
        "PL",
    ]


# --- types, spans, data -----------------------------------------------------------------------


def test_mentions_are_frozen_and_serialisable(statement: str) -> None:
    places, countries = extract_mentions(statement)
    assert isinstance(places[0], PlaceMention) and isinstance(countries[0], CountryMention)
    with pytest.raises(AttributeError):
        places[0].text = "x"  # type: ignore[misc]
    doc = json.dumps([m.to_dict() for m in [*places, *countries]])
    assert "Sihanoukville" in doc


_PIECES = [
    "Sihanoukville",
    "Phnom Penh",
    "Bei commune",
    "Thai",
    "Cambodia",
    "the",
    "March",
    "Mr. Sam",
    "プノンペン",
    "ខេត្តកំពត",
    ", ",
    "’s ",
    "\n",
    "Koh Kong",
    "Vietnamese",
    "Kandal Province",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.text(max_size=20))
def test_spans_always_index_the_input(pieces: list[str], noise: str) -> None:
    text = " ".join(pieces) + noise
    places, countries = extract_mentions(text)
    spans = [(m.start, m.end) for m in [*places, *countries]]
    for m in [*places, *countries]:
        assert text[m.start : m.end] == m.text
    assert len(set(spans)) == len(spans)
    ordered = sorted(spans)
    for (_, end), (start, _) in zip(ordered, ordered[1:], strict=False):
        assert end <= start, "mentions never overlap"


def test_missing_and_non_string_input() -> None:
    assert extract_mentions(None) == ([], [])
    assert extract_mentions(float("nan")) == ([], [])
    assert extract_mentions(pd.NA) == ([], [])
    assert [p.province_code for p in extract_places(pd.Series(["Kampot"]).iloc[0])] == ["07"]


def test_demonyms_file_cites_a_source_and_uses_iso_codes() -> None:
    path = RAW / "gazetteer" / "demonyms.csv"
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(df.columns[:5]) == ["name", "country_code", "form", "language", "source"]
    assert (df["source"].str.strip() != "").all()
    assert set(df["form"]) == {"name", "demonym"}
    for code in set(df["country_code"]):
        assert pycountry.countries.get(alpha_2=code) is not None, code
    assert not df["name"].duplicated().any()


# --- many texts, and the command line ---------------------------------------------------------


def test_extract_frame_keeps_every_row() -> None:
    df = pd.DataFrame({"q": ["Bavet city, Svay Rieng", "", "no place here", "Thai police"]})
    out = extract_frame(df, "q")
    assert list(out.columns) == MENTION_COLUMNS
    assert sorted(set(out["row"])) == [0, 1, 2, 3]
    first = out[out["row"] == 0]
    assert list(first["kind"]) == ["place", "place"]
    assert list(first["province_code"]) == ["20", "20"]
    assert list(out.loc[out["row"] == 1, "kind"]) == [""]
    thai = out[out["row"] == 3].iloc[0]
    assert (thai["kind"], thai["country_code"], thai["text"]) == ("country", "TH", "Thai")
    with pytest.raises(MissingColumnError, match="'text'.*columns found: q"):
        extract_frame(df, "text")


def test_cli_one_document(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("Police raided a compound in Bavet, Svay Rieng; 60 Vietnamese fled.\n")
    runner = CliRunner()
    res = runner.invoke(app, ["extract", str(doc)])
    assert res.exit_code == 0, res.output
    assert "Bavet" in res.output and "Vietnamese" in res.output
    res = runner.invoke(app, ["extract", str(doc), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert [p["province_code"] for p in data["places"]] == ["20", "20"]
    assert [c["country_code"] for c in data["countries"]] == ["VN"]


def test_cli_many_documents(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    pd.DataFrame({"id": ["a", "b"], "body": ["Poipet and Pailin", ""]}).to_csv(src, index=False)
    out = tmp_path / "out.csv"
    runner = CliRunner()
    args = ["extract", "--input", str(src), "--column", "body", "--output", str(out)]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    assert "2 row(s) read" in res.output
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(table.columns) == MENTION_COLUMNS
    assert list(table["row"]) == ["0", "0", "1"]
    assert list(table["province_code"]) == ["01", "24", ""]
    res = runner.invoke(app, [*args[:3], "--column", "nope", "--output", str(out)])
    assert res.exit_code == 2
    assert "'nope'" in res.output and "id, body" in res.output


def test_cli_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Kampong Sp\xe9u".encode("latin-1"))
    runner = CliRunner()
    res = runner.invoke(app, ["extract", str(bad)])
    assert res.exit_code == 2
    assert "latin1.txt" in res.output and "not UTF-8" in res.output
    res = runner.invoke(app, ["extract", str(tmp_path / "missing.txt")])
    assert res.exit_code == 2 and "no such file" in res.output
    src = tmp_path / "in.csv"
    src.write_text("id,body\n1,Kampot\n")
    out = tmp_path / "no" / "such" / "dir.csv"
    res = runner.invoke(
        app, ["extract", "--input", str(src), "--column", "body", "--output", str(out)]
    )
    assert res.exit_code == 2 and "cannot write" in res.output and "dir.csv" in res.output


def test_missing_file_is_a_data_file_error(tmp_path: Path) -> None:
    from compoundmap.geoparse import extract_file

    with pytest.raises(DataFileError, match="missing.txt"):
        extract_file(tmp_path / "missing.txt")


def test_a_long_text_gives_the_mentions_of_its_parts_shifted() -> None:
    """Cost and answer do not depend on what else the text holds: a text made of one part
    repeated gives that part's mentions at every repetition (the scan is linear, so a
    several-megabyte text is as safe as a paragraph)."""
    from dataclasses import replace

    part = (
        "Police raided a compound in Poipet, Banteay Meanchey province, on 3 March, and "
        "moved Thai and Vietnamese workers to Sihanoukville and to Bavet city, Svay Rieng. "
        "Others were held in the capital and in Samraong, Oddar Meanchey. "
        "ពួកគេត្រូវបានរកឃើញនៅខេត្តព្រះសីហនុ។ 柬埔寨西哈努克省的园区。 "
        "Survivors crossed at Chong Chom in Surin province, Thailand.\n\n"
    )
    places, countries = extract_mentions(part)
    assert len(places) >= 6 and len(countries) >= 3
    repeats = 150
    long_places, long_countries = extract_mentions(part * repeats)
    offsets = [k * len(part) for k in range(repeats)]
    assert long_places == [
        replace(m, start=m.start + o, end=m.end + o) for o in offsets for m in places
    ]
    assert long_countries == [
        replace(c, start=c.start + o, end=c.end + o) for o in offsets for c in countries
    ]


@pytest.mark.parametrize("module", ["compoundmap.geoparse.extract", "compoundmap.normalize"])
def test_docstring_examples_hold(module: str) -> None:
    import doctest

    from compoundmap._compiled import source_module

    result = doctest.testmod(source_module(module))
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # newsindialive.in, hindi.dailykiran.com, kampot.city/hi, panchjanya.com
        ("भारतीयों को सिहानोकविले में स्थानीय अधिकारियों के साथ बचाया गया", [("सिहानोकविले", "18")]),
        ("उसने देश के पोइपेट से 67 भारतीय नागरिकों को बचाया है", [("पोइपेट", "01")]),
        ("अंगकोर चेय जिला कंपोट प्रांत के भीतर एक कम प्रसिद्ध रत्न है", [("कंपोट", "07")]),
        ("कंबोडिया की राजधानी नोम पेन्ह में", [("नोम पेन्ह", "12")]),
        # epochtimes.ru: a Russian name in the locative case
        ("Численность китайцев в городе Сиануквиле (Камбоджа) достигла", [("Сиануквиле", "18")]),
    ],
)
def test_names_in_spaced_scripts_without_capitals_are_read(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """Devanagari has no capitals to mark a name, and a Russian name is declined: the
    geoparser reads them word by word (Hindi as aliases and GeoNames write them)."""
    assert [(p.text, p.province_code) for p in extract_places(text)] == expected


def test_a_hindi_word_sharing_a_names_consonants_is_not_a_place() -> None:
    """कपट (deceit) has the consonants of कंपोट (Kampot): Hindi is matched as written."""
    assert extract_places("यह कपट और धोखा है") == []


def test_arabic_list_with_its_commas_and_glued_conjunction_is_read() -> None:
    """The Arabic comma ends a name, and و (and) glued to the last one is not part of it."""
    text = "ألقت الشرطة القبض في محافظات بتامبانگ، پري ڤنگ، وسييم رياپ"
    assert [p.province_code for p in extract_places(text)] == ["02", "14", "17"]
