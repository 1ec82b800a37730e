"""A progress bar on stderr with counts and rate, a no-op under --quiet or for small runs."""
from __future__ import annotations

import sys

from tqdm import tqdm


class Progress:
    def __init__(self, total: int | None, unit: str, disable: bool = False, threshold: int = 5):
        self.count = 0
        self.total = total
        self.unit = unit
        self.disable = disable
        self.threshold = threshold
        self.bar = None
        #: whether a bar was ever drawn (so a command can say what follows it)
        self.shown = False

    def update(self, _item=None, n: int = 1) -> None:
        self.count += n
        if self.disable:
            return
        if self.bar is None:
            # only "more than a handful" of articles earns a bar
            if self.count <= self.threshold and (self.total is None or self.total <= self.threshold):
                return
            self.bar = tqdm(total=self.total, unit=self.unit, file=sys.stderr, dynamic_ncols=True,
                            initial=self.count - n, mininterval=0.5)
            self.shown = True
        self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
