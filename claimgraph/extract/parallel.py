"""Spread extraction of many documents over worker processes.

Each worker loads the spaCy pipeline and the extractors once, then takes
documents one by one; results come back in input order. With one worker
everything runs in this process. Knows nothing of the ledger.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from typing import Self

from claimgraph.extract.base import Context, Extractor
from claimgraph.model import Extraction

_worker_extractors: list[Extractor] | None = None


def _init(names: tuple[str, ...] | None) -> None:
    global _worker_extractors
    from claimgraph.extract.pipeline import build

    _worker_extractors = build(names)


def _work(ctx: Context) -> Extraction:
    from claimgraph.extract.pipeline import run

    return run(ctx, _worker_extractors)


class Workers:
    """A pool of extraction processes, started once and reused for many batches."""

    def __init__(self, workers: int = 1, names: tuple[str, ...] | None = None):
        self.workers = workers
        self.names = names
        self._pool = None

    def __enter__(self) -> Self:
        if self.workers <= 1:
            _init(self.names)
        else:
            # fork shares the already-imported libraries; each worker builds its own extractors.
            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
            self._pool = multiprocessing.get_context(method).Pool(
                self.workers, initializer=_init, initargs=(self.names,))
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()

    def map(self, contexts: Iterable[Context]) -> Iterator[Extraction]:
        if self._pool is None:
            return (_work(ctx) for ctx in contexts)
        return self._pool.imap(_work, contexts, chunksize=1)

    def warm_up(self) -> None:
        """Make every worker load its models now, so timings measure steady work."""
        list(self.map([Context(text="Officials said 300 soldiers were killed.")] * max(self.workers, 1) * 2))


def extract_many(contexts: Iterable[Context], *, workers: int = 1,
                 names: tuple[str, ...] | None = None) -> Iterator[Extraction]:
    """Yield the extraction of each context, in order, using `workers` processes."""
    with Workers(workers, names) as pool:
        yield from pool.map(contexts)
