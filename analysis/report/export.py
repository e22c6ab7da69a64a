"""Executed notebook -> one self-contained, offline HTML page with the code hidden.

The template ``templates/offline`` is nbconvert's ``lab`` template without the blocks that load
require.js, MathJax, mermaid and the widget manager from CDNs. Code cells are hidden except the
``parameters`` cell and papermill's ``injected-parameters`` cell, so a reader sees what the run
was asked for. :func:`remote_references` finds any ``<script src=http…>`` or ``<link href=http…>``
left, and :func:`export_html` refuses to write a page that has one.

>>> remote_references('<script src="https://cdn.example/x.js"></script><link href="style.css">')
['<script src="https://cdn.example/x.js">']
"""
from __future__ import annotations

import copy
import os
import re
from pathlib import Path

import nbformat

__all__ = ["TEMPLATE_DIR", "export_html", "remote_references"]

TEMPLATE_DIR = Path(__file__).parent / "templates"
TEMPLATE_NAME = "offline"
SHOWN_TAGS = {"parameters", "injected-parameters"}
_REMOTE = re.compile(r"""<(?:script|link)\b[^>]*?\b(?:src|href)\s*=\s*["']?(?:https?:)?//[^>]*>""", re.IGNORECASE)


def remote_references(html: str) -> list[str]:
    """Every ``<script>``/``<link>`` tag in ``html`` that points at another host."""
    return _REMOTE.findall(html)


def _hide_code(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type == "code" and not SHOWN_TAGS & set(cell.metadata.get("tags", [])):
            cell.metadata.setdefault("transient", {})["remove_source"] = True
    return nb


def export_html(notebook: str | os.PathLike, output: str | os.PathLike) -> Path:
    """Write ``notebook`` (executed) as an offline HTML page at ``output``; return its path."""
    from nbconvert import HTMLExporter

    nb = _hide_code(nbformat.read(notebook, as_version=4))
    exporter = HTMLExporter(template_name=TEMPLATE_NAME, extra_template_basedirs=[str(TEMPLATE_DIR)],
                            exclude_input_prompt=True, exclude_output_prompt=True)
    html, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": Path(notebook).stem}})
    remote = remote_references(html)
    if remote:
        raise RuntimeError(f"{notebook}: the HTML would load {remote[0]} from the network; "
                           f"empty that block in {TEMPLATE_DIR / TEMPLATE_NAME / 'index.html.j2'}")
    output = Path(output)
    output.write_text(html, encoding="utf-8")
    return output
