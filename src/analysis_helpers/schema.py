"""The table contract of ``analysis-helpers extract``: every table, its columns, dtypes and ids.

This module is the one home of the names the tables share (block roles) and of
each table's columns; it imports nothing from the package, so every module can
read it.
"""

from __future__ import annotations

#: Every role a block can have, in the order the documentation lists them.
ROLES = (
    "headline", "standfirst", "byline", "body", "caption", "related",
    "boilerplate", "tags", "duplicate", "stray",
)
#: Roles whose text is the article itself (what analyses count by default).
ARTICLE_ROLES = ("headline", "standfirst", "body")
