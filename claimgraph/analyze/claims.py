"""The claims view: attributed statements grouped into clusters, each with its chain, hedge band,
counts of reports, outlets and independent origins, and a computed credibility.

Reads active attributions (and the hedges that target or are held by them) from the ledger; the
grouping is `clusters.cluster_statements`, the counting `chains.independence`, the grading
`grading.credibility`. Prints nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, or_, select

from claimgraph.analyze.chains import Report, attribution_chain, independence
from claimgraph.analyze.clusters import cluster_statements, negative
from claimgraph.analyze.grading import credibility
from claimgraph.analyze.sources import Resolver, SourceBook
from claimgraph.ledger import schema as t
from claimgraph.ledger.store import Ledger

DEFAULT_LIMIT = 5000  # statements read per query; the claims view is for reading, not bulk export


@dataclass
class Statement:
    id: int
    document_id: int
    source: str | None
    content: str
    chain: list[str]
    origin: str
    hedge_band: str | None
    publisher: str | None
    published: Any
    cue: str | None = None

    @property
    def negative(self) -> bool:
        """Negated content or a denying cue (see `clusters.negative`)."""
        return negative(self.content, self.cue)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "document": self.document_id, "source": self.source, "content": self.content,
                "chain": self.chain, "origin": self.origin, "hedge": self.hedge_band,
                "publisher": self.publisher, "published": self.published, "cue": self.cue}


@dataclass
class Claim:
    id: str
    content: str
    statements: list[Statement]
    contradicting: list[Statement] = field(default_factory=list)
    chain: list[str] = field(default_factory=list)
    hedge_band: str | None = None
    reports: int = 0
    outlets: int = 0
    origins: list[str] = field(default_factory=list)
    circular: list[str] = field(default_factory=list)
    credibility: int = 6
    credibility_explanation: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "content": self.content, "chain": self.chain, "hedge": self.hedge_band,
                "reports": self.reports, "outlets": self.outlets, "origins": len(self.origins),
                "origin_names": self.origins, "circular": self.circular, "credibility": self.credibility,
                "credibility_explanation": self.credibility_explanation,
                "statements": [s.to_json() for s in self.statements],
                "contradicting": [s.to_json() for s in self.contradicting]}


def _content(value: dict[str, Any] | None, fallback: str) -> str:
    spans = (value or {}).get("content") or []
    text = " … ".join(s.get("text", "") for s in spans if isinstance(s, dict))
    return text or fallback


def _cue(value: dict[str, Any] | None) -> str | None:
    cue = (value or {}).get("cue")
    return cue.get("text") if isinstance(cue, dict) else None


def read_statements(ledger: Ledger, resolver: Resolver, *, about: str | None = None,
                    limit: int = DEFAULT_LIMIT) -> list[Statement]:
    at, h, d = t.attribution, t.hedge, t.document
    query = select(at).where(at.c.status == "active").order_by(at.c.id).limit(limit)
    if about:
        pattern = f"%{about.lower()}%"
        query = query.where(or_(func.lower(at.c.text).like(pattern), func.lower(at.c.source_name).like(pattern)))
    with ledger.engine.connect() as conn:
        rows = conn.execute(query).all()
        doc_ids = {r.document_id for r in rows}
        docs = {r.id: r for r in conn.execute(select(d.c.id, d.c.publisher, d.c.published)
                                              .where(d.c.id.in_(doc_ids)))} if doc_ids else {}
        # Parents may fall outside the filter; fetch them so chains stay whole.
        by_id = {r.id: r for r in rows}
        missing = {r.parent_id for r in rows if r.parent_id and r.parent_id not in by_id}
        while missing:
            extra = conn.execute(select(at).where(at.c.id.in_(missing))).all()
            by_id.update({r.id: r for r in extra})
            missing = {r.parent_id for r in extra if r.parent_id and r.parent_id not in by_id}
        ids = list(by_id)
        bands: dict[int, str] = {}
        if ids:
            for hedge in conn.execute(select(h.c.band, h.c.target_kind, h.c.target_id, h.c.holder_id)
                                      .where(h.c.status == "active",
                                             or_(h.c.holder_id.in_(ids),
                                                 (h.c.target_kind == "attribution") & h.c.target_id.in_(ids)))):
                target = hedge.target_id if hedge.target_kind == "attribution" else hedge.holder_id
                bands.setdefault(target, hedge.band)
    publishers = {i: r.publisher for i, r in docs.items()}
    out = []
    for r in rows:
        chain = resolver.chain(attribution_chain(r, by_id, publishers))
        doc = docs.get(r.document_id)
        out.append(Statement(r.id, r.document_id, r.source_name or r.source_text, _content(r.value, r.text),
                             chain, resolver.root(chain[-1]) if chain else "unknown", bands.get(r.id),
                             doc.publisher if doc else None, doc.published if doc else None,
                             _cue(r.value)))
    return out


def claims(ledger: Ledger, *, about: str | None = None, limit: int = DEFAULT_LIMIT,
           book: SourceBook | None = None) -> list[Claim]:
    """Statements grouped into claims, most independently backed first."""
    resolver = (book or SourceBook(ledger)).resolver()
    statements = read_statements(ledger, resolver, about=about, limit=limit)
    out: list[Claim] = []
    for cluster in cluster_statements(statements, lambda s: s.content, polarity=lambda s: s.negative):
        members = cluster.supporting
        found = independence([Report(s.document_id, s.chain) for s in members if s.chain], resolver)
        against = independence([Report(s.document_id, s.chain) for s in cluster.contradicting if s.chain],
                               resolver)
        contra = [o for o in against.origins if o not in found.origins]
        only_anonymous = len(found.origins) == 1 and resolver.type_of(found.origins[0]) == "anonymous"
        score, why = credibility(found.origins, contra, only_anonymous=only_anonymous,
                                 circular=bool(found.circular),
                                 reasons=["the contradicting statements deny it"] if contra else [])
        bands = Counter(s.hedge_band for s in members if s.hedge_band)
        first = min(members, key=lambda s: (s.published is None, s.published or 0, s.id))  # type: ignore[arg-type]
        out.append(Claim(cluster.id, first.content, members, cluster.contradicting,
                         found.chains.get(first.document_id, first.chain),
                         bands.most_common(1)[0][0] if bands else None, found.reports, len(found.outlets),
                         found.origins, found.circular, score, why))
    out.sort(key=lambda c: (-len(c.origins), -c.reports, c.id))
    return out
