"""Sweep: Cyrillic names nobody listed, read romanised (``geocode/cyrillic.py`` through
``geocode/romanised.py``).

Positives: every province and district of the MEF 2025 lists, every GeoNames town
(population ≥ ``town_population``) and the spellings reports use for the common places
(Siem Reap, Poipet, Bavet, Sihanoukville …), written in Cyrillic as Russian pages write Khmer
names (:func:`russian`: kh кх, ch ч, ey ей, ng нг …), joined ("Кампонгтям") and apart, and
the Cyrillic aliases of ``aliases.csv``; each in the nominative, the prepositional ("в
Бавете"), the genitive ("из Бавета") and after its admin word ("город Бавет"). Right when
the answer's province is the name's, wrong when another, none when nothing. Names whose
Latin spelling itself reads nothing or wrong are counted apart (the Cyrillic reading can
only be as good as the Latin one).

Negatives: the names of countries, languages, scripts, months and weekdays of the Cyrillic
locales of CLDR (babel: Russian, Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian,
Kazakh, Kyrgyz, Mongolian, Tajik, Uzbek), capitalised; and ordinary Russian (and
Ukrainian, Kazakh, Bulgarian) text: the evidence quotes of
the Cyrillic rows of ``geocode_broad.csv`` minus the words of their query, the Russian
sentences below, each cut into runs of one to three words (a run's first word capitalised
too, as a sentence starts): every place found is a false reading (the runs hold no
Cambodian name), and none may be ``high``.

Run: ``python benchmarks/sweep_cyrillic.py`` (the reading as it is), or
``python benchmarks/sweep_cyrillic.py --before /work/main/src`` to print the tallies of
another source tree beside it (before → after).
"""

from __future__ import annotations

import collections
import csv
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from _sweep import mef_list, print_cpu
from babel import Locale

from compoundmap.geocode import GeocodeResult, geocode, geocode_places
from compoundmap.settings import get as get_settings

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "data" / "raw" / "gazetteer"
BROAD = ROOT / "tests" / "data" / "geocode_broad.csv"
CYRILLIC = re.compile("[\u0400-\u04ff]")
SPLIT = re.compile(r"[\s,.;:!?()\"“”«»/|—–-]+")

#: Spellings reports use for the places most named (beside the MEF and GeoNames names).
COMMON = {
    "Siem Reap": "17",
    "Siemreap": "17",
    "Sihanoukville": "18",
    "Poipet": "01",
    "Bavet": "20",
    "Phnom Penh": "12",
    "Kampong Cham": "03",
    "Koh Kong": "09",
    "Oddar Meanchey": "22",
    "Preah Vihear": "13",
    "Mondulkiri": "11",
    "Ratanakiri": "16",
    "Stung Treng": "19",
    "Kratie": "10",
    "Tbong Khmum": "25",
    "Pailin": "24",
    "Kep": "23",
    "Takeo": "21",
    "Kampot": "07",
    "Svay Rieng": "20",
    "Prey Veng": "14",
    "Pursat": "15",
    "Battambang": "02",
    "Banteay Meanchey": "01",
    "Kandal": "08",
    "Kampong Speu": "05",
    "Kampong Thom": "06",
    "Kampong Chhnang": "04",
    "Cham Yeam": "09",
    "O'Smach": "22",
    "Samraong": "22",
    "Anlong Veng": "22",
    "Chrey Thom": "08",
    "Ta Khmau": "08",
    "Chaom Chau": "12",
}

