"""Resolving a speaker mention to the fullest name the article gives.

- a person's name to the longest name in the article holding its last word ("Shoigu" after
  "Defence Minister Sergei Shoigu" -> "Sergei Shoigu"; "Mr Zhao" -> "Zhao Lijian"), the nearest
  before it first;
- "he"/"she" to the person who last spoke (the subject of a speech verb) within :data:`PRONOUN_REACH`
  characters, else the person last named before it (names inside quotations are passed over);
- "the minister", "the spokesman" to the person last named with that title; "the newspaper", "the
  agency", "the report" to the outlet last named; "the ministry" to the institution last named with
  that head. A role nothing resolves stays as written (flag ``speaker_unresolved``);
- an institution or outlet stays as named ("China's defence ministry", "Global Times").
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from analysis.extract.quotes._vocab import vocab
from analysis.extract.quotes.speakers import Mention

__all__ = ["PRONOUN_REACH", "Resolver", "Speaker"]

#: How far back (characters) "he"/"she" looks for the person who last spoke before falling back on the
#: person last named
PRONOUN_REACH = 800
#: How far after "the statement" (characters) the institution that issued it may be named, when none is before
DOCUMENT_REACH = 400
#: How many mentions back a reference is looked up at most (bounds the work on text that is not prose)
LOOK_BACK = 200


@dataclass(frozen=True)
class Speaker:
    name: str
    kind: str  # person, institution, outlet
    country: str
    flag: str = ""  # how it was resolved: speaker_from_pronoun, speaker_from_role, speaker_from_surname, ...


class Resolver:
    """The people, outlets and institutions of one article, for resolving mentions to names."""

    def __init__(self, mentions: list[Mention], subjects: frozenset[int] = frozenset(),
                 quotes: list[tuple[int, int]] = ()):
        """``subjects``: the starts of the mentions that stand as a speech verb's subject ("the committee
        said"), which "it said" refers back to before any other institution."""
        self.subjects = subjects
        self.quotes = sorted(quotes)  # (start, end) of the quotations, outermost ones
        self.quote_starts = [a for a, _ in self.quotes]
        self.people = [m for m in mentions if m.kind == "person"]
        self.people_ends = [m.end for m in self.people]
        self.named = [m for m in mentions if m.kind in ("outlet", "institution")]
        self.named_ends = [m.end for m in self.named]
        self.things = [m for m in mentions if m.kind in ("outlet", "institution", "role")]
        self.things_ends = [m.end for m in self.things]
        # each distinct name once: where it is written (in order) and the first country its mentions give
        self._by_word: dict[str, list[str]] = {}
        self._starts: dict[str, list[int]] = {}
        self._country: dict[str, str] = {}
        for m in self.people:
            if m.name not in self._starts:
                self._starts[m.name] = []
                for word in m.name.split():
                    self._by_word.setdefault(word.rstrip("."), []).append(m.name)
            self._starts[m.name].append(m.start)
            if m.country and not self._country.get(m.name):
                self._country[m.name] = m.country

    def resolve(self, m: Mention) -> Speaker | None:
        """The speaker ``m`` names, or None when it names nobody (a pronoun with no person before it)."""
        if m.kind == "person":
            return self._person(m)
        if m.kind in ("institution", "outlet"):
            return Speaker(m.name, m.kind, m.country)
        if m.kind == "pronoun" and m.name == "it":
            v = vocab()
            k = bisect.bisect_right(self.things_ends, m.start)
            before = self.things[max(0, k - LOOK_BACK):k]
            for n in sorted(reversed(before), key=lambda n: n.start not in self.subjects):  # stable: subjects first
                if n.kind in ("institution", "outlet") or n.head in v.institution_heads | v.outlet_heads | \
                        v.document_heads:
                    found = self.resolve(n)
                    if found is not None:
                        return Speaker(found.name, found.kind, found.country, "speaker_from_pronoun")
            return None
        if m.kind == "pronoun":
            # the person who last spoke, when one did not long before; else the person last named
            before = self._last_person(m.start, lambda p: p.confirmed and not self._quoted(p.start)
                                       and p.start in self.subjects and m.start - p.end < PRONOUN_REACH)
            if before is None:
                before = self._last_person(m.start, lambda p: p.confirmed and not self._quoted(p.start))
            if before is None:
                return None
            found = self._person(before)
            return Speaker(found.name, "person", found.country, "speaker_from_pronoun")
        return self._role(m)

    def _person(self, m: Mention) -> Speaker:
        words = m.name.split()
        candidates = [n for n in self._by_word.get(words[-1].rstrip("."), ())
                      if len(n.split()) >= len(words) and set(words) <= set(n.split())] or [m.name]
        longest = max(len(n.split()) for n in candidates)
        full = [n for n in candidates if len(n.split()) == longest]

        def last_before(name: str) -> int:  # where the name is last written before m, or -1
            starts = self._starts.get(name, ())
            k = bisect.bisect_right(starts, m.start)
            return starts[k - 1] if k else -1

        best = max(full, key=last_before) if any(last_before(n) >= 0 for n in full) else full[0]
        country = m.country or self._country.get(best, "") or \
            next((self._country[n] for n in candidates if self._country.get(n)), "")
        flag = "speaker_from_surname" if best != m.name else ""
        return Speaker(best, "person", country, flag)

    def _quoted(self, pos: int) -> bool:
        """Is ``pos`` inside a quotation (a name a speaker says is no antecedent of "he")?"""
        k = bisect.bisect_right(self.quote_starts, pos)
        return k > 0 and pos < self.quotes[k - 1][1]

    def _last_person(self, pos: int, ok) -> Mention | None:
        """The last person before ``pos`` that ``ok`` accepts, among the LOOK_BACK people named last."""
        k = bisect.bisect_right(self.people_ends, pos)
        stop = max(0, k - LOOK_BACK)
        while k > stop:
            k -= 1
            if ok(self.people[k]):
                return self.people[k]
        return None

    def _role(self, m: Mention) -> Speaker:
        v = vocab()
        head = m.head
        if "indefinite" in m.titles:  # "a Pentagon official" names the speaker as well as the text can
            kind = "person" if head in v.titles or head == "authorities" else \
                "outlet" if head in v.outlet_heads else "institution"
            return Speaker(m.name, kind, m.country, "speaker_unnamed")
        if head in v.document_heads:  # "the report": the named institution most cited before it, else the outlet
            k = bisect.bisect_right(self.named_ends, m.start)
            counts: dict[str, int] = {}
            for n in self.named[max(0, k - LOOK_BACK):k]:
                if n.kind == "institution" and n.name in v.named:
                    counts[n.name] = counts.get(n.name, 0) + 1
            if counts:
                name = max(counts, key=counts.get)
                return Speaker(name, "institution", v.named[name][1], "speaker_from_role")
            for n in reversed(self.named[max(0, k - LOOK_BACK):k]):
                if n.kind == "outlet":
                    return Speaker(n.name, n.kind, n.country, "speaker_from_role")
            for n in self.named[k:]:  # "“…,” the statement said. The Ministry of … issued it on Friday."
                if n.start - m.end > DOCUMENT_REACH:
                    break
                if n.head:  # not a country standing for its government
                    return Speaker(n.name, n.kind, n.country, "speaker_from_role")
            return Speaker(m.name, "institution", m.country, "speaker_unresolved")
        if head in v.titles:
            p = self._last_person(m.start, lambda p: p.confirmed and any(head in t for t in p.titles))
            if p is not None:
                found = self._person(p)
                return Speaker(found.name, "person", found.country or m.country, "speaker_from_role")
            return Speaker(m.name, "person", m.country, "speaker_unresolved")
        kind = "outlet" if head in v.outlet_heads else "institution"
        k = bisect.bisect_right(self.named_ends, m.start)
        stop = max(0, k - LOOK_BACK)
        while k > stop:
            k -= 1
            n = self.named[k]
            if (kind == "outlet" and n.kind == "outlet") or (kind == "institution" and n.head == head):
                return Speaker(n.name, n.kind, n.country, "speaker_from_role")
        return Speaker(m.name, kind, m.country, "speaker_unresolved")
