"""Labels that never collide, placed deterministically, and the measure that checks it.

:func:`place_labels` puts each label at the first of a fixed list of spots around its point where
its box overlaps no text already drawn (tick labels, titles, legends, labels placed before it) and
stays inside the axes; a label with no free spot is left out and counted. The order of the labels
and of the spots is fixed, so the same input gives the same chart, byte for byte.

:func:`text_boxes`, :func:`overlapping_texts` and :func:`missing_value_texts` measure a drawn
figure the way the chart audit does: every visible, non-empty text's box on the canvas, the pairs
that overlap by more than 15 % of the smaller box, and the texts that show a missing value.

>>> from matplotlib.figure import Figure
>>> fig = Figure(figsize=(3, 2)); ax = fig.add_subplot()
>>> _ = ax.set_xlim(0, 10); _ = ax.set_ylim(0, 10)
>>> placed, dropped = place_labels(ax, [(5, 5, "first"), (5, 5, "second"), (5, 5, "third")])
>>> [t.get_text() for t in placed], overlapping_texts(fig)
(['first', 'second', 'third'], [])
"""
from __future__ import annotations

import re
from typing import Iterable, Sequence

from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

__all__ = ["MISSING", "SPOTS", "renderer", "text_boxes", "overlapping_texts", "missing_value_texts", "legibility",
           "obstacles", "place_labels"]

#: What a label must never show: a missing value as pandas, numpy or Python prints it.
MISSING = re.compile(r"<NA>|\bnan\b|\bNaN\b|\bNone\b|\bNaT\b")
#: Where a label may go, in points from its point, tried in this order: (dx, dy, ha, va).
SPOTS = ((6, 0, "left", "center"), (-6, 0, "right", "center"), (0, 7, "center", "bottom"),
         (0, -7, "center", "top"), (6, 7, "left", "bottom"), (-6, 7, "right", "bottom"),
         (6, -7, "left", "top"), (-6, -7, "right", "top"), (14, 14, "left", "bottom"),
         (-14, 14, "right", "bottom"), (14, -14, "left", "top"), (-14, -14, "right", "top"))
_PAD = 2.0  # pixels kept free around each placed label (the saved file's dpi differs from the screen's)


