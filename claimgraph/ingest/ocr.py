"""Optical character recognition of one page image with Tesseract, languages chosen automatically.

`ocr_image` cleans the picture up the way a careful operator would (grey
levels, a small-rotation deskew, cropping to the text, removal of sensor
noise, upscaling of small print), reads the first lines once with every
supported language to see which script the page is in (Latin, Cyrillic,
Hangul; Tesseract's orientation-and-script detection only when that pass
cannot tell), reads the page in that script's language (adding English when
Latin names show up), and for Cyrillic lets lingua decide between Russian and
Ukrainian from the text itself. Every word keeps its character range in the
returned text and Tesseract's confidence, so an analyst can see which words
to doubt.

Used by the image reader and by the PDF reader for pages without a text
layer. It must not read files, know about the ledger, or call any network
service; Tesseract runs locally through pytesseract.
"""

from __future__ import annotations

import os
import re
import statistics
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

import pytesseract
from PIL import Image, ImageChops, ImageFilter, ImageOps, ImageStat

from claimgraph.errors import IngestError, OcrUnavailable
from claimgraph.ingest.language import detect_language
from claimgraph.model import OcrWord

# Tesseract codes claimgraph chooses among, and the ISO 639-1 codes they read.
TESSERACT_FOR_ISO = {"en": "eng", "ru": "rus", "uk": "ukr", "ko": "kor"}
ISO_FOR_TESSERACT = {v: k for k, v in TESSERACT_FOR_ISO.items()}
DEBIAN_PACKAGE = "tesseract-ocr-{code}"

# Script (ours, or as OSD names it) -> the languages read for it, main one first.
SCRIPT_LANGUAGES: dict[str, tuple[str, ...]] = {
    "Latin": ("eng",),
    "Cyrillic": ("rus",),
    "Hangul": ("kor",),
    "Korean": ("kor",),
}
# Reports in Russian and Korean quote Latin names of outlets and agencies,
# which the Cyrillic and Korean models alone turn into garbage ("ТЪе
# М/азпо{оп Роз&"); English is added when the quick pass saw this many letters
# in Latin words. Not always: it costs the odd Korean word read as Latin.
MIN_LATIN_LETTERS = 5
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
# Latin letters with no Cyrillic look-alike: a Cyrillic word misread in Latin
# ("BHOUI" for "вночі", "BiH" for "Він") has fewer than two of them.
UNAMBIGUOUS_LATIN = frozenset("DFGJLNQRSVWYZbdfghjklqstvwz")
FALLBACK_LANGUAGES = ("eng", "rus", "kor")  # the quick pass that tells the script

TARGET_LINE_HEIGHT = 36  # px from ascender to descender; Tesseract's LSTM reads best near this
UPSCALE_BELOW = 26  # px; lines at least this tall are read as they are
MAX_UPSCALE = 4.0
MAX_OCR_SIDE = 8000  # never hand Tesseract a page larger than this after upscaling
DESKEW_MAX_DEGREES = 6.0
DESKEW_SIDE = 900  # px; the skew search works on a copy this size
SAMPLE_LINES = 12  # lines of text OSD and the trial pass look at
OSD_MIN_SCRIPT_CONFIDENCE = 0.2
MIN_TRIAL_LETTERS = 12  # fewer letters than this from the quick pass and OSD is asked too
LINE_INK_FRACTION = 0.02  # a row with less ink than this share of the densest row is a gap
DENOISE_THRESHOLD = 2  # median grey-level change under a 3x3 median
SECOND_DENOISE_SCALE = 1.5  # upscaled at least this much, a noisy page is smoothed again
INK_WINDOW = 30  # px; the neighbourhood ink is compared with
INK_CONTRAST = 0.3  # share of the page's grey range ink must stand out by
CROP_MARGIN_LINES = 0.8  # margin kept around the text, in line heights
TIMEOUT_SECONDS = 120
MAX_WORD_GAP = 200  # chars; a word found further on belongs elsewhere, not here


@dataclass
class OcrResult:
    """What Tesseract read on one page.

    `words` index `text`. `confidence` is the mean word confidence (0-100),
    None when no word was read. `languages` are the Tesseract codes used;
    `language` the ISO 639-1 code of the main one.
    """

    text: str
    words: list[OcrWord]
    confidence: float | None
    languages: tuple[str, ...]
    language: str | None
    script: str | None = None  # Latin, Cyrillic, Hangul (or OSD's name); None when nothing was read
    rotation: float = 0.0  # degrees the page was turned to straighten it (counter-clockwise positive)
    scale: float = 1.0  # upscaling factor applied before recognition
    meta: dict[str, object] = field(default_factory=dict)


