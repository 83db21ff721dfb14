"""The ``compoundmap`` command line: a thin typer layer over the library.

Each command parses arguments, calls one library function and prints its result; no
logic lives here. Library errors (``CompoundmapError``) become a message and exit code 2.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

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
    from .sources import validate_file

    target = path if path is not None else str(raw_path("sources", "reports.csv"))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # reported below instead
            report = validate_file(target)
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


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
