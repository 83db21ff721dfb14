"""Sweep: a province named in hangul, kana or Chinese characters as the point a distance or
travel time is measured from, beside another province.

Generated from the index (``build_index``), no labelled row. One curated name per province
and script (the shortest of two letters or more), every ordered pair of two provinces (P, Q):

- reference: P written as the point measured from and Q as the place, the ways Korean,
  Japanese and Chinese pages write it ("P에서 1시간 거리인 Q", "P에서 차로 30분 거리의 Q",
  "Q(P 동북쪽 약 470km 떨어진 곳)", "P 남쪽 25km 지점의 Q", "PからN分のQ",
  "Pの南西約200キロのQ", "P南約20キロに位置するQ", "距P2小时车程的Q" …); right when Q
  alone comes back;
- alone: P written as the point measured from with nothing else named ("P에서 1시간
  거리"); right when P comes back (the name is all the string says);
- plain: P and Q in a list with no distance ("P, Q", "P와 Q"): both must come back, as
  before.

Run: ``python benchmarks/sweep_script_references.py``.
"""

from __future__ import annotations

import collections
import sys
import time

from compoundmap.geocode import geocode_places
from compoundmap.geocode.index import TIER_CURATED, build_index

_FORMS = {
    "ko": (
        "{p}에서 1시간 거리인 {q}",
        "{p}에서 차로 30분 거리의 {q}",
        "{q}({p} 동북쪽 약 470km 떨어진 곳)",
        "{p} 남쪽 25km 지점의 {q}",
        "{p}에서 남쪽으로 25km 떨어진 {q}",
    ),
    "ja": (
        "{p}から車で30分の{q}",
        "{p}から約2時間の{q}",
        "{p}から南へ30キロの{q}",
        "{p}の南西約200キロの{q}",
        "{p}南約20キロに位置する{q}",
        "{p}北西方約50キロの{q}",
    ),
    "zh": ("距{p}2小时车程的{q}", "距{p}30分钟的{q}", "{p}以南30公里的{q}"),
}
_ALONE = {"ko": "{p}에서 차로 1시간 거리", "ja": "{p}から車で30分", "zh": "距{p}2小时车程"}
_PLAIN = {"ko": ("{p}, {q}", "{p}와 {q}"), "ja": ("{p}、{q}",), "zh": ("{p}、{q}",)}


def _script(name: str) -> str | None:
    if all("\uac00" <= c <= "\ud7a3" for c in name):
        return "ko"
    if all("\u30a0" <= c <= "\u30ff" for c in name):
        return "ja"
    if all("\u4e00" <= c <= "\u9fff" for c in name):
        return "zh"
    return None


def _provinces(text: str) -> set[str]:
    return {r.province_code for r in geocode_places(text) if r.province_code}


def main() -> None:
    t0 = time.process_time()
    index = build_index()
    names: dict[tuple[str, str], str] = {}
    for key, entries in index.names.items():
        script = _script(key)
        kinds = {(e.kind, e.province_code, e.tier) for e in entries}
        if script is None or len(kinds) != 1:
            continue
        kind, code, tier = next(iter(kinds))
        if kind != "province" or tier > TIER_CURATED or code is None or len(key) < 2:
            continue  # one-syllable hangul names are not read bare (겝)
        old = names.get((script, code))
        if old is None or (len(key), key) < (len(old), old):
            names[(script, code)] = key
    tally: collections.Counter[str] = collections.Counter()
    wrong: list[str] = []
    for (script, p_code), p in sorted(names.items()):
        got = _provinces(_ALONE[script].format(p=p))
        tally[f"{script} alone {'right' if got == {p_code} else 'other'}"] += 1
        for (s2, q_code), q in sorted(names.items()):
            if s2 != script or q_code == p_code:
                continue
            for form in _FORMS[script]:
                text = form.format(p=p, q=q)
                got = _provinces(text)
                ok = got == {q_code}
                tally[f"{script} reference {'right' if ok else 'other'}"] += 1
                if not ok and len(wrong) < 30:
                    wrong.append(f"{text!r}: {sorted(got)}")
            for form in _PLAIN[script]:
                got = _provinces(form.format(p=p, q=q))
                tally[f"{script} plain {'right' if got == {p_code, q_code} else 'other'}"] += 1
    print(f"  province names (one per province and script): {len(names)}")
    for k, v in sorted(tally.items()):
        print(f"  {k}: {v}")
    for w in wrong:
        print("   ", w)
    print(f"({time.process_time() - t0:.1f} s CPU)", file=sys.stderr)


if __name__ == "__main__":
    main()
