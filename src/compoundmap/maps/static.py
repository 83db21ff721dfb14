"""The print map: registry sites per province as a PNG (matplotlib), with its release.

Province names are listed in English and Khmer; Khmer is drawn with the bundled Noto Sans
Khmer subset (:mod:`._fonts`), shaped by matplotlib's libraqm layout, so the PNG reads the
same on any machine.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from ._fonts import khmer_font_path
from ._html import text
from .layers import classify, province_table
from .popups import ATTRIBUTIONS, release_line

__all__ = ["static_choropleth"]


def static_choropleth(
    province_summary: pd.DataFrame,
    path: Path | str,
    *,
    release: Mapping[str, str] | None = None,
) -> Path:
    """Draw registry sites per province as a PNG for print.

    Parameters
    ----------
    province_summary : pandas.DataFrame
        The published province summary (``province_code``, ``n_compounds``, ``n_events``).
    path : path
        Where to write the PNG (parent folders are created).
    release : mapping, optional
        ``version`` and ``created`` of the data, printed in the footer.

    Returns
    -------
    pathlib.Path
        ``path``, as a :class:`pathlib.Path`.

    Examples
    --------
    >>> static_choropleth(summary, "maps/compounds_by_province.png")  # doctest: +SKIP
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties
    from matplotlib.patches import Patch
    from matplotlib.patheffects import withStroke

    provinces = province_table(province_summary)
    colours, legend_rows = classify(list(provinces["n_compounds"]))
    fig = Figure(figsize=(11, 8.5), dpi=150)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.01, 0.13, 0.66, 0.76))
    provinces.plot(ax=ax, color=colours, edgecolor="#555555", linewidth=0.5)
    for _, p in provinces.iterrows():
        if p["n_compounds"] > 0:
            pt = p.geometry.representative_point()
            ax.annotate(
                str(p["n_compounds"]),
                (pt.x, pt.y),
                ha="center",
                va="center",
                fontsize=8,
                fontweight="bold",
                color="#111111",
                path_effects=[withStroke(linewidth=2.5, foreground="white")],
            )
    ax.set_axis_off()
    fig.legend(
        handles=[Patch(facecolor=c, edgecolor="#555555", label=lab) for c, lab in legend_rows],
        title="Registry sites per province",
        loc="lower left",
        bbox_to_anchor=(0.695, 0.12),
        fontsize=8,
        title_fontsize=8,
        frameon=False,
    )
    _province_list(fig, provinces, FontProperties(fname=khmer_font_path(), size=8.5))
    fig.text(
        0.5,
        0.955,
        "Reported scam compounds by province, Cambodia",
        ha="center",
        fontsize=15,
        fontweight="bold",
    )
    fig.text(
        0.5,
        0.925,
        "Sites in compoundmap's registry, each cited (allegations, not verified findings); "
        "includes sites known only to their province.",
        ha="center",
        fontsize=8.5,
    )
    release_text = html.unescape(release_line(release))
    if release_text:
        fig.text(0.02, 0.095, f"{release_text} (compoundmap)", fontsize=7.5, fontweight="bold")
    credits = "\n".join(textwrap.fill(line, 170) for line in ATTRIBUTIONS)
    fig.text(0.02, 0.015, credits, ha="left", va="bottom", fontsize=5.5, color="#333333")
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=150, metadata={"Software": None})
    return out


def _province_list(fig: Any, provinces: pd.DataFrame, khmer: Any) -> None:
    """Provinces with sites, most first: count, English name and Khmer name."""
    rows = provinces[provinces["n_compounds"] > 0].sort_values(
        ["n_compounds", "code"], ascending=[False, True]
    )
    top, step = 0.86, min(0.034, 0.56 / max(len(rows), 1))  # above the legend
    fig.text(0.70, top + 0.02, "Registry sites by province", fontsize=9, fontweight="bold")
    for n, (_, p) in enumerate(rows.iterrows()):
        y = top - n * step - 0.012
        fig.text(0.735, y, str(p["n_compounds"]), fontsize=8.5, ha="right", va="center")
        fig.text(0.75, y, text(p["province_name"]), fontsize=8.5, va="center")
        km = text(p.get("name_km"))
        if km:
            fig.text(0.875, y, km, fontproperties=khmer, va="center", language="km")
