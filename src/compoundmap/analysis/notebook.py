"""Notebook helpers: parameters that fail in one line, warnings shown once, display options."""

from __future__ import annotations

import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..errors import GazetteerError, ParameterError

if TYPE_CHECKING:
    pass
from .provinces import resolve_province

# --------------------------------------------------------------------------- notebooks


def province_parameter(value: object) -> str:
    """Check a notebook's ``province`` parameter: its MEF code, or stop with one line.

    Parameters
    ----------
    value : str or int
        Anything :func:`resolve_province` accepts.

    Raises
    ------
    ParameterError
        If it is no province: the one-line message names the value and lists the 25
        provinces.

    Examples
    --------
    >>> province_parameter(7)
    '07'
    """
    try:
        return resolve_province(value)
    except GazetteerError as exc:
        raise ParameterError(f"parameter {exc}") from None


@dataclass(frozen=True)
class NotebookParameters:
    """A notebook's checked ``sources`` and ``output_dir`` parameters.

    Attributes
    ----------
    sources : pathlib.Path or None
        The reports CSV to read, or None for the bundled one.
    output_dir : pathlib.Path
        An existing folder to write into.
    """

    sources: Path | None
    output_dir: Path


def notebook_parameters(
    sources: str | Path | None = None,
    output_dir: str | Path | None = None,
    *,
    prefix: str = "compoundmap-",
) -> NotebookParameters:
    """Check a notebook's ``sources`` and ``output_dir`` parameters, or stop with one line.

    Parameters
    ----------
    sources : path, optional
        A reports CSV; it must exist. None reads the bundled sources.
    output_dir : path, optional
        Where the notebook writes; created if missing. None makes a new temporary folder
        (named with ``prefix``), so running a notebook never writes into the repository.
    prefix : str, default "compoundmap-"
        Start of the temporary folder's name.

    Returns
    -------
    NotebookParameters
        ``sources`` (``~`` expanded; None for the bundled sources) and ``output_dir``
        (existing).

    Raises
    ------
    ParameterError
        If ``sources`` is not a file or ``output_dir`` cannot be a folder.

    Examples
    --------
    >>> params = notebook_parameters(None, None, prefix="report-")  # doctest: +SKIP
    >>> params.output_dir  # doctest: +SKIP
    PosixPath('/tmp/report-k2j4x9a1')
    """
    src = Path(sources).expanduser() if sources is not None else None
    if src is not None and not src.is_file():
        why = "is a folder" if src.is_dir() else "does not exist"
        raise ParameterError(f"parameter sources: {str(src)!r} {why}; give a reports CSV file")
    if output_dir is None:
        return NotebookParameters(src, Path(tempfile.mkdtemp(prefix=prefix)))
    out = Path(output_dir).expanduser()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ParameterError(
            f"parameter output_dir: cannot use {str(out)!r} as a folder: {exc.strerror or exc}"
        ) from None
    return NotebookParameters(src, out)


def _show_once(show: Any) -> Any:
    """Wrap a ``warnings.showwarning`` so that it shows each (category, text) once."""
    shown: set[tuple[type[Warning], str]] = set()

    def show_once(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: Any = None,
        line: str | None = None,
    ) -> None:
        key = (category, str(message))
        if key not in shown:
            shown.add(key)
            show(message, category, filename, lineno, file, line)

    show_once.compoundmap_once = True  # type: ignore[attr-defined]
    return show_once


def setup_notebook(*, max_rows: int = 200, max_colwidth: int = 80) -> None:
    """Set up a notebook session: each distinct warning shown once, readable tables.

    From this call on, a warning whose category and text were already shown in this
    session is not shown again, whichever line or cell raises it and however often the
    tables are rebuilt (Python's own ``"once"`` filter forgets what it showed whenever
    the filters change, as they do in every ``build_tables``). Which warnings are shown
    at all is still up to the filters: hidden ones stay hidden, errors stay errors. Also
    sets pandas' ``display.max_rows`` and ``display.max_colwidth``. Safe to call again.

    Parameters
    ----------
    max_rows : int, default 200
        pandas' ``display.max_rows``.
    max_colwidth : int, default 80
        pandas' ``display.max_colwidth``.

    Examples
    --------
    >>> setup_notebook(max_rows=50)  # doctest: +SKIP
    >>> pd.get_option("display.max_rows")  # doctest: +SKIP
    50
    """
    if not getattr(warnings.showwarning, "compoundmap_once", False):
        warnings.showwarning = _show_once(warnings.showwarning)
    pd.set_option("display.max_rows", max_rows)
    pd.set_option("display.max_colwidth", max_colwidth)
