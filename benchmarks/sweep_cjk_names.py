"""Sweep: every name of the index written in Chinese characters or Japanese kana.

Generated from the index (``build_index``), no labelled row:

- bare: each CJK name alone; right when a place comes back in a province of one of its
  entries;
- suffix: each name with a generic word glued after it (等地, 一带, 附近, 境内, 的园区,
  周辺, の拠点); the answer must stay what the bare name gives;
- area: each name in Chinese characters with 地区/地區 (the area around it) glued after
  it; the answer must stay what the bare name gives (马德望地区 is the province, not
  Battambang district); not in the digest;
- lists: pairs of curated province or district names in Chinese characters, of two
  different provinces (a seeded sample), glued ("西港金边") and with an enumeration comma
  ("西港、金边"); right when both provinces come back;
- addresses: a curated province name in Chinese characters glued before a curated district
  name of that province ("金边堆谷"; names that are also a province's are left out); right
  when that district comes back alone;
- vu: each katakana name with a b-row syllable (バ ビ ベ ボ) written with ヴ instead (ヴァ ヴィ
  ヴェ ヴォ: バベット, バヴェット), as Japanese spellings of one name vary; the answer must
  be the bare name's (not in the digest);
- small vowel: each katakana name with シ, ト or ド written スィ, トゥ or ドゥ instead
  (シエムリアップ, スィエムリアップ; トボンクムム, トゥボンクムム); the answer must be the bare
  name's (not in the digest);
- respelt: each katakana province name with one syllable of the a column written with
  the o column (カ/コ, タ/ト …: Kampong is カンポン or コンポン), second in a list after
  another province ("バッタンバン州、シエムレアプ州"); counted both / first only / other;
- kana: pairs of katakana names glued (a seeded sample): an unknown longer name as often
  as not, printed as a digest to compare before and after a change (the list rule is for
  Chinese characters only);
- district respelt: each katakana district name (one unit) with one syllable of the a
  column written with the o column, with 郡 ("alone") and in an address with a commune
  word and a village after it ("address": the sound pass reads a district alone with one
  class less there), and with 区 after its province's name with 州 ("ward": Japanese writes
  区 for a khan of Phnom Penh); counted right / none / other;
- hyphen: pairs of katakana names joined by a hyphen (a seeded sample, "ポイペト-バベット");
  the answer must be that of the pair written with 、 (two names); and each katakana
  province name with 州 after アランヤプラテート- (the Thai town, unknown to the index);
  right when that province comes back alone;
- bar: the same pairs joined by a horizontal bar ― (U+2015) instead, as a dash; the
  answer must be that of the pair written with 、; and each katakana name with ― typed for
  a long-vowel mark after one of its letters (a seeded one, not ン or ッ: "シアヌ―クビル");
  the answer must be the bare name's (``geocode/kana_bars.py``);
- kind before: each katakana name (three letters or more) with a kind word glued before
  it (カジノ, ホテル, リゾート, カジノリゾート: "カジノポイペト"); the answer must be the
  bare name's; with a made-up katakana word between them ("カジノヘヘフフポイペト", an
  unknown longer name) nothing must come back; the kind words before places abroad in
  katakana give nothing (not in the digest);
- latin kind: each Latin name of the index that ends in "compound" or "casino", written
  with the Chinese word instead, glued or after a space ("moc bai园区", "jin bei 賭場"); the
  answer must be the English name's (not in the digest);
- kana typo: each katakana name of a province, district or town (five letters or more)
  with one seeded edit (a kana changed, dropped or added, three per name; edits that
  make another name are skipped): counted right (places only in the name's provinces) /
  none / other (``geocode/kana_edits.py`` reads them);
- kana abroad: towns and provinces abroad in katakana (Thai, Vietnamese, Lao, Myanmar
  …), alone and with 県 or 州 after them: counted nothing / placed (none is a place in
  Cambodia; ウドンタニ, read as Udong district by sound, is the one known exception);
- abroad: each curated name in Chinese characters listed after a romanised place abroad
  ("Chong Chom、奧斯瑪", "Ha Tien和西港"); right when the name's province comes back and no
  other (a curated name written in Chinese is no look-alike of the Latin name abroad, and
  the Latin name glued to Chinese is still read as the place abroad).
- china: a curated name in Chinese characters after a place in China and its admin word
  (a seeded sample of ``stop_words.csv`` role ``abroad_han`` × the curated names: "昆明市X",
  "云南省X", "中国广东省X", and glued "昆明X" when X ends in an admin word); right when no
  place in Cambodia comes back (昆明市西山区 is Xishan of Kunming, not Sesan). Glued with
  no admin word ("广州金边", a flight route) the answer must be the bare name's. The same
  names after a province of ours and its admin word ("上丁省X" for a name of Stung Treng)
  must keep their province: counted too.
- town: each curated province name in Chinese characters or kana that the index also
  reads as its eponymous town beside a town word (an ``inferred`` reading: 菩萨 → Krong
  Pursat), with 市 after it; right when exactly that town comes back (菩萨市 → 15/1505).
- bare item: each curated Chinese province name written with 省 whose stem is no name of
  its own (实居省 → 实居), the stem as an item of a 、 list before another province's
  curated name ("实居、金边"); right when both provinces come back. The stem glued inside a
  longer run ("真实居住", "在实居") must give nothing.

A digest of the bare, suffix and kana answers is printed: equal digests before and after
a change mean those answers are unchanged.

Run: ``python benchmarks/sweep_cjk_names.py [N]`` (default 400 pairs).
"""

