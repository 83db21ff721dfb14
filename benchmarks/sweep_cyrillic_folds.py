"""Sweep: Russian spellings of Cambodian names written with э for е or a letter doubled or
single ("Прэахвихеа", "Преахвихеа"; "Сиануквилле", "Сиануквиле").

Generated from the Cyrillic rows of ``aliases.csv``: every alias respelt one way at a
time (one е written э, one consonant doubled, one doubled letter written once), alone and
after "в провинции"; right when the answer is the alias's unit (or lies in it), elsewhere
when it lies outside it, nothing when no place comes back. Negatives: ordinary Russian
words with э or a doubled letter, alone and after "в провинции" and "в городе"; each
should give nothing. Sound (``sound.py``, a Cyrillic name after its admin word): every
Cyrillic alias of a province with one vowel changed (so that no exact key holds it) after
"в провинции", with and without "Камбоджа"; and the Russian names of 50 provinces of
Thailand, Vietnam, Laos, China, Myanmar, Indonesia and the Philippines after "в
провинции", with and without "Камбоджа", which must give no Cambodian place.

Run: ``python benchmarks/sweep_cyrillic_folds.py``.
"""

from __future__ import annotations

import collections
import csv
import re
import time
from pathlib import Path

from _sweep import print_cpu, verdict

from compoundmap.geocode import geocode

ALIASES = Path(__file__).resolve().parent.parent / "data" / "raw" / "gazetteer" / "aliases.csv"
CYRILLIC = re.compile("[\u0400-\u04ff]")
CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")
WORDS = (
    "программа группа касса масса класс металл грамм стресс суббота ванна аллея "
    "теннис оттепель иммиграция коммерция эксперт экономика этаж поэт дуэль эра "
    "эвакуация территория сессия аппарат аккаунт миссия комиссия кампания"
).split()


FOREIGN = (
    "Сурин Сисакет Бурирам Убонратчатхани Сакэу Чантхабури Трат Накхонратчасима Удонтхани "
    "Нонгкхай Чиангмай Чианграй Пхукет Краби Сонгкхла Тэйнинь Лонган Анзянг Донгтхап "
    "Киензянг Биньфыок Дакнонг Зялай Контум Гуандун Юньнань Гуанси Фуцзянь Чжэцзян Хайнань "
    "Сычуань Аттапы Тямпасак Саласан Саваннакхет Луангнамтха Бокео Шан Кайин Мандалай "
    "Танинтайи Ява Бали Суматра Минданао Себу Лусон Пампанга Батангас Кавите"
).split()
VOWELS = "аеиоуя"


def one_vowel_changed(name: str) -> set[str]:
    """The name with one vowel written as another."""
    out: set[str] = set()
    for k, ch in enumerate(name):
        if ch in VOWELS:
            for other in VOWELS:
                if other != ch:
                    out.add(name[:k] + other + name[k + 1 :])
    return out


def respellings(name: str) -> set[str]:
    """The alias respelt one way at a time: one е as э, one consonant doubled, one
    doubled letter once."""
    out: set[str] = set()
    for k, ch in enumerate(name):
        if ch == "е":
            out.add(name[:k] + "э" + name[k + 1 :])
        if ch.lower() in CONSONANTS and (k + 1 == len(name) or name[k + 1] != ch):
            out.add(name[: k + 1] + ch + name[k + 1 :])
        if k and ch == name[k - 1]:
            out.add(name[:k] + name[k + 1 :])
    out.discard(name)
    return out


def main() -> None:
    t0 = time.process_time()
    tally: collections.Counter[str] = collections.Counter()
    with ALIASES.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if CYRILLIC.search(r["alias"])]
    for row in rows:
        for text in sorted(respellings(row["alias"])):
            for frame in ("{}", "в провинции {}"):
                tally[verdict(geocode(frame.format(text)), row["code"])] += 1
    print("respelt:", ", ".join(f"{k} {v}" for k, v in sorted(tally.items())))
    neg: collections.Counter[str] = collections.Counter()
    found = []
    for word in WORDS:
        for frame in ("{}", "в провинции {}", "в городе {}"):
            r = geocode(frame.format(word))
            key = "nothing" if r.province_code is None else f"place {r.confidence}"
            neg[key] += 1
            if r.province_code is not None:
                found.append(f"{frame.format(word)} -> {r.province_code}")
    print("ordinary words:", ", ".join(f"{k} {v}" for k, v in sorted(neg.items())))
    for line in found:
        print("  ", line)
    sound: collections.Counter[str] = collections.Counter()
    for row in rows:
        if len(row["code"]) != 2:
            continue
        for text in sorted(one_vowel_changed(row["alias"])):
            for frame in ("в провинции {}", "Камбоджа, в провинции {}"):
                sound[verdict(geocode(frame.format(text)), row["code"])] += 1
    print("sound, one vowel changed:", ", ".join(f"{k} {v}" for k, v in sorted(sound.items())))
    abroad: collections.Counter[str] = collections.Counter()
    read = []
    for name in FOREIGN:
        for frame in ("в провинции {}", "Камбоджа и Таиланд: в провинции {}"):
            r = geocode(frame.format(name))
            abroad["nothing" if r.province_code is None else f"place {r.confidence}"] += 1
            if r.province_code is not None:
                read.append(f"{frame.format(name)} -> {r.province_code} {r.confidence}")
    print("provinces abroad:", ", ".join(f"{k} {v}" for k, v in sorted(abroad.items())))
    for line in read:
        print("  ", line)
    print_cpu(t0)


if __name__ == "__main__":
    main()
