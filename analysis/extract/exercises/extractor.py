"""The reading wired together: :func:`extract_exercises` runs the stages over the sentences of an article and
makes each mention kept an :class:`ExerciseMention`; :func:`exercises_frame` and :func:`mentions_frame` tabulate
them. :class:`_ArticleContext` holds what a mention may borrow from the rest of its article."""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterable

import pandas as pd

from analysis.extract.exercises._vocab import _Rules, _rules, _Text, _country_list, _family, _may_hold_year
from analysis.extract.exercises.domains import _assets, _domain_words, _domains_and_assets, _went_on
from analysis.extract.exercises.joint import _joint
from analysis.extract.exercises.locations import (_FRONTED, _countries_as_places, _host_names, _mention_places, _place_names, _sentence_facts,
                                                  _unlisted_places)
from analysis.extract.exercises.mentions import (_Cand, _candidates, _clause, _cues, _generic_or_repeated,
                                                 _names)
from analysis.extract.exercises.participants import _PLACE_USE_AFTER, _named_pairs, _participants, _place_use
from analysis.extract.exercises.references import _fold, _taking_part_later
from analysis.extract.exercises.timing import (_LEAD_YEAR, _first_month, _first_year, _habitual, _set_status,
                                               _status, _when)

#: The columns of :func:`exercises_frame`, in order (lists are ``;``-joined).
EXERCISE_COLUMNS = ["article_id", "start", "end", "surface", "sentence", "name", "kind", "participants", "domains",
                    "locations", "place_ids", "assets", "year", "month", "status", "cameo", "event_id", "flags",
                    "year_inferred"]

#: CAMEO event codes: 062 "cooperate militarily", 0312 "express intent to cooperate militarily".
CAMEO = {"conducted": "062", "planned": "0312"}


@dataclass(frozen=True)
class ExerciseMention:
    """One mention of an exercise, drill or patrol; ``article.text[start:end] == surface``.

    ``year`` and ``month`` are only what the text states (or the series suffix gives; a
    relative "last/next month" is read against the article's date); ``year_inferred`` falls back
    on the article's date. ``flags``: ``in_caption``, ``in_title``, ``in_quote``,
    ``participants_from_context`` (the text said "the two countries" or "joint" and the countries
    came from the article), ``year_from_lead`` (the year the article's first sentences set, for an
    event told in the simple past), ``month_from_relative``, ``habitual`` (a practice, "every year",
    "regularly": not merged into an event with others).
    """

    article_id: str
    start: int
    end: int
    surface: str
    sentence: str
    name: str
    kind: str  # exercise | patrol | drill
    participants: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    place_ids: tuple[str, ...] = ()
    assets: tuple[str, ...] = ()
    year: int | None = None
    month: int | None = None
    status: str = "conducted"  # conducted | planned
    cameo: str = "062"
    flags: tuple[str, ...] = ()
    year_inferred: int | None = None
    status_cued: bool = False  # a verb gave the status ("will begin"); not a column: events.py reads it, then drops it

    @property
    def mention_id(self) -> str:
        return f"{self.article_id}:{self.start}"

    def as_row(self) -> dict:
        """The mention as a row of :func:`exercises_frame` (lists ``;``-joined, no event id yet)."""
        row = {c: getattr(self, c, None) for c in EXERCISE_COLUMNS if c != "event_id"}
        for c in ("participants", "domains", "locations", "place_ids", "assets", "flags"):
            row[c] = ";".join(row[c])
        row["event_id"] = ""
        return row


