"""`nlp.token_strings`: every token's attribute as a string, shared by the extractors of one document."""

from __future__ import annotations

from claimgraph.extract.nlp import load_nlp, token_strings


def test_strings_are_the_token_attributes_of_the_doc_asked_about() -> None:
    nlp = load_nlp()
    first = nlp("The Ministry of Defence said 40 drones were shot down.")
    second = nlp("Officials in Kyiv reported heavy shelling overnight, the governor added.")
    for doc in (first, second, first):  # a doc read again after another gives its own strings
        assert token_strings(doc, "LOWER") == [t.lower_ for t in doc]
        assert token_strings(doc, "POS") == [t.pos_ for t in doc]
        assert token_strings(doc, "LEMMA") == [t.lemma_ for t in doc]
        assert token_strings(doc, "LEMMA", lower=True) == [t.lemma_.lower() for t in doc]
        assert token_strings(doc, "ORTH") == [t.text for t in doc]
    assert token_strings(first, "LOWER") is token_strings(first, "LOWER")  # read once per document
