"""Stable row ids: the same row gets the same id in every run, whatever the code version or row order.

A row's id is a short hash of its table, the sha256 of its article's decoded text and its span::

    fig-<12 hex of sha256("figures|<text sha256>|<start>|<end>")>

The text hash (not the file's bytes, which ``articles.sha256`` records) is used so that an article
keeps its ids when its file is re-encoded, when its metadata changes, or when it is one record of a
JSON Lines file that grows by other records; and an article renamed (a new ``article_id``) keeps
them too. An id changes only when the article's text or the span changes, which is when the row's
provenance changes.

Only where two rows of one table and one article share a span (an amount said "apiece" can give one
figure per country) are the table's distinguishing fields hashed in, for those rows only
(:data:`DISAMBIGUATORS`: a figure's actor, counterpart, metric and unit; an exercise's name, kind and
participants; a quote's speaker). Rows alike even in those get ``-2``, ``-3``… in the order of all
their values.

An id depends on nothing but its own article (its text and its rows), so a run that extracts the
corpus in batches, in any order, gives the same ids. Two articles with the same text (one wire story
under two names) therefore give the same row ids: the same reading of the same words, which one
review line corrects in both copies.

>>> text_sha256("abc")[:12]
'ba7816bf8f01'
>>> row_id("figures", text_sha256("abc"), 0, 3)
'fig-2e3193f2fbd1'
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Mapping

import pandas as pd

__all__ = ["ID_TABLES", "DISAMBIGUATORS", "add_row_ids", "row_id", "row_ids", "sha_by_article", "table_of",
           "text_sha256"]

#: table -> the prefix of its row ids
ID_TABLES = {"figures": "fig", "exercises": "ex", "quotes": "quo"}

#: table -> the fields hashed in only where two rows share an article text and a span
DISAMBIGUATORS = {
    "figures": ("actor", "counterpart", "metric", "unit"),
    "exercises": ("name", "kind", "participants"),
    "quotes": ("speaker",),
}

_HEX = 12


def text_sha256(text: str) -> str:
    """sha256 (hex) of an article's decoded text, encoded as UTF-8: what a row id is built from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def row_id(table: str, text_sha: str, start: int, end: int, extra: str = "") -> str:
    """The id of the row of ``table`` at ``start:end`` in the article whose text hashes to ``text_sha``."""
    key = f"{table}|{text_sha}|{int(start)}|{int(end)}" + (f"|{extra}" if extra else "")
    return f"{ID_TABLES.get(table, table)}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:_HEX]}"


def sha_by_article(corpus) -> dict[str, str]:
    """article_id -> :func:`text_sha256` of its text, for a loaded :class:`~analysis.corpus.Corpus`
    (or anything with ``texts()``, or a mapping article_id -> text)."""
    texts = corpus.texts() if hasattr(corpus, "texts") else corpus
    return {article_id: text_sha256(text) for article_id, text in texts.items()}


def cell_text(value) -> str:
    """A table cell as text: "" for a missing value (None, NaN, NA)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def row_ids(frame: pd.DataFrame, table: str, sha: Mapping[str, str]) -> list[str]:
    """The row id of every row of ``frame`` (a figures, exercises or quotes table), in its order.

    ``sha`` maps article_id to the article's text sha256; an article missing from it is keyed by its
    article_id instead (``article:<id>`` in place of the hash: unique, though not stable across renames).
    """
    if not len(frame):
        return []
    articles = [cell_text(v) for v in frame["article_id"].tolist()]  # lists: a Series is read a call per value
    groups: dict[tuple, list[int]] = defaultdict(list)  # (article, start, end) -> rows
    for i, key in enumerate(zip(articles, frame["start"].astype(int).tolist(), frame["end"].astype(int).tolist())):
        groups[key].append(i)
    fields = [c for c in DISAMBIGUATORS.get(table, ()) if c in frame.columns]
    shared = any(len(rows) > 1 for rows in groups.values())  # the fields are read only for rows sharing a span
    values = {c: [cell_text(v) for v in frame[c].tolist()] for c in fields} if shared else {}
    ids: list[str] = [""] * len(frame)
    for (article, start, end), rows in groups.items():
        base = (sha.get(article) or f"article:{article}", start, end)
        if len(rows) == 1:
            ids[rows[0]] = row_id(table, *base)
            continue
        alike: dict[str, list[int]] = defaultdict(list)
        for i in rows:
            alike["|".join(f"{c}={values[c][i]}" for c in fields)].append(i)
        for extra, same in alike.items():
            same = sorted(same, key=lambda i: tuple(cell_text(v) for v in frame.iloc[i].tolist()))
            for n, i in enumerate(same, start=1):
                ids[i] = row_id(table, *base, extra) + (f"-{n}" if n > 1 else "")
    return ids


def table_of(row_id: str) -> str | None:
    """The table a row id belongs to, from its prefix: ``table_of('fig-3ec48e8ba7a9') == 'figures'``."""
    prefix = row_id.split("-", 1)[0]
    return next((table for table, p in ID_TABLES.items() if p == prefix), None)


def add_row_ids(tables: Mapping[str, pd.DataFrame], corpus_or_sha_by_article) -> dict[str, pd.DataFrame]:
    """A copy of ``tables`` whose figures, exercises and quotes tables (those present) start with a
    ``row_id`` column, and whose articles table (when present) gains ``text_sha256``, the hash the ids
    are built from, so anyone can recompute them from the output folder.

    ``corpus_or_sha_by_article``: a loaded :class:`~analysis.corpus.Corpus`, a mapping article_id ->
    text, or a mapping article_id -> text sha256 (64 hex digits, as :func:`sha_by_article` gives).
    """
    sha = _sha_mapping(corpus_or_sha_by_article)
    out = dict(tables)
    for table in ID_TABLES:
        frame = tables.get(table)
        if frame is None:
            continue
        frame = frame.drop(columns=["row_id"], errors="ignore")
        frame.insert(0, "row_id", pd.Series(row_ids(frame, table, sha), index=frame.index, dtype=object))
        out[table] = frame
    articles = tables.get("articles")
    if articles is not None and "article_id" in articles.columns:
        articles = articles.copy()
        articles["text_sha256"] = articles["article_id"].map(lambda a: sha.get(a))
        out["articles"] = articles
    return out


def _sha_mapping(source) -> dict[str, str]:
    if hasattr(source, "texts"):
        return sha_by_article(source)
    source = dict(source)
    if all(isinstance(v, str) and len(v) == 64 and not v.strip("0123456789abcdef") for v in source.values()):
        return source
    return sha_by_article(source)