class _ArticleContext:
    """What a mention may borrow from the rest of its article, computed only when needed."""

    def __init__(self, article, sentences, hit_index):
        self.article = article
        self.sentences = sentences
        self.hit_index = hit_index
        self._pair = None
        self._lead_year = False
        self.facts: dict[int, tuple] = {}  # sentence index -> (places, countries), shared with the sentence pass
        self.texts: dict[int, _Text] = {}
        self.all_places: dict[int, list] = {}  # sentence index -> its places, unlisted ones too (see places_of)
        # (family, sentence, start, end, places) of references back, see references._fold
        self.references: list[tuple[str, int, int, int, list]] = []

    def sentence_facts(self, idx: int):
        facts = self.facts.get(idx)
        if facts is None:
            facts = self.facts[idx] = _sentence_facts(self.sentences[idx].text, _rules())
        return facts

    def places_of(self, idx: int) -> list:
        """Sentence ``idx``'s places for its mentions: the gazetteer's and those it does not know (see
        :func:`~analysis.extract.exercises.locations._unlisted_places`; read only for a sentence with a mention,
        not for every sentence whose countries are counted)."""
        if idx not in self.all_places:
            places, countries = self.sentence_facts(idx)
            text = self.text_of(idx)
            more = _unlisted_places(text, places, countries, _rules())
            if countries and "off" in text:
                more += _countries_as_places(text, countries)
            self.all_places[idx] = sorted(places + more, key=lambda p: p.start) if more else places
        return self.all_places[idx]

    def text_of(self, idx: int) -> _Text:
        """Sentence ``idx``'s text as a :class:`_Text`, made once."""
        text = self.texts.get(idx)
        if text is None:
            text = self.texts[idx] = _Text(self.sentences[idx].text)
        return text

    def top_countries(self) -> list[str]:
        """The pair of countries the article's title and exercise sentences most often name together
        ("Chinese and Russian bombers", "Russia-China"): the countries named most may be those that watched
        (Japan, scrambling jets). With no such pair, the two countries those sentences and the ones just
        before them name most, leaving out countries named as places ("near Japan")."""
        if self._pair is None:
            hits = {i for i, hit in enumerate(self.hit_index) if hit}
            wanted = hits | {i for i, s in enumerate(self.sentences) if s.zone == "title"}
            pairs: Counter = Counter()
            for i in wanted:
                self._pairs_in(i, pairs)
            if not pairs:
                wanted |= {i - 1 for i in hits if i > 0}
                for i in wanted - hits:
                    self._pairs_in(i, pairs)
            counts, first = self._counts(wanted, places_out=not pairs)
            ranked = [code for code, _ in sorted(counts.items(), key=lambda kv: (-kv[1], first[kv[0]]))]
            if pairs:
                best = max(pairs.values())
                pair = min((p for p, n in pairs.items() if n == best), key=lambda p: min(first[x] for x in p))
                ranked = [code for code in ranked if code in pair]
            self._pair = ranked[:2]
        return self._pair

    def _pairs_in(self, i: int, pairs: Counter) -> None:
        """Add the pairs of countries sentence ``i`` names together (see :func:`_named_pairs`) to ``pairs``."""
        found = self.sentence_facts(i)[1]
        if len(found) > 1:
            sent = self.sentences[i]
            for pair in _named_pairs(sent.text, found, sent.zone == "title"):
                pairs[pair] += 1

    def _counts(self, indices: set[int], places_out: bool) -> tuple[Counter, dict]:
        """How often sentences ``indices`` name each country, and where each is first named; with
        ``places_out``, not counting a country named as a place ("near Japan", "the Polish border")."""
        counts: Counter = Counter()
        first: dict = {}
        for i in sorted(indices):
            sent = self.sentences[i]
            for c in self.sentence_facts(i)[1]:
                if places_out and (_place_use(sent.text, c.start) or _PLACE_USE_AFTER.match(sent.text, c.end)):
                    continue
                counts[c.alpha3] += 1
                first.setdefault(c.alpha3, sent.start + c.start)
        return counts, first

    def lead_year(self) -> int | None:
        if self._lead_year is False:
            self._lead_year = None
            body = [s for s in self.sentences if s.zone == "body"][:2]
            for s in body:
                m = _LEAD_YEAR.search(s.text) if _may_hold_year(s.text, 0, len(s.text)) else None
                if m:
                    self._lead_year = int(m.group(1))
                    break
        return self._lead_year


