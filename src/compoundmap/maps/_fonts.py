"""The Khmer font the maps carry, so Khmer names read on machines without a Khmer font.

A subset of Noto Sans Khmer (SIL OFL 1.1, ``static/noto-sans-khmer/``, made by
``tools/subset_khmer_font.py``): the pages inline its WOFF as a base64 ``@font-face``
limited to Khmer code points, and the print map draws Khmer with its TTF.
"""

from __future__ import annotations

import base64
import tempfile
from functools import cache
from importlib import resources
from pathlib import Path

__all__ = ["KHMER_FAMILY", "KHMER_UNICODE_RANGE", "khmer_font_css", "khmer_font_path"]

#: The CSS family name of the embedded face: its own name, so a Khmer font installed on
#: the reader's machine (perhaps another Noto version) is never taken for it.
KHMER_FAMILY = "compoundmap Khmer"
#: Code points the face is used for: the Khmer block, the zero-width characters Khmer
#: text uses and the dotted circle. Latin text and punctuation keep the reader's fonts.
KHMER_UNICODE_RANGE = "U+1780-17FF, U+200B-200D, U+25CC"
_FOLDER = "noto-sans-khmer"
_WOFF = "NotoSansKhmer-Regular.subset.woff"
_TTF = "NotoSansKhmer-Regular.subset.ttf"


def _static(name: str) -> resources.abc.Traversable:
    """A file of the vendored Noto Sans Khmer subset (``static/noto-sans-khmer/``)."""
    return resources.files("compoundmap") / "static" / _FOLDER / name


@cache
def khmer_font_css() -> str:
    """The ``@font-face`` rule with the WOFF subset inlined (about 28 kB of base64)."""
    blob = base64.b64encode(_static(_WOFF).read_bytes()).decode("ascii")
    return (
        "/* Noto Sans Khmer Regular 2.001, subset (static/VENDORED.md). Copyright 2016 "
        "Google Inc. SIL Open Font License 1.1, https://openfontlicense.org */\n"
        f'@font-face{{font-family:"{KHMER_FAMILY}";font-style:normal;font-weight:400;'
        f"font-display:block;unicode-range:{KHMER_UNICODE_RANGE};"
        f'src:url(data:font/woff;base64,{blob}) format("woff")}}'
    )


@cache
def khmer_font_path() -> Path:
    """The TTF subset, for matplotlib (its FreeType reads no WOFF).

    A file on disk: the package's own copy, or a private copy when the package is not
    installed as files (a zip).
    """
    found = _static(_TTF)
    if isinstance(found, Path):
        return found
    folder = Path(tempfile.mkdtemp(prefix="compoundmap-font-"))
    copy = folder / _TTF
    copy.write_bytes(found.read_bytes())
    return copy
