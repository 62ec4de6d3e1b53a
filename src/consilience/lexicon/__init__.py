"""The bottom layer: shared vocabulary every stage may read and none of them owns.

Sources and their aliases, the predicate table and its overrides, inflections, and the event
lexicon derived from WordNet. It imports nothing from the stages above it (ingest, clean, meta,
timex, claims, reconcile, report), so the folders stay in the order the data flows.
"""
