"""Stage 3, attribution: what a figure measures (metric), who spends, buys or sells (actor,
counterpart), the year it refers to and its qualifier ("more than"), read from the words around it.
"""
from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Callable

from analysis.extract import _money, _numbers
from analysis.extract._numbers import lead, mapping, prefix_tree, terms
from analysis.extract._patterns import lower_as_matched
from analysis.extract.countries import CountryTuple
from analysis.extract.figures._common import _S, _distance, _fold_tree, _key, _mentions, _words_rx
from analysis.extract.figures.numbers import _Piece


def attribution_patterns() -> dict:
    """The patterns of this stage, for the extractor's pattern namespace."""
    quals = mapping("qualifier")
    growth = [t.lower() for t in terms("growth_up") + terms("growth_down")]
    rel_years = {t.lower(): int(v) for t, v in _numbers.vocab()["relative_year"]}
    designations = [t.lower() for t in terms("designation")]
    weapon_names = terms("weapon_origin")
    unit_before = terms("unit_price_before")
    unit_nouns = _fold_tree(terms("unit_noun"))
    per_time = _fold_tree(terms("per_time"))
    gdp = _fold_tree(terms("gdp"))  # "GDP", "gross domestic product", "economic output", ...
    hardware = _fold_tree(terms("hardware") + terms("force_noun"))  # what a deal buys: "of/for/to buy ... 24 fighters"
    return dict(
        qual=re.compile(rf"{lead(quals)}(?<![\w-])(?P<q>(?i:{_fold_tree(quals)})){_S}+$"),
        per_after=re.compile(  # "$85 million per aircraft", "US$35 million (euro26 million) each"
            rf"(?P<br>{_S}*\([^()]{{1,40}}\))?{_S}+(?:(?i:per){_S}+(?!(?i:{per_time})(?![\w]))(?:[\w-]+{_S}+){{0,2}}?(?i:{unit_nouns})s?(?![\w])"
            rf"|(?i:{_fold_tree(terms('unit_price'))})(?![\w]))"),
        per_one=re.compile(rf"{_S}+(?i:per){_S}+(?!(?i:{per_time})(?![\w]))[A-Z][\w-]*\d[\w-]*(?![\w])"),
        unit_before=re.compile(rf"{lead(unit_before)}(?i:{_fold_tree(unit_before)})(?:{_S}+(?i:of|at|about|around"
                               rf"|roughly|some|nearly|just|only))*{_S}*$"),
        export_total=re.compile(  # "arms exports", "defense and aviation exports", "the largest defence exporter"
            rf"(?<![\w])(?:arms|weapons?|military|defen[cs]e)(?:{_S}+(?:and{_S}+)?(?:aviation|aerospace|industry|"
            rf"industrial|equipment|hardware|technology|security)){{0,2}}{_S}+(?:exports?|exporters?|sales)(?![\w])"
            rf"|(?<![\w])(?:foreign|overseas|export|arms){_S}+sales{_S}+of{_S}+(?:[\w-]+{_S}+){{0,2}}?"
            rf"(?:weaponry|weapons|arms|military{_S}+(?:equipment|hardware))(?![\w])"),  # "foreign sales of Russian weaponry"
        export_to=re.compile(rf"(?i:exports?|sales){_S}+(?i:to){_S}+(?:the{_S}+)?[A-Z]"),  # "arms sales to India"
        sold_to=re.compile(rf"(?:{_S}+[\w-]+){{0,6}}?{_S}+to{_S}+(?:the{_S}+)?[A-Z]"),  # "... worth $3 billion to India"
        each_costs=re.compile(  # "Each Su-35 costs about $85 million"
            rf"(?<![\w])(?i:each){_S}+(?:[\w-]+{_S}+){{0,3}}?(?i:costs?|costing|is{_S}+worth|is{_S}+priced{_S}+at|sells{_S}+for)"
            rf"(?:{_S}+(?i:about|around|roughly|some|nearly|just|only|up{_S}+to|more{_S}+than|over|an?{_S}+approximate|an?{_S}+estimated))?{_S}*$"),
        arms_after=re.compile(rf"{_S}+(?:(?i:worth){_S}+)?(?i:of|in){_S}+(?:[\w-]+{_S}+){{0,3}}?"
                              rf"(?i:{hardware})(?![\w])"),
        to_buy_after=re.compile(  # "will spend 36 billion baht to purchase three S26T submarines"
            rf"(?:{_S}*\([^)]{{1,40}}\))?{_S}+(?i:to|for){_S}+(?i:buy|purchase|purchasing|buying|acquire|acquiring|procure)"
            rf"(?:{_S}+[\w-]+){{0,4}}?{_S}+(?i:{hardware})(?![\w])"),
        arms_for=re.compile(rf"{_S}+(?i:for){_S}+(?:[\w-]+{_S}+){{0,5}}?"  # "for three batteries of X missiles"
                            rf"(?:(?i:{hardware}|systems?)|[A-Z][A-Za-z]*-\d[\w-]*)(?![\w])"),  # "for the S-400"
        paid_before=re.compile(rf"(?<![\w])(?i:paid|pay|pays|paying)(?:{_S}+[A-Z][\w.'’-]*){{0,2}}{_S}+"
                               rf"(?:(?i:about|around|roughly|nearly|almost|over|more{_S}+than|some|up{_S}+to){_S}+)?$"),
        growth_list=re.compile(  # a list's head: the change, then the first entry's name and its bracket
            rf"(?<![\w-])(?P<cue>(?i:{_fold_tree(growth)}))(?![\w-])[^.;]{{0,70}}?{_S}(?:[A-Z][\w.'’-]*{_S}*){{1,3}}\($"),
        rank_in=re.compile(rf"(?:est|biggest|top|largest|leading|spender|spenders|power){_S}+(?:[\w-]+{_S}+){{0,2}}?in{_S}+(?:the{_S}+)?$"),
        gdp_target_before=re.compile(  # "the threshold of 2 percent", "the requirement of allocating at least 2%"
            rf"(?i:{_fold_tree(terms('gdp_target'))})s?{_S}+(?i:of|to)"
            rf"(?:{_S}+(?i:spend|spending|allocate|allocating|reach|reaching|meet|meeting))?{_S}+"
            rf"(?:(?i:at{_S}+least|about|around|some){_S}+)?$"),
        change_after=re.compile(  # "a $28 billion (three trillion rubles) increase"
            rf"(?:{_S}*\([^()]{{0,40}}\))?{_S}+(?i:increase|rise|hike|jump|cut|decrease|reduction|drop)(?![\w-])"),
        change_of=re.compile(  # "an increase of RM1.42 billion", "1.8 per cent or RM280 million", "a slight increase, or"
            rf"(?:(?<![\w])(?i:increase|increases|rise|hike|jump|cut|cuts|decrease|reduction|drop|fall|gap|difference)"
            rf"(?:{_S}+(?i:of|by)|,?{_S}+(?i:or))|(?:%|(?i:per{_S}?cent|percent)){_S}+(?i:or)"
            rf"|(?<![\w])(?i:more|less){_S}+(?i:by)"
            rf"|(?<![\w])(?i:up|down|rose|rises|risen|increased|grew|grown|jumped|climbed|fell|fallen|dropped|decreased"
            rf"|declined|raised|boosted|slashed)(?:{_S}+(?i:by))?)"
            rf"{_S}+(?:(?i:about|around|some|nearly|roughly|almost|over|more{_S}+than|just){_S}+)?$"),
        ones_own=re.compile(rf"(?:['’]s|(?<![\w])its){_S}+$"),  # one owner's lines combined, not several countries
        leads=re.compile(rf"(?<![\w-])(?:leads|led|leading|tops|topped|topping|dominates|dominated|outspends|outspent)"
                         rf"(?:{_S}+[\w-]+){{0,2}}?{_S}+$"),  # a region a country leads is no total the amount belongs to
        world_after=re.compile(rf"{_S}+(?:worldwide|world-wide|globally|(?:across|around){_S}+the{_S}+(?:world|globe)"
                               rf"|(?:over|above|on){_S}+(?:the{_S}+)?(?:global|world|worldwide){_S}+(?:defen[cs]e|military))"
                               rf"(?![\w])"),  # "an increase of 3.6% over the global defence spending in 2018"
        world_inside=re.compile(r"\b(?:the{_S}+)?world['’]s\b".replace("{_S}", _S)),
        together_word=re.compile(r"(?<![\w])(?:combined|total|aggregate)(?![\w])"),
        and_=re.compile(r"(?<![\w])and(?![\w])|&"),
        from_the=re.compile(rf"(?<![\w])from{_S}+(?:the{_S}+)?$"),
        deal_after=re.compile(rf"(?:{_S}+(?i:arms|weapons|defen[cs]e|military|purchase|sale|supply))?{_S}+"
                              rf"(?i:deal|contract|agreement|order|package)(?![\w])"),
        deal=re.compile(_words_rx("deal")),
        defence_line=re.compile(_words_rx("defence_line")),  # "$42 billion on defence", "defence budget of"
        other_line=re.compile(_words_rx("other_line")),  # "revenue", "capital outlay", "federal budget"
        topic=re.compile(_words_rx("spending_topic")),  # "military spending", "SIPRI"
        aggregate=re.compile(_words_rx("aggregate")),  # "world", "combined", "Europe"
        # after a country: it is the source of an estimate ("a Pentagon report", "U.S. estimates")
        source_after=re.compile(rf"(?:['’]s)?(?:{_S}+(?!(?:{_fold_tree(terms('source'))})(?![\w-]))[\w.-]+){{0,2}}?"
                                rf"{_S}+(?:{_fold_tree(terms('source'))})(?![\w-])"),
        according=re.compile(rf"(?i:according{_S}+to)(?:{_S}+(?i:the|a|an))?{_S}*$"),  # "according to a U.S. index"
        including=re.compile(rf"(?i:including|such{_S}+as){_S}+(?:(?i:the){_S}+)?$"),  # "Europe, including Germany"
        attached_after=re.compile(rf"(?:{_S}*\([^()]{{0,40}}\))?{_S}+"),  # "... yen (USD 910 billion) "
        # people count as a force only in a sentence about troops or drills, and never as casualties
        military=re.compile(_words_rx("force_context")),  # "8,000 people took part in the drills"
        casualty=re.compile(_words_rx("casualty")),  # "300 people were killed"
        # before a count: what was lost or destroyed is no force ("Russia lost a further 1,400 tanks")
        lost_before=re.compile(rf"(?<![\w-])(?i:lost|losing|loses|destroyed|downed|shot{_S}+down|losses{_S}+of)"
                               rf"(?:{_S}+[\w-]+){{0,3}}?{_S}+$"),
        # before "people": the members of a body, no force ("a committee consisting of 17 people")
        body_before=re.compile(rf"(?<![\w-])(?i:committee|commission|panel|board|delegation|team|council)"
                               rf"(?:,?{_S}+[\w-]+){{0,3}}?{_S}+$"),
        # a country after these is the object of a comparison or an agent, not a spender ("war with China")
        object_of=re.compile(rf"(?<![\w-])(?i:with|by|since|than|against|from|between|near|versus|vs\.?)"
                             rf"(?:{_S}+(?i:the))?{_S}+$"),
        # a country after these is what the spender is measured against ("Saudi Arabia has overtaken the UK")
        compared=re.compile(rf"(?<![\w-])(?i:than|overtak(?:en|es|e|ing)|overtook|surpass(?:ed|es|ing)?|"
                            rf"outspen(?:t|ds|ding|d)|outpac(?:ed|es|ing|e)|outstrip(?:ped|s|ping)?|ahead{_S}+of|"
                            rf"behind|exceed(?:ed|s|ing)?|compared{_S}+(?:with|to)|versus|vs\.?|displac(?:ed|es|ing|e))"
                            rf"(?:{_S}+(?i:the))?{_S}+$"),
        attached=re.compile(rf"(?:['’]s?{_S}*|{_S}*[(:]{_S}*)(?:(?i:about|around|some|nearly){_S}+)?$"  # "Pakistan ($10bn)"
                            rf"|,?{_S}+(?i:which|that|who|whose)(?![\w])[^;]*$"),  # "the UK, which spent $81.8 billion"
        in_service=re.compile(_words_rx("in_service")),  # "deployed", "took part": a force, not a purchase
        part_of=re.compile(rf"{_S}+(?i:of){_S}+(?:(?i:the|its|their){_S}+)?"),  # "Rs1009 billion of the total budget"
        apiece=re.compile(rf"{_S}*,?{_S}*(?i:apiece|each)(?![\w])"),  # "three ships apiece"
        of_which=re.compile(rf",?{_S}*(?i:of{_S}+which)(?![\w])"),  # "38 trillion roubles, of which 12 trillion"
        for_between=re.compile(rf"{_S}+(?i:for){_S}+(?:(?i:the){_S}+)?"),  # "$7 billion for Finland"

        in_order=re.compile(rf"(?i:in){_S}+$"),
        budget=re.compile(_words_rx("budget")),
        defence=re.compile(_words_rx("defence")),
        not_defence=re.compile(_words_rx("not_defence_budget")),
        not_arms=re.compile(_words_rx("not_arms")),
        arms=re.compile(_words_rx("arms")),
        buyer=re.compile(_words_rx("buyer_verb")),
        seller=re.compile(_words_rx("seller_verb")),
        weapon=re.compile(rf"{lead(weapon_names, fold=False)}(?<![\w-]){prefix_tree(weapon_names)}(?![\w-])"),
        weapons=mapping("weapon_origin"),
        gdp_after=re.compile(  # "2.3 percent of GDP", "2.3 percent (5.8 billion euros) of GDP"
            rf"(?P<br>{_S}*\([^()]{{1,60}}\))?{_S}+(?i:of){_S}+(?:(?i:the|its|their|his|her|our){_S}+)?"
            rf"(?:(?:[A-Z][\w.]*|(?i:country|nation|state|world|projected|official|nominal|estimated|annual|"
            rf"national|total|combined|overall|collective|bloc|region|alliance|continent))(?:['’]s)?{_S}+){{0,2}}"
            rf"(?i:{gdp})(?![\w])"
            rf"|(?P<bare>{_S}+(?i:gdp))(?![\w])"),  # "2 percent GDP"
        # the share named before the rate: "Defence spending as a share of GDP fell to 1.2% from 1.4%",
        # "its military burden rose to 2.2%"
        gdp_before=re.compile(
            rf"(?:(?i:gdp){_S}+(?i:share|percentage|ratio)|"  # "as a GDP percentage"
            rf"(?i:share|percentage|proportion|ratio){_S}+(?i:of|to){_S}+(?:(?i:the|its|their){_S}+)?"
            rf"(?:(?i:nation|country)['’]s{_S}+|(?i:national|annual|total){_S}+)?(?i:{gdp})"
            rf"|(?i:military{_S}+burden))(?![\w])(?P<between>[^;%]*)$"),
        gdp_word=re.compile(rf"{gdp}|burden"),  # lower case: a cheap test before gdp_before
        for_buying=re.compile(rf"{_S}+(?i:for|to){_S}+(?:(?i:the){_S}+)?(?i:acquisition|purchase|purchases|procurement)"
                              rf"{_S}+(?i:of)(?![\w])"),
        deal_word=re.compile(r"(?<![\w-])(?:deal|deals|contract|contracts|agreement|order|orders|signed)(?![\w-])"),
        share_opens=re.compile(rf"(?:%|(?i:per{_S}?cent|percent)){_S}*\({_S}*$"),
        share_closes=re.compile(rf"[^()]{{0,40}}\){_S}+(?i:of){_S}+(?:(?i:the|its){_S}+)?(?i:{gdp})(?![\w])"),
        goods_after=re.compile(rf"(?:{_S}*\([^()]{{1,40}}\))?{_S}+(?i:worth{_S}+of|in){_S}+"
                               rf"(?:(?!(?i:defen[cs]e|military|arms|weapon))[\w-]+{_S}+){{0,2}}?"
                               rf"(?i:{_fold_tree(terms('not_arms') + terms('goods'))})(?![\w])"),
        combined_list=re.compile(  # defence listed with other ministries or lines, lower case
            rf"defen[cs]e(?:{_S}*,{_S}*[\w-]+(?:{_S}+[\w-]+)?)*,?{_S}+and{_S}+[\w-]+(?:{_S}+[\w-]+)?{_S}+"
            rf"(?:ministries|budgets|portfolios|sectors|departments)(?![\w])"),
        pct_of=re.compile(rf"(?:%|per{_S}?cent|percent){_S}+of{_S}+(?:(?:the|its|their){_S}+)?"),  # lower case
        points_after=re.compile(rf"{_S}*(?i:percentage{_S}+points?|pp|points?)(?![\w])"),  # a change of a share
        gdp_target=re.compile(rf"{_S}+(?:(?i:of){_S}+(?i:gdp){_S}+)?(?:(?i:spending|defen[cs]e){_S}+)?"
                              rf"(?i:{_fold_tree(terms('gdp_target'))})(?![\w])"),
        nato=re.compile(r"\bNATO\b"),
        growth_before=re.compile(  # "rose 7%", "increased its military spending last year by 16 percent"
            rf"{lead(growth)}(?<![\w-])(?P<cue>(?i:{_fold_tree(growth)}))"
            rf"(?:{_S}+(?i:the|its|their|his|her|national|annual|defen[cs]e|military|spending|budgets?|"
            rf"expenditures?|outlays|allocations?|funding|last|this|next|year|in|real|terms|nominal|(?:19|20)\d\d|"
            rf"by|a|an|record|estimated|whopping|further|another)){{0,6}}"  # "rose by a record 11.4 percent"
            rf"(?:{_S}+(?i:by|of)|{_S}*[;:])?(?:{_S}+(?i:{_fold_tree(quals)}))?{_S}*$"),  # "increased its spending last year by", "increase: 41%"
        no_rate_before=re.compile(  # a share of a world total or the size of an estimate's error: no figure
            rf"(?:(?i:share|portion|proportion){_S}+(?i:of){_S}+(?:(?i:the){_S}+)?(?i:world|global|total|overall|all)"
            rf"(?:['’]s)?(?![\w])[^;%]{{0,45}}"
            rf"|(?i:underestimat|overestimat|understat|overstat)\w*(?:{_S}+[\w-]+){{0,6}}?{_S}+(?i:by)"
            rf"(?:{_S}+(?i:about|nearly|some|roughly|around|almost|as{_S}+much{_S}+as))?{_S}+)$"),
        growth_was=re.compile(  # "The largest annual increase under Moon was 8.2%"
            rf"(?<![\w-])(?P<cue>(?i:increase|increases|rise|growth|hike|jump|cut|decrease|reduction|drop|decline))"
            rf"(?:{_S}+[\w-]+){{0,4}}?{_S}+(?i:was|were|is|stood{_S}+at|came{_S}+to|amounted{_S}+to){_S}+"
            rf"(?:(?i:{_fold_tree(quals)}){_S}+)?$"),
        growth_after=re.compile(
            rf"{_S}+(?P<cue>(?i:{_fold_tree(terms('growth_after_up') + terms('growth_after_down'))}))"
            rf"(?![\w-])"),
        growth_up=frozenset(t.lower() for t in terms("growth_up") + terms("growth_after_up")),
        year=re.compile(rf"{lead(['fy', 'fiscal', '19', '20'])}(?<![\w$€£.,\-/])"
                        rf"(?:(?i:FY|fiscal(?:{_S}+year)?){_S}?)?((?:19|20)\d\d)(?![\w%]|[.,]\d|-[01]?\d-)"),  # not a date "2020-09-17"
        year_base=re.compile(rf"{lead(['from', 'since', 'than', 'over', 'on', 'versus', 'vs', 'compared', 'against'])}"
                             rf"(?<![\w-])(?i:from|since|than|over|on|versus|vs\.?|compared{_S}+(?:with|to)|"
                             rf"against){_S}+(?:(?i:in|for){_S}+)?(?:(?i:the){_S}+)?(?:(?i:fiscal|FY){_S}?)?$"),
        rel_year=re.compile(rf"{lead(rel_years)}(?<![\w-])(?i:{_fold_tree(rel_years)})(?![\w-])"),
        rel_years=rel_years,
        # A word every relative year holds ("" when there is none): a sentence without it has none to
        # find. The letters of "year" match case-insensitively only their own two cases, so the
        # sentence's lower case holds it exactly when the text could.
        rel_year_word="year" if all("year" in t for t in rel_years) else "",
        designation=re.compile(rf"{lead(designations)}(?<![\w-])(?i:{_fold_tree(designations)}){_S}*$"),
        prep=re.compile(rf"(?<![\w-])(?i:against|in|on|at|from|with|to|for|by|of|over|into|toward|towards|near|"
                        rf"about|between|across|than|and|or)(?:{_S}+(?i:the))?{_S}*$"),
        to_=re.compile(rf"(?<![\w-])(?i:to|for)(?:{_S}+(?i:the))?{_S}+$"),
        from_with=re.compile(rf"(?<![\w-])(?i:from|with|by)(?:{_S}+(?i:the))?{_S}+$"),
        made=re.compile(r"-(?:made|built|designed|supplied|produced)"),
        closing=re.compile(rf"{_S}*[)\]]"),
    )


