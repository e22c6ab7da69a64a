"""The quote extractor, rule by rule, on sentences written for these tests."""
from __future__ import annotations

import pytest

from analysis.corpus.load import article_from_text
from analysis.extract.quotes import MAX_QUOTE_CHARS, QUOTE_COLUMNS, extract_quotes, find_quote_spans, quotes_frame


def quotes(text: str, **kw):
    art = article_from_text(text, article_id="t")
    rows = extract_quotes(art, **kw)
    for q in rows:
        assert text[q.start:q.end] == q.quote
        if q.speaker_start >= 0:
            assert 0 <= q.speaker_start < q.speaker_end <= len(text)
    return rows


def pairs(text: str, **kw):
    return [(q.quote, q.speaker) for q in quotes(text, **kw)]


# --- quotation marks -------------------------------------------------------------------------------------
@pytest.mark.parametrize("opening, closing", [("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"), ("'", "'"),
                                              ("„", "“"), ("„", "”")])
def test_every_quote_style(opening, closing):
    text = f"The admiral said: {opening}The fleet is ready to sail.{closing}"
    assert [s.text for s in find_quote_spans(text)] == ["The fleet is ready to sail."]


def test_apostrophes_are_not_quotation_marks():
    text = "Russia’s navy and the countries’ fleets don’t sail; Moscow's answer isn't 'final' yet."
    assert [s.text for s in find_quote_spans(text)] == ["final"]


def test_nested_quote_is_its_own_span():
    text = "The agency wrote: “Minister Ivan Petrov said that ‘the drills are over’ on Monday.”"
    spans = find_quote_spans(text)
    assert [(s.text, s.depth) for s in spans] == [
        ("Minister Ivan Petrov said that ‘the drills are over’ on Monday.", 0), ("the drills are over", 1)]


def test_quote_running_over_paragraphs_is_one_span():
    text = ("General Anna Kowalska said: “The first stage is over.\n\n"
            "“The second stage starts tomorrow,” she added.\n\nLater paragraph.")
    spans = find_quote_spans(text)
    assert len(spans) == 1
    assert spans[0].text.startswith("The first stage is over.") and spans[0].text.endswith("starts tomorrow")
    assert "continued" in spans[0].flags


def test_unbalanced_mark_is_capped_at_its_paragraph():
    text = "He said “this never closes and goes on.\nNext paragraph is plain text.\nAnd another."
    (span,) = find_quote_spans(text)
    assert span.text == "this never closes and goes on."
    assert "unclosed" in span.flags


def test_long_unbroken_quote_is_capped():
    sentence = "The exercise goes on. "
    text = "He said “" + sentence * 400
    (span,) = find_quote_spans(text)
    assert len(span.text) <= MAX_QUOTE_CHARS and span.text.endswith("on.") and "capped" in span.flags


def test_no_quotation_marks_no_direct_rows():
    text = "Russian Defence Minister Sergei Shoigu visited Beijing. He met his counterpart there."
    assert quotes(text) == []


# --- attribution ----------------------------------------------------------------------------------------
def test_speaker_before_with_colon():
    assert pairs("Defence Minister Ivan Petrov said: “We are ready.”") == [("We are ready.", "Ivan Petrov")]


def test_speaker_after_with_pronoun():
    text = "Ivan Petrov arrived in Minsk. “We are ready,” he said."
    rows = quotes(text)
    assert [(q.quote, q.speaker, q.cue) for q in rows] == [("We are ready", "Ivan Petrov", "said")]
    assert text[rows[0].speaker_start:rows[0].speaker_end] == "he"
    assert "speaker_from_pronoun" in rows[0].flags


def test_inverted_speaker_after_with_apposition():
    text = "“The drills will go on,” said Ivan Petrov, the minister of defence."
    assert pairs(text) == [("The drills will go on", "Ivan Petrov")]