def _in_quote(text: str, pos: int) -> bool:
    para = text.rfind("\n", 0, pos) + 1
    chunk = text[para:pos]
    return chunk.count("“") > chunk.count("”") or chunk.count('"') % 2 == 1


def extract_exercises(article) -> list[ExerciseMention]:
    """Every mention of a joint exercise, drill or patrol in an :class:`~analysis.corpus.model.Article`.

    Pure: reads ``article.text``, ``article.sentences`` and ``article.published`` only.

    >>> from analysis.corpus import article_from_text
    >>> a = article_from_text("China and Russia\\n\\nThe two navies will hold drills next month. "
    ...                       "Vostok-2022 began on Thursday.")
    >>> [(m.surface, m.name, m.kind, m.participants, m.status, m.cameo, m.year) for m in extract_exercises(a)]
    [('drills', '', 'drill', ('CHN', 'RUS'), 'planned', '0312', None), ('Vostok-2022', 'Vostok-2022', 'exercise', ('RUS',), 'conducted', '062', 2022)]
    """
    rules = _rules()
    text = article.text
    hits = rules.prefilter.hits(text)
    if not hits:
        return []
    sentences = article.content_sentences()
    hit_index = _hit_index(hits, sentences)
    ctx = _ArticleContext(article, sentences, hit_index)
    out: list[ExerciseMention] = []
    families_seen: set[str] = set()
    published = getattr(article, "published", None)
    for idx, sent in enumerate(sentences):
        if not hit_index[idx]:
            continue
        follow = []
        for j in range(idx + 1, min(idx + 3, len(sentences))):
            nxt, prev = sentences[j], sentences[j - 1]
            if hit_index[j] or nxt.zone != sent.zone:
                break
            follow.append(nxt)
        for m in _sentence_mentions(article, idx, sent, rules, ctx, families_seen, follow, published):
            out.append(m)
        if ctx.references:
            _fold(out, ctx, rules)
    if out:
        first = bisect.bisect_right([s.start for s in sentences], out[0].start) - 1
        _taking_part_later(out, ctx, rules, max(first, 0))
    return out


def _hit_index(hits: list[int], sentences) -> list[bool]:
    """For each sentence, whether one of ``hits`` (sorted offsets) lies in it. Sentences in order that do not
    overlap (as the splitter makes them) are looked up once per hit, there being far fewer hits than sentences;
    any others once per sentence."""
    starts = [s.start for s in sentences]
    if all(a.end <= b for a, b in zip(sentences, starts[1:])):
        out = [False] * len(sentences)
        for h in hits:
            j = bisect.bisect_right(starts, h) - 1
            if j >= 0 and h < sentences[j].end:
                out[j] = True
        return out
    return [(i := bisect.bisect_left(hits, s.start)) < len(hits) and hits[i] < s.end for s in sentences]


#: the kinds of place an exercise held in is at sea (a patrol over them may be flown: no domain from its place)
_SEA_KINDS = frozenset(("sea", "strait"))
#: the start of a sentence that goes on telling of the exercise before it: "In addition, ", "As part of the drills, "
_GOES_ON = re.compile(r"\s*(?:In\s+addition|Additionally|As\s+part\s+of\s+(?:the|these|this)\s+\w+)\s*,", re.IGNORECASE)