#: Ordinary Russian sentences of the kind reports on scam compounds carry (no Cambodian name).
SENTENCES = """
Мошенники заманивали людей обещаниями высокой зарплаты и бесплатного перелёта.
Полиция провела рейд в здании казино и задержала несколько сотен иностранцев.
Посольство России призвало граждан не соглашаться на сомнительные предложения о работе.
Пострадавшие рассказали, что у них отобрали паспорта и телефоны.
Многие работники колл-центров были вынуждены работать по шестнадцать часов в сутки.
Жертвы торговли людьми ждут возвращения на родину после спецоперации.
Власти страны заявили о намерении искоренить бизнес онлайн-мошенничества.
Сотрудники службы безопасности получили ранения, пытаясь остановить беглецов.
Организаторы преступных сообществ отобрали документы и заставляли работать подневольно.
Кроме того, из страны депортированы тысячи иностранных работников.
Девушке предложили работу моделью и переводчицей за высокую зарплату.
Вакансии публикуются на сайтах, в соцсетях и мессенджерах.
Дипломаты работают над освобождением нескольких россиян.
Камбоджийская полиция передала задержанных иммиграционной службе.
Комплекс окружён высоким бетонным забором с колючей проволокой.
Он рассказал журналистам о жестоком обращении и побоях.
Мы прибыли в аэропорт, где нас встретил водитель компании.
Военные обстреляли приграничные районы из реактивных систем залпового огня.
Министерство внутренних дел сообщило о закрытии почти двухсот центров.
Беглецы пересекли границу ночью через лес и реку.
Жители приграничных деревень покинули свои дома и переместились в лагеря.
Суд приговорил организаторов к длительным срокам заключения.
Компания обещала оплатить авиабилет, проживание и питание.
Ранее сообщалось о похищении троих граждан для работы в колл-центрах.
Таможня, гостиница, рынок, пагода, больница, школа, стадион, вокзал и пристань.
Правительство, парламент, сенат, армия, премьер-министр, король и королева.
Пхукет, Бангкок, Паттайя, Хошимин, Ханой, Вьентьян, Янгон, Мьявади, Куала-Лумпур, Джакарта.
Ответственность, безопасность, независимость, справедливость, человечность.
Шахраї заманювали людей обіцянками високої зарплати.
Посольство закликало громадян не погоджуватися на сумнівні пропозиції.
Алаяқтар адамдарды жоғары жалақы уәдесімен алдаған.
Полицията задържа стотици чужденци в сградата на казиното.
""".strip().splitlines()


_DIGRAPHS = (
    ("chh", "ч"),
    ("kh", "кх"),
    ("th", "тх"),
    ("ph", "пх"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("ng", "нг"),
    ("ey", "ей"),
    ("ay", "ай"),
    ("oy", "ой"),
    ("uy", "уй"),
    ("ou", "у"),
    ("oeu", "ы"),
    ("oe", "ы"),
    ("eu", "ы"),
    ("aa", "а"),
    ("ei", "ей"),
)
_LETTERS = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyz",
        "а б к д е ф г х и дж к л м н о п к р с т у в в кс и з".split(),
        strict=True,
    )
)


def russian(latin: str) -> str:
    """A Latin romanisation of a Khmer name written in Cyrillic as Russian pages write such
    names (kh кх, th тх, ph пх, ch ч, ng нг, ey ей, ou у, oe/eu ы, an initial e э)."""
    out: list[str] = []
    for word in re.findall("[a-z]+", latin.lower()):
        w = ""
        k = 0
        while k < len(word):
            for a, b in _DIGRAPHS:
                if word.startswith(a, k):
                    w += b
                    k += len(a)
                    break
            else:
                ch = word[k]
                w += "э" if ch == "e" and k == 0 else _LETTERS[ch]
                k += 1
        out.append(w[:1].upper() + w[1:])
    return " ".join(out)


def forms(name: str, admin: str) -> list[str]:
    """``name`` in the nominative, the prepositional, the genitive and after ``admin``."""
    soft = name[-1] in "аеиоуыэюяй"
    return [
        name,
        f"в {name}" if soft else f"в {name}е",
        f"из {name}" if soft else f"из {name}а",
        f"{admin} {name}",
    ]


