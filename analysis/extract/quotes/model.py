"""The quote record and the table columns."""
from __future__ import annotations

from dataclasses import dataclass

QUOTE_COLUMNS = [
    "article_id", "start", "end", "quote", "speaker", "speaker_start", "speaker_end", "speaker_type",
    "speaker_country", "cue", "kind", "sentence", "flags",
]
SPEAKER_TYPES = ("person", "institution", "outlet")
KINDS = ("direct", "reported")


@dataclass(frozen=True)
class Quote:
    """One statement an article attributes: ``text[start:end] == quote``. ``speaker`` is the fullest
    name the article gives; ``speaker_start``/``speaker_end`` point at the mention the attribution
    names next to the quote, as written ("he", "the minister", "Zhao", "China's defence ministry"),
    which ``speaker`` was resolved from (-1 when the speaker is unknown)."""

    article_id: str
    start: int
    end: int
    quote: str
    speaker: str
    speaker_start: int
    speaker_end: int
    speaker_type: str  # person, institution, outlet ("" when unknown)
    speaker_country: str  # ISO alpha-3 when the text says it, else ""
    cue: str  # the attributing words as written, lower case: said, told, according to, ...
    kind: str  # direct or reported
    sentence: str
    flags: tuple[str, ...] = ()

    def row(self) -> tuple:
        return (self.article_id, self.start, self.end, self.quote, self.speaker, self.speaker_start,
                self.speaker_end, self.speaker_type, self.speaker_country, self.cue, self.kind, self.sentence,
                ";".join(self.flags))
