"""Speed of free-text geoparsing: documents/s and MB/s in one process.

Builds a synthetic corpus of 10,000 news-like documents of about 2 kB (deterministic:
seeded), with place names drawn from the gazetteer (provinces, districts, communes, towns,
in several spellings), demonyms, organisation names, people, months and ordinary prose, and
times :func:`compoundmap.geoparse.extract_mentions` on it, next to flashgeotext (when
installed) on the same corpus; then one long document of 100 kB, 1 MB and 5 MB (the same kind
of text, with Khmer and Chinese in it, so every scan runs): the cost must grow linearly with
the length. Run: ``python benchmarks/bench_geoparse.py [N_DOCS]``.
"""

from __future__ import annotations

import random
import sys
import time

from compoundmap import get_gazetteer
from compoundmap.geoparse import extract_mentions, extract_places

N_DOCS = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
DOC_BYTES = 2_000

_PROSE = [
    "Reports indicate that most compounds are run by criminal groups with ties to officials.",
    "Workers who escape describe threats, beatings and debts they were told to repay.",
    "The company denied any wrongdoing and said it would cooperate with the authorities.",
    "A spokesperson for the ministry did not respond to requests for comment by Friday.",
    "Rights groups have urged the government to investigate alleged complicity.",
    "Victims said they were recruited through online job advertisements on social media.",
    "Police said the suspects would be deported once the investigation was complete.",
    "In March the Alliance and the Mission issued a joint appeal to the government.",
    "Mr. Am Sam Ath of LICADHO said the crackdown had not reached the largest sites.",
    "The Cambodian League for the Promotion and Defense of Human Rights called for action.",
    "Transparency International Cambodia said the raids were selective.",
    "Officials from the Chinese Embassy met provincial authorities on Tuesday.",
    "It was not possible to verify the figures independently.",
]
_EVENTS = [
    "Police raided a compound in {p} on {d}, detaining {n} {dem} nationals.",
    "More than {n} {dem} workers fled a casino in {p}, {q} province, last week.",
    "Authorities in {q} said a building in {p} had housed an online scam operation.",
    "The {dem} embassy in Phnom Penh said {n} citizens had been rescued from {p}.",
    "A raid in {p} district, {q}, freed {n} people, including {dem2} and {dem} nationals.",
    "Survivors said they were moved between {p} and {p2} before escaping to {c}.",
    "{c} warned its citizens about fake job offers in {q} and {p}.",
]
_DEMONYMS = [
    "Vietnamese", "Thai", "Indonesian", "Chinese", "Malaysian", "Filipino", "Burmese",
    "Bangladeshi", "Nepalese", "Pakistani", "Indian", "Taiwanese", "Korean", "Lao",
]  # fmt: skip
_COUNTRIES = ["Indonesia", "Vietnam", "Thailand", "China", "Malaysia", "the Philippines"]
_MONTHS = ["January", "March", "May", "June", "August", "October", "December"]


def corpus(n_docs: int, seed: int = 7) -> list[str]:
    """Deterministic synthetic documents of about ``DOC_BYTES`` UTF-8 bytes each."""
    rng = random.Random(seed)
    gaz = get_gazetteer()
    units = gaz.units
    province_name = dict(zip(units["code"], units["name_en"], strict=True))
    provinces = list(units.loc[units["level"] == 1, "name_en"])
    # (place, its province): the corpus keeps hierarchies true, as reporting does
    pairs = [
        (name, province_name[code])
        for name, code in zip(
            units.loc[units["level"] >= 2, "name_en"],
            units.loc[units["level"] >= 2, "province_code"],
            strict=True,
        )
    ]
    pairs += [
        (name, province_name[code])
        for name, code in zip(gaz.places["name"], gaz.places["province_code"], strict=True)
        if code
    ]
    pairs += [("Sihanoukville", "Preah Sihanouk"), ("Bavet", "Svay Rieng"),
              ("Poipet", "Banteay Meanchey"), ("O'Smach", "Oddar Meanchey"),
              ("Kaoh Kong", "Koh Kong")]  # fmt: skip
    docs = []
    for _ in range(n_docs):
        parts: list[str] = []
        size = 0
        while size < DOC_BYTES:
            if rng.random() < 0.35:
                place, province = rng.choice(pairs)
                s = rng.choice(_EVENTS).format(
                    p=place,
                    p2=rng.choice(pairs)[0],
                    q=province if rng.random() < 0.9 else rng.choice(provinces),
                    d=f"{rng.randint(1, 28)} {rng.choice(_MONTHS)}",
                    n=rng.randint(2, 900),
                    dem=rng.choice(_DEMONYMS),
                    dem2=rng.choice(_DEMONYMS),
                    c=rng.choice(_COUNTRIES),
                )
            else:
                s = rng.choice(_PROSE)
            parts.append(s)
            size += len(s.encode()) + 1
        docs.append(" ".join(parts))
    return docs