def test_according_to():
    text = "“The patrol lasted eight hours,” according to the Kremlin."
    assert [(q.speaker, q.speaker_type, q.cue) for q in quotes(text)] == [("Kremlin", "institution", "according to")]


def test_quote_interrupted_by_he_said_keeps_the_speaker():
    text = "Colonel Marta Nowak spoke to reporters. “We are ready,” she said. “The drills will go on.”"
    assert pairs(text) == [("We are ready", "Marta Nowak"), ("The drills will go on.", "Marta Nowak")]


def test_paragraph_quote_after_a_lead_in_with_colon():
    text = "Analysts Tom Baker and Lisa Grant describe the ties in their study:\n\n“The two states cooperate closely.”"
    assert pairs(text) == [("The two states cooperate closely.", "Tom Baker and Lisa Grant")]


def test_apposition_between_speaker_and_verb():
    text = "Li Wei, a researcher at a university in Shanghai, said that “cooperation is the goal.”"
    assert pairs(text) == [("cooperation is the goal.", "Li Wei")]


def test_quoted_fragment_attributed_in_its_sentence():
    text = "The Global Times, a state tabloid, said the drills sent a ‘strong message’ to the West."
    rows = quotes(text)
    assert [(q.quote, q.speaker, q.speaker_type, q.speaker_country) for q in rows] == [
        ("the drills sent a ‘strong message’ to the West", "Global Times", "outlet", "CHN")]
    assert "fragment_in_clause" in rows[0].flags


def test_quoted_fragment_before_the_attribution():
    text = "The drills were a “clear signal” to Washington, the ministry of defence said on Friday."
    (row,) = quotes(text)
    assert row.quote == "The drills were a “clear signal” to Washington"
    assert row.speaker == "ministry of defence" and row.cue == "said"


def test_full_quoted_sentence_is_not_widened():
    text = "Ivan Petrov said on Monday that “The fleet will sail to the Pacific with all ships next week.”"
    (row,) = quotes(text)
    assert row.quote == "The fleet will sail to the Pacific with all ships next week."


def test_titles_in_quotation_marks_are_no_quotes():
    text = "The minister said the ‘Friendship Treaty’ and the book “The Eastern Axis” matter."
    assert quotes(text) == []


def test_unattributed_quote_is_dropped_or_kept_on_request():
    text = "The so-called “peace mission” drew crowds."
    assert quotes(text) == []
    (row,) = quotes(text, keep_unattributed=True)
    assert row.speaker == "" and "no_speaker" in row.flags


# --- resolution -----------------------------------------------------------------------------------------
def test_surname_resolves_to_the_full_name():
    text = "Russian Defence Minister Sergei Shoigu met officials. “Nothing changes,” Shoigu said."
    (row,) = quotes(text)
    assert (row.speaker, row.speaker_country) == ("Sergei Shoigu", "RUS")
    assert text[row.speaker_start:row.speaker_end] == "Shoigu"


def test_role_resolves_to_the_person_with_that_title():
    text = ("Chinese Foreign Ministry spokesperson Zhao Lijian spoke on Friday, and Ivan Petrov listened. "
            "“Ties are strong,” the spokesperson said.")
    (row,) = quotes(text)
    assert (row.speaker, row.speaker_country) == ("Zhao Lijian", "CHN")
    assert "speaker_from_role" in row.flags


def test_outlet_role_resolves_to_the_outlet_last_named():
    text = "The Hong Kong daily South China Morning Post reported on talks. “The sides are close,” the newspaper said."
    (row,) = quotes(text)
    assert (row.speaker, row.speaker_type) == ("South China Morning Post", "outlet")


def test_institution_as_named_with_its_country():
    text = "In a statement, China’s defence ministry said the sides would “deepen cooperation”."
    (row,) = quotes(text)
    assert (row.speaker, row.speaker_type, row.speaker_country) == ("China’s defence ministry", "institution", "CHN")


def test_indefinite_role_is_kept_as_written():
    text = "“It could be higher,” a Pentagon official said of the report."
    assert [(q.speaker, q.speaker_type) for q in quotes(text)] == [("Pentagon official", "person")]


