"""Analyst review (issue 19): stable row ids, the review file, and applying it to the seed tables.

Every test runs the real pipeline (``build_tables`` on ``seeds/``) and looks rows up by what the
article says (the span's surface), never by row position.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.corpus import PROBLEM_COLUMNS, Corpus
from analysis.extract.events import events_frame
from analysis.reference import budget_check, to_usd
from analysis.review import (REVIEWED_COLUMNS, ReviewFileError, add_row_ids, append_review_line, apply_lines,
                             apply_review, finish_review, load_review, read_review, text_sha256, unmatched_problems,
                             warning_line)
from analysis.review.ids import row_ids
from analysis.tables import build_tables

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
HEADER = "row_id,action,field,value,note,reviewer,date\n"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(SEEDS)


@pytest.fixture(scope="module")
def seed_tables(corpus):
    """The seeds' tables as the library takes them: row ids, no review applied yet (build_tables applies one,
    and gives every row an empty ``review`` when there is none: dropped here)."""
    tables = add_row_ids(build_tables(corpus), corpus)
    return {name: frame.drop(columns=["review"]) if name in ("figures", "exercises", "quotes") else frame
            for name, frame in tables.items()}


def _id(tables, table, surface):
    rows = tables[table][tables[table]["surface"] == surface]
    assert len(rows) == 1, f"{surface!r} should be one row of {table}"
    return rows["row_id"].iloc[0]


def _write(tmp_path, body, name="review.csv", header=HEADER):
    path = tmp_path / name
    path.write_text(header + body, encoding="utf-8")
    return path


# --- row ids -------------------------------------------------------------------------------------------

def test_every_row_has_a_unique_short_id_from_table_text_and_span(seed_tables, corpus):
    for table, prefix in (("figures", "fig-"), ("exercises", "ex-")):
        ids = seed_tables[table]["row_id"]
        assert list(seed_tables[table].columns)[0] == "row_id"
        assert ids.is_unique and ids.str.fullmatch(prefix + r"[0-9a-f]{12}").all()
    texts = corpus.texts()
    row = seed_tables["figures"][seed_tables["figures"]["surface"] == "$604"].iloc[0]
    import hashlib
    key = f"figures|{text_sha256(texts[row['article_id']])}|{row['start']}|{row['end']}"
    assert row["row_id"] == "fig-" + hashlib.sha256(key.encode()).hexdigest()[:12]
    shas = seed_tables["articles"].set_index("article_id")["text_sha256"]
    assert shas[row["article_id"]] == text_sha256(texts[row["article_id"]])


def test_ids_are_the_same_in_a_second_run_and_with_the_articles_in_another_order(seed_tables):
    again = load_corpus(SEEDS)
    reordered = Corpus(articles=list(reversed(again.articles)), problems=again.problems)
    for other in (add_row_ids(build_tables(again), again), add_row_ids(build_tables(reordered), reordered)):
        for table in ("figures", "exercises"):
            key = ["article_id", "start", "end"]
            mine = seed_tables[table].set_index(key)["row_id"].sort_index()
            theirs = other[table].set_index(key)["row_id"].sort_index()
            assert mine.equals(theirs)


def test_ids_follow_the_text_not_the_file_name_and_change_only_for_an_edited_article(tmp_path, seed_tables):
    renamed = tmp_path / "renamed"
    shutil.copytree(SEEDS, renamed)
    (renamed / "001_052fc790398f141d.txt").rename(renamed / "zzz_same_text.txt")
    edited = renamed / "000_169e592f560a98f6.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA line an editor added.\n", encoding="utf-8")
    corpus = load_corpus(renamed)
    tables = add_row_ids(build_tables(corpus), corpus)
    old = seed_tables["figures"]
    new = tables["figures"]
    moved = old[old["article_id"] == "001_052fc790398f141d"]["row_id"].tolist()
    assert new[new["article_id"] == "zzz_same_text"]["row_id"].tolist() == moved  # renamed: same ids
    changed = old[old["article_id"] == "000_169e592f560a98f6"]["row_id"]
    assert not set(changed) & set(new["row_id"])  # other text: new ids, even where the spans are the same
    untouched = old[~old["article_id"].isin(["000_169e592f560a98f6", "001_052fc790398f141d"])]["row_id"]
    assert set(untouched) <= set(new["row_id"])


def test_two_articles_with_the_same_text_share_ids_and_one_line_corrects_both(tmp_path):
    """Ids depend on nothing but the article's text and rows (so batches give the same ids): one wire story
    under two names is the same reading of the same words, corrected once for both copies."""
    twins = tmp_path / "twins"
    twins.mkdir()
    for name in ("a_copy.txt", "b_copy.txt"):
        shutil.copy(SEEDS / "000_169e592f560a98f6.txt", twins / name)
    corpus = load_corpus(twins)
    figures = add_row_ids(build_tables(corpus), corpus)["figures"]
    a, b = (figures[figures["article_id"] == name] for name in ("a_copy", "b_copy"))
    assert len(a) and a["row_id"].is_unique and a["row_id"].tolist() == b["row_id"].tolist()
    fig200 = a.loc[a["surface"] == "$200 billion", "row_id"].iloc[0]
    review = _write(tmp_path, f"{fig200},set,actor,USA,,,\n")
    tables, reviewed, problems = apply_review({"figures": figures}, review)
    assert problems == [] and reviewed["article_id"].tolist() == ["a_copy", "b_copy"]
    assert tables["figures"].loc[tables["figures"]["row_id"] == fig200, "actor"].tolist() == ["USA", "USA"]


def test_rows_sharing_a_span_are_told_apart_by_their_fields_and_the_others_keep_their_plain_id():
    # An amount said "apiece" can give one row per country on one span.
    frame = pd.DataFrame({"article_id": ["a", "a", "a"], "start": [10, 10, 40], "end": [30, 30, 52],
                          "actor": ["POL", "ROU", "POL"], "counterpart": ["USA", "USA", None],
                          "metric": ["arms_deal"] * 3, "unit": ["USD"] * 3})
    shas = {"a": text_sha256("some text")}
    ids = row_ids(frame, "figures", shas)
    alone = row_ids(frame.iloc[[2]], "figures", shas)
    assert len(set(ids)) == 3 and ids[2] == alone[0]
    assert row_ids(frame.iloc[[1, 0, 2]], "figures", shas) == [ids[1], ids[0], ids[2]]  # not from row order
    same = pd.concat([frame.iloc[[0]]] * 2, ignore_index=True)  # alike even in those fields
    twin_ids = row_ids(same, "figures", shas)
    assert twin_ids[1] == twin_ids[0] + "-2"


# --- applying a review ---------------------------------------------------------------------------------

def test_rejecting_604_and_moving_200_billion_to_another_country(tmp_path, seed_tables):
    fig604, fig200 = _id(seed_tables, "figures", "$604"), _id(seed_tables, "figures", "$200 billion")
    review = _write(tmp_path, f"{fig604},reject,,,a PPP estimate read as a budget,ana,2026-12-07\n"
                              f"{fig200},set,actor,usa,checked against the source,ana,2026-12-07\n")
    tables, reviewed, problems = apply_review(seed_tables, review)

    assert problems == []
    figures = tables["figures"]
    assert fig604 not in set(figures["row_id"]) and len(figures) == len(seed_tables["figures"]) - 1
    moved = figures[figures["row_id"] == fig200].iloc[0]
    assert (moved["actor"], moved["review"], moved["actor_cue"]) == ("USA", "corrected", "review")
    assert set(figures.loc[figures["row_id"] != fig200, "review"]) == {""}

    assert list(reviewed.columns) == REVIEWED_COLUMNS and tables["reviewed"].equals(reviewed)
    assert reviewed[["row_id", "action", "field", "old", "new", "reviewer"]].values.tolist() == [
        [fig604, "reject", "", "$604", "", "ana"], [fig200, "set", "actor", "RUS", "USA", "ana"]]

    before = budget_check(seed_tables["figures"], seed_tables["articles"])
    after = budget_check(figures, tables["articles"])
    assert "$604" in set(before["surface"]) and "$604" not in set(after["surface"])
    assert set(before.loc[before["surface"] == "$200 billion", "actor"]) == {"RUS"}
    checked = after[after["surface"] == "$200 billion"]
    assert set(checked["actor"]) == {"USA"} and checked["reference_source"].str.startswith("SIPRI").any()


@pytest.mark.parametrize("no_review", [None, ""])
def test_no_review_file_still_gives_the_review_column_and_an_empty_reviewed_table(seed_tables, no_review):
    tables, reviewed, problems = apply_review(seed_tables, no_review)
    assert problems == [] and reviewed.empty and list(reviewed.columns) == REVIEWED_COLUMNS
    for table in ("figures", "exercises"):
        assert (tables[table]["review"] == "").all()
        assert tables[table].drop(columns="review").equals(seed_tables[table])
    assert "review" not in seed_tables["figures"].columns  # the input is not changed


def test_bad_lines_are_problems_and_the_good_lines_still_apply(tmp_path, seed_tables):
    fig715, fig200 = _id(seed_tables, "figures", "$715 billion"), _id(seed_tables, "figures", "$200 billion")
    lines = [
        f"{fig200},set,year,abc,,,",            # 2 a year that is not a number
        f"{fig200},set,year,1492,,,",           # 3 out of range
        f"{fig200},set,actor,Russia,,,",        # 4 a name, not a code
        f"{fig200},set,metric,budget,,,",       # 5 not in the metric vocabulary
        f"{fig200},set,unit,dollars,,,",        # 6 not ISO 4217
        f"{fig200},set,value,\"200,000\",,,",   # 7 thousands separator
        f"{fig200},set,colour,red,,,",          # 8 no such field
        f"{fig200},set,surface,$300 billion,,,",  # 9 provenance cannot be set
        f"{fig200},delete,,,,,",                # 10 unknown action
        "fig-000000000000,reject,,,,,",         # 11 matches nothing
        f"{fig715},set,year,2021,the sentence says 2021,,",  # 12 fine
    ]
    review = _write(tmp_path, "\n".join(lines) + "\n")
    reported = []
    tables, reviewed, problems = apply_review(seed_tables, review, report=reported.append)

    codes = [(p.problem, int(p.detail.split(":")[0].removeprefix("line "))) for p in problems]
    assert codes == [("review_invalid", n) for n in range(2, 11)] + [("review_unmatched", 11)]
    assert reported == problems and all(p.path == str(review) for p in problems)
    assert "year must be a whole number" in problems[0].detail and "'abc'" in problems[0].detail
    assert "ISO 3166-1 alpha-3" in problems[2].detail
    assert warning_line(problems[-1]).startswith(
        f"warning: {review}: review_unmatched: line 11: row_id fig-000000000000")
    added = tables["problems"].tail(len(problems))
    assert list(tables["problems"].columns) == PROBLEM_COLUMNS
    assert added["problem"].tolist() == [p.problem for p in problems]
    assert len(tables["problems"]) == len(seed_tables["problems"]) + len(problems)

    fixed = tables["figures"].set_index("row_id")
    assert fixed.loc[fig715, "year"] == 2021 and fixed.loc[fig715, "review"] == "corrected"
    assert fixed.loc[fig200, "actor"] == "RUS" and fixed.loc[fig200, "review"] == ""
    assert reviewed["line"].tolist() == [12]


def test_lines_apply_in_file_order(tmp_path, seed_tables):
    fig200, fig715 = _id(seed_tables, "figures", "$200 billion"), _id(seed_tables, "figures", "$715 billion")
    jets = _id(seed_tables, "figures", "around 15o Chinese fighter jets")
    review = _write(tmp_path, "\n".join([
        f"{fig200},set,actor,USA,first thought,,",    # 2
        f"{fig200},set,actor,CHN,second thought,,",   # 3: the last set of a field wins
        f"{fig715},set,actor,USA,,,",                 # 4: the value it already has
        f"{jets},set,value,140,,,",                   # 5
        f"{jets},reject,,,not a figure after all,,",  # 6: a reject after a set: both applied
        f"{jets},set,actor,RUS,,,",                   # 7: a line on a rejected row is a problem
        f"{fig200},confirm,,,,,",                     # 8: confirming a corrected row leaves it corrected
    ]) + "\n")
    tables, reviewed, problems = apply_review(seed_tables, review)
    figures = tables["figures"].set_index("row_id")
    assert figures.loc[fig200, "actor"] == "CHN" and figures.loc[fig200, "review"] == "corrected"
    assert figures.loc[fig715, "review"] == "confirmed"
    assert jets not in figures.index
    assert reviewed[["line", "field", "old", "new"]].values.tolist()[:3] == [
        [2, "actor", "RUS", "USA"], [3, "actor", "USA", "CHN"], [4, "actor", "USA", "USA"]]
    assert reviewed["line"].tolist() == [2, 3, 4, 5, 6, 8]
    assert [(p.problem, p.detail) for p in problems] == [
        ("review_invalid", f"line 7: set on {jets} not applied: line 6 rejects that row")]


def test_a_corrected_value_or_unit_recomputes_the_us_dollar_value(tmp_path, seed_tables):
    fig200 = _id(seed_tables, "figures", "$200 billion")
    review = _write(tmp_path, f"{fig200},set,unit,RUB,the text means roubles,,\n"
                              f"{fig200},set,value,2e10,,,\n{fig200},set,year,2021,,,\n")
    tables, _, problems = apply_review(seed_tables, review)
    row = tables["figures"].set_index("row_id").loc[fig200]
    usd, rate, source, rate_year = to_usd(2e10, "RUB", 2021)
    assert problems == [] and (row["unit"], row["value"], row["year"]) == ("RUB", 2e10, 2021)
    assert (row["value_usd"], row["usd_rate"], row["usd_rate_source"], row["usd_rate_year"]) == (usd, rate, source,
                                                                                                   rate_year)


def test_exercise_corrections_reach_cameo_places_and_events(tmp_path, seed_tables):
    zapad = _id(seed_tables, "exercises", "Zapad\xa0/ Interaction-2021")  # a no-break space in the text
    mediterranean = _id(seed_tables, "exercises", "joint naval maneuvers")
    review = _write(tmp_path, f"{zapad},set,status,planned,,,\n"
                              f"{zapad},set,locations,Sea of Japan;Somewhere Unlisted,,,\n"
                              f"{zapad},set,participants,rus;blr;rus,,,\n"
                              f"{zapad},set,domains,naval;Air,,,\n"
                              f"{zapad},set,kind,war game,,,\n"
                              f"{mediterranean},reject,,,,,\n")
    tables, reviewed, problems = apply_review(seed_tables, review)
    row = tables["exercises"].set_index("row_id").loc[zapad]
    assert (row["status"], row["cameo"], row["place_ids"]) == ("planned", "0312", "sea-of-japan")
    assert (row["participants"], row["domains"], row["review"]) == ("BLR;RUS", "air;naval", "corrected")
    assert [p.problem for p in problems] == ["review_invalid"] and "kind must be one of" in problems[0].detail
    events_before = events_frame(seed_tables["exercises"])
    events_after = events_frame(tables["exercises"])
    gone = seed_tables["exercises"].set_index("row_id").loc[mediterranean, "event_id"]
    assert gone in set(events_before["event_id"]) and gone not in set(events_after["event_id"])
    assert len(events_after) == len(events_before) - 1


# --- the review file -----------------------------------------------------------------------------------

@pytest.mark.parametrize("content, words", [
    (None, "does not exist"),
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"fig-1,reject\n", "no row_id or action column"),
])
def test_a_review_file_that_cannot_be_read_is_one_clear_error_naming_it(tmp_path, seed_tables, content, words):
    path = tmp_path / "review.csv"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ReviewFileError) as error:
        apply_review(seed_tables, path)
    assert str(path) in str(error.value) and words in str(error.value)


def test_a_folder_is_not_a_review_file(tmp_path):
    with pytest.raises(ReviewFileError, match="is a folder"):
        read_review(tmp_path)


def test_spreadsheet_exports_are_read(tmp_path):
    """Excel's UTF-8 with BOM, a legacy encoding, semicolons, quoted notes over two lines, comments."""
    bom = tmp_path / "bom.csv"
    bom.write_bytes("\ufeffRow_ID,Action,Field,Value,Note\r\nfig-1,SET,Actor,rus,\"a note,\r\nover two lines\"\r\n"
                    "# fig-2,reject\r\nFIG-3,reject,,,\r\n".encode("utf-8"))
    lines = read_review(bom)
    assert [(l.line, l.row_id, l.action, l.field, l.value) for l in lines] == [
        (2, "fig-1", "set", "actor", "rus"), (5, "fig-3", "reject", "", "")]
    assert lines[0].note == "a note,\nover two lines"
    legacy = tmp_path / "legacy.csv"
    legacy.write_bytes("row_id;action;field;value;note\nfig-1;set;name;Zapad;vérifié à la source, été 2021\n"
                       .encode("cp1252"))
    (line,) = read_review(legacy)
    # detection on a line this short cannot always tell cp1252 from cp1250 ("à" may come back "ŕ"): UTF-8 is
    # what the README asks for; a legacy file is read, not refused
    assert (line.field, line.value) == ("name", "Zapad") and line.note.startswith("vérifié")
    header_only = _write(tmp_path, "", name="empty_review.csv")
    assert read_review(header_only) == []


