"""The ``compoundmap`` command line: a thin typer layer over the library.

Each command parses arguments, calls one library function and prints its result; no
logic lives here. Library errors (``CompoundmapError``) become a message and exit code 2.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Annotated, Any, TypeVar

import typer

from .errors import CompoundmapError

app = typer.Typer(
    help="Map reported forced-labour scam compounds in Cambodia.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

F = TypeVar("F", bound=Callable[..., Any])


def friendly_errors(func: F) -> F:
    """Turn a CompoundmapError into a one-line message on stderr and exit code 2."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except CompoundmapError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


# --- commands: each developer keeps to their own section -------------------------------


# --- validate (sources.py) ---


@app.command("validate")
@friendly_errors
def validate_command(
    path: str | None = typer.Argument(
        None,
        help="A reports.csv or location_overrides.csv (told apart by their columns). "
        "Default: the bundled data/raw/sources/reports.csv.",
    ),
) -> None:
    """Check a curated source file; print every problem as file:row:column: message.

    Exit 0 when every row is valid, 1 when any row or the file itself is invalid.
    """
    import warnings

    from ._data import raw_path
    from .errors import SourceValidationError
    from .sources import check_file

    target = path if path is not None else str(raw_path("sources", "reports.csv"))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # reported below instead
            report = check_file(target)
    except SourceValidationError as exc:
        for problem in exc.problems:
            typer.echo(str(problem))
        typer.echo(f"{target}: not checked: {len(exc.problems)} file-level problem(s)")
        raise typer.Exit(1) from None
    for problem in report.warnings:
        typer.echo(f"warning: {problem}")
    for problem in report.problems:
        typer.echo(str(problem))
    typer.echo(report.summary())
    if report.problems:
        raise typer.Exit(1)


# --- extract (geoparse.py) ---


@app.command("extract")
@friendly_errors
def extract_command(
    path: str | None = typer.Argument(None, help="A UTF-8 text file: one document."),
    as_json: bool = typer.Option(False, "--json", help="Print the mentions as JSON."),
    input_csv: str | None = typer.Option(None, "--input", help="A CSV of many texts."),
    column: str | None = typer.Option(None, "--column", help="The text column of --input."),
    output: str | None = typer.Option(None, "--output", help="Where to write the mentions CSV."),
) -> None:
    """Find places in Cambodia and countries (names, demonyms) in free text.

    One document: compoundmap extract FILE.txt [--json]

    Many: compoundmap extract --input IN.csv --column COL --output OUT.csv

    The CSV has one row per mention (row: the 0-based input row).

    An input row with no mention gets one row with kind empty.
    """
    from .geoparse import extract_file, extract_table

    if input_csv is not None:
        if path is not None or column is None or output is None:
            raise typer.BadParameter("--input needs --column and --output, and no FILE")
        summary = extract_table(input_csv, column, output)
        typer.echo(summary)
        return
    if path is None:
        raise typer.BadParameter("give a FILE, or --input IN.csv --column COL --output OUT.csv")
    typer.echo(extract_file(path, as_json=as_json))


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
) -> None:
    """Build every published table and map from the curated sources (deterministic)."""
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
    )
    for note in result.warnings:
        typer.echo(f"warning: {note}", err=True)
    typer.echo(result.summary())


# --- geocode (geocode.py) ---


