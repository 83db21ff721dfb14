"""Sweep: every name of the index written in hangul or Thai letters.

Generated from the index (``build_index``), no labelled row:

- bare: each name alone; right when a place comes back in a province of one of its
  entries;
- suffix: each name with a Korean particle or generic word after it (에서, 의, 지역, 인근,
  일대, 외곽, 주변) or, for a Thai name, a Thai word around it (ที่…, … ประเทศกัมพูชา);
  the answer must stay what the bare name gives;
- generic: each province name in hangul (one province) with an ordinary two-word Korean
  phrase after it ("바탐방 항구 도시", "프놈펜 중심 시가지"): the tokeniser glues such short
  parts into one run, and the sound pass may read a word before an admin syllable as a
  district; right when the answer is the bare province's;
- address: each province name in hangul with a district name in hangul of that province and
  a district word after it ("캄폿 뚝추군"), as Korean pages write a district; the district
  names are written here by the sound classes :func:`~compoundmap.normalize.script_sound_keys`
  reads, from a short table of district names of the MEF list; right when that district
  comes back.

- address after a place: the same addresses after another province and a word for "near"
  or "outside" ("프놈펜 인근 캄폿주 뚝추군", "시엠립 외곽 바탐방 삼롯군"): right when that
  district comes back (the other province may come back too);

- respelt: each province name in hangul with one vowel of one syllable changed the ways
  Korean pages differ (ㅏ/ㅓ, ㅡ/ㅣ, ㅗ/ㅓ, ㅔ/ㅐ, ㅣ/ㅟ), alone and with no admin word: a name
  the index does not hold is read by sound as a province only with a long key (also with a
  particle after it: 에서, 까지); counted as right (that province), none, or wrong (another
  province: must stay 0); and the same
  respelt name second in a list after another province ("바탐방주와 캄퐁스푸주"): right when
  both provinces come back;

- listed short: each hangul province name of two or three syllables with one vowel
  changed, second in a list after another province ("바탐방, 파이린"): a short item of a list
  of provinces is read by sound as a province; right when both provinces come back, wrong
  when another province does (must stay 0); and ordinary Korean words of two or three
  syllables in the same place ("바탐방, 주민들", "캄폿, 태국"): right when only the first
  province comes back;

- area: each province name in hangul with a long district name of that province (four
  syllables or more, no district word) and 지역 after it ("캄폿 앙코르체이 지역"): right when
  that district comes back; and ordinary Korean words of four syllables or more in the
  same place ("캄폿 국립공원 지역", "프놈펜 범죄단지 지역"): right when the answer is the bare
  province's (a district read there is wrong: must stay 0);

A digest of the bare and suffix answers is printed: equal digests before and after a change
mean those answers are unchanged.

Run: ``python benchmarks/sweep_korean_thai_names.py``.
"""

from __future__ import annotations

import collections
import hashlib
import sys
import time

from _sweep import answer, bare_right, has_thai, is_hangul, print_cpu, print_tally

from compoundmap.geocode.index import build_index

_KO_SUFFIXES = ("에서", "의", " 지역", " 인근", " 일대", " 외곽", " 주변")
_TH_FORMS = ("ที่{}", "{} ประเทศกัมพูชา")
#: Ordinary two-word phrases Korean pages write after a place name, short enough to be
#: glued to it by the tokeniser, several with an admin syllable inside (도시, 시가지, 구역).
_GENERIC = (
    "공항 주변",
    "해변 도시",
    "항구 도시",
    "국경 도시",
    "중심 시가지",
    "도심 구역",
    "인근 마을",
    "외곽 지역",
    "시내 중심",
    "경찰 당국",
    "지방 정부",
    "한인 교회",
    "북부 지역",
    "관광 도시",
    "신도시 구역",
)
#: District names as Korean pages write them (each checked against the MEF 2025 list):
#: (province code, district code, hangul).
_DISTRICTS = (
    ("07", "0707", "뚝추"),
    ("07", "0704", "줌끼리"),
    ("02", "0209", "삼롯"),
    ("17", "1707", "뿌억"),
    ("12", "1205", "던꼬"),
    ("12", "1204", "뚤꼭"),
    ("21", "2102", "바띠"),
    ("20", "2003", "롬돌"),
    ("01", "0107", "트마뿍"),
    ("08", "0809", "뽄냐르"),
)


