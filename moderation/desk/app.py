"""The desk's web page and its small JSON API (FastAPI, Jinja2 templates, a little plain
JavaScript; nothing loaded from the network).

Every comment, author and title is untrusted: the templates escape everything
(autoescape), the explanation tints are computed here and passed as numbers, and the
page's script only ever sets `textContent`. Actions are JSON requests that must carry the
page's CSRF token in a header (a form on another site cannot set one). Off localhost
the desk needs `MODERATION_DESK_TOKEN`: visiting `/?token=...` once sets a cookie, and
every request without it is refused.
"""

from __future__ import annotations

import hmac
import re
import secrets
import threading
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from moderation.desk.store import ACTIONS, LABELS, Conflict, DeskBusyError, DeskStore

TEMPLATES = Path(__file__).resolve().parent / "templates"
_WORD = re.compile(r"\w+|\W+")


def tinted(text: str, explain: Any) -> list[tuple[str, float]]:
    """The comment as (piece, weight) pairs: each word with how much it pushed the
    incivility score (the civility head's explanation), for the page to tint."""
    weights: dict[str, float] = {}
    for name, weight in ((explain or {}).get("civility") or {}).get("uncivil") or []:
        word = str(name).strip("'").casefold()
        if word and not word.startswith("["):
            weights[word] = max(-3.0, min(3.0, float(weight)))
    return [(piece, weights.get(piece.casefold(), 0.0)) for piece in _WORD.findall(text or "")]


def article_summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """An article's comments counted by the model's action and by predicted stance, and
    how many a moderator has reviewed."""
    from collections import Counter

    return {"comments": len(rows), "actions": dict(Counter(row["action"] or "error" for row in rows)),
            "stance": dict(Counter((row["predicted"] or {}).get("stance") or "not scored" for row in rows)),
            "reviewed": sum(1 for row in rows if row["decision"] is not None)}  # fmt: skip


