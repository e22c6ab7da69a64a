"""The shortcuts the corpus stage and the figure extractor take for speed give what the plain way gives.

Each test pins one assumption a faster path rests on, so a change to a pattern or a vocabulary that
breaks it fails here rather than silently changing the tables.
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import pytest

from analysis import article_from_text, load_corpus
from analysis.corpus import sentences
from analysis.extract import figures

ROOT = Path(__file__).parents[1]
PEER = ROOT.parent / "shared" / "peer-cases"

TRICKY = [
    "", ".", "?!", "...", "…", "U.S. Navy. Adm. Richard spoke.", "Why? Because. Yes!", "He said “no.” Then?",
    "It rose.In May it fell…Then it rose again?! Yes.",
    "(…)In 2020. “Done.” ‘Right?’ [Sure.] 3.5. Wait…?",
    "Wait?.. No!… Fine.?Ok. A.B. C. D.C. Today.", "end.\n\nNext line? \u00a0Yes…  “Quoted.”\nLast",
]


def _random_texts(n: int) -> list[str]:
    rng = random.Random(20240601)
    pieces = list(".!?…\"'”’)] \n\tAaBZz0“‘([") + ["In", "U.S.", "Mr. ", "...", "?!", ". ", "… ", "The "]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) for _ in range(n)]


def _ends_as_finditer_gives_them(text: str) -> bool:
    expected = [(m.span(), m.groups()) for m in sentences._END.finditer(text)]
    return [(m.span(), m.groups()) for m in sentences._ends(text)] == expected


@pytest.mark.parametrize("text", TRICKY)
def test_sentence_ends_match_one_finditer(text):
    assert _ends_as_finditer_gives_them(text)


def test_sentence_ends_match_one_finditer_on_random_punctuation():
    assert [t for t in _random_texts(5000) if not _ends_as_finditer_gives_them(t)] == []


def _seed_articles():
    return load_corpus(ROOT / "seeds").articles


def test_bisected_number_sentences_match_reading_each_sentence():
    rx = figures._rx()
    texts = [a.text for a in _seed_articles()] + TRICKY + [
        "Two tanks, 300 jets.India bought twelve.2021 was 15o.", "one two three 4 5 6 seven 8,000 nine"]
    for text in texts:
        article = article_from_text(text)
        sents = article.content_sentences()
        starts = figures._word_starts(figures._lower(text), rx)
        assert list(figures._bisected(text, [s.start for s in sents], [s.end for s in sents], starts, rx)) == \
            list(figures._one_by_one(sents, starts, rx))


def _peer_texts() -> list[str]:
    if not PEER.is_dir():
        return []
    out = []
    for path in sorted(PEER.glob("*.jsonl")):
        with open(path, encoding="utf-8") as f:
            out += [t for t in (json.loads(line).get("text") for line in f) if t]
    return out


def test_a_number_without_currency_ends_where_its_last_part_ends():
    """_digit_pieces takes the match end as the number's end unless a currency suffix was dropped."""
    rx = figures._rx()
    texts = [a.text for a in _seed_articles()] + _peer_texts() + ["5 bn", "3-4 %", "12 per cent", "7K", "15o"]
    seen = 0
    for text in texts:
        for digit in re.finditer(r"\d", text):
            m = rx.tail.match(text, digit.start())
            if m and m.group("suf") is None:
                seen += 1
                parts = ("num", "ascale", "aletter", "scale", "pct")
                assert m.end() == max(m.end(part) for part in parts)
    assert seen


def test_every_year_read_is_written_19xx_or_20xx():
    rx = figures._rx()
    for text in ["FY2021", "fiscal year 1999", "in 2020.", "FY 2019 budget", "1850 and 2101", "FY21"]:
        for m in rx.year.finditer(text):
            assert m.group(1)[:2] in ("19", "20") and m.group(1) in text


def test_relative_years_hold_a_word_whose_lower_case_is_exact():
    """_year skips the relative-year scan when the lower-cased sentence lacks ``rel_year_word``: every
    relative year must hold it, and each of its letters must match case-insensitively exactly the
    characters whose lower case it is (true of "y", "e", "a", "r"; not of "i" or "s": "İ", "ſ")."""
    rx = figures._rx()
    word = rx.rel_year_word
    assert all(word in term for term in rx.rel_years)
    every_char = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for letter in set(word):
        by_regex = set(re.findall(f"(?i:{re.escape(letter)})", every_char))
        by_lower = {ch for ch in by_regex | {letter, letter.upper()} if figures._lower(ch) == letter}
        assert by_regex == by_lower, letter
