"""Generate the demo corpus's PDF and images from our own text, byte for byte the same on every run.

Writes into claimgraph/demo/:
  kursk_brief.pdf                  a two-page research brief with a text layer (reportlab)
  scanned_notebook_translation.png a scanned typed page: 1-bit, slightly skewed, no text layer
  photo_ko_nis_briefing.jpg        a photographed Korean news page: rotated, blurred, noisy
  photo_ru_losses.jpg              the same treatment for a Russian news page

The wording is ours (invented in the manner of real reporting). Fixed seeds
and reportlab's invariant mode make the output reproducible on one set of
library and font versions. `--check` regenerates in memory and fails when a
committed file differs. The texts are importable (`PAGE_TEXTS`) so the
benchmark can score OCR against them. This script must not touch anything
outside claimgraph/demo/.

    .venv/bin/python scripts/make_demo_images.py [--check]
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "claimgraph" / "demo"
sys.path.insert(0, str(REPO / "tests" / "ingest"))

from render import degrade, jpeg_bytes, render_page

SCAN_TEXT = """TRANSLATION - NOTEBOOK 1, PAGE 14

Item: notebook recovered near Plekhovo, Kursk region, January 2025. Handwritten in Korean; translated by the unit's interpreter. The translation has not been checked independently.

When a drone comes close, one man stays still and draws it in. The other two wait seven to ten metres away and shoot it down when it stops to hover. Do not run across open ground while the drone is above you.

Keep the group together inside the tree line. Move only on the order of the section leader. If wounded, do not fall into the hands of the enemy.

Interpreter's note: the last sentence is underlined twice in the original. The page also lists three radio call signs, which have been withheld."""

KOREAN_TEXT = """국정원 "러시아 파병 북한군 약 300명 사망, 2,700명 부상"

국가정보원은 13일 국회 정보위원회 비공개 회의에서 러시아 쿠르스크 지역에 파병된 북한군 가운데 약 300명이 숨지고 2,700명이 다친 것으로 추정된다고 보고했다. 정보위 소속 김도현 의원이 회의 뒤 기자들에게 이같이 전했다.

국정원은 북한군 병사들이 현대전에 대한 이해가 부족하고 드론 공격에 취약해 피해가 커진 것으로 보인다고 분석했다. 숨진 병사에게서 발견된 메모에는 생포되기 전에 스스로 목숨을 끊으라는 내용이 적혀 있었다고 한다.

국정원은 전체 파병 규모를 약 1만 1천 명으로 보고 있다. 다만 이 수치는 독자적으로 확인되지 않았다."""

RUSSIAN_TEXT = """Южнокорейская разведка оценила потери КНДР в Курской области

По оценке Национальной службы разведки Южной Кореи, в боях в Курской области погибли около 300 военнослужащих КНДР, ещё примерно 2700 получили ранения. Об этом журналистам рассказал депутат Ким До Хён после закрытого брифинга спецслужбы.

Украинская сторона называет более высокие цифры: в декабре президент Владимир Зеленский заявил, что убиты или ранены более 3000 северокорейских солдат. Министерство обороны России присутствие военных КНДР не подтверждало.

Независимо проверить эти данные невозможно. По сообщениям американской прессы, у погибших солдат находили блокноты с записями о том, как сбивать беспилотники."""

