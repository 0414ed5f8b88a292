"""The pre-publish hook over HTTP: our own API and Coral Talk's external moderation phase.

The model is loaded once, at start-up, and one comment decided then. Every decision runs
in a worker thread under the policy's time limit; when it fails or runs out of time, the
operator's choice applies: fail closed (hold: Coral `SYSTEM_WITHHELD`) by default, or fail
open (publish: Coral 204).
Errors in the request are 4xx with a JSON body, never a 500.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import signal
import sys
from collections.abc import AsyncIterator
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from fastapi.responses import JSONResponse, Response

from moderation.errors import DataError, ModerationError
from moderation.io import jsonlines
from moderation.decide.moderator import Moderator, request_row
from moderation.decide.language import load_detector
from moderation.decide.spam_signals import compile_all as compile_spam_patterns
from moderation.decide.threats import compile_all as compile_threat_patterns

CORAL_ACTIONS = ("NEW", "EDIT")
WARM_UP = "A comment decided at start-up, before any request, and never answered or remembered."
_SPAM_RULES = {"max_links", "repeat", "flood", "spam", "spam_signal"}
_TOXIC_RULES = {"civility", "threat", "threat_phrase", "banned_term", "suspect_term", "shouting"}
_REJECTION_CODES = {
    "civility": "ABUSIVE", "threat": "ABUSIVE", "threat_phrase": "ABUSIVE", "banned_term": "BANNED_WORD", "max_links": "SPAM", "repeat": "SPAM", "flood": "SPAM",
    "off_topic": "IRRELEVANT_CONTENT", "suspect_term": "OTHER", "shouting": "OTHER", "min_chars": "OTHER",
    "max_chars": "OTHER", "spam": "SPAM", "spam_signal": "SPAM", "personal_data": "OTHER", "language": "OTHER",
}  # fmt: skip


class RequestError(Exception):
    """Something wrong with the request: becomes a 4xx with a JSON body."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def verify_signature(secret: str, body: bytes, header: str | None) -> bool:
    """Coral's `X-Coral-Signature`: `sha256=<hex>` HMAC of the raw body; while a secret is
    rotated several signatures arrive comma-separated, and any one valid is enough."""
    if not header:
        return False
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    for part in header.split(","):
        scheme, _, digest = part.strip().partition("=")
        if scheme == "sha256" and hmac.compare_digest(digest.strip().lower(), expected):
            return True
    return False


def html_to_text(body: str) -> str:
    """Coral sends the comment body as HTML; decisions read what the reader sees."""
    if "<" not in body:
        return body
    from lxml import html as lxml_html

    try:
        fragment = lxml_html.fragment_fromstring(body, create_parent="div")
    except Exception:  # lxml raises several types on odd fragments; fall back to the raw text
        return body
    for br in fragment.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return fragment.text_content()


def coral_answer(decision: dict[str, Any]) -> tuple[int, dict[str, Any] | None]:
    """Map a decision to Coral's phase response: 204 for publish (no opinion)."""
    action = decision["action"]
    if action == "publish":
        return 204, None
    rules = [reason["rule"] for reason in decision["reasons"]]
    spam = any(rule in _SPAM_RULES for rule in rules)
    toxic = any(rule in _TOXIC_RULES for rule in rules)
    # A flag names what was detected; a comment too short, too long, in another language
    # or showing personal data is withheld or rejected for that reason, without a flag.
    flags = [{"actionType": "FLAG", "reason": "COMMENT_DETECTED_SPAM" if spam else "COMMENT_DETECTED_TOXIC"}] if spam or toxic else []
    answer: dict[str, Any] = {"status": "REJECTED" if action == "reject" else "SYSTEM_WITHHELD", "actions": flags}
    if action == "reject":
        deciding = next(reason for reason in decision["reasons"] if reason["action"] == "reject")
        answer["moderationAction"] = {
            "status": "REJECTED",
            "rejectionReason": {"code": _REJECTION_CODES.get(deciding["rule"], "OTHER"), "detailedExplanation": deciding["message"]},
        }
    return 200, answer


