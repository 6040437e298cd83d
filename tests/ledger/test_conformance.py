"""One conformance suite for the store, run against SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text, update
from sqlalchemy.exc import DBAPIError

from claimgraph.errors import LedgerError, NotFound
from claimgraph.ledger import schema
from claimgraph.model import (
    Attribution,
    DocumentDraft,
    Extraction,
    Figure,
    Hedge,
    OcrWord,
    Page,
    PhysicalItem,
    Span,
)


def draft(body: str, origin: str = "report.txt", **extra) -> DocumentDraft:
    return DocumentDraft(original=body.encode("utf-8"), media_type="text/plain", origin=origin, text=body,
                         reader="test", reader_version="1", **extra)


def test_add_then_read_back_everything(ledger):
    pages = [Page(number=1, start=0, end=10, ocr_confidence=91.5, method="ocr",
                  words=[OcrWord(0, 5, 95.0), OcrWord(6, 10, 88.0)])]
    outcome = ledger.add(draft("Kyiv under fire", title="Night strike", publisher="Kyiv Ledger",
                               published=date(2025, 1, 18), language="en", language_confidence=0.98,
                               pages=pages))
    assert outcome.status == "added"
    doc = ledger.document(outcome.document_id)
    assert doc.text == "Kyiv under fire"
    assert (doc.title, doc.publisher, doc.published) == ("Night strike", "Kyiv Ledger", date(2025, 1, 18))
    assert doc.sha256 == outcome.sha256 and len(doc.sha256) == 64
    assert doc.pages[0].words[1].confidence == 88.0 and doc.pages[0].ocr_confidence == 91.5
    assert ledger.resolve(doc.sha256[:10]) == doc.id


def test_identical_bytes_are_a_noop_that_says_so(ledger):
    first = ledger.add(draft("same words"))
    again = ledger.add(draft("same words", origin="elsewhere.txt"))
    assert again.status == "unchanged" and again.document_id == first.document_id
    assert "nothing to do" in again.message()
    assert ledger.counts()["documents"] == 1
    assert [e.action for e in ledger.custody(first.document_id)] == ["ingest"]


def test_same_origin_new_bytes_is_a_linked_version(ledger):
    first = ledger.add(draft("first edition", origin="https://example.org/a"))
    second = ledger.add(draft("second edition", origin="https://example.org/a"))
    assert second.status == "new-version"
    assert ledger.document(second.document_id).previous_version_id == first.document_id


def test_original_round_trip_is_byte_identical(ledger):
    raw = "Тысяча солдат\r\n".encode("cp1251") + bytes(range(256))
    outcome = ledger.add(DocumentDraft(original=raw, media_type="application/octet-stream", origin="x.bin",
                                       text="Тысяча солдат", reader="test", reader_version="1"))
    assert ledger.original(outcome.document_id) == raw


def test_container_original_is_kept(ledger):
    container = b'{"text": "a"}\n{"text": "b"}\n'
    outcome = ledger.add(DocumentDraft(original=b'{"text": "b"}', media_type="application/json",
                                       origin="feed.ndjson", locator="line 2", text="b", reader="test",
                                       reader_version="1", container=container))
    assert ledger.original(outcome.document_id) == b'{"text": "b"}'
    assert ledger.original(outcome.document_id, container=True) == container


def test_phrase_search(ledger):
    ledger.add(draft("The notebooks were recovered near Kursk by the special forces.", title="Notebooks"))
    ledger.add(draft("Special envoys met in Geneva; nothing was recovered.", origin="b.txt"))
    hits = ledger.search('"recovered near Kursk"')
    assert [h.title for h in hits] == ["Notebooks"]
    assert "Kursk" in hits[0].snippet
    assert {h.document_id for h in ledger.search("recovered")} == {1, 2}
    assert [h.title for h in ledger.search('Kursk "recovered near')] == ["Notebooks"]  # odd quoting is safe
    assert ledger.search("   ") == []


def test_custody_log_is_append_only(ledger):
    outcome = ledger.add(draft("text"))
    with pytest.raises(DBAPIError), ledger.engine.begin() as conn:
        conn.execute(update(schema.custody_event).values(actor="someone else"))
    with pytest.raises(DBAPIError), ledger.engine.begin() as conn:
        conn.execute(schema.custody_event.delete())
    assert ledger.custody(outcome.document_id)[0].actor != "someone else"


def test_statements_store_with_links_and_supersede(ledger):
    body = "UNIAN, citing the Post, said around 300 were killed."
    outcome = ledger.add(draft(body, publisher="UNIAN"))
    outer = Attribution(key="a1", start=0, end=len(body), text=body, extractor="attributions",
                        extractor_version="1", cue=Span.of(body, 24, 28), source=Span.of(body, 0, 5),
                        content=[Span.of(body, 29, len(body))], source_name="UNIAN")
    inner = Attribution(key="a2", start=7, end=21, text=body[7:21], extractor="attributions",
                        extractor_version="1", cue=Span.of(body, 7, 13), source=Span.of(body, 14, 22),
                        content=[], parent_key="a1")
    hedge = Hedge(key="h1", start=29, end=35, text="around", extractor="hedges", extractor_version="1",
                  band="uncertain")
    figure = Figure(key="f1", start=29, end=39, text=body[29:39], extractor="figures", extractor_version="1",
                    value_low=300, value_high=300, qualifier="approx", category="killed",
                    attribution_key="a1", source_chain=["UNIAN", "the Post"], hedge_keys=["h1"])
    found = Extraction(attributions=[inner, outer], hedges=[hedge], figures=[figure])
    assert ledger.store_extraction(outcome.document_id, found, {"figures": "1"}) == 4
    rows = ledger.statements(outcome.document_id, "attribution")
    by_source = {r["source_name"]: r for r in rows}
    assert by_source[None]["parent_id"] == by_source["UNIAN"]["id"]
    fig = ledger.statements(outcome.document_id, "figure")[0]
    assert (fig["value_low"], fig["origin"], fig["attribution_id"]) == (300, "the Post", by_source["UNIAN"]["id"])
    hedge_row = ledger.statements(outcome.document_id, "hedge")[0]
    assert (hedge_row["target_kind"], hedge_row["target_id"]) == ("figure", fig["id"])
    # Extracting again supersedes, never deletes.
    ledger.store_extraction(outcome.document_id, Extraction(figures=[figure]), {"figures": "2"})
    assert len(ledger.statements(outcome.document_id, "figure")) == 1
    all_rows = ledger.statements(outcome.document_id, "figure", include_inactive=True)
    assert sorted(r["status"] for r in all_rows) == ["active", "superseded"]
    assert [e.action for e in ledger.custody(outcome.document_id)] == ["ingest", "re-extract", "re-extract"]


def test_failed_write_leaves_nothing(ledger):
    bad = Extraction(figures=[Figure(key="f1", start=0, end=4, text="text", extractor="figures",
                                     extractor_version="1", category=None)])  # NOT NULL violated
    with pytest.raises(DBAPIError):
        ledger.add(draft("text"), extraction=bad)
    assert ledger.counts()["documents"] == 0 and ledger.counts()["custody_events"] == 0


def test_physical_item_is_parent_with_custody(ledger):
    photo = ledger.add(draft("photo page", origin="IMG_1.jpg"))
    item_id = ledger.register_item(PhysicalItem("notebook 3", found_place="near Sudzha",
                                                found_date=date(2024, 12, 16), found_by="unit 8"),
                                   documents=[photo.document_id])
    assert ledger.document(photo.document_id).item_id == item_id
    assert [e.action for e in ledger.custody(item_id=item_id)] == ["register-item", "link-item"]
    assert ledger.items()[0].found_place == "near Sudzha"


def test_unknown_references_raise_not_found(ledger):
    with pytest.raises(NotFound):
        ledger.document(999)
    with pytest.raises(NotFound):
        ledger.resolve("deadbeefdead")
    outcome = ledger.add(draft("x"))
    with pytest.raises(LedgerError, match="unknown statement kind"):
        ledger.statements(outcome.document_id, "nonsense")


def test_language_override_is_an_edit_event(ledger):
    outcome = ledger.add(draft("Привіт", language="ru", language_confidence=0.6))
    ledger.set_language(outcome.document_id, "uk")
    doc = ledger.document(outcome.document_id)
    assert doc.language == "uk"
    assert ledger.custody(outcome.document_id)[-1].detail == {"field": "language", "old": "ru", "new": "uk"}


def test_schema_matches_migrations(ledger):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with ledger.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), schema.metadata)
    assert [d for d in diff if "fts" not in str(d)] == []


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=1, max_size=200))
def test_text_round_trips(tmp_path_factory, body):
    from claimgraph.ledger import open_ledger

    with open_ledger(str(tmp_path_factory.mktemp("h") / "l.db")) as ledger:
        outcome = ledger.add(draft(body))
        assert ledger.document(outcome.document_id).text == body
        assert ledger.original(outcome.document_id) == body.encode("utf-8")


def test_tampered_original_is_refused(sqlite_ledger):
    outcome = sqlite_ledger.add(draft("untouched"))
    path = sqlite_ledger.blobs.path(outcome.sha256)
    path.chmod(0o644)
    path.write_bytes(b"touched")
    with pytest.raises(LedgerError, match="altered or damaged"):
        sqlite_ledger.original(outcome.document_id)


def test_sqlite_runs_wal_with_foreign_keys(sqlite_ledger):
    with sqlite_ledger.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_migrations_go_down_and_up_again(tmp_path):
    from sqlalchemy import create_engine, inspect

    from claimgraph.ledger.migrate import downgrade, upgrade

    engine = create_engine(f"sqlite:///{tmp_path / 'm.db'}")
    upgrade(engine, "0001")
    baseline = set(inspect(engine).get_table_names())
    assert {"document", "figure", "custody_event", "document_fts"} <= baseline
    upgrade(engine)
    downgrade(engine, "0001")
    assert set(inspect(engine).get_table_names()) == baseline
    downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    upgrade(engine)
    engine.dispose()
