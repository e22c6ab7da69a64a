"""The quote extractor's shortcuts read what the plain scans read, and long texts cost linear time."""
from __future__ import annotations

import random
import re
import time

import pytest

from analysis.corpus.load import article_from_text
from analysis.extract.quotes import extract_quotes
from analysis.extract.quotes.cues import Stops, _cue_pattern, _SENTENCE_END, find_cues
from analysis.extract.quotes.extractor import _CLAUSE_END
from analysis.extract.quotes.speakers import find_mentions


@pytest.mark.parametrize("text, cues", [
    ("Said the minister.", ["said"]),  # at the start of the text
    ("The minister said it.", ["said"]),  # after a space
    ("The report\naccording to  officials\nsaid", ["according to", "said"]),  # after a line break
    ("“Said” (told) —stated, [noted] /wrote/", ["said", "told", "stated", "noted", "wrote"]),  # after marks
    ("He told\u00a0reporters", ["told"]),
    ("resaid it’said un-said o'said", []),  # inside a word, after an apostrophe or a hyphen
    ("said-so saidx said’s", []),  # a word goes on after it
    ("SAID Told", ["said", "told"]),
])
def test_cues_begin_after_any_character_that_ends_a_word(text, cues):
    found = find_cues(text)
    assert [c for _, _, c in found] == cues
    assert found == [(m.start(), m.end(), m.group()) for m in _cue_pattern().finditer(text.lower())]


@pytest.mark.parametrize("pattern", [_SENTENCE_END, _CLAUSE_END])
def test_stops_answer_as_a_search_would_in_any_order(pattern):
    text = ("He said it. The U.S. Navy; a ship\n\n“We sail,” he said. Mr. Zhao spoke. A. B. Smith?\n"
            "No end here " * 3 + "x.")
    stops = Stops(pattern, text)
    rng = random.Random(7)
    asked = [p for p in range(len(text) + 1) for _ in range(2)]  # increasing, with each position twice
    asked += [rng.randrange(len(text) + 1) for _ in range(300)]  # then any order
    for pos in asked:
        m = pattern.search(text, pos)
        assert stops.next(pos) == (m.start() if m else len(text)), pos


def test_pronouns_each_scanned_alone_are_found_as_one_scan_finds_them():
    text = "He said. she said. She, he; the theme. shell he’s ushe She\u00a0He"
    found = [(m.start, m.name) for m in find_mentions(text) if m.kind == "pronoun"]
    one_scan = [(m.start(), m.group().lower()) for m in re.finditer(r"(?<![\w’'-])(?:He|he|She|she)(?![\w’'])", text)]
    assert found == one_scan


def _cpu(article) -> float:
    t0 = time.process_time()
    extract_quotes(article)
    extract_quotes(article, reported=True)
    return time.process_time() - t0


@pytest.mark.parametrize("unit", [
    "“a” ‘b’ \"c\" 'd' «e» „f“ ",  # one long paragraph of quotes and no sentence end
    "“The drills will go on,” the minister said, and “they ‘will’ end” ",
])
def test_a_long_paragraph_of_quotes_costs_linear_time(unit):
    """Four times the paragraph costs about four times as much (a search from each quote to the end of its
    sentence made it sixteen)."""
    short = article_from_text("Title\n\n" + unit * 400 + "\n", article_id="short")
    long = article_from_text("Title\n\n" + unit * 1600 + "\n", article_id="long")
    short.sentences, long.sentences  # noqa: B018 (cut before timing)
    t_short = min(_cpu(short) for _ in range(2))
    t_long = min(_cpu(long) for _ in range(2))
    assert t_long < 4 * 2 * max(t_short, 0.005)
