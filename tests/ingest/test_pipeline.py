"""The ingest pipeline: batches, language, extraction failures, atomicity."""

from __future__ import annotations

import pytest

from claimgraph.ingest.pipeline import Ingestor, Overrides


class BrokenExtractor:
    """An extractor with a bug, to exercise the failure path end to end."""

    name = "broken"
    version = "0"

    def extract(self, ctx, found):
        raise ValueError("index out of range")


def test_extractor_failure_keeps_the_document_and_logs_why(sqlite_ledger, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("Officials said about 300 soldiers were killed near the border.", encoding="utf-8")
    ingestor = Ingestor(sqlite_ledger)
    ingestor._extractors = [BrokenExtractor()]
    report = ingestor.ingest([str(path)])
    assert len(report.failures) == 1
    assert "stored without statements" in report.failures[0].line
    assert "claimgraph extract 1" in report.failures[0].line
    assert sqlite_ledger.original(1) == path.read_bytes()
    actions = [e.action for e in sqlite_ledger.custody(1)]
    assert actions == ["ingest", "extract-failed"]
    assert "index out of range" in sqlite_ledger.custody(1)[1].detail["reason"]


def test_strict_keeps_the_document_out(sqlite_ledger, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("Officials said about 300 soldiers were killed near the border.", encoding="utf-8")
    ingestor = Ingestor(sqlite_ledger, strict=True)
    ingestor._extractors = [BrokenExtractor()]
    report = ingestor.ingest([str(path)])
    assert len(report.failures) == 1 and sqlite_ledger.counts()["documents"] == 0


def test_real_extraction_is_stored_with_the_document(sqlite_ledger, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("Seoul, Jan 20 — South Korea's spy agency said around 300 North Korean soldiers "
                    "had been killed and 2,700 injured in the Kursk region.\n", encoding="utf-8")
    report = Ingestor(sqlite_ledger, overrides=Overrides(publisher="Field Desk")).ingest([str(path)])
    assert report.ok
    figures = sqlite_ledger.statements(1, "figure")
    assert {(f["value_low"], f["category"]) for f in figures} >= {(300, "killed"), (2700, "wounded")}
    assert all(f["source_chain"][0] == "Field Desk" for f in figures)
    assert [e.action for e in sqlite_ledger.custody(1)] == ["ingest", "extract"]


def test_non_english_documents_are_stored_without_extraction(sqlite_ledger, tmp_path):
    path = tmp_path / "ru.txt"
    path.write_text("Около трёхсот северокорейских солдат погибли в Курской области.", encoding="utf-8")
    report = Ingestor(sqlite_ledger).ingest([str(path)])
    assert report.ok
    doc = sqlite_ledger.document(1)
    assert doc.language == "ru" and doc.language_confidence > 0.5
    assert sqlite_ledger.counts()["figure"] == 0


@pytest.mark.parametrize("junk", [b"\x00\x01\x02garbage" * 10, b"%PDF-1.4 truncated"])
def test_bad_bytes_fail_alone(sqlite_ledger, tmp_path, junk):
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "a.pdf").write_bytes(junk)
    (batch / "b.txt").write_text("A convoy was seen near the river.", encoding="utf-8")
    report = Ingestor(sqlite_ledger, extract=False).ingest([str(batch)])
    assert [f.origin.endswith("a.pdf") for f in report.failures] == [True]
    assert sqlite_ledger.counts()["documents"] == 1
