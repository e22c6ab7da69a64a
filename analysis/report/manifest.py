"""The run id and ``manifest.json``: what went into a run and what it took.

The run id is the date plus a short hash of the inputs (every corpus file's bytes, every
notebook's cell sources) and the parameters, so the same inputs on the same day name the same
folder, and a changed input names a new one.

>>> run_id({"a.txt": "00"}, {"01_corpus": "11"}, {"01_corpus": {"corpus": "../seeds"}}, day="20240101")
'20240101-01e3e907'
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import platform
from importlib import metadata
from pathlib import Path
from typing import Any, Mapping

import nbformat

__all__ = ["PACKAGES", "corpus_hashes", "file_hash", "notebook_hash", "package_versions", "run_id", "write_manifest"]

PACKAGES = ("analysis", "pandas", "numpy", "matplotlib", "papermill", "nbconvert", "nbformat", "nbclient",
            "ipykernel", "jupyter_client", "trafilatura", "charset-normalizer", "pycountry", "pyarrow", "openpyxl",
            "PyYAML", "basemap-data")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def corpus_hashes(corpus: str | os.PathLike) -> dict[str, str]:
    """sha256 of every file under ``corpus`` (hidden files skipped), keyed by path relative to it."""
    root = Path(corpus)
    if root.is_file():
        return {root.name: _sha256(root.read_bytes())}
    files = sorted(p for p in root.rglob("*") if p.is_file()
                   and not any(part.startswith(".") for part in p.relative_to(root).parts))
    return {p.relative_to(root).as_posix(): _sha256(p.read_bytes()) for p in files}


def file_hash(path: str | os.PathLike) -> str:
    """sha256 of a file's bytes (the review file's: a changed review names a new run)."""
    return _sha256(Path(path).read_bytes())


def notebook_hash(path: str | os.PathLike) -> str:
    """sha256 of a notebook's cell types, tags and sources: what it runs, not its stored outputs."""
    nb = nbformat.read(path, as_version=4)
    cells = [(c.cell_type, c.metadata.get("tags", []), c.source) for c in nb.cells]
    return _sha256(json.dumps(cells, sort_keys=True).encode())


def run_id(corpus_files: Mapping[str, str], notebooks: Mapping[str, str], parameters: Mapping[str, Any],
           day: str | None = None, review: str | None = None) -> str:
    """``YYYYMMDD-xxxxxxxx``: today's date and 8 hex digits of the inputs' and parameters' hash (``review``:
    the review file's sha256, when the run applies one)."""
    inputs = {"corpus": corpus_files, "notebooks": notebooks, "parameters": parameters}
    if review:
        inputs["review"] = review
    blob = json.dumps(inputs, sort_keys=True, default=str)
    return f"{day or f'{_dt.date.today():%Y%m%d}'}-{_sha256(blob.encode())[:8]}"


def package_versions() -> dict[str, str]:
    """Installed versions of the packages a run depends on (``None`` for one not installed), and Python's."""
    versions = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def write_manifest(path: str | os.PathLike, manifest: Mapping[str, Any]) -> Path:
    """Write ``manifest`` as indented, key-sorted JSON (UTF-8, trailing newline)."""
    path = Path(path)
    path.write_text(json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False, default=str) + "\n",
                    encoding="utf-8")
    return path