class Batcher:
    """Decides the comments that arrive while the previous batch is being scored, together.

    A pipeline call costs about as much for ten rows as for one, so under load requests
    are answered in batches instead of queueing one by one; when the service is idle a
    batch is a single comment after a one-millisecond wait for company. One batch runs at a time, which also keeps
    the moderator's repeat / flood memory consistent.
    """

    def __init__(self, moderator: Moderator, max_batch: int = 64, gather_seconds: float = 0.001) -> None:
        self.moderator = moderator
        self.max_batch = max_batch
        self.gather_seconds = gather_seconds
        self.queue: asyncio.Queue[tuple[dict[str, Any], bool, asyncio.Future[dict[str, Any]]]] = asyncio.Queue()

    async def decide(self, rows: list[dict[str, Any]], explain: bool = False) -> list[dict[str, Any]]:
        loop = asyncio.get_running_loop()
        futures = [loop.create_future() for _ in rows]
        for row, future in zip(rows, futures, strict=True):
            self.queue.put_nowait((row, explain, future))
        return list(await asyncio.gather(*futures))

    async def run(self) -> None:
        while True:
            batch = [await self.queue.get()]
            if self.queue.empty() and self.gather_seconds:
                # Requests that arrive together (a page of comments, a burst) are usually
                # still being read off the socket: a millisecond lets them join this batch.
                await asyncio.sleep(self.gather_seconds)
            while not self.queue.empty() and len(batch) < self.max_batch:
                batch.append(self.queue.get_nowait())
            live = [item for item in batch if not item[2].done()]  # timed-out callers are gone
            if not live:
                continue
            explain = any(item[1] for item in live)
            try:
                decisions = await asyncio.to_thread(self.moderator.decide_many, [item[0] for item in live], explain)
            except Exception as error:  # noqa: BLE001 - every waiting caller gets the failure
                for _row, _explain, future in live:
                    if not future.done():
                        future.set_exception(error)
                continue
            for (_row, _explain, future), decision in zip(live, decisions, strict=True):
                if not future.done():
                    future.set_result(decision)


