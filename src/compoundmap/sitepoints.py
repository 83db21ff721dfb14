"""A registry site's cited point must lie in the admin unit its ``compounds.csv`` row
states (issue 12): the check ``validate`` runs on the registry, and the build lists among
its notes. The boundaries are loaded only when a row has a point, so ``validate`` on files
without coordinates starts fast.
"""

from __future__ import annotations

import pandas as pd

from ._csvfile import Problem
from ._util import line_or_none, records, text_of
from ._validation import ValidationReport

__all__ = ["point_problems_of", "registry_point_problems"]


def registry_point_problems(
    compounds: pd.DataFrame, *, file: str = "compounds.csv"
) -> list[Problem]:
    """Sites whose cited coordinates fall outside the admin unit the registry states.

    Each point is joined to the boundaries (:func:`compoundmap.boundaries.assign_admin`) and
    compared with the row's ``province_code``, ``district_code`` and ``commune_code``, the
    coarsest first; a row gets one problem, at the coarsest unit that disagrees. A commune
    split after 2018 (its 2025 code unknown for the point) is not compared.

    Parameters
    ----------
    compounds : pandas.DataFrame
        Valid rows of ``compounds.csv`` (:func:`compoundmap.registry.load_registry`).
    file : str, default "compounds.csv"
        The file named in each problem.

    Returns
    -------
    list of Problem
        One per disagreeing site, at its line (``source_row``) and column ``latitude``,
        naming the ``compound_id``; empty when every point agrees.

    Examples
    --------
    >>> site = {"compound_id": "CM-9001", "province_code": "18", "district_code": "",
    ...         "commune_code": "", "latitude": "11.08", "longitude": "106.09", "source_row": 2}
    >>> [str(p) for p in registry_point_problems(pd.DataFrame([site]))]
    ["compounds.csv:2:latitude: CM-9001: the point lies in province 20, not in the stated '18'"]
    """
    lat = pd.to_numeric(compounds["latitude"], errors="coerce")
    lon = pd.to_numeric(compounds["longitude"], errors="coerce")
    has = lat.notna() & lon.notna()
    if not has.any():
        return []
    import geopandas as gpd  # only when there is a point: keeps `validate` fast to start

    from .boundaries import assign_admin

    sites = compounds[has]
    found = assign_admin(
        gpd.GeoDataFrame(geometry=gpd.points_from_xy(lon[has], lat[has]), crs=4326)
    )
    problems = []
    for site, unit in zip(records(sites), records(found), strict=True):
        for level in ("province", "district", "commune"):
            stated = text_of(site.get(f"{level}_code"))
            got = text_of(unit.get(f"{level}_code"))
            if level == "commune" and unit.get("admin_flag") == "commune_split_after_2018":
                continue  # the point's 2025 commune is not known: nothing to compare
            if stated and got != stated:
                problems.append(
                    Problem(
                        file,
                        line_or_none(site.get("source_row")),
                        "latitude",
                        f"{text_of(site.get('compound_id'))}: the point lies in {level} "
                        f"{got or 'none'}, not in the stated {stated!r}",
                    )
                )
                break
    return problems


def point_problems_of(report: ValidationReport) -> list[Problem]:
    """:func:`registry_point_problems` of a validated ``compounds.csv``, for ``validate``.

    Parameters
    ----------
    report : ValidationReport
        A validated curated file with its valid rows kept
        (:func:`compoundmap.registry.validate_compounds`,
        :func:`compoundmap.curated.validate_any`).

    Returns
    -------
    list of Problem
        The problems, naming ``report.path``; empty for a file of another kind.
    """
    if report.kind != "compounds" or report.valid.empty:
        return []
    return registry_point_problems(report.valid, file=report.path)
