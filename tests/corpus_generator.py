"""A large synthetic corpus for legibility tests and benchmarks: hundreds of articles, many countries and years.

The articles are written from sentence templates in the forms the extractors read (defence budgets,
combined-budget claims, arms deals, troop counts, named and unnamed exercises and patrols), with
values drawn around SIPRI's levels, some far off, so the checks find outliers. A seeded
``random.Random`` picks everything, so the same ``n`` and ``seed`` give the same files. Gaps are
on purpose: some articles have no date, some claims no year, some exercises no name, month or
known place.

    python tests/corpus_generator.py OUT_DIR --n 500      # writes OUT_DIR/*.txt and metadata.csv

No third-party text is used: every sentence is written here.
"""
from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

__all__ = ["generate_corpus", "write_corpus"]

# name as written, adjective, SIPRI-like spending (US$ bn, 2021) or None for countries without a series here
_COUNTRIES = [
    ("China", "Chinese", 293), ("Russia", "Russian", 66), ("the United States", "American", 801),
    ("India", "Indian", 77), ("Japan", "Japanese", 54), ("the United Kingdom", "British", 68),
    ("Ukraine", "Ukrainian", 6), ("Taiwan", "Taiwanese", 16), ("France", "French", 57),
    ("Germany", "German", 56), ("Saudi Arabia", "Saudi", 56), ("South Korea", "South Korean", 50),
    ("Australia", "Australian", 32), ("Brazil", "Brazilian", 20), ("Turkey", "Turkish", 16),
    ("Iran", "Iranian", 25), ("Pakistan", "Pakistani", 11), ("Israel", "Israeli", 24),
    ("Indonesia", "Indonesian", 9), ("Vietnam", "Vietnamese", 6), ("Kazakhstan", "Kazakh", 1.5),
    ("Belarus", "Belarusian", 0.8), ("Mongolia", "Mongolian", 0.1), ("Egypt", "Egyptian", 4.5),
]
_SERIES = ["Joint Sea", "Vostok", "Zapad", "Tsentr", "Kavkaz", "Northern/Interaction", "Peace Mission",
           "Maritime Security Belt", "Mosi", "Aerospace Security", "Indra", "Malabar", "Sea Breeze", "Talisman Sabre"]