def test_quotes_get_ids_and_take_review_lines_when_the_table_exists(tmp_path, corpus, seed_tables):
    """The quotes table (article_id, start, end, quote, speaker, ...) is reviewed like the others."""
    article = corpus.articles[0]
    spans = [(s.start, s.end) for s in article.content_sentences()[1:3]]
    quotes = pd.DataFrame({"article_id": [article.article_id] * 2, "start": [s for s, _ in spans],
                           "end": [e for _, e in spans], "quote": [article.text[s:e] for s, e in spans],
                           "speaker": ["Sergei Shoigu", "Wei Fenghe"], "speaker_start": [5, 9],
                           "speaker_end": [18, 19], "kind": ["reported", "direct"]})
    tables = add_row_ids({**seed_tables, "quotes": quotes}, corpus)
    ids = tables["quotes"]["row_id"].tolist()
    assert all(i.startswith("quo-") for i in ids) and len(set(ids)) == 2
    review = _write(tmp_path, f"{ids[0]},set,speaker,Vladimir Putin,,,\n{ids[1]},reject,,,,,\n"
                              f"{ids[0]},set,kind,paraphrase,,,\n")
    reviewed_tables, reviewed, problems = apply_review(tables, review)
    (row,) = reviewed_tables["quotes"].to_dict("records")
    assert (row["speaker"], row["speaker_start"], row["speaker_end"], row["review"]) == ("Vladimir Putin", -1, -1,
                                                                                        "corrected")
    assert reviewed["surface"].tolist() == [quotes["quote"][0], quotes["quote"][1]]
    assert [p.problem for p in problems] == ["review_invalid"] and "direct, reported" in problems[0].detail


