"""People's names in news text: the keys that match one person written several ways.

A person is written "Volodymyr Zelensky", "Zelenskyy" or "President Zelensky".
Two keys, both here so that no module keeps its own variant:

- :func:`surname_key`, the last word only: code that matches people by surname
  (the timeline's actors, the reference check) compares these;
- :func:`spelling_key`, the whole name with case, accents, doubled letters and a
  leading title folded: the quotation step merges speakers' spellings with it.
"""

from __future__ import annotations

import re
import unicodedata


def surname_key(name: str) -> str:
    """The matching key of a person's surname: the last word, lower case, a final "yy" spelled "y".

    >>> surname_key("Volodymyr Zelenskyy") == surname_key("Zelensky")
    True
    """
    words = name.split()
    if not words:
        return ""
    key = words[-1].lower()
    return key[:-1] if key.endswith("yy") else key


def spelling_key(name: str) -> str:
    """A key equal for spellings of one name: case, accents, doubled letters and a title dropped.

    "Zelenskyy", "Zelensky" and "ZELENSKY" share a key; so do "Mr. Smith" and "Smith".
    """
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    folded = re.sub(r"^(?:mr|mrs|ms|dr|sir|dame)\.?\s+", "", folded)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[^a-z0-9 ]+", "", folded)).strip()
