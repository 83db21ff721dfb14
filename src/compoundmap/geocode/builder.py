"""Building the geocoder's name index from the gazetteer: :class:`IndexBuilder`, which files
every unit, locality, place and village under its keys (``keys.py``) in a fixed order.

Called once per process by :func:`compoundmap.geocode.index.build_index`; nothing else
should need it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .._util import float_or_none, records, str_or_none
from ..gazetteer import Gazetteer
from ..normalize import (
    DISTRICT,
    PROVINCE,
    country_names,
    is_scanned,
    kind_after_words,
    place_key,
    skeleton,
    tokenize,
    vietnamese_word,
)
from ..schema import LEVEL_NAMES
from ..settings import get as get_settings
from .crossings import crossing_cores, crossing_names
from .entries import (
    TIER_CURATED,
    TIER_OFFICIAL,
    TIER_PLACE,
    TIER_VILLAGE,
    Entry,
    NameIndex,
)
from .keys import OFFICIAL_KINDS, alias_hint, is_town_alias, keeps_town_word, keys_for, place_keys

if TYPE_CHECKING:
    from ..normalize import Token

__all__ = ["IndexBuilder"]

_NUMBERED_RE = re.compile(r"^(.+?)\s+(?:Ti|TI|ti)\s+\S+$")


def _abroad(name: str) -> bool:
    """Whether ``name`` is a place abroad (``foreign_places.csv``): the foreign side of a
    crossing gives it no names of its own ("Chong Chom" is in Surin)."""
    from .abroad import is_foreign_name  # abroad reads the index this module builds

    return is_foreign_name(name)


def drops_abroad(toks: Sequence[Token]) -> bool:
    """Whether a name's stop or admin words, which its key leaves out, include a place
    abroad ("China Project" → project): such a curated name keeps its full key, and its
    first word may start a span (``index.name_edge_words``)."""
    return any(_abroad(t.text) for t in toks if t.stop or t.admin is not None)


def _kind_twins(toks: Sequence[Token], keys: list[str]) -> list[str]:
    """The key of a curated name kept whole ("A7 Park", "Taeja Complex") with its end word
    in the English kind word it means (``normalize.kind_after_words``: park, complex →
    compound), the word a kind word of another script after the name is read as ("A7园区" →
    "A7 compound"); empty when the key drops its end word or the word is that kind word."""
    last = toks[-1].text if len(toks) > 1 else ""
    kind = kind_after_words().get(last)
    if kind is None or kind == last or "".join(t.text for t in toks) not in keys:
        return []
    return ["".join(t.text for t in toks[:-1]) + kind.replace(" ", "")]


def _legacy_districts(by_code: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Communes whose 2018 district (by their HDX p-code) is now another 2025 district →
    that 2018 district's 2025 code."""
    by_pcode = {
        str(row["pcode"]): code
        for code, row in by_code.items()
        if row["pcode"] and row["level"] == 2
    }
    legacy: dict[str, str] = {}
    for code, row in by_code.items():
        if row["level"] == 3 and row["pcode"]:
            old = by_pcode.get(str(row["pcode"])[:6])
            if old and old != row["district_code"]:
                legacy[code] = old
    return legacy


