"""The corpus stage: read, decode, metadata, boilerplate and captions, sentences with offsets."""
from analysis.corpus.load import (ARTICLE_COLUMNS, PROBLEM_COLUMNS, Corpus, CorpusError, DEFAULT_MAX_BYTES,
                                  article_from_text, load_corpus)
from analysis.corpus.model import Article, Line, Problem, Sentence

__all__ = ["ARTICLE_COLUMNS", "PROBLEM_COLUMNS", "Article", "Corpus", "CorpusError", "DEFAULT_MAX_BYTES", "Line",
           "Problem", "Sentence", "article_from_text", "load_corpus"]