def positives() -> list[tuple[str, str, str, str]]:
    """``(cyrillic, latin, province, kind)`` of every name written as Russian pages would."""
    names: dict[str, tuple[str, str]] = {}
    for row in mef_list("Province").itertuples():
        names.setdefault(row.province_en, (row.province_code, "province"))
    for row in mef_list("District").itertuples():
        names.setdefault(row.district_en, (row.province_code, "district"))
    towns = get_settings().town_population
    with open(GAZETTEER / "khm_geonames_places.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if int(row["population"] or 0) >= towns and row["adm1_code"]:
                names.setdefault(row["name"], (row["adm1_code"], "town"))
    for latin, code in COMMON.items():
        names.setdefault(latin, (code, "town"))
    out: list[tuple[str, str, str, str]] = []
    for latin, (code, kind) in names.items():
        spaced = russian(latin)
        variants = {spaced, spaced.replace(" ", "")}
        out += [(v, latin, code, kind) for v in sorted(variants)]
    with open(GAZETTEER / "aliases.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if CYRILLIC.search(row["alias"]) and " " not in row["alias"].strip("'"):
                out.append((row["alias"], "", row["code"][:2], "alias"))
    return out


BANDS = ("none", "low", "medium", "high")
ADMIN = {"province": "провинция", "district": "район", "town": "город", "alias": "в провинции"}


def negatives() -> list[str]:
    """Runs of one to three words of ordinary Cyrillic text (see the module docstring)."""
    texts = list(SENTENCES)
    with open(BROAD, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if CYRILLIC.search(row["query"]):
                drop = {w.lower() for w in SPLIT.split(row["query"]) if w}
                words = [w for w in SPLIT.split(row["evidence_quote"]) if w]
                texts.append(" ".join(w for w in words if w.lower() not in drop))
    runs: set[str] = set()
    for text in texts:
        words = [w for w in SPLIT.split(text) if w and CYRILLIC.search(w)]
        for n in (1, 2, 3):
            for k in range(len(words) - n + 1):
                run = " ".join(words[k : k + n])
                runs.add(run)
                runs.add(run[:1].upper() + run[1:])
    return sorted(runs)


#: The Cyrillic locales of CLDR (babel) whose names of countries, languages, months and
#: weekdays are read as negatives.
LOCALES = ("ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "mn", "tg", "uz_Cyrl")


def cldr_names() -> list[str]:
    """Names of countries and regions (Cambodia left out), languages, scripts, months and
    weekdays in the Cyrillic locales of CLDR, capitalised: none is a Cambodian place."""
    names: set[str] = set()
    for loc_id in LOCALES:
        loc = Locale.parse(loc_id)
        words = [v for k, v in loc.territories.items() if k != "KH"]
        words += list(loc.languages.values()) + list(loc.scripts.values())
        words += list(loc.months["format"]["wide"].values())
        words += list(loc.days["format"]["wide"].values())
        for w in words:
            if CYRILLIC.search(w) and "Камбодж" not in w and "Камбоџ" not in w:
                names.add(w[:1].upper() + w[1:])
    return sorted(names)


def _said(r: GeocodeResult) -> str:
    """An answer in a few words: province, band, method."""
    return f"{r.province_code} {r.confidence} {r.method}"


def tallies() -> dict[str, object]:
    """Every count the sweep prints, by name (JSON-ready)."""
    pos: collections.Counter[str] = collections.Counter()
    examples: dict[str, list[str]] = collections.defaultdict(list)
    for cyr, latin, code, kind in positives():
        latin_ok = not latin or geocode(latin).province_code == code
        group = "listed alias" if not latin else ("latin reads" if latin_ok else "latin misses")
        for form in forms(cyr, ADMIN[kind]):
            r = geocode(form)
            got = r.province_code
            v = "none" if got is None else "right" if got == code else "wrong"
            pos[f"{group}: {v}"] += 1
            if v != "none":
                pos[f"{group}: {v} {r.confidence}"] += 1
            if v == "wrong" and len(examples[group]) < 12:
                examples[group].append(f"{form} → {got} {r.confidence} {r.matched_name}")
    neg: collections.Counter[str] = collections.Counter()
    found: list[str] = []
    for run in negatives():
        neg["runs"] += 1
        places = [p for p in geocode_places(run) if p.province_code]
        if places:
            neg["placed"] += 1
            neg[f"placed {max((p.confidence for p in places), key=BANDS.index)}"] += 1
            if any(p.confidence == "high" for p in places):
                neg["top band"] += 1
            found.append(f"{run} → {_said(places[0])}")
    for name in cldr_names():
        neg["cldr names"] += 1
        places = [p for p in geocode_places(name) if p.province_code]
        if places:
            neg["cldr placed"] += 1
            neg[f"cldr placed {max((p.confidence for p in places), key=BANDS.index)}"] += 1
            found.append(f"{name} → {_said(places[0])}")
    return {"positives": pos, "negatives": neg, "wrong": examples, "found": found}


def main() -> None:
    t0 = time.process_time()
    after = tallies()
    before = None
    if len(sys.argv) > 2 and sys.argv[1] == "--before":
        env = {**os.environ, "PYTHONPATH": sys.argv[2]}
        cmd = [sys.executable, __file__, "--json"]
        before = json.loads(subprocess.run(cmd, env=env, check=True, capture_output=True).stdout)
    if len(sys.argv) > 1 and sys.argv[1] == "--json":
        print(json.dumps(after))
        return
    for part in ("positives", "negatives"):
        print(f"{part}:")
        counts = after[part]
        assert isinstance(counts, dict)
        keys = sorted(set(counts) | set(before[part] if before else ()))
        for key in keys:
            was = f"{before[part].get(key, 0)} → " if before else ""
            print(f"  {key}: {was}{counts.get(key, 0)}")
    print("wrong (examples):")
    wrong = after["wrong"]
    assert isinstance(wrong, dict)
    for group, lines in wrong.items():
        for line in lines:
            print(f"    [{group}] {line}")
    print("ordinary runs placed:")
    found = after["found"]
    assert isinstance(found, list)
    old = set(before["found"]) if before else set()
    for line in found:
        print(f"    {'' if line in old else '(new) '}{line}")
    print_cpu(t0)


if __name__ == "__main__":
    main()
