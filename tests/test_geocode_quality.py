"""What issue 11 asks of the geocoder on real strings: accuracy floors on every labelled set,
the top confidence band wrong at most once in a hundred, no Cambodian place in a passage
about somewhere else, and the issue's own examples. The sets are in ``tests/data/``
(provenance in its README); ``benchmarks/eval_geocode.py`` prints the same figures."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from compoundmap import errors, get_gazetteer
from compoundmap.geocode import GeocodeResult, geocode, geocode_frame, geocode_places
from compoundmap.geoparse import extract_places

DATA = Path(__file__).parent / "data"


@cache
def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, dtype=str, keep_default_na=False)


@cache
def _legacy() -> dict[str, str]:
    """Commune → the 2025 code of its 2018 district: some gold districts predate 2025."""
    units = get_gazetteer().units
    districts = units[units["level"] == 2]
    by_pcode = dict(zip(districts["pcode"], districts["code"], strict=True))
    communes = units[units["level"] == 3]
    return {
        c: by_pcode[p[:6]]
        for p, c in zip(communes["pcode"], communes["code"], strict=True)
        if isinstance(p, str) and p[:6] in by_pcode
    }


def _in_district(r: GeocodeResult, district: str) -> bool:
    return r.district_code == district or _legacy().get(r.commune_code or "") == district


def _dev_rows() -> pd.DataFrame:
    """The bundled dev set in the columns of the broader sets (district names → codes)."""
    dev = _read("geocode_dev.csv")
    units = get_gazetteer().units
    d = units[units["level"] == 2]
    code = dict(zip(zip(d["province_code"], d["name_en"], strict=True), d["code"], strict=True))
    return pd.DataFrame(
        {
            "query": dev["query"],
            "gold_places": dev["gold_province_code"],
            "gold_district_code": [
                code.get(k, "")
                for k in zip(dev["gold_province_code"], dev["gold_district_name"], strict=True)
            ],
            "gold_commune_code": "",
        }
    )


#: The first rows of ``geocode_broad.csv`` are the round-2 set (304 strings); the rows after
#: them were added in round 4 for the kinds the held-out sets found weak (README).
_ROUND2_ROWS = 304


def _sets() -> dict[str, pd.DataFrame]:
    broad = _read("geocode_broad.csv")
    round2 = broad.iloc[:_ROUND2_ROWS]
    return {
        "dev set": _dev_rows(),
        "broad dev": broad[broad["split"] == "dev"],
        "broad test": broad[broad["split"] == "test"],
        "round-2 broad dev": round2[round2["split"] == "dev"],
        "round-2 broad test": round2[round2["split"] == "test"],
        "fresh held-out": _read("geocode_fresh.csv"),
        "fresh2 held-out": _read("geocode_fresh2.csv"),
        "fresh3 held-out": _read("geocode_fresh3.csv"),
        "fresh4 held-out": _read("geocode_fresh4.csv"),
        "fresh5 held-out": _read("geocode_fresh5.csv"),
        "fresh6 held-out": _read("geocode_fresh6.csv"),
        "fresh7 held-out": _read("geocode_fresh7.csv"),
        "fresh8 held-out": _read("geocode_fresh8.csv"),
        "fresh9 held-out": _read("geocode_fresh9.csv"),
    }


@cache
def _scores(name: str) -> tuple[float, float, list[str]]:
    """(province accuracy, district accuracy, the wrong places of the top band) of a set,
    scored as the build reads a field (``geocode_places``)."""
    rows = _sets()[name]
    prov = dist = n_dist = 0
    wrong_high: list[str] = []
    n_high = 0
    for q, places, district, commune in rows[
        ["query", "gold_places", "gold_district_code", "gold_commune_code"]
    ].itertuples(index=False):
        gold = {p for p in places.split(";") if p}
        found = [r for r in geocode_places(q) if r.province_code]
        prov += {r.province_code for r in found} == gold
        if district:
            n_dist += 1
            dist += bool(found) and all(_in_district(r, district) for r in found)
        for r in found:
            if r.confidence != "high":
                continue
            n_high += 1
            if (
                r.province_code not in gold
                or (district and r.district_code and not _in_district(r, district))
                or (commune and r.commune_code and r.commune_code != commune)
            ):
                wrong_high.append(f"{q!r} → {r.province_code}/{r.district_code}")
    # (a third of the strings that name a Cambodian place: fresh6's top band holds 12 of 28,
    # the geocoder being unsure of most of its strings; the other sets hold well over half)
    n_placed = int((rows["gold_places"] != "").sum())
    assert n_high >= n_placed // 3, f"{name}: the top band must not be a rarity"
    return prov / len(rows), dist / n_dist, wrong_high + [f"of {n_high}"]


@pytest.mark.parametrize("name", ["dev set", "broad dev", "broad test"])
def test_top_confidence_is_wrong_at_most_once_in_a_hundred(name: str) -> None:
    *wrong, of = _scores(name)[2]
    n_high = int(of.split()[1])
    assert len(wrong) <= n_high / 100, (name, wrong)


def test_held_out_floors() -> None:
    """The held-out set as measured (docs/geocoding.md): round 3 province 89 %, district
    86 %, one wrong place of 57 in the top band; round 4 province 90.3 % (84/93), none of 56
    wrong in the top band (the placement doubt was written for that one error, so the top
    band is no longer unseen evidence); after round 8 92.5 % (86/93), 86.5 %; after round 9
    94.6 % (88/93), 92.3 % (48/52), none of 63 wrong in the top band; after round 10
    97.8 % (91/93), 96.2 % (50/52), none of 65 wrong (two of the three rows gained came
    from fixes in classes the overlap check had shown in held-out text: see
    docs/geocoding.md, Round 10). The issue's goal for this kind of string (97 %, 90 %, the
    top band wrong at most once in 100) is the floor."""
    prov, dist, found = _scores("fresh held-out")
    *wrong, of = found
    assert prov >= 0.97 and dist >= 0.90, (prov, dist)
    assert len(wrong) <= int(of.split()[1]) / 100, wrong


def test_second_held_out_floors() -> None:
    """fresh2, never read while tuning, as measured after round 4 (docs/geocoding.md):
    province 84.6 %, district 76.5 %, two wrong places of 78 in the top band; after round 5
    (scored once, aggregates only) 86.0 %, 79.0 %, two wrong of 77; after the lead's rules of
    round 5 88.8 %, 80.2 %, one wrong of 79; after round 8 90.9 %, 85.2 %, one wrong of 81;
    after round 9 91.6 %, 85.2 %, none of 82 wrong; after round 10 92.3 %, 85.2 %, none of
    88 wrong. The issue's goal for this kind of string
    (90 %, 85 %, the top band wrong at most once in 100) is the floor."""
    prov, dist, found = _scores("fresh2 held-out")
    *wrong, of = found
    assert prov >= 0.90 and dist >= 0.85, (prov, dist)
    assert len(wrong) <= int(of.split()[1]) / 100, wrong


def test_dev_set_and_broad_set_floors() -> None:
    """The issue's goal (90 %, 85 %) holds on the round-2 broad set; with the harder round-4
    and round-5 rows the whole set is held to what it measures (docs/geocoding.md; round 5:
    dev 93.8 %/93.3 %, test 89.9 %/84.6 %), a floor against regressions. Round 6 added 164
    rows (landmarks, other languages, strings like the bundled ones: 86 dev, 78 test); at its
    end the set measures dev 95.6 %/95.5 %, test 89.9 %/85.6 %; rounds 7 and 8 added 341
    (179 dev, 162 test), after which it measures dev 97.4 %/97.7 %, test 93.2 %/86.5 %.
    Round 9 (r9-zh) added 57 Chinese rows (30 dev, 27 test; the test rows 20/27, district
    7/10, no earlier row answered otherwise): dev 97.5 %/97.8 %, test 92.2 %/85.9 %; with
    the Japanese/Korean, Khmer and English landmark rows of round 9 (647 dev, 558 test) dev
    97.1 %/96.9 %, test 91.9 %/85.4 %. r9-zh2 added 32 Simplified Chinese rows (19 dev, 13
    test; the test rows 11/13, district 0/2: unknown landmark names, a district named by
    translation): dev 97.0 %/96.6 %, test 91.8 %/84.9 %. r9-ja2 added 43 Japanese rows (22
    dev, 21 test; the test rows 19/21, district 7/11). At the end of round 9 (1,425 rows:
    759 dev, 666 test) dev 97.2 %/96.7 %, test 92.0 %/85.3 %: the floors follow. Round 11
    added rows of the kinds the never-seen fresh3 set found weak (landmarks, places abroad,
    communes with their district, French, Russian, and scripts the geocoder barely read:
    Tamil, Bengali, Telugu, Urdu, Arabic …). No row of round 10's set answers worse (dev
    1,034 → 1,041, test 889 → 893), but the new rows are harder (the scripts' test rows score
    about one in three), so the floors follow what the whole set measures (end of round 11:
    see docs/geocoding.md) with a small margin: dev 96 %/94 %, test 90.5 %/82.5 %."""
    prov, dist, _ = _scores("dev set")
    assert prov >= 0.97 and dist >= 0.90, (prov, dist)
    for name in ("round-2 broad dev", "round-2 broad test"):
        prov, dist, _ = _scores(name)
        assert prov >= 0.90 and dist >= 0.85, (name, prov, dist)
    for name, floor in (("broad dev", (0.96, 0.94)), ("broad test", (0.905, 0.825))):
        prov, dist, _ = _scores(name)
        assert prov >= floor[0] and dist >= floor[1], (name, prov, dist)


def test_every_labelled_string_is_counted_once() -> None:
    """A string repeated in the broad set (or also in the bundled dev set) would be scored
    twice; curators append rows from several branches, so this is checked, not assumed."""
    broad = _read("geocode_broad.csv")
    repeated = broad["query"][broad["query"].duplicated()].tolist()
    assert not repeated, repeated
    assert not set(broad["query"]) & set(_dev_rows()["query"])


def test_passages_about_somewhere_else_name_no_cambodian_place() -> None:
    passages = _read("passages.csv")
    n_high = wrong = 0
    for text, gold, foreign in passages[
        ["passage", "gold_province_codes", "is_foreign_only"]
    ].itertuples(index=False):
        found = [m for m in extract_places(text) if m.province_code]
        if foreign == "true":
            assert not found, (text, [(m.text, m.province_code) for m in found])
        for m in found:
            if m.confidence == "high":
                n_high += 1
                wrong += m.province_code not in set(gold.split(";"))
    assert wrong <= n_high / 100


# --- the examples of the issue ---------------------------------------------------------


def test_two_provinces_in_one_field() -> None:
    # CR-0224, misspelt as the source writes it and spelt right
    for text in (
        "Cambodia's Ouddar Meanchey and Kampot provinces",
        "Cambodia's Oddar Meanchey and Kampot provinces",
    ):
        assert [r.province_code for r in geocode_places(text)] == ["22", "07"], text


@pytest.mark.parametrize(
    ("patterns", "per_100"),
    [
        (("{a} and {b}", "{b}, {a}", "{a} and {b} provinces", "from {a} to {b}"), 1),
        # a lower-case "or" ("ou") before a capitalised name joins the two: it is not the
        # stream prefix Or/Ou of the next name (125 of 804 wrong before, 21 after)
        (("{a} or {b}", "{b} or {a}", "{a} ou {b}"), 3),
    ],
    ids=["and", "or"],
)
def test_lists_of_provinces_in_every_spelling_keep_every_province(
    patterns: tuple[str, ...], per_100: int
) -> None:
    # every GeoNames spelling of a provincial town named like its province, listed with
    # another province in several ways; a name after "from" alone is a place, and a province
    # named outside the scope of another is not read as a commune inside it ("Kampong
    # Thom and Kratie" is not the commune Kampong Cham of Kratie)
    from compoundmap.normalize import place_key

    gaz = get_gazetteer()
    units = gaz.units
    provinces = {
        str(c): str(n)
        for c, n in zip(units["code"], units["name_en"], strict=True)
        if len(str(c)) == 2
    }
    codes = sorted(provinces)
    places = gaz.places
    n = wrong = 0
    for name, code, population, alternates in zip(
        places["name"],
        places["province_code"],
        places["population"],
        places["alternatenames"],
        strict=True,
    ):
        code = str(code)
        if int(population) < 10_000 or place_key(str(name)) != place_key(provinces.get(code, "")):
            continue
        for i, alt in enumerate(a for a in alternates if a.isascii() and len(a) >= 4):
            other = codes[(codes.index(code) + 1 + i) % len(codes)]
            for pattern in patterns:
                text = pattern.format(a=alt, b=provinces[other])
                found = {r.province_code for r in geocode_places(text) if r.province_code}
                n += 1
                wrong += found != {code, other}
    assert n >= 800
    assert wrong <= n * per_100 // 100, (wrong, n)


def test_a_village_named_with_its_commune_is_confident_only_when_single() -> None:
    # 600 villages of the MEF list whose commune's name other communes share, written
    # "<village> village, <commune> commune": a pair that several communes hold ("Lvea
    # village, Lvea commune": four) is no confident answer, even where GeoNames has a
    # point or a town of that name in one of them (6 wrong at the top band before)
    gaz = get_gazetteer()
    units = gaz.units
    communes = units[units["level"] == 3]
    shared = set(communes["name_en"][communes["name_en"].duplicated(keep=False)])
    name_of = dict(zip(units["code"].astype(str), units["name_en"], strict=True))
    villages = gaz.villages[
        [name_of.get(str(c)) in shared for c in gaz.villages["commune_code"]]
    ].sample(n=600, random_state=5)
    wrong_high = 0
    for name, commune in zip(villages["name_en"], villages["commune_code"], strict=True):
        r = geocode(f"{name} village, {name_of[str(commune)]} commune")
        wrong_high += r.confidence == "high" and r.commune_code != str(commune)
    assert wrong_high <= len(villages) // 200, wrong_high


def test_an_ordinary_word_is_no_place() -> None:
    # CR-0263: Indonesian "terang" (bright) is not the commune Trang in Battambang
    text = (
        "Bavet ... kasino dalam gedung pencakar langit yang terang benderang seperti "
        "Le Macao, Kasino Mocbai, New World, dan King Crown"
    )
    assert {r.province_code for r in geocode_places(text)} == {"20"}


def test_a_misspelt_province_is_never_a_confident_finer_place() -> None:
    for text, province in (
        ("Kanmong Cham", "03"),
        ("Stnuk Treng", "19"),
        ("Banhtay Meanchey", "01"),
        ("Kampon Cham", "03"),
        ("Pney Veg", "14"),
    ):
        for r in geocode_places(text):
            if r.province_code != province:
                assert r.confidence != "high", (text, r)


@pytest.mark.parametrize("province", [22, "22", "KH22", "Oddar Meanchey", "ឧត្តរមានជ័យ"])
def test_context_is_used_in_every_form(province: object) -> None:
    r = geocode("Samraong", province=province)  # type: ignore[arg-type]
    assert r.district_code == "2204" and "+context" in r.method


def test_context_that_names_nothing_is_refused() -> None:
    with pytest.raises(errors.GeocodeError, match="Nowhere"):
        geocode("Samraong", province="Nowhere")
    with pytest.raises(errors.GeocodeError):
        geocode_places("Samraong", district="Atlantis")
    df = pd.DataFrame({"place": ["Samraong", "Samraong"], "prov": ["7", "Nowhere"]})
    with pytest.warns(errors.GeocodeWarning, match="row 1"):
        out = geocode_frame(df, "place", province_column="prov")
    assert list(out["district_code"]) == ["0702", None]  # used, then refused and said so


def test_a_stated_district_refines_a_province() -> None:
    r = geocode("Siem Reap", district="Siem Reap city")
    assert (r.province_code, r.district_code) == ("17", "1710")


def test_several_places_one_row_each_keeping_the_input_row() -> None:
    df = pd.DataFrame({"place": ["Phnom Penh; Sihanoukville", "Bavet"]})
    out = geocode_frame(df, "place", places=True)
    assert list(out["input_row"]) == [0, 0, 1]
    assert list(out["place_index"]) == [0, 1, 0]
    assert list(out["province_code"]) == ["12", "18", "20"]


#: The held-out sets collected from round 10 on, each by a curator who never ran the
#: geocoder nor read its code, curated names or any labelled set, and what each measured
#: (docs/geocoding.md). Below the issue's goals (90 %, 85 %, once in 100): floors against
#: regressions only; on failure only the counts are shown, a set stays unread until the
#: lead reads it to learn its classes (fresh4, fresh6 and fresh7 are read sets now).
#: set → (province floor, district floor, what was measured)
_LATER_SETS: dict[str, tuple[float, float, str]] = {
    "fresh3 held-out": (
        0.87,
        0.87,
        "round 10, scored once: province 87.1 % (74/85), district 87.5 % (28/32), one wrong "
        "place of 56 in the top band; 76/85, 29/32 at the end of round 13",
    ),
    "fresh4 held-out": (
        0.82,
        0.78,
        "start of round 11, scored with the code of its start and end: 82.8 % (77/93) both "
        "times, 78.3 % (18/23), one wrong of 61; its 16 wrong rows were then read",
    ),
    "fresh5 held-out": (
        0.87,
        0.7,
        "end of round 11 (32 strings; every candidate naming a place an earlier set holds was "
        "dropped): 29/32 both times, district 7/10 → 8/10, top band 21/21 → 22/22",
    ),
    "fresh6 held-out": (
        0.85,
        0.7,
        "start of round 12 (40 strings, 13 languages): 31/40 = 77.5 % both times, district "
        "3/7, top band 11/12; read at the start of round 13, then 35/40, 5/7",
    ),
    "fresh7 held-out": (
        0.82,
        0.85,
        "start of round 13 (41 strings, 10 languages): 34/41 → 35/41 = 85.4 %, district "
        "6/7 → 7/7, top band 40/40 → 41/41; read at the start of round 14",
    ),
    "fresh8 held-out": (
        0.90,
        0.8,
        "start of round 14 (40 strings, 14 languages; 22 landmarks): 37/40 = 92.5 %, "
        "district 6/6, top band 25/25 with the code of the start of round 14; read at the "
        "start of round 15, then 40/40",
    ),
    "fresh9 held-out": (
        0.92,
        0.6,
        "start of round 15 (40 strings, 12 languages; 20 landmarks): 38/40 = 95.0 %, "
        "district 2/3, top band 27/27 with the code of the start and of the end of round 15",
    ),
}


@pytest.mark.parametrize("name", list(_LATER_SETS))
def test_later_held_out_floors(name: str) -> None:
    """Each later held-out set keeps its floor (``_LATER_SETS``) and its top band is wrong
    at most once."""
    prov_floor, dist_floor, _measured = _LATER_SETS[name]
    prov, dist, found = _scores(name)
    *wrong, of = found
    assert prov >= prov_floor and dist >= dist_floor, (name, prov, dist)
    assert len(wrong) <= 1, f"{name}: {len(wrong)} wrong in the top band {of}"
