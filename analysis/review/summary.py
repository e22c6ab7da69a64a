"""The short account of a diff, and the "Since the last run" facts a landing page states.

:func:`summarise_changes` turns a changes frame (:func:`analysis.review.diff.diff_outputs`) into a few
lines of text. :func:`since_last_run` compares two output folders (or report runs) and gives
:class:`SinceLastRun`: new articles, new and changed figures, claims whose verdict changed, new
events; its :meth:`SinceLastRun.lines` are the sentences for the page.

A claim is a ``budget_check`` figure; its verdicts (one per reference series, the series named
without its release, so new reference data alone is not a change) are compared figure by figure,
so a figure whose verdict against any series differs, or that is now checked against other series
(its actor was corrected), is listed once, with every series' verdict before and after. An event is
new when none of its mentions (``mention_ids``) was a mention of any event of the old run, so an event
whose id changed because an earlier article now reports it is not new; an old event a new article
also reports is listed as ``more_reports``.
"""
from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.review.diff import DIFF_TABLES, diff_outputs, key_sources, keyed_table, read_table, tables_dir

__all__ = ["SinceLastRun", "previous_run", "since_last_run", "summarise_changes"]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summarise_changes(changes: pd.DataFrame) -> str:
    """A few lines saying, per table, how many rows were added, removed and changed (and which fields),
    and in which articles rows were added or removed.

    >>> changes = pd.DataFrame({"table": ["figures", "figures"], "row_id": ["fig-1", "fig-2"],
    ...     "change": ["added", "changed"], "field": ["", "actor"], "old": ["", "RUS"], "new": ["$5", "USA"],
    ...     "article_id": ["a9", "a1"], "surface": ["$5", "$7"]})
    >>> print(summarise_changes(changes))
    figures: 1 added (a9), 1 changed (actor 1)
    """
    if changes is None or not len(changes):
        return "no changes: both hold the same rows with the same values"
    out = []
    tables = list(dict.fromkeys(changes["table"]))
    tables.sort(key=lambda t: DIFF_TABLES.index(t) if t in DIFF_TABLES else len(DIFF_TABLES))
    for table in tables:
        rows = changes[changes["table"] == table]
        parts = []
        for change in ("added", "removed"):
            these = rows[rows["change"] == change]
            if len(these):
                articles = list(dict.fromkeys(these["article_id"]))
                more = f" and {len(articles) - 5} more articles" if len(articles) > 5 else ""
                shown = ", ".join(articles[:5]) + more
                parts.append(f"{len(these)} {change} ({shown})")
        changed = rows[rows["change"] == "changed"]
        if len(changed):
            fields = Counter(changed["field"])
            parts.append(f"{changed['row_id'].nunique()} changed ("
                         + ", ".join(f"{f} {n}" for f, n in sorted(fields.items(), key=lambda x: (-x[1], x[0]))) + ")")
        out.append(f"{table}: " + ", ".join(parts))
    return "\n".join(out)


@dataclass
class SinceLastRun:
    """What a run has that the previous one did not (each a DataFrame, empty when nothing)."""

    new_articles: pd.DataFrame  # articles rows whose article_id the old run did not have
    changed_articles: pd.DataFrame  # article_id, old_sha256, new_sha256: same id, other text
    new_figures: pd.DataFrame  # figures rows added
    changed_figures: pd.DataFrame  # the diff's "changed" rows for figures (one per field)
    removed_figures: pd.DataFrame  # the diff's "removed" rows for figures
    verdict_changes: pd.DataFrame  # row_id, article_id, surface, actor, old, new (verdicts per series)
    new_events: pd.DataFrame  # events rows none of whose mentions the old run had
    more_reports: pd.DataFrame  # event_id, name, kind, old_n_articles, n_articles

    @property
    def is_empty(self) -> bool:
        return not any(len(getattr(self, name)) for name in self.__dataclass_fields__)

    def lines(self) -> list[str]:
        """Short sentences for a landing page, most important first; one line saying nothing changed
        when nothing did."""
        out = []
        if len(self.new_articles):
            out.append(f"{_plural(len(self.new_articles), 'new article')}: "
                       + "; ".join(_article_label(r) for r in self.new_articles.to_dict("records")[:10])
                       + (" …" if len(self.new_articles) > 10 else ""))
        if len(self.changed_articles):
            out.append(f"{_plural(len(self.changed_articles), 'article')} with changed text: "
                       + ", ".join(self.changed_articles["article_id"].tolist()[:10]))
        if len(self.new_figures):
            out.append(f"{_plural(len(self.new_figures), 'new figure')}: "
                       + "; ".join(f"{r['surface']} ({r['metric']}, {r['actor'] or 'no actor'})"
                                   for r in self.new_figures.to_dict("records")[:10])
                       + (" …" if len(self.new_figures) > 10 else ""))
        if len(self.changed_figures):
            figures = self.changed_figures.groupby("row_id", sort=False)
            out.append(f"{_plural(len(figures), 'figure')} changed: "
                       + "; ".join(f"{rows['surface'].iloc[0]} ("
                                   + ", ".join(f"{f} {o or '—'} → {n or '—'}" for f, o, n in
                                               zip(rows["field"], rows["old"], rows["new"])) + ")"
                                   for _, rows in list(figures)[:10]))
        if len(self.removed_figures):
            out.append(f"{_plural(len(self.removed_figures), 'figure')} no longer found: "
                       + "; ".join(self.removed_figures["surface"].tolist()[:10]))
        if len(self.verdict_changes):
            out.append(f"{_plural(len(self.verdict_changes), 'claim')} whose verdict changed: "
                       + "; ".join(f"{r['surface']} ({r['actor']}): {r['old']} → {r['new']}"
                                   for r in self.verdict_changes.to_dict("records")[:10]))
        if len(self.new_events):
            out.append(f"{_plural(len(self.new_events), 'new event')}: "
                       + "; ".join(_event_label(r) for r in self.new_events.to_dict("records")[:10]))
        if len(self.more_reports):
            out.append(f"{_plural(len(self.more_reports), 'event')} now reported by more articles: "
                       + "; ".join(f"{r['label']} ({r['old_n_articles']} → {r['n_articles']})"
                                   for r in self.more_reports.to_dict("records")[:10]))
        return out or ["nothing new since the last run: the same articles, figures, verdicts and events"]


