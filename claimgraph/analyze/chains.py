"""Reporting chains and independence: who originally produced a claim, and how many independent
origins back it.

A chain runs from the publisher to the originating source ("UNIAN" <- "The Washington Post" <-
"Ukrainian soldier"). Across the documents that carry one claim, a chain that stops at a source
which, elsewhere, names its own source is extended through it, so re-reports of one origin collapse
into one; persons collapse into the body they speak for or cite. A loop (A cites B, which cites A)
and many outlets that all trace to one wire or one unnamed source are flagged as circular
reporting. The module also builds the document-wide citation graph for `sources show`. It works on
chains already read from the ledger; it runs no queries of its own except in `CitationGraph.build`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from sqlalchemy import select

from claimgraph.analyze.sources import Resolver
from claimgraph.ledger import schema as t
from claimgraph.ledger.store import Ledger

AMPLIFYING_TYPES = ("wire", "anonymous")
AMPLIFICATION_OUTLETS = 3  # this many outlets or more resting on one wire or unnamed source get flagged


@dataclass(slots=True)
class Report:
    """One document's carriage of a claim: its canonical chain, publisher first."""

    document_id: int
    chain: list[str]


@dataclass(slots=True)
class Independence:
    """The origins behind a set of reports of one claim."""

    chains: dict[int, list[str]]  # document id -> chain extended through the other reports
    origins: list[str]  # independent origins, in order of first appearance
    origin_of: dict[int, str]  # document id -> its independent origin
    outlets: list[str]
    circular: list[str] = field(default_factory=list)  # reasons

    @property
    def reports(self) -> int:
        return len(self.chains)


def _extend(chain: list[str], follow: dict[str, list[str]]) -> tuple[list[str], list[str] | None]:
    """Extend `chain` through what its last source cites elsewhere; return it and the loop, if any.

    `follow` maps a name to the longest continuation of it any report gives (that name first)."""
    tail = follow.get(chain[-1])
    if tail is None:
        return chain, None
    chain = list(chain)
    while tail is not None:
        for name in tail[1:]:
            if name in chain:
                return chain, chain[chain.index(name):] + [name]
            chain.append(name)
        tail = follow.get(chain[-1])
    return chain, None


def independence(reports: Iterable[Report], resolver: Resolver) -> Independence:
    """Collapse re-reports into origins and flag circular reporting, for the reports of one claim."""
    reports = list(reports)
    return chain_independence([r.document_id for r in reports], [r.chain for r in reports], resolver)


def chain_independence(documents: list[int], chains: list[list[str]], resolver: Resolver) -> Independence:
    """`independence` of the reports (documents[i], chains[i]), without building `Report`s: the
    timeline calls this once per estimate. The chains are only read."""
    root = resolver.root
    if len(chains) == 1 and chains[0] and len(set(chains[0])) == len(chains[0]):
        only = chains[0]  # one report without a loop: nothing to extend or collapse
        return Independence({documents[0]: list(only)}, [root(only[-1])], {documents[0]: root(only[-1])}, [only[0]])
    # A chain is extended only through a name that another chain has before its end; when no
    # chain ends at such a name (re-reports of one claim, mostly), every chain stays as it is.
    lasts = {chain[-1] for chain in chains if chain}
    if all(len(chain) < 2 or lasts.isdisjoint(chain[:-1]) for chain in chains):
        return _unextended(documents, chains, resolver)
    # The longest continuation of each name wins: it names the most of the way to the origin.
    follow: dict[str, list[str]] = {}
    for chain in chains:
        for i in range(len(chain) - 1):
            known = follow.get(chain[i])
            if known is None or len(chain) - i > len(known):
                follow[chain[i]] = chain[i:]
    by_document: dict[int, list[str]] = {}
    origin_of: dict[int, str] = {}
    origins: dict[str, None] = {}  # ordered sets: first appearance first
    outlets: dict[str, None] = {}
    circular: list[str] = []
    loops_seen: set[frozenset[str]] = set()
    for document_id, chain in zip(documents, chains, strict=True):
        if not chain:
            continue
        extended, loop = _extend(chain, follow)
        if loop is not None:
            members = sorted(set(loop))
            origin = "circular: " + " / ".join(members)
            reason = (f"circular reporting: {' cites '.join(loop[:2])}, which cites {loop[0]}"
                      if len(loop) == 3 else f"circular reporting: {' -> '.join(loop)}")
            if frozenset(members) not in loops_seen:  # one loop, however many of its members report
                loops_seen.add(frozenset(members))
                circular.append(reason)
        else:
            origin = root(extended[-1])
        if document_id not in by_document:
            by_document[document_id] = extended if extended is not chain else list(extended)
            origin_of[document_id] = origin
        origins[origin] = None
        outlets[chain[0]] = None
    found = Independence(by_document, list(origins), origin_of, list(outlets), circular)
    _flag_amplification(found.origins, found.outlets, circular, resolver)
    return found