def test_lines_the_explorer_appends_are_read_back_and_applied(tmp_path, seed_tables):
    fig200, fig604 = _id(seed_tables, "figures", "$200 billion"), _id(seed_tables, "figures", "$604")
    path = tmp_path / "reviews" / "review.csv"
    first = append_review_line(path, fig604, "reject", note='read from "$604 and $200 billion", a PPP figure',
                               reviewer="ana", date="2026-12-07")
    second = append_review_line(path, fig200, "set", "actor", "USA", note="line two,\nwith a comma")
    assert (first.line, second.line) == (2, 3) and second.note == "line two,\nwith a comma"
    assert path.read_text(encoding="utf-8").splitlines()[0] == "row_id,action,field,value,note,reviewer,date"
    tables, reviewed, problems = apply_review(seed_tables, path)
    assert problems == [] and reviewed["action"].tolist() == ["reject", "set"]
    assert reviewed["note"].tolist()[0] == 'read from "$604 and $200 billion", a PPP figure'

    semicolons = tmp_path / "semicolons.csv"
    semicolons.write_text("row_id;action;note\nfig-1;confirm;ok\n", encoding="utf-8")
    appended = append_review_line(semicolons, fig200, "reject", field="ignored: no field column", note="gone")
    assert semicolons.read_text(encoding="utf-8").endswith(f"{fig200};reject;gone\n")
    assert (appended.line, appended.row_id, appended.action, appended.note) == (3, fig200, "reject", "gone")

    legacy = tmp_path / "legacy.csv"
    legacy.write_bytes("row_id,action,note\nfig-1,confirm,vérifié à la source pour l'été\n".encode("cp1252"))
    with pytest.raises(ReviewFileError, match="not UTF-8"):
        append_review_line(legacy, fig200, "reject")
    assert legacy.read_bytes().count(b"\n") == 2  # nothing added