_PLACES = ["Sea of Japan", "East China Sea", "South China Sea", "Yellow Sea", "Philippine Sea", "Sea of Okhotsk",
           "Bering Sea", "Barents Sea", "Baltic Sea", "Black Sea", "Mediterranean", "Arabian Sea", "Gulf of Oman",
           "Indian Ocean", "western Pacific", "Taiwan Strait", "Tsushima Strait", "Kamchatka", "Primorye",
           "Inner Mongolia", "Zabaykalsky Krai", "Kaliningrad", "Crimea", "Guam", "Vladivostok", "Zhurihe",
           "Tsugol", "Qingdao", "Sevastopol", "Chabahar", "Richards Bay", "Norwegian Sea", "Lake Nowhere"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_OUTLETS = ["Harbour Daily", "The Continental Review", "Steppe Wire", "Pacific Ledger", "Northern Courier"]


def _money(rng: random.Random, level: float) -> str:
    """A claimed amount near ``level`` (US$ bn), now and then far off, as an article would write it."""
    factor = rng.choice([1, 1, 1, 1.05, 0.95, 1.1, 0.9, 1.3, 2, 3, 0.5])
    value = level * factor
    if value >= 1:
        text = f"{value:,.0f}" if value >= 20 else f"{value:.1f}"
        return f"${text} billion"
    return f"${value * 1000:,.0f} million"


def _budget_sentence(rng: random.Random, year: int | None) -> str:
    name, adj, level = rng.choice(_COUNTRIES)
    amount = _money(rng, level * (1 + 0.04 * ((year or 2021) - 2021)))
    when = f" for {year}" if year else ""
    form = rng.randrange(4)
    if form == 0:
        return f"{name[0].upper() + name[1:]}'s defence budget{when} stands at {amount}, officials said."
    if form == 1:
        return f"The {adj} military budget{when} rose to {amount}, according to the finance ministry."
    if form == 2:
        return f"{adj} defence spending reached {amount}{' in ' + str(year) if year else ' this year'}."
    return f"{name[0].upper() + name[1:]} plans to spend {amount} on defence{' in ' + str(year) if year else ''}."


def _exercise_sentence(rng: random.Random, year: int, participants: list[str]) -> str:
    place = rng.choice(_PLACES)
    month = rng.choice(_MONTHS + [None, None])
    when = f"in {month} {year}" if month else f"in {year}"
    who = " and ".join(participants)
    form = rng.randrange(4)
    if form == 0:
        series = rng.choice(_SERIES)
        return f"{who} held the {series}-{year} naval exercise in the {place} {when}."
    if form == 1:
        series = rng.choice(_SERIES)
        return f"Troops from {who} took part in the {series} {year} drills near {place} {when}."
    if form == 2:
        return f"{who} conducted joint air patrols over the {place} {when}."
    return f"{who} held joint naval drills in the {place} {when}."


def _other_sentence(rng: random.Random) -> str:
    buyer, seller = rng.sample([c[0] for c in _COUNTRIES[:12]], 2)
    form = rng.randrange(3)
    if form == 0:
        return f"{buyer[0].upper() + buyer[1:]} signed a ${rng.randint(1, 12)}.{rng.randint(0, 9)} billion deal to buy fighter jets from {seller}."
    if form == 1:
        return f"About {rng.choice([3, 5, 10, 12, 50])},000 troops took part in the manoeuvres."
    return "Analysts said the announcement was part of a wider pattern of military cooperation."


def generate_corpus(n: int = 500, seed: int = 16) -> tuple[dict[str, str], list[dict[str, str]]]:
    """``n`` articles as ``{file name: text}`` and their ``metadata.csv`` rows (same ``n``/``seed``, same corpus)."""
    rng = random.Random(seed)
    texts, meta = {}, []
    for i in range(n):
        article_id = f"{i:03d}_synthetic{seed}"
        year = rng.randint(1995, 2024) if rng.random() < 0.15 else rng.randint(2015, 2024)
        parts = rng.sample([c[0] for c in _COUNTRIES[:14]], 2)
        if rng.random() < 0.5:
            parts = ["Russia", "China"]
        sentences = []
        for _ in range(rng.randint(1, 4)):
            sentences.append(_budget_sentence(rng, year if rng.random() < 0.6 else None))
        if rng.random() < 0.12:
            sentences.append(f"The combined Russia-China military budget surpasses Washington's defense spending, "
                             f"with the Chinese and Russian defense budgets at ${rng.randint(250, 650)} and "
                             f"${rng.randint(60, 210)} billion respectively while the U.S. budget is "
                             f"${rng.randint(700, 900)} billion.")
        for _ in range(rng.randint(0, 3)):
            sentences.append(_exercise_sentence(rng, year - rng.randint(0, 1), parts))
        sentences.append(_other_sentence(rng))
        rng.shuffle(sentences)
        title = f"{parts[0]} and {parts[1]} step up military ties ({i})"
        body = "\n\n".join(" ".join(sentences[k:k + 2]) for k in range(0, len(sentences), 2))
        texts[f"{article_id}.txt"] = f"{title}\n\n{body}\n"
        dated = rng.random() < 0.9
        meta.append({"id": article_id, "title": "", "url": "", "outlet": rng.choice(_OUTLETS),
                     "published": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if dated else "",
                     "date_precision": "day" if dated else "", "author": "", "note": "synthetic"})
    return texts, meta


def write_corpus(out: str | Path, n: int = 500, seed: int = 16) -> Path:
    """Write :func:`generate_corpus` to ``out`` (``*.txt`` and ``metadata.csv``); return the folder."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    texts, meta = generate_corpus(n, seed)
    for name, text in texts.items():
        (out / name).write_text(text, encoding="utf-8")
    with open(out / "metadata.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(meta[0]))
        writer.writeheader()
        writer.writerows(meta)
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="folder to write the articles into")
    parser.add_argument("--n", type=int, default=500, help="number of articles (default 500)")
    parser.add_argument("--seed", type=int, default=16, help="random seed (default 16)")
    args = parser.parse_args()
    print(write_corpus(args.out, args.n, args.seed))
