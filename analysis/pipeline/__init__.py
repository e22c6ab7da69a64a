"""The extraction run over a corpus of any size: batches read, extracted and written one after another
(or in parallel processes, or on a Dask cluster), with only what the cross-article steps need kept.

- :mod:`~analysis.pipeline.registry`: the per-article extractors, as data (one line adds a table);
- :mod:`~analysis.pipeline.plan`: the corpus's files cut into batches;
- :mod:`~analysis.pipeline.batch`: one batch read and extracted (a plain function, run anywhere);
- :mod:`~analysis.pipeline.executors`: where batches run (this process, ``--jobs``, ``--scheduler``);
- :mod:`~analysis.pipeline.cross`: events and the budget checks, once every article is in;
- :mod:`~analysis.pipeline.run`: the run itself, writing the tables in article order into place.
"""
