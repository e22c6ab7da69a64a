"""The run's landing page, ``index.html``: what an analyst reads first.

The corpus (size, date range), the key charts inline (PNG as data URIs: one file, offline), the
claims furthest from SIPRI with their article and sentence, the best-corroborated events, the
problems found while reading the corpus, then links to the notebooks, tables, data dictionary and
manifest. The summaries are plain functions of the tables (:func:`corpus_summary`,
:func:`furthest_claims`, :func:`best_corroborated`), so they are tested without a run.
"""
from __future__ import annotations

import base64
import math
import os
from pathlib import Path
from typing import Mapping

import pandas as pd

from analysis.report.numbers import amount, count, is_missing, money, ratio

__all__ = ["KEY_CHARTS", "corpus_summary", "furthest_claims", "best_corroborated", "corpus_problems", "render_index",
           "review_summary", "write_index"]

TEMPLATE = Path(__file__).parent / "templates" / "landing" / "index.html.j2"
#: The charts shown on the page, in this order, with a caption each (those the run drew).
KEY_CHARTS = {
    "budget_claims_vs_reference": "Defence-budget claims against the reference series.",
    "sipri_series": "SIPRI's series with the claims marked at their year.",
    "exercise_timeline": "Exercises and patrols over time (colour: domain; marker: status).",
    "exercise_map": "Where the exercises took place.",
    "combined_budgets": "Claims that two countries together outspend a third, as claimed and per SIPRI.",
}


def _country(code: str) -> str:
    """A country's short name, as the charts write it (China, Russia, United States)."""
    from analysis.charts.style import _name

    return _name(code)


def _text(value) -> str:
    """A cell as text for the page, blank when missing."""
    return "" if is_missing(value) else str(value)


def _frame(tables: Mapping[str, pd.DataFrame], name: str) -> pd.DataFrame:
    return tables.get(name, pd.DataFrame())


