"""People's names in news text: the one normalisation of a surname used to match people across tables.

A person is written "Volodymyr Zelensky", "Zelenskyy" or "President Zelensky";
code that matches people by surname (the timeline's actors, the reference
check) compares :func:`surname_key` values, never its own variant.
"""

from __future__ import annotations


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