def _preposed(text: str, m: CountryTuple, rx: SimpleNamespace) -> bool:
    return bool(rx.prep.search(text, max(0, m.start - 16), m.start))


def _subject(text: str, mentions: list[CountryTuple], pos: int, rx: SimpleNamespace) -> str | None:
    """The country that most likely does the verb at ``pos``: the nearest one before it that is not
    the object of a preposition, a name before a demonym."""
    before = [m for m in mentions if m.end <= pos]
    for want_demonym in (False, True):
        for m in reversed(before):
            if (m.kind == "demonym") == want_demonym and not _preposed(text, m, rx):
                return m.alpha3
    return before[-1].alpha3 if before else None


def _deal_roles(text: str, low: str, start: int, end: int, mentions: list[CountryTuple],
                rx: SimpleNamespace) -> tuple[str | None, str | None, bool]:
    """(buyer, seller, found a buy/sell verb) for the amount at start:end."""
    cues = [(m, "buyer") for m in rx.buyer.finditer(low)] + [(m, "seller") for m in rx.seller.finditer(low)]
    if not cues:
        # no verb: "a $619 million arms package for Taiwan" -> Taiwan buys from the country before
        for c in mentions:
            if c.start >= end and rx.to_.search(text, max(0, c.start - 12), c.start):
                return c.alpha3, _subject(text, mentions, start, rx), True
        return None, None, False
    # both sides sign: "signed" decides only when no verb of buying or selling is in the sentence
    cues = [c for c in cues if c[0].group(0).lower() != "signed"] or cues
    m, role = min(cues, key=lambda c: _distance(c[0].start(), c[0].end(), start, end))
    buyer = seller = None
    after = [c for c in mentions if c.start >= m.end()]
    if role == "seller":
        seller = _subject(text, mentions, m.start(), rx)
        for c in after:
            if rx.to_.search(text, max(0, c.start - 12), c.start):
                buyer = c.alpha3
                break
    else:
        buyer = _subject(text, mentions, m.start(), rx)
        for c in after:
            if c.alpha3 == buyer:
                continue
            if rx.from_with.search(text, max(0, c.start - 12), c.start) or c.kind == "demonym" or \
                    rx.made.match(text, c.end):
                seller = c.alpha3
                break
    if seller is None:
        w = rx.weapon.search(text)
        if w and rx.weapons.get(w.group(0).lower()) != buyer:
            seller = rx.weapons.get(w.group(0).lower())
    if seller == buyer:
        seller = None
    return buyer, seller, True