def create_app(moderator: Moderator, coral_secret: str | None = None) -> FastAPI:
    """The ASGI app. `coral_secret` enables `/coral`; without it `/coral` answers 503."""
    policy = moderator.policy
    limit = policy["max_request_kb"] * 1024
    timeout = policy["timeout_ms"] / 1000
    batcher = Batcher(moderator)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # The scoring thread and the event loop share the GIL; Python's default 5 ms
        # switch interval would add up to 5 ms to every request that arrives mid-batch.
        sys.setswitchinterval(0.0005)
        # One explained decision before the first request: the model, the libraries
        # scoring imports and each head's weights are ready then (0.1 s, measured), so the
        # first caller is not the one to run out of `timeout_ms`.
        await asyncio.to_thread(moderator.check, WARM_UP, explain=True)
        # What the warm-up comment does not reach is loaded now too: py3langid's model (the
        # warm-up is plainly English) and every threat and spam pattern (compiled when a
        # comment first has its word), 0.3 s and 0.1 s. Four requests in a row had run out
        # of `timeout_ms` behind the first comment that needed py3langid.
        await asyncio.to_thread(load_detector)
        await asyncio.to_thread(compile_threat_patterns)
        await asyncio.to_thread(compile_spam_patterns)
        worker = asyncio.create_task(batcher.run())
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):  # no signals off the main thread / on Windows
            asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, lambda: asyncio.create_task(reload_model()))
        yield
        worker.cancel()

    async def reload_model() -> None:
        """SIGHUP: load the model directory again (an adopted model put in its place),
        check it and warm it up beside the running one, then swap it in between two
        batches: no request is dropped, and the authors' memory is kept. A model that
        fails its checks is refused in one line and the running one stays."""
        from moderation.learn.bundle import load

        try:
            fresh = await asyncio.to_thread(load, moderator.model_dir)
            await asyncio.to_thread(Moderator(policy=moderator.policy, model=fresh).check, WARM_UP, explain=True)
        except ModerationError as error:
            print(f"reload refused, still serving {moderator.model.id}: {error}", file=sys.stderr, flush=True)
            return
        moderator.replace_model(fresh)
        print(f"reloaded: now serving {fresh.id}", file=sys.stderr, flush=True)

    # No /docs or /redoc: they load their scripts from a CDN. The schema is at /openapi.json.
    app = FastAPI(title="moderation", summary="Pre-publish comment moderation", lifespan=lifespan, docs_url=None, redoc_url=None)

    async def decide_in_time(rows: list[dict[str, Any]], explain: bool = False) -> list[dict[str, Any]]:
        return await asyncio.wait_for(batcher.decide(rows, explain), timeout * max(1, len(rows) / 10))

    async def read_json(request: Request) -> tuple[bytes, Any]:
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise RequestError(413, f"request body over {policy['max_request_kb']} KiB")
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > limit:
                raise RequestError(413, f"request body over {policy['max_request_kb']} KiB")
        try:
            return body, jsonlines.loads(body, "request body")
        except DataError as error:
            raise RequestError(400, str(error)) from None

    def comment_row(item: Any) -> dict[str, Any]:
        if not isinstance(item, dict):
            raise RequestError(422, f"expected a JSON object with a text field, got {type(item).__name__}")
        try:
            return request_row(item.get("text"), item.get("author"), item.get("article_title"), item.get("article_text"))
        except DataError as error:
            raise RequestError(422, str(error)) from None

    def failed(error: BaseException) -> dict[str, Any]:
        action = "publish" if policy["fail_open"] else "hold"
        reason = "timed out" if isinstance(error, TimeoutError) else f"{type(error).__name__}: {error}"
        return {"action": action, "reasons": [{"rule": "error", "action": action, "value": None, "threshold": None,
                "message": f"no decision ({reason}); failing {'open' if policy['fail_open'] else 'closed'}"}],
                "scores": None, "error": reason, "policy_hash": policy.hash}  # fmt: skip

    @app.exception_handler(RequestError)
    async def request_error(_request: Request, error: RequestError) -> JSONResponse:
        return JSONResponse({"error": str(error)}, status_code=error.status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        # Unknown paths (404) and methods (405) answer as every other error does.
        return JSONResponse({"error": str(error.detail)}, status_code=error.status_code, headers=getattr(error, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, error: RequestValidationError) -> JSONResponse:
        return JSONResponse({"error": "; ".join(str(item.get("msg")) for item in error.errors())}, status_code=422)

    @app.get("/healthz")
    async def healthz() -> dict[str, Any]:
        return {"status": "ok", "model": moderator.model.id, "policy_hash": policy.hash}

    @app.post("/v1/check")
    async def check(request: Request) -> JSONResponse:
        _body, payload = await read_json(request)
        row = comment_row(payload)
        try:
            decision = (await decide_in_time([row], explain=bool(payload.get("explain"))))[0]
        except (TimeoutError, ModerationError, Exception) as error:  # noqa: BLE001 - fail as the operator chose
            return JSONResponse(failed(error), status_code=503)
        return JSONResponse(decision)

    @app.post("/v1/score")
    async def score(request: Request) -> JSONResponse:
        _body, payload = await read_json(request)
        items = payload.get("comments") if isinstance(payload, dict) else payload
        if not isinstance(items, list):
            raise RequestError(422, "expected a JSON array of comments, or an object with a comments array")
        rows = [comment_row(item) for item in items]
        try:
            decisions = await decide_in_time(rows, explain=False)
        except (TimeoutError, Exception) as error:  # noqa: BLE001
            return JSONResponse({"decisions": [failed(error) for _ in rows]}, status_code=503)
        return JSONResponse({"decisions": decisions})

    @app.post("/coral")
    async def coral(request: Request) -> Response:
        if not coral_secret:
            raise RequestError(503, "no Coral signing secret configured (MODERATION_CORAL_SECRET or --coral-secret)")
        body, payload = await read_json(request)
        if not verify_signature(coral_secret, body, request.headers.get("x-coral-signature")):
            raise RequestError(401, "missing or invalid X-Coral-Signature")
        if not isinstance(payload, dict):
            raise RequestError(400, "expected a JSON object")
        if payload.get("action") not in CORAL_ACTIONS:
            raise RequestError(400, f"unknown action {payload.get('action')!r}; expected NEW or EDIT")
        comment = payload.get("comment")
        if not isinstance(comment, dict) or not isinstance(comment.get("body"), str):
            raise RequestError(400, "comment.body is missing")
        text = html_to_text(comment["body"])
        if not text.strip():
            raise RequestError(422, "empty comment body")
        author = payload.get("author") if isinstance(payload.get("author"), dict) else {}
        try:
            row = request_row(text, author.get("id"))
        except DataError as error:
            raise RequestError(400, str(error)) from None
        try:
            decision = (await decide_in_time([row]))[0]
        except (TimeoutError, Exception) as error:  # noqa: BLE001
            if policy["fail_open"]:
                return Response(status_code=204)
            return JSONResponse({"status": "SYSTEM_WITHHELD", "actions": []}, headers={"X-Moderation-Error": type(error).__name__})
        status, answer = coral_answer(decision)
        return Response(status_code=204) if answer is None else JSONResponse(answer, status_code=status)

    return app