from __future__ import annotations

import collections
import hashlib
import random
import sys
import time

import pandas as pd
from _sweep import answer, bare_right, has_cjk, is_han, is_kana, print_cpu, print_tally

from compoundmap._data import raw_path
from compoundmap._wordlists import word_list
from compoundmap.geocode.index import TIER_CURATED, TIER_VILLAGE, build_index
from compoundmap.geocode.tokens import _bare_province

_SUFFIXES = ("等地", "一带", "附近", "境内", "的园区", "周辺", "の拠点")
#: A b-row syllable as written with ヴ.
_VU = {"バ": "ヴァ", "ビ": "ヴィ", "ベ": "ヴェ", "ボ": "ヴォ"}
#: A syllable written with a small vowel instead (シ/スィ, ト/トゥ, ド/ドゥ).
_SMALL_VOWEL = {"シ": "スィ", "ト": "トゥ", "ド": "ドゥ"}
#: A syllable of the a column written with the o column (カンポン, コンポン).
_A_TO_O = dict(zip("カタナハマラサパバガダ", "コトノホモロソポボゴド", strict=True))
#: Katakana kind words written glued before a name (casino, hotel, resort, casino resort).
_KANA_KINDS = ("カジノ", "ホテル", "リゾート", "カジノリゾート")
#: A made-up katakana word between a kind word and a name: an unknown name that ends in
#: the known one (checked: reads nothing alone).
_UNKNOWN_KANA = "ヘヘフフ"
#: A commune and village after a district (an address with no province): two made-up names
#: that sound like no unit (checked: they read nothing alone).
_ADDRESS_TAIL = "ヘヘコミューンフフ村"
#: Aranyaprathet in katakana: a name abroad the index does not hold, before a hyphen.
_THAI_TOWN_KANA = "アランヤプラテート"
#: Places abroad written in katakana, none of them in Cambodia.
_KANA_ABROAD = (
    *"バンコク チェンマイ パタヤ プーケット サケーオ".split(),
    *"アランヤプラテート スリン シーサケート ブリーラム".split(),
    *"ウボンラチャタニー トラート チャンタブリー カンチャナブリー".split(),
    *"メーソート チェンセーン ノンカイ ウドンタニ コンケン".split(),
    *"ナコンラチャシマ アユタヤ ラヨーン ハジャイ カプチョン".split(),
    *"チョンチョム クロンルック カンタララック ホーチミン ハノイ".split(),
    *"ダナン タイニン モクバイ アンザン キエンザン ロンアン".split(),
    *"ドンタップ カントー ハティエン フーコック チャウドック".split(),
    *"ビンズオン ドンナイ ブンタウ ビエンチャン ルアンパバーン ボケオ".split(),
    *"トンプン パクセー チャンパサック ヤンゴン マンダレー ミャワディ".split(),
    *"シュエコッコ タチレク クアラルンプール マニラ パラニャーケ".split(),
    *"シンガポール マカオ シンセン ジャカルタ".split(),
)
#: The kana one edit may write in a name (katakana letters, small ones left out).
_KANA_LETTERS = [
    chr(c) for c in range(0x30A2, 0x30F3) if chr(c) not in "ァィゥェォッャュョヮヰヱヶヵ"
]
_ABROAD = (
    "Chong Chom",
    "Aranyaprathet",
    "Moc Bai",
    "Sa Kaeo",
    "Ha Tien",
    "Bangkok",
    "Ban Khlong Luk",
)


