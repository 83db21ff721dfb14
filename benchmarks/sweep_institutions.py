"""Sweep: places named through an institution — a foreign embassy in Cambodia ("Embassy of
Indonesia in Cambodia", "中国驻柬埔寨大使馆", "주캄보디아 대한민국 대사관") is in Phnom Penh.

1. **Embassies in Cambodia**: 40 sending countries in English (four ways of writing it,
   alone and inside a short phrase), and the sending countries of the main reporting
   languages in 30 more languages. Right is Phnom Penh (province 12).
2. **Negatives**: Cambodia's own embassies abroad in the same languages, consulates (which
   stand outside Phnom Penh too), an embassy and a foreign country only, ordinary text with
   the word "embassy" or "ambassador": none may give Phnom Penh.
3. **Another place wins**: an embassy phrase with a Cambodian town written in it keeps the
   town's province.
4. **A province's capital named through its province** (``provincial_capital.py``): each
   province's English name in "the capital of X province", "X province's capital" and
   "thủ phủ tỉnh X": a town of that province (a district a GeoNames town of
   ``town_population`` or more names), the province only, or wrong. CJK phrases are
   tested in ``tests/test_geocode_provincial_capital.py``.

Printed: right / none by confidence band, the negatives that gave Phnom Penh and the misses.

Run: ``python benchmarks/sweep_institutions.py``.
"""

from __future__ import annotations

import collections
import time

from _sweep import print_cpu, print_tally

from compoundmap import get_gazetteer
from compoundmap.geocode import geocode
from compoundmap.geocode.index import towns
from compoundmap.settings import get as get_settings

