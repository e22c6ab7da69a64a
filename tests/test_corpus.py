"""The corpus stage: loading, decoding, metadata, zones and offsets, on the seeds and small fixtures."""
import datetime as dt
import json
from pathlib import Path

import pytest

from analysis import article_from_text, load_corpus
from analysis.corpus import CorpusError
from analysis.corpus.sentences import LONGEST_SENTENCE, split_sentences

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = json.loads((ROOT / "tests" / "gold" / "seeds.json").read_text(encoding="utf-8"))
PAGES = ROOT / "tests" / "fixtures" / "pages"


@pytest.fixture(scope="module")
def seeds():
    return load_corpus(SEEDS)


def by_id(corpus):
    return {a.article_id: a for a in corpus.articles}


# --- the seeds -------------------------------------------------------------------------------

def test_seeds_byte_identical_to_shared_copy_when_present():
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.exists():
        pytest.skip("../shared is not beside this checkout")
    for path in shared.iterdir():
        assert (SEEDS / path.name).read_bytes() == path.read_bytes(), path.name


def test_seed_titles_match_gold(seeds):
    articles = by_id(seeds)
    assert sorted(articles) == sorted(GOLD)
    for article_id, gold in GOLD.items():
        assert articles[article_id].title in gold["title"], article_id


def test_seed_dates_and_their_basis(seeds):
    frame = seeds.articles_frame().set_index("article_id")
    expected = {
        "000_169e592f560a98f6": ("2021-11-24", "day", "sidecar"),
        "001_052fc790398f141d": ("2020-10-25", "day", "text"),  # printed in the article: "Oct 25 2020"
        "002_77f7d418dcd13981": ("2021-01", "month", "sidecar"),
        "003_f5f0de135c3f3237": ("2016-07", "month", "sidecar"),
        "004_238afdc7c2d6c68b": ("2021-08-14", "day", "sidecar"),
    }
    for article_id, (published, precision, source) in expected.items():
        row = frame.loc[article_id]
        assert (row.published, row.date_precision, row.published_source) == (published, precision, source)
        assert row.note  # how the date was established


def test_seed_origin_author_and_hashes(seeds):
    articles = by_id(seeds)
    assert articles["003_f5f0de135c3f3237"].origin.startswith("Originally appeared at A-specto, translated by Borislav")
    assert articles["002_77f7d418dcd13981"].author == "Frank Vernuccio"
    assert articles["002_77f7d418dcd13981"].sources["author"] == "text"
    frame = seeds.articles_frame()
    assert list(frame.article_id) == sorted(GOLD)
    assert all(len(h) == 64 for h in frame.sha256)
    assert set(frame.encoding) == {"utf-8"}


def test_every_offset_indexes_the_file_text(seeds):
    for article in seeds.articles:
        file_text = Path(article.path).read_text(encoding="utf-8")
        assert article.text == file_text
        for sentence in article.sentences:
            assert file_text[sentence.start:sentence.end] == sentence.text


def test_boilerplate_marked_not_removed(seeds):
    articles = by_id(seeds)
    a = articles["001_052fc790398f141d"]
    zone_of = {a.text[line.start:line.end]: line.zone for line in a.lines}
    for furniture in ("×", "Menu", "Search", "Pin It", "Facebook", "Twitter", "Leave a Reply",
                      "Other Articles That May Interest You …"):
        assert zone_of[furniture] == "boilerplate", furniture
    assert zone_of["Oct 25 2020"] == "meta"
    assert zone_of["Russia Vostok Wargame - China"] == "caption"
    content = " ".join(s.text for s in a.content_sentences())
    assert "Facebook" not in content and "Leave a Reply" not in content
    assert "Russia Vostok Wargame - China" in content  # captions can carry facts
    for article_id, line in (("000_169e592f560a98f6", "CLICK HERE FOR FULL VERSION OF THIS STORY"),
                             ("000_169e592f560a98f6", "Tags: Biden China, Biden Defense Policy, Biden Russia, China, Russia"),
                             ("002_77f7d418dcd13981", "Print Friendly, PDF & Email"),
                             ("003_f5f0de135c3f3237", "Translate »"),
                             ("004_238afdc7c2d6c68b", "Your email address will not be published.")):
        art = articles[article_id]
        zones = {art.text[x.start:x.end]: x.zone for x in art.lines}
        assert zones[line] == "boilerplate", line