#: Long district names (four syllables or more) as Korean may write them, each checked
#: against the MEF 2025 list: (province code, district code, hangul).
_LONG_DISTRICTS = (
    ("19", "1902", "시엠보크"),
    ("07", "0701", "앙코르체이"),
    ("17", "1703", "반테아이스레이"),
    ("04", "0405", "캄퐁트랄라치"),
    ("07", "0706", "캄퐁트라치"),
    ("13", "1307", "트벵민체이"),
    ("25", "2505", "포니아크렉"),
    ("12", "1204", "툴코우크"),
    ("18", "1803", "스퉁하우"),
    ("21", "2106", "프레이카바스"),
)
#: Ordinary Korean words of four syllables or more a page may write between a province and
#: 지역.
_LONG_WORDS = (
    "국립공원",
    "범죄단지",
    "산악지대",
    "국경지대",
    "경제특구",
    "관광지구",
    "차이나타운",
    "리조트단지",
    "도심외곽",
    "공업단지",
    "시내중심",
    "수상가옥",
    "관광명소",
    "해안도시",
    "카지노단지",
    "아파트단지",
    "외곽농촌",
    "중심가일대",
    "고급주택가",
    "신도시개발",
    "국경검문소",
    "코리아타운",
    "한인밀집",
    "프린스그룹",
    "스캠센터",
    "콜센터건물",
    "호텔카지노",
    "농업개발",
    "지뢰제거",
    "빈곤가정",
)


#: Vowel swaps of Korean spellings of one Khmer name (medial jamo indices).
_VOWEL_SWAPS = {0: 4, 4: 0, 18: 20, 20: 18, 8: 4, 1: 5, 5: 1, 16: 20}


#: Ordinary Korean words of two or three syllables a page may list after a province.
_WORDS = (
    "주민들",
    "마을",
    "학교",
    "경찰서",
    "사람들",
    "공장",
    "정부",
    "시장",
    "병원",
    "호텔",
    "카지노",
    "교회",
    "사원",
    "공항",
    "항구",
    "한국인",
    "중국인",
    "베트남",
    "태국",
    "라오스",
    "도시",
    "농촌",
    "해변",
    "국경",
    "수도",
    "남부",
    "북부",
    "범죄",
    "단지",
    "감금",
    "구출",
    "검거",
    "송환",
    "사기",
    "여권",
    "직원",
    "관광객",
    "선교",
    "우물",
    "의료",
    "기자",
    "경제",
    "한인회",
    "대사관",
    "코리아",
    "피해자",
    "노동자",
    "가족",
    "빈곤",
    "지뢰",
)


def _respellings(name: str) -> list[str]:
    """``name`` with the vowel of one syllable swapped (:data:`_VOWEL_SWAPS`)."""
    out = []
    for k, ch in enumerate(name):
        code = ord(ch) - 0xAC00
        if not 0 <= code < 11172:
            continue
        initial, medial, final = code // 588, (code % 588) // 28, code % 28
        if medial in _VOWEL_SWAPS:
            swapped = chr(0xAC00 + initial * 588 + _VOWEL_SWAPS[medial] * 28 + final)
            out.append(name[:k] + swapped + name[k + 1 :])
    return out


