"""Sweep: phrases that name a capital instead of naming it ("the Cambodian capital", "la
capitale cambodgienne", "カンボジアの首都", "capital of Samraong", "the province's capital of
Samroang").

1. **National capital**, in every language the labelled sets use: a word for "capital" with
   Cambodia's name or adjective, either way round, alone and inside a short phrase. Right
   is Phnom Penh (province 12).
2. **Negatives**: other countries' capitals in the same languages, "capital" meaning money
   ("venture capital in Cambodia", "Cambodian capital markets", "el capital camboyano"),
   another capital than today's ("the former capital of Cambodia": Oudong; "the gambling
   capital of Cambodia"): none may give Phnom Penh.
3. **Provincial capital**: each provincial town (a krong, a GeoNames town of
   ``town_population`` or more bears its name) after or before a phrase for "the
   provincial capital" in English and the main languages, as written and misspelt (two
   inner letters swapped). Right is that town; a province-only answer counts as "coarser".

Printed: right / coarser / wrong / nothing by confidence band, and the top-band wrongs.

Run: ``python benchmarks/sweep_capital.py``.
"""

from __future__ import annotations

import collections
import time

from _sweep import print_cpu, print_tally

from compoundmap import get_gazetteer
from compoundmap.geocode import geocode
from compoundmap.geocode.index import towns
from compoundmap.settings import get as get_settings

#: Phrases for Cambodia's capital, by language (each also tried inside ``CONTEXTS``).
NATIONAL = {
    "en": ["the Cambodian capital", "Cambodia's capital", "the capital of Cambodia"],
    "fr": ["la capitale cambodgienne", "la capitale du Cambodge"],
    "de": [
        "die kambodschanische Hauptstadt",
        "Hauptstadt Kambodschas",
        "Hauptstadt von Kambodscha",
    ],
    "es": ["la capital camboyana", "la capital de Camboya"],
    "pt": ["a capital cambojana", "a capital do Camboja"],
    "it": ["la capitale cambogiana", "la capitale della Cambogia"],
    "nl": ["de Cambodjaanse hoofdstad", "de hoofdstad van Cambodja"],
    "no": ["den kambodsjanske hovedstaden", "Kambodsjas hovedstad", "hovedstaden i Kambodsja"],
    "sv": ["den kambodjanska huvudstaden", "Kambodjas huvudstad"],
    "da": ["den cambodjanske hovedstad", "Cambodjas hovedstad"],
    "fi": ["Kambodžan pääkaupunki", "Kambodžan pääkaupungissa"],
    "pl": ["stolica Kambodży", "w stolicy Kambodży", "kambodżańska stolica"],
    "cs": ["hlavní město Kambodže", "v hlavním městě Kambodže"],
    "ru": ["столица Камбоджи", "в столице Камбоджи", "камбоджийская столица"],
    "uk": ["столиця Камбоджі", "у столиці Камбоджі"],
    "id": ["ibu kota Kamboja", "ibukota Kamboja"],
    "ms": ["ibu negara Kemboja", "ibu kota Kemboja"],
    "tl": ["kabisera ng Cambodia"],
    "vi": ["thủ đô Campuchia", "thủ đô của Campuchia"],
    "th": ["เมืองหลวงของกัมพูชา", "เมืองหลวงกัมพูชา"],
    "lo": ["ນະຄອນຫຼວງຂອງກຳປູເຈຍ"],
    "my": ["ကမ္ဘောဒီးယားနိုင်ငံ၏မြို့တော်"],
    "km": ["រាជធានីនៃប្រទេសកម្ពុជា"],
    "zh-Hans": ["柬埔寨首都", "柬埔寨的首都", "柬首都"],
    "zh-Hant": ["柬埔寨首都近郊"],
    "ja": ["カンボジアの首都", "カンボジア首都"],
    "ko": ["캄보디아 수도", "캄보디아의 수도"],
    "ar": ["العاصمة الكمبودية", "عاصمة كمبوديا"],
    "fa": ["پایتخت کامبوج"],
    "ur": ["کمبوڈیا کا دارالحکومت"],
    "hi": ["कंबोडिया की राजधानी"],
    "bn": ["কম্বোডিয়ার রাজধানী"],
    "ne": ["कम्बोडियाको राजधानी"],
    "si": ["කාම්බෝජයේ අගනුවර"],
    "ta": ["கம்போடியாவின் தலைநகர்"],
    "tr": ["Kamboçya'nın başkenti"],
    "hu": ["Kambodzsa fővárosa"],
    "el": ["πρωτεύουσα της Καμπότζης"],
    "he": ["בירת קמבודיה"],
    "ro": ["capitala Cambodgiei"],
}
#: Short Latin contexts a phrase is also written in ("{}" is the phrase).
CONTEXTS = ("{}", "a hotel in {}", "{}, Cambodia", "on the outskirts of {}")