# --- sentences -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The U.S. defense budget is currently pegged at $715 billion.",
    "Gen. Mark Milley met Adm. Charles A. Richard on Oct. 25 in Washington.",
    "The deal was signed by Lt. Col. Ivanov of the U.S.S.R. in 1985.",
])
def test_sentences_do_not_break_on_abbreviations(text):
    article = article_from_text("Title\n\n" + text + " A second sentence follows.")
    body = [s.text for s in article.sentences if s.zone == "body"]
    assert body == [text, "A second sentence follows."]


def test_sentences_split_where_a_space_was_lost():
    text = "Title\n\nUS aircraft activity had increased.In a video call on Tuesday, they agreed. “Quoted,” he said."
    body = [s.text for s in article_from_text(text).sentences if s.zone == "body"]
    assert body == ["US aircraft activity had increased.", "In a video call on Tuesday, they agreed.", "“Quoted,” he said."]


@pytest.mark.parametrize("run", [".", "!", "?", "…", ".!?"])
def test_a_run_of_end_marks_ends_one_sentence(run):
    # every mark of a run ends the same sentence, or none: only the run's first is tried (a long run of
    # dots once took a minute, each mark reading the rest of the run)
    text = f"Title\n\nThe drills ended{run * 3} Then came the talks{run * 20000} and more{run * 5000}"
    body = [s.text for s in article_from_text(text).sentences if s.zone == "body"]
    assert body[0] == f"The drills ended{run * 3}"
    assert all(len(b) <= LONGEST_SENTENCE for b in body)
    assert "".join(body).replace(" ", "") == text.split("\n\n", 1)[1].replace(" ", "")


def test_a_text_without_sentence_ends_is_cut_into_bounded_sentences():
    # no full stop, no line break: one line of 33,000 characters is body, not a title, and is cut at spaces
    text = "Russia and China held joint drills " * 950
    article = article_from_text(text)
    assert article.title is None and [x.zone for x in article.lines] == ["body"]
    pieces = [s for s in article.sentences]
    assert len(pieces) > 1 and all(len(s.text) <= LONGEST_SENTENCE for s in pieces)
    assert all(text[s.start:s.end] == s.text and not s.text[-1].isspace() for s in pieces)
    assert all(s.text.endswith(("drills", "Russia", "and", "China", "held", "joint")) for s in pieces)
    assert " ".join(s.text for s in pieces) == text.strip()
    assert split_sentences("x" * 4500) == [(0, 2000, "x" * 2000), (2000, 4000, "x" * 2000), (4000, 4500, "x" * 500)]


def test_a_long_piece_is_cut_at_any_white_space():
    # text spaced with no-break spaces is cut at one of them, not inside "billion"
    text = "Russia spent " + "\u00a0".join(["$1\u00a0billion"] * 300)
    pieces = split_sentences(text)
    assert len(pieces) > 1 and all(p[2].endswith("billion") or p[2].endswith("$1") for p in pieces)
    assert all(text[a:b] == t and len(t) <= LONGEST_SENTENCE for a, b, t in pieces)


def test_a_long_boilerplate_line_before_the_title_is_still_boilerplate():
    tags = "Tags: " + ", ".join(["Russia", "China", "joint drills", "Sea of Japan", "defence budget"] * 10)
    article = article_from_text(tags + "\nChina, Russia hold joint drills\n\nRussia and China held joint naval drills.")
    assert len(tags) > 200 and article.lines[0].zone == "boilerplate"
    assert article.title == "China, Russia hold joint drills"


