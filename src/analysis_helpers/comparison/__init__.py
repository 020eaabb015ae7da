"""Comparing outlets: who each quotes, which numbers and dates each states, who copied whom (notebook 05).

``outlets``: the outlet of each article and per-outlet summaries of the other tables.
``dates``: dates each outlet gets wrong (against a reference table) or that disagree between outlets.
``lineage``: passages shared between outlets, oriented by publication date.
``tables``: the research tables ``extract`` shapes from the others (quote context, outlet and published
on every per-article table, quote_groups, figure_conflicts, timeline_conflicts).
"""
