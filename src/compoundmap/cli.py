"""The ``compoundmap`` command line: a thin typer layer over the library.

Each command parses arguments, calls library functions and prints their result; no logic
lives here. Library errors (``CompoundmapError``) become a one-line message and exit code
2; a file with invalid rows exits 1. Imports happen inside the commands so that
``compoundmap --help`` starts fast. The scanner's commands are in
:mod:`compoundmap._cli_scan`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import typer

from ._cli_places import extract_command, geocode_command
from ._cli_scan import scan_accept_command, scan_command
from .errors import CompoundmapError

app = typer.Typer(
    help="Map reported forced-labour scam compounds in Cambodia.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

F = TypeVar("F", bound=Callable[..., Any])


def friendly_errors(func: F) -> F:
    """Turn a CompoundmapError (or a file the OS refuses) into one line and exit code 2."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except CompoundmapError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            typer.echo(f"error: {where}{exc.strerror or exc}", err=True)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"compoundmap {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Map reported forced-labour scam compounds in Cambodia."""


# --- validate (sources.py, registry.py, links.py, curated.py, compounds.py) ---


def _print_problems(problems: list[Any], warnings: list[Any]) -> None:
    for problem in warnings:
        typer.echo(f"warning: {problem}")
    for problem in problems:
        typer.echo(str(problem))


@app.command("validate")
@friendly_errors
def validate_command(
    path: str | None = typer.Argument(
        None,
        help="A curated file (reports, overrides, compounds, operators, designations, changes; "
        "told apart by their columns) or a folder of them. Default: the bundled "
        "data/raw/sources/ folder, with the links between its files.",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print problems, not warnings."),
) -> None:
    """Check curated files; print every problem as file:row:column: message.

    A site's coordinates must lie in the province, district and commune its row states.
    Exit 0 when every row is valid (warnings allowed), 1 when any row or file is invalid.
    \f

    Parameters
    ----------
    path : str, optional
        ``PATH``: a curated file (its kind told apart by its header,
        :func:`compoundmap.curated.validate_any`) or a folder of them
        (:func:`compoundmap.curated.validate_folder`, with the links between the files).
        Default: the bundled ``data/raw/sources/`` folder.
    quiet : bool, default False
        ``--quiet``/``-q``: print the problems and the summary lines, not the warnings
        and notes.

    Raises
    ------
    typer.Exit
        With code 1 when any row is invalid (site coordinates outside their stated units
        included) or the file cannot be checked at all (a file-level problem).
    """
    import warnings
    from pathlib import Path

    from .curated import validate_any, validate_folder
    from .errors import SourceValidationError
    from .sitepoints import point_problems_of
    from .sources import default_sources_path

    target = Path(path) if path is not None else None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # reported below instead
            if target is None or target.is_dir():
                folder = validate_folder(target)
                problems = folder.problems + [
                    p for r in folder.reports.values() for p in point_problems_of(r)
                ]
                _print_problems(problems, [] if quiet else folder.warnings)
                for report in folder.reports.values():
                    typer.echo(report.summary())
                base = target if target is not None else default_sources_path().parent
                typer.echo(folder.summary(base, more_problems=len(problems) - len(folder.problems)))
                if problems:
                    raise typer.Exit(1)
                return
            report = validate_any(target)
            problems = report.problems + point_problems_of(report)
    except SourceValidationError as exc:
        for problem in exc.problems:
            typer.echo(str(problem))
        typer.echo(f"{target}: not checked: {len(exc.problems)} file-level problem(s)")
        raise typer.Exit(1) from None
    _print_problems(problems, [] if quiet else report.warnings)
    for note in [] if quiet else report.notes:
        typer.echo(f"note: {note}")
    typer.echo(report.summary())
    if problems:
        raise typer.Exit(1)


# --- link and events (links.py, events.py): curation aids ---


@app.command("link")
@friendly_errors
def link_command(
    sources: str | None = typer.Argument(
        None, help="reports.csv (the registry files are read beside it). Default: bundled."
    ),
) -> None:
    """Propose registry ids for reports whose compound name matches a site or operator.

    Prints CSV: report_id, source_row, name, kind, suggested_id, registry_name.
    """
    import warnings
    from pathlib import Path

    from .links import suggest_links
    from .registry import load_registry
    from .sources import default_sources_path, validate_sources

    path = Path(sources) if sources else default_sources_path()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        valid = validate_sources(path).valid
        registry = load_registry(path.parent)
    typer.echo(suggest_links(valid, registry).to_csv(index=False, lineterminator="\n"), nl=False)


@app.command("events")
@friendly_errors
def events_command(
    sources: str | None = typer.Argument(None, help="reports.csv. Default: bundled."),
    window: int = typer.Option(7, help="Days two dates may differ and still be one event."),
) -> None:
    """Propose events to merge: reports of one site, type and date under several event ids.

    Prints CSV: proposed_event_id, event_ids, report_ids, reason.
    \f

    Parameters
    ----------
    sources : str, optional
        ``SOURCES``: the reports CSV; default the bundled ``data/raw/sources/reports.csv``.
        Only its valid rows are read (invalid ones are left out without a warning).
    window : int, default 7
        ``--window``: days two dates may differ and still be one event (``window_days``
        of :func:`compoundmap.eventgroups.propose_event_groups`).
    """
    import warnings
    from pathlib import Path

    from .eventgroups import propose_event_groups
    from .sources import default_sources_path, validate_sources

    path = Path(sources) if sources else default_sources_path()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        valid = validate_sources(path).valid
    out = propose_event_groups(valid, window_days=window)
    typer.echo(out.to_csv(index=False, lineterminator="\n"), nl=False)


# --- extract and geocode: their arguments and printing are in _cli_places.py ---


app.command("extract")(friendly_errors(extract_command))


# --- build (pipeline.py) ---


@app.command("build")
@friendly_errors
def build_command(
    sources: str | None = typer.Option(
        None, "--sources", help="Reports CSV. Default: data/raw/sources/reports.csv."
    ),
    processed_dir: str | None = typer.Option(
        None, "--processed-dir", help="Where the tables go. Default: data/processed/."
    ),
    maps_dir: str | None = typer.Option(
        None, "--maps-dir", help="Where the maps go. Default: maps/."
    ),
    overrides: str | None = typer.Option(
        None,
        "--overrides",
        help="Location overrides CSV. Default: location_overrides.csv beside --sources.",
    ),
    no_maps: bool = typer.Option(False, "--no-maps", help="Write the tables only."),
    strict: bool = typer.Option(
        False, "--strict", help="Exit 1 when any row is rejected or any warning is raised."
    ),
    wait: float = typer.Option(
        60.0, "--wait", help="Seconds to wait for another build writing the same folders."
    ),
) -> None:
    """Build every published table and map from the curated files (deterministic, atomic).

    Exit 0 when the build is published (rejected rows are listed in rejects.csv); with
    --strict, exit 1 when any row was rejected or any warning raised.
    \f

    Parameters
    ----------
    sources : str, optional
        ``--sources``: the reports CSV (the registry files are read beside it); default
        ``data/raw/sources/reports.csv``.
    processed_dir : str, optional
        ``--processed-dir``: where the tables go; default ``data/processed/`` of the checkout.
    maps_dir : str, optional
        ``--maps-dir``: where the maps go; default ``maps/`` of the checkout.
    overrides : str, optional
        ``--overrides``: the location overrides CSV; default ``location_overrides.csv``
        beside the sources.
    no_maps : bool, default False
        ``--no-maps``: write the tables only.
    strict : bool, default False
        ``--strict``: exit 1 when any row is rejected or any warning is raised (the build
        is published all the same).
    wait : float, default 60.0
        ``--wait``: seconds to wait for another build writing the same folders.

    Raises
    ------
    typer.Exit
        With code 1 under ``--strict`` when a row was rejected or a warning raised.
    """
    import logging

    from .pipeline import build

    # The warnings are printed below; without a handler, logging would print them twice.
    logging.getLogger("compoundmap").addHandler(logging.NullHandler())
    result = build(
        sources=sources,
        processed_dir=processed_dir,
        maps_dir=maps_dir,
        overrides=overrides,
        maps=not no_maps,
        wait=wait,
    )
    seen: set[str] = set()
    for note in result.warnings:
        if note not in seen:  # a repeated warning is printed once
            seen.add(note)
            typer.echo(f"warning: {note}", err=True)
    typer.echo(result.summary())
    if result.n_rejected:
        typer.echo(
            f"{result.n_rejected} row(s) rejected: see {result.processed_dir}/rejects.csv", err=True
        )
    if strict and (result.n_rejected or result.warnings):
        typer.echo(f"strict: {result.n_rejected} rejected row(s), {len(seen)} warning(s)", err=True)
        raise typer.Exit(1)


app.command("geocode")(friendly_errors(geocode_command))


# --- diff (diff.py) ---


@app.command("diff")
@friendly_errors
def diff_command(
    old: str = typer.Argument(
        ..., help="The earlier release: a processed folder, a sources folder or a reports.csv."
    ),
    new: str = typer.Argument(..., help="The later release, the same way."),
    csv_path: str | None = typer.Option(
        None, "--csv", help="Also write every change as CSV to this file ('-': print it instead)."
    ),
    summary_only: bool = typer.Option(
        False, "--summary", help="Print only the counts and notes, not every record."
    ),
) -> None:
    """Compare two releases: reports, events and sites added, withdrawn or changed.

    A processed folder is read as published (the first releases' layout included); a
    sources folder or reports.csv is built in memory first. Sites are matched through
    former_ids. Output is in a fixed order, so it can go into release notes as it is.
    \f

    Parameters
    ----------
    old : str
        ``OLD``: the earlier release, a processed folder, a sources folder or a reports CSV
        (:func:`compoundmap.diff.load_release`).
    new : str
        ``NEW``: the later release, the same way.
    csv_path : str, optional
        ``--csv``: also write every change as CSV to this file (atomically); ``-`` prints the
        CSV instead of the text.
    summary_only : bool, default False
        ``--summary``: print only the counts and notes, not every record.

    Raises
    ------
    DataFileError
        If ``OLD`` or ``NEW`` is none of these (printed on one line by
        :func:`friendly_errors`; exit code 2).
    """
    from pathlib import Path

    from .diff import diff_releases
    from .publish import atomic_file

    result = diff_releases(old, new)
    if csv_path == "-":
        typer.echo(result.to_csv(), nl=False)
        return
    if csv_path is not None:
        with atomic_file(csv_path, inputs=[Path(old), Path(new)]) as tmp:
            Path(tmp).write_text(result.to_csv(), encoding="utf-8")
    typer.echo(result.summary() if summary_only else result.to_text(), nl=summary_only)
    if csv_path is not None:
        typer.echo(f"{len(result.changes)} change rows written to {csv_path}", err=True)


# --- scan and scan-accept (scan/): their arguments and printing are in _cli_scan.py ---

app.command("scan")(friendly_errors(scan_command))
app.command("scan-accept")(friendly_errors(scan_accept_command))


def main() -> None:
    """Console-script entry point."""
    app(prog_name="compoundmap")


if __name__ == "__main__":  # pragma: no cover
    main()
    sys.exit(0)