def test_seed_sentence_count_is_stable(seeds):
    a = by_id(seeds)["000_169e592f560a98f6"]
    sentence = next(s for s in a.sentences if "$715 billion" in s.text)
    assert sentence.text == "The U.S. defense budget is currently pegged at $715 billion."


# --- metadata from the text ------------------------------------------------------------------

def test_byline_date_line_and_origin_detected():
    text = ("Menu\nSearch\nRussia and China hold naval drills\nBy John Smith, Moscow correspondent\n"
            "Published: 3 July 2023 10:15 GMT\nOriginally published in Example Times\n\n"
            "The two navies began drills on Monday. More follows.\n")
    a = article_from_text(text)
    assert a.title == "Russia and China hold naval drills"
    assert a.author == "John Smith"
    assert a.published == dt.date(2023, 7, 3) and a.date_precision == "day"
    assert a.origin == "Originally published in Example Times"


# --- loading files: formats, encodings, bad input --------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def make_mixed_corpus(root: Path) -> None:
    root.mkdir()
    (root / "utf8.txt").write_text("Shoigu meets Wei Fenghe — «strategic» talks\n\nThey met in Moscow.\n", encoding="utf-8")
    (root / "bom.txt").write_bytes("\ufeffBOM headline: Zapad/Interaction-2021 ends\n\nBody text here.\n".encode("utf-8"))
    (root / "russian.txt").write_bytes(
        "Шойгу и Вэй Фэнхэ обсудили совместные учения\n\nМинистерство обороны России сообщило, что "
        "учения пройдут в Японском море. Расходы на оборону вырастут.\n".encode("cp1251"))
    (root / "french.txt").write_bytes(
        "Défense : la France dépense 47,2 milliards d'euros\n\nLes armées françaises reçoivent une hausse. "
        "Le ministère a précisé les détails.\n".encode("latin-1"))
    (root / "page.html").write_bytes((PAGES / "pla_budget.html").read_bytes())
    (root / "feed.jsonl").write_text(
        json.dumps({"id": "rec-1", "text": "Joint patrol near Alaska\n\nRussian and Chinese warships sailed.",
                    "title": "Joint patrol near Alaska", "published": "2024-07-20", "outlet": "Wire"}) + "\n"
        + "{not json at all\n"
        + json.dumps({"id": "rec-2", "text": "Second record\n\nBody."}) + "\n"
        + json.dumps({"id": "bom", "text": "Duplicate of bom.txt's id\n\nBody."}) + "\n",
        encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "image.txt").write_bytes(PNG)
    (root / "garbage.txt").write_bytes(bytes((i * 97 + 131) % 128 + 128 for i in range(3000)))
    (root / "huge.txt").write_text("x" * 5000 + "\n", encoding="utf-8")
    (root / "unreadable.txt").symlink_to(root / "missing-target.txt")


def test_mixed_corpus_loads_every_good_article(tmp_path):
    root = tmp_path / "corpus"
    make_mixed_corpus(root)
    printed = []
    corpus = load_corpus(root, max_bytes=4000, report=printed.append)
    titles = {a.article_id: a.title for a in corpus.articles}
    assert titles == {
        "utf8": "Shoigu meets Wei Fenghe — «strategic» talks",
        "bom": "BOM headline: Zapad/Interaction-2021 ends",
        "russian": "Шойгу и Вэй Фэнхэ обсудили совместные учения",
        "french": "Défense : la France dépense 47,2 milliards d'euros",
        "page": "China raises defence budget 7.2% as Russia ties deepen",
        "rec-1": "Joint patrol near Alaska",
        "rec-2": "Second record",
    }
    encodings = {a.article_id: a.encoding for a in corpus.articles}
    assert encodings["bom"] == "utf-8-sig" and encodings["russian"] == "cp1251"
    assert encodings["french"] in {"latin-1", "iso8859_1", "cp1252", "cp1250", "iso8859_15"}
    problems = {(Path(p.path).name, p.problem) for p in corpus.problems}
    assert problems == {("empty.txt", "empty"), ("image.txt", "binary"), ("garbage.txt", "undecodable"),
                        ("huge.txt", "too_large"), ("unreadable.txt", "unreadable"),
                        ("feed.jsonl", "malformed_json"), ("feed.jsonl", "duplicate_id")}
    assert len(printed) == len(corpus.problems)
    malformed = next(p for p in corpus.problems if p.problem == "malformed_json")
    assert malformed.detail.startswith("line 2:")


