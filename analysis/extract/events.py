"""Events: mentions of the same exercise or patrol merged across articles, with corroboration.

Two mentions are one event when

* they carry the same series name and year ("Vostok-2022" in two articles), or
* they are of the same kind, their domains agree (share one, or one has none), they share a
  place (by gazetteer id) and their year agrees, and neither their names nor their months differ
  (two air patrols over the Sea of Japan in May and in November are two events).

Within one article, a named mention with no place ("the eighth joint strategic air patrol") is the
same event as the article's unnamed mentions of that kind, domain and year that name a place, when
they make up one event ("a joint patrol near Alaska ... the eighth joint strategic air patrol").

Within one article, mentions of one series ("Vostok-2018", "Vostok 2018") are one event, and an unnamed
mention joins the one named event of its kind that fits it, else the one earlier unnamed event that does
(see :func:`_join_one_exercise`): one listing per exercise per article. The mentions of one event in one
article then agree on its status (see :func:`_agree_on_status`).

A mention flagged ``habitual`` ("have held joint drills in the Sea of Japan every year") describes a
practice, not one event, and stays an event of its own.

The year compared is the stated ``year`` or, failing that, ``year_inferred`` (the article's
year). Merging is transitive. An event's id is ``ev-`` plus a short hash of its first mention's
id (``article_id:start``), so it does not depend on the order the corpus was read in.

>>> import pandas as pd
>>> rows = pd.DataFrame({"article_id": ["a", "b", "c"], "start": [0, 5, 9], "end": [10, 20, 30],
...     "name": ["", "", ""], "kind": ["patrol"] * 3, "participants": ["CHN;RUS"] * 3,
...     "domains": ["air", "air", "naval"], "locations": ["Sea of Japan", "East Sea", "Baltic"],
...     "place_ids": ["sea-of-japan", "sea-of-japan", "baltic-sea"], "year": [2024, None, 2024],
...     "year_inferred": [2024, 2024, 2024], "month": [None] * 3, "status": ["conducted"] * 3})
>>> events_frame(rows)[["n_mentions", "n_articles", "mention_ids", "place_ids"]].values.tolist()
[[2, 2, 'a:0;b:5', 'sea-of-japan'], [1, 1, 'c:9', 'baltic-sea']]
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pandas as pd

__all__ = ["EVENT_COLUMNS", "STATUS_CUED", "events_frame", "assign_event_ids"]

#: The columns of :func:`events_frame` (lists are ``;``-joined). ``domain`` is the one domain, or
#: ``joint`` when there are several, for charts; ``places`` are the gazetteer names of ``place_ids``;
#: ``year`` is the year the texts state, ``year_inferred`` falls back on the reporting articles' year.
EVENT_COLUMNS = ["event_id", "name", "kind", "participants", "domains", "domain", "locations", "place_ids", "places",
                 "year", "year_inferred", "month", "status", "n_mentions", "n_articles", "mention_ids", "article_ids",
                 "first_article_id", "first_surface"]

_EVENT_DTYPES = {"year": "Int64", "year_inferred": "Int64", "month": "Int64", "n_mentions": "Int64", "n_articles": "Int64"}


def _values(frame: pd.DataFrame, column: str, default) -> list:
    """The values of ``column`` as a list (``default`` in every row if the frame has no such column): a list is
    read far faster than a Series, whose iteration over an Arrow-backed string column costs a call per value."""
    return frame[column].tolist() if column in frame.columns else [default] * len(frame)


def _split(value) -> list[str]:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return []
    return [x for x in str(value).split(";") if x]


def _item_sets(values: list) -> list[frozenset]:
    """Each value's ``;``-separated items (as :func:`_split` reads them) as a set, one shared set per distinct
    value: a corpus's mentions repeat a few dozen values, and a set for each of them cost about 200 bytes a
    row."""
    shared: dict = {}
    out = []
    for value in values:
        key = value if isinstance(value, str) else ";".join(_split(value))
        items = shared.get(key)
        if items is None:
            items = shared[key] = frozenset(_split(value))
        out.append(items)
    return out


def _int(value) -> int | None:
    try:
        return None if pd.isna(value) else int(value)
    except (TypeError, ValueError):
        return None


def _norm_name(name) -> str:
    return re.sub(r"[\s/\-]+", " ", str(name or "").lower()).strip() if isinstance(name, str) else ""


def _event_id(mention_id: str) -> str:
    return "ev-" + hashlib.sha1(mention_id.encode("utf-8")).hexdigest()[:10]


def _components(frame: pd.DataFrame) -> list[int]:
    """For each row, the index of the first row of its event (rows in frame order)."""
    n = len(frame)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    names = [_norm_name(v) for v in _values(frame, "name", "")]
    kinds = [str(v) for v in _values(frame, "kind", "")]
    domains = _item_sets(_values(frame, "domains", ""))
    places = _item_sets(_values(frame, "place_ids", ""))
    months = [_int(v) for v in _values(frame, "month", None)]
    years = []
    for y, yi in zip(_values(frame, "year", None), _values(frame, "year_inferred", None)):
        years.append(_int(y) if _int(y) is not None else _int(yi))

    habitual = ["habitual" in _split(v) for v in _values(frame, "flags", "")]
    by_name, by_place = defaultdict(list), defaultdict(list)
    for i in range(n):
        if years[i] is None or habitual[i]:
            continue
        if names[i]:
            by_name[(names[i], years[i])].append(i)
        for p in places[i]:
            by_place[(kinds[i], p, years[i])].append(i)
    for rows in by_name.values():
        for j in rows[1:]:
            union(rows[0], j)
    # Whether two mentions at one place may merge depends only on their (name, domains, month), so
    # rows with the same signature are merged among themselves, then one row per signature stands for
    # the rest: the same unions as comparing every pair of rows, without the quadratic cost.
    for rows in by_place.values():
        signatures: dict[tuple[str, frozenset, int | None], int] = {}
        for i in rows:
            key = (names[i], frozenset(domains[i]), months[i])
            if key in signatures:
                union(signatures[key], i)
            else:
                signatures[key] = i
        keys = list(signatures)
        # A mention that leaves a name, domain or month open joins one that states it only while the place
        # holds no two mentions that state it differently: else it would bridge two events into one.
        named = {k[0] for k in keys if k[0]}
        dated = {k[2] for k in keys if k[2] is not None}
        domain_sets = [k[1] for k in keys if k[1]]
        domains_split = any(not a & b for x, a in enumerate(domain_sets) for b in domain_sets[x + 1:])
        for a_i, (name_a, dom_a, month_a) in enumerate(keys):
            for name_b, dom_b, month_b in keys[a_i + 1:]:
                if (name_a and name_b and name_a != name_b) or (bool(name_a) != bool(name_b) and len(named) > 1):
                    continue
                if (dom_a and dom_b and not dom_a & dom_b) or (bool(dom_a) != bool(dom_b) and domains_split):
                    continue
                if (month_a is not None and month_b is not None and month_a != month_b) or \
                        ((month_a is None) != (month_b is None) and len(dated) > 1):
                    continue
                union(signatures[(name_a, dom_a, month_a)], signatures[(name_b, dom_b, month_b)])
    # within an article: a named mention with no place joins the one placed, unnamed event of its kind there,
    # unless that event already carries another name
    articles = [str(v) for v in _values(frame, "article_id", "")]
    names_of: dict[int, set[str]] = defaultdict(set)
    unnamed_in: dict[str, list[int]] = defaultdict(list)
    for j in range(n):
        if names[j]:
            names_of[find(j)].add(names[j])
        elif not habitual[j] and places[j]:
            unnamed_in[articles[j]].append(j)
    placeless = [i for i in range(n) if names[i] and not places[i] and years[i] is not None and not habitual[i]]
    names_here: dict[tuple, set[str]] = defaultdict(set)  # (article, kind, year) -> the names its placeless mentions give
    for i in placeless:
        names_here[(articles[i], kinds[i], years[i])].add(names[i])
    for i in placeless:
        if len(names_here[(articles[i], kinds[i], years[i])]) > 1:
            continue  # two named events and one placed mention: it could be either
        roots = {find(j) for j in unnamed_in.get(articles[i], ()) if kinds[j] == kinds[i] and years[j] == years[i]
                 and (not domains[i] or not domains[j] or domains[i] & domains[j])}
        if len(roots) == 1:
            root, own = roots.pop(), find(i)
            together = names_of[root] | names_of[own]
            if len(together) <= 1:
                union(own, root)
                names_of[find(own)] = together
    _join_within_articles(frame, find, union, names, kinds, domains, places, months, habitual, articles)
    return [find(i) for i in range(n)]


_DEFINITE = re.compile(r"(?i)(?:the|this|these|that|those|such)\s")  # "the drills", "these exercises"
_DEFINITE_BEFORE = re.compile(r"(?i)\b(?:the|this|these|that|those|this year['’]s|the latest)\s+$")  # "... the| joint drills"
_KIND_GROUP = {"patrol": "patrol", "exercise": "exercise", "drill": "exercise"}


def _join_within_articles(frame, find, union, names, kinds, domains, places, months, habitual, articles) -> None:
    """One event per exercise per article: a mention that does not name its exercise ("the drills", "the
    joint patrol", the headline's "war games") joins the one event of its kind the article names
    ("Vostok-2018"), and a mention that names neither exercise nor place joins the one other event of its
    kind in the article. Kinds compare as exercises (exercise, drill) or patrols; the stated years and
    the domains must not disagree. With two candidate events the mention stays on its own. Then the article's
    mentions of one series join (:func:`_join_same_names`) and its other unnamed mentions join the one event
    that fits them (:func:`_join_one_exercise`)."""
    n = len(names)
    stated = [_int(v) for v in _values(frame, "year", None)]
    by_article: dict[str, list[int]] = defaultdict(list)
    for i in range(n):
        if not habitual[i]:
            by_article[articles[i]].append(i)

    def fits(i: int, j: int) -> bool:
        if _KIND_GROUP.get(kinds[i], kinds[i]) != _KIND_GROUP.get(kinds[j], kinds[j]):
            return False
        if stated[i] is not None and stated[j] is not None and stated[i] != stated[j]:
            return False
        return not (domains[i] and domains[j] and not domains[i] & domains[j])

    flags = _item_sets(_values(frame, "flags", ""))
    sentences = _values(frame, "sentence", "")
    surfaces = _values(frame, "surface", "")

    def refers_back(i: int) -> bool:
        """A headline, or a definite reference ("the drills", "this year's patrol", "these exercises")."""
        if "in_title" in flags[i]:
            return True
        surface, sentence = str(surfaces[i] or ""), str(sentences[i] or "")
        if _DEFINITE.match(surface):
            return True
        at = sentence.find(surface) if surface else -1
        return at > 0 and bool(_DEFINITE_BEFORE.search(sentence, max(0, at - 24), at))

    everyone: dict[str, list[int]] = defaultdict(list)  # the article's rows, habitual ones too
    for i in range(n):
        everyone[articles[i]].append(i)
    current = [_int(v) for v in _values(frame, "year_inferred", None)]  # the stated year, else the article's
    statuses = [str(v) for v in _values(frame, "status", "")]
    for article, rows in by_article.items():
        _join_same_names(everyone[article], names, stated, find, union, current, statuses)
        if len(rows) < 2:
            continue
        named_roots = {find(j) for j in rows if names[j]}
        for i in rows:
            if names[i] or not refers_back(i):
                continue
            roots = {find(j) for j in rows if names[j] and fits(i, j)}
            if len(roots) == 1 and (len(named_roots) == 1 or not places[i]):
                union(i, roots.pop())
                continue
            if not places[i] and not named_roots:
                others = {find(j) for j in rows if find(j) != find(i) and fits(i, j)}
                if len(others) == 1:
                    union(i, others.pop())
        _join_one_exercise(rows, names, kinds, domains, places, stated, months, current, refers_back, find, union)


#: a year at the end of a normalised name: " 2018" in "vostok 2018"
_NAME_YEAR = re.compile(r"\s*(?:19|20)\d\d[a-d]?$")


def _join_same_names(rows: list[int], names, stated, find, union, current, statuses) -> None:
    """One article's mentions of one series are one exercise: "Vostok-2018" and "Vostok 2018" (same name), and
    "Mosi" with the one "Mosi-2019" the article names. Habitual mentions count ("Marine Security Belt drills are
    held annually" beside "the main phase of the drills, known as Marine Security Belt"). A bare series name
    with two dated editions in the article stays apart."""
    by_base: dict[str, list[int]] = defaultdict(list)
    for i in rows:
        if names[i]:
            by_base[_NAME_YEAR.sub("", names[i])].append(i)
    for same in by_base.values():
        if len(same) < 2:
            continue
        dated = defaultdict(list)
        for i in same:
            suffix = _NAME_YEAR.search(names[i])
            dated[int(suffix.group().strip()[:4]) if suffix else stated[i]].append(i)
        editions = [k for k in dated if k is not None]
        for group in dated.values():
            for j in group[1:]:
                union(group[0], j)
        if len(editions) == 1 and None in dated and not any(
                statuses[i] == "planned" and current[i] is not None and current[i] > editions[0] for i in dated[None]):
            # (not a bare name planned in a later year than the dated edition: "Cambodia and China will begin their
            # annual Golden Dragon exercise this week ... The exercises began in December 2016")
            union(dated[None][0], dated[editions[0]][0])


def _join_one_exercise(rows: list[int], names, kinds, domains, places, stated, months, current, refers_back, find,
                       union) -> None:
    """The rest of one article's unnamed mentions, in text order: each joins the one named event of its kind
    that fits it ("Russia and China launched their first-ever joint military exercises" in an article about
    "Peace Mission 2005"; "joint exercises at the Tsugol training range" in one about Vostok-2018), else, with no
    named event that fits, the one earlier unnamed event that does ("joint naval exercises" ... "a tripartite
    naval exercise at Richards Bay" ... "the drills"). An event fits when its kind (exercise or patrol) is the
    same and its stated years, months, domains and places (unless the mention is a definite reference back)
    do not disagree (places only between unnamed events: "war games on the Shandong peninsula" is the article's
    "Peace Mission 2005" held off the Yellow Sea). Of two named events, one mention that states no year joins the
    one of the article's year. Else, two candidates: the mention stays apart."""
    facts: dict[int, _Facts] = {}  # root -> what this article's mentions of the event state
    for j in rows:
        facts.setdefault(find(j), _Facts(first=j)).add(j, names, kinds, domains, places, stated, months)

    for i in rows:
        own = find(i)
        mine = facts[own]
        if names[i] or mine.named:
            continue
        definite = None
        named, earlier = [], []
        for root, theirs in facts.items():
            if root == own:
                continue
            if theirs.named:  # a named event's places may be more than its mentions name
                if mine.agrees(theirs, definite=True):
                    named.append(root)
            elif theirs.first < i:
                if definite is None:
                    definite = refers_back(i)
                if mine.agrees(theirs, definite):
                    earlier.append(root)
        if len(named) > 1 and stated[i] is None and current[i] is not None:
            # two named exercises: a mention that states no year tells of this year's ("the drills" in an article on
            # Vostok-2022 that recalls Zapad-2021)
            named = [r for r in named if facts[r].years == {current[i]}]
        target = named[0] if len(named) == 1 else (earlier[0] if not named and len(earlier) == 1 else None)
        if target is not None:
            theirs = facts.pop(target)
            del facts[own]
            union(own, target)
            facts[find(own)] = mine.merged(theirs)


@dataclass
class _Facts:
    """What one article's mentions of an event state (see :func:`_join_one_exercise`)."""

    first: int  # its first row
    years: set = field(default_factory=set)
    months: set = field(default_factory=set)
    domains: set = field(default_factory=set)
    places: set = field(default_factory=set)
    kinds: set = field(default_factory=set)  # exercise or patrol
    named: bool = False

    def add(self, j: int, names, kinds, domains, places, stated, months) -> None:
        """Add row ``j``'s stated year, month, domains, places, name and kind."""
        if stated[j] is not None:
            self.years.add(stated[j])
        if months[j] is not None:
            self.months.add(months[j])
        self.domains |= domains[j]
        self.places |= places[j]
        self.named = self.named or bool(names[j])
        self.kinds.add(_KIND_GROUP.get(kinds[j], kinds[j]))
        self.first = min(self.first, j)

    def agrees(self, other: "_Facts", definite: bool) -> bool:
        """Same kind, and no stated year, month, domain or (unless ``definite``) place disagrees."""
        def apart(a: set, b: set) -> bool:
            return bool(a and b and not a & b)

        if self.kinds != other.kinds or apart(self.years, other.years) or apart(self.months, other.months):
            return False
        if apart(self.domains, other.domains):
            return False
        return definite or not apart(self.places, other.places)

    def merged(self, other: "_Facts") -> "_Facts":
        return _Facts(min(self.first, other.first), self.years | other.years, self.months | other.months,
                      self.domains | other.domains, self.places | other.places, self.kinds | other.kinds,
                      self.named or other.named)


def _ordered(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` sorted by article_id, start, end (stable), with a fresh index. A frame already in that order
    (as the pipeline and :func:`~analysis.extract.exercises.mentions_frame` pass it) is not sorted again: a
    stable sort would give the same rows, after copying every column."""
    keys = [c for c in ("article_id", "start", "end") if c in frame.columns]
    if keys and not _in_order(frame, keys):
        frame = frame.sort_values(keys, kind="stable")
    return frame.reset_index(drop=True)


def _in_order(frame: pd.DataFrame, keys: list[str]) -> bool:
    """Whether the rows of ``frame`` already stand in the order of ``keys`` (no key missing, each row's keys
    no greater than the next row's); anything else (a missing key, values that do not compare) is False."""
    if frame[keys].isna().to_numpy().any():
        return False
    rows = list(zip(*(frame[k].tolist() for k in keys)))
    try:
        return all(a <= b for a, b in zip(rows, rows[1:]))
    except TypeError:
        return False


#: a column the extractor may pass along (not one of the table's): whether a verb gave the mention's status
STATUS_CUED = "_status_cued"


def _agree_on_status(frame: pd.DataFrame, roots: list[int]) -> None:
    """One exercise, one status per article: when a mention of it says it is still to come ("will begin on
    Tuesday", "will be held") and none says it began or was held, those that only default to conducted ("warships
    arrived on Monday for annual naval drills") or tell of the practice ("the drills are held annually") are
    planned too. Needs the extractor's :data:`STATUS_CUED` column; without it, nothing changes."""
    if STATUS_CUED not in frame.columns or not len(frame):
        return
    cued = frame[STATUS_CUED].tolist()
    status = frame["status"].tolist()
    habitual = ["habitual" in _split(v) for v in _values(frame, "flags", "")]
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i, (article, root) in enumerate(zip(frame["article_id"].tolist(), roots)):
        groups[(article, root)].append(i)
    to_plan = []
    for rows in groups.values():
        told = [i for i in rows if cued[i] and not habitual[i]]
        if any(status[i] == "planned" for i in told) and not any(status[i] == "conducted" for i in told):
            to_plan += [i for i in rows if status[i] != "planned"]
    if to_plan:
        frame.loc[to_plan, "status"] = "planned"
        if "cameo" in frame.columns:
            frame.loc[to_plan, "cameo"] = "0312"


def assign_event_ids(exercises: pd.DataFrame) -> pd.DataFrame:
    """A copy of the exercises table (sorted by article_id, start, end) with ``event_id`` filled in."""
    frame = _ordered(exercises)  # a new frame: what is set below leaves ``exercises`` as it was
    roots = _components(frame)
    _agree_on_status(frame, roots)
    mention_ids = [f"{a}:{int(s)}" for a, s in zip(frame["article_id"].tolist(), frame["start"].tolist())] if len(frame) else []
    ids = [_event_id(mention_ids[r]) for r in roots]
    frame["event_id"] = pd.Series(ids, index=frame.index, dtype=object)
    return frame


def _most_common(values: list):
    values = [v for v in values if v not in (None, "") and not (isinstance(v, float) and pd.isna(v))]
    if not values:
        return None
    counts = Counter(values)
    return max(counts, key=lambda v: (counts[v], -values.index(v)))


def _union(lists: list[list[str]]) -> list[str]:
    return list(dict.fromkeys(x for xs in lists for x in xs))


def events_frame(exercises: pd.DataFrame) -> pd.DataFrame:
    """One row per event (:data:`EVENT_COLUMNS`), in the order of each event's first mention.

    ``n_articles`` is the corroboration: how many distinct articles report the event;
    ``mention_ids`` lists ``article_id:start`` of every mention. Mentions that already carry an
    ``event_id`` (as :func:`~analysis.extract.exercises.exercises_frame` gives them) keep it, so a
    filtered subset of the mentions groups as the whole corpus did.
    """
    from analysis.extract.places import place

    if exercises is None or len(exercises) == 0:
        return pd.DataFrame(columns=EVENT_COLUMNS).astype(_EVENT_DTYPES)
    have_ids = "event_id" in exercises.columns and exercises["event_id"].fillna("").astype(str).str.len().gt(0).all()
    frame = _ordered(exercises) if have_ids else assign_event_ids(exercises)
    # each column read once, as a list: a row as a dict (or a Series read value by value) costs far more, and the
    # sentences, which nothing here reads, are never copied out
    column = {c: _values(frame, c, None) for c in ("surface", "name", "kind", "participants", "domains", "locations",
                                                 "place_ids", "year", "year_inferred", "month", "status")}
    event_ids, article_ids, starts = (frame[c].tolist() for c in ("event_id", "article_id", "start"))
    groups: dict[str, list[int]] = {}
    for i, event_id in enumerate(event_ids):
        groups.setdefault(event_id, []).append(i)
    out = []
    for event_id, rows in groups.items():
        def of(name: str, rows: list[int] = rows) -> list:
            values = column[name]
            return [values[i] for i in rows]

        names = of("name")
        named_with_year = [n for n in names if isinstance(n, str) and re.search(r"\d", n)]
        place_ids = _union([_split(v) for v in of("place_ids")])
        locations, seen = [], set()
        for located, placed in zip(of("locations"), of("place_ids")):
            for loc, pid in zip(_split(located), _split(placed)):
                if pid not in seen:
                    seen.add(pid)
                    locations.append(loc)
        domains = sorted(set(_union([_split(v) for v in of("domains")])))
        statuses = set(of("status"))
        articles = list(dict.fromkeys(article_ids[i] for i in rows))
        years = [_int(v) for v in of("year")]
        out.append({
            "event_id": event_id,
            "name": _most_common(named_with_year) or _most_common(names) or "",
            "kind": _most_common(of("kind")) or "",
            "participants": ";".join(sorted(set(_union([_split(v) for v in of("participants")])))),
            "domains": ";".join(domains),
            "domain": domains[0] if len(domains) == 1 else ("joint" if domains else ""),
            "locations": ";".join(locations),
            "place_ids": ";".join(place_ids),
            "places": ";".join(p.name for p in map(place, place_ids) if p is not None),
            "year": _most_common(years),
            "year_inferred": _most_common(years) or _most_common([_int(v) for v in of("year_inferred")]),
            "month": _most_common([_int(v) for v in of("month")]),
            "status": "conducted" if "conducted" in statuses else "planned",
            "n_mentions": len(rows),
            "n_articles": len(articles),
            "mention_ids": ";".join(f"{article_ids[i]}:{int(starts[i])}" for i in rows),
            "article_ids": ";".join(articles),
            "first_article_id": articles[0],
            "first_surface": str(column["surface"][rows[0]] or ""),
        })
    return pd.DataFrame(out, columns=EVENT_COLUMNS).astype(_EVENT_DTYPES)