def _unextended(documents: list[int], chains: list[list[str]], resolver: Resolver) -> Independence:
    """`chain_independence` when no chain extends through another: each origin is its chain's end.
    Origins and outlets are collected in order of first appearance, in time linear in the reports."""
    root = resolver.root
    if not all(chains):
        documents = [d for d, chain in zip(documents, chains, strict=True) if chain]
        chains = [chain for chain in chains if chain]
    roots = [root(chain[-1]) for chain in chains]
    by_document: dict[int, list[str]] = {}
    origin_of: dict[int, str] = {}
    for document_id, chain, origin in zip(documents, chains, roots, strict=True):
        if document_id not in by_document:
            by_document[document_id] = list(chain)
            origin_of[document_id] = origin
    origins = list(dict.fromkeys(roots))
    outlets = list(dict.fromkeys([chain[0] for chain in chains]))
    circular: list[str] = []
    _flag_amplification(origins, outlets, circular, resolver)
    return Independence(by_document, origins, origin_of, outlets, circular)


def _flag_amplification(origins: list[str], outlets: list[str], circular: list[str], resolver: Resolver) -> None:
    """Many outlets that all rest on one wire or one unnamed source: add the reason to `circular`."""
    if len(origins) == 1 and len(outlets) >= AMPLIFICATION_OUTLETS:
        kind = resolver.type_of(origins[0])
        if kind in AMPLIFYING_TYPES:
            what = "one wire" if kind == "wire" else "one unnamed source"
            circular.append(f"{len(outlets)} outlets all trace back to {what}: {origins[0]}")


# ---------------------------------------------------------------- the document-wide citation graph


@dataclass
class Edge:
    cites: str
    cited: str
    documents: set[int] = field(default_factory=set)


class CitationGraph:
    """Who cites whom across all documents, from figure chains and nested attributions."""

    def __init__(self) -> None:
        self.edges: dict[tuple[str, str], Edge] = {}

    def add_chain(self, document_id: int, chain: list[str]) -> None:
        for cites, cited in pairwise(chain):
            if cites != cited:
                self.edges.setdefault((cites, cited), Edge(cites, cited)).documents.add(document_id)

    def cites(self, name: str) -> list[Edge]:
        return sorted((e for e in self.edges.values() if e.cites == name), key=lambda e: -len(e.documents))

    def cited_by(self, name: str) -> list[Edge]:
        return sorted((e for e in self.edges.values() if e.cited == name), key=lambda e: -len(e.documents))

    def loops(self) -> list[list[str]]:
        """Strongly connected groups of two or more sources: each is circular reporting somewhere."""
        graph: dict[str, list[str]] = defaultdict(list)
        for cites, cited in self.edges:
            graph[cites].append(cited)
        index: dict[str, int] = {}
        low: dict[str, int] = {}
        stack: list[str] = []
        on_stack: set[str] = set()
        found: list[list[str]] = []
        counter = 0
        for start in list(graph):
            if start in index:
                continue
            # Iterative Tarjan: (node, iterator over successors)
            work = [(start, iter(graph[start]))]
            index[start] = low[start] = counter
            counter += 1
            stack.append(start)
            on_stack.add(start)
            while work:
                node, successors = work[-1]
                advanced = False
                for succ in successors:
                    if succ not in index:
                        index[succ] = low[succ] = counter
                        counter += 1
                        stack.append(succ)
                        on_stack.add(succ)
                        work.append((succ, iter(graph.get(succ, []))))
                        advanced = True
                        break
                    if succ in on_stack:
                        low[node] = min(low[node], index[succ])
                if advanced:
                    continue
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        found.append(sorted(group))
        return found

    @classmethod
    def build(cls, ledger: Ledger, resolver: Resolver) -> CitationGraph:
        graph = cls()
        with ledger.engine.connect() as conn:
            for fig in conn.execute(select(t.figure.c.document_id, t.figure.c.source_chain)
                                    .where(t.figure.c.status == "active")):
                graph.add_chain(fig.document_id, resolver.chain(fig.source_chain or []))
            publishers = dict(conn.execute(select(t.document.c.id, t.document.c.publisher)).all())
            rows = conn.execute(select(t.attribution.c.id, t.attribution.c.document_id,
                                       t.attribution.c.parent_id, t.attribution.c.source_name,
                                       t.attribution.c.source_text)
                                .where(t.attribution.c.status == "active")).all()
        by_id: dict[int, Any] = {r.id: r for r in rows}
        for row in rows:
            graph.add_chain(row.document_id, resolver.chain(attribution_chain(row, by_id, publishers)))
        return graph


def attribution_chain(row: Any, by_id: Mapping[int, Any], publishers: Mapping[int, str | None]) -> list[str]:
    """Publisher, then the sources of the enclosing attributions, then this one's source.

    `row` and the values of `by_id` are attribution rows (id, document_id, parent_id, source_name,
    source_text)."""
    names: list[str] = []
    seen: set[int] = set()
    current = row
    while current is not None and current.id not in seen:
        seen.add(current.id)
        name = current.source_name or current.source_text
        if name:
            names.append(name)
        parent = current.parent_id
        current = by_id.get(parent) if parent is not None else None
    publisher = publishers.get(row.document_id)
    return ([publisher] if publisher else []) + names[::-1]