def _file_problems(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """The problems reading the corpus: a review file's bad lines (``review_*``) are run warnings instead."""
    problems = _frame(tables, "problems")
    if "problem" not in problems:
        return problems
    return problems[~problems["problem"].astype(str).str.startswith("review_")]


def corpus_summary(tables: Mapping[str, pd.DataFrame]) -> dict:
    """Counts and the date range of the corpus, as text for reading.

    >>> corpus_summary({"articles": pd.DataFrame({"article_id": ["a", "b"], "published": ["2021-11-24", None]})})
    {'articles': '2', 'first': '2021-11-24', 'last': '2021-11-24', 'undated': '1', 'problems': '0', 'figures': '0', 'claims': '0', 'checked': '0', 'mentions': '0', 'events': '0', 'corroborated': '0'}
    """
    articles = _frame(tables, "articles")
    dates = sorted(str(d) for d in articles.get("published", pd.Series(dtype=object)) if not is_missing(d))
    claims = _frame(tables, "budget_check")
    events = _frame(tables, "events")
    keys = [c for c in ("article_id", "start", "actor") if c in claims]
    checked = claims[claims["reference_usd"].notna()] if "reference_usd" in claims else claims.iloc[0:0]
    n_articles = pd.to_numeric(events.get("n_articles", pd.Series(dtype=float)), errors="coerce")
    return {"articles": count(len(articles)), "first": dates[0] if dates else "", "last": dates[-1] if dates else "",
            "undated": count(len(articles) - len(dates)), "problems": count(len(_file_problems(tables))),
            "figures": count(len(_frame(tables, "figures"))),
            "claims": count(len(claims.drop_duplicates(keys)) if keys else len(claims)),
            "checked": count(len(checked.drop_duplicates(keys)) if keys else len(checked)),
            "mentions": count(len(_frame(tables, "exercises"))), "events": count(len(events)),
            "corroborated": count(int((n_articles >= 2).sum()))}


def _sentence_parts(sentence, surface) -> tuple[str, str, str]:
    """The sentence split around the claim's words, so the page can mark them."""
    sentence = _text(sentence)
    surface = _text(surface)
    at = sentence.find(surface) if surface else -1
    if at < 0:
        return sentence, "", ""
    return sentence[:at], surface, sentence[at + len(surface):]


def furthest_claims(tables: Mapping[str, pd.DataFrame], n: int = 10, reference: str = "SIPRI") -> list[dict]:
    """The ``n`` defence-budget claims furthest from the reference (by the size of log(claim ÷ reference)).

    Each with its article (id and title), the sentence it was read from (split around the claim's
    words), the claim in US$ with its text, the reference value and release, and the ratio.
    """
    check = _frame(tables, "budget_check")
    if check.empty:
        return []
    rows = check[check["reference_source"].fillna("").str.startswith(reference) & check["reference_usd"].notna()
                 & (pd.to_numeric(check["ratio"], errors="coerce") > 0)]
    rows = rows.assign(distance=[abs(math.log(float(r))) for r in rows["ratio"]])
    rows = rows.sort_values(["distance", "article_id", "start"], ascending=[False, True, True], kind="stable")
    rows = rows.drop_duplicates(["article_id", "start", "actor"]).head(n)
    figures = _frame(tables, "figures")
    sentences = {}
    if {"article_id", "start", "sentence"} <= set(figures.columns):
        sentences = {(f.article_id, f.start): f.sentence for f in figures.itertuples(index=False)}
    articles = _frame(tables, "articles")
    titles = dict(zip(articles.get("article_id", []), articles.get("title", [])))
    published = dict(zip(articles.get("article_id", []), articles.get("published", [])))
    out = []
    for r in rows.itertuples(index=False):
        before, words, after = _sentence_parts(sentences.get((r.article_id, r.start)), r.surface)
        title = titles.get(r.article_id)
        out.append({"article_id": r.article_id, "title": _text(title),
                    "published": _text(published.get(r.article_id)),
                    "country": "" if is_missing(r.actor) else _country(r.actor),
                    "year": "" if is_missing(r.year) else str(int(r.year)),
                    "claimed": amount(r.claimed_usd, r.surface), "reference": money(r.reference_usd),
                    "release": str(r.reference_source), "ratio": ratio(r.ratio),
                    "direction": "above" if float(r.ratio) > 1 else "below",
                    "before": before, "words": words, "after": after})
    return out


def best_corroborated(tables: Mapping[str, pd.DataFrame], n: int = 10) -> list[dict]:
    """The ``n`` events reported by most articles (then most mentions), with when, where and who."""
    events = _frame(tables, "events")
    if events.empty:
        return []
    order = events.assign(n_articles_=pd.to_numeric(events["n_articles"], errors="coerce").fillna(0),
                          n_mentions_=pd.to_numeric(events["n_mentions"], errors="coerce").fillna(0))
    order = order.sort_values(["n_articles_", "n_mentions_", "event_id"], ascending=[False, False, True],
                              kind="stable").head(n)
    out = []
    for e in order.itertuples(index=False):
        name = e.name if not is_missing(e.name) else (f"“{e.first_surface}”" if not is_missing(e.first_surface)
                                                       else str(e.kind))
        year = e.year if not is_missing(e.year) else e.year_inferred
        month = "" if is_missing(e.month) else f"-{int(e.month):02d}"
        out.append({"name": str(name), "when": ("" if is_missing(year) else f"{int(year)}{month}")
                    + ("" if not is_missing(e.year) or is_missing(year) else " (report's year)"),
                    "kind": _text(e.kind),
                    "domains": _text(e.domains).replace(";", ", "),
                    "places": _text(e.places).replace(";", ", "),
                    "participants": "" if is_missing(e.participants) else ", ".join(
                        _country(c) for c in str(e.participants).split(";") if c),
                    "articles": count(e.n_articles), "mentions": count(e.n_mentions)})
    return out


def corpus_problems(tables: Mapping[str, pd.DataFrame], warnings: list[str] = (), n: int = 20) -> dict:
    """What went wrong reading the corpus: files not loaded, figures flagged for a check, run warnings."""
    problems = _file_problems(tables)
    figures = _frame(tables, "figures")
    flags: dict[str, int] = {}
    for value in figures.get("flags", pd.Series(dtype=object)):
        for flag in _text(value).split(";"):
            if flag.strip():
                flags[flag.strip()] = flags.get(flag.strip(), 0) + 1
    rows = [{"path": str(p.path), "problem": str(p.problem), "detail": _text(p.detail)}
            for p in problems.head(n).itertuples(index=False)]
    return {"files": rows, "more_files": count(max(0, len(problems) - n)) if len(problems) > n else "",
            "n_files": count(len(problems)),
            "flags": [{"flag": k, "n": count(v)} for k, v in sorted(flags.items(), key=lambda kv: (-kv[1], kv[0]))],
            "warnings": list(warnings)}


def review_summary(tables: Mapping[str, pd.DataFrame]) -> dict:
    """What the analyst's review did in this run: lines applied per action (empty when no review was applied).

    >>> review_summary({"reviewed": pd.DataFrame({"action": ["reject", "set", "set"]})})
    {'lines': '3', 'actions': 'reject 1, set 2'}
    """
    reviewed = _frame(tables, "reviewed")
    if reviewed.empty or "action" not in reviewed:
        return {}
    counts = reviewed["action"].value_counts()
    return {"lines": count(len(reviewed)),
            "actions": ", ".join(f"{a} {count(counts[a])}" for a in ("reject", "set", "confirm") if a in counts)}


def _data_uri(path: Path) -> str:
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def render_index(run_id: str, corpus: str, tables: Mapping[str, pd.DataFrame], charts_dir: Path | None,
                 pages: list[Path] = (), warnings: list[str] = (), since: list[str] | None = None,
                 previous: str | None = None) -> str:
    """The landing page's HTML (self-contained: charts inline, no scripts, nothing fetched). ``since``: the
    lines of :meth:`analysis.review.SinceLastRun.lines` comparing this run with the run ``previous`` (a
    "Since the last run" section; none when None, as for a first run). Every text is HTML-escaped."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATE.parent)), autoescape=True,
                             keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    charts = []
    for name, caption in KEY_CHARTS.items():
        png = Path(charts_dir) / f"{name}.png" if charts_dir else None
        if png is not None and png.is_file():
            charts.append({"name": name, "caption": caption, "src": _data_uri(png), "png": f"charts/{name}.png",
                           "svg": f"charts/{name}.svg"})
    table_links = [{"name": name, "rows": count(len(frame))} for name, frame in tables.items()]
    return env.get_template(TEMPLATE.name).render(
        run_id=run_id, corpus=corpus, summary=corpus_summary(tables), charts=charts,
        claims=furthest_claims(tables), events=best_corroborated(tables),
        problems=corpus_problems(tables, list(warnings)),
        pages=[{"href": p.name, "name": p.stem} for p in pages], tables=table_links,
        since=list(since) if since is not None else None, previous=previous or "",
        reviewed=review_summary(tables))


def write_index(out_dir: str | os.PathLike, run_id: str, corpus: str, tables: Mapping[str, pd.DataFrame],
                pages: list[Path] = (), warnings: list[str] = (), since: list[str] | None = None,
                previous: str | None = None) -> Path:
    """Write ``index.html`` into the run folder ``out_dir`` (its charts read from ``out_dir/charts``)."""
    out = Path(out_dir)
    path = out / "index.html"
    path.write_text(render_index(run_id, corpus, tables, out / "charts", pages, warnings, since, previous),
                    encoding="utf-8")
    return path
