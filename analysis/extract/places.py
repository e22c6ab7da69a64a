"""Places named in exercise reporting: seas, straits, regions and bases, with a point for the map.

The gazetteer is data (``data/gazetteer.csv``: id, name, aliases, kind, lat, lon). A place is
found by its name or an alias, case-insensitively, on word boundaries, longest first, so
"East China Sea" is one place (not "China"), "Asia-Pacific" is not "Asia", and "Sea of Japan"
is not "Japan". A name followed by "Fleet", "Command", "states" and the like is a unit or a
group of countries, not a place ("Pacific Fleet", "Baltic states").

>>> [(p.surface, p.place_id) for p in find_places("Bombers flew over the Sea of Japan and the East China Sea.")]
[('Sea of Japan', 'sea-of-japan'), ('East China Sea', 'east-china-sea')]
>>> [p.surface for p in find_places("Ships of the Pacific Fleet sailed to the western Pacific.")]
['western Pacific']
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable

import pandas as pd

from analysis.extract._patterns import trie_alternation

__all__ = ["PlaceMention", "Place", "find_places", "gazetteer", "place"]

#: Words after a place name that make it a unit, an organisation or a group of countries.
_NOT_A_PLACE_AFTER = re.compile(
    r"\s+(?:Fleet|Fleets|Command|Theat(?:er|re)|Military\s+District|Council|Forum|Economic|Cooperation|"
    r"Organi[sz]ation|Summit|Daily|Post|Times|Today|News|Institute|University|states|countries|nations|"
    r"republics|Bank|Games|Treaty|press\s+service|press\s+office|spokes(?:man|woman|person))\b")


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""

    place_id: str
    name: str
    kind: str  # sea, strait, region, base
    lat: float
    lon: float


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a text: ``surface`` as written (offsets into the text) and its entry."""

    start: int
    end: int
    surface: str  # as written, but for names that share a plural head ("Black Sea" in "the Black and Caspian Seas")
    place_id: str
    name: str
    kind: str
    lat: float
    lon: float