# ---------------------------------------------------------------- availability


@lru_cache(maxsize=1)
def installed_languages() -> frozenset[str]:
    """Tesseract language packs present on this machine; raises OcrUnavailable when Tesseract is absent."""
    try:
        return frozenset(pytesseract.get_languages(config=""))
    except pytesseract.TesseractNotFoundError as exc:
        raise OcrUnavailable(
            "Tesseract is not installed or not on PATH",
            subject="ocr",
            fix="apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus "
            "tesseract-ocr-ukr tesseract-ocr-kor (or run `make demo`, which installs them)",
        ) from exc


def require_languages(codes: tuple[str, ...]) -> None:
    """Raise OcrUnavailable naming the Debian package of every missing language pack."""
    present = installed_languages()
    missing = [code for code in codes if code not in present]
    if missing:
        packages = " ".join(DEBIAN_PACKAGE.format(code=code) for code in missing)
        raise OcrUnavailable(
            f"Tesseract language pack(s) {', '.join(missing)} not installed",
            subject="ocr",
            fix=f"apt-get install {packages}",
        )


def tesseract_codes(languages: tuple[str, ...]) -> tuple[str, ...]:
    """Accept ISO 639-1 ('ru') or Tesseract ('rus') codes; return Tesseract codes."""
    codes = []
    for language in languages:
        key = language.strip().lower()
        codes.append(TESSERACT_FOR_ISO.get(key, key))
    return tuple(dict.fromkeys(codes))


# ---------------------------------------------------------------- preprocessing


