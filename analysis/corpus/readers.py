"""Readers: one file in, raw article records out (text plus whatever metadata the format carries).

- ``.txt``/``.md``: one article, the decoded file text.
- ``.html``/``.htm``: main text and metadata through trafilatura (a maintained news-page
  extractor); offsets then index the extracted main text.
- ``.json``/``.jsonl``: records with at least ``text`` (optional id, title, url, published, outlet,
  author); a malformed JSON line is a problem of its own and the good lines still load.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from analysis.corpus.decode import DecodeError, decode_bytes
from analysis.corpus.model import Problem

__all__ = ["RawRecord", "TEXT_SUFFIXES", "HTML_SUFFIXES", "JSON_SUFFIXES", "SUFFIXES", "read_file", "read_jsonl_part"]

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json", ".jsonl"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
RECORD_FIELDS = ("title", "url", "published", "outlet", "author")


@dataclass
class RawRecord:
    """One article as read from its file, before zoning and metadata merging."""

    article_id: str
    path: str
    text: str
    sha256: str
    encoding: str
    meta: dict[str, str] = field(default_factory=dict)  # values the format itself carried
    meta_source: str = ""  # "html meta" or "record"


def read_file(path: Path, display: str, data: bytes, sha256: str) -> tuple[list[RawRecord], list[Problem]]:
    """Records and problems for one file's bytes. ``display`` is the path shown in tables."""
    suffix = path.suffix.lower()
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        return [], [Problem(display, exc.code, str(exc))]
    if suffix in HTML_SUFFIXES:
        return _read_html(path, display, text, sha256, encoding)
    if suffix == ".jsonl":
        return _read_jsonl(path, display, text, sha256, encoding)
    if suffix == ".json":
        return _read_json(path, display, text, sha256, encoding)
    return [RawRecord(path.stem, display, text, sha256, encoding)], []


def read_jsonl_part(path: Path, display: str, data: bytes, sha256: str, first_line: int
                    ) -> tuple[list[RawRecord], list[Problem]]:
    """Records and problems for whole lines ``data`` of a UTF-8 ``.jsonl`` file (no BOM, no carriage returns:
    the shards :mod:`analysis.pipeline.plan` splits), starting at line ``first_line``; ``sha256`` is the
    whole file's. Reading a file in such parts gives what :func:`read_file` gives for the whole file."""
    return _read_jsonl(path, display, data.decode("utf-8"), sha256, "utf-8", first_line)


def _read_html(path, display, html, sha256, encoding):
    import trafilatura  # imported late: only HTML pages need it

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=True, favor_precision=True)
    if doc is None:
        return [], [Problem(display, "no_text", "the HTML page has no main text the extractor could find")]
    values = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (values.get("text") or "").strip()
    if not text:
        return [], [Problem(display, "no_text", "the HTML page has no main text the extractor could find")]
    title = (values.get("title") or "").strip()
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"  # keep the headline in the text so title offsets exist
    meta = {
        "title": title,
        "url": values.get("url") or "",
        "published": values.get("date") or "",
        "outlet": values.get("sitename") or "",
        "author": values.get("author") or "",
    }
    return [RawRecord(path.stem, display, text + "\n", sha256, encoding,
                      {k: str(v) for k, v in meta.items() if v}, "html meta")], []


def _record(obj: object, default_id: str, display: str, sha256: str, encoding: str, where: str):
    if not isinstance(obj, dict):
        return None, Problem(display, "malformed_record", f"{where}: a JSON {type(obj).__name__}, not an object")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return None, Problem(display, "malformed_record", f"{where}: no non-empty 'text' field")
    article_id = str(obj.get("id") or default_id)
    meta = {k: str(obj[k]) for k in RECORD_FIELDS if obj.get(k) not in (None, "")}
    return RawRecord(article_id, display, text, sha256, encoding, meta, "record"), None


def _read_jsonl(path, display, text, sha256, encoding, first_line: int = 1):
    """The records of JSON lines ``text``; ``first_line`` is the number of its first line in the file (a
    streaming run reads a large shard in parts: ids and problems still name the line of the whole file)."""
    records, problems = [], []
    for number, line in enumerate(text.split("\n"), start=first_line):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Problem(display, "malformed_json", f"line {number}: {exc.msg} (column {exc.colno})"))
            continue
        except RecursionError:
            problems.append(Problem(display, "malformed_json", f"line {number}: nested too deeply to read"))
            continue
        rec, problem = _record(obj, f"{path.stem}-{number}", display, sha256, encoding, f"line {number}")
        records += [rec] if rec else []
        problems += [problem] if problem else []
    return records, problems


def _read_json(path, display, text, sha256, encoding):
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return [], [Problem(display, "malformed_json", f"line {exc.lineno}: {exc.msg} (column {exc.colno})")]
    except RecursionError:
        return [], [Problem(display, "malformed_json", "nested too deeply to read (no article is that deep)")]
    if isinstance(obj, dict) and isinstance(obj.get("articles"), list):
        obj = obj["articles"]
    items = obj if isinstance(obj, list) else [obj]
    records, problems = [], []
    for index, item in enumerate(items, start=1):
        default = path.stem if len(items) == 1 else f"{path.stem}-{index}"
        rec, problem = _record(item, default, display, sha256, encoding, f"record {index}")
        records += [rec] if rec else []
        problems += [problem] if problem else []
    return records, problems