# --- reported speech ------------------------------------------------------------------------------------
def test_reported_speech_said_that():
    text = "Defence Minister Ivan Petrov said on Monday that the army will hold larger drills next year."
    assert quotes(text) == []  # off by default
    (row,) = quotes(text, reported=True)
    assert (row.quote, row.speaker, row.kind) == ("the army will hold larger drills next year", "Ivan Petrov",
                                                  "reported")


def test_reported_speech_according_to():
    text = "According to the Kremlin, the two navies will patrol the Pacific together."
    (row,) = quotes(text, reported=True)
    assert (row.quote, row.speaker, row.cue) == ("the two navies will patrol the Pacific together", "Kremlin",
                                                 "according to")


def test_reported_speech_told_reporters():
    text = "Ivan Petrov told reporters the exercise would start in May with ten ships."
    (row,) = quotes(text, reported=True)
    assert row.quote == "the exercise would start in May with ten ships" and row.cue == "told"


# --- the table ------------------------------------------------------------------------------------------
def test_quotes_frame_columns_and_offsets():
    texts = {"a": "“We are ready,” Ivan Petrov said.", "b": "No quotes here."}
    arts = [article_from_text(t, article_id=k) for k, t in texts.items()]
    frame = quotes_frame(arts)
    assert list(frame.columns) == QUOTE_COLUMNS
    assert len(frame) == 1
    row = frame.iloc[0]
    assert texts[row.article_id][row.start:row.end] == row.quote == "We are ready"
    assert (row.speaker, row.kind, row.cue) == ("Ivan Petrov", "direct", "said")


def test_reported_speech_attribution_closing_the_sentence():
    text = "The two navies will patrol the Pacific together, the ministry of defence said late on Tuesday."
    (row,) = quotes(text, reported=True)
    assert (row.quote, row.speaker) == ("The two navies will patrol the Pacific together", "ministry of defence")


def test_reported_speech_needs_a_clause():
    text = "Ivan Petrov said on condition of anonymity. Ivan Petrov told European allies to spend more."
    assert quotes(text, reported=True) == []


def test_it_said_refers_to_the_institution_that_spoke():
    text = ("The defence committee warned in its report that funds fell. The cuts can “slow down” the work "
            "of the armed forces, it said.")
    (row,) = quotes(text)
    assert (row.speaker, row.speaker_type) == ("defence committee", "institution")
    assert "speaker_from_pronoun" in row.flags


# --- the notebook's views -------------------------------------------------------------------------------
def test_summary_views_by_speaker_country_and_year():
    import pandas as pd

    from analysis.extract.quotes.summary import (dated_quotes, quote_sentences, quotes_by_country_and_year,
                                                 quotes_by_speaker)
    texts = {"a": "Russian President Vladimir Putin spoke. “We are ready,” Putin said.",
             "b": "“Ties are strong,” Chinese President Xi Jinping said. “They will grow,” he added.",
             "c": "“Old news,” Vladimir Putin said."}
    arts = [article_from_text(t, article_id=k) for k, t in texts.items()]
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "published": ["2021-03-01", "2022", "1999-05"]})
    dated = dated_quotes(quotes_frame(arts), articles, year_from=2000, year_to=2030)
    assert list(dated.article_id) == ["a", "b", "b"]  # 1999 is outside the years asked for
    speakers = quotes_by_speaker(dated)
    assert list(zip(speakers.speaker, speakers.quotes, speakers.speaker_country)) == [
        ("Xi Jinping", 2, "CHN"), ("Vladimir Putin", 1, "RUS")]
    table = quotes_by_country_and_year(dated)
    assert table.loc["CHN", "2022"] == 2 and table.loc["RUS", "2021"] == 1
    listed = quote_sentences(dated, country="rus")
    assert list(listed.quote) == ["We are ready"] and "Putin said" in listed.sentence[0]