def to_gray(image: Image.Image) -> Image.Image:
    """Grey levels on a white background, whatever the mode (alpha composited on white)."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, rgba)
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.point(lambda v: v / 256).convert("L")
    gray = image.convert("L")
    return ImageOps.autocontrast(gray, cutoff=0.5)


def ink_mask(gray: Image.Image) -> Image.Image:
    """Ink as white on black ('L'): pixels clearly darker than their neighbourhood.

    Comparing with the local background rather than one global threshold keeps
    uneven light and the darker table or frame around a photographed page out
    of the mask; the blur first keeps sensor noise out.
    """
    smooth = gray.filter(ImageFilter.GaussianBlur(1.5))
    background = smooth.filter(ImageFilter.BoxBlur(INK_WINDOW))
    darker = ImageChops.subtract(background, smooth)
    low, high = ImageStat.Stat(smooth).extrema[0]
    contrast = INK_CONTRAST * (high - low)
    return darker.point(lambda v: 255 if v > contrast else 0)


def otsu_threshold(histogram: list[int]) -> int:
    total = sum(histogram)
    if total == 0:
        return 128
    weighted_total = sum(level * count for level, count in enumerate(histogram))
    background_weight = 0
    background_sum = 0.0
    best_level, best_between = 128, -1.0
    for level, count in enumerate(histogram):
        background_weight += count
        if background_weight == 0:
            continue
        foreground_weight = total - background_weight
        if foreground_weight == 0:
            break
        background_sum += level * count
        mean_background = background_sum / background_weight
        mean_foreground = (weighted_total - background_sum) / foreground_weight
        between = background_weight * foreground_weight * (mean_background - mean_foreground) ** 2
        if between > best_between:
            best_level, best_between = level, between
    return best_level + 1


def row_profile(mask: Image.Image) -> list[int]:
    """Mean ink per pixel row (0-255)."""
    return list(mask.resize((1, mask.height), Image.Resampling.BOX).tobytes())


def column_profile(mask: Image.Image) -> list[int]:
    """Mean ink per pixel column (0-255)."""
    return list(mask.resize((mask.width, 1), Image.Resampling.BOX).tobytes())


def ink_span(profile: list[int]) -> tuple[int, int] | None:
    """First and one-past-last index where the profile rises above a trace of the densest value."""
    peak = max(profile, default=0)
    if peak == 0:
        return None
    threshold = peak * LINE_INK_FRACTION
    inked = [i for i, value in enumerate(profile) if value > threshold]
    return inked[0], inked[-1] + 1


def profile_sharpness(profile: list[int]) -> float:
    """How crisply rows alternate between text and gaps: high when lines are level."""
    return sum((b - a) ** 2 for a, b in pairwise(profile))


def estimate_skew(mask: Image.Image) -> float:
    """Angle in degrees (counter-clockwise positive) that levels the text lines.

    A search over small rotations that maximises the sharpness of the row
    projection profile: coarse steps first, then a finer pass around the best.
    """
    if mask.getbbox() is None:
        return 0.0
    longest = max(mask.size)
    small = mask if longest <= DESKEW_SIDE else mask.resize(
        (max(1, mask.width * DESKEW_SIDE // longest), max(1, mask.height * DESKEW_SIDE // longest)),
        Image.Resampling.BOX,
    )

    def score(angle: float) -> float:
        turned = small.rotate(angle, resample=Image.Resampling.BILINEAR, expand=False, fillcolor=0)
        return profile_sharpness(row_profile(turned))

    steps = int(DESKEW_MAX_DEGREES / 0.5)
    coarse = [i * 0.5 for i in range(-steps, steps + 1)]
    best = max(coarse, key=score)
    fine = [best + i * 0.1 for i in range(-4, 5)]
    best = max(fine, key=score)
    return round(best, 2) if abs(best) >= 0.15 else 0.0


def text_line_height(mask: Image.Image) -> float | None:
    """Median height in pixels of the runs of inked rows (one run per text line)."""
    profile = row_profile(mask)
    if not profile:
        return None
    peak = max(profile)
    if peak <= 0:
        return None
    threshold = peak * LINE_INK_FRACTION
    runs: list[int] = []
    run = 0
    for value in profile:
        if value > threshold:
            run += 1
        elif run:
            runs.append(run)
            run = 0
    if run:
        runs.append(run)
    runs = [r for r in runs if r >= 3]  # specks are not lines
    return float(statistics.median(runs)) if runs else None


def denoise_needed(gray: Image.Image) -> bool:
    """True when the paper is speckled.

    A 3x3 median leaves most pixels of a clean scan exactly as they are (the
    paper is flat), but moves nearly every pixel of a noisy photograph; the
    median change is blind to the ink, which dense scripts have a lot of.
    """
    smooth = gray.filter(ImageFilter.MedianFilter(3))
    return float(ImageStat.Stat(ImageChops.difference(gray, smooth)).median[0]) >= DENOISE_THRESHOLD


@dataclass
class Prepared:
    image: Image.Image
    rotation: float
    scale: float
    denoised: bool
    line_height: float | None


def prepare(image: Image.Image) -> Prepared:
    """Grey, deskew, crop to the text, denoise speckled pages, and upscale small print.

    Cropping to the inked area matters more than it looks: the edges of a
    photographed sheet and the table around it otherwise draw Tesseract's
    layout analysis into reading lines that are not there, which costs
    Korean pages most of their text.
    """
    gray = to_gray(image)
    mask = ink_mask(gray)
    rotation = estimate_skew(mask)
    if rotation:
        gray = gray.rotate(rotation, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
        mask = mask.rotate(rotation, resample=Image.Resampling.NEAREST, expand=True, fillcolor=0)
    line_height = text_line_height(mask)
    rows, columns = ink_span(row_profile(mask)), ink_span(column_profile(mask))
    if rows and columns:
        margin = int((line_height or 20) * CROP_MARGIN_LINES)
        gray = gray.crop((
            max(0, columns[0] - margin), max(0, rows[0] - margin),
            min(gray.width, columns[1] + margin), min(gray.height, rows[1] + margin),
        ))
    # Speckle goes before upscaling (at native size a 3x3 median covers a
    # speckle, not a stroke) and once more after a large upscale, which turns
    # each speckle into a blob the first pass would have missed.
    denoised = denoise_needed(gray)
    if denoised:
        gray = gray.filter(ImageFilter.MedianFilter(3))
    scale = 1.0
    if line_height and line_height < UPSCALE_BELOW:
        scale = min(MAX_UPSCALE, TARGET_LINE_HEIGHT / line_height, MAX_OCR_SIDE / max(gray.size))
        if scale > 1.05:
            gray = gray.resize(
                (round(gray.width * scale), round(gray.height * scale)), Image.Resampling.LANCZOS
            )
        else:
            scale = 1.0
    if denoised and scale >= SECOND_DENOISE_SCALE:
        gray = gray.filter(ImageFilter.MedianFilter(3))
    return Prepared(gray, rotation, round(scale, 3), denoised, line_height)


# ---------------------------------------------------------------- recognition


def detect_script(image: Image.Image) -> tuple[str | None, float | None]:
    """Tesseract OSD's script name and confidence, or (None, None) when it cannot tell."""
    try:
        osd = pytesseract.image_to_osd(image, config="--psm 0", output_type=pytesseract.Output.DICT,
                                       timeout=TIMEOUT_SECONDS)
    except pytesseract.TesseractError:
        return None, None  # "Too few characters" and similar: not an error, just no answer
    return str(osd.get("script")), float(osd.get("script_conf", 0.0))