def main() -> None:
    t0 = time.process_time()
    index = build_index()
    names = sorted(k for k in index.names if is_hangul(k) or has_thai(k))
    tally: collections.Counter[str] = collections.Counter()
    digest = hashlib.sha256()
    wrong: list[str] = []
    for name in names:
        bare = answer(name)
        digest.update(f"{name}{bare}".encode())
        tally["bare right" if bare_right(index.names[name], bare) else "bare other"] += 1
        forms = [name + s for s in _KO_SUFFIXES] if is_hangul(name) else []
        forms += [f.format(name) for f in _TH_FORMS] if has_thai(name) else []
        for text in forms:
            got = answer(text)
            digest.update(f"{text}{got}".encode())
            tally["suffix same" if got == bare else "suffix changed"] += 1
            if got != bare and len(wrong) < 20:
                wrong.append(f"{text!r}: {bare} → {got}")
    provinces = {}
    for k in names:
        # (not counting a province's name read as its eponymous town beside a town word)
        kinds = {(e.kind, e.province_code) for e in index.names[k] if not e.inferred}
        if is_hangul(k) and len(kinds) == 1 and next(iter(kinds))[0] == "province":
            provinces.setdefault(next(iter(kinds))[1], []).append(k)
    for _code, keys in sorted(provinces.items()):
        for key in keys:
            bare = answer(key)
            for phrase in _GENERIC:
                got = answer(f"{key} {phrase}")
                tally["generic right" if got == bare else "generic other"] += 1
                if got != bare and len(wrong) < 40:
                    wrong.append(f"{key} {phrase!r}: {bare} → {got}")
    for prov, dist, name in _DISTRICTS:
        for key in provinces.get(prov, ()):
            for text in (f"{key} {name}군", f"{key}주 {name}군", f"{key} {name}구"):
                got = answer(text)
                right = got == ((prov, dist),)
                tally["address right" if right else "address other"] += 1
    for prov, dist, name in _DISTRICTS:
        for other in sorted(provinces):
            if other == prov:
                continue
            near = provinces[other][0]
            for key in provinces.get(prov, ()):
                for word in ("인근", "근처", "외곽"):
                    for text in (
                        f"{near} {word} {key}주 {name}군",
                        f"{near} {word} {key} {name}군",
                    ):
                        got = answer(text)
                        right = (prov, dist) in got
                        tally["address after right" if right else "address after other"] += 1
    for code, keys in sorted(provinces.items()):
        for key in keys:
            for text in _respellings(key):
                if text in index.names:
                    continue
                for form in ("{}", "{}에서", "{}까지"):
                    got = {p for p, _ in answer(form.format(text))}
                    verdict = "none" if not got else "right" if got == {code} else "wrong"
                    part = "respelt" if form == "{}" else f"respelt+{form[2:]}"
                    tally[f"{part} {verdict}"] += 1
                    if verdict == "wrong" and len(wrong) < 60:
                        wrong.append(f"{part} {form.format(text)!r} ({code}): {sorted(got)}")
                other = next(c for c in sorted(provinces) if c != code)
                listed = f"{provinces[other][0]}주와 {text}주"
                got = {p for p, _ in answer(listed)}
                verdict = "both" if got == {other, code} else "first" if got == {other} else "other"
                tally[f"respelt listed {verdict}"] += 1
                if verdict == "other" and len(wrong) < 60:
                    wrong.append(f"respelt listed {listed!r}: {sorted(got)}")
    for code, keys in sorted(provinces.items()):
        other = next(c for c in sorted(provinces) if c != code)
        for key in keys:
            if not 2 <= len(key) <= 3:
                continue
            for text in _respellings(key):
                if text in index.names:
                    continue
                got = {p for p, _ in answer(f"{provinces[other][0]}, {text}")}
                verdict = "both" if got == {other, code} else "first" if got == {other} else "wrong"
                tally[f"listed short {verdict}"] += 1
                if verdict == "wrong" and len(wrong) < 80:
                    wrong.append(f"listed short {provinces[other][0]}, {text} ({code}): {got}")
    for code, keys in sorted(provinces.items()):
        for word in _WORDS:
            got = {p for p, _ in answer(f"{keys[0]}, {word}")}
            verdict = "right" if got == {code} else "other"
            tally[f"listed word {verdict}"] += 1
            if verdict == "other" and len(wrong) < 100:
                wrong.append(f"listed word {keys[0]}, {word}: {got}")
    for prov, dist, name in _LONG_DISTRICTS:
        for key in provinces.get(prov, ()):
            for text in (f"{key} {name} 지역", f"{key}주 {name} 지역의 아파트"):
                right = (prov, dist) in answer(text)
                tally["area right" if right else "area none"] += 1
    for _code, keys in sorted(provinces.items()):
        for key in keys:
            bare = answer(key)
            for word in _LONG_WORDS:
                got = answer(f"{key} {word} 지역")
                tally["area word right" if got == bare else "area word other"] += 1
                if got != bare and len(wrong) < 120:
                    wrong.append(f"area word {key} {word} 지역: {bare} → {got}")
    print(f"  hangul and Thai names in the index: {len(names)}")
    print_tally(tally, wrong)
    print(f"  digest (bare, suffix): {digest.hexdigest()[:16]}")
    print_cpu(t0, file=sys.stderr)


if __name__ == "__main__":
    main()
