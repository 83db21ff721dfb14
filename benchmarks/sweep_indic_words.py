"""Sweep: Cambodian names in the spaced Indic scripts the tokeniser scans as runs (Bengali,
Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala), written with the
space GeoNames gives them ("স্বে রিয়েং") or with a Bengali case ending ("সিহানুকভিলের"), and
ordinary words of those languages, which must give no place (``geocode/indic_joins.py``,
the Bengali case endings of ``_scripts.splits_syllable``).

Positives: every GeoNames alternate name of a Cambodian place in one of these scripts that
holds a space, as written, and every such name (and every index key of a Bengali name) with
the locative -e and the genitive -er; right when a place of the name's province comes back.
Negatives: the words of ordinary sentences of Bengali, Tamil, Malayalam, Telugu and
Gujarati news on trafficked workers (place names left out), alone, in pairs as written and,
for Bengali, with both endings: each should give nothing.

Run: ``python benchmarks/sweep_indic_words.py``.
"""

from __future__ import annotations

import collections
import csv
import re
import time
from pathlib import Path

from _sweep import answer, print_cpu

from compoundmap.geocode.index import build_index

GEONAMES = (
    Path(__file__).resolve().parent.parent
    / "data"
    / "raw"
    / "gazetteer"
    / "khm_geonames_places.csv"
)
INDIC = re.compile("^[\u0980-\u0dff][\u0980-\u0dff ]*$")
BENGALI = re.compile("[\u0980-\u09ff]")
ENDINGS = ("\u09c7", "\u09c7\u09b0")
SENTENCES = {
    "bn": (
        "মানব পাচারের শিকার বিশেষ করে নারী ও শিশুসহ মানুষের অধিকার ও মর্যাদাকে নীতি "
        "প্রতিষ্ঠান এবং সামাজিক সহায়তার মাধ্যমে সম্মান ও সুরক্ষিত করতে হবে নৌকাটি স্থানীয় "
        "সময় বৃহস্পতিবার কাছে ডুবে যায় পরে নৌকা থেকে জনকে জীবিত উদ্ধার করা হলেও এখনও "
        "পর্যন্ত নিখোঁজ রয়েছেন প্রাদেশিক মুখপাত্র বলেন চীনা নাগরিককে বহনকারী নৌকাটিতে ফাটল "
        "দেখা দেয় মাসে প্রায় হাজার টাকা বেতন ভাতা থাকা খাওয়ার সুব্যবস্থাসহ একটি বিদেশি "
        "প্রতিষ্ঠানে রিসেপশনিস্টের চাকরি এমন সুবর্ণ সুযোগ বছর বয়সী বেকার যুবক জন্য "
        "হাতছাড়ার মতো ছিল না নির্বাচন কমিশনের ডেটা এন্ট্রি অপারেটর হিসেবে কয়েক বছর কাজ "
        "করেছিলেন চুক্তি শেষ হয়ে যাওয়ার পর হয়ে পড়েন তিনি দালালের কাছ থেকে জানতে পারলেন "
        "একই কাজ ডলার আয় সম্ভব রাজধানী আশ্রয়কেন্দ্রে আশ্রয় নিয়েছেন সীমান্তবর্তী এলাকায় "
        "বিপদের মধ্যে আছেন গুলির শব্দে প্রজেক্টের বসরাও পালিয়ে গেছেন শহর প্রদেশ জেলা "
        "ক্যাসিনো প্রতারণা চক্র জিম্মি মুক্তিপণ দাবির অপরাধে আদালতে পাঠিয়েছে পুলিশ "
        "ভাড়া বাড়ি নারী পুরুষদের আটক"
    ),
    "ta": (
        "வெளிநாடுகளில் வேலை வாங்கித் தருவதாக கூறி தமிழக இளைஞர்களை பல்வேறு நாடுகளுக்கு "
        "முறையான ஆவணங்கள் இல்லாமல் வழிமுறைகளை பின்பற்றாமல் அனுப்பி வைத்து அவர்களை "
        "சட்டவிரோத கும்பல்களிடம் மாட்டிவிடுவது சீனத் தொழிலாளர்கள் வேலை செய்வதற்காக "
        "கடத்தப்படுவது பற்றிய செய்திகள் அதிகரித்து வருகின்றன இந்திய கடற்படைக் கப்பல் "
        "செவ்வாய்க்கிழமை துறைமுகத்தை அடைந்தது அதிகாரிகள் நகரில் உள்ள ஒரு சூதாட்டக்கூடத்தில் "
        "மோசடிக்கு ஆளாகிய மீட்டனர் மாகாணம் மாகாணத்தில் எல்லைப் பகுதியில் அமைந்துள்ள "
        "பழங்கால இந்து கோயிலான தூதரகம் அறிவுறுத்தல்"
    ),
    "ml": (
        "കടലിൽ ബോട്ട് മുങ്ങി ചൈനീസ് പൗരന്മാരെ കാണാതായി വ്യാഴാഴ്ച സമീപമായിരുന്നു അപകടം "
        "ബോട്ടിൽ പേരുണ്ടായിരുന്നു പേരെ രക്ഷിച്ചെന്ന് അധികൃതർ അറിയിച്ചു വ്യാജ ജോലി വാഗ്ദാനം "
        "വിശ്വസിച്ച് സൈബർ തട്ടിപ്പു സംഘത്തിനായി പ്രവർത്തിക്കാൻ നിർബന്ധിതരായ ഇന്ത്യൻ എംബസിയുടെ "
        "സഹായത്തോടെ രക്ഷപ്പെടുത്തി മലയാളികൾ"
    ),
    "te": (
        "సైబర్ నేరగాళ్లపై భారీ ఆపరేషన్ జరిగింది ఈ ఆపరేషన్లో అక్కడి అధికారులు మంది సైబర్ "
        "గ్యాంగ్స్టర్లను అరెస్టు చేశారు నకిలీ సైబర్ సెంటర్లపై పోలీసులు దాడి చేసి నేరగాళ్లను "
        "అదుపులోకి తీసుకున్నారు ప్రధానమంత్రి ప్రత్యక్ష ఆదేశాలు ఇచ్చారు"
    ),
    "gu": (
        "ભારતીય દૂતાવાસે તેને મેના રોજ નામના સ્થળે એક છેતરપિંડી કરનાર એમ્પ્લોયરથી બચાવ્યો "
        "હતો નોકરી અપાવવાના નામે તેને વિદેશ લઈ જઈને તગડા પગારની લાલચ આપી હતી ઓપરેશન "
        "સ્થાનિક અધિકારીઓના સમર્થનથી હાથ ધરવામાં આવ્યું"
    ),
}