def _sentence_mentions(article, idx: int, sent, rules: _Rules, ctx: _ArticleContext, families_seen: set, follow,
                       published):
    """The mentions in sentence ``idx`` (``follow``: the sentences after it that may continue its last one).
    Places and countries are only looked for once the sentence has an exercise word or a series name."""
    t = ctx.text_of(idx)
    cues = _cues(t, rules)
    numbered = list(rules.numbered.finditer(t)) if "atrol" in t or "ATROL" in t else []
    series = list(rules.series.finditer(t))
    if not (cues or numbered or series):
        return []  # no exercise word, no series name: nothing to find, whatever the places and countries
    names = _names(t, rules, lambda: ctx.sentence_facts(idx)[0], [(a, b) for a, b, _ in cues], numbered, series)
    if not (cues or names):
        return []  # only words that read as a name here ("the West"): no mention
    countries = ctx.sentence_facts(idx)[1]
    places = ctx.places_of(idx)

    if sent.zone == "caption":
        return _caption_mention(article, sent, t, rules, places, countries, cues, names, ctx, published)

    country_at = {x.start: x for x in countries}
    cands, last = _candidates(t, rules, cues, names, places, countries, country_at)

    out = []
    prev: _Cand | None = None
    prev_mention: ExerciseMention | None = None
    for i, c in enumerate(cands):
        nxt = cands[i + 1].start if i + 1 < len(cands) else len(t)
        ctx_start, own_lo, prev_end, clause_lo, right_hi = _clause(t, c, prev, nxt, rules)
        # (the status first: a mention dropped below still lends its status to the next one)
        _set_status(t, c, prev, own_lo, right_hi, rules, published)
        prev = c
        # (the last mention's places may be past the exercise words in apposition to it)
        mention_places = _mention_places(t, c, places, own_lo, ctx_start, prev_end, right_hi,
                                         len(t) if i == last else nxt)

        # keep or drop (before the joint tests below, which cost more: a generic or repeated mention is dropped
        # whatever they find)
        dropped = _generic_or_repeated(t, c, mention_places, clause_lo, families_seen, rules)
        family = _family(c.kind)
        if dropped:
            if dropped == "reference":
                # (its places: those its clause places it in, see references._own_places; none for one in a phrase
                # fronted before another subject, "Along with the joint patrol, a Russian A-50 flew over X")
                fronted = _FRONTED.search(t, max(0, c.start - 120), c.start)
                ctx.references.append((family, idx, c.start, c.end, [] if fronted else places))
            continue
        joint = _joint(t, c, ctx_start, clause_lo, nxt, countries, country_at, rules)
        if joint is None:
            if c.series is None and family in families_seen and (c.definite or _GOES_ON.match(t)):
                # "The exercises will be held in the Southern Military District", "In addition, drills of the
                # Black Sea Fleet will be held in the Black and Caspian Seas": the exercise told of before
                ctx.references.append((family, idx, c.start, c.end, mention_places))
            continue
        families_seen.add(family)  # (a mention dropped above does not count)

        flags: list[str] = []
        found = _participants(t, c, ctx_start, clause_lo, nxt, joint, countries, country_at, rules, ctx, sent,
                              prev_mention, follow if i == last else (), idx, flags)
        if found is None:
            continue
        codes, contributing = found
        went_on = _went_on(article, ctx, idx, follow, contributing, codes) if i == last else ()
        hold_here = joint[0]
        domains, assets = _domains_and_assets(t, c, own_lo, clause_lo, ctx_start, nxt, hold_here, rules, places, ctx,
                                              went_on)
        locations, place_ids = _place_names(mention_places, went_on, ctx)
        if domains != {"air"} and c.series is not None and c.kind != "patrol" and \
                any(p.kind in _SEA_KINDS for p in mention_places):
            # "the Vostok 2018 maneuvers span ... the Arctic and the Pacific Oceans": a named exercise held at sea
            # (not an unnamed one: its domain would keep it from joining the named exercise it is part of; not one
            # of aircraft alone, which fly over the sea)
            domains.add("naval")
        if countries and (countries[-1].start >= c.end or "ost" in t[max(0, c.start - 30):c.start]):
            # (a host is named after the mention, or is the subject of a hosting verb just before it)
            known = {x.lower() for x in locations}
            locations += [x for x in _host_names(t, c, mention_places, country_at) if x.lower() not in known]
        year, month, year_inferred = _when(t, c, own_lo, clause_lo, right_hi, ctx, article, published, flags)
        if sent.zone == "title":
            flags.append("in_title")
        if _habitual(t, c, own_lo, clause_lo, right_hi, prev_mention, sent.start, rules):
            flags.append("habitual")  # "have held joint drills every year since 2021": a practice, not one event
        if _in_quote(article.text, sent.start + c.start):
            flags.append("in_quote")

        start, end = sent.start + c.start, sent.start + c.end
        mention = ExerciseMention(
            article_id=article.article_id, start=start, end=end, surface=article.text[start:end],
            sentence=sent.text, name=_dated_name(c, year, flags), kind=c.kind, participants=tuple(sorted(codes)),
            domains=tuple(sorted(domains)), locations=tuple(locations), place_ids=tuple(place_ids),
            assets=tuple(assets), year=year, month=month, status=c.status, cameo=CAMEO[c.status],
            flags=tuple(flags), year_inferred=year_inferred, status_cued=c.status_cued)
        prev_mention = mention
        out.append(mention)
    return _parts_folded(out, t, sent.start) if len(out) > 1 else out


