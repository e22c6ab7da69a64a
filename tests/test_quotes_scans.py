"""The quote speakers' shortcut scans find what the plain scans find: roles found from their head noun back,
"plural" and "possessive" mentions found only in the stretches around "officials" or "’s"."""
from __future__ import annotations

import random

import pytest

from analysis.extract.quotes.speakers import _patterns, _plural_reach, _possessive_reach, _roles, _scan

_WORDS = ["the", "The", "a", "An", "its", "His", "her", "one", "this", "that", "minister", "Minister", "ministry",
          "MINISTRY", "spokesman", "news", "agency", "statement", "report", "newspaper", "daily", "official",
          "(IISS)", "(A)", "Russian", "Chinese", "U.S.", "China", "Russia’s", "China's", "Abu", "Dhabi",
          "Antigua and Barbuda", "defence", "Defense", "Foreign", "Affairs", "of", "on", "in", "from", "Beijing",
          "officials", "sources", "resources", "military", "experts", "Kremlin", "x", ",", ".", "“", "”", "-", "’s",
          "'s", "ſtatement", "mİnister", "\u212aremlin"]
_SEPARATORS = [" ", "  ", "\u00a0", "", "\n", " \u00a0"]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_WORDS) + rng.choice(_SEPARATORS) for _ in range(rng.randint(1, 30)))
            for _ in range(n)]


@pytest.mark.parametrize("text", [
    "The Russian Defense Ministry said, the minister added; a report by the IISS",
    "the official Chinese news agency (Xinhua) and the ministry of defence",
    "an\u00a0official from Beijing told the\u00a0daily",
    "the miniſtry said", "THE MINISTRY said", "the mİnister said",  # letters lowering does not fold as the engine does
] + _texts(400, 7))
def test_roles_found_from_their_heads_are_those_a_scan_finds(text):
    p = _patterns()
    n = len(text)
    for windows in ([(0, n)], [(0, n // 2), (n // 2 + 1, n)], [(n // 3, n)]):
        plain = [m.span() + m.span(1) for a, b in windows for m in p["role"].finditer(text, a, b)]
        assert [m.span() + m.span(1) for m in _roles(text, windows, p, text.lower())] == plain


@pytest.mark.parametrize("text", [
    "U.S. officials and Russian military sources said; China's defence ministry and Russia’s Ministry of Defence",
    "Abu  Dhabi's Foreign Ministry; resources; Antigua and Barbuda officials",
] + _texts(400, 11))
def test_plural_and_possessive_scans_in_stretches_are_whole_text_scans(text):
    p = _patterns()
    for name, reach in (("plural", _plural_reach), ("possessive", _possessive_reach)):
        assert [m.span() for m in _scan(text, p[name], reach(text, p))] == [m.span() for m in p[name].finditer(text)]
