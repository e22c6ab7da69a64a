"""Stage 8, domains (air, naval, land) and assets (aircraft, ship and vehicle words) of a mention: from its words,
its holding clause, what follows it, and the next sentences that go on telling of it (whose places are its too)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.extract._patterns import trie_alternation
from analysis.extract.exercises._vocab import _ASIDE, _ASSET_SEPARATORS, _WATCH_PURPOSE, _CaseFree, _norm

if TYPE_CHECKING:
    from analysis.extract.exercises._vocab import _Rules, _Text
    from analysis.extract.exercises.extractor import _ArticleContext
    from analysis.extract.exercises.mentions import _Cand

#: "Liberation " before "Army": the People's Liberation Army is no land domain
_LIBERATION_BEFORE = re.compile(r"Liberation\s+$", re.IGNORECASE)
#: "think-" before "tank": no vehicle
_THINK_TANK = re.compile(r"think[\s\-]+$", re.IGNORECASE)
#: after "artillery", its firing: " fire", " firing" (in "practise artillery fire")
_FIRE_AFTER = re.compile(r"[\s\-]+(?:fire|firing|firings|shooting)\b", re.IGNORECASE)
#: forces moving or drilling in a next sentence: "flew", "sailed", "practised"
_MOTION = _CaseFree(r"(?:%s)\b" % trie_alternation(
    "flew flown sailed passed transited entered crossed traveled travelled moved headed cruised conducted held "
    "practiced practised involved involve involves involving participated participating part joined joining".split(),
    not_after=r"\w"))
#: forces sent in a next sentence: "has dispatched fighters", "deployed paratroopers" (of a country taking part, and
#: not elsewhere: "deployed warships to the area")
_SENDING = re.compile(r"\b(?:dispatched|deployed)\b(?![^.;]*?\bto\s+(?:the\s+)?(?:front|area|region|border|scene)\b)",
                      re.IGNORECASE)
#: a next sentence that tells of a phase of the exercise before it: "The three-day Phase I will aim at ...", "The
#: second stage will see ..."
_PHASE = re.compile(r"\b(?:phase|stage)\s+(?:I{1,3}|IV|one|two|three|\d)\b|\b(?:first|second|third|final|last|main|"
                    r"active|initial)\s+(?:phase|stage)\b", re.IGNORECASE)
#: a paragraph after a mention that tells of something else ("Chinese fighters also flew near Okinawa")
_OTHER_ACTION = re.compile(r"\b(?:also|separately|meanwhile|elsewhere|in\s+addition|ceremony)\b", re.IGNORECASE)


def _assets(text: str, lo: int, hi: int, rules: _Rules) -> list[tuple[str, str, bool]]:
    out = []
    for m in rules.asset.finditer(text, lo, hi):
        if _THINK_TANK.search(text, max(0, m.start() - 8), m.start()):
            continue
        if m.end() - m.start() == 9 and _FIRE_AFTER.match(text, m.end()) and m.group(0).lower() == "artillery":
            continue  # "artillery fire": a practice of every arm (navies fire their guns too), no land asset
        hit = rules.asset_of.get(_ASSET_SEPARATORS.sub("", m.group(0).lower()))
        if hit:
            out.append(hit)
    return out


#: the arms listed before "forces" after a mention: "troops from land, sea and air forces"
_ARMS_FORCES = re.compile(r"\b((?:land|ground|sea|naval|air)(?:\s*,\s*(?:land|ground|sea|naval|air))*"
                          r"(?:,?\s+and\s+(?:land|ground|sea|naval|air))?)\s+forces\b",
                          re.IGNORECASE)
#: right after a mention, where at sea it is held: " on the high seas", " on the open sea"
_AT_SEA = re.compile(r"\s+on\s+(?:the\s+)?(?:high|open)\s+seas?\b", re.IGNORECASE)
#: each arm's domain
_ARM_DOMAIN = {"land": "land", "ground": "land", "sea": "naval", "naval": "naval", "air": "air"}
#: a word of _ARMS_FORCES's list
_ARM = re.compile(r"[A-Za-z]+")


def _arms(text: str, lo: int, hi: int) -> set[str]:
    """The domains of the arms listed before "forces" in text[lo:hi] ("... exercises, which include 10,000 troops
    from land, sea and air forces": land, naval, air)."""
    out = set()
    for m in _ARMS_FORCES.finditer(text, lo, hi):
        out.update(_ARM_DOMAIN[w.lower()] for w in _ARM.findall(m.group(1)) if w.lower() in _ARM_DOMAIN)
    return out


def _domain_words(text: str, lo: int, hi: int, rules: _Rules, places) -> set[str]:
    out = set()
    for m in rules.domain.finditer(text, lo, hi):
        if places and any(p.start <= m.start() < p.end for p in places):
            continue
        domain = rules.domain_of.get(_norm(m.group(0)))
        if domain == "land" and _LIBERATION_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # the People's Liberation Army is all of China's forces, not its land arm
        if domain is not None:
            out.add(domain)
    low = getattr(text, "low", None) or text.lower()
    for term in rules.all_domains:
        if low.find(term, lo, hi) >= 0:
            out.update(("air", "land", "naval"))  # "a tri-service exercise"
            break
    return out


def _went_on(article, ctx: _ArticleContext, idx: int, follow, contributing: set[int], codes=()) -> list[int]:
    """The next sentences (``follow``, from sentence ``idx + 1``) that go on telling of a mention: those that
    name countries taking part (``contributing``), or tell of forces moving, or sent by the countries taking part
    (``codes``) and by no other, not to watch and, after a new paragraph, not of something else."""
    went_on = []
    for j, s2 in enumerate(follow, start=idx + 1):
        s2_text = ctx.text_of(j)
        new_paragraph = "\n" in article.text[ctx.sentences[j - 1].end:s2.start]
        low2 = s2_text.low or s2_text.lower()
        if j in contributing or (not new_paragraph and ("hase" in low2 or "tage" in low2) and _PHASE.search(s2_text)) or (
                (_MOTION.search(s2_text) or (("deployed" in low2 or "dispatched" in low2) and _SENDING.search(s2_text)
                                             and _sent_by(ctx.sentence_facts(j)[1], codes))) and
                "scrambl" not in low2 and not _WATCH_PURPOSE.search(s2_text) and
                not (new_paragraph and _OTHER_ACTION.search(s2_text))):
            went_on.append(j)
    return went_on


def _sent_by(countries, codes) -> bool:
    """Whether a sentence's ``countries`` are some of the mention's participants (``codes``), and only those."""
    return bool(countries) and all(x.alpha3 in codes for x in countries)


def _domains_and_assets(t: _Text, c: _Cand, own_lo: int, clause_lo: int, ctx_start: int, nxt: int, hold_here: bool,
                        rules: _Rules, places, ctx: _ArticleContext, went_on) -> tuple[set[str], list[str]]:
    """The domains and assets of mention ``c`` (``hold_here``: a holding verb in its clause before it, whose
    words count; ``went_on``: the next sentences that go on telling of it, see :func:`_went_on`)."""
    domains = _domain_words(t, c.start, c.end, rules, places)
    if c.agent is not None:
        domains |= _domain_words(t, *c.agent, rules, places)
    asset_hits = _assets(t, c.start, c.end, rules)
    if hold_here:
        domains |= _domain_words(t, max(own_lo, clause_lo), ctx_start, rules, places)
        asset_hits += _assets(t, max(own_lo, clause_lo), ctx_start, rules)
    aside = _ASIDE.search(t, c.end, nxt)
    hi = aside.start() if aside else nxt
    asset_hits += _assets(t, c.end, hi, rules)
    if t.find("forces", c.end, hi) >= 0:
        domains |= _arms(t, c.end, hi)
    if t.startswith(" o", c.end) and _AT_SEA.match(t, c.end) is not None:
        domains.add("naval")  # "war games on the high seas"
    for j in went_on:
        s2_text = ctx.text_of(j)
        asset_hits += _assets(s2_text, 0, len(s2_text), rules)
    domains |= {d for _, d, _ in asset_hits}
    if not domains and c.series is not None:
        domains = set(c.series.domains)
    specific_domains = {d for _, d, sp in asset_hits if sp}
    assets = []
    for a, d, sp in asset_hits:
        if a and (sp or d not in specific_domains) and a not in assets:
            assets.append(a)
    return domains, assets