#: just before a mention, words that make the mention before it a part of it: "as part of the ", "during a ", "in the
#: course of"
_PART_OF_NEXT = re.compile(r"\b(?:as\s+(?:a\s+)?part\s+of|during|in\s+the\s+course\s+of)\s+(?:the\s+|a\s+|an\s+|its\s+|"
                           r"their\s+)?[‘'\"“]?$", re.IGNORECASE)


def _parts_folded(found: list[ExerciseMention], t: _Text, offset: int) -> list[ExerciseMention]:
    """A sentence's mentions (``found``, in order; ``offset``: where the sentence starts) with each one that is
    part of the next ("staged firing exercises as part of air defense drills during a joint patrol in the Pacific",
    "a naval exercise ... kicked off off Karachi as part of Aman-17") folded into the last of its chain: the parts'
    places come first, their participants and assets join; their year stands in when the whole gives none, and so
    do their domains, those of their assets first (a part's words name a kind of training, "air defense drills" of
    warships, not the arms of the whole). One event is then told once, as the text names it last."""
    chains: list[list[ExerciseMention]] = [[found[0]]]
    for m in found[1:]:
        prev = chains[-1][-1]
        lo, hi = prev.end - offset, m.start - offset
        if not prev.name and _PART_OF_NEXT.search(t, max(lo, hi - 40), hi) and not _SENTENCE_STOP.search(t, lo, hi):
            chains[-1].append(m)  # (a named part is an exercise of its own: "the X-2024 drills as part of Y-2024")
        else:
            chains.append([m])
    if len(chains) == len(found):
        return found
    asset_domain = {asset: domain for asset, domain, _ in _rules().asset_of.values()}
    out = []
    for chain in chains:
        whole, parts = chain[-1], chain[:-1]
        if parts:
            everyone = parts + [whole]
            part_assets = [a for m in parts for a in m.assets]
            domains = whole.domains or tuple(sorted({asset_domain[a] for a in part_assets if a in asset_domain})) or \
                tuple(sorted({d for m in parts for d in m.domains}))
            whole = replace(whole, participants=tuple(sorted({c for m in everyone for c in m.participants})),
                            domains=domains,
                            locations=tuple(dict.fromkeys(x for m in everyone for x in m.locations)),
                            place_ids=tuple(dict.fromkeys(x for m in everyone for x in m.place_ids)),
                            assets=tuple(dict.fromkeys(x for m in everyone for x in m.assets)),
                            year=next((m.year for m in reversed(everyone) if m.year is not None), None))
        out.append(whole)
    return out


#: a stop between two mentions: they are in separate clauses of their own
_SENTENCE_STOP = re.compile(r"[.;:!?]")


