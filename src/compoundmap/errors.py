"""The project's exceptions: one base class, one subclass per kind of failure.

Every message names what was wrong and where (file, row, column, value) so that an
analyst can fix the input without reading code.
"""

from __future__ import annotations

__all__ = [
    "BoundaryError",
    "CompoundmapError",
    "DataFileError",
    "GazetteerError",
    "GeocodeError",
    "GeocodeWarning",
    "MapError",
    "MissingColumnError",
    "ParameterError",
    "PipelineError",
    "SourceValidationError",
]


class CompoundmapError(Exception):
    """Base class of every error raised by compoundmap."""


class DataFileError(CompoundmapError):
    """A bundled or user-supplied data file is missing, unreadable or malformed."""


class MissingColumnError(CompoundmapError, KeyError):
    """A table lacks a column the operation needs.

    The message names the missing column and lists the columns that were found.
    """

    def __init__(self, column: str, found: list[str] | tuple[str, ...], where: str = "") -> None:
        self.column = column
        self.found = list(found)
        self.where = where
        place = f" in {where}" if where else ""
        msg = f"column {column!r} not found{place}; columns found: {', '.join(map(str, found))}"
        super().__init__(msg)

    def __str__(self) -> str:  # KeyError would otherwise repr() the message
        return str(self.args[0])

    def __reduce__(self) -> tuple[type[MissingColumnError], tuple[str, list[str], str]]:
        """Pickled with its own arguments (raised again from a build's child process)."""
        return type(self), (self.column, self.found, self.where)


class GazetteerError(CompoundmapError):
    """The gazetteer (admin units, aliases, localities) is inconsistent or a code is unknown."""


class BoundaryError(CompoundmapError):
    """Admin boundaries could not be loaded or joined (unknown level, bad CRS, …)."""


class GeocodeError(CompoundmapError):
    """Geocoding could not run (bad arguments, online fallback misconfigured, …)."""


class GeocodeWarning(UserWarning):
    """Geocoding ran but ignored part of its input (a context value of one CSV row that
    names nothing, …); the message names the row and the value."""


class SourceValidationError(CompoundmapError):
    """A curated source file breaks its schema.

    ``problems`` holds every problem found, each printable as ``file:row:column: message``.
    """

    def __init__(self, message: str, problems: list[object] | None = None) -> None:
        super().__init__(message)
        self.problems = list(problems or [])


class PipelineError(CompoundmapError):
    """``compoundmap build`` could not produce its outputs."""


class MapError(CompoundmapError):
    """A map could not be built from the given tables."""


class ParameterError(CompoundmapError, ValueError):
    """A notebook parameter, or an option of an analysis function, is not valid.

    Jupyter (and so papermill) shows it as its one-line message, without a traceback: the
    message already names the parameter, the value and what would be valid, and a
    traceback into the library would only hide it. ``papermill`` then stops before any
    work and exits non-zero.
    """

    def _render_traceback_(self) -> list[str]:  # IPython's hook for custom tracebacks
        return [f"{type(self).__name__}: {self}"]
