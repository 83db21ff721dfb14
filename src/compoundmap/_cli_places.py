"""The ``extract`` and ``geocode`` commands of :mod:`compoundmap.cli` (places in free text,
:mod:`compoundmap.geoparse`; place strings, :mod:`compoundmap.geocode`): arguments in,
library calls, results printed.

:mod:`compoundmap.cli` registers them on its app with its error handling; imports happen
inside the commands so that ``compoundmap --help`` starts fast.
"""

from __future__ import annotations

import typer

__all__ = ["extract_command", "geocode_command"]


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
    \f

    Parameters
    ----------
    path : str, optional
        ``PATH``: a UTF-8 text file read as one document; not with ``--input``.
    as_json : bool, default False
        ``--json``: print the mentions of ``path`` as JSON rather than as text.
    input_csv : str, optional
        ``--input``: a CSV of many texts (:func:`compoundmap.geoparse.extract_table`).
    column : str, optional
        ``--column``: the text column of ``--input``.
    output : str, optional
        ``--output``: the mentions CSV to write (atomically; it may not be ``--input``).

    Raises
    ------
    typer.BadParameter
        With ``--input`` but no ``--column`` or ``--output``, or with a ``PATH`` as well;
        or with neither a ``PATH`` nor ``--input`` (click prints the usage; exit code 2).
    """
    from pathlib import Path

    from .geoparse import extract_file, extract_table
    from .publish import atomic_file

    if input_csv is not None:
        if path is not None or column is None or output is None:
            raise typer.BadParameter("--input needs --column and --output, and no FILE")
        with atomic_file(output, inputs=[Path(input_csv)]) as tmp:
            summary = extract_table(input_csv, column, tmp)
        typer.echo(summary.replace(str(tmp), str(output)))
        return
    if path is None:
        raise typer.BadParameter("give a FILE, or --input IN.csv --column COL --output OUT.csv")
    typer.echo(extract_file(path, as_json=as_json))


def geocode_command(
    text: str | None = typer.Argument(None, help='A place string, e.g. "O\'Smach".'),
    province: str | None = typer.Option(
        None, help="Stated province (context): a code (07, 7, KH07) or a name; ';' for several."
    ),
    district: str | None = typer.Option(
        None, help="Stated district or town (context): a code (0708) or a name."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
    input: str | None = typer.Option(None, "--input", help="CSV file to geocode."),
    column: str | None = typer.Option(None, "--column", help="Column with place strings."),
    province_column: str | None = typer.Option(
        None, "--province-column", help="Column with the stated province (context)."
    ),
    district_column: str | None = typer.Option(
        None, "--district-column", help="Column with the stated district or town (context)."
    ),
    places: bool = typer.Option(
        False,
        "--places",
        help="One row per place named (as 'build' reads a field), with input_row and place_index.",
    ),
    output: str | None = typer.Option(None, "--output", help="CSV file to write."),
) -> None:
    """Geocode one place string, or a CSV column (--input/--column/--output), offline.
    \f

    Parameters
    ----------
    text : str, optional
        ``TEXT``: one place string to geocode; not needed with ``--input``.
    province : str, optional
        ``--province``: the stated province (a code such as ``07``, ``7`` or ``KH07``, or a
        name; ``;`` between several), context for every string.
    district : str, optional
        ``--district``: the stated district or town (a code such as ``0708``, or a name).
    as_json : bool, default False
        ``--json``: print the result of ``TEXT`` as JSON (a list with ``--places``).
    input : str, optional
        ``--input``: a CSV file to geocode (:func:`compoundmap.geocode.files.geocode_csv`).
    column : str, optional
        ``--column``: the column of ``--input`` with the place strings.
    province_column, district_column : str, optional
        ``--province-column``, ``--district-column``: columns of ``--input`` with each row's
        stated province or district (context).
    places : bool, default False
        ``--places``: one result per place named (as ``build`` reads a field), with
        ``input_row`` and ``place_index`` in the CSV.
    output : str, optional
        ``--output``: the CSV file to write.

    Raises
    ------
    GeocodeError
        With neither ``TEXT`` nor ``--input``, or ``--input`` without ``--column`` and
        ``--output`` (printed on one line by :func:`friendly_errors`; exit code 2).
    """
    import json

    from .errors import GeocodeError
    from .geocode import geocode, geocode_places
    from .geocode.files import geocode_csv

    if input is None:
        if text is None:
            raise GeocodeError(
                "give a place string, or --input IN.csv --column COL --output OUT.csv"
            )
        results = (
            geocode_places(text, province=province, district=district)
            if places
            else [geocode(text, province=province, district=district)]
        )
        if as_json:
            docs = [r.to_dict() for r in results]
            typer.echo(json.dumps(docs if places else docs[0], ensure_ascii=False, indent=2))
        else:
            typer.echo("\n".join(str(r) for r in results))
        return
    if column is None or output is None:
        raise GeocodeError("--input needs --column and --output")
    out, warned = geocode_csv(
        input,
        column,
        output,
        province=province,
        district=district,
        province_column=province_column,
        district_column=district_column,
        places=places,
    )
    for message in warned:
        typer.echo(f"warning: {message}", err=True)
    counts = out["match_status"].value_counts().to_dict()
    unit = "places" if places else "rows"
    n_rows = out["input_row"].nunique() if places else len(out)
    typer.echo(
        f"{n_rows} rows geocoded ({len(out)} {unit}) → {output} "
        + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    )