def recognise(image: Image.Image, codes: tuple[str, ...]) -> tuple[str, list[OcrWord]]:
    """Run Tesseract once for its plain text and its word table; place every word in the text.

    The text is Tesseract's own text output (its line breaks, and its spacing,
    which for Korean joins syllables the word table lists apart); each word of
    the table is found in it in reading order, so `text[word.start:word.end]`
    is exactly what Tesseract read for that word.
    """
    try:
        plain, table = pytesseract.run_and_get_multiple_output(
            image, extensions=["txt", "tsv"], lang="+".join(codes), timeout=TIMEOUT_SECONDS
        )
    except pytesseract.TesseractNotFoundError:
        installed_languages.cache_clear()
        installed_languages()
        raise
    except RuntimeError as exc:  # pytesseract raises RuntimeError on timeout
        raise IngestError(f"Tesseract gave up: {exc}", subject="ocr",
                          fix="split the image or lower its resolution") from exc
    except pytesseract.TesseractError as exc:
        raise IngestError(f"Tesseract failed: {exc.message}", subject="ocr",
                          fix="check that the image is a readable page") from exc
    text = tidy_text(plain)
    return text, place_words(text, parse_tsv(table))


def tidy_text(plain: str) -> str:
    """Tesseract's text without its trailing form feed, trailing blanks or runs of blank lines."""
    lines = [line.rstrip() for line in plain.replace("\f", "\n").split("\n")]
    kept: list[str] = []
    for line in lines:
        if not line and (not kept or not kept[-1]):
            continue
        kept.append(line)
    return "\n".join(kept).strip("\n")


def parse_tsv(table: str) -> list[tuple[str, float]]:
    """(word, confidence) for each recognised word of Tesseract's TSV, in reading order."""
    rows = table.split("\n")
    if not rows:
        return []
    header = rows[0].split("\t")
    try:
        conf_at, text_at = header.index("conf"), header.index("text")
    except ValueError:
        return []
    words: list[tuple[str, float]] = []
    for row in rows[1:]:
        cells = row.split("\t")
        if len(cells) <= text_at:
            continue
        token = cells[text_at].strip()
        try:
            confidence = float(cells[conf_at])
        except ValueError:
            continue
        if token and confidence >= 0:
            words.append((token, confidence))
    return words


def place_words(text: str, table: list[tuple[str, float]]) -> list[OcrWord]:
    """Find each word in `text` after the previous one; a word not found there is left out."""
    words: list[OcrWord] = []
    cursor = 0
    for token, confidence in table:
        at = text.find(token, cursor)
        if at < 0 or (words and at - cursor > MAX_WORD_GAP):
            continue
        words.append(OcrWord(at, at + len(token), round(confidence, 2)))
        cursor = at + len(token)
    return words


def mean_confidence(words: list[OcrWord]) -> float | None:
    return round(statistics.fmean(w.confidence for w in words), 2) if words else None


def script_counts(text: str) -> dict[str, int]:
    """How many letters of `text` are Latin, Cyrillic and Hangul."""
    counts = {"Latin": 0, "Cyrillic": 0, "Hangul": 0}
    for ch in text:
        code = ord(ch)
        if 0x0400 <= code <= 0x04FF:
            counts["Cyrillic"] += 1
        elif 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
            counts["Hangul"] += 1
        elif ch.isascii() and ch.isalpha():
            counts["Latin"] += 1
    return counts


def text_band(prepared: Prepared) -> Image.Image:
    """The first few lines of the page: enough text to tell the script, a fraction of the time."""
    line = (prepared.line_height or 30) * prepared.scale
    height = int(SAMPLE_LINES * line * 1.6)
    image = prepared.image
    return image if height >= image.height else image.crop((0, 0, image.width, height))