def _year(text: str, low: str, start: int, end: int, published_year: int | None, rx: SimpleNamespace,
          others: list[tuple[int, int]] = ()) -> int | None:
    """The year nearest the figure at start:end, not across another figure of its kind, nor a base
    of comparison ("up 13% from last year"); ``low``: ``text`` in lower case."""
    def blocked(pos: int) -> bool:
        if rx.year_base.search(text, max(0, pos - 20), pos):
            return True
        lo, hi = (pos, start) if pos < start else (end, pos)
        return any(lo <= s and e <= hi for s, e in others)

    best = None
    # every year the pattern reads is written 19xx or 20xx: a sentence without either has none
    years = rx.year.finditer(text) if "19" in text or "20" in text else ()
    for m in years:
        if start <= m.start() < end or blocked(m.start()):
            continue
        d = _distance(m.start(), m.end(), start, end)
        if best is None or d < best[0]:
            best = (d, int(m.group(1)))
    if published_year is not None and rx.rel_year_word in low:
        for m in rx.rel_year.finditer(text):
            if blocked(m.start()):
                continue
            d = _distance(m.start(), m.end(), start, end)
            if best is None or d < best[0]:
                best = (d, published_year + rx.rel_years[_key(m.group(0))])
    return best[1] if best else None


def _qualifier(text: str, start: int, rx: SimpleNamespace) -> tuple[str | None, int]:
    """(qualifier, where it starts) for the figure starting at ``start``."""
    m = rx.qual.search(text, max(0, start - 24), start)
    if not m:
        return None, start
    return rx.quals[_key(m.group("q"))], m.start("q")



