"""`moderation score`: a decision for every row of a queue or every comment of pages."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from moderation.cli.app import app, errors_to_exit, progress_line, say

if TYPE_CHECKING:
    from collections import Counter

from moderation.errors import UsageError


class ScoreFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    json = "json"
    parquet = "parquet"
    tsv = "tsv"
    table = "table"
    markdown = "markdown"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class SortOrder(str, Enum):
    input = "input"
    priority = "priority"


@app.command()
def score(
    inputs: Annotated[list[str], typer.Argument(help="Queues (.csv, .jsonl, .parquet) with a text column, or pages / directories of pages; - reads a JSON Lines queue from stdin.")],
    output: Annotated[Optional[str], typer.Option("-o", "--output", help="Write here (atomically) instead of stdout.")] = None,
    policy: Annotated[Optional[Path], typer.Option("--policy", help="Site policy TOML (default: built-in defaults).")] = None,
    model_dir: Annotated[Optional[Path], typer.Option("--model", help="The shipped model (default, also called fast) or a model directory (default: $MODERATION_MODEL, else default).")] = None,
    fmt: Annotated[Optional[ScoreFormat], typer.Option("--format", "-f", help="Output format (default: from -o's extension, else jsonl).")] = None,
    sort: Annotated[SortOrder, typer.Option("--sort", help="priority: what needs a human first (holds, most uncivil first); keeps all rows in memory.")] = SortOrder.input,
    explain: Annotated[bool, typer.Option("--explain/--no-explain", help="Include the words behind each score.")] = True,
    chunk_rows: Annotated[int, typer.Option("--chunk-rows", min=1, help="Rows read and scored at a time (peak memory grows with it).")] = 5_000,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes scoring chunks in parallel; -1 = one per core, 1 = score here. Results are identical.")] = -1,
    engine: Annotated[Engine, typer.Option("--engine", help="local, or dask: score a Dask DataFrame of CSV / JSONL / Parquet files into a directory of Parquet partitions (-o).")] = Engine.local,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="With --engine dask: the address of a running Dask scheduler (default: a local cluster, one worker per core).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing output file.")] = False,
    status: Annotated[Optional[list[str]], typer.Option("--status", help="Score only comments with this status (approved, pending, spam, trash; repeatable): pending is what still waits for a moderator in an export.")] = None,
) -> None:
    """Decide publish / hold / reject for every comment, with named reasons and scores.

    Every input column is kept and action, reasons, scores (scores.TASK.LABEL),
    predicted, explain, featured, model, policy_hash, length and error are added. Rows in
    = rows out: a row that cannot be scored keeps its error. A summary goes to stderr.

    Examples:

    \b
    moderation score examples/queue.csv -o scored.csv
    moderation score seeds/ --policy examples/policy.toml --format table
    """
    from collections import Counter

    with errors_to_exit():
        from moderation.batch import (
            WORKERS_FORK,
            Scored,
            frames_from_inputs,
            score_records,
            with_status,
        )
        from moderation.decide.moderator import Moderator
        from moderation.io.output import emit, emit_bytes, output_format

        if engine is Engine.local:
            fmt = ScoreFormat(output_format(output, fmt.value if fmt else None, tuple(item.value for item in ScoreFormat)))
        if engine is Engine.dask:
            if output in (None, "-"):
                raise UsageError("--engine dask writes a directory of Parquet partitions: pass -o DIR")
            if sort is not SortOrder.input:
                raise UsageError("--engine dask keeps the input order; sort the output afterwards")
        if jobs == 0:
            raise UsageError("--jobs 0 means nothing: 1 scores here, -1 starts one worker per core")
        moderator = Moderator.load(model_dir, policy)
        # A model that fails its checks is refused before any output. Workers that do not
        # fork load their own copy, so with them this process only checks it.
        if engine is Engine.local and jobs != 1 and not WORKERS_FORK:
            from moderation.learn.bundle import verify

            verify(model_dir)
        else:
            moderator.model  # noqa: B018
        if engine is Engine.dask:
            from moderation.dask_engine import score_dask

            model_path = str(moderator.model.path) if moderator.model.path is not None else None
            actions = score_dask(inputs, output, model_path, moderator.policy, explain, scheduler, force)
            _summary(actions, Counter(), f"; written to {output}")
            return
        actions: Counter[str] = Counter()
        rules: Counter[str] = Counter()
        frames = frames_from_inputs(inputs, chunk_rows)
        skipped: Counter[str] = Counter()
        if status:
            frames = with_status(frames, _statuses(status), skipped)

        streaming_jsonl = fmt is ScoreFormat.jsonl and sort is SortOrder.input
        form = "jsonl" if streaming_jsonl else "parquet" if fmt is ScoreFormat.parquet and sort is SortOrder.input else "records"
        chunks = _with_progress(score_records(frames, moderator, explain, jobs, form=form), inputs)

        def counted(chunks: Iterator[Scored]) -> Iterator[Scored]:
            for chunk in chunks:
                actions.update(chunk.actions)
                rules.update(chunk.rules)
                yield chunk

        if streaming_jsonl:
            # Worker processes wrote the lines; this process only copies them out.
            emit_bytes((chunk.lines or b"" for chunk in counted(chunks)), output, force=force)
            _summary(actions, rules, _skipped(skipped))
            return
        rows = (record for chunk in counted(chunks) for record in chunk.records or [])
        if sort is SortOrder.priority:
            rows = iter(sorted(rows, key=_priority, reverse=True))
        if fmt is ScoreFormat.table:
            _print_table(rows)
        elif fmt is ScoreFormat.markdown:
            _print_markdown(rows, output, force)
        elif fmt is ScoreFormat.parquet:
            from moderation.io.output import write_parquet

            assert output not in (None, "-")  # output_format refused Parquet to stdout
            if form != "parquet":  # sorted first: flattened here, as the workers flatten otherwise
                from moderation.io.output import flat_decision

                labels = moderator.model.task_labels()  # once, not per row
                rows = (flat_decision(row, labels) for row in rows)
            write_parquet(rows, output, force=force, prepared=form == "parquet")
        else:
            if fmt in (ScoreFormat.csv, ScoreFormat.tsv):
                from moderation.io.output import flat_decision

                labels = moderator.model.task_labels()  # once, not per row
                rows = (flat_decision(row, labels) for row in rows)
            emit(rows, output, fmt.value, force=force)
    _summary(actions, rules, _skipped(skipped))


def _statuses(values: list[str]) -> set[str]:
    from moderation.parse.exports import STATUSES

    unknown = sorted(set(values) - set(STATUSES))
    if unknown:
        raise UsageError(f"--status {', '.join(unknown)}: not a status; use {', '.join(STATUSES)}")
    return set(values)


def _skipped(skipped: Counter[str]) -> str:
    if not skipped:
        return ""
    return "; left out by --status: " + ", ".join(f"{status} {count}" for status, count in sorted(skipped.items()))


def _summary(actions: Counter[str], rules: Counter[str], suffix: str = "") -> None:
    summary = ", ".join(f"{action} {count}" for action, count in sorted(actions.items()))
    reasons = f"; reasons: {', '.join(f'{r} {n}' for r, n in rules.most_common())}" if rules else ""
    say(f"{sum(actions.values())} row(s): {summary or 'none'}{reasons}{suffix}")


def _priority(record: dict) -> tuple[int, float]:
    rank = {"hold": 3, "reject": 2, "publish": 1}.get(record.get("action") or "", 4)
    uncivil = ((record.get("scores") or {}).get("civility") or {}).get("uncivil") or 0.0
    return rank, uncivil


def _with_progress(frames: Iterator, inputs: list[str]) -> Iterator:
    """The chunks, with a progress line (rows, rate, time left) while a person watches."""
    from moderation.batch import estimate_rows

    with progress_line(estimate_rows(inputs) if sys.stderr.isatty() else None, "rows") as advance:
        for chunk in frames:
            yield chunk
            advance(len(chunk))


TABLE_COLUMNS = ("id", "action", "civility", "stance", "constructive", "featured", "reason", "text")


def table_rows(rows: Iterator[dict]) -> Iterator[list[str]]:
    """What a person reads of each decision: its id, the action, the three predicted
    labels, whether it is a candidate to feature, the main reason and the start of the text."""
    for record in rows:
        predicted = record.get("predicted") or {}
        reasons = record.get("reasons") or []
        text = " ".join(str(record.get("text") or "").split())
        yield [str(record.get("id") or record.get("comment_id") or ""), str(record.get("action") or "error"),
               str(predicted.get("civility") or ""), str(predicted.get("stance") or ""), str(predicted.get("constructive") or ""),
               "yes" if record.get("featured") else "", reasons[0]["message"] if reasons else str(record.get("error") or ""),
               text[:60] + ("…" if len(text) > 60 else "")]  # fmt: skip


def _print_table(rows: Iterator[dict]) -> None:
    """A table for people: boxed on a terminal, plain columns on a pipe."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(*TABLE_COLUMNS, box=box.SQUARE if console.is_terminal else None, show_edge=console.is_terminal)
    for cells in table_rows(rows):
        table.add_row(*cells)
    console.print(table)


def _print_markdown(rows: Iterator[dict], output: str | None, force: bool) -> None:
    """The same columns as a Markdown table (for an issue, a wiki, a report)."""
    from moderation.io.output import output_stream

    def cell(value: str) -> str:
        return value.replace("|", "\\|").replace("\n", " ")

    with output_stream(output, force) as stream:
        stream.write("| " + " | ".join(TABLE_COLUMNS) + " |\n|" + "---|" * len(TABLE_COLUMNS) + "\n")
        for cells in table_rows(rows):
            stream.write("| " + " | ".join(cell(value) for value in cells) + " |\n")
