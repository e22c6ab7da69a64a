"""Stage 6, the joint test: whether a mention is of a joint exercise, and who holds it: it says so ("joint",
"Russian-Chinese", its participants or contingents named), or two countries (or "the two navies") are the
subject of a holding verb before it or in a relative clause after it, or it names a listed series."""
from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.extract.exercises._vocab import _is_verb_cue
from analysis.extract.exercises.participants import _contingents, _hosts, _subject_verb, _two_parties

if TYPE_CHECKING:
    from analysis.extract.exercises._vocab import _Rules, _Text
    from analysis.extract.exercises.mentions import _Cand


def _joint(t: _Text, c: _Cand, ctx_start: int, clause_lo: int, nxt: int, countries, country_at: dict,
           rules: _Rules) -> tuple | None:
    """The joint test on mention ``c`` (``countries``: the sentence's, ``country_at``: the same by start); None:
    not a joint exercise (nor a listed series), left out. Else what it found, for the stages after it:
    ``hold_here`` (a holding verb, or "sent ... to", before the mention in its clause, or the mention is the
    verb), ``contingents`` (countries said to send forces to it, to host it or to be involved in it),
    ``said_joint`` (the mention says it is joint or names its participants or contingents), ``subject_verb``
    (the countries before it in its clause are its subject; None: not asked), ``subject_joint`` (two of them,
    or "the two navies", hold it), ``rel_joint`` (two countries hold it in a relative clause after it)."""
    # joint: said so, or two countries (or "the two navies") hold it, or it names its participants.
    # (The subject and relative-clause tests only run when the mention does not say so itself;
    # subject_verb, None until needed, says whether the countries before it in its clause are its subject.)
    hold_here = (c.head is not None and c.start == c.head[0] and _is_verb_cue(t[c.head[0]:c.head[1]])) or \
        rules.hold.search(t, clause_lo, ctx_start) is not None or \
        rules.sent_to.search(t, max(clause_lo, ctx_start - 200), ctx_start) is not None
    # countries said to send forces to it, to host it or to be involved in it (none of them its subject)
    # (a host, "drills in Tajikistan", takes part in a joint exercise but does not make one joint)
    contingents = _contingents(t, ctx_start, nxt, countries, country_at, rules, after=c.end) if countries else []
    said_joint = c.joint or bool(c.part_countries) or c.part_group or bool(contingents)
    if countries:
        contingents += _hosts(t, c.end, country_at)
    subject_verb = None if said_joint else _subject_verb(t, clause_lo, ctx_start, c, hold_here, rules)
    subject_joint = not said_joint and subject_verb and _two_parties(t, clause_lo, ctx_start, countries, rules)
    rel_joint = not said_joint and not subject_joint and bool(c.rel_clause) and \
        _two_parties(t, *c.rel_clause, countries, rules)
    if not (said_joint or subject_joint or rel_joint or (c.series is not None and c.series.listed)):
        return None
    return hold_here, contingents, said_joint, subject_verb, subject_joint, rel_joint
