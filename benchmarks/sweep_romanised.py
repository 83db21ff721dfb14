"""Sweep: the romanised reading of names in scripts without a reader of their own
(``geocode/romanised.py``): Indic scripts, Arabic script, Greek, Hebrew, Ethiopic, Burmese …

Positives: every alias (``aliases.csv``) and GeoNames alternate name of a Cambodian place
written in one of these scripts, read by the romanised reading alone (the name as written is
listed, so the geocoder finds it without that reading: the sweep asks whether a spelling
nobody listed would be read), as written and with each ending of its script
(``stop_words.csv``, role ``romanised_ending``) glued on; right when exactly the name's
province comes back. Negatives: the words of the ordinary sentences of
``sweep_indic_words.py`` and ``sweep_province_names.py`` (Bengali, Tamil, Malayalam, Telugu,
Gujarati, Arabic, Greek news on Cambodia, place names left out), and the words of the
evidence quotes of ``geocode_broad.csv`` rows in these scripts, minus the words of the row's
query, alone and in runs of two and three: what the geocoder places in them with the
romanised reading and without it (each new place is a false reading unless the run holds a
name).

Beside a place read (round 13, ``read_romanised_beside``): each listed name with an ending of
its script glued on (a spelling nobody listed) written before and after a listed name of
another province in the same script (the partner: the first listed name of the script the
geocoder reads as written), read by ``geocode_places``: right when exactly the two provinces
come back, "partner only" when the name is lost; and the ordinary runs above written after
the partner: a place other than the partner's is a false reading.

Run: ``python benchmarks/sweep_romanised.py``.
"""

from __future__ import annotations

import collections
import csv
import re
import time
from collections.abc import Iterable
from pathlib import Path

import sweep_indic_words
import sweep_province_names
from _sweep import print_cpu, print_tally

from compoundmap.geocode import GeocodeResult, geocode_places
from compoundmap.geocode.romanised import read_romanised
from compoundmap.normalize import word_list

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "data" / "raw" / "gazetteer"
BROAD = ROOT / "tests" / "data" / "geocode_broad.csv"
#: The scripts read romanised (first letter of a word), by Unicode block.
BLOCKS = {
    "Greek": "\u0370-\u03ff",
    "Hebrew": "\u0590-\u05ff",
    "Arabic": "\u0600-\u06ff",
    "Devanagari": "\u0900-\u097f",
    "Bengali": "\u0980-\u09ff",
    "Gurmukhi": "\u0a00-\u0a7f",
    "Gujarati": "\u0a80-\u0aff",
    "Oriya": "\u0b00-\u0b7f",
    "Tamil": "\u0b80-\u0bff",
    "Telugu": "\u0c00-\u0c7f",
    "Kannada": "\u0c80-\u0cff",
    "Malayalam": "\u0d00-\u0d7f",
    "Sinhala": "\u0d80-\u0dff",
    "Lao": "\u0e80-\u0eff",
    "Myanmar": "\u1000-\u109f",
    "Georgian": "\u10a0-\u10ff",
    "Ethiopic": "\u1200-\u139f",
}
SCRIPT = {name: re.compile(f"[{block}]") for name, block in BLOCKS.items()}
ANY = re.compile("[" + "".join(BLOCKS.values()) + "]")
SPLIT = re.compile(r"[\s,.;:!?()\"“”«»/|]+")


def script_of(text: str) -> str | None:
    """The first of :data:`BLOCKS` ``text`` has a letter of."""
    return next((name for name, pattern in SCRIPT.items() if pattern.search(text)), None)


