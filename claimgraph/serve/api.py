"""The JSON API under /api/: each route returns what one page of the web UI shows.

Routes parse and validate HTTP input (pydantic at this untrusted edge), call
one function of `data.py`, `uploads.py` or `claimgraph.ledger.corrections`,
and return its dict. Errors are ClaimgraphErrors, which the app turns into the
one JSON error shape. No HTML here.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Path, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from pydantic import BaseModel, Field

from claimgraph.ingest.pipeline import Overrides
from claimgraph.ledger import Ledger, browse, corrections
from claimgraph.ledger.schema import STATEMENT_TABLES
from claimgraph.serve import analysis, data
from claimgraph.serve.uploads import clean_name, results_json

DOC_REF = r"^([0-9]{1,12}|[0-9a-fA-F]{6,64})$"
KIND_PATTERN = "^(" + "|".join(STATEMENT_TABLES) + ")$"


class ErrorDetail(BaseModel):
    type: str
    status: int
    reason: str
    subject: str | None = None
    fix: str | None = None
    message: str


class ErrorBody(BaseModel):
    """The one error shape of every route."""

    error: ErrorDetail


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (400, 401, 403, 404, 409, 413, 422)}

router = APIRouter(prefix="/api", responses=ERRORS)


def ledger_of(request: Request) -> Ledger:
    return request.app.state.ledger


def actor_of(request: Request) -> str:
    token = request.state.token
    return f"web:{token.name}" if token is not None else "web:local"


LedgerDep = Annotated[Ledger, Depends(ledger_of)]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0)]
DocRef = Annotated[str, Path(pattern=DOC_REF, description="document id or sha256 prefix (6+ hex digits)")]


class StatementQuery(BaseModel):
    document: int | None = None
    source: str | None = None
    category: str | None = None
    subject: str | None = None
    place: str | None = None
    since: date | None = None
    until: date | None = None
    include_inactive: bool = False

    def filter(self) -> browse.StatementFilter:
        return browse.StatementFilter(
            document_id=self.document, source=self.source or None, category=self.category or None,
            subject=self.subject or None, place=self.place or None, since=self.since, until=self.until,
            status=["active", "superseded", "rejected"] if self.include_inactive else ["active"])


def statement_query(document: int | None = None, source: str | None = None, category: str | None = None,
                    subject: str | None = None, place: str | None = None, since: date | None = None,
                    until: date | None = None, include_inactive: bool = False) -> StatementQuery:
    return StatementQuery(document=document, source=source, category=category, subject=subject, place=place,
                          since=since, until=until, include_inactive=include_inactive)


Filters = Annotated[StatementQuery, Depends(statement_query)]


class Rejection(BaseModel):
    reason: str = Field(min_length=1, max_length=2000)


class CategoryFix(BaseModel):
    category: str
    reason: str = Field(min_length=1, max_length=2000)


class OriginFix(BaseModel):
    origin: str = Field(min_length=1, max_length=500)
    reason: str = Field(min_length=1, max_length=2000)


class SourceFix(BaseModel):
    source: str = Field(min_length=1, max_length=500)
    reason: str = Field(min_length=1, max_length=2000)


# ---------------------------------------------------------------- pages' twins


@router.get("/", summary="Dashboard: counts, latest documents and figures, newest contradictions")
def dashboard(ledger: LedgerDep) -> dict[str, Any]:
    return data.dashboard(ledger)


@router.get("/documents", summary="Documents, filtered and paginated")
def documents(ledger: LedgerDep, publisher: str | None = None, language: str | None = None,
              media_type: str | None = None, since: date | None = None, until: date | None = None,
              limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return data.documents(ledger, publisher=publisher, language=language, media_type=media_type, since=since,
                          until=until, limit=limit, offset=offset)


@router.post("/documents", summary="Upload files and/or URLs to ingest (multipart form)", status_code=201)
def upload(request: Request, ledger: LedgerDep, files: Annotated[list[UploadFile], File()] = [],  # noqa: B006
           urls: Annotated[str, Form()] = "", publisher: Annotated[str, Form()] = "",
           published: Annotated[date | None, Form()] = None,
           language: Annotated[str, Form()] = "") -> dict[str, Any]:
    payload = [(f.filename, f.file.read()) for f in files if f.filename]
    results = request.app.state.uploader.ingest(
        payload, urls.splitlines(), actor=actor_of(request),
        overrides=Overrides(publisher or None, published, language or None))
    return results_json(results)


@router.get("/documents/{ref}", summary="One document: metadata, text, pages, statements with chains, custody")
def document(ledger: LedgerDep, ref: DocRef) -> dict[str, Any]:
    return data.document_detail(ledger, ref)


@router.get("/documents/{ref}/original", summary="The original bytes, verified against their sha256",
            response_class=Response)
def original(ledger: LedgerDep, ref: DocRef, container: bool = False) -> Response:
    return original_response(ledger, ref, container)


def original_response(ledger: Ledger, ref: str, container: bool) -> Response:
    from claimgraph.model import sha256_hex

    document = ledger.document(ref)
    content = ledger.original(document.id, container=container)
    name = clean_name(document.origin.rsplit("/", 1)[-1]) or f"document-{document.id}"
    # Served as a download, never rendered: an original HTML page must not run in this origin.
    return Response(content, media_type="application/octet-stream", headers={
        "content-disposition": f'attachment; filename="{name}"', "x-content-sha256": sha256_hex(content),
        "x-original-media-type": document.media_type, "content-security-policy": "sandbox"})


@router.get("/statements", summary="Statements of one kind across documents, with filters")
def statements(ledger: LedgerDep, filters: Filters,
               kind: Annotated[str, Query(pattern=KIND_PATTERN)] = "attribution",
               limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return data.statements(ledger, kind, filters.filter(), limit=limit, offset=offset)


@router.get("/figures", summary="Figures with filters (subject, category, place, period, source)")
def figures(ledger: LedgerDep, filters: Filters, limit: Annotated[int, Query(ge=1, le=5000)] = 200,
            offset: Offset = 0) -> dict[str, Any]:
    return data.figures(ledger, filters.filter(), limit=limit, offset=offset)


@router.get("/figures/timeline", summary="Figures as chart series, one per origin")
def timeline(ledger: LedgerDep, filters: Filters) -> dict[str, Any]:
    return data.timeline(ledger, filters.filter())


@router.get("/figures.csv", summary="Figures as CSV", response_class=PlainTextResponse)
def figures_csv(ledger: LedgerDep, filters: Filters) -> Response:
    return csv_response(data.figures_csv(ledger, filters.filter()))


def csv_response(text: str) -> Response:
    return Response(text, media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": 'attachment; filename="figures.csv"'})


@router.get("/search", summary="Full-text search with facets")
def search(ledger: LedgerDep, q: str = "", publisher: str | None = None, language: str | None = None,
           year: str | None = None, source: str | None = None, category: str | None = None,
           limit: Limit = 50) -> dict[str, Any]:
    return data.search(ledger, q, publisher=publisher, language=language, year=year, source=source,
                       category=category, limit=limit)


@router.get("/items", summary="Recovered physical items with their documents and photos")
def items(ledger: LedgerDep) -> dict[str, Any]:
    return data.items(ledger)


@router.get("/custody", summary="The custody log, newest first")
def custody(ledger: LedgerDep, document: int | None = None, action: str | None = None, limit: Limit = 50,
            offset: Offset = 0) -> dict[str, Any]:
    return data.custody(ledger, document_id=document, action=action, limit=limit, offset=offset)


# ---------------------------------------------------------------- corrections


@router.post("/statements/{kind}/{statement_id}/reject", summary="Reject a wrong statement (kept, marked rejected)")
def reject(request: Request, ledger: LedgerDep, kind: Annotated[str, Path(pattern=KIND_PATTERN)],
           statement_id: int, body: Rejection) -> dict[str, Any]:
    return corrections.reject_statement(ledger, kind, statement_id, reason=body.reason, actor=actor_of(request))


@router.post("/figures/{figure_id}/category", summary="Correct a figure's category")
def figure_category(request: Request, ledger: LedgerDep, figure_id: int, body: CategoryFix) -> dict[str, Any]:
    return corrections.correct_figure_category(ledger, figure_id, body.category, reason=body.reason,
                                               actor=actor_of(request))


@router.post("/figures/{figure_id}/origin", summary="Relink a figure to the source it comes from")
def figure_origin(request: Request, ledger: LedgerDep, figure_id: int, body: OriginFix) -> dict[str, Any]:
    return corrections.correct_figure_origin(ledger, figure_id, body.origin, reason=body.reason,
                                             actor=actor_of(request))


@router.post("/attributions/{attribution_id}/source", summary="Correct an attribution's source")
def attribution_source(request: Request, ledger: LedgerDep, attribution_id: int, body: SourceFix) -> dict[str, Any]:
    return corrections.correct_attribution_source(ledger, attribution_id, body.source, reason=body.reason,
                                                  actor=actor_of(request))


# ---------------------------------------------------------------- sources and clusters (analysis layer)


class GradeBody(BaseModel):
    grade: str = Field(pattern="^[A-Fa-f]$", description="Admiralty reliability A (completely reliable) to F")
    rationale: str = Field(min_length=1, max_length=2000)


class NamedGrade(GradeBody):
    source: str = Field(min_length=1, max_length=500)


class AliasBody(BaseModel):
    variant: str = Field(min_length=1, max_length=500)


class MergeBody(BaseModel):
    into: str = Field(min_length=1, max_length=500)


@router.get("/sources", summary="Canonical sources with their reliability grades")
def sources(ledger: LedgerDep) -> dict[str, Any]:
    return analysis.sources(ledger)


@router.get("/sources/by-name", summary="A source by any of its names (also one not in the source book)")
def source_by_name(ledger: LedgerDep, name: Annotated[str, Query(min_length=1, max_length=500)]) -> dict[str, Any]:
    return analysis.source_detail(ledger, name)


@router.post("/sources/grade", summary="Grade a source named by any of its names")
def grade_by_name(request: Request, ledger: LedgerDep, body: NamedGrade) -> dict[str, Any]:
    return analysis.grade(ledger, body.source, body.grade, body.rationale, actor=actor_of(request))


@router.get("/sources/{source_id}", summary="One source: grade and history, figures, statements, citation graph")
def source(ledger: LedgerDep, source_id: int) -> dict[str, Any]:
    return analysis.source_detail(ledger, str(source_id))


@router.post("/sources/{source_id}/grade", summary="Grade a source's reliability with a rationale")
def grade_source(request: Request, ledger: LedgerDep, source_id: int, body: GradeBody) -> dict[str, Any]:
    return analysis.grade(ledger, str(source_id), body.grade, body.rationale, actor=actor_of(request))


@router.post("/sources/{source_id}/aliases", summary="Add a name (alias) to a source")
def add_alias(request: Request, ledger: LedgerDep, source_id: int, body: AliasBody) -> dict[str, Any]:
    return analysis.alias(ledger, str(source_id), body.variant, actor=actor_of(request))


@router.post("/sources/{source_id}/merge", summary="Merge a source into another")
def merge_source(request: Request, ledger: LedgerDep, source_id: int, body: MergeBody) -> dict[str, Any]:
    return analysis.merge(ledger, str(source_id), body.into, actor=actor_of(request))


@router.get("/clusters", summary="Claim clusters: agreeing figures, and statements grouped into claims")
def clusters(ledger: LedgerDep) -> dict[str, Any]:
    return analysis.clusters(ledger)


# ---------------------------------------------------------------- docs


@router.get("/docs", summary="API documentation page", response_class=HTMLResponse, include_in_schema=False)
def docs(request: Request) -> Response:
    schema = request.app.openapi()
    routes = []
    for path, methods in sorted(schema["paths"].items()):
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "type": p.get("schema", {}).get("type") or p.get("schema", {}).get("anyOf", [{}])[0].get("type"),
                       "description": p.get("description")} for p in op.get("parameters", [])]
            body = op.get("requestBody", {}).get("content", {})
            routes.append({"method": method.upper(), "path": path, "summary": op.get("summary"), "params": params,
                           "body": ", ".join(body)})
    from claimgraph.serve.app import page_context

    return request.app.state.templates.TemplateResponse(
        request, "api_docs.html", page_context(request) | {"routes": routes, "title": schema["info"]["title"],
                                                           "version": schema["info"]["version"]})


__all__ = ["router"]