@app.command("geocode")
@friendly_errors
def geocode_command(
    text: str | None = typer.Argument(None, help='A place string, e.g. "O\'Smach".'),
    province: str | None = typer.Option(None, help="Stated province (context)."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
    input: str | None = typer.Option(None, "--input", help="CSV file to geocode."),
    column: str | None = typer.Option(None, "--column", help="Column with place strings."),
    province_column: str | None = typer.Option(
        None, "--province-column", help="Column with the stated province (context)."
    ),
    output: str | None = typer.Option(None, "--output", help="CSV file to write."),
) -> None:
    """Geocode one place string, or a CSV column (--input/--column/--output), offline."""
    import json

    import pandas as pd

    from .errors import DataFileError, GeocodeError
    from .geocode import FRAME_COLUMNS, geocode, geocode_frame

    if input is None:
        if text is None:
            raise GeocodeError(
                "give a place string, or --input IN.csv --column COL --output OUT.csv"
            )
        result = geocode(text, province=province)
        if as_json:
            typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        else:
            typer.echo(str(result))
        return
    if column is None or output is None:
        raise GeocodeError("--input needs --column and --output")
    try:
        df = pd.read_csv(input, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DataFileError(f"{input}: cannot read CSV: {exc}") from exc
    out = geocode_frame(df, column, province_column=province_column)
    cols = [*df.columns, *[c for c in FRAME_COLUMNS if c not in df.columns]]
    try:
        out[cols].to_csv(output, index=False)
    except OSError as exc:
        raise DataFileError(f"{output}: cannot write CSV: {exc}") from exc
    counts = out["match_status"].value_counts().to_dict()
    typer.echo(
        f"{len(out)} rows geocoded → {output} "
        + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    )


# --- scan (scan/) ---


@app.command("scan")
@friendly_errors
def scan_command(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files (.jsonl, .parquet, .csv, .html, .warc, and .gz variants) or folders."
        ),
    ],
    output: str = typer.Option(
        "candidates.parquet",
        "--output",
        "-o",
        help="The review queue; .csv and .html views are written beside it.",
    ),
    scheduler: str = typer.Option(
        "in-process",
        "--scheduler",
        help="in-process, processes (local Dask cluster) or tcp://HOST:8786.",
    ),
    workers: int | None = typer.Option(None, "--workers", help="Workers for 'processes'."),
    id_column: str = typer.Option("id", "--id-column", help="Column/key of document ids."),
    url_column: str = typer.Option("url", "--url-column", help="Column/key of URLs."),
    date_column: str = typer.Option("date", "--date-column", help="Column/key of dates."),
    title_column: str = typer.Option("title", "--title-column", help="Column/key of titles."),
    text_column: str = typer.Option("text", "--text-column", help="Column/key of the text."),
    sources: str | None = typer.Option(
        None, "--sources", help="reports.csv to check novelty against. Default: bundled."
    ),
    compounds: str | None = typer.Option(None, "--compounds", help="Registry compounds.csv."),
    operators: str | None = typer.Option(None, "--operators", help="Registry operators.csv."),
) -> None:
    """Find candidate reports in news archives: a ranked review queue with the evidence.

    Same rows and bytes whichever scheduler runs it. See docs/scan.md.
    """
    from .scan import Columns, scan, write_scan

    columns = Columns(id_column, url_column, date_column, title_column, text_column)
    result = scan(
        inputs,
        scheduler=scheduler,
        workers=workers,
        columns=columns,
        sources=sources,
        compounds=compounds,
        operators=operators,
    )
    with result:
        written = write_scan(result, output)
    typer.echo(result.summary())
    typer.echo("written: " + ", ".join(str(p) for p in written))


@app.command("scan-accept")
@friendly_errors
def scan_accept_command(
    candidates: str = typer.Argument(..., help="candidates.parquet written by `scan`."),
    ids: Annotated[
        list[str] | None,
        typer.Option("--id", help="An accepted candidate id (repeatable)."),
    ] = None,
    accepted: str | None = typer.Option(
        None, "--accepted", help="The CSV view with 'yes' in the accept column."
    ),
    output: str = typer.Option("drafts.csv", "--output", "-o", help="Draft reports CSV."),
) -> None:
    """Turn accepted candidates into draft reports.csv rows (record_status=draft)."""
    import warnings

    from .errors import DataFileError
    from .scan import accepted_ids, draft_reports, read_queue, write_drafts
    from .sources import check_file

    queue = read_queue(candidates)
    chosen = list(ids or [])
    if accepted is not None:
        chosen += accepted_ids(read_queue(accepted))
    if not ids and accepted is None:
        chosen = accepted_ids(queue)
    if not chosen:
        raise DataFileError("no accepted candidate: give --id, or --accepted with 'yes' marks")
    drafts = draft_reports(queue, chosen)
    write_drafts(drafts, output)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        report = check_file(output)
    for problem in report.problems:
        typer.echo(str(problem))
    typer.echo(f"{len(drafts)} draft report(s) written to {output}; {report.summary()}")
    if report.problems:
        raise typer.Exit(1)


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
