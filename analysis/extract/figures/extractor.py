"""The figure extractor: sentences in, :class:`Figure` records out, stage by stage (numbers ->
grouping -> attribution)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from types import SimpleNamespace

from analysis.extract import _money
from analysis.extract._numbers import terms
from analysis.extract.countries import CountryTuple
from analysis.extract.figures.tables import table_figures
from analysis.extract.figures._common import _beyond_ascii, _lower, _mentions
from analysis.extract.figures.attribution import (
    _UNSET, _classify_pct, _deal_roles, _deal_told_before, _default_actor, _fallback_actor, _money_metric,
    _qualifier, _year, attribution_patterns)
from analysis.extract.figures.homes import _dateline_country, _home_currency
from analysis.extract.figures.lists import (
    _BOTH, _COUNT_LIST_GAP, _coordinated_after_from, _coordinated_before, _counts_before_their_noun, _elliptic_counts,
    _from_many_countries, _like_the_list_before, _list_shares_from, _list_year)
from analysis.extract.figures.grouping import _group, _kind, _respectively, grouping_patterns
from analysis.extract.figures.model import Figure, tidy
from analysis.extract.figures.numbers import (
    _Piece, _digit_pieces, _japan, _number_sentences, _word_pieces, _word_starts, number_patterns)


def _carry_currency(pieces: list[_Piece], text: str, index: int, state: "_State") -> None:
    """A scaled number with no currency after an amount of the sentence, or of the sentence just before,
    takes its currency ("38 trillion roubles, of which 12 trillion on defence"; "... 532.1 billion yuan.
    That compares to 480.7 billion spent in 2009"), when what follows it is no counted noun ("2 billion
    barrels"); one with no amount before it stays a bare number."""
    last = state.money if state.money and index - state.money[2] <= 1 else None
    for p in pieces:
        if p.code:
            last = (p.code, p.factor, index)
        elif last is not None and p.scale is not None and not p.pct and p.noun is None and not p.words and \
                _MONEY_NEXT.match(text, p.end):
            p.code, p.factor = last[0], last[1]
            p.flags.append("shared_currency")
    state.money = last


#: before an amount: it is the level that came before ("That's up from", "compared with", "from ... in 2022")
_UP_FROM = re.compile(r"(?i)\b(?:up|down|rising|falling|risen|fallen|increased|decreased)\s+from\s+(?:about\s+|around\s+)?$"
                      r"|\bcompared\s+(?:with|to)\s+(?:about\s+|around\s+)?$")
#: a cheap test before lost_before: a sentence without these words tells of no losses
_LOST_WORDS = re.compile(r"los[ts]|losing|destroyed|downed|shot down")
#: after "supply": a kind of ship or route, not a sale ("two supply ships")
_SUPPLY_NOUN = re.compile(r"\s+(?:ships?|vessels?|chains?|lines?|routes?|depots?|tankers?|convoys?|bases?)\b")

#: after a semicolon, the next entry of a list: "...; Ecuador, 2.8%"
_LIST_ENTRY_AFTER = re.compile(r"\s*(?:and\s+)?(?:[A-Z][\w.'’-]*\s*){1,3}[,:]?\s*$")

# after a bare scaled number that is money: an end, a preposition or a spending verb, not a noun it counts
_MONEY_NEXT = re.compile(r"\s*(?:$|[,.;:)]|\((?:up|down|\+|-|−)|(?:in|on|for|to|spent|was|were|is|are|and|or|from|last|this|of|"
                         r"allocated|earmarked|set|has|have|had|will|would)\b)", re.I)


def _spending_topic(low_text: str, rx: SimpleNamespace) -> bool:
    """Does the article report on military spending (two cues such as "military spending", "SIPRI")?"""
    found = 0
    for _ in rx.topic.finditer(low_text):
        found += 1
        if found >= 2:
            return True
    return False


@lru_cache(maxsize=1)
def _rx() -> SimpleNamespace:
    """Every stage's patterns in one namespace, compiled once. Alternations of words are prefix trees,
    and a look-ahead (lead) for their first characters comes before the words or a look-behind: the
    regex engine then passes over most positions at once."""
    return SimpleNamespace(**number_patterns(), **grouping_patterns(), **attribution_patterns())


@dataclass
class _State:
    """What earlier sentences of the article tell later ones."""

    deal: tuple[str | None, str | None, int | None, int] | None = None  # buyer, seller, year, sentence no.
    told_deal: tuple[str, str | None, int | None, int] | None = None  # the last deal whose buyer a verb named
    rate: tuple[str, str, float, int] | None = None  # the last rate read: unit, metric, sign, sentence no.
    actor: tuple[str, int] | None = None  # last actor given, sentence no.
    japan: bool | None = None
    money: tuple[str, float, int] | None = None  # the currency of the last amount: code, factor, sentence no.
    line: tuple[str, int] | None = None  # the metric of the last amount a cue decided, sentence no.
    topic: bool | None = None  # the article reports on military spending (read when first needed)
    low_text: str = ""  # the article in lower case
    sentences: tuple = ()  # the article's content sentences

    main: str | None | object = _UNSET  # the one country the article is about, or None (read when needed)
    text: str = ""

    def main_country(self, rx: SimpleNamespace) -> str | None:
        """The country an article is about: named at least three times and twice as often as any other
        (an Indonesian budget story's "the Defense Ministry proposed US$10 billion")."""
        if self.main is _UNSET:
            counts = Counter(m.alpha3 for m in _mentions(self.text))
            where = _dateline_country(self.text)
            if where:
                counts[where] += 3  # "ISLAMABAD: ...": the paper writes from there
            top = counts.most_common(2)
            self.main = top[0][0] if top and top[0][1] >= 3 and (len(top) == 1 or top[0][1] >= 2 * top[1][1]) \
                else None
        return self.main

    def on_spending(self, rx: SimpleNamespace) -> bool:
        """Does the article report on military spending? Read once, when an amount first needs it."""
        if self.topic is None:
            self.topic = _spending_topic(self.low_text, rx)
        return self.topic


def extract_figures(article) -> list[Figure]:
    """Every figure in the title, body and caption sentences of ``article``, in text order.

    >>> from analysis.corpus.model import Article, Sentence
    >>> t = "Russia has amassed more than 100,000 troops near its border."
    >>> [(f.surface, f.value, f.unit, f.actor, f.qualifier)
    ...  for f in extract_figures(Article("x", "x", t, sentences=(Sentence(0, len(t), t),)))]
    [('more than 100,000 troops', 100000.0, 'count', 'RUS', 'more than')]
    """
    rx = _rx()
    published_year = article.published.year if getattr(article, "published", None) else None
    state = _State()
    out: list[Figure] = []
    wide = _beyond_ascii(article.text)
    low_text = _lower(article.text, wide)
    # A sentence's lower case is a slice of the article's, except around a capital sigma (its lower
    # case depends on the letters beside it).
    sliced = "Σ" not in article.text

    def lower(sent) -> str:
        return low_text[sent.start:sent.end] if sliced else _lower(sent.text)

    sentences = article.content_sentences()
    state.low_text, state.text, state.sentences = low_text, article.text, sentences
    for index, runs, here in _number_sentences(article.text, sentences, _word_starts(low_text, rx), rx, wide):
        sent = sentences[index]
        text = sent.text
        low = lower(sent)
        pieces = _digit_pieces(text, low, runs, rx, _japan(article, text, state)) if runs else []
        if here:
            taken = [(p.start, p.end) for p in pieces]
            pieces += [p for p in _word_pieces(text, low, here, rx)
                       if not any(s < p.end and p.start < e for s, e in taken)]
            pieces.sort(key=lambda p: p.start)
        if pieces:
            prev_low = lower(sentences[index - 1]) if index else ""
            out.extend(_sentence_figures(article, sent, index, pieces, low, prev_low, published_year, state, rx))
    tabled = table_figures(article, sentences, rx)
    if tabled:
        taken = [(f.start, f.end) for f in out]
        out = sorted(out + [f for f in tabled if not any(s < f.end and f.start < e for s, e in taken)],
                     key=lambda f: f.start)
    return _hardware_of_deals(_repeats_take_their_year(_home_currency(out, state, rx)), rx) if out else out


def _hardware_of_deals(figures: list[Figure], rx: SimpleNamespace) -> list[Figure]:
    """In an article about an arms deal, hardware counted in a sentence that tells of no deployment or drill is
    what was bought, offered or built ("eight launchers", "up to six submarines"), no force: dropped."""
    if not any(f.metric in ("arms_deal", "unit_price") for f in figures):
        return figures
    people = frozenset(terms("force_people"))
    return [f for f in figures if not (
        f.metric == "force_count" and f.metric_cue.startswith("counts: ")
        and f.metric_cue[len("counts: "):] not in people and not f.actor_cue.startswith("said without")
        and not rx.in_service.search(f.sentence.lower()))]


def _rates_take_the_amounts_actor(made: list) -> list:
    """A rate no word gave an actor takes the actor of the amount its sentence goes on to ("Military spending
    rose 3.5 percent to 1.1 trillion yuan": China's, as the yuan amount is)."""
    out = list(made)
    for i, (p, f) in enumerate(out):
        if f.actor is None and not f.actor_cue and f.unit in ("percent_growth", "percent_gdp"):
            later = next((g for _, g in out[i + 1:]
                          if g.is_money and g.actor and (g.metric == f.metric or f.unit == "percent_gdp")), None)
            if later is not None:
                out[i] = (p, replace(f, actor=later.actor, actor_cue=f"actor of the amount after: {later.surface}"))
    return out


def _repeats_take_their_year(figures: list[Figure]) -> list[Figure]:
    """A figure said again without its year is the same figure: it takes the year the article gave it
    elsewhere ("Spending up 43% in 2022" ... "spent 43% more than planned"), when that year is one. Only
    a spender's: a figure with no actor (a 2% target, a world total) recurs for other years and deadlines."""
    years: dict[tuple, set[int]] = {}
    for f in figures:
        if f.year is not None and f.actor is not None:
            years.setdefault((f.value, f.unit, f.metric, f.actor), set()).add(f.year)
    if not years:
        return figures
    out = []
    for f in figures:
        known = years.get((f.value, f.unit, f.metric, f.actor)) if f.year is None and f.actor else None
        out.append(replace(f, year=next(iter(known))) if known and len(known) == 1 else f)
    return out


def _sentence_figures(article, sent, index: int, pieces: list[_Piece], low: str, prev_low: str,
                      published_year: int | None, state: _State, rx: SimpleNamespace) -> list[Figure]:
    """The figures of one sentence from its pieces; ``low`` and ``prev_low``: the sentence and the one
    before it in lower case."""
    text = sent.text
    _carry_currency(pieces, text, index, state)
    groups = _group(pieces, text, rx)
    mentions: list[CountryTuple] | None = None
    made: list[tuple[_Piece, Figure]] = []
    bought: bool | None = None  # does the sentence tell of a purchase (read when a count first needs it)
    count_end = -1  # a number inside a counted noun phrase ("18 Leopard 2 tanks") is not another count
    dropped: set[int] = set()  # pieces found to be no figure (the size of a change), by id
    for g in groups:
        # what kind of figure is this group?
        first, last = g[0], g[-1]
        unit = metric = None
        metric_cue = ""
        ends: dict[int, int] = {}
        sign = 1.0
        sign_at = None
        if last.code:
            if first.conversion_of is not None and id(first.conversion_of) in dropped:
                dropped.add(id(first))
                continue  # the conversion of an amount that is no figure ("a $28 billion (three trillion rubles) increase")
            if rx.change_of.search(text, max(0, first.start - 40), first.start) or rx.change_after.match(text, last.end):
                # the size of a change ("an increase of RM1.42 billion") is no figure, as the guidelines' gold
                # has it; the level it leads to stays ("rose by $5 billion to $60 billion")
                if len(g) == 1:
                    dropped.add(id(first))
                    continue
                g = g[1:]
                first = g[0]
                for p in g:
                    p.range_pos = None
            metric, end, metric_cue = _money_metric(g, text, low, prev_low, rx, lambda: state.on_spending(rx))
            if metric_cue == "no defence cue" and state.line and index - state.line[1] == 1 and \
                    _UP_FROM.search(text, 0, first.start):
                # "The 2025 defence budget totals 4.7 billion rubles. That's up from 1.8 billion rubles in 2022."
                metric, metric_cue = state.line[0], "the level before the one just told"
            unit = last.code
            ends[len(g) - 1] = end
            if metric != "other_money" or metric_cue != "no defence cue":
                state.line = (metric, index)
        elif last.pct:
            got = _classify_pct(g, text, low, prev_low, rx, lambda: state.on_spending(rx))
            shares = [f for _, f in made if f.unit == "percent_gdp"]
            between = text[shares[-1].end - sent.start:first.start] if shares else ""
            if got is None and shares and (";" not in between or _LIST_ENTRY_AFTER.match(between.rsplit(";", 1)[1])):
                got = ("percent_gdp", "share_of_gdp", last.end, 1.0, "after a share of GDP")  # "7.1% of GDP, up from 3.9% in 2021"
            if got is None:
                got = _like_the_list_before(first, last, text, sent.start, made, state, index)
            if got is None:
                continue
            unit, metric, end, sign, metric_cue = got
            state.rate = (unit, metric, sign, index)
            ends[len(g) - 1] = end
            if metric_cue in ("growth: +", "growth: −"):
                sign_at = first.start - 1  # the surface keeps its sign: "-56%"
        else:
            if last.attached_letter or any(p.leading_zero or p.pct for p in g) or first.start < count_end:
                continue
            fm = last.noun  # a count group's last piece is a bare number, so it was read when found
            if not fm or any(p.value < 2 for p in g) and not (
                    made and made[-1][1].unit == "count" and _COUNT_LIST_GAP.match(text[:first.start], made[-1][1].end - sent.start)):
                continue  # "one" counts only as an entry of a list of counts ("nine vessels and one patrol aircraft")
            if last.year_like or any(p.year_like for p in g):
                continue
            if rx.designation.search(text, max(0, first.start - 12), first.start):
                continue
            if bought is None:  # read once a sentence
                bought = any(not _SUPPLY_NOUN.match(low, m.end())
                             for cue in (rx.deal, rx.buyer, rx.seller) for m in cue.finditer(low)) \
                    and not rx.in_service.search(low)
            if bought:
                continue  # "India bought five S-400 regiments": a quantity bought in a deal is no force count
            if fm.group("noun") == "people" and (not rx.military.search(low) or rx.casualty.search(low)
                                                  or rx.body_before.search(text, max(0, first.start - 40), first.start)):
                continue  # "300 people were killed": people count as a force only among troops and drills
            if _LOST_WORDS.search(low) and rx.lost_before.search(text, max(0, first.start - 40), first.start):
                continue  # "Russia lost a further 1,400 tanks": equipment lost is no force
            unit, metric = "count", "force_count"
            metric_cue = "counts: " + fm.group("noun")
            ends[len(g) - 1] = count_end = fm.end()
        if mentions is None:
            # a country inside an amount is its currency ("700 billion U.S. dollars", "(US$10.73 billion)")
            mentions = [m for m in _mentions(text) if not any(q.start < m.end and m.start < q.end for q in pieces)]
        # who: respectively lists, the noun phrase itself, deal roles, budget owners, nearest country
        gstart, gend = first.start, ends[len(g) - 1]
        resp = _respectively(g, text, mentions, rx) if unit != "count" else None
        counterpart = None
        actor = None
        deal_cue = ""
        if metric in ("arms_deal", "unit_price"):
            buyer, seller, found = _deal_roles(text, low, gstart, gend, mentions, rx)
            actor, counterpart = buyer, seller
            if not found or actor is None:
                actor = None
            else:
                deal_cue = "buyer of the deal"
            if actor is None and state.deal and index - state.deal[3] <= 3:
                # no buyer here: the deal the article told of just before ("The deal is worth ...")
                actor, counterpart, deal_cue = state.deal[0], state.deal[1], "buyer of the deal before"
            elif actor is None and (told := _deal_told_before(state.sentences, index, rx)):
                # told in a sentence with no amount: "India signed to buy S-400s from Russia. The deal was worth ..."
                actor, counterpart, deal_cue = told[0], told[1], "buyer of the deal told before"
            elif actor is None and state.told_deal:
                # nor just before: the last deal a verb told of ("India bought S-400s ... The deal is worth")
                actor, counterpart, deal_cue = state.told_deal[0], state.told_deal[1], "buyer of the deal told earlier"
        default_cue = ""
        # the same for every piece of the group: read once
        group_q, group_qstart = _qualifier(text, first.start, rx)
        group_year = _year(text, low, gstart, gend, published_year, rx,
                           [(h[0].start, h[-1].end) for h in groups
                            if h is not g and _kind(h) == _kind(g) and h[0].conversion_of is None])
        default_actor = _UNSET
        respectively = bool(resp) and bool(rx.respectively.search(text))
        for i, p in enumerate(g):
            q, qstart = (group_q, group_qstart) if i == 0 else (None, p.start)
            start = qstart if unit == "count" and q else sign_at if i == 0 and sign_at is not None else p.start
            end = ends.get(i, p.end)
            who, actor_cue = actor, deal_cue
            if resp:
                who, actor_cue = resp[i], "respectively"
            each: list[str] = []
            if who is None and unit in ("count", "percent_gdp"):
                inside = [m for m in mentions if p.end <= m.start and m.end <= end]
                if unit == "count" and len({m.alpha3 for m in inside}) > 1:
                    # "30 Russian and Chinese naval aircraft": a total of several countries' forces
                    who, actor_cue = None, "total of several countries: " + ", ".join(m.alias for m in inside)
                elif inside:
                    who, actor_cue = inside[0].alpha3, "in the phrase: " + inside[0].alias
            if who is None and unit == "count" and not actor_cue and _from_many_countries(text, end):
                who, actor_cue = None, "total of several countries: from many countries"
            if who is None and unit == "count" and not actor_cue:
                sources = _coordinated_after_from(text, mentions, end, rx)
                if len(sources) > 1:  # "4,000 personnel from Russia, China and Iran": their forces together
                    who, actor_cue = None, "total of several countries: from " + ", ".join(sources)
                elif sources and not any(m.end <= p.start for m in mentions):
                    # "About 3,200 troops from China are participating" (but "Russia withdrew troops from Syria")
                    who, actor_cue = sources[0], "troops from: " + sources[0]
            if who is None and unit == "count" and not actor_cue:
                chain = _coordinated_before(text, mentions, p.start, rx)
                if len(chain) > 1:
                    if rx.apiece.match(text, end):  # "China and Russia sent three ships apiece": one per country
                        each = chain
                        who, actor_cue = chain[0], "apiece"
                    else:  # "Russia and China sent 10,000 troops": their forces together
                        who, actor_cue = None, "total of several countries"
            both = None if who is not None or unit == "count" or actor_cue else \
                _BOTH.search(text, max(0, p.start - 24), p.start)
            if both:  # the countries named before the comma that "both" follows
                comma = text.rfind(",", 0, both.start())
                chain = _coordinated_before(text, mentions, comma if comma >= 0 else both.start(), rx)
                if len(chain) > 1:  # "followed by Ukraine and France, both with 56.9 billion euros": one per country
                    each = chain
                    who, actor_cue = chain[0], "each of: " + ", ".join(chain)
            if who is None and not actor_cue:
                if default_actor is _UNSET:
                    default_actor, default_cue = _default_actor(text, low, gstart, gend, mentions, rx, metric)
                    if metric in ("arms_deal", "unit_price") and default_cue.startswith("nearest after") and \
                            state.main_country(rx):  # a deal's buyer is seldom named after its price
                        default_actor, default_cue = state.main_country(rx), "the country the article is about"
                    if metric_cue in ("other line: loan", "other line: loans"):  # "a $500 million loan to Dhaka"
                        to = next((m for m in mentions if m.start >= gend and rx.to_.search(text, max(0, m.start - 12),
                                                                                             m.start)), None)
                        if to is not None:
                            default_actor, default_cue = to.alpha3, f"a loan to {to.alias}"
                who, actor_cue = default_actor, default_cue
            cp = counterpart
            year = group_year
            if metric in ("arms_deal", "unit_price") and state.deal and index - state.deal[3] <= 3:
                d_buyer, d_seller, d_year, _ = state.deal
                if who is None:
                    who, actor_cue = d_buyer, "buyer of the deal before"
                if (cp is None or actor_cue == "buyer of the deal before") and who == d_buyer:
                    cp = cp or d_seller
                    if year is None:
                        year = d_year
            if actor_cue.startswith("nearest after") and p.code in _money.CURRENCY_COUNTRY and \
                    _money.CURRENCY_COUNTRY[p.code] != who and metric not in ("arms_deal", "unit_price"):
                # a national currency says more than a country named somewhere after the amount
                who, actor_cue = _money.CURRENCY_COUNTRY[p.code], f"currency: {p.code}"
            if who is None and metric == "arms_deal" and metric_cue.startswith("deal: export"):
                # exports with no buyer named ("we export $15 billion in arms"): an exporter's total
                metric, metric_cue = "other_money", "export total: " + metric_cue[len("deal: "):]
            if who is None and not actor_cue.startswith("total of"):
                who, actor_cue = _fallback_actor(p.code, index, state)
            if who is None and not actor_cue.startswith("total of"):
                who = state.main_country(rx)
                actor_cue = "the country the article is about" if who else actor_cue
            if metric_cue == "GDP target":
                who, actor_cue = None, "a target has no spender"  # "the NATO 2% guideline", "the threshold of 2 percent"
            if metric_cue.startswith("export total:"):
                # an exporter's sales total: the exporter is the seller, there is no single buyer
                who, cp, actor_cue = None, who, "exporter is the counterpart" if who else actor_cue
            if unit == "percent_growth" and metric == "other_money":
                continue  # the growth of a line that is no defence budget is no figure ("police budget rose 104%")
            flags = list(p.flags)
            if sent.zone == "caption":
                flags.append("in_caption")
            if respectively:
                flags.append("respectively")
            value = p.value * sign
            if unit == "percent_growth" or unit == "percent_gdp":
                value = p.number * sign
            qualifier = p.range_pos or q
            if qualifier is None and i > 0:
                qualifier = group_q
            if unit == "count":
                value = p.number * (p.scale or 1.0)
            fig = Figure(article.article_id, sent.start + start, sent.start + end, text[start:end], text,
                         tidy(value), unit, metric, who, cp, year, qualifier, tuple(dict.fromkeys(flags)),
                         metric_cue, actor_cue)
            made.append((p, fig))
            for other in each[1:]:
                made.append((p, replace(fig, actor=other)))
            if metric in ("arms_deal", "unit_price") and who and not actor_cue.startswith(
                    ("nearest", "the country the article")):  # a guess is not passed on
                state.deal = (who, cp, year, index)
                if actor_cue == "buyer of the deal":
                    state.told_deal = (who, cp, year, index)
            if who:
                state.actor = (who, index)
    made = _list_shares_from(_list_year(made, text, sent.start, rx), sent.start)
    made = _rates_take_the_amounts_actor(made)
    if mentions and any(f.unit == "count" for _, f in made):
        made = sorted(made + _elliptic_counts(made, text, sent.start, mentions)
                      + _counts_before_their_noun(made, text, sent.start, mentions), key=lambda pf: pf[1].start)
    # amounts in brackets after another amount are its conversion: same metric, actor and year
    by_piece: dict[int, list[Figure]] = {}
    for p, f in made:
        by_piece.setdefault(id(p), []).append(f)
    result = []
    for p, f in made:
        sources = by_piece.get(id(p.conversion_of), []) if p.conversion_of is not None else []
        if not sources or not f.is_money:
            result.append(f)
            continue
        for src in sources:  # one conversion per figure it converts ("both with 56.9 billion euros ($64.7 billion)")
            result.append(Figure(f.article_id, f.start, f.end, f.surface, f.sentence, f.value, f.unit, src.metric,
                                 src.actor, src.counterpart, src.year if f.year is None or src.year else f.year,
                                 f.qualifier, tuple(dict.fromkeys(f.flags + ("conversion",))),
                                 "conversion of " + src.surface, "conversion of " + src.surface))
    return result

