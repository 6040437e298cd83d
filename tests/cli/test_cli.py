"""The CLI end to end on a real SQLite ledger: batches with bad files, JSON output, originals, custody."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph import __version__
from claimgraph.cli import main


@pytest.fixture
def cli(tmp_path):
    db = str(tmp_path / "cli.db")
    runner = CliRunner()

    def invoke(*args: str, ok: bool | None = True):
        result = runner.invoke(main, [*args, "--db", db] if args and args[0] not in ("--version",) else list(args),
                               catch_exceptions=False)
        if ok is True:
            assert result.exit_code == 0, result.output + result.stderr
        elif ok is False:
            assert result.exit_code != 0, result.output
        return result

    return invoke


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_version(cli):
    assert __version__ in cli("--version").output


def test_batch_with_bad_files_goes_on_and_fails_at_the_end(cli, tmp_path):
    batch = tmp_path / "batch"
    (batch / "sub").mkdir(parents=True)
    write(batch / "good.txt", "Officials said the convoy reached the border on Tuesday.\n")
    write(batch / "sub" / "cyrillic.txt", "Колонна прибыла к границе во вторник вечером.\n".encode("cp1251"))
    write(batch / "broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not really a pdf")
    write(batch / "empty.txt", b"")
    result = cli("ingest", str(batch), "--no-extract", "--json", ok=False)
    stored = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(Path(r["origin"]).name for r in stored) == ["cyrillic.txt", "good.txt"]
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert any("broken.pdf" in e and "fix:" in e for e in errors)
    assert any("empty.txt" in e and "fix:" in e for e in errors)
    docs = [json.loads(line) for line in cli("docs", "--json").stdout.splitlines()]
    assert {d["language"] for d in docs} == {"en", "ru"}


def test_reingest_is_a_noop_and_original_round_trips(cli, tmp_path):
    raw = "Сотні солдатів прибули.\r\n".encode("utf-16")
    path = write(tmp_path / "utf16.txt", raw)
    first = json.loads(cli("ingest", str(path), "--no-extract", "--json").stdout)
    again = json.loads(cli("ingest", str(path), "--no-extract", "--json").stdout)
    assert (first["status"], again["status"]) == ("added", "unchanged")
    assert again["document_id"] == first["document_id"]
    result = CliRunner().invoke(main, ["show", str(first["document_id"]), "--original", "--db",
                                       str(tmp_path / "cli.db")])
    assert result.stdout_bytes == raw
    shown = json.loads(cli("show", first["sha256"][:12], "--json").stdout)
    assert shown["text"].startswith("Сотні солдатів") and shown["language"] == "uk"
    events = [json.loads(line) for line in cli("custody", str(first["document_id"]), "--json").stdout.splitlines()]
    assert [e["action"] for e in events] == ["ingest"]
    assert events[0]["detail"]["sha256"] == first["sha256"]


def test_overrides_and_search(cli, tmp_path):
    path = write(tmp_path / "a.txt", "The notebooks were taken from the battlefield near the river.")
    cli("ingest", str(path), "--no-extract", "--publisher", "Field Desk", "--published", "2025-01-20",
        "--language", "en")
    doc = json.loads(cli("docs", "--json").stdout.splitlines()[0])
    assert (doc["publisher"], doc["published"], doc["language_confidence"]) == ("Field Desk", "2025-01-20", 1.0)
    hits = [json.loads(line) for line in cli("search", '"taken from the battlefield"', "--json").stdout.splitlines()]
    assert [h["document_id"] for h in hits] == [doc["id"]]
    assert cli("search", '"taken from the river"', "--json").stdout == ""


def test_bad_date_and_missing_document_are_one_line_errors(cli, tmp_path):
    path = write(tmp_path / "a.txt", "text")
    assert "not an ISO date" in cli("ingest", str(path), "--published", "20/01/2025", ok=False).output
    result = cli("show", "424242", ok=False)
    assert result.stderr.count("\n") == 1 and "no such document" in result.stderr


def test_item_register_links_documents(cli, tmp_path):
    path = write(tmp_path / "page.txt", "Page photographed from a notebook.")
    doc = json.loads(cli("ingest", str(path), "--no-extract", "--json").stdout)
    item = json.loads(cli("item", "register", "notebook 3", "--place", "near Sudzha", "--found", "2024-12-16",
                          "--by", "unit 8", "--document", str(doc["document_id"]), "--json").stdout)
    items = [json.loads(line) for line in cli("item", "list", "--json").stdout.splitlines()]
    assert items[0]["id"] == item["item_id"] and items[0]["found_place"] == "near Sudzha"
    shown = json.loads(cli("show", str(doc["document_id"]), "--json").stdout)
    assert shown["item_id"] == item["item_id"]
    actions = [json.loads(line)["action"] for line in
               cli("custody", "--item", str(item["item_id"]), "--json").stdout.splitlines()]
    assert actions == ["register-item", "link-item"]


def test_missing_path_is_reported(cli, tmp_path):
    result = cli("ingest", str(tmp_path / "nope.txt"), "--no-extract", ok=False)
    assert "nope.txt: no such file" in result.stderr


def test_extract_again_supersedes_with_workers(cli, tmp_path):
    path = write(tmp_path / "a.txt", "Officials said about 300 soldiers were killed near the border.")
    doc = json.loads(cli("ingest", str(path), "--json").stdout)
    assert doc["statements"] > 0
    rows = [json.loads(line) for line in cli("extract", "--all", "--workers", "2", "--json").stdout.splitlines()]
    assert rows == [{"document_id": doc["document_id"], "statements": doc["statements"]}]
    actions = [json.loads(line)["action"] for line in cli("custody", "1", "--json").stdout.splitlines()]
    assert actions == ["ingest", "extract", "re-extract"]