def _time(fn: object, docs: list[str]) -> tuple[float, float]:
    """(CPU seconds of this process, wall seconds): CPU time is what one process costs,
    undisturbed by other work on the machine."""
    c0, w0 = time.process_time(), time.perf_counter()
    for d in docs:
        fn(d)  # type: ignore[operator]
    return time.process_time() - c0, time.perf_counter() - w0


def _line(name: str, t: tuple[float, float], docs: list[str], mb: float, extra: str = "") -> str:
    cpu, wall = t
    return (
        f"{name:<34} {len(docs) / cpu:>7,.0f} docs/s {mb / cpu:>6.2f} MB/s "
        f"(CPU {cpu:.2f} s; wall {wall:.2f} s = {mb / wall:.2f} MB/s){extra}"
    )


_SCRIPTS = "ពួកគេត្រូវបានរកឃើញនៅខេត្តព្រះសីហនុ។ 柬埔寨西哈努克省的园区。 in the capital.\n\n"


def long_documents() -> None:
    """extract_places on one document of 100 kB, 1 MB and 5 MB: linear in the length."""
    text = _SCRIPTS + "\n\n".join(corpus(2_700, seed=11))
    for size in (100_000, 1_000_000, 5_000_000):
        doc = text[:size]
        c0, w0 = time.process_time(), time.perf_counter()
        found = extract_places(doc)
        cpu, wall = time.process_time() - c0, time.perf_counter() - w0
        print(
            f"one document of {size / 1e6:g} MB: {cpu:.2f} s CPU ({wall:.2f} s wall), "
            f"{size / 1e6 / cpu:.2f} MB/s, {len(found):,} places"
        )


def main() -> None:
    t0 = time.perf_counter()
    docs = corpus(N_DOCS)
    mb = sum(len(d.encode()) for d in docs) / 1e6
    print(f"corpus: {len(docs):,} documents, {mb:.2f} MB ({time.perf_counter() - t0:.1f} s)")

    t0 = time.perf_counter()
    extract_mentions("Warm-up in Sihanoukville with Thai workers.")  # loads the indexes
    print(f"index load (once per process): {time.perf_counter() - t0:.2f} s")

    counts = [0, 0]

    def count(d: str) -> None:
        places, countries = extract_mentions(d)
        counts[0] += len(places)
        counts[1] += len(countries)

    first = _time(count, docs)
    found = f"\n  {counts[0]:,} place and {counts[1]:,} country mentions"
    print(_line("compoundmap (first pass)", first, docs, mb, found))
    again = _time(extract_mentions, docs)
    print(_line("compoundmap (caches warm)", again, docs, mb))
    verdict = "met" if mb / first[0] >= 2 else "NOT met"
    print(f"  floor 2 MB/s in one process (first pass, CPU time): {verdict}")
    long_documents()

    try:
        from flashgeotext.geotext import GeoText
    except ImportError:
        print("flashgeotext: not installed (pip install flashgeotext); no baseline")
        return
    import logging

    logging.disable(logging.CRITICAL)
    try:
        from loguru import logger

        logger.remove()
    except ImportError:  # pragma: no cover
        pass
    t0 = time.perf_counter()
    try:
        geotext = GeoText()  # its data ships in the wheel: no download
    except Exception as exc:  # a third-party loader: report whatever stops it, then stop
        print(f"flashgeotext: could not load its data ({exc!r}); no baseline")
        return
    print(f"flashgeotext load: {time.perf_counter() - t0:.2f} s (offline)")
    print(_line("flashgeotext", _time(geotext.extract, docs), docs, mb))
    sample = _PROSE[7] + " " + _PROSE[8]
    fg = sorted(geotext.extract(sample)["cities"])
    ours = [p.text for p in extract_mentions(sample)[0]]
    print(f"  on {sample!r}:\n  flashgeotext cities {fg}; compoundmap places {ours}")


if __name__ == "__main__":
    main()
