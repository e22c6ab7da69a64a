"""Analyst workbook for open-source defence reporting.

The pipeline, one subpackage a stage: ``corpus`` (read, decode, metadata, boilerplate, sentences
with offsets) -> ``extract`` (figures, exercises) -> ``reference`` (reference data and checks)
-> ``charts`` (tables in, matplotlib Figure out) -> ``report`` (papermill runs, HTML, manifest)
and ``explore`` (widgets). The CLI (``python -m analysis``) and the notebooks are thin shells.
"""
from analysis.corpus import Corpus, load_corpus, article_from_text
from analysis.corpus.model import Article, Problem, Sentence

__all__ = ["Article", "Corpus", "Problem", "Sentence", "article_from_text", "load_corpus"]
__version__ = "0.1.0"