#: The horizontal bar Japanese pages type for ー or as a dash (U+2015).
_BAR = "\u2015"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    t0 = time.process_time()
    index = build_index()
    names = sorted(k for k in index.names if has_cjk(k))
    tally: collections.Counter[str] = collections.Counter()
    digest = hashlib.sha256()
    wrong: list[str] = []
    for name in names:
        bare = answer(name)
        digest.update(f"{name}{bare}".encode())
        tally["bare right" if bare_right(index.names[name], bare) else "bare other"] += 1
        for suffix in _SUFFIXES:
            got = answer(name + suffix)
            digest.update(f"{name}{suffix}{got}".encode())
            tally["suffix same" if got == bare else "suffix changed"] += 1
            if got != bare and len(wrong) < 15:
                wrong.append(f"{name + suffix!r}: {bare} → {got}")
        for area in ("地区", "地區") if is_han(name) else ():
            got = answer(name + area)
            tally["area same" if got == bare else "area changed"] += 1
            if got != bare and len(wrong) < 15:
                wrong.append(f"{name + area!r}: {bare} → {got}")
    units = [
        (k, {e.province_code for e in index.names[k]})
        for k in names
        if is_han(k)
        and any(
            e.tier == TIER_CURATED and e.kind in ("province", "district") for e in index.names[k]
        )
    ]
    units = [(k, p) for k, p in units if len(p) == 1]
    rng = random.Random(7)
    for _ in range(n):
        (a, pa), (b, pb) = rng.sample(units, 2)
        if pa == pb:
            continue
        want = pa | pb
        for sep, key in (("", "glued"), ("、", "comma")):
            got = {p for p, _ in answer(a + sep + b)}
            tally[f"list {key} both" if got == want else f"list {key} other"] += 1
    provinces = {next(iter(p)): k for k, p in units if index.names[k][0].kind == "province"}
    for k, _p in units:
        if any(e.kind == "province" for e in index.names[k]):
            continue  # a province's own name: no district of it to address
        for e in index.names[k]:
            if e.kind == "district" and e.tier == TIER_CURATED and e.province_code in provinces:
                got = answer(provinces[e.province_code] + k)
                right = got == ((e.province_code, e.code),)
                tally["address right" if right else "address other"] += 1
                if not right and len(wrong) < 30:
                    wrong.append(f"{provinces[e.province_code] + k!r}: {e.code} → {got}")
    for name in names:
        at = next((k for k, ch in enumerate(name) if ch in _VU), -1)
        if not is_kana(name) or at < 0:
            continue
        got = answer(name[:at] + _VU[name[at]] + name[at + 1 :])
        tally["vu same" if got == answer(name) else "vu changed"] += 1
    for name in names:
        at = next((k for k, ch in enumerate(name) if ch in _SMALL_VOWEL), -1)
        if not is_kana(name) or at < 0:
            continue
        got = answer(name[:at] + _SMALL_VOWEL[name[at]] + name[at + 1 :])
        tally["small vowel same" if got == answer(name) else "small vowel changed"] += 1
    for name in names:
        if not is_kana(name) or len(name) < 3:
            continue
        plain = answer(name)
        for kind in _KANA_KINDS:
            got = answer(kind + name)
            tally["kind before same" if got == plain else "kind before changed"] += 1
            if got != plain and len(wrong) < 90:
                wrong.append(f"{kind + name!r}: {plain} → {got}")
            unknown = answer(kind + _UNKNOWN_KANA + name)
            tally["kind unknown nothing" if not unknown else "kind unknown placed"] += 1
    for place in _KANA_ABROAD:
        for kind in _KANA_KINDS:
            got = answer(kind + place)
            tally["kind abroad nothing" if not got else "kind abroad placed"] += 1
    latin_kinds = (("compound", ("园区", "園區")), ("casino", ("赌场", "賭場")))
    localities = pd.read_csv(raw_path("gazetteer", "localities.csv"), dtype=str).fillna("")
    latin_names = sorted(
        {
            n.strip()
            for row in localities.itertuples()
            for n in (row.name, *row.aliases.split(";"))
            if n.strip().isascii()
        }
    )
    for k in latin_names:
        for kind, han in latin_kinds:
            stem = k[: -len(kind) - 1]
            if not (k.lower().endswith(" " + kind) and stem):
                continue
            english = answer(k)
            for word in han:
                for text in (stem + word, f"{stem} {word}"):
                    same = answer(text) == english
                    tally["latin kind same" if same else "latin kind other"] += 1
                    if not same and len(wrong) < 100:
                        wrong.append(f"{text!r}: {english} → {answer(text)}")
    kana_provinces = {
        k: index.names[k][0].province_code
        for k in names
        if is_kana(k) and all(e.kind == "province" for e in index.names[k] if not e.inferred)
    }
    first = {}
    for k, code in sorted(kana_provinces.items()):
        first.setdefault(code, k)
    for k, code in sorted(kana_provinces.items()):
        at = next((j for j, ch in enumerate(k) if ch in _A_TO_O), -1)
        respelt = k[:at] + _A_TO_O[k[at]] + k[at + 1 :] if at >= 0 else ""
        if not respelt or respelt in index.names:
            continue
        other = next(c for c in sorted(first) if c != code)
        got = {p for p, _ in answer(f"{first[other]}州、{respelt}州")}
        verdict = "both" if got == {other, code} else "first" if got == {other} else "other"
        tally[f"respelt listed {verdict}"] += 1
    for k in sorted(names):
        districts = {e.code for e in index.names[k] if e.kind == "district" and not e.inferred}
        at = next((j for j, ch in enumerate(k) if ch in _A_TO_O), -1)
        if not is_kana(k) or len(districts) != 1 or at < 0:
            continue
        respelt = k[:at] + _A_TO_O[k[at]] + k[at + 1 :]
        if respelt in index.names:
            continue
        code = next(iter(districts))
        ward = f"{first[code[:2]]}州{respelt}区" if code[:2] in first else ""
        for text, part in (
            (f"{respelt}郡", "alone"),
            (f"{respelt}郡{_ADDRESS_TAIL}", "address"),
            (ward, "ward"),
        ):
            if not text:
                continue
            got = {d for _, d in answer(text) if d}
            verdict = "right" if got == {code} else "none" if not got else "other"
            tally[f"district respelt {part} {verdict}"] += 1
            if verdict == "other" and len(wrong) < 60:
                wrong.append(f"{text!r}: {code} → {answer(text)}")
    kana = [k for k in names if is_kana(k) and len(k) >= 3]
    for _ in range(n):
        a, b = rng.sample(kana, 2)
        digest.update(f"{a}{b}{answer(a + b)}".encode())
        tally["kana pairs"] += 1
    hyphen_rng = random.Random(11)
    for _ in range(n):
        a, b = hyphen_rng.sample(kana, 2)
        same = answer(f"{a}-{b}") == answer(f"{a}、{b}")
        tally["hyphen same" if same else "hyphen other"] += 1
    bar_rng = random.Random(17)
    for _ in range(n):
        a, b = bar_rng.sample(kana, 2)
        dash, listed = answer(a + _BAR + b), answer(f"{a}、{b}")
        tally["bar dash same" if dash == listed else "bar dash other"] += 1
        if dash != listed and len(wrong) < 15:
            wrong.append(f"{a + _BAR + b!r}: {listed} → {dash}")
    for k in kana:
        spots = [p for p in range(1, len(k)) if k[p - 1] not in "ンッ"]
        if not spots:
            continue
        at = bar_rng.choice(spots)
        barred, plain = answer(k[:at] + _BAR + k[at:]), answer(k)
        tally["bar long vowel same" if barred == plain else "bar long vowel other"] += 1
        if barred != plain and len(wrong) < 15:
            wrong.append(f"{k[:at] + _BAR + k[at:]!r}: {plain} → {barred}")
    typo_rng = random.Random(13)
    for k in names:
        readings = [e for e in index.names[k] if e.tier < TIER_VILLAGE and 1 <= e.depth <= 2]
        if not is_kana(k) or len(k) < 5 or not readings or readings[0].kind == "country":
            continue
        own = {e.province_code for e in readings}
        for _ in range(3):
            at, op = typo_rng.randrange(len(k)), typo_rng.choice("cda")
            letter = typo_rng.choice(_KANA_LETTERS)
            typo = {"c": k[:at] + letter + k[at + 1 :], "d": k[:at] + k[at + 1 :]}.get(
                op, k[:at] + letter + k[at:]
            )
            if typo in index.names:
                continue
            got = {p for p, _ in answer(typo)}
            verdict = "right" if got and got <= own else "none" if not got else "other"
            tally[f"kana typo {verdict}"] += 1
            if verdict == "other" and len(wrong) < 75:
                wrong.append(f"{typo!r} ({k}): {sorted(own)} → {sorted(got)}")
    for place in _KANA_ABROAD:
        for text in (place, f"{place}県", f"{place}州"):
            tally["kana abroad nothing" if not answer(text) else "kana abroad placed"] += 1
    for k, code in sorted(kana_provinces.items()):
        got = {p for p, _ in answer(f"{_THAI_TOWN_KANA}-{k}州")}
        tally["abroad hyphen right" if got == {code} else "abroad hyphen other"] += 1
    for k in names:
        provinces = {
            e.province_code for e in index.names[k] if e.tier == TIER_CURATED and e.province_code
        }
        if not is_han(k) or len(provinces) != 1:
            continue
        for place in _ABROAD:
            for text in (f"{place}、{k}", f"{place}和{k}"):
                right = {p for p, _ in answer(text)} == provinces
                tally["abroad right" if right else "abroad other"] += 1
                if not right and len(wrong) < 45:
                    wrong.append(f"{text!r}: {sorted(provinces)} → {answer(text)}")
    abroad_han = sorted(word_list("abroad_han"))
    han_names = [
        (k, {e.province_code for e in index.names[k] if e.tier == TIER_CURATED})
        for k in names
        if is_han(k) and any(e.tier == TIER_CURATED for e in index.names[k])
    ]
    for _ in range(n * 4):
        place, (k, _p) = rng.choice(abroad_han), rng.choice(han_names)
        for text in (f"{place}市{k}", f"{place}省{k}", f"中国{place}省{k}"):
            got = answer(text)
            tally["china nothing" if not got else "china placed"] += 1
            if got and len(wrong) < 60:
                wrong.append(f"{text!r}: {got}")
        glued = f"{place}{k}"  # no admin word between: 昆明西山区, 广州金边
        got = answer(glued)
        if k[-1] in "市省县縣区區州镇鎮郡乡鄉":
            tally["china glued nothing" if not got else "china glued placed"] += 1
        else:
            tally["china glued as bare" if got == answer(k) else "china glued changed"] += 1
        if got and k[-1] in "市省县縣区區州镇鎮郡乡鄉" and len(wrong) < 60:
            wrong.append(f"{glued!r}: {got}")
    by_code = {next(iter(p)): k for k, p in units if index.names[k][0].kind == "province"}
    for k, p in han_names:
        code = next(iter(p)) if len(p) == 1 else None
        if code in by_code and by_code[code] != k:
            right = code in {q for q, _ in answer(f"{by_code[code]}省{k}")}
            tally["own province kept" if right else "own province lost"] += 1
    for k in names:
        towns = {(e.province_code, e.district_code) for e in index.names[k] if e.inferred}
        if (is_han(k) or is_kana(k)) and len(towns) == 1:
            got = answer(f"{k}市")
            tally["town right" if set(got) == towns else "town other"] += 1
            if set(got) != towns and len(wrong) < 80:
                wrong.append(f"{k}市: {sorted(towns)} → {got}")
    for k in names:
        stem = k[:-1]
        if not (k.endswith("省") and is_han(k[0]) and _bare_province(stem, index)):
            continue
        code = index.names[k][0].province_code
        other = next(c for c in sorted(by_code) if c != code)
        got = {q for q, _ in answer(f"{stem}、{by_code[other]}")}
        tally["bare item both" if got == {code, other} else "bare item other"] += 1
        inside = answer(f"真{stem}住") + answer(f"在{stem}")
        tally["bare inside nothing" if not inside else "bare inside read"] += 1
    print(f"  CJK names in the index: {len(names)}")
    print_tally(tally, wrong)
    print(f"  digest (bare, suffix, kana): {digest.hexdigest()[:16]}")
    print_cpu(t0)


if __name__ == "__main__":
    main()
