"""Editions of a release for other tools: Excel, the Humanitarian Data Exchange, FollowTheMoney.

Last step of writing the tables (:func:`compoundmap.pipeline.write_tables_into` calls
:func:`write_exports` before ``datapackage.json``). One module per format: ``xlsx``
(``compoundmap.xlsx``), ``hdx`` (``hdx/*.csv`` with HXL hashtags), ``ftm``
(``ftm/entities.ftm.json``). Each reads the built tables and writes deterministic files.
"""

from __future__ import annotations

from pathlib import Path

from ._common import TablesLike
from .ftm import FTM_NAME, ftm_entities, write_ftm
from .hdx import HDX_DIR, HXL_TAGS, hdx_frames, hxl_dictionary, write_hdx
from .xlsx import XLSX_NAME, write_xlsx

__all__ = [
    "FTM_NAME",
    "HDX_DIR",
    "HXL_TAGS",
    "XLSX_NAME",
    "ftm_entities",
    "hdx_frames",
    "hxl_dictionary",
    "write_exports",
    "write_ftm",
    "write_hdx",
    "write_xlsx",
]


def write_exports(tables: TablesLike, out_dir: Path) -> dict[str, Path]:
    """Write every export of ``tables`` into ``out_dir`` (a staging folder).

    Parameters
    ----------
    tables : TablesLike
        From :func:`compoundmap.pipeline.build_tables` (anything with ``table(name)`` and
        ``release``).
    out_dir : pathlib.Path
        An existing folder to write into: ``compoundmap.xlsx``, ``hdx/*.csv`` and
        ``ftm/entities.ftm.json`` go there (their sub-folders are created).

    Returns
    -------
    dict
        Path relative to ``out_dir`` (``"compoundmap.xlsx"``, ``"hdx/events.csv"``, ...)
        → the file written, for ``datapackage.json``.
    """
    out_dir = Path(out_dir)
    files = {XLSX_NAME: write_xlsx(tables, out_dir / XLSX_NAME)}
    files.update(write_hdx(tables, out_dir / HDX_DIR))
    files[FTM_NAME] = write_ftm(tables, out_dir / FTM_NAME)
    return files
