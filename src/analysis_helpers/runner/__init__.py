"""Running the pipeline at scale: reading inputs, executing chunks on processes or Dask, writing outputs atomically.

- :mod:`.inputs`: a folder of ``.txt`` files, or a Parquet / JSON Lines file of articles, read as an
  ``articles`` table, then cut into chunks;
- :mod:`.execute`: one function over the chunks, in one process, in ``concurrent.futures`` processes or on
  a Dask cluster, results in input order (:func:`analysis_helpers.pipeline.run_pipeline` gives it the
  article steps, then runs the corpus steps);
- :mod:`.spill`: the per-article tables of each chunk kept on disk as parts (memory bounded by the chunk),
  read back column by column by the corpus steps and streamed into the output;
- :mod:`.outputs`: tables written to a temporary folder beside ``--out`` and moved into place when all
  are complete, with a lock and a completion file.
"""
