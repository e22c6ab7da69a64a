"""Analyst workbook for open-source defence reporting.

The pipeline, one subpackage a stage: ``corpus`` (read, decode, metadata, boilerplate, sentences
with offsets) -> ``extract`` (figures, exercises) -> ``reference`` (reference data and checks)
-> ``charts`` (tables in, matplotlib Figure out) -> ``report`` (papermill runs, HTML, manifest)
and ``explore`` (widgets). The CLI (``python -m analysis``) and the notebooks are thin shells.

The names below are imported on first use, so ``python -m analysis --help`` starts without pandas.
"""
from __future__ import annotations

from analysis._lazy import lazy_exports

__all__ = ["Article", "Corpus", "Problem", "Sentence", "article_from_text", "load_corpus"]
__version__ = "0.1.0"

_HOMES = {"Article": "analysis.corpus.model", "Problem": "analysis.corpus.model", "Sentence": "analysis.corpus.model",
          "Corpus": "analysis.corpus.load", "article_from_text": "analysis.corpus.load",
          "load_corpus": "analysis.corpus.load"}

__getattr__, __dir__ = lazy_exports(__name__, _HOMES)