BRIEF_TITLE = "North Korean troops in the Kursk region: what the numbers say"
BRIEF_PAGES = [
    [
        "Open Conflict Evidence Centre - Research brief 7 - 14 February 2025",
        "Summary",
        ("Since October 2024 governments and intelligence services have published a string of "
         "estimates of how many North Korean soldiers were sent to Russia and how many have been "
         "killed or wounded. The estimates differ by source and have changed over time. This brief "
         "lists them side by side with their sources and qualifiers. We have not verified any of "
         "them ourselves."),
        "Deployment",
        ("South Korea's National Intelligence Service said on 18 October 2024 that about 1,500 "
         "special forces had been shipped to Vladivostok and that up to 12,000 could follow. On 28 "
         "October the Pentagon put the number at about 10,000, and in November US officials spoke "
         "of about 11,000 in the Kursk region. In January 2025 the NIS again used a figure of about "
         "11,000."),
        "Casualties",
        ("In December 2024 a lawmaker, citing a closed NIS briefing, said at least 100 soldiers had "
         "been killed and nearly 1,000 wounded. A few days later President Zelensky said more than "
         "3,000 had been killed or wounded, while the NIS figure reported at the time was about "
         "1,100 casualties. On 13 January 2025 the NIS raised its estimate to around 300 killed and "
         "2,700 wounded."),
    ],
    [
        "Assessment",
        ("The gap between Ukrainian and South Korean figures is likely to reflect different methods "
         "rather than a deliberate distortion by either side: Kyiv counts from battlefield reports, "
         "Seoul appears to rely on signals and human intelligence. Neither has published its method."),
        ("We assess with moderate confidence that North Korean losses were heavy in December and "
         "January, given the consistent accounts of open-field assaults. Reports that units were "
         "pulled back at the end of January suggest a pause rather than a withdrawal; this could not "
         "be verified."),
        ("Documents recovered from dead soldiers, including notebooks described by Ukrainian special "
         "forces, are the most direct evidence available. Their translations have been published "
         "only in part."),
        ("Sources: statements and briefings as reported by news agencies; no classified material "
         "was used."),
    ],
]

# Everything a page image is scored against, keyed by its file name.
PAGE_TEXTS = {
    "scanned_notebook_translation.png": SCAN_TEXT,
    "photo_ko_nis_briefing.jpg": KOREAN_TEXT,
    "photo_ru_losses.jpg": RUSSIAN_TEXT,
}
PAGE_LANGUAGES = {
    "scanned_notebook_translation.png": "en",
    "photo_ko_nis_briefing.jpg": "ko",
    "photo_ru_losses.jpg": "ru",
}


def scanned_page() -> bytes:
    """A typed A4 page at 150 dpi as a flatbed scanner in black-and-white mode would give it."""
    page = render_page(SCAN_TEXT, "en", width=1240, font_size=26, margin=110, min_height=1754)
    skewed = degrade(page, seed=20250120, rotate=0.6, blur=0.5, noise=10, paper=250, ink=20, shade=0)
    bilevel = skewed.point(lambda v: 255 if v > 140 else 0).convert("1", dither=None)
    buffer = io.BytesIO()
    bilevel.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def photographed_page(text: str, language: str, seed: int, rotate: float) -> bytes:
    page = render_page(text, language, width=1100, font_size=28, margin=70)
    photo = degrade(page, seed=seed, rotate=rotate, blur=0.9, noise=11)
    return jpeg_bytes(photo, quality=78)


def brief_pdf() -> bytes:
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    rl_config.invariant = 1  # no creation time or random document id in the file
    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, title=BRIEF_TITLE, author="Open Conflict Evidence Centre",
        subject="Research brief", creator="claimgraph demo", invariant=1,
    )
    story: list[object] = [Paragraph(BRIEF_TITLE, styles["Title"])]
    headings = {"Summary", "Deployment", "Casualties", "Assessment"}
    for number, paragraphs in enumerate(BRIEF_PAGES):
        if number:
            story.append(PageBreak())
        for paragraph in paragraphs:
            style = styles["Heading2"] if paragraph in headings else styles["BodyText"]
            story.append(Paragraph(paragraph, style))
            story.append(Spacer(1, 6))
    document.build(story)
    return buffer.getvalue()


def outputs() -> dict[str, bytes]:
    return {
        "kursk_brief.pdf": brief_pdf(),
        "scanned_notebook_translation.png": scanned_page(),
        "photo_ko_nis_briefing.jpg": photographed_page(KOREAN_TEXT, "ko", seed=20250113, rotate=2.2),
        "photo_ru_losses.jpg": photographed_page(RUSSIAN_TEXT, "ru", seed=20250114, rotate=-1.6),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail when a committed file differs")
    args = parser.parse_args()
    stale = []
    for file_name, data in outputs().items():
        path = DEMO / file_name
        if args.check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(file_name)
            continue
        path.write_bytes(data)
        print(f"{path.relative_to(REPO)}: {len(data):,} bytes", file=sys.stderr)
    if stale:
        print(f"out of date: {', '.join(stale)} (run scripts/make_demo_images.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
