"""`moderation check`, `serve` and `explain`: the pre-publish hook, as a command and over HTTP."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from moderation.cli.app import app, errors_to_exit, say
from moderation.errors import DataError, ModerationError

CHECK_EXIT = {"publish": 0, "hold": 3, "reject": 4}


KNOWN_KEYS = ("text", "author", "article_title", "article_text", "article_url")


@app.command()
def check(
    text: Annotated[Optional[str], typer.Argument(help="The comment; omit to read stdin (plain text, or a JSON object with text, author, article_title, article_text, article_url).")] = None,
    article_title: Annotated[Optional[str], typer.Option("--article-title", help="The article's title, for stance.")] = None,
    article_text: Annotated[Optional[Path], typer.Option("--article-text", help="A file with the article's text (stance reads its start after the title).")] = None,
    author: Annotated[Optional[str], typer.Option("--author", help="The author's name or id, for the repeat and flood rules (with --state).")] = None,
    state: Annotated[Optional[Path], typer.Option("--state", help="SQLite file that remembers authors across calls, so the repeat and flood rules work one process per comment.")] = None,
    plain: Annotated[bool, typer.Option("--text", help="Stdin is plain text, even when it starts with { or [.")] = False,
    policy: Annotated[Optional[Path], typer.Option("--policy", help="Site policy TOML.")] = None,
    model_dir: Annotated[Optional[Path], typer.Option("--model", help="The shipped model (default, also called fast) or a model directory.")] = None,
    explain: Annotated[bool, typer.Option("--explain/--no-explain", help="Include the words behind each score.")] = False,
) -> None:
    """The pre-publish hook: print the decision as JSON and exit 0 publish, 3 hold, 4 reject.

    Exit 1 means no decision could be made (the caller must hold the comment); exit 2 is
    a usage error (JSON nested too deep, not an object, an unknown key, empty text, a
    field of the wrong kind). Stdin that starts with { but is not JSON is read as text.
    The repeat and flood rules remember authors only with --state (or in `serve`).

    Examples:

    \b
    moderation check "Thanks, this explains the ferry cuts well and fairly."
    echo '{"text": "Hi!", "author": "a"}' | moderation check --state s  # exits 4
    """
    import json

    payload = _stdin_payload() if text is None and not plain else {}
    if text is None:
        text = payload.get("text") if payload else sys.stdin.read() if plain else None
    from moderation.decide.moderator import Moderator, request_row

    title = article_title if article_title is not None else payload.get("article_title")
    try:
        body = article_text.read_text(encoding="utf-8") if article_text is not None else payload.get("article_text")
        row = request_row(text, author if author is not None else payload.get("author"), title, body)
    except (DataError, OSError, UnicodeDecodeError) as error:
        say(f"error: {error}")
        raise typer.Exit(2) from None
    try:
        moderator = Moderator.load(model_dir, policy)
        history = None
        if state is not None:
            from moderation.decide.state import AuthorState

            keeper = AuthorState(state)
            try:
                history = [keeper.history_reasons(moderator, row)]
            finally:
                keeper.close()
        decision = moderator.decide_many([row], explain=explain, history=history or [[]])[0]
    except ModerationError as error:
        say(f"error: could not decide, hold the comment: {error}")
        raise typer.Exit(1) from None
    typer.echo(json.dumps(decision, ensure_ascii=False))
    raise typer.Exit(CHECK_EXIT[decision["action"]] if decision["action"] else 2)


def _stdin_payload() -> dict:
    """Stdin as a JSON object (its keys checked), or {"text": ...} when it is plain text
    (including text that starts with { but is not JSON)."""
    import json

    from moderation.io import jsonlines

    raw = sys.stdin.buffer.read()
    if not raw.lstrip().startswith((b"{", b"[")):
        return {"text": raw.decode("utf-8", "replace")}
    if jsonlines.too_deep(raw):
        say(f"error: stdin: JSON nested deeper than {jsonlines.MAX_DEPTH} levels; refused")
        raise typer.Exit(2)
    try:
        parsed = json.loads(raw)
    except (ValueError, RecursionError):
        return {"text": raw.decode("utf-8", "replace")}
    if not isinstance(parsed, dict):
        say(f"error: expected a JSON object with a text field, got a JSON {type(parsed).__name__}")
        raise typer.Exit(2)
    unknown = sorted(set(parsed) - set(KNOWN_KEYS))
    if unknown:
        say(f"error: unknown key(s) {', '.join(unknown)}; known: {', '.join(KNOWN_KEYS)}")
        raise typer.Exit(2)
    return parsed


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", "-H", help="Address to listen on (-h is help, as in every command).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", min=0, max=65535, help="Port to listen on.")] = 8000,
    policy: Annotated[Optional[Path], typer.Option("--policy", help="Site policy TOML (fail_open, timeout_ms, max_request_kb...).")] = None,
    model_dir: Annotated[Optional[Path], typer.Option("--model", help="The shipped model (default, also called fast) or a model directory.")] = None,
    coral_secret: Annotated[Optional[str], typer.Option("--coral-secret", envvar="MODERATION_CORAL_SECRET", help="Coral Talk signing secret; enables POST /coral.")] = None,
    access_log: Annotated[bool, typer.Option("--access-log", help="Log one line per request on stderr (method, path, status; never the comment).")] = False,
) -> None:
    """Run the HTTP hook: POST /v1/check, POST /v1/score, GET /healthz and POST /coral.

    The model is loaded once, before the first request. A port already in use is exit 75.

    Examples:

    \b
    moderation serve -p 8000 --policy examples/policy.toml
    curl -s localhost:8000/v1/check -d '{"text": "Thanks for the clear piece."}'
    """
    with errors_to_exit():
        import uvicorn

        from moderation.decide.moderator import Moderator
        from moderation.serve import create_app

        moderator = Moderator.load(model_dir, policy)
        _port_free(host, port)
        say(f"listening on http://{host}:{port} (model {moderator.model.id}, policy {moderator.policy.hash}; "
            f"Coral endpoint {'on' if coral_secret else 'off'}; Ctrl+C stops)")  # fmt: skip
        import copy

        from uvicorn.config import LOGGING_CONFIG

        logging = copy.deepcopy(LOGGING_CONFIG)
        logging["handlers"]["access"]["stream"] = "ext://sys.stderr"  # stdout is nobody's data here, but people-talk goes to stderr
        uvicorn.run(create_app(moderator, coral_secret), host=host, port=port, log_level="info" if access_log else "warning",
                    access_log=access_log, log_config=logging)  # fmt: skip


def _port_free(host: str, port: int) -> None:
    """Refuse a port already in use before loading anything else (uvicorn would only log
    it and exit 1)."""
    import socket

    from moderation.errors import PortInUseError

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise PortInUseError(f"cannot listen on {host}:{port}: {error.strerror or error}; pick another with -p") from None


class ExplainFormat(str, Enum):
    auto = "auto"
    text = "text"
    json = "json"


@app.command("explain")
def explain_command(
    text: Annotated[str, typer.Argument(help="The comment.")],
    article_title: Annotated[Optional[str], typer.Option("--article-title", help="The article's title, for stance.")] = None,
    model_dir: Annotated[Optional[Path], typer.Option("--model", help="The shipped model (default, also called fast) or a model directory.")] = None,
    top: Annotated[int, typer.Option("--top", min=1, max=50, help="Features per label.")] = 8,
    fmt: Annotated[ExplainFormat, typer.Option("--format", "-f", help="text: a short summary; json: every label's scores and words; auto: text on a terminal, else json.")] = ExplainFormat.auto,
) -> None:
    """Show each score and the words that pushed it up or down (log-odds weights).

    Without an article title, stance is not scored (there is nothing to take a stance
    toward). An empty comment is a usage error (exit 2), as for `check`.

    Examples:

    \b
    moderation explain "You are a clueless idiot." --top 3
    moderation explain "The ferry cut hurts nurses." --article-title Ferry -f json
    """
    import json

    if not text.strip():
        say("error: empty comment text")
        raise typer.Exit(2)
    with errors_to_exit():
        import pandas as pd

        from moderation.decide.moderator import NO_ARTICLE
        from moderation.learn import bundle

        loaded = bundle.load(model_dir)
        frame = pd.DataFrame([{"text": text, "article_title": article_title or ""}])
        predictions, explanations = loaded.predict_explained(frame, explain_top=top, explain_all=True)
        out: dict = {}
        for task, (proba, labels) in predictions.items():
            if task == "stance" and not (article_title or "").strip():
                out[task] = {"scores": None, "predicted": None, "explain": None, "not_scored": NO_ARTICLE}
                continue
            out[task] = {"scores": {label: round(float(p), 4) for label, p in zip(loaded.labels(task), proba[0], strict=True)},
                         "predicted": str(labels[0]), "explain": explanations[0][task]}  # fmt: skip
        if fmt is ExplainFormat.json or (fmt is ExplainFormat.auto and not sys.stdout.isatty()):
            typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
        else:
            typer.echo(_summary(out, min(top, 4)))


def _summary(out: dict, top: int) -> str:
    """Each task's predicted label, its probability, and the words for and against it."""
    lines = []
    for task, result in out.items():
        if result["scores"] is None:
            lines.append(f"{task}: not scored ({result['not_scored']})")
            continue
        label = result["predicted"]
        weights = result["explain"].get(label) or []
        pushing = ", ".join([f"{name} {weight:+.2f}" for name, weight in weights if weight > 0][:top]) or "-"
        against = ", ".join([f"{name} {weight:+.2f}" for name, weight in weights if weight < 0][:top]) or "-"
        lines += [f"{task}: {label} ({result['scores'][label]:.2f})", f"  for:     {pushing}", f"  against: {against}"]
    return "\n".join(lines)