def _signed(text: str, start: int) -> str:
    """The sign written on a rate that opens a bracket or a clause ("(-56%)", ": +4%", "(−3%)"), else "".

    A hyphen-minus is already part of the number (its value is negative); "+" and "−" are read here."""
    if text[start] == "-":
        return "-"
    if start < 1 or text[start - 1] not in "+−":
        return ""
    before = text[start - 2] if start >= 2 else " "
    return "" if before not in "( :\n\t[" else text[start - 1]  # "10+5%" is no sign


def _classify_pct(g: list[_Piece], text: str, low: str, prev_low: str,
                  rx: SimpleNamespace, topic: Callable[[], bool] = bool) -> tuple[str, str, int, float, str] | None:
    """(unit, metric, surface end of the last piece, sign) for a group of percentages, or None."""
    last, first = g[-1], g[0]
    if rx.no_rate_before.search(text, max(0, first.start - 70), first.start):
        return None  # "its share of world military spending dropped below 40 percent", "underestimated by 20 percent"
    m = rx.gdp_after.match(text, last.end)
    if m:  # the surface stops before a bracket: "2.3 percent (5.8 billion euros) of GDP"
        end = last.end if m.group("br") else m.end()
        if rx.gdp_target_before.search(text, max(0, first.start - 60), first.start):
            return "percent_gdp", "share_of_gdp", end, 1.0, "GDP target"  # "the requirement of at least 2% of GDP"
        return "percent_gdp", "share_of_gdp", end, 1.0, "share of: " + m.group(0).strip()
    defence = rx.defence.search(low) or rx.defence.search(prev_low)
    if rx.gdp_target.match(text, last.end) and (defence or rx.nato.search(text)):
        return "percent_gdp", "share_of_gdp", last.end, 1.0, "GDP target"
    if rx.gdp_target_before.search(text, max(0, first.start - 30), first.start) and (defence or rx.nato.search(text)):
        return "percent_gdp", "share_of_gdp", last.end, 1.0, "GDP target"  # "the threshold of 2 percent"
    m = rx.gdp_before.search(text, max(0, first.start - 90), first.start) if rx.gdp_word.search(low) else None
    if m and defence and not _CLAUSE_BREAK.search(m.group("between")) and \
            "point" not in low[first.start:last.end] and not rx.points_after.match(text, last.end):
        return "percent_gdp", "share_of_gdp", last.end, 1.0, "share named before: " + m.group(0)[:-len(m.group("between")) or None].strip()
    cue = None
    signed = _signed(text, first.start)
    m = rx.growth_before.search(text, max(0, first.start - 72), first.start) or \
        (rx.growth_was.search(text, max(0, first.start - 60), first.start) if _WAS_WORDS.search(low) else None)
    if signed:
        cue = signed  # "Venezuela (-56%)": a signed rate is a change
    elif not m and text[first.start - 1:first.start] == "(" and \
            (head := rx.growth_list.search(text, max(0, first.start - 110), first.start)):
        cue = head.group("cue")  # "The largest increases included Romania (43%)"
    elif m:
        cue = m.group("cue")
    else:
        m = rx.growth_after.match(text, last.end)
        if m:
            cue = m.group("cue")
    if cue is None or not (defence or rx.budget.search(low) or topic()):
        return None
    sign = 1.0 if _key(cue) in rx.growth_up or cue in ("+", "-") or lower_as_matched(cue).startswith(
        ("year-on-year", "annual")) else -1.0
    line = _nearest_match(rx.defence_line, low, first.start, last.end)
    other = _nearest_match(rx.other_line, low, first.start, last.end, within=_shares_of(low, rx))
    if other is not None and (line is None or other[0] < line[0]):
        metric = "other_money"
    elif line is not None:
        metric = "defence_budget"
    elif rx.budget.search(low):
        metric = "defence_budget" if defence or topic() else "other_money"
    elif rx.deal.search(low) and defence:
        metric = "arms_deal"
    else:
        metric = "defence_budget" if defence or topic() else "other_money"
    return "percent_growth", metric, last.end, sign, f"growth: {cue}"


