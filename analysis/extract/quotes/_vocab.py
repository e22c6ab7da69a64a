"""The quote vocabularies (``analysis/extract/data/quote_*.csv``), read once."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _read_csv(name: str) -> list[dict]:
    with resources.files("analysis.extract").joinpath(f"data/{name}").open(encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


@dataclass(frozen=True)
class QuoteVocab:
    verbs: tuple[str, ...]  # speech verbs as written ("said", "pointed out")
    sources: tuple[str, ...]  # phrases whose object is the speaker ("according to")
    titles: frozenset[str]  # lower case: "minister", "prime minister"
    modifiers: frozenset[str]  # lower case: "defence", "deputy"
    honorifics: frozenset[str]  # lower case: "mr", "gen."
    named: dict[str, tuple[str, str]]  # "Global Times" -> ("outlet", "CHN")
    outlet_heads: frozenset[str]  # lower case: "newspaper", "news agency"
    institution_heads: frozenset[str]  # lower case: "ministry", "university"
    document_heads: frozenset[str]  # lower case: "report", "statement"
    not_name: frozenset[str]  # capitalized words that name no person: "Sea", "Monday", "However"


@lru_cache(maxsize=1)
def vocab() -> QuoteVocab:
    cues = _read_csv("quote_cues.csv")
    titles = _read_csv("quote_titles.csv")
    speakers = _read_csv("quote_speakers.csv")

    def pick(rows, column, value, key="title"):
        return [r[key] for r in rows if r[column] == value]

    return QuoteVocab(
        verbs=tuple(pick(cues, "form", "verb", "cue")),
        sources=tuple(pick(cues, "form", "source", "cue")),
        titles=frozenset(pick(titles, "kind", "title")),
        modifiers=frozenset(pick(titles, "kind", "modifier")),
        honorifics=frozenset(pick(titles, "kind", "honorific")),
        named={r["term"]: (r["type"], r["alpha3"] or "") for r in speakers
               if r["type"] in ("outlet", "institution")},
        outlet_heads=frozenset(pick(speakers, "type", "outlet_head", "term")),
        institution_heads=frozenset(pick(speakers, "type", "institution_head", "term")),
        document_heads=frozenset(pick(speakers, "type", "document_head", "term")),
        not_name=frozenset(pick(speakers, "type", "not_name", "term")),
    )