#: Sending countries, English names (40).
COUNTRIES = (
    "Indonesia", "Thailand", "Vietnam", "China", "Japan", "Korea", "the Republic of Korea",
    "India", "Pakistan", "Bangladesh", "Sri Lanka", "Nepal", "Myanmar", "Laos", "Malaysia",
    "Singapore", "the Philippines", "Australia", "New Zealand", "the United States",
    "Canada", "Brazil", "Mexico", "France", "Germany", "the United Kingdom", "Italy",
    "Spain", "the Netherlands", "Sweden", "Poland", "the Czech Republic", "Russia",
    "Ukraine", "Turkey", "Israel", "Egypt", "Kenya", "Nigeria", "Uganda",
)  # fmt: skip
#: English ways of writing an embassy in Cambodia ("{}" is the sending country).
ENGLISH = (
    "Embassy of {} in Cambodia",
    "the {} Embassy in Cambodia",
    "the Embassy of {} to the Kingdom of Cambodia",
    "{} Embassy, Cambodia",
)
#: Other languages: phrases with the sending country written in the language.
OTHERS = {
    "fr": ["l'ambassade de France au Cambodge", "l'ambassade du Japon au Cambodge",
           "l'ambassade française au Cambodge", "ambassade de Chine au Cambodge"],
    "de": ["die deutsche Botschaft in Kambodscha", "Botschaft der Schweiz in Kambodscha",
           "Botschaft in Kambodscha"],
    "es": ["la embajada de España en Camboya", "embajada de México en Camboya"],
    "pt": ["embaixada do Brasil no Camboja", "a Embaixada de Portugal em Camboja"],
    "it": ["l'ambasciata d'Italia in Cambogia", "ambasciata italiana in Cambogia"],
    "nl": ["de Nederlandse ambassade in Cambodja"],
    "no": ["den norske ambassaden i Kambodsja"],
    "sv": ["Sveriges ambassad i Kambodja"],
    "da": ["Danmarks ambassade i Cambodja"],
    "fi": ["Suomen suurlähetystö Kambodžassa"],
    "pl": ["ambasada RP w Kambodży", "Ambasada Polski w Kambodży"],
    "cs": ["velvyslanectví ČR v Kambodži"],
    "ru": ["посольство России в Камбодже", "российское посольство в Камбодже",
           "посольство в Камбодже"],
    "uk": ["посольство України в Камбоджі"],
    "id": ["Kedutaan Besar Republik Indonesia di Kamboja", "KBRI di Kamboja",
           "Kedubes RI di Kamboja"],
    "ms": ["Kedutaan Besar Malaysia di Kemboja"],
    "tl": ["Embahada ng Pilipinas sa Cambodia"],
    "vi": ["Đại sứ quán Việt Nam tại Campuchia", "ĐSQ Việt Nam tại Campuchia",
           "Đại sứ quán Việt Nam ở Campuchia"],
    "th": ["สถานเอกอัครราชทูตไทยประจำกัมพูชา", "สถานทูตไทยในกัมพูชา",
           "สถานเอกอัครราชทูต ณ ประเทศกัมพูชา"],
    "lo": ["ສະຖານທູດລາວ ປະຈຳ ກຳປູເຈຍ"],
    "km": ["ស្ថានទូតចិនប្រចាំកម្ពុជា", "ស្ថានទូតវៀតណាមនៅកម្ពុជា"],
    "zh-Hans": ["中国驻柬埔寨大使馆", "驻柬埔寨大使馆", "中国驻柬使馆", "驻柬大使馆"],
    "zh-Hant": ["中華民國駐柬埔寨大使館", "台灣駐柬埔寨大使館"],
    "ja": ["在カンボジア日本国大使館", "在カンボジア日本大使館", "カンボジアの日本大使館",
           "カンボジア日本大使館"],
    "ko": ["주캄보디아 대한민국 대사관", "주캄보디아 한국대사관", "캄보디아 주재 한국대사관",
           "캄보디아 한국대사관"],
    "ar": ["السفارة المصرية في كمبوديا", "سفارة مصر لدى كمبوديا"],
    "fa": ["سفارت ایران در کامبوج"],
    "ur": ["کمبوڈیا میں پاکستانی سفارت خانہ"],
    "hi": ["कंबोडिया में भारतीय दूतावास", "कंबोडिया स्थित भारतीय दूतावास", "भारतीय दूतावास, कंबोडिया"],
    "bn": ["কম্বোডিয়ায় বাংলাদেশ দূতাবাস"],
    "ta": ["கம்போடியாவில் உள்ள இந்திய தூதரகம்"],
    "tr": ["Kamboçya'daki Türk Büyükelçiliği"],
    "el": ["η Πρεσβεία της Ελλάδας στην Καμπότζη"],
    "he": ["שגרירות ישראל בקמבודיה"],
    "ro": ["Ambasada României în Cambodgia"],
}  # fmt: skip
#: Short Latin contexts an English phrase is also written in ("{}" is the phrase).
CONTEXTS = ("{}", "rescued by {}", "handed over to {}")

#: Never Phnom Penh.
NEGATIVES = [
    # Cambodia's own embassies abroad
    "Embassy of Cambodia in Bangkok", "the Cambodian Embassy in Bangkok",
    "Royal Embassy of Cambodia to the United States", "Cambodian Embassy, Bangkok",
    "l'ambassade du Cambodge en France", "die Botschaft des Königreichs Kambodscha in Berlin",
    "la embajada de Camboya en Tailandia", "посольство Камбоджи в Москве",
    "Đại sứ quán Campuchia tại Hà Nội", "Kedutaan Besar Kamboja di Jakarta",
    "สถานทูตกัมพูชาประจำประเทศไทย", "ស្ថានទូតកម្ពុជាប្រចាំប្រទេសថៃ", "柬埔寨驻泰国大使馆",
    "柬埔寨大使馆", "柬埔寨王国驻华大使馆", "駐日カンボジア大使館", "カンボジア大使館",
    "カンボジア王国大使館", "주한 캄보디아 대사관", "캄보디아 대사관", "캄보디아 주한 대사관",
    "在柬埔寨大使馆", "السفارة الكمبودية في القاهرة", "कंबोडिया का दूतावास",
    # consulates (consulates-general stand in Sihanoukville, Battambang, Siem Reap)
    "Consulate General of Vietnam in Cambodia", "the Chinese consulate in Cambodia",
    "Consulat général du Vietnam au Cambodge", "Tổng Lãnh sự quán Việt Nam tại Campuchia",
    "中国驻柬埔寨总领事馆", "在カンボジア領事館", "주캄보디아 총영사관", "สถานกงสุลไทยในกัมพูชา",
    "भारतीय वाणिज्य दूतावास, कंबोडिया", "Embassy and Consulate in Cambodia",
    # an embassy and a foreign country only
    "US Embassy in Thailand", "the Indonesian Embassy in Bangkok", "中国驻泰国大使馆",
    "주태국 대한민국 대사관", "在タイ日本国大使館", "Đại sứ quán Việt Nam tại Thái Lan",
    "KBRI Bangkok", "посольство России в Таиланде",
    # ordinary text, ambassadors
    "embassy", "the embassy", "embassy rescues citizens trafficked in Cambodia",
    "the Korean ambassador to Cambodia", "l'ambassadeur de France au Cambodge",
    "the embassy said victims were taken to Cambodia and Myanmar", "Cambodia",
]  # fmt: skip