def _money_metric(g: list[_Piece], text: str, low: str, prev_low: str, rx: SimpleNamespace,
                  topic: Callable[[], bool] = bool) -> tuple[str, int, str]:
    """(metric, surface end of the last piece, the cue that decided) for a group of amounts.

    The cue nearest the amount decides between a defence line and other money: "spending of 38
    trillion roubles, of which 12 trillion on defence" gives the total to other money and the 12
    trillion to defence. With no cue at all, an amount in an article about military spending
    (``topic()``, read only when needed) is military spending ("France came fifth ($64 billion)")."""
    first, last = g[0], g[-1]
    if rx.share_opens.search(text, max(0, first.start - 12), first.start) and rx.share_closes.match(text, last.end):
        # "allocating 2.3 percent (5.8 billion euros) of GDP to the military": the share in money
        return "defence_budget", last.end, "a share of GDP in money"
    m = rx.per_after.match(text, last.end) or rx.per_one.match(text, last.end)
    if m:  # the surface runs to "per aircraft", not across a conversion in brackets before "each"
        return "unit_price", last.end if m.groupdict().get("br") else m.end(), "per unit: " + m.group(0).strip()
    end = last.end
    m = rx.deal_after.match(text, last.end)
    if m:
        end = m.end()
    m = rx.unit_before.search(text, max(0, first.start - 40), first.start) or \
        rx.each_costs.search(text, max(0, first.start - 60), first.start)
    if m:
        return "unit_price", end, "per unit: " + m.group(0).strip()
    m = rx.goods_after.match(text, end)
    if m:  # "$25 billion worth of food": goods that are no arms
        return "other_money", end, "other goods: " + m.group(0).strip()
    m = rx.arms_after.match(text, end) or rx.to_buy_after.match(text, end)
    if m:
        return "arms_deal", end, "buys: " + m.group(0).strip()
    m = rx.arms_for.match(text, end)
    if m and rx.paid_before.search(text, max(0, first.start - 40), first.start):
        return "arms_deal", end, "paid for: " + m.group(0).strip()  # "paid $203 million for the two submarines"
    m = rx.for_buying.match(text, end)
    if m and not rx.paid_before.search(text, max(0, first.start - 40), first.start) and not rx.deal_word.search(low):
        # "56.6 billion yen for the acquisition of munitions": a budget line, what the money is set aside for
        return "other_money", end, "other line: " + m.group(0).strip()
    exports = _nearest_match(rx.export_total, low, first.start, end)
    deal = _nearest_match(rx.deal, low, first.start, end, rx)
    if deal is not None and deal[0] >= 1000:
        deal = None  # the deal word of another clause ("56.6 billion yen for the acquisition of ...; and 345.1 billion yen")
    if exports is not None and (deal is None or exports[0] <= deal[0] + len(exports[1])
                                or deal[1].lower().startswith("export")) and \
            not rx.sold_to.match(text, end) and not rx.export_to.search(text):
        return "other_money", end, "export total: " + exports[1]  # "Russian arms exports fell to $15 billion"
    budget = _nearest_match(rx.budget, low, first.start, end)
    deal_d, budget_d = (deal[0] if deal else None), (budget[0] if budget else None)
    if deal_d is not None and (budget_d is None or deal_d <= budget_d):
        # "gas deal", "paid in palm oil": no arms deal unless arms are named here or just before; nor one
        # whose own line is nearer ("an arms contract, and a USD 500 million loan for a power plant")
        near_line = _nearest_match(rx.other_line, low, first.start, end, within=_shares_of(low, rx))
        if not (rx.not_arms.search(low) and not rx.arms.search(low) and not rx.arms.search(prev_low)) and \
                not (near_line is not None and near_line[0] < deal_d and rx.not_arms.search(near_line[1])):
            return "arms_deal", end, "deal: " + deal[1]
    if rx.of_which.match(text, end) and not any(  # "defence budgets increased to €240 billion, of which ..." stays defence
            not _CLAUSE_BREAK.search(low, d.end(), first.start) for d in rx.defence_line.finditer(low, 0, first.start)):
        return "other_money", end, "a total: of which"
    m = rx.attached_after.match(low, end)  # "the 101 trillion yen (USD 910 billion) national budget"
    attached = rx.other_line.match(low, m.end()) if m else None
    if attached:
        return "other_money", end, "other line: " + attached.group(0)
    # "the budget for defence and security": the defence words of a combined line are no defence line, nor
    # are those that name whose line it is ("for defence pensions", "for the military for capital expenditure")
    others = list(rx.other_line.finditer(low))
    combined = [m.span() for m in others if rx.defence.search(m.group(0))]
    if others:
        combined += [(d.start(), o.end()) for d in rx.defence_line.finditer(low) for o in others
                     if first.start < d.start() and 0 <= o.start() - d.end() <= 20 and "," not in low[d.end():o.start()]]
    listed = rx.combined_list.search(low) if _BODY_WORDS.search(low) else None  # "the Defence, Home Affairs and
    # Foreign Affairs ministries"
    if listed:
        combined.append(listed.span())
    line = _nearest_match(rx.defence_line, low, first.start, end, items=True, within=combined)
    # "Rs1009 billion of the total budget": the total it is a part of does not make it other money
    part_of = rx.part_of.match(low, end)
    # "1.2 trillion tenge from the state budget to defence": the budget the money comes from is no line
    other = _nearest_match(rx.other_line, low, first.start, end, skip=part_of.end() if part_of else None,
                           not_after=rx.from_the, items=True, within=_shares_of(low, rx))
    if other is not None and (line is None or other[0] < line[0]):
        return "other_money", end, "other line: " + other[1]
    if line is not None:
        return "defence_budget", end, "defence line: " + line[1]
    if listed:
        return "other_money", end, "defence with other lines: " + listed.group(0)
    if budget_d is not None:  # the defence cues are read only for a budget
        defence_here = rx.defence.search(low)
        defence = defence_here or rx.defence.search(prev_low)
        if defence and not (rx.not_defence.search(low) and not defence_here):
            return "defence_budget", end, f"budget: {budget[1]} + {defence.group(0)}"
        if not defence and topic():  # "Venezuela comes fifth with US$3.25 billion, having appropriated ..."
            return "defence_budget", end, f"budget: {budget[1]} in an article on military spending"
        return "other_money", end, "budget, not defence: " + budget[1]
    if topic():
        return "defence_budget", end, "article on military spending"
    return "other_money", end, "no defence cue"