#: Never Phnom Penh: other capitals, money, other capitals of Cambodia, ordinary text.
NEGATIVES = [
    "Thailand's capital",
    "the Thai capital",
    "the Lao capital Vientiane",
    "the capital of Vietnam",
    "la capitale thaïlandaise",
    "die thailändische Hauptstadt",
    "la capital de Tailandia",
    "thủ đô Thái Lan",
    "泰国首都",
    "タイの首都",
    "태국 수도",
    "столица Таиланда",
    "ibu kota Thailand",
    "เมืองหลวงของไทย",
    "عاصمة تايلاند",
    "capital flight from Cambodia",
    "venture capital in Cambodia",
    "Cambodian capital markets",
    "Cambodia's capital market",
    "Cambodia's capitalism",
    "el capital camboyano",
    "le capital cambodgien",
    "o capital cambojano",
    "Kapital aus Kambodscha",
    "the former capital of Cambodia",
    "Cambodia's former capital",
    "the ancient capital of Cambodia",
    "the gambling capital of Cambodia",
    "the scam capital of Cambodia",
    "Cambodia's gambling capital",
    "l'ancienne capitale du Cambodge",
    "die ehemalige Hauptstadt Kambodschas",
    "the registered capital of Cambodia Airways",
    "Cambodia",
    "capital",
]

#: Phrases naming a provincial town ("{}" is the town's name).
PROVINCIAL = (
    "capital of {}",
    "the capital of {}",
    "the province's capital of {}",
    "the provincial capital of {}",
    "{}'s capital",
    "{}, the provincial capital",
    "{} town",
    "la capital provincial, {}",
    "la capitale provinciale, {}",
    "le chef-lieu de {}",
    "il capoluogo {}",
    "thủ phủ {}",
    "tỉnh lỵ {}",
    "ibu kota provinsi {}",
)


def _misspelt(name: str) -> str:
    """``name`` with two inner letters of its longest word swapped."""
    words = name.split()
    i = max(range(len(words)), key=lambda k: len(words[k]))
    w = words[i]
    if len(w) < 5:
        return name
    k = len(w) // 2
    words[i] = w[:k] + w[k + 1] + w[k] + w[k + 2 :]
    return " ".join(words)


def main() -> None:
    t0 = time.process_time()
    tally: collections.Counter[str] = collections.Counter()
    wrong: list[str] = []
    for lang, phrases in NATIONAL.items():
        for phrase in phrases:
            for context in CONTEXTS if phrase.isascii() else ("{}",):
                r = geocode(context.format(phrase))
                right = r.province_code == "12"
                tally[f"national: {'right' if right else 'none'} {r.confidence or '-'}"] += 1
                if not right:
                    wrong.append(f"national miss ({lang}): {context.format(phrase)}")
    for text in NEGATIVES:
        r = geocode(text)
        bad = r.province_code == "12"
        tally[f"negatives: {'WRONG (Phnom Penh)' if bad else 'no Phnom Penh'}"] += 1
        if bad:
            wrong.append(f"negative read as Phnom Penh: {text} ({r.confidence})")
    population = get_settings().town_population
    urban = [c for c, t in towns().items() if t.population >= population]
    units = get_gazetteer().units
    districts = units[(units["level"] == 2) & units["code"].isin(urban)]
    for code, name in zip(districts["code"], districts["name_en"], strict=True):
        for kind, written in (("as written", name), ("misspelt", _misspelt(name))):
            for phrase in PROVINCIAL:
                r = geocode(phrase.format(written))
                if r.district_code == code:
                    v = "right"
                elif r.district_code is None and r.province_code == code[:2]:
                    v = "coarser"
                elif r.province_code is None:
                    v = "nothing"
                else:
                    v = "wrong"
                tally[f"provincial {kind}: {v} {r.confidence or '-'}"] += 1
                if v == "wrong" and r.confidence == "high":
                    wrong.append(
                        f"provincial top-band wrong: {phrase.format(written)} → "
                        f"{r.district_code or r.province_code} (gold {code})"
                    )
    print_tally(tally, wrong)
    print_cpu(t0)


if __name__ == "__main__":
    main()
