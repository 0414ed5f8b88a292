"""`moderation check`, `serve` and `explain`: the pre-publish hook, as a command and over HTTP."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from moderation.cli.app import app, errors_to_exit, say
from moderation.errors import ModerationError

CHECK_EXIT = {"publish": 0, "hold": 3, "reject": 4}


@app.command()
def check(
    text: Annotated[Optional[str], typer.Argument(help="The comment; omit to read stdin (plain text, or JSON with text, author, article_title, article_url).")] = None,
    policy: Annotated[Optional[Path], typer.Option("--policy", help="Site policy TOML.")] = None,
    model_dir: Annotated[Optional[Path], typer.Option("--model", help="The shipped model (default, also called fast) or a model directory.")] = None,
    explain: Annotated[bool, typer.Option("--explain/--no-explain", help="Include the words behind each score.")] = False,
) -> None:
    """The pre-publish hook: print the decision as JSON and exit 0 publish, 3 hold, 4 reject.

    Exit 1 means no decision could be made (the caller must hold the comment); exit 2 is
    a usage error (invalid JSON, not an object, empty text, a field of the wrong kind).
    """
    import json

    from moderation.errors import DataError
    from moderation.io import jsonlines

    payload: dict = {}
    if text is None:
        raw = sys.stdin.buffer.read()
        if raw.lstrip().startswith((b"{", b"[")):
            try:
                parsed = jsonlines.loads(raw, "stdin")
            except DataError as error:
                say(f"error: {error}")
                raise typer.Exit(2) from None
            if not isinstance(parsed, dict):
                say(f"error: expected a JSON object with a text field, got a JSON {type(parsed).__name__}")
                raise typer.Exit(2)
            payload = parsed
            text = payload.get("text")
        else:
            text = raw.decode("utf-8", "replace")
    from moderation.decide.moderator import Moderator, request_row

    try:
        row = request_row(text, payload.get("author"), payload.get("article_title"))
    except DataError as error:
        say(f"error: {error}")
        raise typer.Exit(2) from None
    try:
        moderator = Moderator.load(model_dir, policy)
        article = {"title": row["article_title"], "url": payload.get("article_url")}
        decision = moderator.check(text, article=article, author=row["author"], explain=explain)
    except ModerationError as error:
        say(f"error: could not decide, hold the comment: {error}")
        raise typer.Exit(1) from None
    typer.echo(json.dumps(decision, ensure_ascii=False))
    raise typer.Exit(CHECK_EXIT[decision["action"]])


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8000,
    policy: Annotated[Optional[Path], typer.Option("--policy", help="Site policy TOML (fail_open, timeout_ms, max_request_kb...).")] = None,
    model_dir: Annotated[Optional[Path], typer.Option("--model", help="The shipped model (default, also called fast) or a model directory.")] = None,
    coral_secret: Annotated[Optional[str], typer.Option("--coral-secret", envvar="MODERATION_CORAL_SECRET", help="Coral Talk signing secret; enables POST /coral.")] = None,
) -> None:
    """Run the HTTP hook: POST /v1/check, POST /v1/score, GET /healthz and POST /coral.

    The model is loaded once, before the first request.
    """
    with errors_to_exit():
        import uvicorn

        from moderation.decide.moderator import Moderator
        from moderation.serve import create_app

        moderator = Moderator.load(model_dir, policy)
        say(f"model {moderator.model.id}, policy {moderator.policy.hash}; Coral endpoint {'on' if coral_secret else 'off'}")
        uvicorn.run(create_app(moderator, coral_secret), host=host, port=port, log_level="warning")


@app.command("explain")
def explain_command(
    text: Annotated[str, typer.Argument(help="The comment.")],
    article_title: Annotated[Optional[str], typer.Option("--article-title", help="The article's title, for stance.")] = None,
    model_dir: Annotated[Optional[Path], typer.Option("--model", help="The shipped model (default, also called fast) or a model directory.")] = None,
    top: Annotated[int, typer.Option("--top", min=1, max=50, help="Features per label.")] = 8,
) -> None:
    """Show each score and the words that pushed it up or down (log-odds weights)."""
    import json

    with errors_to_exit():
        import pandas as pd

        from moderation.learn import bundle

        loaded = bundle.load(model_dir)
        frame = pd.DataFrame([{"text": text, "article_title": article_title or ""}])
        predictions, explanations = loaded.predict_explained(frame, explain_top=top, explain_all=True)
        out = {
            task: {"scores": {label: round(float(p), 4) for label, p in zip(loaded.labels(task), proba[0], strict=True)},
                   "explain": explanations[0][task]}
            for task, (proba, _labels) in predictions.items()
        }  # fmt: skip
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
