"""Joint exercises, drills and patrols: one record per mention, with who, where, when and status.

A mention is either a named series ("Zapad / Interaction-2021", "Vostok-2022", "the ninth joint
strategic air patrol") or a phrase headed by an exercise word ("joint naval patrols in the
northwest Pacific", "war games that the armed forces of China and Russia held") that reads as
a specific joint event: it is joint (``joint``, ``bilateral``, ``Russian-Chinese``...), names
its participants ("between the two countries"), or has two countries (or "the two navies") as
the subject of a holding verb. Left out: areas of cooperation ("cooperation in strategic
exercises, joint patrols and other areas"), and definite references back to an event already
mentioned ("the exercise", "the exercises between China and Russia") unless they add a name or
a place.

Every vocabulary is data: ``data/exercise_series.csv`` (series and aliases),
``data/exercise_vocab.csv`` (cue, modifier, domain, status and context words),
``data/exercise_assets.csv`` (aircraft, ship and vehicle words) and, for places,
``data/gazetteer.csv`` (see :mod:`analysis.extract.places`).

The reading goes in stages, one module each (:mod:`~analysis.extract.exercises.extractor` wires them together;
``_vocab`` holds the data files, read once, and the helpers the stages share):

1. :mod:`~analysis.extract.exercises.prefilter`: where in an article a mention may begin; only the sentences
   with such a place are read.
2. :mod:`~analysis.extract.exercises.mentions`: a sentence's exercise words and series names, the span and
   the clause of each mention.
3. :mod:`~analysis.extract.exercises.timing`: its status, planned or conducted.
4. :mod:`~analysis.extract.exercises.locations`: its places.
5. :mod:`~analysis.extract.exercises.mentions`: generic mentions, and references back that add no place, are
   left out.
6. :mod:`~analysis.extract.exercises.joint`: the joint test; a mention of no joint exercise is left out.
7. :mod:`~analysis.extract.exercises.participants`: who takes part.
8. :mod:`~analysis.extract.exercises.domains`: its domains and assets.
9. :mod:`~analysis.extract.exercises.timing`: its year and month, the year inferred, whether it is habitual.

>>> from analysis.corpus import article_from_text
>>> a = article_from_text("Russian and Chinese warships conducted a joint patrol in the western Pacific in 2023.")
>>> [(m.surface, m.kind, m.participants, m.domains, m.locations, m.year, m.status) for m in extract_exercises(a)]
[('joint patrol in the western Pacific', 'patrol', ('CHN', 'RUS'), ('naval',), ('western Pacific',), 2023, 'conducted')]
"""
from analysis.extract.exercises.extractor import (CAMEO, EXERCISE_COLUMNS, ExerciseMention,  # noqa: F401
                                                  exercises_frame, extract_exercises, mentions_frame)

__all__ = ["EXERCISE_COLUMNS", "ExerciseMention", "extract_exercises", "exercises_frame", "mentions_frame"]