def _shares_of(low: str, rx: SimpleNamespace) -> list[tuple[int, int]]:
    """Where the sentence says what a percentage is a share of ("2% of GDP", "12.9 per cent of the total
    budget"): that line belongs to the share, not to an amount or rate beside it."""
    if _SHARES[0] is low:  # read once a sentence: every amount of it asks
        return _SHARES[1]
    spans = [(m.start(), m.end() + len(o.group(0))) for m in rx.pct_of.finditer(low)
             for o in [rx.other_line.match(low, m.end())] if o] if "%" in low or "cent" in low else []
    _SHARES[:] = [low, spans]
    return spans


_SHARES: list = [None, []]  # the last sentence _shares_of read, and its spans

# Cheap tests on the lower-cased sentence before patterns that search back from every amount: a sentence
# without one of these words cannot match them.
_WAS_WORDS = re.compile(r"\b(?:was|were|is|stood|came|amounted)\b")
_BODY_WORDS = re.compile(r"ministries|budgets|portfolios|sectors|departments")
_COMPARE_WORDS = re.compile(r"than|overt|surpass|outspen|outpac|outstrip|ahead|behind|exceed|compared|versus|vs|displac")


def _nearest_match(rx_: re.Pattern, text: str, start: int, end: int,
                   rx: SimpleNamespace | None = None, skip: int | None = None,
                   not_after: re.Pattern | None = None, items: bool = False,
                   within: list[tuple[int, int]] = ()) -> tuple[int, str] | None:
    """(distance, words) of the match of ``rx_`` nearest ``start:end`` in ``text``, or None; ``skip``: a
    match that starts there is not counted, nor one that ``not_after`` finds just before. ``items``: the
    sentence may list amounts each followed by what it is for ("561 billion for defence, 179 billion in
    special budgets"), so a cue before the amount across a comma counts as further away. A match that
    overlaps a span of ``within`` is part of a longer cue and not counted."""
    best = None
    for m in rx_.finditer(text):
        if m.start() == skip or any(a < m.end() and m.start() < b for a, b in within):
            continue
        if not_after is not None and not_after.search(text, max(0, m.start() - 12), m.start()):
            continue
        if rx is not None and m.group(0).lower() == "order" and rx.in_order.search(text, 0, m.start()):
            continue
        d = _distance(m.start(), m.end(), start, end)
        lo, hi = (m.end(), start) if m.end() <= start else (end, m.start())
        if lo < hi and _CLAUSE_BREAK.search(text, lo, hi):
            d += 1000  # a cue across "; " or ", while" belongs to the other clause
        elif items and m.end() <= start and ", " in text[m.end():start]:
            d += 40  # the cue of the item before
        if best is None or d < best[0]:
            best = (d, m.group(0))
    return best


