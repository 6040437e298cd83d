"""Build binary inputs for the reader tests from our own short texts: PDF, scanned PDF, DOCX, WARC, WACZ.

Everything is generated in memory with the real libraries (reportlab,
pypdfium2, python-docx, warcio, zipfile), so the tests need no binary files in
the repository. This module must not be imported by the library.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime

# -------------------------------------------------------------------- PDF


def make_pdf(pages: list[str | None], *, title: str | None = None, author: str | None = None,
             font_size: int = 12) -> bytes:
    """A PDF with one page per entry; a string is set as a text layer, None leaves the page blank."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    if title:
        pdf.setTitle(title)
    if author:
        pdf.setAuthor(author)
    for page_text in pages:
        if page_text:
            text = pdf.beginText(60, A4[1] - 80)
            text.setFont("Helvetica", font_size)
            for line in page_text.split("\n"):
                text.textLine(line)
            pdf.drawText(text)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def rasterise(pdf_bytes: bytes, page: int = 0, dpi: int = 200):  # -> PIL.Image.Image
    """Render one page of a PDF to a greyscale image, as a scanner would see it."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf_bytes)
    try:
        return document[page].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        document.close()


def make_scanned_pdf(pages: list[object]) -> bytes:
    """A PDF whose pages are images (PIL) or text layers (str): no text layer on the image pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    for page in pages:
        if isinstance(page, str):
            text = pdf.beginText(60, A4[1] - 80)
            text.setFont("Helvetica", 12)
            for line in page.split("\n"):
                text.textLine(line)
            pdf.drawText(text)
        else:
            pdf.drawImage(ImageReader(page), 0, 0, width=A4[0], height=A4[1])
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def make_encrypted_pdf(page_text: str, password: str) -> bytes:
    """A PDF that needs `password` to open."""
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(make_pdf([page_text])))
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


# -------------------------------------------------------------------- DOCX


def make_docx(paragraphs: list[str], *, table: list[list[str]] | None = None, after_table: list[str] = (),
              title: str | None = None, author: str | None = None, created: datetime | None = None) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    for paragraph in after_table:
        document.add_paragraph(paragraph)
    if title:
        document.core_properties.title = title
    if author:
        document.core_properties.author = author
    if created:
        document.core_properties.created = created
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# -------------------------------------------------------------------- WARC / WACZ


def make_warc(pages: list[dict], *, gzip: bool = True) -> bytes:
    """A WARC with one request-less response record per page dict.

    Page keys: url, body (bytes), content_type (default text/html; charset=utf-8),
    status (default "200 OK"), date (WARC-Date string), kind ("response" or "resource").
    """
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for page in pages:
        content_type = page.get("content_type", "text/html; charset=utf-8")
        headers = {"WARC-Date": page.get("date", "2024-03-05T10:20:30Z")}
        kind = page.get("kind", "response")
        if kind == "response":
            http = StatusAndHeaders(page.get("status", "200 OK"),
                                    [("Content-Type", content_type),
                                     ("Content-Length", str(len(page["body"])))],
                                    protocol="HTTP/1.1")
            record = writer.create_warc_record(page["url"], "response", payload=io.BytesIO(page["body"]),
                                               http_headers=http, warc_headers_dict=headers)
        else:
            record = writer.create_warc_record(page["url"], "resource", payload=io.BytesIO(page["body"]),
                                               warc_content_type=content_type, warc_headers_dict=headers)
        writer.write_record(record)
    return buffer.getvalue()


def make_wacz(warcs: dict[str, bytes]) -> bytes:
    """A minimal WACZ: archive/<name> for each WARC plus a datapackage.json."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        resources = []
        for name, data in warcs.items():
            archive.writestr(f"archive/{name}", data, compress_type=zipfile.ZIP_STORED)
            resources.append({"name": name, "path": f"archive/{name}", "bytes": len(data)})
        archive.writestr("datapackage.json", json.dumps({"profile": "data-package", "resources": resources}))
        archive.writestr("pages/pages.jsonl", '{"format": "json-pages-1.0"}\n')
    return buffer.getvalue()


def html_page(title: str, *paragraphs: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}</article>"
            f"<footer>All rights reserved.</footer></body></html>").encode()
