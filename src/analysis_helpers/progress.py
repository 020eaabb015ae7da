"""A dependency-free progress line on stderr for long corpora: done/total, rate and time left."""

from __future__ import annotations

import sys
import time


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class ProgressLine:
    """Callable ``(done, total, label)`` that redraws one status line on a stream.

    The line shows a bar, ``done/total``, the rate (items per second since the
    first call) and the time left at that rate. Silent when ``enabled`` is
    false; by default it is enabled only when the stream is a terminal, so logs
    and notebooks never receive it.
    """

    def __init__(self, what: str = "articles", stream=None, enabled: bool | None = None, width: int = 30,
                 clock=time.monotonic):
        self.what = what
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = (bool(isatty()) if callable(isatty) else False) if enabled is None else enabled
        self.width = width
        self.clock = clock
        self.started = clock()

    def __call__(self, done: int, total: int, label: str = "") -> None:
        if not self.enabled or total <= 0:
            return
        filled = int(self.width * done / total)
        bar = "#" * filled + "-" * (self.width - filled)
        elapsed = max(self.clock() - self.started, 1e-9)
        rate = done / elapsed
        left = (total - done) / rate if rate > 0 else 0.0
        timing = f"{rate:,.1f}/s, {_duration(left)} left" if done < total else f"{rate:,.1f}/s, {_duration(elapsed)}"
        end = "\n" if done >= total else ""
        self.stream.write(f"\r[{bar}] {done}/{total} {self.what} {timing} {label[:30]:<30}{end}")
        self.stream.flush()
