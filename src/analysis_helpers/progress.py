"""A dependency-free progress line on stderr for long corpora."""

from __future__ import annotations

import sys


class ProgressLine:
    """Callable ``(done, total, label)`` that redraws one status line on a stream.

    Silent when ``enabled`` is false; by default it is enabled only when the
    stream is a terminal, so logs and notebooks never receive it.
    """

    def __init__(self, what: str = "articles", stream=None, enabled: bool | None = None, width: int = 30):
        self.what = what
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.width = width

    def __call__(self, done: int, total: int, label: str = "") -> None:
        if not self.enabled or total <= 0:
            return
        filled = int(self.width * done / total)
        bar = "#" * filled + "-" * (self.width - filled)
        end = "\n" if done >= total else ""
        self.stream.write(f"\r[{bar}] {done}/{total} {self.what} {label[:40]:<40}{end}")
        self.stream.flush()
