"""The speed-ups in the exercise, place and country matchers read text exactly as the plain patterns do.

The vocabularies are matched with trie-shaped alternations (:mod:`analysis.extract._patterns`) and the
case-insensitive ones on a sentence's lower-case form (``_CaseFree``); each is checked here against the
straightforward pattern it replaces, on the seed sentences and on lines written to catch the edge cases
(separators, case, possessives, word boundaries, letters that fold oddly: "İ", "ı", "ſ", the Kelvin sign).
The article pre-filter's single scan is checked against its two-pass definition, and the cheap checks that
skip a pattern (direction words, a literal every match needs) against the pattern run anyway.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis import load_corpus
from analysis.extract import countries, places
from analysis.extract.exercises import _vocab, domains, mentions, participants, timing
from analysis.extract.exercises.prefilter import _Prefilter
from analysis.extract._patterns import trie_alternation

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

LINES = [
    "Russian and Chinese warships held JOINT NAVAL DRILLS in the Sea  of Japan and the East-China Sea.",
    "The U.S.’s allies, the US and South Korea's navy watched the Zapad / Interaction-2021 exercise.",
    "Tu-95MS bombers, TU95 and Tu 160 aircraft, Su-35S jets and a Type 052D destroyer took part.",
    "Exercises, exercised restraint; PATROLS patrolled; war-games, wargames, war games and maneuvers.",
    "the two navies said they would hold drills next year in the Asia Pacific and north-west Pacific",
    "Troops from China, India and Belarus; military observers from Iran took part in Vostok-2022.",
    "İn the Mediterranean, patrolſ and drılls with the \u212aremlin’s navy: China Daily reported that.",
    "xChina, Chinese-made, Sino-Russian, Russia-China, Beijing.Moscow, LET US GO, the Baltic states.",
    "the fleet sailed, flew, travelled and practised in coming years; last year’s joint cruise.",
]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    sentences = [s.text for a in load_corpus(SEEDS).articles for s in a.sentences]
    return sentences + LINES + [line.upper() for line in LINES] + [line.lower() for line in LINES]


def spans(matches) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0).lower()) for m in matches]


def longest_first(terms, space: str | None = None) -> str:
    escaped = (re.escape(t) for t in sorted(set(terms), key=len, reverse=True))
    return "|".join(e.replace(r"\ ", space) if space else e for e in escaped)


def test_country_trie_reads_as_the_longest_first_alternation(texts):
    plain = re.compile(rf"(?<![\w.])(?:{longest_first(countries.aliases())})(?:(?<=\.)|(?![\w]))(?:’s|'s)?")
    for text in texts:
        assert spans(countries._pattern().finditer(text)) == spans(plain.finditer(text)), text


def test_place_trie_reads_as_the_longest_first_alternation(texts):
    cased = set()
    for alias in places._cased_names().values():
        base = places._DIRECTION_PREFIX.sub("", alias) if alias[0].islower() else alias
        if base and base[0].isupper():
            cased |= {base, base.upper()}
    alternation = "|".join(re.sub(r"(?:\\ |\\-)+", r"[\\s\\-]+", re.escape(n))
                           for n in sorted(cased, key=len, reverse=True))
    plain = re.compile(rf"(?:{alternation})(?![\w\-])")
    for text in texts:
        assert spans(places._pattern().finditer(text)) == spans(plain.finditer(text)), text


@pytest.mark.parametrize("category", ["cue", "domain", "hold", "group", "report", "planned", "conducted"])
def test_vocabulary_tries_read_as_longest_first_alternations(texts, category):
    terms = [r["term"] for r in _vocab._read_csv("exercise_vocab.csv") if r["category"] == category]
    alternation = longest_first(terms, r"\s+")
    plain = re.compile(rf"(?<![\w\-])(?:{alternation})(?![\w\-])", re.IGNORECASE)
    mine = _vocab._words(terms)
    for text in texts:
        expected = spans(plain.finditer(text))
        assert spans(mine.finditer(text)) == expected, text  # re.IGNORECASE on the text
        assert spans(mine.finditer(_vocab._Text(text))) == expected, text  # on its lower-case form


def test_case_free_patterns_read_the_same_on_the_lower_case_form(texts):
    rules = _vocab._rules()
    patterns = [getattr(rules, f) for f in rules.__dataclass_fields__
                if isinstance(getattr(rules, f), _vocab._CaseFree)]
    patterns += [timing._RELATIVE_YEAR, participants._CONTINGENT, domains._MOTION]
    for text in texts:
        lowered = _vocab._Text(text)
        assert lowered == text and (lowered.low is None) == any(ch in text for ch in "İıſ")
        for p in patterns:
            assert spans(p.finditer(lowered)) == spans(p.exact.finditer(text)), (p.exact.pattern[:60], text)
            for lo in (0, len(text) // 3):
                assert (p.search(lowered, lo) is None) == (p.exact.search(text, lo) is None)


def test_tokens_are_read_backwards_as_forwards(texts):
    forward = re.compile(r"[\w’'\-]+|[^\w\s]")
    for text in texts:
        for hi in range(0, len(text), 7):
            lo = max(0, hi - 40)
            expected = [(m.start(), m.end(), m.group(0)) for m in forward.finditer(text, lo, hi)][::-1]
            got = [(a, b, text[a:b]) for a, b in mentions._tokens_before(text[lo:hi][::-1], hi)]
            assert got == expected, (text, lo, hi)


def test_trie_alternation_prefers_the_longest_term():
    pattern = re.compile(trie_alternation(["Sea", "Sea of Japan", "Sea of Japan Coast"], space=r"\s+"))
    assert [m.group(0) for m in pattern.finditer("Sea of  Japan, Sea of Okhotsk")] == ["Sea of  Japan", "Sea"]


SERIES_LINES = [
    "The Zapad / Interaction-2021 and ZAPAD-INTERACTION 2021 drills; Northern Interaction-2023, Joint  Sea-2021.",
    "Joint-Sea 2019, JOINT SEA II, Joint Sea Breeze, Sea Breeze-2021, Shield Of The Union, Shield of the Union 2023.",
    "West-2021, Western Interaction, West/Interaction, the West, Center 2019, Centre–2020, Ocean-2024, Okean 2010.",
    "Vostok2022, VOSTOK-2022A, Kavkaz 2020 II, Peace Mission 2021 3, Mosi II, MOSI III, Army Games, International "
    "Army Games, AviaDarts, Aviadarts, RIMPAC 2022, Rimpac, Rim Of The Pacific, Defender Europe, Defender-Europe.",
]


def test_series_trie_reads_as_the_longest_first_alternation(texts):
    plain_aliases = [a.rstrip("*").strip() for r in _vocab._read_csv("exercise_series.csv") if r["numbered"] != "1"
                     for a in r["aliases"].split(";")]
    variants = {v for a in plain_aliases for v in (a, a.upper(), a.title())}

    def flex(alias: str) -> str:
        parts = [re.sub(r"(?:\\[ \-])+", lambda _: r"[\s\-]+", re.escape(p.strip())) for p in alias.split("/")]
        return r"\s*/\s*".join(parts)

    mine = _vocab._rules().series
    suffix = mine.pattern.split(_vocab._ALIAS_END, 1)[1]  # the year / roman / number suffix after the alias
    alternation = "|".join(flex(v) for v in sorted(variants, key=len, reverse=True))
    plain = re.compile(rf"(?P<alias>{alternation}){_vocab._ALIAS_END}{suffix}")
    for text in texts + SERIES_LINES + [line.upper() for line in SERIES_LINES]:
        assert [(m.span(), m.groupdict()) for m in mine.finditer(text)] == \
            [(m.span(), m.groupdict()) for m in plain.finditer(text)], text


def test_prefilter_finds_what_two_passes_find(texts):
    # One scan for the names and the upper-case stems, against every stem occurrence plus a scan of the
    # names alone, on lines where one term hides another ("JOINT SEA BREEZE", glued names and stems).
    prefilter = _vocab._rules().prefilter
    terms = sorted(prefilter.names | prefilter.upper_stems)
    glued = ["".join(terms[i:i + 3]) for i in range(0, len(terms), 2)]
    glued += [" ".join(terms[i:i + 4]) for i in range(0, len(terms), 3)]
    for text in texts + SERIES_LINES + [line.upper() for line in texts + SERIES_LINES] + glued:
        assert set(prefilter.hits(text)) == set(prefilter._two_passes(text)), text


def test_prefilter_on_vocabularies_that_overlap_everywhere():
    import random

    rnd = random.Random(5)
    for _ in range(400):
        stems = {"".join(rnd.choice("ab") for _ in range(rnd.randint(1, 3))) for _ in range(rnd.randint(1, 3))}
        names = {"".join(rnd.choice("AB ab-") for _ in range(rnd.randint(1, 5))).strip() or "A" for _ in range(5)}
        prefilter = _Prefilter(stems, names)
        for _ in range(20):
            text = "".join(rnd.choice("abAB -") for _ in range(rnd.randint(0, 30)))
            assert set(prefilter.hits(text)) == set(prefilter._two_passes(text)), (stems, names, text)


def test_countries_built_as_another_record_are_the_same_mentions(texts):
    for text in texts:
        assert [tuple(vars(m).values()) for m in countries.find_countries(text)] == \
            countries.find_countries(text, lambda *fields: fields), text


def test_direction_words_are_looked_for_only_where_one_can_end(texts):
    for text in texts + [line.replace("Pacific", "north-west Pacific") for line in texts]:
        for start in range(len(text) + 1):
            plain = places._DIRECTION_BEFORE.search(text, max(0, start - 16), start) \
                if start and text[start - 1].isspace() else None
            mine = places._direction_before(text, start)
            assert (mine and mine.span()) == (plain and plain.span()), (text, start)


def test_range_prechecks_change_no_result(texts):
    # _CaseFree(needs=...) and _first_year skip a range that cannot hold a match
    for text in texts:
        lowered = _vocab._Text(text)
        for lo in range(0, len(text), 11):
            for hi in (lo + 15, lo + 60, len(text)):
                for p in (timing._RELATIVE_YEAR, timing._RELATIVE_MONTH, participants._CONTINGENT):
                    source = lowered.low if lowered.low is not None else text
                    plain = p.lower if lowered.low is not None else p.exact
                    assert [m.span() for m in p.finditer(lowered, lo, hi)] == \
                        [m.span() for m in plain.finditer(source, lo, hi)]
                years = [(abs(m.start() - lo), int(m.group(1))) for m in timing._YEAR.finditer(text, lo, hi)]
                assert timing._first_year(text, lo, hi, lo) == (min(years)[1] if years else None)
