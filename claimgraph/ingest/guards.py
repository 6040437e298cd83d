"""Checks and small conversions every reader shares: size and emptiness guards,
zip-bomb guard, ISO dates, and the shape of a per-record error.

Readers call these first so that every kind of input fails the same way, with
the same wording, before any parser sees hostile bytes. This module must not
import any parser library and must not know about particular formats beyond
the zip container.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from typing import Any

from claimgraph.errors import CorruptInput, EmptyInput, InputTooLarge
from claimgraph.ingest.base import Limits, Source


def check_source(source: Source, limits: Limits, kind: str) -> None:
    """Raise EmptyInput for zero bytes (or only whitespace) and InputTooLarge above `limits.max_bytes`."""
    size = len(source.data)
    if size > limits.max_bytes:
        raise InputTooLarge(
            f"{kind} input is {size:,} bytes, over the limit of {limits.max_bytes:,}",
            subject=source.origin,
            fix="raise the byte limit (--max-bytes) or split the file",
        )
    if not source.data or source.data.isspace():  # isspace: no copy of a large input
        raise EmptyInput(
            f"{kind} input is empty",
            subject=source.origin,
            fix="check that the file was written completely, or leave it out",
        )


def check_record_count(count: int, source: Source, limits: Limits, unit: str) -> None:
    """Raise InputTooLarge when one container holds more than `limits.max_records` documents."""
    if count > limits.max_records:
        raise InputTooLarge(
            f"holds more than {limits.max_records:,} {unit}s",
            subject=source.origin,
            fix="raise the record limit (--max-records) or split the file",
        )


def open_zip(data: bytes, source: Source, limits: Limits, kind: str) -> zipfile.ZipFile:
    """Open a zip container, refusing broken archives and ones that inflate past `limits.max_bytes`."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise CorruptInput(
            f"{kind} file is not a readable zip archive ({exc})",
            subject=source.origin,
            fix="the file is damaged or truncated; obtain a fresh copy",
        ) from exc
    inflated = sum(member.file_size for member in members)
    if inflated > limits.max_bytes:
        raise InputTooLarge(
            f"{kind} archive inflates to {inflated:,} bytes, over the limit of {limits.max_bytes:,}",
            subject=source.origin,
            fix="raise the byte limit (--max-bytes) if the archive is trusted",
        )
    return archive


def parse_iso_date(value: Any) -> date | None:
    """An ISO 8601 date or date-time ("2024-03-05", "2024-03-05T10:00:00Z") as a date; None when absent.

    Raises ValueError for anything else so that callers can report it.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        # ValueError, not TypeError: callers report every unusable value the same way.
        raise ValueError(f"expected an ISO date string, got {type(value).__name__}")  # noqa: TRY004
    text = value.strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        return date.fromisoformat(text)


def record_error(locator: str, reason: str, fix: str) -> dict[str, str]:
    """One entry of `meta["record_errors"]`: where inside the container, why, and what to do."""
    return {"locator": locator, "reason": reason, "fix": fix}
