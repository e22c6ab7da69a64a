"""The short cuts the exercise reading takes for speed find what the long way finds: which sentences hold a place a
mention may begin, where later sentences of taking part are looked for, which sentences may name an outlet, and
the event ids read from a table whatever its string type. Sentences and tables written here."""
from __future__ import annotations

import bisect
import itertools

import pandas as pd
import pytest

from analysis import article_from_text
from analysis.corpus.model import Sentence
from analysis.extract.events import assign_event_ids
from analysis.extract.exercises import EXERCISE_COLUMNS, exercises_frame
from analysis.extract.exercises._vocab import _read_csv, _rules
from analysis.extract.exercises.extractor import _hit_index
from analysis.extract.exercises.locations import _sentence_facts
from analysis.extract.exercises.references import _FOLLOWING, _runs_near_hits


def _hit_index_by_sentence(hits, sentences):
    """The definition: a sentence holds a hit when the first hit at or after its start comes before its end."""
    return [(i := bisect.bisect_left(hits, s.start)) < len(hits) and hits[i] < s.end for s in sentences]


# ---- which sentences hold a hit ---------------------------------------------------------------------------------

def test_hit_index_of_sentences_in_order_as_each_sentence_would_find_it():
    sentences = [Sentence(0, 10, ""), Sentence(11, 20, ""), Sentence(20, 20, ""), Sentence(20, 35, ""),
                 Sentence(40, 50, "")]
    for hits in ([], [0], [10], [11, 19], [20], [36, 37], [49, 50, 60], list(range(0, 60, 3))):
        assert _hit_index(hits, sentences) == _hit_index_by_sentence(hits, sentences), hits


def test_hit_index_of_overlapping_sentences_reads_each_sentence():
    sentences = [Sentence(0, 30, ""), Sentence(10, 20, ""), Sentence(5, 8, "")]  # (not as the splitter makes them)
    for hits in ([6], [15], [25], [6, 15, 25]):
        assert _hit_index(hits, sentences) == _hit_index_by_sentence(hits, sentences), hits


def test_hit_index_of_an_article():
    a = article_from_text("Drills\n\nChina and Russia held joint drills. Nothing else happened. Warships patrolled "
                          "the sea.\n\nThe Vostok-2022 exercise ended.")
    sentences = a.content_sentences()
    hits = _rules().prefilter.hits(a.text)
    assert hits
    assert _hit_index(hits, sentences) == _hit_index_by_sentence(hits, sentences)


# ---- where later sentences of taking part are looked for --------------------------------------------------------

class _Context:
    def __init__(self, flags):
        self.hit_index = flags
        self.sentences = [Sentence(10 * i, 10 * i + 8, "") for i in range(len(flags))]


@pytest.mark.parametrize("flags", [
    [True] + [False] * 12,
    [True, False, False, True] + [False] * 9,
    [False, True] + [False] * 6 + [True] + [False] * 6,
    [False] * 3 + [True] * 3 + [False] * 7,
])
def test_runs_near_hits_cover_the_sentences_within_reach_of_a_hit(flags):
    for first in range(len(flags) - 1):
        ctx = _Context(flags)
        runs = _runs_near_hits(ctx, first)
        covered = {j for j, s in enumerate(ctx.sentences) if any(a <= s.start and s.end <= b for a, b in runs)}
        wanted = {j for j in range(first + 1, len(flags))
                  if any(flags[i] for i in range(max(first, j - _FOLLOWING), j + 1))}
        assert covered == wanted, (first, runs)
        assert all(b1 < a2 for (_, b1), (a2, _) in itertools.pairwise(runs))  # runs of sentences apart


def _participants_of(body: str) -> set[str]:
    frame = exercises_frame([article_from_text(f"Drills\n\n{body}", article_id="t")])
    assert len(frame) == 1, frame[["surface"]].values.tolist()
    return set(frame.loc[0, "participants"].split(";"))


def test_countries_taking_part_told_within_reach_are_read_and_not_beyond():
    told = "Russia began the Vostok-2022 exercise on Thursday. It runs for a week. The ministry gave no details. "
    assert _participants_of(told + "Belarus and Tajikistan will also take part in the exercise.") == \
        {"BLR", "RUS", "TJK"}
    assert _participants_of(told + "Nothing more was said. The weather was fine. Rain fell. Belarus and Tajikistan "
                                   "will also take part in them.") == {"RUS"}


# ---- outlets -----------------------------------------------------------------------------------------------------

def test_every_outlet_name_holds_a_word_of_the_plain_test():
    rules = _rules()
    names = [r["term"] for r in _read_csv("exercise_vocab.csv") if r["category"] == "media"]
    assert names
    for name in names:
        assert any(w in name for w in rules.media_words), name


@pytest.mark.parametrize("text", ["The Japan Times said so.", "Xinhua reported it.", "no outlet here", "",
                                  "TIMES NEWS post", "Asian nations and Americans", "Posted on Today's page"])
def test_the_outlet_word_scan_finds_what_the_plain_tests_find(text):
    rules = _rules()
    assert (rules.media_word_scan.search(text) is not None) == any(w in text for w in rules.media_words)


def test_a_country_inside_an_outlet_name_is_no_country_of_the_sentence():
    places, countries = _sentence_facts("The Global Times and the Japan Times said Russia and China held drills.",
                                        _rules())
    assert [c.alpha3 for c in countries] == ["RUS", "CHN"]
    _, countries = _sentence_facts("Japan said Russia and China held drills.", _rules())
    assert [c.alpha3 for c in countries] == ["JPN", "RUS", "CHN"]


# ---- event ids from tables of either string type ----------------------------------------------------------------

def test_event_ids_are_the_same_for_arrow_and_object_strings():
    frame = exercises_frame([
        article_from_text("Drills\n\nChina and Russia held joint naval drills in the Sea of Japan in July 2023.",
                          article_id="a1"),
        article_from_text("Drills\n\nRussia and China held the Joint Sea-2023 exercise in the Sea of Japan in July "
                          "2023.", article_id="a2"),
        article_from_text("Drills\n\nRussia and China began the Joint Sea-2023 drills.", article_id="a3"),
    ]).drop(columns=["event_id"])
    assert len(frame) >= 2
    text_columns = [c for c in EXERCISE_COLUMNS if c in frame.columns and frame[c].dtype != "Int64"
                    and c not in ("start", "end")]
    as_objects = frame.astype({c: object for c in text_columns})
    as_arrow = frame.astype({c: "string[pyarrow]" for c in text_columns})
    ids = assign_event_ids(as_objects)["event_id"].tolist()
    assert assign_event_ids(as_arrow)["event_id"].tolist() == ids
    assert len(set(ids)) < len(ids)  # (some mentions joined: the table was read, not ignored)