def listed_names() -> dict[str, str]:
    """Each alias or GeoNames alternate name in these scripts → its province code."""
    out: dict[str, str] = {}
    with open(GAZETTEER / "aliases.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if ANY.search(row["alias"]):
                out.setdefault(row["alias"], row["code"][:2])
    with open(GAZETTEER / "khm_geonames_places.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            for name in row["alternatenames"].split("|"):
                if ANY.search(name):
                    out.setdefault(name, row["adm1_code"])
    return out


def provinces(results: Iterable[GeocodeResult]) -> set[str]:
    """The province codes of ``results``."""
    return {r.province_code for r in results if r.province_code}


def positives() -> None:
    """Listed names read romanised, as written and with each ending of their script."""
    endings: dict[str | None, list[str]] = collections.defaultdict(list)
    for ending in word_list("romanised_ending"):
        endings[script_of(ending)].append(ending)
    tally: collections.Counter[str] = collections.Counter()
    wrong: list[str] = []
    for name, code in listed_names().items():
        script = script_of(name)
        for form, part in [(name, "as written"), *((name + e, "ending") for e in endings[script])]:
            got = provinces(read_romanised(form, geocode_places))
            verdict = "nothing" if not got else ("right" if got == {code} else "wrong")
            tally[f"{part} {verdict}"] += 1
            tally[f"{script} {verdict}"] += 1
            if verdict == "wrong":
                wrong.append(f"{form} ({code}) → {sorted(got)}")
    print("positives: listed names in these scripts, read romanised alone")
    print_tally(tally, wrong[:20])


def ordinary_words() -> dict[str, str]:
    """Runs of one to three words of ordinary text → where they come from."""
    texts: dict[str, list[str]] = {
        lang: s.split() for lang, s in sweep_indic_words.SENTENCES.items()
    }
    for name in ("GUJARATI_WORDS", "BENGALI_WORDS", "MALAYALAM_WORDS", "GREEK_WORDS"):
        texts[name.split("_")[0].lower()] = getattr(sweep_province_names, name).split()
    texts["arabic"] = sweep_province_names.SENTENCES.split()
    out: dict[str, str] = {}
    for lang, words in texts.items():
        for run in _runs(words):
            out.setdefault(run, f"sentences {lang}")
    with open(BROAD, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if not ANY.search(row["query"]):
                continue
            query = {w for w in SPLIT.split(row["query"]) if w}
            words = [w for w in SPLIT.split(row["evidence_quote"]) if w]
            for run in _runs(words, query):
                out.setdefault(run, "quotes")
    return out


def _runs(words: list[str], leave_out: set[str] = frozenset()) -> Iterable[str]:  # type: ignore[assignment]
    """Runs of one to three adjacent words, none of them in ``leave_out``."""
    for n in (1, 2, 3):
        for i in range(len(words) - n + 1):
            run = words[i : i + n]
            if leave_out.isdisjoint(run):
                yield " ".join(run)


def negatives() -> None:
    """Ordinary words: places found with the romanised reading that were not without it."""
    tally: collections.Counter[str] = collections.Counter()
    new: list[str] = []
    for run, origin in ordinary_words().items():
        tally[f"{origin} strings"] += 1
        results = geocode_places(run)
        if provinces(results):
            tally[f"{origin} placed"] += 1
        romanised = [r for r in results if r.method.endswith("+romanised")]
        if romanised:
            tally[f"{origin} placed romanised"] += 1
            for r in romanised:
                tally[f"romanised {r.confidence}"] += 1
            new.append(f"{run} → {sorted(provinces(romanised))} {romanised[0].confidence}")
    print("negatives: ordinary words alone and in runs of two and three")
    print_tally(tally, new[:40])


def partners(names: dict[str, str]) -> dict[str | None, tuple[str, str]]:
    """For each script, its first listed name the geocoder reads as written (no romanised
    reading) to exactly its province, and that province."""
    out: dict[str | None, tuple[str, str]] = {}
    for name, code in names.items():
        script = script_of(name)
        if script in out:
            continue
        results = geocode_places(name)
        if provinces(results) == {code} and not any("romanised" in r.method for r in results):
            out[script] = (name, code)
    return out


def beside() -> None:
    """Names with an ending, beside a partner read as written; ordinary runs beside it."""
    names = listed_names()
    partner = partners(names)
    endings: dict[str | None, list[str]] = collections.defaultdict(list)
    for ending in word_list("romanised_ending"):
        endings[script_of(ending)].append(ending)
    tally: collections.Counter[str] = collections.Counter()
    wrong: list[str] = []
    for name, code in names.items():
        script = script_of(name)
        if script not in partner or partner[script][1] == code:
            continue
        other, other_code = partner[script]
        for form in (name + e for e in endings[script]):
            for text in (f"{form} {other}", f"{other}, {form}"):
                got = provinces(geocode_places(text))
                if got == {code, other_code}:
                    verdict = "right"
                elif got == {other_code}:
                    verdict = "partner only"
                elif got - {code, other_code}:
                    verdict = "wrong"
                    wrong.append(f"{text} ({code}) → {sorted(got)}")
                else:
                    verdict = "other"
                tally[f"{verdict}"] += 1
                tally[f"{script} {verdict}"] += 1
    print("beside: listed names with an ending, beside a partner name read as written")
    print_tally(tally, wrong[:20])
    tally = collections.Counter()
    new: list[str] = []
    for run, origin in ordinary_words().items():
        script = script_of(run)
        if script not in partner:
            continue
        other, other_code = partner[script]
        results = geocode_places(f"{other} {run}")
        tally[f"{origin} strings"] += 1
        extra = [r for r in results if r.province_code and r.province_code != other_code]
        if extra:
            tally[f"{origin} placed beside"] += 1
            for r in extra:
                how = "romanised" if "romanised" in r.method else "as written"
                tally[f"beside {r.confidence} {how}"] += 1
            new.append(f"{other} {run} → {sorted(provinces(extra))} {extra[0].confidence}")
    print("beside: ordinary runs after a partner name")
    print_tally(tally, new[:40])


def main() -> None:
    t0 = time.process_time()
    positives()
    negatives()
    beside()
    print_cpu(t0)


if __name__ == "__main__":
    main()