def test_a_review_applied_batch_by_batch_gives_what_it_gives_on_the_whole_tables(tmp_path, seed_tables):
    """How a run that extracts in batches applies it: load once, apply to each batch, unmatched at the end."""
    fig604, gdp = _id(seed_tables, "figures", "$604"), _id(seed_tables, "figures", "24 percent of GDP")
    zapad = _id(seed_tables, "exercises", "Zapad\xa0/ Interaction-2021")
    review_path = _write(tmp_path, "\n".join([
        f"{fig604},reject,,,,,", f"{gdp},set,year,1989,,,", f"{zapad},set,status,planned,,,",
        f"{fig604},confirm,,,,,", "fig-000000000000,reject,,,,,", f"{zapad},set,month,13,,,"]) + "\n")
    whole, whole_reviewed, whole_problems = apply_review(seed_tables, review_path)

    review = load_review(review_path)
    assert [p.detail.split(":")[0] for p in review.problems] == ["line 7"]  # checked before any row is seen
    ids = sorted(seed_tables["articles"]["article_id"])
    batches, parts = [], []
    for batch in (ids[2:], ids[:2]):  # in any order
        subset = {name: seed_tables[name][seed_tables[name]["article_id"].isin(batch)].reset_index(drop=True)
                  for name in ("figures", "exercises", "articles")}
        tables, reviewed, matched, refused = apply_lines(subset, review, regroup=False)
        batches.append(tables)
        parts.append((reviewed, matched, refused))
    reviewed, problems = finish_review(review, parts)
    for name in ("figures", "exercises"):
        joined = pd.concat([t[name] for t in batches], ignore_index=True).sort_values(["article_id", "start", "end"])
        assert joined.reset_index(drop=True).drop(columns="event_id", errors="ignore").equals(
            whole[name].drop(columns="event_id", errors="ignore"))
    assert reviewed.equals(whole_reviewed) and problems == whole_problems
    assert unmatched_problems(review, set()) and not unmatched_problems(review, {c.line.line for c in review.lines})
    assert [p.problem for p in whole_problems] == ["review_invalid", "review_unmatched", "review_invalid"]
