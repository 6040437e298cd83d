"""Language identification for document text with lingua, with a confidence.

Only the languages claimgraph's users meet in conflict reporting are
considered by default, which keeps detection fast and avoids absurd guesses on
short text. Must not be used for OCR language choice of unknown scripts alone.
"""

from __future__ import annotations

from functools import cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

LANGUAGES = (
    Language.ENGLISH, Language.RUSSIAN, Language.UKRAINIAN, Language.KOREAN, Language.GERMAN,
    Language.FRENCH, Language.SPANISH, Language.POLISH, Language.CHINESE, Language.JAPANESE,
    Language.ARABIC, Language.PERSIAN, Language.TURKISH, Language.BELARUSIAN,
)

SAMPLE_CHARS = 20_000  # detection on the first part of long texts is as good and far faster


@cache
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*LANGUAGES).with_preloaded_language_models().build()


def detect_language(text: str, candidates: tuple[str, ...] | None = None) -> tuple[str | None, float | None]:
    """Return (ISO 639-1 code, confidence 0-1) for `text`, or (None, None) when it has no letters.

    `candidates` narrows the choice to these ISO codes (used to pick between
    Russian and Ukrainian after OCR, for example).
    """
    sample = text[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None, None
    values = _detector().compute_language_confidence_values(sample)
    if candidates:
        wanted = {c.lower() for c in candidates}
        values = [v for v in values if v.language.iso_code_639_1.name.lower() in wanted]
        total = sum(v.value for v in values) or 1.0
        if not values:
            return None, None
        best = max(values, key=lambda v: v.value)
        return best.language.iso_code_639_1.name.lower(), round(best.value / total, 4)
    if not values:
        return None, None
    best = values[0]
    return best.language.iso_code_639_1.name.lower(), round(best.value, 4)


def is_known_code(code: str) -> bool:
    try:
        IsoCode639_1.from_str(code.lower())
    except ValueError:
        return False
    return True