class IndexBuilder:
    """Collects entries under their keys, in the order the gazetteer's tables are read
    (the order decides ties later, so the steps of :func:`build_index` keep it)."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.by_code = {str(r["code"]): r for r in records(gaz.units)}
        self.legacy = _legacy_districts(self.by_code)
        self.index: dict[str, list[Entry]] = {}
        self.vietnamese: set[str] = set()
        self.towns: dict[str, list[str]] = {}  # province → its eponymous district(s)
        self.town_names: dict[str, set[str]] = {}  # such a district → its towns' name keys
        self.min_letters = get_settings().index_key_min_letters

    def add(
        self, name: str, entry: Entry, *, official: bool = False, keys: list[str] | None = None
    ) -> None:
        """File ``entry`` under every key of ``name`` (once; single letters are skipped).

        Parameters
        ----------
        name : str
            The name the entry is found by.
        entry : Entry
            What the name refers to.
        official : bool, default False
            ``name`` is an official unit name (see :func:`keys_for`).
        keys : list of str or None, default None
            The keys to file it under instead of those :func:`keys_for` makes.
        """
        viet = any(vietnamese_word(w) for w in name.split())
        for key in keys if keys is not None else keys_for(name, official):
            if viet:
                self.vietnamese.add(key)
            if not key or (key.isascii() and len(key) < self.min_letters and not key.isdigit()):
                continue
            bucket = self.index.setdefault(key, [])
            if entry not in bucket:
                bucket.append(entry)

    def unit_entry(self, code: str, name: str, tier: int, source: str, hint: int | None) -> Entry:
        """The entry of admin unit ``code`` under one of its names.

        Parameters
        ----------
        code : str
            The unit's MEF 2025 code (province, district or commune).
        name : str
            The name the entry is filed under.
        tier : int
            Its tier (``TIER_CURATED`` … ``TIER_VILLAGE``: lower wins a tie).
        source : str
            Where the name comes from (the ``source`` of an alias row).
        hint : int or None
            The admin level the name's own admin word implies ("Koh Kong town" → district).

        Returns
        -------
        Entry
            The entry, with the unit's codes, point and 2018 district (if it moved since).
        """
        row = self.by_code[code]
        level = int(row["level"])
        return Entry(
            name=name,
            kind=LEVEL_NAMES[level],
            province_code=str(row["province_code"]),
            district_code=str(row["district_code"]) if level >= 2 else None,
            commune_code=code if level == 3 else None,
            lat=float_or_none(row["lat"]),
            lon=float_or_none(row["lon"]),
            tier=tier,
            source=source,
            hint=hint,
            legacy_district=self.legacy.get(code),
        )

    def add_country_names(self) -> None:
        """Names of Cambodia itself (``country_names.csv``)."""
        for name in country_names():
            self.add(name, Entry(name, "country", None, None, None, None, None, 0, "compoundmap"))

    def add_unit_names(self) -> None:
        """Every name of every admin unit (``Gazetteer.aliases``); a numbered sangkat
        ("Phsar Thmei Ti Bei") also under its bare name, which names all of them and resolves
        to their common district ("Phsar Thmei", "Boeng Kak")."""
        aliases = self.gaz.aliases[["alias", "code", "kind", "source"]]
        for alias, code, kind, source in aliases.itertuples(index=False):
            tier = TIER_CURATED if kind == "curated" else TIER_OFFICIAL
            hint = alias_hint(alias) if kind == "curated" else None
            town_alias = hint is not None and is_town_alias(alias)
            official = kind in OFFICIAL_KINDS
            entry = self.unit_entry(str(code), str(alias), tier, str(source), hint)
            if town_alias:
                entry = replace(entry, town_alias=True)
            if kind == "curated" and self._vietnamese_spelling(str(alias), entry, official):
                continue
            self.add(alias, entry, official=official)
            town = self._eponymous_town(str(code)) if kind == "curated" else None
            if (
                town is not None
                and not str(alias).isascii()
                and place_key(str(alias)) not in self.town_names.get(town, ())
            ):
                # a province's name in another script beside a town word (เมืองเปรยแวง) is
                # its eponymous town, as "Prey Veng town" is in Latin letters
                source_town = f"{source}; its eponymous town"
                town_entry = self.unit_entry(town, str(alias), tier, source_town, DISTRICT)
                self.add(alias, replace(town_entry, town_alias=True, inferred=True))
            numbered = _NUMBERED_RE.match(str(alias)) if kind == "name_en_2025" else None
            if numbered:
                bare = numbered.group(1)
                dropped = f"{source}, number dropped"
                self.add(bare, self.unit_entry(str(code), bare, TIER_OFFICIAL, dropped, None))

    def _vietnamese_spelling(self, alias: str, entry: Entry, official: bool) -> bool:
        """Whether a curated alias spelt the Vietnamese way ("Bà Vét") only spells a name
        the index already files for the same unit under the same keys ("Bavet"): then its
        keys are marked as names the gazetteer spells that way (a Vietnamese word there is
        no piece of a Vietnamese name) and no second entry is filed, so the unit's own name
        keeps answering as before."""
        if not any(vietnamese_word(w) for w in alias.split()):
            return False
        keys = [k for k in keys_for(alias, official) if k]
        code = entry.commune_code or entry.district_code or entry.province_code
        if not keys or not all(
            any(
                (e.commune_code or e.district_code or e.province_code) == code
                for e in self.index.get(k, ())
            )
            for k in keys
        ):
            return False
        self.vietnamese.update(keys)
        return True

    def _eponymous_town(self, code: str) -> str | None:
        """The district of province ``code`` that has the province's own name (the krong of
        Prey Veng is Prey Veng), if any."""
        if not self.towns:
            names = {c: place_key(str(r["name_en"])) for c, r in self.by_code.items()}
            # the district a curated alias "<province> town" names ("Takeo town" → 2108,
            # "Koh Kong town" → 0904): the krong, even where it is named otherwise (Pursat is
            # Pousat, Takeo is Doun Kaev) or another district has the province's name
            # (Kaoh Kong, 0903, is not the town)
            curated = self.gaz.aliases[self.gaz.aliases["kind"] == "curated"]
            for alias, c in curated[["alias", "code"]].itertuples(index=False):
                c, alias = str(c), str(alias)
                if (
                    len(c) == 4
                    and alias.isascii()
                    and is_town_alias(alias)
                    and place_key(alias) == names.get(c[:2])
                ):
                    towns = self.towns.setdefault(c[:2], [])
                    towns += [] if c in towns else [c]
                    # GeoNames already reads the town's own names there as the town
                    self.town_names[c] = self._town_names(c)
            # else the district that has the province's own name (Prey Veng)
            by_alias = set(self.towns)
            for c, r in self.by_code.items():
                if int(r["level"]) == 2 and c[:2] not in by_alias and names[c] == names.get(c[:2]):
                    self.towns.setdefault(c[:2], []).append(c)
        towns = self.towns.get(code, [])
        return towns[0] if len(towns) == 1 else None

    def _town_names(self, district: str) -> set[str]:
        """Keys of the names and alternate names of the GeoNames towns of ``district``."""
        places = self.gaz.places
        towns = places[
            (places["district_code"] == district)
            & (places["population"] >= get_settings().town_population)
        ]
        return {
            place_key(str(n))
            for name, alternates in towns[["name", "alternatenames"]].itertuples(index=False)
            for n in [name, *alternates]
        }

    def add_localities(self) -> None:
        """Curated localities (``localities.csv``) under their name and aliases, and a name
        kept whole with an English kind word also under its twin key (``_kind_twins``)
        when no name already has that key."""
        twins: list[tuple[str, Entry, str]] = []
        for row in records(self.gaz.localities):
            entry = Entry(
                name=str(row["name"]),
                kind=str(row["kind"]),
                province_code=str_or_none(row["province_code"]),
                district_code=str_or_none(row["district_code"]),
                commune_code=str_or_none(row["commune_code"]),
                lat=float_or_none(row["lat"]),
                lon=float_or_none(row["lon"]),
                tier=TIER_CURATED,
                source=str(row["source"]),
                needs_context=bool(row["needs_context"]),
                legacy_district=self.legacy.get(str_or_none(row["commune_code"]) or ""),
            )
            names = [str(row["name"]), *map(str, row["aliases"])]
            if entry.kind == "border_crossing":
                names += [n for n in crossing_names(names, _abroad) if n not in names]
            for name in names:
                keys = self._locality_keys(name)
                self.add(name, entry, keys=keys)
                twins += [(name, entry, k) for k in _kind_twins(tokenize(name), keys)]
        named = set(self.index)
        for name, entry, key in twins:
            if key not in named:  # a name as written wins over another's twin
                self.add(name, entry, keys=[key])

    def add_crossing_cores(self) -> None:
        """Curated border crossings under their bare place name ("Daung", "Chong Chom"),
        when no other entry has that key and it is two words or five letters long: a name
        a unit, village or place bears keeps meaning that place."""
        taken = set(self.index)
        for row in records(self.gaz.localities):
            if row["kind"] != "border_crossing":
                continue
            names = [str(row["name"]), *map(str, row["aliases"])]
            entry = next(e for e in self.index[keys_for(names[0])[0]] if e.name == names[0])
            for core in crossing_cores(names, _abroad):
                keys = keys_for(core)
                if keys and keys[0] not in taken and (" " in core or len(keys[0]) >= 5):
                    self.add(core, entry, keys=keys[:1])

    def _locality_keys(self, name: str) -> list[str]:
        """Keys of a locality's name: "Koh Kong Resort" and "O'Smach Resort" keep their
        end word, because without it they would be the name of an admin unit ("Koh Kong",
        "Ou Smach"), which must keep meaning the unit; so does "Moc Bai Casino" (the Bavet
        casino), whose bare name is a place abroad (``foreign_places.csv``). So does a name
        whose key would be a bare number ("A7 Park" → 7: the letter is a stop word) or would
        lose a word that names a place abroad ("China Project" → project): that key is a
        number or an ordinary word, not the landmark."""
        keys = keys_for(name)
        toks = tokenize(name)
        full = "".join(t.text for t in toks)
        if full not in keys and (
            any(
                e.kind in ("province", "district", "commune")
                for k in keys
                for e in self.index.get(k, ())
            )
            or any(_abroad(k) or k.isdigit() for k in keys)
            or drops_abroad(toks)
        ):
            return [full]
        return keys

    def _unit_keys(self) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        """Province code → keys of the province's names; province code → keys of its
        districts' names."""
        province_keys: dict[str, set[str]] = {}
        district_keys: dict[str, set[str]] = {}
        for alias, code in self.gaz.aliases[["alias", "code"]].itertuples(index=False):
            target = province_keys if len(str(code)) == 2 else district_keys
            if len(str(code)) <= 4:
                target.setdefault(str(code)[:2], set()).add(place_key(str(alias)))
        return province_keys, district_keys

    def _place_entry(self, row: dict[str, Any], town_population: int) -> Entry:
        """A GeoNames place; a town (``town_population`` or more) stops at its district."""
        town = int(row["population"]) >= town_population
        return Entry(
            name=str(row["name"]),
            kind="place",
            province_code=str_or_none(row["province_code"]),
            district_code=str_or_none(row["district_code"]),
            commune_code=None if town else str_or_none(row["commune_code"]),
            lat=float_or_none(row["lat"]),
            lon=float_or_none(row["lon"]),
            tier=TIER_PLACE,
            source=f"GeoNames {row['geonameid']}",
            population=int(row["population"]),
        )

    def _curated_as_town(self, key: str, town: Entry) -> bool:
        """Whether a curated alias files the bare ``key`` as ``town``'s district (the
        project's decision that "Sihanoukville" means the city, not the province)."""
        return any(
            e.tier == TIER_CURATED
            and e.kind == "district"
            and e.code == town.district_code
            and e.hint is None  # the bare name, not "<name> city"
            for e in self.index.get(key, ())
        )

    def add_places(self) -> None:
        """GeoNames places under their name and alternate names (not codes such as KOS or
        PNH, nor very short romanisations). A capital that is its own province (Phnom Penh)
        is filed as the province."""
        settings = get_settings()
        province_keys, district_keys = self._unit_keys()
        for row in records(self.gaz.places):
            entry = self._place_entry(row, settings.town_population)
            province = entry.province_code
            if not province:
                continue
            key = place_key(str(row["name"]))
            named_like_province = key in province_keys.get(province, ())
            if named_like_province and key not in district_keys.get(province, ()):
                entry = self.unit_entry(province, str(row["name"]), TIER_PLACE, entry.source, None)
            # a town named like its province ("Siem Reap", "Pursat"): its other spellings
            # ("Siem Riep", "Porsat") are the province's too, so a bare one means the
            # province, as the province's own spellings do, and a town word the town —
            # unless a curated alias reads the bare name as the town (Sihanoukville): its
            # other spellings ("Sihanukville") then mean the town, as the name does, and
            # the province only with a province word
            also = (
                self.unit_entry(
                    province,
                    str(row["name"]),
                    TIER_PLACE,
                    entry.source,
                    PROVINCE if self._curated_as_town(key, entry) else None,
                )
                if named_like_province and entry.kind == "place" and entry.commune_code is None
                else None
            )
            self.add(str(row["name"]), entry)
            for alt in row["alternatenames"]:
                alt_key = place_key(alt)
                if alt_key.isascii() and (
                    len(alt_key) < settings.alternate_name_min_letters or alt.isupper()
                ):
                    continue
                keys = place_keys(alt)
                self.add(alt, entry, keys=keys)
                if also is not None:
                    # not under a key that keeps its town word ("暹粒市", "ក្រុងសៀមរាប"),
                    # nor one that already names the province
                    keys = [
                        k
                        for k in keys
                        if not keeps_town_word(k)
                        and not any(
                            e.kind == "province" and e.province_code == province
                            for e in self.index.get(k, ())
                        )
                    ]
                    self.add(alt, also, keys=keys)

    def add_villages(self) -> None:
        """The MEF 2025 villages (English and Khmer names), last: the weakest evidence."""
        for row in records(self.gaz.villages):
            commune = str(row["commune_code"])
            entry = Entry(
                name=str(row["name_en"]),
                kind="village",
                province_code=str(row["province_code"]),
                district_code=str(row["district_code"]),
                commune_code=commune if self.by_code.get(commune) is not None else None,
                lat=None,
                lon=None,
                tier=TIER_VILLAGE,
                source="MEF 2025 village list",
                self_named=self._self_named(row, "name_en"),
            )
            self.add(str(row["name_en"]), entry)
            if row["name_km"]:
                self.add(
                    str(row["name_km"]), replace(entry, self_named=self._self_named(row, "name_km"))
                )

    def _self_named(self, row: dict[str, Any], column: str) -> bool:
        """Whether the village's name (``column``) is its own commune's or district's name
        followed by more: "Bavet Kandal" in the sangkat Bavet, "Prek Chrey Krom" in Prek
        Chrey (whole words in English, a longer string in Khmer)."""
        name = str(row[column] or "").casefold()
        for code in (str(row["commune_code"]), str(row["district_code"])):
            unit = self.by_code.get(code)
            parent = str((unit or {}).get(column) or "").casefold()
            if not parent or len(name) <= len(parent) or not name.startswith(parent):
                continue
            nxt = name[len(parent)]
            # English: a whole word more; Khmer: the next letter starts a syllable (a
            # consonant or an independent vowel, not a vowel sign of the parent's last one)
            if nxt == " " if column == "name_en" else "\u1780" <= nxt <= "\u17b3":
                return True
        return False

    def freeze(self) -> NameIndex:
        """The finished index, its skeleton index and the longest script key."""
        names = {key: tuple(entries) for key, entries in self.index.items()}
        min_skeleton = get_settings().skeleton_min_letters
        skeletons: dict[str, list[str]] = {}
        for key, entries in names.items():
            if not key.isascii() or all(e.tier == TIER_VILLAGE for e in entries):
                continue
            skel = skeleton(key)
            if len(skel) >= min_skeleton:
                skeletons.setdefault(skel, []).append(key)
        max_script = max((len(k) for k in names if is_scanned(k)), default=1)
        return NameIndex(
            names,
            {s: tuple(keys) for s, keys in skeletons.items()},
            max_script,
            frozenset(self.vietnamese),
        )