def test_broken_utf16_and_deep_json_are_problems_not_crashes(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "good.txt").write_text("Joint patrol\n\nRussia and China held a joint air patrol.\n", encoding="utf-8")
    (root / "cut.txt").write_bytes(b"\xff\xfe" + "cut short".encode("utf-16-le") + b"A")  # odd byte count
    (root / "surrogate.txt").write_bytes(b"\xff\xfe\x00\xd8A\x00")  # a lone surrogate
    (root / "deep.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    (root / "deep.jsonl").write_bytes(b'{"title": "ok", "text": "A record."}\n' + b"[" * 100_000 + b"]" * 100_000)
    corpus = load_corpus(root)
    problems = {(Path(p.path).name, p.problem) for p in corpus.problems}
    assert problems == {("cut.txt", "undecodable"), ("surrogate.txt", "undecodable"),
                        ("deep.json", "malformed_json"), ("deep.jsonl", "malformed_json")}
    assert {a.title for a in corpus.articles} == {"Joint patrol", "ok"}
    assert all(p.detail for p in corpus.problems)


def test_html_article_text_and_metadata():
    corpus = load_corpus(PAGES / "pla_budget.html")
    (a,) = corpus.articles
    assert a.title == "China raises defence budget 7.2% as Russia ties deepen"
    assert a.published == dt.date(2023, 3, 5) and a.author == "Jane Doe" and a.outlet == "Example Defence Daily"
    assert a.sources["title"] == "html meta"
    assert "Related stories" not in a.text and "All rights reserved" not in a.text
    assert any("1.5537 trillion yuan" in s.text for s in a.content_sentences())


def test_json_record_metadata_and_sidecar_override(tmp_path):
    root = tmp_path / "c"
    root.mkdir()
    (root / "batch.json").write_text(json.dumps([
        {"id": "a1", "text": "Headline one\n\nBody one.", "published": "2022-02-01", "outlet": "Wire"},
        {"id": "a2", "text": "Headline two\n\nBody two.", "url": "https://example.org/2"}]), encoding="utf-8")
    (root / "metadata.csv").write_text("id,title,outlet,published,date_precision,note\n"
                                       "a2,Better title,Sidecar Outlet,2022-03,month,checked by hand\n", encoding="utf-8")
    frame = load_corpus(root).articles_frame().set_index("article_id")
    assert frame.loc["a1", "published"] == "2022-02-01" and frame.loc["a1", "published_source"] == "record"
    assert frame.loc["a1", "title_source"] == "text"
    assert frame.loc["a2", "title"] == "Better title" and frame.loc["a2", "title_source"] == "sidecar"
    assert frame.loc["a2", "published"] == "2022-03" and frame.loc["a2", "date_precision"] == "month"
    assert frame.loc["a2", "url_source"] == "record" and frame.loc["a2", "note"] == "checked by hand"


def test_missing_path_and_nothing_loadable_raise(tmp_path):
    with pytest.raises(CorpusError, match="no such file"):
        load_corpus(tmp_path / "nope")
    (tmp_path / "only-empty.txt").write_bytes(b"")
    with pytest.raises(CorpusError, match="no loadable article"):
        load_corpus(tmp_path)
