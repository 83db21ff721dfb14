"""The analyst notebooks: stored clean and paired, thin, and executed top to bottom with no network.

Each notebook runs as an analyst renders it, with the ``papermill`` command line in a
subprocess, in a fresh kernel of this interpreter (a ``python3`` kernel spec written to a
temporary ``JUPYTER_PATH``) with ``tests/nonet`` on its ``PYTHONPATH``, so its
``sitecustomize`` refuses any connection that is not loopback and any write into the
checkout. The runs start together, two at a time (each builds the tables in its own
kernel), the first time a test needs one; each test then checks its own run. Outputs go
to the session's temporary folder; the repository must be left exactly as it was.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NB_DIR = ROOT / "notebooks"
NONET_DIR = Path(__file__).resolve().parent / "nonet"
_TOOL_CACHES = (".pytest_cache/", ".hypothesis/", ".mypy_cache/", ".ruff_cache/")
NOTEBOOKS = [
    "01-geocode-sources",
    "02-province-summary",
    "03-interactive-map",
    "04-province-report",
]
#: Pandas and computing calls that belong in the library, not in a cell.
COMPUTING = (
    "drop_duplicates",
    "pivot",
    "groupby",
    "value_counts",
    "crosstab",
    ".merge(",
    ".apply(",
    ".sum(",
    ".str.",
    "lambda",
    " == ",
    " != ",
    "assert ",
    "tempfile",
    "mkdir",
    "zfill",
)
#: The one line ipykernel logs when a signal lands while it is still finishing a request:
#: jupyter_client's ``shutdown_kernel`` always sends SIGINT before the shutdown request
#: (``KernelManager._async_shutdown_kernel``), so on a loaded machine the kernel can still
#: be closing the failed cell's request when papermill stops it. It comes from the shutdown,
#: after the notebook's own output, and is not something a notebook can prevent.
KERNEL_SHUTDOWN_RACE = re.compile(
    r"^(\[IPKernelApp\] ERROR \| )?KeyboardInterrupt caught in kernel\.?$"
)


# ------------------------------------------------------------------------------ helpers


def _private_uses(source: str) -> list[str]:
    """Private compoundmap modules or names a cell imports or reaches (``compoundmap._data``,
    ``from compoundmap.geoparse import _country_table``, ``compoundmap.summary._text``) and
    relative imports; the cell is parsed, so multi-line imports are seen too."""
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            names = [a.name for a in node.names]
            if node.level or (
                module.split(".")[0] == "compoundmap"
                and any(p.startswith("_") for p in [*module.split("."), *names])
            ):
                found.append(f"from {'.' * node.level}{module} import {', '.join(names)}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "compoundmap" and any(p.startswith("_") for p in parts):
                    found.append(f"import {alias.name}")
        elif isinstance(node, ast.Attribute) and node.attr.startswith("_"):
            root: ast.expr = node.value
            while isinstance(root, ast.Attribute):
                root = root.value
            if isinstance(root, ast.Name) and root.id in {"compoundmap", "cm"}:
                found.append(ast.unparse(node))
    return found


def _load_nonet() -> Any:
    """Import ``tests/nonet/_nonet.py`` without installing the guard in this process."""
    spec = importlib.util.spec_from_file_location("_nonet_under_test", NONET_DIR / "_nonet.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _git_state() -> set[str] | None:
    """``git status`` lines: tracked changes, untracked files and ignored build outputs.

    Byte-code and tool caches are left out (Python writes the former wherever it imports
    from; pytest and hypothesis write theirs while the suite runs). ``None``
    outside a git checkout (an unpacked sdist), where there is nothing to compare.
    """
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        return None
    out = subprocess.run(
        [git, "status", "--porcelain", "--ignored", "--untracked-files=normal"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {
        line
        for line in out.splitlines()
        if line and "__pycache__" not in line and not line[3:].startswith(_TOOL_CACHES)
    }


def _written_into_repo(before: set[str] | None) -> list[str]:
    """What a notebook run added to the checkout since ``before``, as ``git status`` lines.

    The kernels' audit hook already refuses Python-level writes into the checkout; this also
    sees files written by C libraries (GDAL). Watched: anything under ``notebooks/``,
    ``data/`` (``data/processed/*`` is ignored, hence ``--ignored``) and ``maps/``, and any
    new entry at the top of the checkout. Changes elsewhere are left out: developers share
    this working tree and may be editing library code meanwhile.
    """
    after = _git_state()
    if before is None or after is None:
        return []
    watched = ("notebooks/", "data/", "maps/")
    return sorted(
        line
        for line in after - before
        if line[3:].startswith(watched) or "/" not in line[3:].rstrip("/")
    )


def _outputs_text(nb: Any) -> str:
    """All text a reader sees in the executed notebook (streams and plain/HTML results)."""
    parts: list[str] = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                parts.append(out.get("text", ""))
            data = out.get("data", {})
            for mime in ("text/plain", "text/html", "text/markdown"):
                if mime in data:
                    value = data[mime]
                    parts.append("".join(value) if isinstance(value, list) else value)
    return "\n".join(parts)


def _stderr(nb: Any) -> list[str]:
    return [
        out.get("text", "")
        for cell in nb.cells
        for out in cell.get("outputs", [])
        if out.get("output_type") == "stream" and out.get("name") == "stderr"
    ]


# ------------------------------------------------------------------------------ fixtures


@pytest.fixture(scope="session")
def kernel_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A ``python3`` kernel spec for this interpreter whose kernels have no network.

    It shadows any user or system ``python3`` spec through ``JUPYTER_PATH``, so the kernel is
    always the project's own environment.
    """
    jupyter_path = tmp_path_factory.mktemp("jupyter")
    spec_dir = jupyter_path / "kernels" / "python3"
    spec_dir.mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (compoundmap, no network)",
        "language": "python",
        "env": {
            "PYTHONPATH": str(NONET_DIR),
            "PYTHONDONTWRITEBYTECODE": "1",
            "COMPOUNDMAP_READONLY_ROOT": str(ROOT),
        },
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
    # On a new machine matplotlib builds its font cache on first import and, when that is
    # slow, says so on stderr, which would fail the first charting notebook: build it here.
    import matplotlib.font_manager  # noqa: F401

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("JUPYTER_PATH", str(jupyter_path))
        mp.setenv("JUPYTER_PLATFORM_DIRS", "1")
        yield "python3"


@dataclass(frozen=True)
class Run:
    """One papermill run of a notebook, with the parameters as an analyst types them."""

    notebook: str
    parameters: tuple[tuple[str, str], ...] = ()
    fails: bool = False


@dataclass
class RunResult:
    returncode: int
    stderr: str
    nb: Any  # the executed notebook
    out_dir: Path
    repo_state: set[str] | None


#: Every run the suite makes, slowest first. ``-p province 18`` reaches the notebook as the
#: int 18 (papermill converts numbers), ``-p province "Kampong Cham"`` as text. Other bad
#: values ("99", "Atlantis", "KH1801", ...) take the same path: tests/test_analysis.py.
RUNS: dict[str, Run] = {
    "03-interactive-map": Run("03-interactive-map"),
    "02-province-summary": Run("02-province-summary"),
    "01-geocode-sources": Run("01-geocode-sources"),
    "04-province-18": Run("04-province-report", (("province", "18"),)),
    "04-province-kampong-cham": Run("04-province-report", (("province", "Kampong Cham"),)),
    "04-bad-district": Run("04-province-report", (("province", "1801"),), fails=True),
}


def _papermill(
    run_id: str, run: Run, kernel: str, folder: Path, before: set[str] | None
) -> RunResult:
    out_dir = folder / run_id
    out_dir.mkdir(parents=True)
    output = out_dir / f"{run.notebook}.executed.ipynb"
    args = [arg for name, value in run.parameters for arg in ("-p", name, value)]
    args += ["-p", "output_dir", str(out_dir / "out")]
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "papermill",
            "--no-progress-bar",
            "--kernel",
            kernel,
            "--cwd",
            str(NB_DIR),
            "--start-timeout",
            "120",
            str(NB_DIR / f"{run.notebook}.ipynb"),
            str(output),
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    nb = nbformat.read(output, as_version=4) if output.is_file() else None
    return RunResult(proc.returncode, proc.stderr, nb, out_dir / "out", before)


@pytest.fixture(scope="session")
def notebook_runs(
    kernel_env: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[dict[str, Future[RunResult]]]:
    """Start every run this session's tests check, two at a time, in the background."""
    wanted = {
        item.callspec.params["run_id"]
        for item in request.session.items
        if hasattr(item, "callspec") and "run_id" in item.callspec.params
    }
    folder = tmp_path_factory.mktemp("notebook-runs")
    before = _git_state()
    with ThreadPoolExecutor(max_workers=2) as pool:
        yield {
            run_id: pool.submit(_papermill, run_id, run, kernel_env, folder, before)
            for run_id, run in RUNS.items()
            if run_id in wanted
        }


def _result(runs: dict[str, Future[RunResult]], run_id: str) -> RunResult:
    result = runs[run_id].result()
    assert result.nb is not None, f"{run_id}: papermill wrote no notebook:\n{result.stderr}"
    if not RUNS[run_id].fails:
        assert result.returncode == 0, f"{run_id} failed:\n{result.stderr}"
        assert _stderr(result.nb) == [], f"{run_id} wrote to stderr: {_stderr(result.nb)}"
    assert _written_into_repo(result.repo_state) == [], f"{run_id} wrote into the repository"
    return result


# ------------------------------------------------------------------- stored and paired


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_is_stored_without_outputs(name: str) -> None:
    nb = nbformat.read(NB_DIR / f"{name}.ipynb", as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code, f"{name}.ipynb has no code cells"
    for i, cell in enumerate(code):
        assert cell.outputs == [], f"{name}.ipynb code cell {i} has stored outputs"
        assert cell.execution_count is None, f"{name}.ipynb code cell {i} has an execution count"
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_is_paired_and_in_sync_with_its_script(name: str) -> None:
    import jupytext

    ipynb = nbformat.read(NB_DIR / f"{name}.ipynb", as_version=4)
    script = NB_DIR / f"{name}.py"
    assert script.is_file(), f"{name}.ipynb has no paired script {script.name}"
    assert ipynb.metadata.get("jupytext", {}).get("formats") == "ipynb,py:percent"
    text = script.read_text(encoding="utf-8")
    assert "format_name: percent" in text
    from_py = jupytext.reads(text, fmt="py:percent")

    def cells(nb: Any) -> list[tuple[str, str, list[str]]]:
        return [
            (c.cell_type, c.source.strip(), sorted(c.metadata.get("tags", []))) for c in nb.cells
        ]

    assert cells(from_py) == cells(ipynb), (
        f"{name}.ipynb and {name}.py differ: run `jupytext --sync notebooks/{name}.ipynb`"
    )


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_is_thin_and_self_contained(name: str) -> None:
    """Cells call the library: no function or class definitions, no private modules
    (``compoundmap._data`` included: ``build_tables``/``default_sources_path`` are the public
    way to the bundled data), no paths into the repository."""
    nb = nbformat.read(NB_DIR / f"{name}.ipynb", as_version=4)
    params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1, f"{name}.ipynb needs exactly one papermill 'parameters' cell"
    from papermill.translators import PythonTranslator

    # Every line parses, so `papermill --help-notebook` lists them all with their help.
    declared = {p.name for p in PythonTranslator.inspect(params[0])}
    expected = {"sources", "output_dir"} | ({"province"} if name == "04-province-report" else set())
    assert declared == expected, f"{name}.ipynb parameters: {sorted(declared)}"
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        src = cell.source
        for line in src.splitlines():
            stripped = line.lstrip()
            assert not stripped.startswith(("def ", "class ", "async def ")), (
                f"{name}.ipynb defines logic in a cell (move it into the library): {line!r}"
            )
        private = _private_uses(src)
        assert not private, f"{name}.ipynb uses private compoundmap names: {private}"
        for path in ("../shared", "data/processed", "data/raw", "../maps", "maps/"):
            assert path not in src, f"{name}.ipynb hard-codes a repository path {path!r}"
        code = "\n".join(line.split("#", 1)[0] for line in src.splitlines())
        computing = [c for c in COMPUTING if c in code]
        assert not computing, f"{name}.ipynb computes in a cell (use the library): {computing}"
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    assert "setup_notebook(" in code_cells[0].source, f"{name}: first cell calls setup_notebook"
    checks = code_cells[code_cells.index(params[0]) + 1].source
    assert "notebook_parameters(sources, output_dir" in checks, f"{name}: parameters unchecked"
    if "province" in declared:
        assert checks.startswith("province = province_parameter(province)"), name


def test_private_use_check_catches_private_imports() -> None:
    for cell in (
        "from compoundmap._data import raw_path",
        "import compoundmap._data",
        "from compoundmap import (\n    build_tables,\n    _data,\n)",
        "from compoundmap.geoparse import _country_table",
        "import compoundmap\ncompoundmap._data.raw_dir()",
        "import compoundmap\ncompoundmap.summary._text(1)",
        "from ._data import raw_path",
    ):
        assert _private_uses(cell), cell
    for cell in (
        "from compoundmap import build_tables, nationality_counts",
        "import compoundmap\ncompoundmap.build_tables().reports",
        "import pandas as pd\npd.DataFrame()._repr_html_()",
    ):
        assert _private_uses(cell) == [], cell


# ------------------------------------------------------------------------ the guard


def test_nonet_guard_allows_only_loopback() -> None:
    nonet = _load_nonet()
    for host in ("127.0.0.1", "127.8.9.10", "::1", "[::1]", "localhost", None, ""):
        assert nonet.host_allowed(host), host
    for host in ("192.0.2.1", "10.0.0.1", "8.8.8.8", "2001:db8::1", "example.org", "tile.osm"):
        assert not nonet.host_allowed(host), host
    import socket

    assert nonet.address_allowed(socket.AF_UNIX, "/tmp/sock")
    assert nonet.address_allowed(socket.AF_INET, ("127.0.0.1", 80))
    assert not nonet.address_allowed(socket.AF_INET6, ("2001:db8::1", 443, 0, 0))


def test_write_guard_covers_the_checkout_only(tmp_path: Path) -> None:
    nonet = _load_nonet()
    assert nonet.opens_for_writing("w", 0) and nonet.opens_for_writing("r+b", 0)
    assert nonet.opens_for_writing(None, os.O_WRONLY | os.O_CREAT)
    assert not nonet.opens_for_writing("rb", 0) and not nonet.opens_for_writing(None, os.O_RDONLY)
    root = str(tmp_path / "repo")
    venv = str(tmp_path / "repo" / ".venv")
    assert nonet.inside(tmp_path / "repo" / "data" / "processed" / "x.csv", root, (venv,))
    assert nonet.inside(root, root, (venv,))
    assert not nonet.inside(tmp_path / "repo" / ".venv" / "lib" / "x.py", root, (venv,))
    assert not nonet.inside(tmp_path / "repository-copy" / "x", root, (venv,))
    assert not nonet.inside(3, root, (venv,))


@pytest.mark.skipif(_git_state() is None, reason="not a git checkout")
def test_repository_check_sees_ignored_build_outputs() -> None:
    """A file in data/processed/ (git-ignored) or notebooks/ counts as written by a notebook."""
    before = _git_state()
    probes = [ROOT / "data" / "processed" / "probe-notebooks.csv", NB_DIR / "probe.html"]
    try:
        for probe in probes:
            probe.write_text("x\n", encoding="utf-8")
        written = _written_into_repo(before)
    finally:
        for probe in probes:
            probe.unlink(missing_ok=True)
    assert "!! data/processed/probe-notebooks.csv" in written
    assert "?? notebooks/probe.html" in written
    assert _written_into_repo(before) == []


@pytest.mark.notebooks
def test_kernel_has_no_network_and_cannot_write_into_the_checkout(kernel_env: str) -> None:
    from nbclient import NotebookClient

    # The marker check comes first: without the guard nothing is attempted.
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            "import socket, sys\n"
            "assert getattr(socket.socket.connect, '_compoundmap_nonet', False), 'no guard'\n"
            "assert getattr(socket.getaddrinfo, '_compoundmap_nonet', False), 'no guard'\n"
            "print(sys.executable)"
        ),
        nbformat.v4.new_code_cell(
            "try:\n"
            "    socket.create_connection(('192.0.2.1', 80), timeout=1)\n"
            "except ConnectionRefusedError as exc:\n"
            "    assert 'network disabled' in str(exc), exc\n"
            "else:\n"
            "    raise AssertionError('connection was not refused')\n"
            "try:\n"
            "    socket.getaddrinfo('example.org', 443)\n"
            "except ConnectionRefusedError:\n"
            "    pass\n"
            "else:\n"
            "    raise AssertionError('lookup was not refused')\n"
            "srv = socket.create_server(('127.0.0.1', 0))\n"
            "socket.create_connection(srv.getsockname(), timeout=1).close()\n"
            "srv.close()"
        ),
        nbformat.v4.new_code_cell(
            "import os, pandas as pd\n"
            f"target = {str(NB_DIR / 'written-by-a-kernel.csv')!r}\n"
            "try:\n"
            "    pd.DataFrame({'a': [1]}).to_csv(target)\n"
            "except PermissionError as exc:\n"
            "    assert 'must not write into the repository' in str(exc), exc\n"
            "else:\n"
            "    os.remove(target)\n"
            "    raise AssertionError('write into the checkout was not refused')\n"
            "pd.DataFrame({'a': [1]}).to_csv(os.path.join(__import__('tempfile').mkdtemp(), 'x'))"
        ),
    ]
    NotebookClient(nb, kernel_name=kernel_env, timeout=60, startup_timeout=120).execute()
    printed = nb.cells[0].outputs[0]["text"].strip()
    assert Path(printed).resolve() == Path(sys.executable).resolve()


@pytest.mark.notebooks
def test_repeated_warnings_print_once_in_a_kernel(kernel_env: str) -> None:
    """After ``setup_notebook()`` a warning shown once is not shown again in the session,
    from another cell or after the filters change (as every ``build_tables`` does)."""
    from nbclient import NotebookClient

    warn = "import warnings\nwarnings.warn('compoundmap: the same note', UserWarning)"
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("from compoundmap import setup_notebook\nsetup_notebook()"),
        nbformat.v4.new_code_cell(warn),
        nbformat.v4.new_code_cell(f"with warnings.catch_warnings():\n    pass\n{warn}"),
        nbformat.v4.new_code_cell(warn.replace("same", "other")),
    ]
    NotebookClient(nb, kernel_name=kernel_env, timeout=60, startup_timeout=120).execute()
    shown = [text for text in _stderr(nb) if "compoundmap: the" in text]
    assert len(shown) == 2 and "the same note" in shown[0] and "the other note" in shown[1]


# ----------------------------------------------------------------------- execution


def _charts(nb: Any) -> int:
    return sum("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))


@pytest.mark.notebooks
@pytest.mark.parametrize("run_id", NOTEBOOKS[:3])
def test_notebook_runs_top_to_bottom(run_id: str, notebook_runs: Any) -> None:
    result = _result(notebook_runs, run_id)
    text, out = _outputs_text(result.nb), result.out_dir
    if run_id == "01-geocode-sources":
        assert "rows (reports)" in text  # the validation summary line
        for heading in ("unmatched places", "ambiguous places", "outside the stated province"):
            assert heading in text
        checked = (out / "rows_to_check.csv").read_text(encoding="utf-8").splitlines()
        assert checked[0].startswith("check,report_id,") and len(checked) > 1
    elif run_id == "02-province-summary":
        assert "Sihanoukville" in text and "estimated_held" in text
        assert _charts(result.nb) >= 4, "charts by province, year, type and nationality"
        summary = (out / "tables" / "province_summary.csv").read_text(encoding="utf-8")
        lines = summary.splitlines()
        assert len(lines) == 1 + 25 + 3  # header, 25 provinces, several / national / unlocated
        assert lines[1].startswith("01,KH01,")  # codes keep their leading zero
        assert (out / "nationalities_by_event.csv").is_file()
    elif run_id == "03-interactive-map":
        written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
        assert "maps/index.html" in written and "maps/provinces/18.html" in written
        assert (out / "maps" / "compounds_by_province.png").is_file()
        shown = [
            o
            for c in result.nb.cells
            for o in c.get("outputs", [])
            if "text/html" in o.get("data", {})
        ]
        assert len(shown) >= 2, "the overview and the province map are displayed"


@pytest.mark.notebooks
@pytest.mark.parametrize(
    ("run_id", "code", "name", "has_events"),
    [
        ("04-province-18", "18", "Sihanoukville", True),
        ("04-province-kampong-cham", "03", "Kampong Cham", False),
    ],
)
def test_province_report_renders_for_a_province(
    run_id: str, code: str, name: str, has_events: bool, notebook_runs: Any
) -> None:
    result = _result(notebook_runs, run_id)
    why = f"{run_id}; papermill said:\n{result.stderr[-3000:]}"
    injected = [c for c in result.nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    value = dict(RUNS[run_id].parameters)["province"]
    assert injected and "province = " in injected[0].source
    as_passed = repr(int(value)) if value.isdigit() else repr(value)
    assert as_passed in injected[0].source.replace('"', "'")
    text = _outputs_text(result.nb)
    assert name in text and f"KH{code}" in text, why
    counts = {what: int(n) for n, what in re.findall(r"^(\d+) (sites|events|reports)$", text, re.M)}
    assert set(counts) == {"sites", "events", "reports"}, why
    assert (counts["events"] > 0) is has_events, why
    assert (counts["reports"] > 0) is has_events, why
    page = (result.out_dir / f"province-{code}.html").read_text(encoding="utf-8")
    assert name in page


@pytest.mark.notebooks
@pytest.mark.parametrize(
    ("run_id", "why"),
    [
        ("04-bad-district", "province 1801: that is the code of district 1801"),
    ],
)
def test_a_bad_province_stops_with_one_clear_line(
    run_id: str, why: str, notebook_runs: Any
) -> None:
    """papermill exits non-zero; what the notebook says is one line, with no traceback into
    the library and no kernel noise. (papermill itself still prints its own traceback of a
    dozen frames above it: its command line does that for any failing cell.) At most one
    ``KERNEL_SHUTDOWN_RACE`` line from jupyter_client's shutdown is set aside first."""
    result = _result(notebook_runs, run_id)
    assert result.returncode != 0
    race = [line for line in result.stderr.splitlines() if KERNEL_SHUTDOWN_RACE.match(line)]
    assert len(race) <= 1, result.stderr
    stderr = "\n".join(
        line for line in result.stderr.splitlines() if not KERNEL_SHUTDOWN_RACE.match(line)
    )
    said = [line for line in stderr.splitlines() if line.startswith("ParameterError: ")]
    assert len(said) == 1, stderr
    assert said[0].startswith(f"ParameterError: parameter {why}")
    assert "01 Banteay Meanchey" in said[0] and "25 Tboung Khmum" in said[0]
    cell_part = stderr.split("Exception encountered at", 1)[1].strip().splitlines()
    assert [line for line in cell_part[1:] if line.strip()] == said, stderr
    for noise in ("KeyboardInterrupt", "Cell In[", "compoundmap/", "most recent call last"):
        assert noise not in stderr.split("PapermillExecutionError", 1)[1], noise
    assert "KeyboardInterrupt" not in stderr
    assert len(stderr.splitlines()) < 45, stderr  # was 54 lines and a kernel interrupt
    # It stopped before any work: nothing after the parameter check ran.
    code = [c for c in result.nb.cells if c.cell_type == "code"]
    failed = next(i for i, c in enumerate(code) if "province_parameter(" in c.source)
    errors = [o for o in code[failed].outputs if o.get("output_type") == "error"]
    assert errors and errors[0]["traceback"] == said
    assert all(c.execution_count is None for c in code[failed + 1 :])
    assert not result.out_dir.exists()


def test_environment_has_no_network_guard_leak() -> None:
    """The guard is for kernels only: this test process keeps its normal socket API."""
    import socket

    assert not getattr(socket.socket.connect, "_compoundmap_nonet", False)
    assert "PYTHONPATH" not in os.environ or str(NONET_DIR) not in os.environ["PYTHONPATH"]
