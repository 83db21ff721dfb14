"""The print map: registry sites per province as a PNG (matplotlib), with its release."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from .layers import classify, province_table
from .popups import ATTRIBUTIONS

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

    Examples
    --------
    >>> static_choropleth(summary, "maps/compounds_by_province.png")  # doctest: +SKIP
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch
    from matplotlib.patheffects import withStroke

    provinces = province_table(province_summary)
    colours, legend_rows = classify(list(provinces["n_compounds"]))
    fig = Figure(figsize=(8, 8.5), dpi=150)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.02, 0.12, 0.96, 0.78))
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
    ax.legend(
        handles=[Patch(facecolor=c, edgecolor="#555555", label=lab) for c, lab in legend_rows],
        title="Registry sites",
        loc="lower right",
        fontsize=8,
        title_fontsize=8,
        frameon=False,
    )
    fig.text(
        0.5,
        0.96,
        "Reported scam compounds by province, Cambodia",
        ha="center",
        fontsize=14,
        fontweight="bold",
    )
    fig.text(
        0.5,
        0.93,
        "Sites in compoundmap's registry, each cited (allegations, not verified findings); "
        "includes sites known only to their province.",
        ha="center",
        fontsize=8,
    )
    lines = list(ATTRIBUTIONS)
    if release and release.get("version"):
        lines.insert(
            0,
            f"compoundmap data release {release['version']} (data as of "
            f"{release['created'][:10]}).",
        )
    credits = "\n".join(textwrap.fill(line, 130) for line in lines)
    fig.text(0.02, 0.02, credits, ha="left", va="bottom", fontsize=5.5, color="#333333")
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=150, metadata={"Software": None})
    return out
