"""One root exception with typed children.

Every error names what failed (a file, a URL, a document) and how to fix it.
The CLI turns one into one line on stderr; the API into one JSON error shape.
This module must not import anything from the rest of the package.
"""

from __future__ import annotations


class ClaimgraphError(Exception):
    """Root of every error claimgraph raises on purpose."""

    def __init__(self, reason: str, *, subject: str | None = None, fix: str | None = None):
        self.reason = reason
        self.subject = subject
        self.fix = fix
        super().__init__(self.line())

    def line(self) -> str:
        head = f"{self.subject}: " if self.subject else ""
        tail = f" (fix: {self.fix})" if self.fix else ""
        return f"{head}{self.reason}{tail}"


class IngestError(ClaimgraphError):
    """A file or URL could not be turned into a document."""


class UnsupportedInput(IngestError):
    """No reader knows this kind of input."""


class InputTooLarge(IngestError):
    """The input exceeds a configured limit (bytes, pages, pixels)."""


class CorruptInput(IngestError):
    """The input claims a format but cannot be parsed as it."""


class EmptyInput(IngestError):
    """The input holds no text to work with."""


class FetchError(IngestError):
    """A URL could not be fetched."""


class OcrUnavailable(IngestError):
    """Tesseract or one of its language packs is missing."""


class LedgerError(ClaimgraphError):
    """The store refused or failed an operation."""


class NotFound(LedgerError):
    """A document, statement or source id does not exist."""


class ExtractError(ClaimgraphError):
    """An extractor failed on a document."""


class ConfigError(ClaimgraphError):
    """A settings or vocabulary file is invalid."""