def renderer(fig: Figure):
    """An Agg renderer for ``fig`` (attaching an Agg canvas when the figure has none), to measure texts."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    return canvas.get_renderer()


def _drawn_tick_labels(fig: Figure) -> tuple[set[int], set[int]]:
    """Ids of every tick label, and of those matplotlib draws (ticks inside the view)."""
    every, drawn = set(), set()
    for ax in fig.axes:
        for axis in ax._axis_map.values():
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                every.update((id(tick.label1), id(tick.label2)))
            for tick in axis._update_ticks():
                drawn.update((id(tick.label1), id(tick.label2)))
    return every, drawn


def text_boxes(fig: Figure, draw: bool = True) -> list[tuple[str, Bbox]]:
    """Every visible, non-empty text of ``fig`` as drawn: ``(text, box in display pixels)``.

    Tick labels outside the view, annotations whose point is out of view and texts clipped away
    are not drawn, so they are not counted.
    """
    r = renderer(fig)
    if draw:
        fig.draw(r)
    every_tick, drawn_tick = _drawn_tick_labels(fig)
    boxes = []
    for t in fig.findobj(Text):
        s = t.get_text()
        if not t.get_visible() or not s.strip() or (id(t) in every_tick and id(t) not in drawn_tick):
            continue
        check_xy = getattr(t, "_check_xy", None)
        if check_xy is not None and not check_xy(r):
            continue
        bb = t.get_window_extent(r)
        clip = t.get_clip_box() if t.get_clip_on() else None
        if clip is not None and (bb.x1 < clip.x0 or bb.x0 > clip.x1 or bb.y1 < clip.y0 or bb.y0 > clip.y1):
            continue
        if bb.width > 0 and bb.height > 0:
            boxes.append((s, bb))
    return boxes


def _overlap(a: Bbox, b: Bbox) -> float:
    w, h = min(a.x1, b.x1) - max(a.x0, b.x0), min(a.y1, b.y1) - max(a.y0, b.y0)
    return w * h if w > 0 and h > 0 else 0.0


def overlapping_texts(fig: Figure, share: float = 0.15, boxes: list | None = None) -> list[tuple[str, str]]:
    """Pairs of drawn texts whose boxes overlap by more than ``share`` of the smaller box."""
    boxes = text_boxes(fig) if boxes is None else boxes
    pairs = []
    for i, (s1, a) in enumerate(boxes):
        for s2, b in boxes[i + 1:]:
            if _overlap(a, b) > share * min(a.width * a.height, b.width * b.height):
                pairs.append((s1, s2))
    return pairs


def missing_value_texts(fig: Figure, boxes: list | None = None) -> list[str]:
    """Drawn texts that show a missing value (``<NA>``, ``nan``, ``None``, ``NaT``)."""
    return [s for s, _ in (text_boxes(fig) if boxes is None else boxes) if MISSING.search(s)]


def legibility(fig: Figure, share: float = 0.15) -> dict:
    """One drawing, both measures: ``{"texts": n, "overlaps": [pairs], "missing": [texts]}``."""
    boxes = text_boxes(fig)
    return {"texts": len(boxes), "overlaps": overlapping_texts(fig, share=share, boxes=boxes),
            "missing": missing_value_texts(fig, boxes=boxes)}


def _padded(bb: Bbox, pad: float = _PAD) -> Bbox:
    return Bbox.from_extents(bb.x0 - pad, bb.y0 - pad, bb.x1 + pad, bb.y1 + pad)


def obstacles(fig: Figure) -> list[Bbox]:
    """The boxes labels must keep clear of: every text drawn so far (padded) and every legend."""
    r = renderer(fig)
    fig.draw(r)
    boxes = [_padded(bb) for _, bb in text_boxes(fig, draw=False)]
    legends = [ax.get_legend() for ax in fig.axes] + list(fig.legends)
    return boxes + [legend.get_window_extent(r) for legend in legends if legend is not None and legend.get_visible()]


def place_labels(ax, labels: Iterable[Sequence], spots: Sequence[tuple] = SPOTS, inside: bool = True,
                 markers: Sequence[tuple[float, float]] = (), marker_px: float = 5.0,
                 taken: list[Bbox] | None = None, **text_kwargs) -> tuple[list[Text], list[Sequence]]:
    """Annotate ``ax`` with ``(x, y, text[, colour])`` labels, in the order given, where none collides.

    Call it last, once the limits, ticks, titles and legends are set: the texts already drawn are
    obstacles. Each label takes the first spot in ``spots`` where its (padded) box overlaps no
    obstacle and, with ``inside``, lies within the axes. Returns the labels placed and those left
    out (no free spot). ``markers`` (data coordinates) are kept clear too, each a square of
    ``marker_px`` pixels either side. ``taken`` (from :func:`obstacles`, extended with each label
    placed) saves drawing the figure again when several axes of one figure are labelled in turn.
    ``text_kwargs`` go to every annotation (``fontsize``, ``color``...).
    """
    fig = ax.figure
    r = renderer(fig)
    blocked = taken if taken is not None else obstacles(fig)
    for x, y in ax.transData.transform(list(markers)) if len(markers) else ():
        blocked.append(Bbox.from_extents(x - marker_px, y - marker_px, x + marker_px, y + marker_px))
    frame = ax.get_window_extent(r)
    text_kwargs.setdefault("zorder", 6)
    placed, dropped = [], []
    for label in labels:
        x, y, text = label[0], label[1], label[2]
        kwargs = dict(text_kwargs)
        if len(label) > 3 and label[3] is not None:
            kwargs["color"] = label[3]
        for dx, dy, ha, va in spots:
            annotation = ax.annotate(text, (x, y), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va,
                                     annotation_clip=True, **kwargs)
            bb = annotation.get_window_extent(r)
            fits = not inside or (bb.x0 >= frame.x0 and bb.x1 <= frame.x1 and bb.y0 >= frame.y0
                                  and bb.y1 <= frame.y1)
            if fits and not any(_overlap(bb, o) > 0 for o in blocked):
                blocked.append(_padded(bb))
                placed.append(annotation)
                break
            annotation.remove()
        else:
            dropped.append(label)
    return placed, dropped