def choose_languages(prepared: Prepared) -> tuple[tuple[str, ...], str | None, dict[str, object]]:
    """The Tesseract languages for the page, the script they were chosen for, and how.

    A quick pass over the first lines with every supported language at once
    shows which letters the page is written in; that is faster than Tesseract's
    orientation-and-script detection (whose model alone takes seconds to load)
    and, unlike it, sure of itself on Korean. OSD is asked only when the quick
    pass reads too few letters to tell.
    """
    installed = installed_languages()
    trial_codes = tuple(code for code in FALLBACK_LANGUAGES if code in installed) or ("eng",)
    trial_text, _ = recognise(text_band(prepared), trial_codes)
    counts = script_counts(trial_text)
    dominant, letters = max(counts.items(), key=lambda item: item[1])
    script = dominant if letters else None
    if script is not None and letters >= MIN_TRIAL_LETTERS:
        return (with_english(SCRIPT_LANGUAGES[script], latin_word_letters(trial_text)), script,
                {"chosen_by": "trial-pass", "trial_letters": counts})
    notes: dict[str, object] = {"trial_letters": counts}
    if "osd" in installed:
        osd_script, confidence = detect_script(prepared.image)
        notes.update(osd_script=osd_script, osd_script_confidence=confidence)
        if osd_script in SCRIPT_LANGUAGES and (confidence or 0.0) >= OSD_MIN_SCRIPT_CONFIDENCE:
            notes["chosen_by"] = "osd"
            return SCRIPT_LANGUAGES[osd_script], osd_script, notes
    if script is not None:
        notes["chosen_by"] = "trial-pass"
        return with_english(SCRIPT_LANGUAGES[script], latin_word_letters(trial_text)), script, notes
    notes["chosen_by"] = "default"
    return ("eng",), None, notes


def with_english(codes: tuple[str, ...], latin_letters: int) -> tuple[str, ...]:
    if "eng" in codes or latin_letters < MIN_LATIN_LETTERS:
        return codes
    return (*codes, "eng")


def latin_word_letters(text: str) -> int:
    """Letters in words that are really Latin, not Cyrillic words read with Latin look-alikes."""
    return sum(len(word) for word in LATIN_WORD.findall(text)
               if len(UNAMBIGUOUS_LATIN.intersection(word)) >= 2)


def ocr_image(image: Image.Image, languages: tuple[str, ...] | None = None) -> OcrResult:
    """Read the text on `image` with Tesseract.

    `languages` (ISO 639-1 or Tesseract codes) skips the automatic choice.
    Raises OcrUnavailable when Tesseract or a needed language pack is missing.
    """
    installed_languages()
    prepared = prepare(image)
    if languages:
        codes = tesseract_codes(languages)
        require_languages(codes)
        script: str | None = None
        notes: dict[str, object] = {"chosen_by": "caller"}
    else:
        codes, script, notes = choose_languages(prepared)
        require_languages(codes)
    text, words = recognise(prepared.image, codes)
    if not languages and codes[0] == "rus" and text.strip():
        # Russian and Ukrainian share a script; the words tell them apart.
        iso, confidence = detect_language(text, candidates=("ru", "uk"))
        notes["cyrillic_language"] = iso
        notes["cyrillic_language_confidence"] = confidence
        if iso == "uk":
            codes = ("ukr", *codes[1:])
            require_languages(codes)
            text, words = recognise(prepared.image, codes)
    notes["denoised"] = prepared.denoised
    primary = codes[0] if codes else None
    return OcrResult(
        text=text,
        words=words,
        confidence=mean_confidence(words),
        languages=codes,
        language=ISO_FOR_TESSERACT.get(primary or ""),
        script=script,
        rotation=prepared.rotation,
        scale=prepared.scale,
        meta=notes,
    )


def thread_limit() -> None:
    """Keep Tesseract to one OpenMP thread unless the user chose otherwise.

    Tesseract's own threading slows it down on small pages and competes with
    the batch's other work; one thread per call is faster overall.
    """
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")


thread_limit()

__all__ = [
    "TESSERACT_FOR_ISO",
    "OcrResult",
    "installed_languages",
    "ocr_image",
    "require_languages",
    "tesseract_codes",
]
