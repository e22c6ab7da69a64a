"""Agreement with two peer projects' own money test cases (quantulum3, price-parser).

The cases are third-party data kept outside the repo (shared/peer-cases, see its README); these
tests read them from there and skip when it is absent. Each price-parser case whose text alone
carries a currency among $, US$, €, EUR, euro, £, руб, руб., р., ₽ (and that the peer does not
itself expect to fail) is placed in a sentence, "… offered at {text} today.", and agrees when our
first money figure has the peer's amount and currency. A quantulum3 case agrees when one of our
money figures has its value and currency (minor units — penny, cent, dime — in the major unit).
Known misses are strict xfails, each with its reason.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from analysis.corpus.model import Article, Sentence
from analysis.extract.figures import extract_figures

PEER = Path(__file__).parents[1].parent / "shared" / "peer-cases"
pytestmark = pytest.mark.skipif(not PEER.is_dir(), reason=f"peer cases not found at {PEER}")

PRICE_CURRENCIES = {"$": "USD", "US$": "USD", "€": "EUR", "EUR": "EUR", "euro": "EUR", "£": "GBP",
                    "руб": "RUB", "руб.": "RUB", "р.": "RUB", "₽": "RUB"}
MINOR = {"penny": 0.01, "cent": 0.01, "dime": 0.1}
MIN_AGREEMENT = 0.90

# price-parser line -> why we differ
PRICE_MISSES = {
    179: "'$119. 95': a space inside the decimals; in prose that is a sentence end",
    1118: "'$ 8. 94': a space inside the decimals",
    1057: "'1.837, 32 €': a space inside the decimals",
    311: "'$..75': doubled decimal point",
    1429: "'$..75': doubled decimal point",
    1430: "'$..75,333': doubled decimal point (the peer expects two readings of this text)",
    1431: "'$..75,333': doubled decimal point (the peer expects two readings of this text)",
    312: "'$.75,333' read as 75333 by the peer; we read $.75",
    313: "'$.750.30' read as 750.3 by the peer; we read $.750",
    1432: "'$.750.30' read as 750.3 by the peer; we read $.750",
    448: "'35€ 99': the currency sign as decimal mark",
    1424: "'1250€ 600': the peer passes decimal_separator='€'",
    1425: "'1250€ 60': the peer passes decimal_separator='€'",
    1426: "'1250€600': the peer passes decimal_separator='€'",
}
QUANTULUM_MISSES = {
    "The annual revenue is ($99.99).": "a bracketed amount is a conversion in reporting, not a negative",
}


def _money(text: str):
    art = Article("peer", "peer", text, sentences=(Sentence(0, len(text), text),))
    return [f for f in extract_figures(art) if f.is_money]


def _jsonl(name: str) -> list[dict]:
    if not PEER.is_dir():
        return []
    with open(PEER / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


PRICE_CASES = [r for r in _jsonl("price_parser.jsonl")
               if not r["xfail"] and r["text"] and r["currency_text"] in PRICE_CURRENCIES
               and r["currency_text"] in r["text"]]
QUANTULUM_CASES = _jsonl("quantulum3_money.jsonl")


def _price_agrees(case: dict) -> bool:
    found = _money(f"… offered at {case['text']} today.")
    return bool(found) and found[0].unit == PRICE_CURRENCIES[case["currency_text"]] and math.isclose(
        found[0].value, float(case["amount"]), rel_tol=1e-9, abs_tol=1e-9)


def _quantulum_agrees(case: dict) -> bool:
    found = _money(case["text"])
    if case["currency"]:
        return any(f.unit == case["currency"] and math.isclose(f.value, case["value"], rel_tol=1e-9) for f in found)
    return any(math.isclose(f.value, case["value"] * MINOR[case["unit"]], rel_tol=1e-9) for f in found)


def _marked(cases, misses, key):
    out = []
    for c in cases:
        reason = misses.get(key(c))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        out.append(pytest.param(c, marks=marks, id=str(key(c))))
    return out


@pytest.mark.parametrize("case", _marked(PRICE_CASES, PRICE_MISSES, lambda c: c["line"]))
def test_price_parser_case(case):
    assert _price_agrees(case), case["text"]


@pytest.mark.parametrize("case", _marked(QUANTULUM_CASES, QUANTULUM_MISSES, lambda c: c["text"]))
def test_quantulum3_case(case):
    assert _quantulum_agrees(case), case["text"]


def test_agreement_floor():
    cases = [_price_agrees(c) for c in PRICE_CASES] + [_quantulum_agrees(c) for c in QUANTULUM_CASES]
    assert len(PRICE_CASES) > 500 and len(QUANTULUM_CASES) == 16
    assert sum(cases) / len(cases) >= MIN_AGREEMENT
    assert sum(_quantulum_agrees(c) for c in QUANTULUM_CASES) / len(QUANTULUM_CASES) >= MIN_AGREEMENT
