"""Real Tesseract on pages rendered with real fonts: accuracy, language choice, word offsets, errors."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from rapidfuzz.distance import Levenshtein

sys.path.insert(0, str(Path(__file__).resolve().parent))
from render import SAMPLES, FontMissing, degrade, render_page

from claimgraph.errors import OcrUnavailable
from claimgraph.ingest import ocr

pytestmark = [
    pytest.mark.ocr,
    pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed"),
]

TESSERACT = {"en": ("eng",), "ru": ("rus",), "uk": ("ukr",), "ko": ("kor",)}
CER_BOUND = 0.05  # measured 0.0 on these pages; a real regression lands far above this


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate with runs of whitespace counted as one space."""
    ref, hyp = " ".join(reference.split()), " ".join(hypothesis.split())
    return Levenshtein.distance(ref, hyp) / len(ref)


def page(language: str, **degradation: float):
    try:
        clean = render_page(SAMPLES[language], language)
    except FontMissing as exc:
        pytest.skip(str(exc))
    if not degradation:
        return clean
    return degrade(clean, **degradation)


def assert_words_index_text(result: ocr.OcrResult) -> None:
    assert result.words, "no words recognised"
    previous_end = 0
    for word in result.words:
        token = result.text[word.start:word.end]
        assert token and token == token.strip(), (word, token)
        assert word.start >= previous_end
        assert 0.0 <= word.confidence <= 100.0
        previous_end = word.end
    # The words cover every non-blank character of the text, in order.
    assert "".join(result.text[w.start:w.end] for w in result.words) == "".join(result.text.split())


@pytest.mark.parametrize("language", ["en", "ru", "uk", "ko"])
def test_photographed_page_is_read_in_the_right_language(language: str) -> None:
    image = page(language, seed=7, rotate=-2.5, blur=0.9, noise=14)
    result = ocr.ocr_image(image)
    assert result.languages == TESSERACT[language]
    assert result.language == language
    assert cer(SAMPLES[language], result.text) <= CER_BOUND, result.text
    assert result.confidence is not None and result.confidence > 70
    assert abs(result.rotation - 2.5) <= 0.5  # the reader turned the page back
    assert_words_index_text(result)


def test_clean_korean_page_with_dense_script_is_not_denoised_away() -> None:
    result = ocr.ocr_image(page("ko"))
    assert result.meta["denoised"] is False
    assert cer(SAMPLES["ko"], result.text) <= CER_BOUND, result.text


def test_small_print_is_upscaled_before_recognition() -> None:
    try:
        image = render_page(SAMPLES["ru"], "ru", font_size=12, width=420, margin=20)
    except FontMissing as exc:
        pytest.skip(str(exc))
    result = ocr.ocr_image(image)
    assert result.scale > 2
    assert result.languages == ("rus",)
    assert cer(SAMPLES["ru"], result.text) <= CER_BOUND, result.text


@pytest.mark.parametrize("language", ["ru", "ko"])
def test_latin_names_inside_cyrillic_and_korean_text_survive(language: str) -> None:
    text = {
        "ru": "Как сообщает газета The Washington Post со ссылкой на бойцов 8-го полка ССО, "
              "у погибших находили блокноты.",
        "ko": "미국 워싱턴포스트(The Washington Post) 보도에 따르면 북한군 병사의 메모가 발견됐다.",
    }[language]
    try:
        image = degrade(render_page(text, language), seed=3, rotate=1.5)
    except FontMissing as exc:
        pytest.skip(str(exc))
    result = ocr.ocr_image(image)
    assert result.languages == (TESSERACT[language][0], "eng")
    assert "Washington Post" in result.text
    assert cer(text, result.text) <= 0.1, result.text


def test_languages_given_by_the_caller_skip_the_choice() -> None:
    result = ocr.ocr_image(page("uk"), languages=("uk",))
    assert result.languages == ("ukr",)
    assert result.meta["chosen_by"] == "caller"
    assert cer(SAMPLES["uk"], result.text) <= CER_BOUND


def test_blank_page_gives_no_words() -> None:
    from PIL import Image

    result = ocr.ocr_image(Image.new("L", (600, 400), 255))
    assert result.text == ""
    assert result.words == []
    assert result.confidence is None


def test_missing_language_pack_names_the_package_to_install() -> None:
    with pytest.raises(OcrUnavailable) as caught:
        ocr.ocr_image(page("en"), languages=("xxq",))
    assert "tesseract-ocr-xxq" in (caught.value.fix or "")


def test_missing_tesseract_is_a_typed_error_with_a_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    ocr.installed_languages.cache_clear()
    try:
        with pytest.raises(OcrUnavailable) as caught:
            ocr.ocr_image(page("en"))
        assert "apt-get install tesseract-ocr" in (caught.value.fix or "")
    finally:
        ocr.installed_languages.cache_clear()


def test_place_words_finds_tokens_in_reading_order() -> None:
    text = "국가정보원은 국회\nthe the end"
    words = ocr.place_words(text, [("국가", 90.0), ("정보원은", 80.0), ("국회", 70.0),
                                   ("the", 60.0), ("the", 50.0), ("end", 40.0)])
    assert [text[w.start:w.end] for w in words] == ["국가", "정보원은", "국회", "the", "the", "end"]
    assert words[3].start != words[4].start


def test_cyrillic_words_misread_in_latin_look_alikes_do_not_count_as_english() -> None:
    assert ocr.latin_word_letters("BiH додав, що BHOUI поблизу") == 0
    assert ocr.latin_word_letters("газета The Washington Post и Reuters") == len("WashingtonPostReuters")
