"""Spread extraction of many documents over worker processes.

Each worker loads the spaCy pipeline and the extractors once, then takes
documents one by one; results come back in input order. With one worker
everything runs in this process. Knows nothing of the ledger.
"""

from __future__ import annotations

import multiprocessing
from typing import Iterable, Iterator

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


def extract_many(contexts: Iterable[Context], *, workers: int = 1,
                 names: tuple[str, ...] | None = None) -> Iterator[Extraction]:
    """Yield the extraction of each context, in order, using `workers` processes."""
    if workers <= 1:
        _init(names)
        for ctx in contexts:
            yield _work(ctx)
        return
    # fork shares the already-imported libraries; each worker still builds its own extractors.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with multiprocessing.get_context(method).Pool(workers, initializer=_init, initargs=(names,)) as pool:
        yield from pool.imap(_work, contexts, chunksize=1)
