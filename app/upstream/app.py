"""The platform reference service over HTTP (FastAPI): keys, packages, results and resumable uploads.

Every refusal answers `{"error": code, "message": sentence, "offset": n|null}`: 400 a missing or
malformed Idempotency-Key, 403 an unknown site or a bad signature, 404 nothing there, 409 the key
reused for other content or an offset that is not the acknowledged one (`offset` says where the
platform is), 413 too large, 422 a malformed or undecryptable delivery. docs/sync.md has the protocol.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Header, Path, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from app import __version__
from app.i18n import tr
from app.upstream.platform import KEY_PATTERN, MAX_CHUNK, MAX_RESULTS, Platform, PlatformError

log = logging.getLogger("examsite.upstream")
KEY = KEY_PATTERN.pattern
HEX64 = r"^[0-9a-f]{64}$"
BINARY = {"requestBody": {"required": True, "content": {"application/octet-stream": {
    "schema": {"type": "string", "format": "binary"}}}}}


class ErrorAnswer(BaseModel):
    error: str
    message: str
    offset: int | None = None


class ReceiptDocument(BaseModel):
    receipt: dict
    signature: str


class UploadRequest(BaseModel):
    idempotency_key: str = Field(pattern=KEY)
    site_id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
    kind: str = Field(max_length=32)
    subject: str = Field(max_length=200)
    name: str = Field(max_length=200)
    size: int = Field(ge=0, le=1 << 40)
    sha256: str = Field(pattern=HEX64)
    content_size: int = Field(ge=0, le=1 << 40)
    content_sha256: str = Field(pattern=HEX64)
    signature: str = Field(pattern=r"^[0-9a-f]{128}$")


class UploadState(BaseModel):
    idempotency_key: str
    size: int
    offset: int
    complete: bool
    receipt_document: ReceiptDocument | None


class Offset(BaseModel):
    offset: int


class PlatformKeys(BaseModel):
    format: str
    label: str
    url: str
    signing_public: str
    encryption_public: str
    fingerprint: str
    issuer_public: str


class PackageEntry(BaseModel):
    package_id: str
    site_id: str
    sha256: str
    size: int


def _errors(*statuses: int) -> dict:
    return {status: {"model": ErrorAnswer} for status in statuses}


def create_app(platform: Platform, *, public_url: str = "") -> FastAPI:
    app = FastAPI(title="ExamSite platform reference service", version=__version__,
                  description="The provincial platform's side of exam packages and result deliveries (docs/sync.md).")
    app.state.platform = platform

    @app.exception_handler(PlatformError)
    async def refused(request: Request, exc: PlatformError) -> JSONResponse:
        return JSONResponse({"error": exc.code, "message": exc.message, "offset": exc.offset}, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def malformed(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()))
        return JSONResponse({"error": "malformed", "message": tr("The request is malformed at {where}.", where=where),
                             "offset": None}, status_code=422)

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return JSONResponse({"error": "internal", "message": tr("The platform hit an internal error."),
                             "offset": None}, status_code=500)

    @app.get("/v1/platform", response_model=PlatformKeys)
    def keys() -> dict:
        """The platform's public keys: receipts are verified with `signing_public`, deliveries sealed to
        `encryption_public`, packages signed by `issuer_public`."""
        return platform.public_json(public_url)

    @app.get("/v1/sites/{site_id}/packages", response_model=list[PackageEntry], responses=_errors(422))
    def packages(site_id: str = Path(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$", max_length=64)) -> list[dict]:
        return platform.packages_for(site_id)

    @app.get("/v1/packages/{package_id}", response_class=FileResponse, responses={
        200: {"content": {"application/octet-stream": {}}}, **_errors(404, 422)})
    def package(package_id: str = Path(pattern=r"^[0-9a-f-]{36}$")):
        path = platform.package_path(package_id)
        if path is None:
            raise PlatformError(tr("There is no package {package}.", package=package_id), status=404,
                                code="no_package")
        return FileResponse(path, media_type="application/octet-stream", filename=path.name)

    @app.post("/v1/results", response_model=ReceiptDocument, status_code=201, openapi_extra=BINARY,
              responses={200: {"model": ReceiptDocument, "description": "a repeat: the stored receipt"},
                         **_errors(400, 403, 409, 413, 422)})
    async def results(request: Request, response: Response,
                      idempotency_key: str = Header(alias="Idempotency-Key", pattern=KEY)) -> dict:
        """Receive a sealed results package; answer with the platform's signed receipt."""
        body = await _body(request, MAX_RESULTS)
        receipt, created = await run_in_threadpool(platform.receive_results, idempotency_key, body)
        response.status_code = 201 if created else 200
        return receipt.to_json()

    @app.post("/v1/uploads", response_model=UploadState, status_code=201,
              responses={200: {"model": UploadState, "description": "already known: its state"},
                         **_errors(400, 403, 409, 422)})
    def create_upload(upload: UploadRequest, response: Response,
                      idempotency_key: str = Header(alias="Idempotency-Key", pattern=KEY)) -> dict:
        """Register a resumable upload of a sealed file, signed by the site."""
        if upload.idempotency_key != idempotency_key:
            raise PlatformError(tr("The Idempotency-Key header and the upload record differ."), status=400,
                                code="bad_key")
        state, created = platform.create_upload(idempotency_key, upload.model_dump())
        response.status_code = 201 if created else 200
        return state

    @app.head("/v1/uploads/{key}", responses={
        200: {"description": "the acknowledged offset in the Upload-Offset header",
              "headers": {"Upload-Offset": {"schema": {"type": "integer"}}}}, 404: {"description": "no such upload"},
        422: {"description": "malformed key"}})
    def upload_offset(key: str = Path(pattern=KEY)) -> Response:
        state = platform.upload_state(key)
        if state is None:
            return Response(status_code=404)
        return Response(status_code=200, headers={"Upload-Offset": str(state["offset"]), "Cache-Control": "no-store"})

    @app.get("/v1/uploads/{key}", response_model=UploadState, responses=_errors(404, 422))
    def upload_state(key: str = Path(pattern=KEY)) -> dict:
        state = platform.upload_state(key)
        if state is None:
            raise PlatformError(tr("There is no upload {key}.", key=key), status=404, code="no_upload")
        return state

    @app.patch("/v1/uploads/{key}", response_model=Offset, responses=_errors(404, 409, 413, 422),
               openapi_extra=BINARY)
    async def append(request: Request, key: str = Path(pattern=KEY),
                     upload_offset: int = Header(alias="Upload-Offset", ge=0),
                     chunk_sha256: str = Header(alias="Chunk-SHA256", pattern=HEX64)) -> dict:
        """Append one chunk at the acknowledged offset; answers the new offset once it is on disk."""
        body = await _body(request, MAX_CHUNK)
        return {"offset": await run_in_threadpool(platform.append_chunk, key, upload_offset, body, chunk_sha256)}

    @app.post("/v1/uploads/{key}/complete", response_model=ReceiptDocument, status_code=201,
              responses={200: {"model": ReceiptDocument, "description": "a repeat: the stored receipt"},
                         **_errors(404, 409, 422)})
    def complete(response: Response, key: str = Path(pattern=KEY)) -> dict:
        """Check, decrypt and store the uploaded file; answer with the signed receipt."""
        receipt, created = platform.complete_upload(key)
        response.status_code = 201 if created else 200
        return receipt.to_json()

    return app


async def _body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise PlatformError(tr("The request is too large."), status=413, code="too_large")
    chunks, total = [], 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > limit:
            raise PlatformError(tr("The request is too large."), status=413, code="too_large")
        chunks.append(chunk)
    return b"".join(chunks)
