"""Reading news archives as a stream of documents: JSON Lines, Parquet, CSV, HTML, WARC.

First step of ``compoundmap scan``. Inputs are cut into *parts* (a byte range of a JSON
Lines file, a run of Parquet row groups, a batch of HTML files, one CSV or WARC file) that a
worker reads on its own, one document at a time, so memory stays flat however large the
archive and a Dask worker never receives document text from the driver. Every document
carries a sort key (input, part, position) so results come back in the same order whichever
scheduler ran them.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, NamedTuple

from ..errors import DataFileError, MissingColumnError
from .dates import normalise_date

__all__ = [
    "FORMATS",
    "Columns",
    "Document",
    "Part",
    "expand_inputs",
    "iter_documents",
    "plan_parts",
    "read_part",
]

#: File formats by name ending (lower case), longest ending first.
FORMATS: tuple[tuple[str, str], ...] = (
    (".warc.gz", "warc"),
    (".arc.gz", "warc"),
    (".jsonl.gz", "jsonl"),
    (".ndjson.gz", "jsonl"),
    (".csv.gz", "csv"),
    (".warc", "warc"),
    (".jsonl", "jsonl"),
    (".ndjson", "jsonl"),
    (".parquet", "parquet"),
    (".pq", "parquet"),
    (".csv", "csv"),
    (".html", "html"),
    (".htm", "html"),
)


@dataclass(frozen=True)
class Columns:
    """Names of the input columns (JSON keys, CSV header names, Parquet columns).

    Only ``text`` must exist; a missing ``id``, ``url``, ``date`` or ``title`` reads as empty
    (a missing id becomes ``<file>:<position>``).
    """

    id: str = "id"
    url: str = "url"
    date: str = "date"
    title: str = "title"
    text: str = "text"


@dataclass(frozen=True)
class Document:
    """One article as read from an input.

    ``key`` orders documents deterministically: (input number, part number, position in
    the part). ``date`` is normalised to ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``""``.
    """

    key: tuple[int, int, int]
    doc_id: str
    url: str
    date: str
    title: str
    text: str
    source: str = field(default="")


class Part(NamedTuple):
    """A piece of the input that one task reads on its own."""

    input_index: int
    part_index: int
    fmt: str
    paths: tuple[str, ...]
    start: int = 0  # byte offset (jsonl) or first row group (parquet)
    stop: int = -1  # end byte offset (jsonl) or row group after the last (parquet)


def _format_of(path: Path) -> str | None:
    name = path.name.lower()
    for ending, fmt in FORMATS:
        if name.endswith(ending):
            return fmt
    return None


def expand_inputs(inputs: Sequence[str | Path]) -> list[tuple[str, str]]:
    """Files to read, with their format: named files as given, folders walked in sorted order.

    Inside a folder, files of unknown format are skipped; a named file of unknown format
    is an error.

    Raises
    ------
    DataFileError
        If an input does not exist or a named file has an unknown format.
    """
    out: list[tuple[str, str]] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for name in sorted(files):
                    fmt = _format_of(Path(name))
                    if fmt is not None:
                        out.append((str(Path(root) / name), fmt))
        elif p.is_file():
            fmt = _format_of(p)
            if fmt is None:
                known = ", ".join(e for e, _ in FORMATS)
                raise DataFileError(f"{p}: unknown input format (expected one of {known})")
            out.append((str(p), fmt))
        else:
            raise DataFileError(f"{p}: no such file or folder")
    return out


def plan_parts(
    inputs: Sequence[str | Path], *, part_bytes: int = 32 << 20, html_batch: int = 200
) -> list[Part]:
    """Cut the inputs into parts of about ``part_bytes`` each (JSON Lines, Parquet).

    CSV and WARC files are one part each (a quoted CSV value may hold a line break, and WARC
    records cannot be found from an arbitrary offset), and so is a gzipped JSON Lines file;
    consecutive HTML files go in batches of ``html_batch``, each batch one part.

    Parameters
    ----------
    inputs : sequence of str or pathlib.Path
        Files or folders (:func:`expand_inputs`).
    part_bytes : int, default 32 MiB
        The size a JSON Lines file (by bytes) or a Parquet file (by row groups' sizes) is
        cut at.
    html_batch : int, default 200
        HTML files per part.

    Returns
    -------
    list of Part
        In input order; each part's ``input_index`` is the position of its input's first
        part, ``part_index`` its number within the input.

    Raises
    ------
    DataFileError
        If an input does not exist, a named file has an unknown format, or a Parquet file
        cannot be read.

    Examples
    --------
    >>> [(p.input_index, p.fmt, p.start) for p in plan_parts(["tests/data/scan/corpus.jsonl"],
    ...     part_bytes=4096)]
    [(0, 'jsonl', 0), (0, 'jsonl', 3742)]
    """
    files = expand_inputs(inputs)
    parts: list[Part] = []
    html: list[str] = []

    def flush_html() -> None:
        for i in range(0, len(html), html_batch):
            parts.append(Part(len(parts), 0, "html", tuple(html[i : i + html_batch])))
        html.clear()

    for path, fmt in files:
        if fmt == "html":
            html.append(path)
            continue
        flush_html()
        if fmt == "jsonl" and not path.endswith(".gz"):
            size = os.path.getsize(path)
            n = max(1, -(-size // part_bytes))
            bounds = [size * i // n for i in range(n + 1)]
            index = len(parts)
            for j in range(n):
                parts.append(Part(index, j, fmt, (path,), bounds[j], bounds[j + 1]))
        elif fmt == "parquet":
            parts.extend(_parquet_parts(path, len(parts), part_bytes))
        else:
            parts.append(Part(len(parts), 0, fmt, (path,)))
    flush_html()
    # Input numbers in the sort key: the position of each input's first part.
    return parts


def _parquet_parts(path: str, index: int, part_bytes: int) -> list[Part]:
    import pyarrow.parquet as pq

    try:
        meta = pq.ParquetFile(path).metadata
    except (OSError, ValueError) as exc:
        raise DataFileError(f"{path}: not a readable Parquet file: {exc}") from None
    out: list[Part] = []
    start, size = 0, 0
    for g in range(meta.num_row_groups):
        size += meta.row_group(g).total_byte_size
        if size >= part_bytes:
            out.append(Part(index, len(out), "parquet", (path,), start, g + 1))
            start, size = g + 1, 0
    if start < meta.num_row_groups or not out:
        out.append(Part(index, len(out), "parquet", (path,), start, meta.num_row_groups))
    return out


# --------------------------------------------------------------------------- records


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != value:
        return ""
    return value if isinstance(value, str) else str(value)


def _document(part: Part, pos: int, rec: dict[str, Any], cols: Columns, where: str) -> Document:
    doc_id = _text(rec.get(cols.id)).strip() or f"{Path(where).name}:{pos}"
    return Document(
        key=(part.input_index, part.part_index, pos),
        doc_id=doc_id,
        url=_text(rec.get(cols.url)).strip(),
        date=normalise_date(_text(rec.get(cols.date))),
        title=_text(rec.get(cols.title)).strip(),
        text=_text(rec.get(cols.text)),
        source=where,
    )


def _open_text(path: str) -> IO[str]:
    if path.endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig", newline="")
    return open(path, encoding="utf-8-sig", newline="")


def _read_jsonl(part: Part, cols: Columns) -> Iterator[Document]:
    path = part.paths[0]
    if path.endswith(".gz"):
        with _open_text(path) as fh:
            for line_no, text_line in enumerate(fh, start=1):
                yield from _json_line(part, line_no, text_line.encode(), cols, path)
        return
    with open(path, "rb") as fh:
        # A line belongs to the part in which its first byte lies.
        if part.start > 0:
            fh.seek(part.start - 1)
            fh.readline()
        while True:
            pos = fh.tell()
            if part.stop >= 0 and pos >= part.stop:
                break
            raw = fh.readline()
            if not raw:
                break
            yield from _json_line(part, pos, raw, cols, path)


def _json_line(part: Part, pos: int, line: bytes, cols: Columns, path: str) -> Iterator[Document]:
    if not line.strip():
        return
    try:
        rec = json.loads(line)
    except (ValueError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: byte {pos}: not a JSON object: {exc}") from None
    if not isinstance(rec, dict):
        raise DataFileError(f"{path}: byte {pos}: expected a JSON object, got {type(rec)}")
    yield _document(part, pos, rec, cols, path)


def _read_csv(part: Part, cols: Columns) -> Iterator[Document]:
    path = part.paths[0]
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        with _open_text(path) as fh:
            reader = csv.DictReader(fh)
            if reader.fieldnames is None or cols.text not in reader.fieldnames:
                raise MissingColumnError(cols.text, list(reader.fieldnames or []), path)
            for row_no, rec in enumerate(reader, start=2):
                yield _document(part, row_no, rec, cols, path)
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{path}: not UTF-8 (byte {exc.start}): {exc.reason}") from None
    except csv.Error as exc:
        raise DataFileError(f"{path}: cannot read as CSV: {exc}") from None


def _read_parquet(part: Part, cols: Columns) -> Iterator[Document]:
    import pyarrow.parquet as pq

    path = part.paths[0]
    pf = pq.ParquetFile(path)
    names = pf.schema_arrow.names
    if cols.text not in names:
        raise MissingColumnError(cols.text, names, path)
    wanted = [c for c in dict.fromkeys((cols.id, cols.url, cols.date, cols.title, cols.text))]
    wanted = [c for c in wanted if c in names]
    row = 0
    for g in range(part.start, part.stop):
        for batch in pf.iter_batches(batch_size=512, row_groups=[g], columns=wanted):
            for rec in batch.to_pylist():
                yield _document(part, row, rec, cols, path)
                row += 1


def _html_document(
    part: Part, pos: int, html: bytes | str, url: str, where: str, doc_id: str, date: str = ""
) -> Document:
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        # A fixed upper bound: the default (today) would make the output depend on the day.
        date_extraction_params={"extensive_search": False, "max_date": "2099-12-31"},
    )
    title = text = found_date = found_url = ""
    if extracted is not None and not isinstance(extracted, dict):
        title = extracted.title or ""
        text = extracted.text or ""
        found_date = extracted.date or ""
        found_url = extracted.url or ""
    return Document(
        key=(part.input_index, part.part_index, pos),
        doc_id=doc_id,
        url=url or found_url,
        date=normalise_date(found_date) or date,
        title=title.strip(),
        text=text,
        source=where,
    )


def _read_html(part: Part, cols: Columns) -> Iterator[Document]:
    for pos, path in enumerate(part.paths):
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise DataFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
        yield _html_document(part, pos, data, "", path, doc_id=path)


def _read_warc(part: Part, cols: Columns) -> Iterator[Document]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    path = part.paths[0]
    with open(path, "rb") as fh:
        try:
            for pos, record in enumerate(ArchiveIterator(fh)):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                ctype = record.http_headers.get_header("Content-Type") or ""
                status = record.http_headers.get_statuscode() or ""
                if "html" not in ctype.lower() or not status.startswith("2"):
                    continue
                headers = record.rec_headers
                url = headers.get_header("WARC-Target-URI") or ""
                rec_id = headers.get_header("WARC-Record-ID") or f"{Path(path).name}:{pos}"
                body = record.content_stream().read()
                # The capture date is only a fallback: the page's own date comes first.
                capture = normalise_date(headers.get_header("WARC-Date") or "")
                yield _html_document(part, pos, body, url, path, rec_id.strip("<>"), capture)
        except ArchiveLoadFailed as exc:
            raise DataFileError(f"{path}: not a readable WARC file: {exc}") from None


_READERS = {
    "jsonl": _read_jsonl,
    "csv": _read_csv,
    "parquet": _read_parquet,
    "html": _read_html,
    "warc": _read_warc,
}


def read_part(part: Part, columns: Columns | None = None) -> Iterator[Document]:
    """Yield the documents of one part, one at a time, in file order.

    Parameters
    ----------
    part : Part
        From :func:`plan_parts`.
    columns : Columns, optional
        Input column names (default ``id, url, date, title, text``).

    Yields
    ------
    Document
        Each document with its sort key ``(input_index, part_index, position)``.

    Raises
    ------
    DataFileError
        If a file cannot be read or a record is malformed (naming the file and position).
    MissingColumnError
        If a CSV or Parquet input lacks the text column.
    """
    yield from _READERS[part.fmt](part, columns or Columns())


def iter_documents(
    inputs: Sequence[str | Path], *, columns: Columns | None = None
) -> Iterator[Document]:
    """Every document of the inputs, in order, streamed.

    Parameters
    ----------
    inputs : sequence of str or pathlib.Path
        Files or folders (:func:`plan_parts`).
    columns : Columns, optional
        Input column names (default ``id, url, date, title, text``).

    Yields
    ------
    Document
        Each document, in part order then file order.

    Raises
    ------
    DataFileError
        If an input is missing, of unknown format or unreadable.
    MissingColumnError
        If a CSV or Parquet input lacks the text column.

    Examples
    --------
    >>> docs = iter_documents(["tests/data/scan/corpus.jsonl"])
    >>> next(docs).doc_id
    'en-raid-01'
    """
    for part in plan_parts(inputs):
        yield from read_part(part, columns)
