"""The ``scan`` and ``scan-accept`` commands of :mod:`compoundmap.cli` (the news-archive
scanner, :mod:`compoundmap.scan`): arguments in, library calls, results printed.

:mod:`compoundmap.cli` registers them on its app with its error handling; imports happen
inside the commands so that ``compoundmap --help`` starts fast.
"""

from __future__ import annotations

from typing import Annotated

import typer

__all__ = ["scan_accept_command", "scan_command"]


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
    from .scan import accept_candidates

    drafts, report = accept_candidates(candidates, output, ids=ids, accepted=accepted)
    for problem in report.problems:
        typer.echo(str(problem))
    typer.echo(f"{len(drafts)} draft report(s) written to {output}; {report.summary()}")
    if report.problems:
        raise typer.Exit(1)
