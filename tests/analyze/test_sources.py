"""Sources and aliases: variants, titles, transliterations, persons and bodies; merges, splits, undo."""

from __future__ import annotations

import pytest

from claimgraph.analyze.sources import SourceBook, load_config, normalize
from claimgraph.errors import ConfigError, LedgerError


def test_normalize_ignores_case_punctuation_possessive_and_article():
    assert normalize("South Korea's Spy Agency") == "south korea spy agency"
    assert normalize("The Washington Post") == "washington post"


@pytest.mark.parametrize("variant, canonical", [
    ("NIS", "National Intelligence Service"),
    ("South Korea’s spy agency", "National Intelligence Service"),
    ("South Korean intelligence", "National Intelligence Service"),
    ("Lee Seong-gwon", "Lee Seong-kweun"),
    ("Lee Sung-kwon", "Lee Seong-kweun"),
    ("lawmaker Lee Seong-kweun", "Lee Seong-kweun"),
    ("President Zelenskyy", "Volodymyr Zelensky"),
    ("Zelenskiy", "Volodymyr Zelensky"),
    ("Ukraine's military intelligence", "Defence Intelligence of Ukraine"),
    ("Washington Post", "The Washington Post"),
])
def test_variants_resolve_to_canonical(sqlite_ledger, variant, canonical):
    resolver = SourceBook(sqlite_ledger).resolver()
    assert resolver.canonical(variant) == canonical


def test_persons_collapse_into_the_body_they_speak_for(sqlite_ledger):
    resolver = SourceBook(sqlite_ledger).resolver()
    assert resolver.root("Lee Seong-kweun") == "National Intelligence Service"
    assert resolver.root("Pat Ryder") == "US Department of Defense"
    assert resolver.root("Pentagon") == "US Department of Defense"
    assert resolver.type_of("unnamed Ukrainian officials") == "anonymous"
    assert resolver.canonical("Some Unknown Blog") == "Some Unknown Blog"


def test_merge_then_undo(sqlite_ledger):
    book = SourceBook(sqlite_ledger)
    assert book.resolver().canonical("Kyiv Post") == "Kyiv Post"
    change = book.merge("Kyiv Post", "The Kyiv Independent")
    resolver = book.resolver()
    assert resolver.canonical("Kyiv Post") == "The Kyiv Independent"
    assert "Kyiv Post" in book.get("Kyiv Independent").merged
    book.undo()
    assert book.resolver().canonical("Kyiv Post") == "Kyiv Post"
    actions = [e.action for e in sqlite_ledger.custody()]
    assert actions.count("source-merge") == 1 and actions.count("source-undo") == 1
    history = book.history()
    assert history[0]["id"] == change and history[0]["undone_by_id"] == history[1]["id"]
    with pytest.raises(LedgerError):
        book.undo(change)  # already undone


def test_merging_back_is_refused(sqlite_ledger):
    book = SourceBook(sqlite_ledger)
    book.merge("Blog A", "Blog B")
    with pytest.raises(LedgerError, match="already the same source"):
        book.merge("Blog B", "Blog A")


def test_alias_split_and_undo(sqlite_ledger):
    book = SourceBook(sqlite_ledger)
    book.alias("Seoul spooks", "National Intelligence Service")
    assert book.resolver().canonical("Seoul spooks") == "National Intelligence Service"
    book.split("National Intelligence Service", "Seoul spooks", kind="anonymous")
    resolver = book.resolver()
    assert resolver.canonical("Seoul spooks") == "Seoul spooks"
    assert resolver.type_of("Seoul spooks") == "anonymous"
    book.undo()  # the split
    assert book.resolver().canonical("Seoul spooks") == "National Intelligence Service"
    book.undo()  # the alias
    assert book.resolver().canonical("Seoul spooks") == "Seoul spooks"


def test_split_undoes_a_merge(sqlite_ledger):
    book = SourceBook(sqlite_ledger)
    book.merge("Blog A", "Blog B")
    book.split("Blog B", "Blog A")
    assert book.resolver().canonical("Blog A") == "Blog A"
    with pytest.raises(LedgerError, match="not a variant"):
        book.split("Blog B", "Something else")


def test_user_overlay_extends_shipped_sources(tmp_path, sqlite_ledger):
    overlay = tmp_path / "aliases.yaml"
    overlay.write_text("sources:\n  - name: National Intelligence Service\n    variants: [Naegok-dong]\n"
                       "  - name: Rybar\n    type: analyst\n    variants: [Rybar channel]\n")
    config = load_config(overlay)
    resolver = SourceBook(sqlite_ledger, config=config).resolver()
    assert resolver.canonical("Naegok-dong") == "National Intelligence Service"
    assert resolver.canonical("rybar channel") == "Rybar"
    assert resolver.type_of("Rybar") == "analyst"


def test_bad_overlay_names_the_fix(tmp_path):
    overlay = tmp_path / "aliases.yaml"
    overlay.write_text("sources:\n  - name: X\n    type: blogger\n")
    with pytest.raises(ConfigError, match="unknown source type"):
        load_config(overlay)


def test_link_person_to_body_and_undo(sqlite_ledger):
    book = SourceBook(sqlite_ledger)
    assert book.resolver().root("Yoo Yong-weon") == "Yoo Yong-weon"
    book.link("Yoo Yong-weon", "NIS")
    assert book.resolver().root("Yoo Yong-weon") == "National Intelligence Service"
    with pytest.raises(LedgerError, match="loop"):
        book.link("NIS", "Yoo Yong-weon")
    book.undo()
    assert book.resolver().root("Yoo Yong-weon") == "Yoo Yong-weon"
    assert [e.action for e in sqlite_ledger.custody()][-2:] == ["source-link", "source-undo"]
