"""Write one document's extraction into the statement tables, turning record keys into row ids.

Called inside the ledger's transaction; must not open its own.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, update

from claimgraph.ledger import schema as t
from claimgraph.model import Extraction, Statement

COMMON = ("key", "start", "end", "text", "extractor", "extractor_version")


def _value(record: Statement) -> dict[str, Any]:
    from claimgraph.ledger.store import _jsonable

    data = _jsonable(record)
    return {k: v for k, v in data.items() if k not in COMMON}


def _common(doc_id: int, record: Statement, stamp: datetime) -> dict[str, Any]:
    return {"document_id": doc_id, "start": record.start, "end": record.end, "text": record.text,
            "value": _value(record), "extractor": record.extractor,
            "extractor_version": record.extractor_version, "status": "active", "created": stamp}


def write_extraction(conn: Connection, doc_id: int, found: Extraction, stamp: datetime) -> int:
    ids: dict[str, tuple[str, int]] = {}  # key -> (kind, row id)

    def add(table: t.Table, table_kind: str, record: Statement, /, **own: Any) -> int:
        row_id = conn.execute(insert(table).values(**_common(doc_id, record, stamp), **own)).inserted_primary_key[0]
        ids[record.key] = (table_kind, row_id)
        return row_id

    def ref(key: str | None) -> int | None:
        return ids[key][1] if key in ids else None

    for m in found.mentions:
        add(t.mention, "mention", m, label=m.label, normalized=m.normalized)
    for a in found.attributions:
        add(t.attribution, "attribution", a, kind=a.kind,
            cue_start=a.cue.start if a.cue else None, cue_end=a.cue.end if a.cue else None,
            source_start=a.source.start if a.source else None, source_end=a.source.end if a.source else None,
            source_text=a.source.text if a.source else None, source_name=a.source_name,
            confidence=a.confidence)
    for a in found.attributions:  # parents may come after their children in the list
        if a.parent_key and a.parent_key in ids:
            conn.execute(update(t.attribution).where(t.attribution.c.id == ref(a.key))
                         .values(parent_id=ref(a.parent_key)))
    for h in found.hedges:
        add(t.hedge, "hedge", h, band=h.band, probability_low=h.probability_low,
            probability_high=h.probability_high, holder_id=ref(h.holder_key))
    for f in found.figures:
        add(t.figure, "figure", f, value_low=f.value_low, value_high=f.value_high, qualifier=f.qualifier,
            category=f.category, subject=f.subject, place=f.place, as_of=f.as_of,
            attribution_id=ref(f.attribution_key), origin=f.source_chain[-1] if f.source_chain else None,
            source_chain=list(f.source_chain), hedged=f.hedged)
    for e in found.events:
        add(t.event, "event", e, action=e.action, actor=e.actor, target=e.target, place=e.place,
            weapon=e.weapon, when=e.when, attribution_id=ref(e.attribution_key), hedged=e.hedged)
    for i in found.items:
        add(t.recovered_item, "recovered_item", i, kind=i.kind, quantity=i.quantity, origin=i.origin,
            attribution_id=ref(i.attribution_key))
    # Hedges may qualify records stored after them (figures, events); link them now.
    targets: dict[str, list[str]] = {}
    for f in found.figures:
        for hk in f.hedge_keys:
            targets.setdefault(hk, []).append(f.key)
    for h in found.hedges:
        target = h.target_key or (targets.get(h.key) or [None])[0]
        if target in ids:
            kind, row_id = ids[target]
            conn.execute(update(t.hedge).where(t.hedge.c.id == ref(h.key))
                         .values(target_kind=kind, target_id=row_id))
    return len(ids)


def record_fields(record: Statement) -> dict[str, Any]:
    return dataclasses.asdict(record)