def test_a_document_speaks_for_the_body_it_names():
    text = ("“The drills have begun,” reads the statement on the Russian Defense Ministry’s website. "
            "A report by the International Institute for Strategic Studies (IISS) showed that allies "
            "would “have to spend more”.")
    assert [(q.speaker, q.cue) for q in quotes(text)] == [
        ("Russian Defense Ministry", "reads"), ("International Institute for Strategic Studies (IISS)", "showed")]


def test_outlet_quoting_a_person_gives_the_person():
    text = "Defence Minister Sergei Shoigu spoke in Moscow. “We will respond,” TASS quoted Shoigu as saying."
    (row,) = quotes(text)
    assert (row.speaker, row.cue) == ("Sergei Shoigu", "quoted")


def test_told_reporters_after_the_quote():
    text = "“The patrol was routine,” Maria Ivanova, a spokeswoman for the navy, told reporters on Monday."
    assert pairs(text) == [("The patrol was routine", "Maria Ivanova")]


def test_title_words_between_the_quote_and_the_name():
    text = "“The message is peace,” Iranian navy spokesman Gholamreza Tahani said."
    assert pairs(text) == [("The message is peace", "Gholamreza Tahani")]


def test_unknown_adjective_before_a_title_is_no_part_of_the_name():
    text = "Latvian Foreign Minister Edgars Rinkevics spoke on Thursday. “We see no threat,” he stated."
    assert pairs(text) == [("We see no threat", "Edgars Rinkevics")]


def test_names_inside_a_quote_are_no_antecedents():
    text = ("Finance Minister Anna Berg spoke on Monday. “Chief Petty Officer Jan Kos served well,” she said. "
            "“Budgets will grow,” he said.")
    assert [q.speaker for q in quotes(text)][:2] == ["Anna Berg", "Anna Berg"]


def test_possessive_institution_with_its_full_name():
    text = "Russia's Ministry of Defence said the patrol was meant to “perfect” joint actions."
    (row,) = quotes(text)
    assert (row.speaker, row.speaker_country) == ("Russia's Ministry of Defence", "RUS")


def test_person_after_an_institution_in_one_run():
    text = ("Deputy Director of the Institute of Asian Studies of Moscow State University Andrey Karneev "
            "spoke to a newspaper. “The drill is unique,” he said.")
    assert pairs(text) == [("The drill is unique", "Andrey Karneev")]


def test_honorifics_and_datelines_are_no_names():
    text = ("KUALA LUMPUR: Defence Minister Datuk Seri Ismail Sabri Yaakob spoke on Friday. "
            "“The allocation is higher,” he said.")
    assert pairs(text) == [("The allocation is higher", "Ismail Sabri Yaakob")]


def test_pronoun_prefers_the_person_who_last_spoke():
    text = ("Sergei Ivanov said the talks went well. He met Li Wei in Beijing on Monday. "
            "“We agreed on patrols,” he said.")
    assert pairs(text) == [("We agreed on patrols", "Sergei Ivanov")]


def test_headline_speaker_and_colon():
    text = "Putin: 'We do not need a military alliance'\n\nRussian President Vladimir Putin spoke on Thursday."
    assert [(q.quote, q.speaker, q.cue) for q in quotes(text)] == [
        ("We do not need a military alliance", "Vladimir Putin", ":")]


def test_outlet_with_descriptive_words_quoting_a_minister():
    text = "“The drills show our resolve,” the official Xinhua news agency quoted Defence Minister Wei Fenghe as saying."
    assert pairs(text) == [("The drills show our resolve", "Wei Fenghe")]


def test_unnamed_officials_of_a_country():
    text = "U.S. officials, speaking on condition of anonymity, said the bombers “did not enter” U.S. airspace."
    (row,) = quotes(text)
    assert (row.speaker, row.speaker_country, row.quote) == ("U.S. officials", "USA",
                                                             "the bombers “did not enter” U.S. airspace")