def _dated_name(c: _Cand, year: int | None, flags: list[str]) -> str:
    """A series name the text gives without its year takes the year its clause states ("the joint naval exercise
    code-named Mosi ... On November 28, 2019": "Mosi-2019"), as the official name says it; not a year the
    article's lead sets for another sentence, nor a numbered edition ("Joint Strategic Air Patrol-9")."""
    if c.series is None or not c.name or year is None or c.name_year is not None or c.edition is not None or \
            "year_from_lead" in flags or _NAME_SUFFIX.search(c.name):
        return c.name
    return f"{c.name}-{year}"


#: a suffix a name already has: "-2019", "-II", "-9"
_NAME_SUFFIX = re.compile(r"-(?:\d+[A-D]?|[IVX]+)$")


def _caption_mention(article, sent, t: _Text, rules: _Rules, places, countries, cues, names, ctx, published):
    """A caption line that names an exercise is one mention spanning the line (flagged ``in_caption``);
    ``t``: the line's text as a :class:`_Text`."""
    codes = sorted({c.alpha3 for c in countries})
    if not names and not (cues and len(codes) >= 2):
        return []
    n = names[0] if names else None
    kind = cues[0][2] if cues else n.kind
    if n is not None:
        kind = n.series.kind  # as in the body: a named event has its series' kind, whatever word the caption uses
    if n is not None:
        codes = sorted(set(codes) | set(n.series.participants))
    lead = len(t) - len(t.lstrip())
    start, end = sent.start + lead, sent.start + len(t.rstrip())
    st = _status(t, 0, len(t), rules)
    status = st[0] if st else "conducted"
    asset_hits = _assets(t, 0, len(t), rules)
    domains = _domain_words(t, 0, len(t), rules, places) | {d for _, d, _ in asset_hits}
    if not domains and n is not None:
        domains = set(n.series.domains)
    year = (n.name_year if n else None) or _first_year(t, 0, len(t), 0)
    return [ExerciseMention(
        article_id=article.article_id, start=start, end=end, surface=article.text[start:end], sentence=sent.text,
        name=n.name if n else "", kind=kind, participants=tuple(codes), domains=tuple(sorted(domains)),
        locations=tuple(p.surface for p in places), place_ids=tuple(dict.fromkeys(p.place_id for p in places if p.place_id)),
        assets=tuple(dict.fromkeys(a for a, _, _ in asset_hits)), year=year, month=_first_month(t, 0, len(t), 0),
        status=status, cameo=CAMEO[status], flags=("in_caption",), status_cued=st is not None,
        year_inferred=year or (published.year if published else None))]


def exercises_frame(articles: Iterable) -> pd.DataFrame:
    """All mentions in ``articles`` as a table (:data:`EXERCISE_COLUMNS`), sorted by article_id, start,
    end, each with the ``event_id`` of the event it is merged into (see :mod:`analysis.extract.events`).

    >>> from analysis.corpus import article_from_text
    >>> a = article_from_text("Russia and China held joint naval drills in the Sea of Japan.", article_id="a1")
    >>> exercises_frame([a])[["surface", "participants", "locations", "status", "cameo"]].values.tolist()
    [['joint naval drills in the Sea of Japan', 'CHN;RUS', 'Sea of Japan', 'conducted', '062']]
    """
    return mentions_frame(m for a in articles for m in extract_exercises(a))


def mentions_frame(mentions: Iterable[ExerciseMention]) -> pd.DataFrame:
    """Mentions already extracted, as the table :func:`exercises_frame` gives (event ids assigned)."""
    from analysis.extract.events import STATUS_CUED, assign_event_ids

    rows, cued = [], []
    for m in mentions:
        rows.append(m.as_row())
        cued.append(m.status_cued)
    frame = pd.DataFrame(rows, columns=EXERCISE_COLUMNS)
    frame = frame.astype({"year": "Int64", "month": "Int64", "year_inferred": "Int64", "start": int, "end": int})
    frame[STATUS_CUED] = pd.Series(cued, index=frame.index, dtype=bool)
    frame = frame.sort_values(["article_id", "start", "end"], kind="stable").reset_index(drop=True)
    return assign_event_ids(frame).drop(columns=[STATUS_CUED])