# a comma or a verb of its own between a country and an amount: the amount is not simply the country's
_LINK_BREAK = re.compile(r"[,;]|\b(?:to|is|are|was|were|has|have|had|will|spent|spends|spend)\b")

# between two clauses: "revenue is put at 36 trillion roubles, while defence spending rises to 13 trillion"
_CLAUSE_BREAK = re.compile(r";|,\s*(?:while|whereas|but)\b|\s(?:while|whereas)\s")


_UNSET = object()  # not read yet


def _is_source(text: str, low: str, m: CountryTuple, rx: SimpleNamespace) -> bool:
    """Is the country at ``m`` the source of an estimate, not a spender ("according to a U.S. index",
    "a Pentagon report puts ...", "U.S. estimates")?"""
    return bool(rx.according.search(text, max(0, m.start - 20), m.start) or rx.source_after.match(low, m.end))


def _default_actor(text: str, low: str, start: int, end: int, mentions: list[CountryTuple],
                   rx: SimpleNamespace, metric: str | None) -> tuple[str | None, str]:
    """(actor, the words that decided) for an amount at ``start:end`` from the structure of its sentence:

    * "$7 billion for Finland": the country the amount is for;
    * "the combined budgets of the EU and U.K. rose to $457 billion", "world spending": a total of
      several countries has none;
    * "China's defence budget ... 1.67 trillion yuan": the owner of the budget the amount belongs to,
      when no other country stands between the two;
    * else the nearest country before it ("Japan's was $56.9 billion", "Russia ($62.2bn)", "Japan: up
      9%"), else after; a country named as the source of an estimate is passed over while another is
      named.
    """
    inside = lambda m: start <= m.start and m.end <= end  # noqa: E731 - "U.S. dollars" is a currency
    mentions = [m for m in mentions if not inside(m)]
    for m in mentions:
        if m.start >= end and rx.for_between.fullmatch(text, end, m.start):
            return m.alpha3, f"for {m.alias}"
    # a country a total "includes" is part of it ("Europe, including Germany, reached $693 billion")
    before = [m for m in mentions if m.end <= start and not rx.including.search(text, max(0, m.start - 14), m.start)]
    # a country the spender is compared with gives way to one that is not, unless the amount is its own
    # ("Saudi Arabia has overtaken the UK ... $59.6bn", but "outspent Pakistan ($10bn)")
    compares = _COMPARE_WORDS.search(low) is not None
    measured = [m for m in before if compares and rx.compared.search(text, max(0, m.start - 24), m.start)
                and not rx.attached.match(text, m.end, start)
                and not (start - m.end <= 30 and not _LINK_BREAK.search(text, m.end, start))]
    if measured and len(measured) < len(before):
        before = [m for m in before if m not in measured]
        mentions = [m for m in mentions if m not in measured]
    lead_start = before[-1].end if before else 0
    agg = [g for g in rx.aggregate.finditer(low, lead_start, start) if low[g.end():g.end() + 2] not in ("'s", "’s")
           and not rx.rank_in.search(low, max(0, g.start() - 40), g.start())  # "the fifth largest spender in the world"
           and not rx.leads.search(low, max(0, g.start() - 30), g.start())  # "Brazil leads Latin America"
           and not rx.ones_own.search(low, max(0, g.start() - 12), g.start())]  # "the country's combined budget"
    if agg:
        return None, f"total of several countries: {agg[-1].group(0)}"
    m = rx.world_after.match(low, end) or rx.world_inside.search(low, start, end)
    if m:  # "rose 4 per cent worldwide", "2.2% of the world's GDP"
        return None, f"total of several countries: {m.group(0).strip()}"
    if before:  # "the combined defence budgets of the EU and U.K. rose by 11.7%"
        g = rx.together_word.search(low, max(0, before[-1].start - 60), before[-1].start)
        if g and rx.and_.search(low, g.end(), before[-1].start) and not _CLAUSE_BREAK.search(low, g.end(), start):
            return None, f"total of several countries: {g.group(0)} … and {before[-1].alias}"
    m = rx.for_between.match(text, end)
    if m:  # "... for all the European allies combined"
        later = rx.aggregate.search(low, m.end(), m.end() + 40)
        if later and not any(c.start < later.start() for c in mentions if c.start >= m.end()):
            return None, f"total of several countries: for … {later.group(0)}"
    if before and not _is_source(text, low, before[-1], rx):
        pass
    elif before:
        # the nearest is a source: a spender further back or after it, else the source after all
        others = [m for m in before if not _is_source(text, low, m, rx)]
        after = [m for m in mentions if m.start >= end and not _is_source(text, low, m, rx)]
        if others:
            before = others
        elif after:
            return after[0].alpha3, f"after, not the source: {after[0].alias}"
    if not mentions:
        return None, ""
    if metric == "defence_budget":
        cues = list(rx.budget.finditer(low))
        if cues:
            cue = min(cues, key=lambda c: _distance(c.start(), c.end(), start, end))
            owner = [m for m in mentions if m.end <= cue.start() and cue.start() - m.end <= 30]
            lo, hi = (cue.end(), start) if cue.end() <= start else (end, cue.start())
            between = [m for m in mentions if lo <= m.start and m.end <= hi]
            if owner and not between and not _is_source(text, low, owner[-1], rx):
                return owner[-1].alpha3, f"owner: {owner[-1].alias} {cue.group(0)}"
    if before:
        return before[-1].alpha3, f"nearest before: {before[-1].alias}"
    # after the amount, a country that is the object of a preposition ("the lowest since the war with China",
    # "concluded by Russia") or a source is no spender
    after, governed = [], None  # "from China, India and Laos": each country of the list is the preposition's object
    for m in (m for m in mentions if m.start >= end):
        if rx.object_of.search(text, max(0, m.start - 16), m.start) or \
                governed is not None and rx.coord.match(text[governed.end:m.start]):
            governed = m
        elif not _is_source(text, low, m, rx):
            after.append(m)
    return (after[0].alpha3, f"nearest after: {after[0].alias}") if after else (None, "")


