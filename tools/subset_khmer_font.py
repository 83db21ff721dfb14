"""Make the Khmer font subset the maps embed and the print map uses (run by hand, rarely).

Reads Noto Sans Khmer Regular (SIL OFL 1.1; Debian ``fonts-noto-core``) and keeps the
Khmer block (U+1780-U+17FF), the zero-width characters Khmer text uses (U+200B-U+200D),
the dotted circle shapers draw for a stray mark (U+25CC), the space and punctuation the
font carries (so a Khmer name set in this font alone, as in the print map, has its spaces
and quotes), and every other character of the bundled data's Khmer strings that the font
covers (today none beyond those), with all of its OpenType layout
(subscript consonants and vowel reordering need GSUB/GPOS). Hints are dropped: browsers
and matplotlib rasterise without them, and they double the size.

Writes into ``src/compoundmap/static/noto-sans-khmer/``:

- ``NotoSansKhmer-Regular.subset.woff`` (WOFF 1.0, zlib): inlined in every map page;
- ``NotoSansKhmer-Regular.subset.ttf``: for matplotlib (its FreeType reads no WOFF).

Then update the sizes and hashes in ``static/VENDORED.md`` and run the map tests.

Run: ``.venv/bin/python tools/subset_khmer_font.py [SOURCE_TTF]``
"""

from __future__ import annotations

import csv
import hashlib
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
SOURCE = Path("/usr/share/fonts/truetype/noto/NotoSansKhmer-Regular.ttf")
OUT = ROOT / "src" / "compoundmap" / "static" / "noto-sans-khmer"
KHMER_BLOCK = range(0x1780, 0x1800)
ALWAYS = (0x200B, 0x200C, 0x200D, 0x25CC)
#: The font's lunar-date symbols, left out unless the data uses them.
LUNAR_DATE_SYMBOLS = range(0x19E0, 0x1A00)


def is_khmer(ch: str) -> bool:
    return ord(ch) in KHMER_BLOCK


def data_characters(raw: Path) -> set[int]:
    """Characters of every bundled CSV field that contains Khmer."""
    found: set[int] = set()
    csv.field_size_limit(2**27)
    for path in sorted(raw.rglob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                for field in row:
                    if any(is_khmer(ch) for ch in field):
                        found |= {ord(ch) for ch in field}
    return found


def make(source: Path, unicodes: list[int], flavor: str | None, out: Path) -> None:
    options = subset.Options()
    options.flavor = flavor
    options.layout_features = ["*"]
    options.hinting = False
    options.name_IDs = ["*"]  # keep copyright, licence and URL records (OFL)
    options.name_languages = ["*"]
    options.notdef_outline = True
    font = TTFont(source, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    font.flavor = flavor
    font.save(out, reorderTables=True)


def main(source: Path = SOURCE) -> None:
    cmap = TTFont(source).getBestCmap()
    wanted = set(KHMER_BLOCK) | set(ALWAYS) | data_characters(ROOT / "data" / "raw")
    wanted |= {cp for cp in cmap if cp >= 0x20 and cp not in LUNAR_DATE_SYMBOLS}  # punctuation
    unicodes = sorted(cp for cp in wanted if cp in cmap)
    OUT.mkdir(parents=True, exist_ok=True)
    for flavor, suffix in (("woff", "woff"), (None, "ttf")):
        out = OUT / f"NotoSansKhmer-Regular.subset.{suffix}"
        make(source, unicodes, flavor, out)
        digest = hashlib.sha256(out.read_bytes()).hexdigest()[:16]
        print(f"{digest}  {out.relative_to(ROOT)}  {out.stat().st_size:,} bytes")
    source_digest = hashlib.sha256(source.read_bytes()).hexdigest()
    print(f"source {source} sha256 {source_digest}")
    extra = [f"U+{cp:04X}" for cp in unicodes if cp not in KHMER_BLOCK]
    print(f"{len(unicodes)} code points: U+1780-17FF and {', '.join(extra)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE)
