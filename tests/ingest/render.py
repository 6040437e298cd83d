"""Render text to page images with real fonts, for OCR tests, the benchmark and the demo images.

The fonts are the system's (DejaVu for Latin and Cyrillic, Noto CJK for
Korean), found through fontconfig, so the pixels are what a scanner or a phone
would see of a printed page. `degrade` adds what a photograph adds: a small
rotation, blur, sensor noise and JPEG compression, all from a fixed seed so the
same call gives the same bytes. This module must not call Tesseract and must
not be imported by the library.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

# Our own sentences (invented wording), one short paragraph per language.
SAMPLES: dict[str, str] = {
    "en": (
        "The regional governor said on Tuesday that two supply depots near the border "
        "had been struck overnight. He gave no figures for casualties and said the "
        "damage was still being assessed. Local volunteers reported that the road to "
        "the village remained closed until the morning."
    ),
    "ru": (
        "По словам представителя штаба, ночью в районе границы были замечены две "
        "колонны грузовиков. Он уточнил, что данные о потерях пока не подтверждены. "
        "Местные жители рассказали, что дорога в село была перекрыта до самого утра."
    ),
    "uk": (
        "Речник оперативного командування повідомив, що вночі поблизу кордону "
        "помітили дві колони вантажівок. Він додав, що інформацію про втрати ще "
        "перевіряють. Місцеві мешканці розповіли, що дорогу до села перекрили до ранку."
    ),
    "ko": (
        "국가정보원은 국회 정보위원회에 북한군 병력의 이동 상황을 보고했다. 정보위 "
        "소속 의원은 회의 직후 기자들에게 추가 파병 가능성이 있다고 말했다. 다만 "
        "구체적인 규모는 아직 확인되지 않았다고 덧붙였다."
    ),
}

# fontconfig patterns per script, most wanted first.
FONT_PATTERNS: dict[str, tuple[str, ...]] = {
    "latin": ("DejaVu Serif", "DejaVu Sans"),
    "cyrillic": ("DejaVu Serif", "DejaVu Sans"),
    "hangul": ("Noto Serif CJK KR", "Noto Sans CJK KR"),
}
LANGUAGE_SCRIPT = {"en": "latin", "ru": "cyrillic", "uk": "cyrillic", "ko": "hangul"}


@dataclass(frozen=True)
class FontFile:
    path: str
    index: int = 0


class FontMissing(RuntimeError):
    """No installed font covers the script; install fonts-dejavu-core / fonts-noto-cjk."""


@cache
def find_font(script: str, sans: bool = False) -> FontFile:
    """The font file (and face index inside a .ttc) fontconfig picks for `script`."""
    patterns = FONT_PATTERNS[script]
    if sans:
        patterns = tuple(reversed(patterns))
    if shutil.which("fc-match") is None:
        raise FontMissing("fontconfig's fc-match is not installed (apt-get install fontconfig)")
    for pattern in patterns:
        out = subprocess.run(
            ["fc-match", "-f", "%{family}|%{file}|%{index}", pattern],
            capture_output=True, text=True, check=False,
        ).stdout
        family, _, rest = out.partition("|")
        path, _, index = rest.partition("|")
        # fc-match always answers; only accept the family we asked for.
        if pattern.lower() in family.lower() and Path(path).is_file():
            return FontFile(path, int(index or 0))
    raise FontMissing(f"no font for {script} among {patterns}; install fonts-dejavu-core and fonts-noto-cjk")


def font_for(language: str, size: int, sans: bool = False) -> ImageFont.FreeTypeFont:
    found = find_font(LANGUAGE_SCRIPT[language], sans)
    return ImageFont.truetype(found.path, size=size, index=found.index)


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap of each paragraph of `text` to `width` pixels; blank lines kept."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        line = words[0]
        for word in words[1:]:
            candidate = f"{line} {word}"
            if font.getlength(candidate) <= width:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def render_page(
    text: str,
    language: str,
    *,
    width: int = 1240,
    font_size: int = 30,
    margin: int = 80,
    line_spacing: float = 1.5,
    sans: bool = False,
    min_height: int = 0,
) -> Image.Image:
    """A white page ('L' mode) with `text` set in black, wrapped to the page width."""
    font = font_for(language, font_size, sans)
    lines = wrap(text, font, width - 2 * margin)
    pitch = int(font_size * line_spacing)
    height = max(min_height, 2 * margin + pitch * len(lines))
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    for number, line in enumerate(lines):
        draw.text((margin, margin + number * pitch), line, font=font, fill=0)
    return page


def degrade(
    page: Image.Image,
    *,
    seed: int,
    rotate: float = 2.0,
    blur: float = 0.8,
    noise: float = 12.0,
    paper: int = 228,
    ink: int = 45,
    shade: int = 25,
) -> Image.Image:
    """A photographed look: off-white paper, grey ink, uneven light, rotation, blur, sensor noise.

    Deterministic for a given `seed` (numpy's seeded generator, not the clock).
    """
    pixels = np.asarray(page.convert("L"), dtype=np.float32) / 255.0
    toned = ink + (paper - ink) * pixels
    height, width = toned.shape
    # Light falls off towards one corner, as under a desk lamp.
    ramp = np.linspace(0.0, 1.0, width)[None, :] * np.linspace(0.3, 1.0, height)[:, None]
    toned = toned - shade * ramp
    shaded = Image.fromarray(np.clip(toned, 0, 255).astype(np.uint8), "L")
    rotated = shaded.rotate(rotate, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=paper - 40)
    blurred = rotated.filter(ImageFilter.GaussianBlur(blur)) if blur > 0 else rotated
    if noise <= 0:
        return blurred
    rng = np.random.default_rng(seed)
    noisy = np.asarray(blurred, dtype=np.float32) + rng.normal(0.0, noise, (blurred.height, blurred.width))
    return Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8), "L")


def jpeg_bytes(image: Image.Image, quality: int = 80) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=quality, optimize=False)
    return buffer.getvalue()


def png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()
