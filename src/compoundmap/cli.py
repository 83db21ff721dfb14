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


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