def article_png(rows: list[dict[str, Any]]) -> bytes:
    """The article's stance distribution and civility histogram, drawn here (no chart
    library from the network)."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    summary = article_summary(rows)
    uncivil = [((row["scores"] or {}).get("civility") or {}).get("uncivil") for row in rows]
    figure, (left, right) = plt.subplots(1, 2, figsize=(9, 3.2), constrained_layout=True)
    left.bar(list(summary["stance"]), list(summary["stance"].values()), color="#2a6fdb")
    left.set_title("stance toward the article", fontsize=10)
    left.tick_params(axis="x", labelsize=8)
    right.hist([value for value in uncivil if value is not None], bins=10, range=(0, 1), color="#b3261e")
    right.set_title("incivility scores", fontsize=10)
    right.set_xlabel("probability uncivil")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    plt.close(figure)
    return buffer.getvalue()


def suspects(rows: list[dict[str, Any]], task: str = "civility") -> list[dict[str, Any]]:
    """The reviewed comments whose `task` label looks wrong next to the model's scores
    (`learn.confident`), most confident first, each with the label the model would give."""
    import numpy as np

    from moderation.learn.confident import likely_mislabelled

    usable = [row for row in rows if task in row["labels"] and (row["scores"] or {}).get(task)]
    if not usable:
        return []
    classes = list(usable[0]["scores"][task])
    proba = np.asarray([[row["scores"][task].get(label, 0.0) for label in classes] for row in usable])
    found = likely_mislabelled([row["labels"][task] for row in usable], proba, classes)
    return [{**usable[row], "model_label": label, "margin": margin} for row, label, margin in found]


def create_app(store: DeskStore, moderator: str = "moderator", token: str | None = None) -> FastAPI:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    templates = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True))
    csrf = secrets.token_urlsafe(24)
    lock = threading.Lock()
    app = FastAPI(title="moderation desk", docs_url=None, redoc_url=None, openapi_url=None)

    def allowed(request: Request) -> bool:
        return token is None or hmac.compare_digest(request.cookies.get("desk_token", ""), token)

    @app.middleware("http")
    async def guard(request: Request, call_next: Any) -> Any:
        if token is not None and request.url.path == "/" and request.query_params.get("token"):
            if hmac.compare_digest(request.query_params["token"], token):
                response = RedirectResponse("/", status_code=303)
                response.set_cookie("desk_token", token, httponly=True, samesite="strict")
                return response
        if not allowed(request):
            return JSONResponse({"error": "this desk needs its token: open /?token=... once"}, status_code=401)
        if request.method == "POST" and not hmac.compare_digest(request.headers.get("x-csrf-token", ""), csrf):
            return JSONResponse({"error": "missing or wrong CSRF token: reload the page"}, status_code=403)
        return await call_next(request)

    @app.exception_handler(_BadRequest)
    async def bad_request(_request: Request, _error: _BadRequest) -> JSONResponse:
        return JSONResponse({"error": "expected a JSON object with comment_id and kind"}, status_code=400)

    @app.get("/", response_class=HTMLResponse)
    def queue(request: Request, action: str | None = None, q: str | None = None, show: str = "open") -> HTMLResponse:
        reviewed = {"open": False, "done": True}.get(show)
        with lock:
            rows = store.queue(action=action or None, search=q or None, reviewed=reviewed, limit=100)
        for row in rows:
            row["pieces"] = tinted(row["text"], row["explain"])
        page = templates.get_template("queue.html").render(
            rows=rows, csrf=csrf, moderator=moderator, actions=ACTIONS, labels=LABELS, action=action or "", q=q or "", show=show)
        return HTMLResponse(page)

    @app.post("/api/decide")
    async def decide(request: Request) -> JSONResponse:
        body = await _json(request)
        try:
            with lock:
                if body.get("kind") == "undo":
                    row = store.undo(int(body["comment_id"]), moderator, seen=_seen(body))
                else:
                    row = store.decide(int(body["comment_id"]), str(body.get("kind")), body.get("value"), moderator,
                                       reason=body.get("reason"), seen=_seen(body))  # fmt: skip
        except Conflict as error:
            return JSONResponse({"error": str(error)}, status_code=409)
        except DeskBusyError as error:  # another process holds the database: nothing written, try again
            return JSONResponse({"error": str(error)}, status_code=503)
        except KeyError:
            return JSONResponse({"error": "no such comment"}, status_code=404)
        except (ValueError, TypeError) as error:
            return JSONResponse({"error": str(error)}, status_code=422)
        return JSONResponse({"comment_id": row["id"], "decision": row["decision"], "labels": row["labels"], "seen": row["seen"]})

    @app.get("/articles", response_class=HTMLResponse)
    def articles() -> HTMLResponse:
        with lock:
            rows = store.articles()
        return HTMLResponse(templates.get_template("articles.html").render(rows=rows))

    @app.get("/article", response_class=HTMLResponse)
    def article(title: str | None = None) -> HTMLResponse:
        with lock:
            rows = store.article(title or None)
        summary = article_summary(rows)
        return HTMLResponse(templates.get_template("article.html").render(title=title, summary=summary))

    @app.get("/article.png")
    def article_plot(title: str | None = None) -> Response:
        with lock:
            rows = store.article(title or None)
        return Response(article_png(rows), media_type="image/png")

    @app.get("/second-look", response_class=HTMLResponse)
    def second_look() -> HTMLResponse:
        with lock:
            rows = store.reviewed()
        return HTMLResponse(templates.get_template("second_look.html").render(rows=suspects(rows)))

    @app.get("/api/comments/{comment_id}/history")
    def history(comment_id: int) -> JSONResponse:
        with lock:
            return JSONResponse(store.history(comment_id))

    return app


async def _json(request: Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        body = None
    if not isinstance(body, dict) or "comment_id" not in body:
        raise _BadRequest()
    return body


class _BadRequest(Exception):
    pass


def _seen(body: dict[str, Any]) -> int | None:
    seen = body.get("seen")
    return int(seen) if isinstance(seen, int) else None
