"""HTML pages: each renders the dict its JSON twin under /api/ returns (see data.py).

Forms post here with the CSRF token the security middleware checks; after a
change the browser is sent back (303) to the page it came from. Templates
escape everything (autoescape on); nothing from the ledger is marked safe.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from claimgraph.errors import LedgerError, NotFound
from claimgraph.ingest.pipeline import Overrides
from claimgraph.ledger import corrections
from claimgraph.serve import analysis, data
from claimgraph.serve.api import (
    DOC_REF,
    KIND_PATTERN,
    Filters,
    LedgerDep,
    Limit,
    Offset,
    actor_of,
    csv_response,
    original_response,
)
from claimgraph.serve.app import page_context
from claimgraph.serve.security import TOKEN_COOKIE, check_token
from claimgraph.serve.uploads import results_json

router = APIRouter(include_in_schema=False)

Reason = Annotated[str, Form(max_length=2000)]


def render(request: Request, template: str, context: dict[str, Any], status: int = 200) -> Response:
    context = page_context(request) | {"analysis": analysis.available()} | context
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status)


def check_ref(ref: str) -> None:
    """Document ids are numbers or hex hash prefixes: anything else (a path, dots) is refused here."""
    if not re.match(DOC_REF, ref):
        raise NotFound("not a document id", subject=ref[:40], fix="use a number or a sha256 prefix")


def back(request: Request, fallback: str) -> RedirectResponse:
    """Back to the page the form was on (same origin only), else `fallback`."""
    target = fallback
    referer = request.headers.get("referer", "")
    base = str(request.base_url)
    if referer.startswith(base):
        target = "/" + referer[len(base):]
    return RedirectResponse(target, status_code=303)


@router.get("/")
def dashboard(request: Request, ledger: LedgerDep) -> Response:
    return render(request, "dashboard.html", {"data": data.dashboard(ledger), "json_url": "/api/"})


@router.get("/documents")
def documents(request: Request, ledger: LedgerDep, publisher: str | None = None, language: str | None = None,
              media_type: str | None = None, since: date | None = None, until: date | None = None,
              limit: Limit = 50, offset: Offset = 0) -> Response:
    found = data.documents(ledger, publisher=publisher, language=language, media_type=media_type, since=since,
                           until=until, limit=limit, offset=offset)
    query = {k: v for k, v in request.query_params.items() if k != "offset"}
    return render(request, "documents.html", {"data": found, "query": query,
                                              "json_url": "/api/documents?" + urlencode(request.query_params)})


@router.get("/documents/{ref}")
def document(request: Request, ledger: LedgerDep, ref: str) -> Response:
    check_ref(ref)
    detail = data.document_detail(ledger, ref)
    return render(request, "document.html", {
        "data": detail, "pieces": data.document_pieces(ledger, detail),
        "categories": corrections.figure_categories(),
        "json_url": f"/api/documents/{detail['document']['id']}"})


@router.get("/documents/{ref}/original")
def original(ledger: LedgerDep, ref: str, container: bool = False) -> Response:
    check_ref(ref)
    return original_response(ledger, ref, container)


@router.get("/figures")
def figures(request: Request, ledger: LedgerDep, filters: Filters) -> Response:
    found = data.figures(ledger, filters.filter(), limit=500)
    query = urlencode({k: v for k, v in request.query_params.items() if v})
    return render(request, "figures.html", {
        "data": found, "filters": filters, "query": query, "json_url": "/api/figures?" + query,
        "timeline_url": "/api/figures/timeline?" + query, "csv_url": "/figures.csv?" + query})


@router.get("/figures.csv")
def figures_csv(ledger: LedgerDep, filters: Filters) -> Response:
    return csv_response(data.figures_csv(ledger, filters.filter()))


@router.get("/search")
def search(request: Request, ledger: LedgerDep, q: str = "", publisher: str | None = None,
           language: str | None = None, year: str | None = None, source: str | None = None,
           category: str | None = None) -> Response:
    found = data.search(ledger, q, publisher=publisher, language=language, year=year, source=source,
                        category=category)
    for hit in found["hits"]:
        hit["parts"] = data.snippet_parts(hit["snippet"])
    base = {k: v for k, v in request.query_params.items() if v}
    return render(request, "search.html", {"data": found, "base": base,
                                           "json_url": "/api/search?" + urlencode(base)})


@router.get("/items")
def items(request: Request, ledger: LedgerDep) -> Response:
    return render(request, "items.html", {"data": data.items(ledger), "json_url": "/api/items"})


@router.get("/custody")
def custody(request: Request, ledger: LedgerDep, document: int | None = None, limit: Limit = 100,
            offset: Offset = 0) -> Response:
    found = data.custody(ledger, document_id=document, limit=limit, offset=offset)
    return render(request, "custody.html", {"data": found, "json_url": "/api/custody"})


@router.get("/upload")
def upload_form(request: Request) -> Response:
    return render(request, "upload.html", {"results": None, "max_upload": request.app.state.max_upload,
                                           "json_url": "/api/documents"})


@router.post("/upload")
def upload(request: Request, files: Annotated[list[UploadFile], File()] = [],  # noqa: B006
           urls: Annotated[str, Form()] = "", publisher: Annotated[str, Form()] = "",
           published: Annotated[date | None, Form()] = None, language: Annotated[str, Form()] = "") -> Response:
    payload = [(f.filename, f.file.read()) for f in files if f.filename]
    results = request.app.state.uploader.ingest(
        payload, urls.splitlines(), actor=actor_of(request),
        overrides=Overrides(publisher or None, published, language or None))
    context = {"results": results_json(results), "max_upload": request.app.state.max_upload,
               "json_url": "/api/documents"}
    if request.headers.get("hx-request"):
        return render(request, "upload_results.html", context)
    return render(request, "upload.html", context)


# ---------------------------------------------------------------- corrections (forms)


def _doc_of(ledger: Any, kind: str, statement_id: int) -> int:
    return corrections.statement(ledger, kind, statement_id)["document_id"]


@router.post("/statements/{kind}/{statement_id}/reject")
def reject(request: Request, ledger: LedgerDep, kind: str, statement_id: int, reason: Reason = "") -> Response:
    if not re.match(KIND_PATTERN, kind):
        raise LedgerError(f"unknown statement kind {kind!r}", subject="reject", fix="use a listed kind")
    corrections.reject_statement(ledger, kind, statement_id, reason=reason, actor=actor_of(request))
    return back(request, f"/documents/{_doc_of(ledger, kind, statement_id)}")


@router.post("/figures/{figure_id}/category")
def figure_category(request: Request, ledger: LedgerDep, figure_id: int, category: Annotated[str, Form()],
                    reason: Reason = "") -> Response:
    corrections.correct_figure_category(ledger, figure_id, category, reason=reason, actor=actor_of(request))
    return back(request, f"/documents/{_doc_of(ledger, 'figure', figure_id)}")


@router.post("/figures/{figure_id}/origin")
def figure_origin(request: Request, ledger: LedgerDep, figure_id: int, origin: Annotated[str, Form()],
                  reason: Reason = "") -> Response:
    corrections.correct_figure_origin(ledger, figure_id, origin, reason=reason, actor=actor_of(request))
    return back(request, f"/documents/{_doc_of(ledger, 'figure', figure_id)}")


@router.post("/attributions/{attribution_id}/source")
def attribution_source(request: Request, ledger: LedgerDep, attribution_id: int, source: Annotated[str, Form()],
                       reason: Reason = "") -> Response:
    corrections.correct_attribution_source(ledger, attribution_id, source, reason=reason, actor=actor_of(request))
    return back(request, f"/documents/{_doc_of(ledger, 'attribution', attribution_id)}")


# ---------------------------------------------------------------- sources and claims


@router.get("/sources")
def sources(request: Request, ledger: LedgerDep) -> Response:
    return render(request, "sources.html", {"data": analysis.sources(ledger), "json_url": "/api/sources"})


@router.get("/sources/by-name")
def source_by_name(request: Request, ledger: LedgerDep, name: Annotated[str, Query(min_length=1, max_length=500)]
                   ) -> Response:
    found = analysis.source_detail(ledger, name)
    if found["id"] is not None:
        return RedirectResponse(f"/sources/{found['id']}", status_code=303)
    return render(request, "source.html", {"data": found,
                                           "json_url": "/api/sources/by-name?" + urlencode({"name": name})})


@router.get("/sources/{source_id}")
def source(request: Request, ledger: LedgerDep, source_id: int) -> Response:
    return render(request, "source.html", {"data": analysis.source_detail(ledger, str(source_id)),
                                           "json_url": f"/api/sources/{source_id}"})


@router.post("/sources/grade")
def grade_source(request: Request, ledger: LedgerDep, source: Annotated[str, Form(max_length=500)],
                 grade: Annotated[str, Form(max_length=1)], rationale: Reason = "") -> Response:
    graded = analysis.grade(ledger, source, grade, rationale, actor=actor_of(request))
    return RedirectResponse(f"/sources/{graded['source_id']}" if graded["source_id"] else "/sources",
                            status_code=303)


@router.post("/sources/{source_id}/aliases")
def add_alias(request: Request, ledger: LedgerDep, source_id: int, variant: Annotated[str, Form(max_length=500)]
              ) -> Response:
    analysis.alias(ledger, str(source_id), variant, actor=actor_of(request))
    return RedirectResponse(f"/sources/{source_id}", status_code=303)


@router.post("/sources/{source_id}/merge")
def merge_source(request: Request, ledger: LedgerDep, source_id: int, into: Annotated[str, Form(max_length=500)]
                 ) -> Response:
    merged = analysis.merge(ledger, str(source_id), into, actor=actor_of(request))
    return RedirectResponse(f"/sources/{merged['into_id']}" if merged["into_id"] else "/sources", status_code=303)


@router.get("/clusters")
def clusters(request: Request, ledger: LedgerDep) -> Response:
    return render(request, "clusters.html", {"data": analysis.clusters(ledger), "json_url": "/api/clusters"})


# ---------------------------------------------------------------- sign-in for remote browsers


@router.get("/login")
def login_form(request: Request) -> Response:
    return render(request, "login.html", {"failed": False})


@router.post("/login")
def login(request: Request, ledger: LedgerDep, token: Annotated[str, Form(max_length=200)]) -> Response:
    if check_token(ledger, token.strip()) is None:
        return render(request, "login.html", {"failed": True}, status=401)
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(TOKEN_COOKIE, token.strip(), httponly=True, samesite="strict",
                        secure=request.url.scheme == "https")
    return response


@router.post("/logout")
def logout() -> Response:
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(TOKEN_COOKIE)
    return response


__all__ = ["router"]
