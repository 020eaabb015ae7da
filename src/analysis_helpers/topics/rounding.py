"""Python's ``round(x, decimals)`` over a whole array, giving the same doubles.

``numpy.round`` multiplies by ``10**decimals``, rounds and divides: the product is itself rounded,
so a value whose exact product lies within an ulp or two of a half (``0.00015`` and its neighbours)
can round the other way, and a table written with it would differ in the last digit from one written
with ``round``. :func:`round_like_python` does the multiplication in numpy and hands back to
``round`` only the values whose product lies too near a half to decide.
"""

from __future__ import annotations

import numpy as np

#: Products whose distance from a half is below this (relative to the product, at least 1) are decided by
#: ``round``: the product of a double and ``10**decimals`` is off by at most half an ulp (about 1e-16 relative).
_UNDECIDED = 1e-6


def round_like_python(values, decimals: int) -> np.ndarray:
    """``[round(float(v), decimals) for v in values]`` as a float64 array, bit for bit.

    Parameters
    ----------
    values : array-like of float
    decimals : int
        Digits after the point (0 to 22: ``10**decimals`` is then an exact double).

    Returns
    -------
    ndarray of float64
        Each value rounded half to even on its exact decimal value, as :func:`round` does.

    Notes
    -----
    With ``k = rint(v * 10**decimals)`` an exact integer, ``k / 10**decimals`` is the double nearest
    to the decimal ``k * 10**-decimals``, which is what ``round`` returns once it has chosen ``k``;
    ``k`` is ``round``'s choice unless the exact product lies within half an ulp of a half, so those
    values (and any product that is not finite or above 2**52) are rounded by ``round`` itself.
    """
    if not 0 <= decimals <= 22:
        raise ValueError(f"decimals must be 0 to 22, not {decimals}")
    values = np.asarray(values, dtype=np.float64)
    scale = 10.0 ** decimals
    with np.errstate(over="ignore", invalid="ignore"):  # inf and nan products are left to round
        scaled = values * scale
        out = np.rint(scaled) / scale
        distance = np.abs(np.abs(scaled - np.floor(scaled)) - 0.5)
        decided = (distance > _UNDECIDED * np.maximum(1.0, np.abs(scaled))) & (np.abs(scaled) < 2.0 ** 52)
    flat_out, flat_values = out.reshape(-1), values.reshape(-1)
    for i in np.flatnonzero(~decided.reshape(-1)).tolist():
        flat_out[i] = round(float(flat_values[i]), decimals)
    return out