def test_naming_verbs_keep_each_fragment():
    text = "The drills, which the Pentagon described as “provocative”, ended. The ministry called them “routine” and “lawful”."
    assert [(q.quote, q.speaker) for q in quotes(text)] == [("provocative", "Pentagon"), ("routine", "ministry"),
                                                          ("lawful", "ministry")]


def test_quoted_sentence_after_a_colon_is_not_widened():
    text = "Spokeswoman Hua Chunying said on Tuesday: “China and Russia are partners.”"
    assert pairs(text) == [("China and Russia are partners.", "Hua Chunying")]


def test_fragments_of_one_reported_clause_give_one_row():
    text = "The ministry said the flight was “routine” and “in line with the law” on Monday."
    assert [q.quote for q in quotes(text)] == ["the flight was “routine” and “in line with the law” on Monday"]


def test_time_and_statement_between_subject_and_verb():
    text = "China's defence ministry on Thursday said the drills were “not aimed at any third party”."
    assert [(q.speaker, q.speaker_country) for q in quotes(text)] == [("China's defence ministry", "CHN")]


def test_told_an_audience_that():
    text = "Wang Wenbin, a spokesman, told a regular news briefing that the patrol “was not directed at anyone”."
    assert [q.quote for q in quotes(text)] == ["the patrol “was not directed at anyone”"]


def test_statement_resolved_to_the_institution_named_just_after():
    text = ("“Both sides will expand cooperation,” the statement said.\n\n"
            "The Chinese Ministry of National Defense issued the statement on Friday.")
    assert [q.speaker for q in quotes(text)] == ["Chinese Ministry of National Defense"]


def test_unnamed_spokesperson_for_an_institution():
    text = "“We are closely monitoring,” said a spokesperson for Japan's Joint Staff."
    assert [q.speaker for q in quotes(text)] == ["spokesperson for Japan's Joint Staff"]


@pytest.mark.parametrize("text, speaker", [
    ("Peskov said in a statement, adding: “Russia will respond appropriately.”", "Peskov"),
    ("Zakharova wrote on Telegram: “The West is nervous.”", "Zakharova"),
    ("Asked about the patrols, Peskov said: “This is normal practice.”", "Peskov"),
    ("‘It is a warning to Tokyo,’ said retired general Wang Hongguang, quoted by a newspaper.", "Wang Hongguang"),
])
def test_a_name_the_article_gives_once(text, speaker):
    assert [q.speaker for q in quotes(text)] == [speaker]


def test_a_plural_opening_a_sentence_is_no_speaker():
    assert quotes("Reports said the drills were “large”.") == []


def test_any_mix_of_marks_and_words_keeps_provenance():
    """Random texts of quotation marks, apostrophes, line breaks, names and cues: no error, and every row's
    quote and speaker mention are slices of the text."""
    import random

    from analysis.corpus.model import Article

    pieces = ["“", "”", '"', "‘", "’", "'", "«", "»", "„", "\n", "\n\n", " ", ", ", ". ", ": ", "–", "said", "he",
              "it said", "Putin", "Vladimir Putin", "the minister", "according to", "the Kremlin", "We are ready",
              "China's defence ministry", "Russia’s", "don’t", "the report", "a Pentagon official", "U.S.", "Mr.",
              "told reporters that", "(IISS)", "İ", "\u00a0"]
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        for article in (Article("r", "", text), article_from_text(text, "r")):
            for q in extract_quotes(article, reported=True, keep_unattributed=True):
                assert text[q.start:q.end] == q.quote
                assert q.speaker_start == -1 or text[q.speaker_start:q.speaker_end]


def test_a_run_of_opening_marks_opens_few_quotes():
    from analysis.extract.quotes.marks import MAX_DEPTH

    spans = find_quote_spans("“a " * 5000 + "\nNext line.")
    assert 0 < len(spans) <= MAX_DEPTH and all("unclosed" in s.flags for s in spans)