def positives() -> collections.Counter[str]:
    """Spaced GeoNames names of these scripts, and Bengali names with a case ending."""
    tally: collections.Counter[str] = collections.Counter()
    cases: set[tuple[str, str]] = set()
    with open(GEONAMES, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            for name in (row["alternatenames"] or "").split(","):
                name = name.strip()
                if " " in name and INDIC.match(name) and row["adm1_code"]:
                    cases.add((name, row["adm1_code"]))
                    if BENGALI.search(name):
                        cases |= {(name + end, row["adm1_code"]) for end in ENDINGS}
    for key, entries in build_index().names.items():
        provinces = {e.province_code for e in entries if e.province_code}
        if BENGALI.match(key) and len(provinces) == 1:
            cases |= {(key + end, next(iter(provinces))) for end in ENDINGS}
    for text, province in sorted(cases):
        got = answer(text)
        if not got:
            tally["nothing"] += 1
        elif any(p == province for p, _ in got):
            tally["right"] += 1
        else:
            tally["elsewhere"] += 1
    return tally


def negatives() -> tuple[collections.Counter[str], list[str]]:
    """Ordinary words alone, in pairs, and (Bengali) with the case endings."""
    tally: collections.Counter[str] = collections.Counter()
    found: list[str] = []
    for lang, text in SENTENCES.items():
        words = text.split()
        strings = set(words) | {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}
        if lang == "bn":
            strings |= {w + end for w in words for end in ENDINGS}
        for s in sorted(strings):
            got = answer(s)
            tally["place" if got else "nothing"] += 1
            if got:
                found.append(f"{lang} {s} -> {got}")
    return tally, found


def main() -> None:
    t0 = time.process_time()
    pos = positives()
    print(
        "names spaced or with a Bengali ending:",
        ", ".join(f"{k} {v}" for k, v in sorted(pos.items())),
    )
    neg, found = negatives()
    print("ordinary words:", ", ".join(f"{k} {v}" for k, v in sorted(neg.items())))
    for line in found:
        print("  ", line)
    print_cpu(t0)


if __name__ == "__main__":
    main()
