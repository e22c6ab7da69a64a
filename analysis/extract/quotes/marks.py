"""Quotation marks: every quoted span of a text, in every style, with its offsets.

Styles: “…” and "…", ‘…’ and '…' (an apostrophe between letters, as in "Russia’s" or "don’t", is
no mark), «…» and „…“. Quotes nest (“He said ‘no’.”): each level is its own span.

A paragraph (a line of the text) bounds a quote: news style continues a quote into the next
paragraph by opening that paragraph with a quotation mark and leaving the previous one without a
closing mark, and such a run becomes one span (flag ``continued``). A double quotation mark that
nothing closes is capped at the end of its paragraph (flag ``unclosed``): it never swallows the
rest of the article. An unclosed single mark is read as an apostrophe and gives no span. No span
is longer than :data:`MAX_QUOTE_CHARS` characters: a longer one is cut at the last sentence end
before that length (flag ``capped``).

>>> [(s.text, s.family) for s in find_quote_spans("“We are ready,” he said of Russia’s ‘drills’.")]
[('We are ready', 'double'), ('drills', 'single')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["MAX_DEPTH", "MAX_QUOTE_CHARS", "QuoteSpan", "find_quote_spans"]

#: The longest quote kept, in characters (about 500 words: longer than any quoted statement in the
#: seeds or the development set, short enough that a stray mark cannot take over a long article).
MAX_QUOTE_CHARS = 3000

#: Quotes open at once at most (a quote in a quote in a quote …); further opening marks are not read
MAX_DEPTH = 4
_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_EVENT = re.compile("[“”\"«»„‘’'\n]")
_CONTINUES = re.compile("[ \t\r\n\u00a0]*[“\"«„]")
_SENTENCE_END = re.compile(r"[.!?…](?=[\s”\"’']|$)")
_TRIM_END = " \t\r\n\u00a0,;:–—-"
_TRIM_START = " \t\r\n\u00a0"


@dataclass(frozen=True)
class QuoteSpan:
    """One quoted span: the marks' offsets and the quoted words' offsets (``text[start:end]``)."""

    open: int  # offset of the opening mark
    close: int  # offset of the closing mark; -1 when nothing closes it (unclosed or capped)
    start: int
    end: int
    text: str
    family: str  # "double" or "single"
    depth: int  # 0 for a quote in running text, 1 for a quote inside another, ...
    flags: tuple[str, ...] = ()

    @property
    def after(self) -> int:
        """Where the text after the quote begins (just past the closing mark)."""
        return self.close + 1 if self.close >= 0 else self.end


class _Open:
    __slots__ = ("pos", "family", "straight", "flags")

    def __init__(self, pos: int, family: str, straight: bool, flags: tuple[str, ...] = ()):
        self.pos, self.family, self.straight, self.flags = pos, family, straight, flags


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quoted span of ``text`` in order of its opening mark (see the module docstring)."""
    spans: list[QuoteSpan] = []
    stack: list[_Open] = []
    carry: _Open | None = None  # a quote running on into the next paragraph
    carry_at = -1  # the offset of the opening mark that continues it
    n = len(text)
    for m in _EVENT.finditer(text):
        i = m.start()
        ch = text[i]
        if ch == "\n":
            if stack:
                carry, carry_at = _end_paragraph(text, i, stack, spans)
                stack = []
            continue
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if i == carry_at and carry is not None:
            stack.append(_Open(carry.pos, "double", ch == '"', carry.flags + ("continued",)))
            carry = None
        elif ch == "“" and stack and text[stack[-1].pos] == "„":  # „…“, as German and Russian write it
            _close(text, i, "double", stack, spans)
        elif ch in _DOUBLE_OPEN:
            _push(stack, _Open(i, "double", False))
        elif ch in _DOUBLE_CLOSE:
            _close(text, i, "double", stack, spans)
        elif ch == '"':
            # by its sides: after a space and before a word it opens, after a word and before a space or
            # punctuation it closes; else it alternates with the open straight mark
            opens = (prev.isspace() or prev in "([{—–-/") and not nxt.isspace()
            closes = not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)]}—–-…")
            open_straight = any(o.straight and o.family == "double" for o in stack)
            if closes and open_straight or (not opens and open_straight):
                _close(text, i, "double", stack, spans, straight=True)
            else:
                _push(stack, _Open(i, "double", True))
        elif ch == "‘":
            if not (prev.isalnum() or nxt.isdigit()):
                _push(stack, _Open(i, "single", False))
        elif ch == "’":
            if not (prev.isalnum() and nxt.isalnum()) and not prev.isspace():
                _close(text, i, "single", stack, spans)
        else:  # a straight single mark
            if prev.isalnum() and nxt.isalnum():
                continue
            if any(o.straight and o.family == "single" for o in stack) and not prev.isspace():
                _close(text, i, "single", stack, spans, straight=True)
            elif not (prev.isalnum() or nxt.isspace()) and nxt.isalpha():
                _push(stack, _Open(i, "single", True))
    if stack:
        _end_paragraph(text, n, stack, spans, last=True)
    spans.sort(key=lambda s: (s.open, s.depth))
    return spans


def _push(stack: list[_Open], mark: _Open) -> None:
    """An opening mark, unless :data:`MAX_DEPTH` quotes are open already (text that is not prose, such as a
    run of thousands of marks, then costs no more than prose)."""
    if len(stack) < MAX_DEPTH:
        stack.append(mark)


def _close(text: str, i: int, family: str, stack: list[_Open], spans: list[QuoteSpan],
           straight: bool | None = None) -> None:
    """A closing mark at ``i``: it closes the innermost open quote of its family (a straight mark only
    a straight one); single marks opened inside and never closed were apostrophes and are dropped."""
    for k in range(len(stack) - 1, -1, -1):
        o = stack[k]
        if o.family == family and (straight is None or o.straight == straight):
            del stack[k:]
            _emit(text, o, i, i, k, spans, o.flags)
            return


def _end_paragraph(text: str, i: int, stack: list[_Open], spans: list[QuoteSpan],
                   last: bool = False) -> tuple[_Open | None, int]:
    """The end of a paragraph at ``i`` with quotes still open: the outermost open double quote runs on
    when the next paragraph opens with a quotation mark (news style); every other open double quote
    ends here, unclosed."""
    doubles = [(k, o) for k, o in enumerate(stack) if o.family == "double"]
    carry, carry_at = None, -1
    if doubles and not last:
        k, o = doubles[0]
        nxt = _CONTINUES.match(text, i)
        if nxt and i - o.pos < MAX_QUOTE_CHARS:
            carry, carry_at = o, nxt.end() - 1
            doubles = doubles[1:]
    for k, o in doubles:
        _emit(text, o, -1, i, k, spans, o.flags + ("unclosed",))
    return carry, carry_at


def _emit(text: str, o: _Open, close: int, end: int, depth: int, spans: list[QuoteSpan],
          flags: tuple[str, ...]) -> None:
    start = o.pos + 1
    while start < end and text[start] in _TRIM_START:
        start += 1
    if end - start > MAX_QUOTE_CHARS:
        cut = None
        for cut in _SENTENCE_END.finditer(text, start, start + MAX_QUOTE_CHARS):
            pass
        end = cut.end() if cut is not None else start + MAX_QUOTE_CHARS
        close, flags = -1, flags + ("capped",)
    while end > start and text[end - 1] in _TRIM_END:
        end -= 1
    if end > start:
        spans.append(QuoteSpan(o.pos, close, start, end, text[start:end], o.family, depth, flags))