#: Another Cambodian place written in the phrase wins (phrase, province code).
WINNERS = [
    ("Embassy of Indonesia in Cambodia, Siem Reap", "17"),
    ("the Chinese Embassy in Cambodia and Sihanoukville police", "18"),
    ("中国驻柬埔寨大使馆 西港", "18"),
    ("주캄보디아 대한민국 대사관 시아누크빌", "18"),
    ("Đại sứ quán Việt Nam tại Campuchia, Bavet", "20"),
    ("KBRI di Kamboja, Poipet", "01"),
]


#: Phrases naming a province's capital ("{}" is the province's name).
PROVINCIAL = ("the capital of {} province", "{} province's capital", "thủ phủ tỉnh {}")


def _provincial(tally: collections.Counter[str], wrong: list[str]) -> None:
    """Part 4: each province's name in each phrase of ``PROVINCIAL``."""
    units = get_gazetteer().units
    population = get_settings().town_population
    urban = {c for c, t in towns().items() if t.population >= population}
    provinces = units[units["level"] == 1]
    for code, name in zip(provinces["code"], provinces["name_en"], strict=True):
        for phrase in PROVINCIAL:
            r = geocode(phrase.format(name))
            if r.province_code == code and r.district_code in urban:
                v = "town"
            elif r.province_code == code and r.district_code is None:
                v = "province only"
            else:
                v = "WRONG"
                wrong.append(f"provincial capital: {phrase.format(name)} -> {r.district_code}")
            tally[f"provincial capital: {v} {r.confidence or '-'}"] += 1


def main() -> None:
    t0 = time.process_time()
    tally: collections.Counter[str] = collections.Counter()
    wrong: list[str] = []
    phrases = [("en", t.format(c)) for c in COUNTRIES for t in ENGLISH]
    phrases += [(lang, p) for lang, ps in OTHERS.items() for p in ps]
    for lang, phrase in phrases:
        for context in CONTEXTS if lang == "en" else ("{}",):
            r = geocode(context.format(phrase))
            right = r.province_code == "12"
            tally[f"embassy in Cambodia: {'right' if right else 'none'} {r.confidence or '-'}"] += 1
            if not right:
                wrong.append(f"miss ({lang}): {context.format(phrase)}")
    for text in NEGATIVES:
        r = geocode(text)
        bad = r.province_code == "12"
        tally[f"negatives: {'WRONG (Phnom Penh)' if bad else 'no Phnom Penh'}"] += 1
        if bad:
            wrong.append(f"negative read as Phnom Penh: {text} ({r.confidence})")
    for text, code in WINNERS:
        r = geocode(text)
        v = "kept" if r.province_code == code else f"LOST ({r.province_code})"
        tally[f"another place wins: {v}"] += 1
        if r.province_code != code:
            wrong.append(f"another place lost: {text} → {r.province_code} (gold {code})")
    _provincial(tally, wrong)
    print_tally(tally, wrong)
    print_cpu(t0)


if __name__ == "__main__":
    main()
