"""Spread extraction of many documents over worker processes.

Each worker loads the spaCy pipeline and the extractors once, then takes
documents in small batches: a batch is parsed with one `nlp.pipe` call (the
parser's network works on several documents at a time, which is faster than
one call per document), then each document goes through the extractors.
Results come back in input order, one per document; a document whose
extraction fails raises its error at its own place and the rest go on. With
one worker everything runs in this process. Knows nothing of the ledger.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import Self

from claimgraph.errors import ClaimgraphError
from claimgraph.extract.base import Context, Extractor
from claimgraph.model import Extraction

# Documents parsed together; small enough that two workers still share a short job evenly.
BATCH = 8

_worker_extractors: list[Extractor] | None = None


def _init(names: tuple[str, ...] | None) -> None:
    global _worker_extractors
    from claimgraph.extract.pipeline import build

    _worker_extractors = build(names)


def _parse(batch: list[Context]) -> None:
    """Give every context of `batch` that has no parse yet its parse, in one `nlp.pipe` call."""
    todo = [ctx for ctx in batch if ctx.parsed is None and "doc" not in ctx.__dict__]
    if not todo:
        return
    from claimgraph.extract.nlp import load_nlp

    for ctx, doc in zip(todo, load_nlp().pipe(ctx.text for ctx in todo)):
        ctx.parsed = doc


def _work(batch: list[Context]) -> list[Extraction | ClaimgraphError]:
    """Extract each context of `batch`; a failed document yields its error, not an exception."""
    from claimgraph.extract.pipeline import run

    _parse(batch)
    outcomes: list[Extraction | ClaimgraphError] = []
    for ctx in batch:
        try:
            outcomes.append(run(ctx, _worker_extractors))
        except ClaimgraphError as exc:
            outcomes.append(exc)
    return outcomes


def _batches(contexts: Iterable[Context], size: int) -> Iterator[list[Context]]:
    items = iter(contexts)
    while batch := list(islice(items, size)):
        yield batch


class Results(Iterator[Extraction]):
    """One extraction per document, in order; a failed document raises its error and the next goes on.

    (A generator would end at the first error, losing the documents after it.)
    """

    def __init__(self, outcomes: Iterator[Extraction | ClaimgraphError]):
        self._outcomes = outcomes

    def __iter__(self) -> Self:
        return self

    def __next__(self) -> Extraction:
        outcome = next(self._outcomes)
        if isinstance(outcome, ClaimgraphError):
            raise outcome
        return outcome


class Workers:
    """A pool of extraction processes, started once and reused for many batches."""

    def __init__(self, workers: int = 1, names: tuple[str, ...] | None = None, batch: int = BATCH):
        self.workers = workers
        self.names = names
        self.batch = batch
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

    def map(self, contexts: Iterable[Context]) -> Results:
        batches = _batches(contexts, self.batch)
        if self._pool is None:
            done: Iterator[list[Extraction | ClaimgraphError]] = map(_work, batches)
        else:
            done = self._pool.imap(_work, batches, chunksize=1)
        return Results(chain.from_iterable(done))

    def warm_up(self) -> None:
        """Make every worker load its models now, so timings measure steady work."""
        one = [Context(text="Officials said 300 soldiers were killed.")]
        if self._pool is None:
            _work(one)
        else:  # one-document batches, so that every worker gets some
            self._pool.map(_work, [one] * self.workers * 2, chunksize=1)


def extract_many(contexts: Iterable[Context], *, workers: int = 1,
                 names: tuple[str, ...] | None = None) -> Iterator[Extraction]:
    """Yield the extraction of each context, in order, using `workers` processes."""
    with Workers(workers, names) as pool:
        yield from pool.map(contexts)