def _article_label(row: dict) -> str:
    title = row.get("title") or ""
    return f"{row['article_id']}" + (f" ({title})" if title else "")


def _event_label(row: dict) -> str:
    name = row.get("name") or row.get("first_surface") or row.get("kind") or row.get("event_id")
    year = row.get("year") or row.get("year_inferred") or ""
    return f"{name}" + (f", {year}" if year and str(year) not in str(name) else "")


def _new_articles(old: pd.DataFrame | None, new: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    if new is None or not len(new.columns):
        return pd.DataFrame(), pd.DataFrame(columns=["article_id", "old_sha256", "new_sha256"])
    old = old if old is not None and len(old.columns) else pd.DataFrame(columns=new.columns)
    added = new[~new["article_id"].isin(set(old["article_id"]))].reset_index(drop=True)
    sha = "text_sha256" if "text_sha256" in new.columns and "text_sha256" in old.columns else "sha256"
    both = old[["article_id", sha]].merge(new[["article_id", sha]], on="article_id", suffixes=("_old", "_new"))
    changed = both[both[f"{sha}_old"] != both[f"{sha}_new"]]
    changed = changed.rename(columns={f"{sha}_old": "old_sha256", f"{sha}_new": "new_sha256"}).reset_index(drop=True)
    return added, changed


def _verdicts(folder, figures_keyed: pd.DataFrame) -> dict[str, tuple[dict, str]]:
    """figure key -> ({reference_source: verdict}, label fields) from a folder's budget_check.csv."""
    check = read_table(folder, "budget_check")
    if check is None or not len(check) or not len(figures_keyed):
        return {}
    key_of = {(r["article_id"], r["start"], r["end"], r["actor"]): k
              for k, r in zip(figures_keyed.index, figures_keyed.to_dict("records"))}
    out: dict[str, tuple[dict, str]] = {}
    for r in check.to_dict("records"):
        key = key_of.get((r["article_id"], r["start"], r["end"], r["actor"]))
        if key is None:
            continue
        verdicts, _ = out.setdefault(key, ({}, r["actor"]))
        verdicts[_series(r["reference_source"])] = r["verdict"]
    return out


def _series(reference_source: str) -> str:
    """The series a reference source belongs to, without its release ("SIPRI 2024 release" -> "SIPRI"), so a
    new release of the reference data is not by itself a changed verdict.

    >>> _series("SIPRI 2024 release"), _series("China NPC official budget"), _series("")
    ('SIPRI', 'China NPC official budget', 'no reference')
    """
    return re.sub(r"\s+\d{4} release$", "", reference_source or "") or "no reference"


def _verdict_text(verdicts: dict) -> str:
    return "; ".join(f"{source}: {verdict}" for source, verdict in verdicts.items())


def since_last_run(old_dir: str | os.PathLike, new_dir: str | os.PathLike) -> SinceLastRun:
    """What ``new_dir`` (an ``extract`` output folder or a report run) has that ``old_dir`` did not."""
    old_t, new_t = tables_dir(old_dir), tables_dir(new_dir)
    new_articles, changed_articles = _new_articles(read_table(old_t, "articles"), read_table(new_t, "articles"))
    changes = diff_outputs(old_dir, new_dir, tables=("figures",))
    old_fig, new_fig = read_table(old_t, "figures"), read_table(new_t, "figures")
    sources = key_sources(old_t, new_t, old_fig, new_fig)
    old_k = keyed_table(old_fig, "figures", old_t, sources and sources[0])
    new_k = keyed_table(new_fig, "figures", new_t, sources and sources[1])
    added = changes[changes["change"] == "added"]
    added = set(zip(added["row_id"], added["article_id"]))
    is_added = [(r, a) in added for r, a in zip(new_k.get("row_id", []), new_k.get("article_id", []))]
    new_figures = new_k[is_added].reset_index(drop=True) if len(new_k) else new_k.reset_index(drop=True)
    old_v, new_v = _verdicts(old_t, old_k), _verdicts(new_t, new_k)
    verdict_rows = []
    for key, (verdicts, actor) in new_v.items():
        if key in old_v and old_v[key][0] != verdicts:
            row = new_k.loc[key]
            verdict_rows.append({"row_id": row["row_id"], "article_id": row["article_id"], "surface": row["surface"],
                                 "actor": actor, "old": _verdict_text(old_v[key][0]), "new": _verdict_text(verdicts)})
    new_events, more = _event_changes(read_table(old_t, "events"), read_table(new_t, "events"))
    return SinceLastRun(
        new_articles=new_articles, changed_articles=changed_articles, new_figures=new_figures,
        changed_figures=changes[changes["change"] == "changed"].reset_index(drop=True),
        removed_figures=changes[changes["change"] == "removed"].reset_index(drop=True),
        verdict_changes=pd.DataFrame(verdict_rows, columns=["row_id", "article_id", "surface", "actor", "old", "new"]),
        new_events=new_events, more_reports=more)


def _mentions(events: pd.DataFrame) -> list[set[str]]:
    return [set(filter(None, str(m).split(";"))) for m in events["mention_ids"]]


def _event_changes(old: pd.DataFrame | None, new: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    more_columns = ["event_id", "label", "old_n_articles", "n_articles"]
    if new is None or not len(new) or "mention_ids" not in new.columns:
        return pd.DataFrame(), pd.DataFrame(columns=more_columns)
    old_sets = _mentions(old) if old is not None and len(old) and "mention_ids" in old.columns else []
    owner = {m: i for i, ms in enumerate(old_sets) for m in ms}
    new_rows, more = [], []
    for i, mentions in enumerate(_mentions(new)):
        before = {owner[m] for m in mentions if m in owner}
        if not before:
            new_rows.append(i)
            continue
        old_n = max(int(old.iloc[j]["n_articles"] or 0) for j in before)
        n = int(new.iloc[i]["n_articles"] or 0)
        if n > old_n:
            row = new.iloc[i].to_dict()
            more.append({"event_id": row["event_id"], "label": _event_label(row), "old_n_articles": old_n,
                         "n_articles": n})
    return new.iloc[new_rows].reset_index(drop=True), pd.DataFrame(more, columns=more_columns)


def _run_order(folder: Path) -> tuple[str, float]:
    """A run's place in time: the date its id starts with, then when its manifest was written."""
    return folder.name.split("-")[0], (folder / "manifest.json").stat().st_mtime


def previous_run(reports_dir: str | os.PathLike, current: str | os.PathLike | None = None) -> Path | None:
    """The latest finished run in ``reports_dir`` (a folder with ``manifest.json`` and ``tables/``) before
    ``current`` (by the date in the run id, then by when its manifest was written; ``current`` itself and any
    run after it are left out); None when there is none, as for a first run. Runs are ``reports/<run-id>``
    folders whose id starts with the date, ``YYYYMMDD-xxxxxxxx``; another folder is passed over.
    """
    reports = Path(reports_dir)
    if not reports.is_dir():
        return None
    runs = [f for f in reports.iterdir() if f.is_dir() and re.fullmatch(r"\d{8}-\w+", f.name)
            and (f / "manifest.json").is_file() and (f / "tables").is_dir()]
    if current is not None:
        current = Path(current)
        runs = [f for f in runs if f.resolve() != current.resolve()]
        if (current / "manifest.json").is_file():
            limit = _run_order(current)
            runs = [f for f in runs if _run_order(f) < limit]
        else:  # the current run is still being written: every finished run of its day or before is earlier
            runs = [f for f in runs if f.name.split("-")[0] <= current.name.split("-")[0]]
    return max(runs, key=_run_order, default=None)