@lru_cache(maxsize=1)
def _entries() -> tuple[dict[str, Place], dict[str, str]]:
    """(id -> Place, lower-cased alias -> id), read once from the shipped gazetteer."""
    places: dict[str, Place] = {}
    alias_to_id: dict[str, str] = {}
    with resources.files(__package__).joinpath("data/gazetteer.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(line for line in f if not line.startswith("#")):
            entry = Place(row["id"], row["name"], row["kind"], float(row["lat"]), float(row["lon"]))
            places[entry.place_id] = entry
            for alias in [row["name"], *(row["aliases"] or "").split(";")]:
                if alias.strip():
                    alias_to_id.setdefault(alias.strip().lower(), entry.place_id)
    return places, alias_to_id


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    """Every alias that starts with a capital, as written and in upper case. Case-sensitive literals
    that all start with a capital let the regex engine skip ahead quickly (an IGNORECASE alternation
    is several times slower); "western Pacific" is found as "Pacific" plus the word before it."""
    names = set()
    for alias in _cased_names().values():
        base = _DIRECTION_PREFIX.sub("", alias) if alias[0].islower() else alias
        if base and base[0].isupper():
            names |= {base, base.upper()}
    # Spaces and hyphens inside a name match any run of whitespace or a hyphen ("Asia Pacific"); a trie
    # of the names finds the longest one at a place (see trie_alternation).
    alternation = trie_alternation(names, space=r"[\s\-]+", separators=" -")
    return re.compile(rf"(?:{alternation})(?![\w\-])")


_DIRECTION_PREFIX = re.compile(r"^(?:(?:north|south)[\s\-]?)?(?:west|east)(?:ern)?\s+|^(?:north|south)(?:ern)?\s+",
                               re.IGNORECASE)
_DIRECTION_BEFORE = re.compile(r"(?:(?:north|south)[\s\-]?)?(?:west|east)(?:ern)?\s+$|(?:north|south)(?:ern)?\s+$",
                               re.IGNORECASE)


@lru_cache(maxsize=1)
def _cased_names() -> dict[str, str]:
    """lower-cased alias -> the alias as the gazetteer writes it."""
    out = {}
    with resources.files(__package__).joinpath("data/gazetteer.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(line for line in f if not line.startswith("#")):
            for alias in [row["name"], *(row["aliases"] or "").split(";")]:
                if alias.strip():
                    out.setdefault(alias.strip().lower(), alias.strip())
    return out


def find_places(text: str) -> list[PlaceMention]:
    """Every gazetteer place named in ``text``, in order, with offsets and coordinates.

    >>> m = find_places("joint patrols in the Asia-Pacific, including the Sea of Japan")
    >>> [(p.surface, p.name, p.kind) for p in m]
    [('Asia-Pacific', 'Asia-Pacific', 'region'), ('Sea of Japan', 'Sea of Japan', 'sea')]
    """
    places, alias_to_id, search = _scanner or _load_scanner()
    out = []
    shared = False
    # Speed: a loop of searches, each from where the last match ended, finds what finditer finds (no match is
    # empty) without building finditer's iterator, which costs more per sentence than searching for its few
    # matches one by one.
    m = search(text)
    while m is not None:
        start, end = m.span()
        m = search(text, end)  # the next match, found before the checks below skip to it
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_"):
            continue
        # The unit words follow whitespace (r"\s+", the characters str.isspace accepts): a name followed by
        # anything else, as most are (",", "."), needs no look at them.
        if text[end:end + 1].isspace() and _NOT_A_PLACE_AFTER.match(text, end):
            continue
        surface = text[start:end]
        place_id = alias_to_id.get(surface.lower())  # _lookup's first step, in line: it finds most names
        if place_id is None:
            place_id = _lookup(surface, alias_to_id)
        d = None
        if text[start - 1:start].isspace():
            # _direction_before's first test, in line, saves most calls: a direction word ends in t, h or n
            # before its spaces, and most names follow another word ("the Pacific"). c is "" at the start.
            c = text[start - 2:start - 1]
            if c in "tThHnN" or c.isspace():
                d = _direction_before(text, start)
        if d:  # "western Pacific", "northern Indian Ocean": the longer name when the gazetteer has it
            longer = _lookup(text[d.start():end], alias_to_id)
            if longer is not None:
                place_id, start = longer, d.start()
        if place_id is None:
            continue
        p = places[place_id]
        if d and start != d.start() and p.kind == "region" and \
                d.group().lower().rstrip().endswith("ern"):
            start = d.start()  # "Eastern Siberia", "southern Africa": the direction is part of the name as written
        if text[end + 1:end + 2] in _HEAD_INITIALS and text[end:end + 1].isspace() and \
                (head := _HEAD_AFTER.match(text, end)) and \
                not _HEAD_AT_END.search(text, start, end):
            end = head.end()  # "Shandong peninsula", "Miyako islands", "Pacific Oceans": the head word as written
            shared = shared or text[end - 1] == "s" and text[head.start() + 1].isupper()
        out.append(PlaceMention(start, end, text[start:end], p.place_id, p.name, p.kind, p.lat, p.lon))
    if shared:  # a capitalised plural head after a name: it may be shared ("the Black and Caspian Seas")
        out = _distributed(text, out, places, alias_to_id)
    return out


#: a head word after a place's name that belongs to it as written: " peninsula", " islands", " Oceans", an
#: administrative unit capitalised as a name's part (" Province", " Oblast", " Krai", " Region": "Primorsky Region")
#: (a plural head in lower case is a common noun after a list: "the Pacific and Arctic oceans"; a unit in lower case,
#: "region", "province", is part of a name only as the gazetteer lists it: "Trans-Baikal region")
_HEAD_AFTER = re.compile(r"\s+(?:[Pp]eninsula|[Ii]slands?|Oceans|Seas|Straits|Province|Oblast|Krai|Prefecture|"
                         r"Region)\b(?![\-])")
#: the first letters of those head words (a test before the pattern)
_HEAD_INITIALS = frozenset("PpIiOSKR")
#: a name that already ends with a head word: "Kamchatka Peninsula", "Caspian Sea"
_HEAD_AT_END = re.compile(r"(?:[Pp]eninsula|[Ii]slands?|[Oo]ceans?|[Ss]eas?|[Ss]traits?|[Rr]egion|[Kk]rai|[Oo]blast|"
                          r"[Pp]rovince|[Gg]ulf|[Bb]ay|[Cc]hannel)$")
#: the names that share a plural head: "Black and Caspian Seas", "Barents, Kara and Laptev Seas"
_SHARED_HEAD = re.compile(r"(?<![\w\-])((?:[A-Z][a-z]+(?:\s*,\s*|\s+and\s+))+)([A-Z][a-z]+)"
                          r"\s+(Seas|Oceans|Straits|Islands)$")
#: a plural head word
_HEAD_WORD = re.compile(r"(?<=\s)(?:Seas|Oceans|Straits|Islands)\b")
#: a name of such a list
_LIST_WORD = re.compile(r"[A-Z][a-z]+")


def _distributed(text: str, found: list[PlaceMention], places: dict[str, Place],
                 alias_to_id: dict[str, str]) -> list[PlaceMention]:
    """ "the Black and Caspian Seas": names that are no place alone share the plural head after them, each
    read as one place ("Black Sea", "Caspian Sea"; the surface is that name, the span its word; called when the last
    name is a place alone with the head after it, "Caspian Seas", see :func:`find_places`). A name that is a place by
    itself keeps its own reading ("the Arctic and the Pacific Oceans": "Arctic", "Pacific Oceans")."""
    out = list(found)
    for head in _HEAD_WORD.finditer(text):
        # (the names before each plural head, read in a window that ends at it: cheaper than a search of the text)
        m = _SHARED_HEAD.search(text, max(0, head.start() - 80), head.end())
        if m is None:
            continue
        singular = m.group(3)[:-1]
        words = [w for w in _LIST_WORD.finditer(text, m.start(1), m.end(2))]
        ids = [alias_to_id.get(f"{w.group().lower()} {singular.lower()}") for w in words]
        if None in ids or any(alias_to_id.get(w.group().lower()) for w in words[:-1]):
            continue
        out = [p for p in out if not (m.start() <= p.start < m.end())]
        for w, place_id in zip(words, ids):
            p = places[place_id]
            out.append(PlaceMention(w.start(), w.end() if w.end() < m.start(3) else m.end(), f"{w.group()} {singular}",
                                    p.place_id, p.name, p.kind, p.lat, p.lon))
        out.sort(key=lambda p: p.start)
    return out


#: (id -> Place, lower-cased alias -> id, the pattern's ``search``), set on the first call and kept for the life
#: of the process (all from the shipped gazetteer, which does not change): cheaper per sentence than
#: lru_cache calls.
_scanner: tuple[dict[str, Place], dict[str, str], Callable[..., re.Match[str] | None]] | None = None


def _load_scanner() -> tuple[dict[str, Place], dict[str, str], Callable[..., re.Match[str] | None]]:
    """Set :data:`_scanner` from the cached gazetteer tables and pattern, and return it."""
    global _scanner
    _scanner = (*_entries(), _pattern().search)
    return _scanner


def _direction_before(text: str, start: int) -> re.Match[str] | None:
    """The direction words ("western", "north-west") that end, with the spaces after them, at ``start``.
    Such a phrase ends in "t", "h" or "n" before its spaces, so any other letter there (the common
    case) rules one out without running :data:`_DIRECTION_BEFORE`."""
    lo = max(0, start - 16)
    j = start - 1
    while j >= lo and text[j].isspace():
        j -= 1
    if j == start - 1 or j < lo or text[j] not in "tThHnN":
        return None
    return _DIRECTION_BEFORE.search(text, lo, start)


def _lookup(surface: str, alias_to_id: dict[str, str]) -> str | None:
    key = surface.lower()
    hit = alias_to_id.get(key)  # an alias holds single spaces only, so a key found as written needs no collapsing
    if hit is not None:
        return hit
    key = re.sub(r"\s+", " ", key)
    hit = alias_to_id.get(key)
    if hit is None:  # separators differ from every alias ("Asia Pacific", "north west Pacific")
        unified = re.sub(r"[\s\-]+", "", key)
        hit = _unified().get(unified)
    return hit


@lru_cache(maxsize=1)
def _unified() -> dict[str, str]:
    return {re.sub(r"[\s\-]+", "", a): i for a, i in _entries()[1].items()}


def place(place_id: str) -> Place | None:
    """The gazetteer entry with this id, or None: ``place('sea-of-japan').lat == 40.0``."""
    return _entries()[0].get(place_id)


def gazetteer() -> pd.DataFrame:
    """The gazetteer as a table (id, name, aliases, kind, lat, lon) for the map.

    >>> g = gazetteer()
    >>> g.loc[g["id"] == "sea-of-japan", ["name", "aliases"]].values.tolist()
    [['Sea of Japan', 'East Sea;Japan Sea']]
    """
    with resources.files(__package__).joinpath("data/gazetteer.csv").open(encoding="utf-8") as f:
        frame = pd.read_csv(f, comment="#", dtype={"aliases": str}, keep_default_na=False)
    return frame.astype({"lat": float, "lon": float})
