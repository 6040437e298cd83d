"""figure_key, the narrow copy of active figures that timelines read: kept right by the database's
triggers whoever writes `figure` (extraction, re-extraction, analyst corrections, document edits),
on SQLite and PostgreSQL, and back-filled by migration 0004 on a ledger that already has figures."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import create_engine, inspect, select, text, update

from claimgraph.ledger import analysis_schema as a
from claimgraph.ledger import schema
from claimgraph.ledger.corrections import (
    correct_figure_category,
    correct_figure_origin,
    reject_statement,
)
from claimgraph.model import DocumentDraft, Extraction, Figure


def draft(body: str, **extra) -> DocumentDraft:
    return DocumentDraft(original=body.encode("utf-8"), media_type="text/plain", origin="report.txt", text=body,
                         reader="test", reader_version="1", **extra)


def figure(key: str, low: float, **extra) -> Figure:
    fields = {"qualifier": "exact", "category": "killed", "subject": "North Korean soldiers",
              "source_chain": ["Yonhap", "NIS"], "hedged": False} | extra
    return Figure(key=key, start=0, end=3, text="100", extractor="figures", extractor_version="1",
                  value_low=low, value_high=low, **fields)


def keys(ledger) -> dict[int, dict]:
    with ledger.engine.connect() as conn:
        return {r.figure_id: dict(r._mapping) for r in conn.execute(select(a.figure_key))}


def active_figures(ledger) -> dict[int, dict]:
    with ledger.engine.connect() as conn:
        return {r.id: dict(r._mapping) for r in conn.execute(
            select(schema.figure).where(schema.figure.c.status == "active"))}


def test_keys_copy_active_figures_with_their_document(ledger):
    doc = ledger.add(draft("100 killed", publisher="Yonhap", published=date(2024, 11, 2))).document_id
    ledger.store_extraction(doc, Extraction(figures=[
        figure("f1", 100, place="Kursk region", as_of=date(2024, 10, 30), hedged=True),
        figure("f2", 300, subject=None, source_chain=[]),
    ]), {"figures": "1"})
    found = keys(ledger)
    assert set(found) == set(active_figures(ledger)) and len(found) == 2
    dated, undated = sorted(found.values(), key=lambda k: k["value_low"])
    assert (dated["category"], dated["subject"], dated["place"], dated["qualifier"]) == (
        "killed", "North Korean soldiers", "Kursk region", "exact")
    assert (dated["as_of"], dated["published"], dated["day"]) == (date(2024, 10, 30), date(2024, 11, 2),
                                                                 date(2024, 10, 30))
    assert dated["publisher"] == "Yonhap" and dated["hedged"] is True and dated["document_id"] == doc
    assert json.loads(dated["chain"]) == ["Yonhap", "NIS"]
    # No subject is '' (a key column); no as-of date falls back to the publication date.
    assert (undated["subject"], undated["as_of"], undated["day"]) == ("", None, date(2024, 11, 2))
    assert json.loads(undated["chain"]) == [] and undated["hedged"] is False


def test_re_extraction_and_corrections_move_the_keys(ledger):
    doc = ledger.add(draft("100 killed", publisher="Yonhap", published=date(2024, 11, 2))).document_id
    ledger.store_extraction(doc, Extraction(figures=[figure("f1", 100), figure("f2", 200)]), {"figures": "1"})
    first = set(keys(ledger))
    ledger.store_extraction(doc, Extraction(figures=[figure("f1", 100), figure("f2", 200), figure("f3", 300)]),
                            {"figures": "2"})
    second = keys(ledger)
    assert not first & set(second) and set(second) == set(active_figures(ledger)) and len(second) == 3

    low, middle, high = sorted(second, key=lambda i: second[i]["value_low"])
    reject_statement(ledger, "figure", low, reason="a date, not a count")
    wounded = correct_figure_category(ledger, middle, "wounded", reason="the sentence says wounded")
    origin = correct_figure_origin(ledger, high, "HUR", reason="the chain names HUR")
    after = keys(ledger)
    assert set(after) == set(active_figures(ledger)) == {wounded["new_statement_id"], origin["new_statement_id"]}
    assert after[wounded["new_statement_id"]]["category"] == "wounded"
    assert json.loads(after[origin["new_statement_id"]]["chain"]) == ["Yonhap", "HUR"]


def test_document_edits_reach_the_keys(ledger):
    doc = ledger.add(draft("100 killed", publisher="Yonhap", published=date(2024, 11, 2))).document_id
    ledger.store_extraction(doc, Extraction(figures=[figure("f1", 100), figure("f2", 5, as_of=date(2024, 1, 1))]),
                            {"figures": "1"})
    with ledger.engine.begin() as conn:
        conn.execute(update(schema.document).where(schema.document.c.id == doc).values(
            publisher="KBS World", published=date(2024, 11, 5)))
    found = sorted(keys(ledger).values(), key=lambda k: k["value_low"])
    assert [k["publisher"] for k in found] == ["KBS World", "KBS World"]
    assert [k["day"] for k in found] == [date(2024, 1, 1), date(2024, 11, 5)]  # as-of dates stay


def test_migration_fills_keys_for_existing_figures_and_goes_down(tmp_path):
    from claimgraph.ledger.migrate import downgrade, upgrade

    engine = create_engine(f"sqlite:///{tmp_path / 'm.db'}")
    upgrade(engine, "0003")
    stamp = "2024-11-02 00:00:00"
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO original (sha256, size, stored) VALUES ('ab', 1, :s)"), {"s": stamp})
        conn.execute(text(
            "INSERT INTO document (id, sha256, original_sha256, media_type, origin, publisher, published,"
            " retrieved, ingested, reader, reader_version, text, size, meta)"
            " VALUES (1, 'ab', 'ab', 'text/plain', 'a.txt', 'Yonhap', '2024-11-02', :s, :s, 't', '1', 'x', 1, '{}')"),
            {"s": stamp})
        for status, low in (("active", 100.0), ("superseded", 50.0), ("active", 7.0)):
            conn.execute(text(
                'INSERT INTO figure (document_id, start, "end", text, value, extractor, extractor_version,'
                " status, created, value_low, value_high, qualifier, category, subject, source_chain, hedged)"
                " VALUES (1, 0, 3, '100', '{}', 'f', '1', :st, :s, :low, :low, 'exact', 'killed',"
                " 'troops', '[\"Yonhap\", \"NIS\"]', 0)"), {"st": status, "s": stamp, "low": low})
    upgrade(engine)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT value_low, publisher, published, day, chain FROM figure_key"
                                 " ORDER BY value_low")).all()
    assert [tuple(r) for r in rows] == [(7.0, "Yonhap", "2024-11-02", "2024-11-02", '["Yonhap", "NIS"]'),
                                        (100.0, "Yonhap", "2024-11-02", "2024-11-02", '["Yonhap", "NIS"]')]
    downgrade(engine, "0003")
    assert "figure_key" not in inspect(engine).get_table_names()
    with engine.begin() as conn:  # no trigger is left behind to write into the dropped table
        conn.execute(text("UPDATE figure SET status = 'superseded'"))
        assert conn.execute(text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
                                 " AND name LIKE 'figure_key%'")).scalar() == 0
    engine.dispose()


def test_down_to_0003_and_up_again_refills_the_keys(ledger):
    from claimgraph.ledger.migrate import downgrade, upgrade

    doc = ledger.add(draft("100 killed", publisher="Yonhap", published=date(2024, 11, 2))).document_id
    ledger.store_extraction(doc, Extraction(figures=[figure("f1", 100)]), {"figures": "1"})
    downgrade(ledger.engine, "0003")
    assert "figure_key" not in inspect(ledger.engine).get_table_names()
    # Figures written while the table is gone (an older claimgraph on this ledger) are not lost to it.
    ledger.store_extraction(doc, Extraction(figures=[figure("f1", 100), figure("f2", 250, subject=None)]),
                            {"figures": "2"})
    upgrade(ledger.engine)
    found = keys(ledger)
    assert set(found) == set(active_figures(ledger)) and len(found) == 2
    assert sorted((k["value_low"], k["subject"], k["publisher"]) for k in found.values()) == [
        (100.0, "North Korean soldiers", "Yonhap"), (250.0, "", "Yonhap")]