def _fallback_actor(code: str | None, index: int, state) -> tuple[str | None, str]:
    """No country in the sentence: the currency's country, else the actor of a figure just before."""
    if code and code in _money.CURRENCY_COUNTRY:
        return _money.CURRENCY_COUNTRY[code], f"currency: {code}"
    if state.actor and index - state.actor[1] <= 2:
        return state.actor[0], "actor of the figure before"
    return None, ""


def _deal_told_before(sentences, index: int, rx: SimpleNamespace, reach: int = 4) -> tuple[str, str | None] | None:
    """(buyer, seller) of an arms deal a buy or sell verb tells of in one of the ``reach`` sentences before
    sentence ``index`` ("Jakarta ordered 11 Su-35 fighters from Moscow."), nearest first, or None. A deal
    only said to be signed is weaker evidence (either side signs) than one bought, sold or exported: the
    nearest of those wins."""
    weak = None
    for j in range(index - 1, max(-1, index - 1 - reach), -1):
        text = sentences[j].text
        low = text.lower()
        verbs = [m for m in (*rx.buyer.finditer(low), *rx.seller.finditer(low))]
        if not verbs or not (rx.arms.search(low) or rx.weapon.search(text)):
            continue
        strong = [m for m in verbs if m.group(0) not in _WEAK_DEAL_VERBS]
        verb = min(strong or verbs, key=lambda m: m.start())
        buyer, seller, _ = _deal_roles(text, low, verb.start(), verb.end(), _mentions(text), rx)
        if buyer is None:
            continue
        if strong:
            return buyer, seller
        weak = weak or (buyer, seller)
    return weak


_WEAK_DEAL_VERBS = frozenset({"signed", "sign", "signs"})
