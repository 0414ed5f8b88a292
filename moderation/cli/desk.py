"""`moderation desk`: review a queue in a browser, every decision kept as a label."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

import typer

from moderation.cli.app import app, errors_to_exit, say
from moderation.errors import UsageError

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


@app.command()
def desk(
    queue: Annotated[Optional[list[str]], typer.Argument(help="Queues or pages to score into the desk; or 'export' to write its labels (-o).", metavar="QUEUE...")] = None,
    db: Annotated[Path, typer.Option("--db", help="The desk's SQLite database (created if missing).")] = Path("desk.sqlite"),
    host: Annotated[str, typer.Option("--host", "-H", help="Address to listen on; any but localhost needs MODERATION_DESK_TOKEN.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", min=0, max=65535, help="Port to listen on.")] = 8100,
    moderator: Annotated[str, typer.Option("--moderator", help="Who the decisions are recorded as.")] = os.environ.get("USER", "moderator"),
    policy: Annotated[Optional[Path], typer.Option("--policy", help="Site policy TOML for scoring the queue.")] = None,
    model_dir: Annotated[Optional[Path], typer.Option("--model", help="The shipped model (default, accurate) or a model directory.")] = None,
    output: Annotated[Optional[str], typer.Option("-o", "--output", help="With export: the training table to write (.parquet, .csv, .jsonl).")] = None,
    force: Annotated[bool, typer.Option("--force", help="With export: replace an existing output.")] = False,
) -> None:
    """Score a queue into a database and review it in the browser: holds first, then what
    the model is least sure of; approve, reject, hold, skip or label each comment by
    button or keyboard. Every decision is a new row (nothing is overwritten); `export`
    writes the labels as a training table for `moderation train`.

    Examples:

    \\b
    moderation desk examples/queue.csv --db desk.sqlite  # serves until Ctrl+C
    moderation desk export --db desk.sqlite -o labels.parquet
    """
    with errors_to_exit():
        from moderation.desk.store import DeskStore

        queue = queue or []
        if queue[:1] == ["export"]:
            if len(queue) > 1 or output is None:
                raise UsageError("export takes no queue and needs -o FILE: moderation desk export --db DB -o labels.parquet")
            if not db.exists():
                from moderation.errors import InputMissingError

                raise InputMissingError(f"{db}: no such desk database")
            _export(DeskStore(db), output, force)
            return
        token = os.environ.get("MODERATION_DESK_TOKEN") or None
        if host not in LOCAL_HOSTS and not token:
            raise UsageError(f"--host {host} opens the desk to the network: set MODERATION_DESK_TOKEN first")
        store = DeskStore(db)
        if queue:
            say(f"{_score_into(store, queue, policy, model_dir)} comment(s) scored into {db}")
        import uvicorn

        from moderation.cli.hook import _port_free
        from moderation.desk.app import create_app

        _port_free(host, port)
        say(f"desk on http://{host}:{port}/ (database {db}, moderator {moderator}; Ctrl+C stops)")
        uvicorn.run(create_app(store, moderator, token), host=host, port=port, log_level="warning")


def _score_into(store: object, queue: list[str], policy: Path | None, model_dir: Path | None) -> int:
    from moderation.batch import frames_from_inputs, score_records
    from moderation.decide.moderator import Moderator

    moderator = Moderator.load(model_dir, policy)
    added = 0
    for chunk in score_records(frames_from_inputs(queue, 5_000), moderator, explain=True, jobs=1):
        added += store.add(chunk.records or [])  # type: ignore[attr-defined]
    return added


def _export(store: object, output: str, force: bool) -> None:
    import pandas as pd

    from moderation.io.tables import write_table

    rows = store.labelled()  # type: ignore[attr-defined]
    write_table(pd.DataFrame(rows, columns=["text", "article_title", "article_text", "group", "source", "civility", "stance",
                                            "constructive"]), output, force=force)  # fmt: skip
    say(f"{len(rows)} labelled comment(s) -> {output}")
