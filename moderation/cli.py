"""The `moderation` command: a thin skin over the library.

Every command calls one library function; this module only turns arguments into calls,
results into stdout, and typed errors into one line on stderr with the exit code that
`moderation.errors` documents. Heavy imports happen inside the commands so that
`--help` starts fast.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from moderation.errors import DataError, ModerationError, OutputError, UsageError

if TYPE_CHECKING:
    from collections import Counter

app = typer.Typer(
    name="moderation",
    help="Local, explainable reader-comment moderation: parse pages, train, evaluate, score.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class PageFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    json = "json"


def say(message: str) -> None:
    """People-talk goes to stderr, so stdout stays data only."""
    typer.echo(message, err=True)


@contextlib.contextmanager
def errors_to_exit() -> Iterator[None]:
    """Turn a library error into one line on stderr and its documented exit code."""
    try:
        yield
    except ModerationError as error:
        say(f"error: {error}")
        raise typer.Exit(error.exit_code) from None
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as Unix tools do.
        sys.stderr.close()
        raise typer.Exit(0) from None


def _version(value: bool) -> None:
    if value:
        from moderation import __version__

        typer.echo(f"moderation {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")] = False,
) -> None:
    """Local, explainable reader-comment moderation: parse pages, train, evaluate, score."""


@app.command()
def parse(
    pages: Annotated[list[str], typer.Argument(help="Page files (HTML or text dumps), directories to walk, or - for stdin.")],
    output: Annotated[Optional[str], typer.Option("-o", "--output", help="Write here (atomically) instead of stdout.")] = None,
    fmt: Annotated[PageFormat, typer.Option("--format", "-f", help="Output format.")] = PageFormat.jsonl,
    articles: Annotated[bool, typer.Option("--articles", help="One record per page instead of one per comment.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing output file.")] = False,
) -> None:
    """Extract reader comments and article metadata from saved pages.

    Prints one record per comment, carrying its article's fields (prefixed article_);
    with --articles, one record per page. A page that cannot be read is reported on
    stderr and the others are still written; the exit code is then 65 (66 if the
    failures were missing files only).
    """
    from moderation.parse import iter_pages

    failures: list[int] = []
    pages_read = comments_found = 0

    def records() -> Iterator[dict]:
        nonlocal pages_read, comments_found
        for result in iter_pages(pages):
            if result.page is None:
                say(f"error: {result.error}")
                failures.append(result.exit_code)
                continue
            pages_read += 1
            comments_found += len(result.page.comments)
            if articles:
                record = result.page.article.to_dict()
                record["comment_count"] = len(result.page.comments)
                yield record
            else:
                for comment in result.page.comments:
                    yield comment.to_dict()

    with errors_to_exit():
        from moderation.output import emit

        emit(records(), output, fmt.value, force=force)
    say(f"{pages_read} page(s) read, {comments_found} comment(s), {len(failures)} failed")
    if failures:
        missing_only = all(code == 66 for code in failures)
        raise typer.Exit(66 if missing_only and not pages_read else 65)


data_app = typer.Typer(help="Prepare training data.", no_args_is_help=True)
app.add_typer(data_app, name="data")


class Recipe(str, Enum):
    c3 = "c3"
    davidson = "davidson"
    olid = "olid"
    arc = "arc"
    fnc1 = "fnc1"


@data_app.command("prepare")
def data_prepare(
    recipe: Annotated[Recipe, typer.Argument(help="Which public dataset SRC holds.")],
    sources: Annotated[list[str], typer.Argument(help="The dataset's folder or files.")],
    output: Annotated[str, typer.Option("-o", "--output", help="Canonical table to write (.csv, .jsonl or .parquet).")],
    force: Annotated[bool, typer.Option("--force", help="Replace an existing output.")] = False,
) -> None:
    """Convert a public dataset to the canonical training table (see data/README.md)."""
    with errors_to_exit():
        from moderation.data import prepare, write_table

        frame = prepare(recipe.value, sources)
        write_table(frame, output, force=force)
    say(f"{recipe.value}: {len(frame)} rows -> {output}")


@app.command()
def train(
    data: Annotated[list[str], typer.Argument(help="Canonical tables (.csv, .jsonl, .parquet).")],
    output: Annotated[str, typer.Option("-o", "--output", help="Model directory to write, e.g. models/mine.")],
    tasks: Annotated[Optional[list[str]], typer.Option("--tasks", help="Train only these tasks (repeatable).")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="TOML file: c_grid, folds, balance_sources, pool_sources, n_jobs.")] = None,
    streaming: Annotated[bool, typer.Option("--streaming", help="Train out of core: read the data in chunks, hashed word n-grams, SGD; for histories larger than memory.")] = False,
    epochs: Annotated[int, typer.Option("--epochs", min=1, help="With --streaming: passes over the data.")] = 2,
    chunk_rows: Annotated[int, typer.Option("--chunk-rows", min=100, help="With --streaming: rows read at a time.")] = 20_000,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing model directory.")] = False,
) -> None:
    """Train a head for each task the data has labels for, and save the bundle atomically.

    Writes model.joblib (the fitted pipelines), scoring.joblib (the heads as scoring
    reads them, without scikit-learn), meta.json (labels, library versions, hashes,
    grouped cross-validation metrics) and a README.md model card. With --streaming the data is
    never held whole; metrics are then those of held-out groups (one in ten).
    """
    with errors_to_exit():
        from moderation import model as bundle
        from moderation.data import load_training
        from moderation.train import TrainConfig, train as train_heads

        if Path(output).exists() and not force:
            raise OutputError(f"{output} exists; pass --force to replace it")
        settings = TrainConfig()
        if config is not None:
            import tomllib

            try:
                settings = TrainConfig.from_mapping(tomllib.loads(config.read_text()))
            except (OSError, tomllib.TOMLDecodeError) as error:
                raise DataError(f"{config}: {error}") from error
        if streaming:
            if config is not None:
                raise UsageError("--config sets the in-memory path's search; --streaming does not use it")
            from moderation.streaming import train_streaming

            results = train_streaming(data, tasks, progress=say, chunk_rows=chunk_rows, epochs=epochs)
        else:
            results = train_heads(load_training(data), tasks, settings, progress=say)
        command = "moderation train " + " ".join(data) + f" -o {output}" + (f" --streaming --epochs {epochs}" if streaming else "")
        bundle.save(results, output, training_files=data, force=force, extra_meta={"command": command})
    say(f"saved {output}")


class ScoreFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    json = "json"
    parquet = "parquet"
    table = "table"


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
    model_dir: Annotated[Optional[Path], typer.Option("--model", help="Model directory (default: models/default or $MODERATION_MODEL).")] = None,
    fmt: Annotated[ScoreFormat, typer.Option("--format", "-f", help="Output format.")] = ScoreFormat.jsonl,
    sort: Annotated[SortOrder, typer.Option("--sort", help="priority: what needs a human first (holds, most uncivil first); keeps all rows in memory.")] = SortOrder.input,
    explain: Annotated[bool, typer.Option("--explain/--no-explain", help="Include the words behind each score.")] = True,
    chunk_rows: Annotated[int, typer.Option("--chunk-rows", min=1, help="Rows read and scored at a time (peak memory grows with it).")] = 5_000,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes scoring chunks in parallel; -1 = one per core, 1 = score here. Results are identical.")] = -1,
    engine: Annotated[Engine, typer.Option("--engine", help="local, or dask: score a Dask DataFrame of CSV / JSONL / Parquet files into a directory of Parquet partitions (-o).")] = Engine.local,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="With --engine dask: the address of a running Dask scheduler (default: a local cluster, one worker per core).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing output file.")] = False,
) -> None:
    """Decide publish / hold / reject for every comment, with named reasons and scores.

    Every input column is kept and action, reasons, scores (scores.TASK.LABEL),
    predicted, explain, featured, model, policy_hash, length and error are added. Rows in
    = rows out: a row that cannot be scored keeps its error. A summary goes to stderr.
    """
    from collections import Counter

    with errors_to_exit():
        from moderation.moderator import Moderator
        from moderation.output import emit, emit_bytes
        from moderation.scoring import WORKERS_FORK, Scored, frames_from_inputs, score_records

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
            from moderation.model import verify

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

        streaming_jsonl = fmt is ScoreFormat.jsonl and sort is SortOrder.input
        form = "jsonl" if streaming_jsonl else "parquet" if fmt is ScoreFormat.parquet and sort is SortOrder.input else "records"
        chunks = _with_progress(score_records(frames, moderator, explain, jobs, form=form))

        def counted(chunks: Iterator[Scored]) -> Iterator[Scored]:
            for chunk in chunks:
                actions.update(chunk.actions)
                rules.update(chunk.rules)
                yield chunk

        if streaming_jsonl:
            # Worker processes wrote the lines; this process only copies them out.
            emit_bytes((chunk.lines or b"" for chunk in counted(chunks)), output, force=force)
            _summary(actions, rules)
            return
        rows = (record for chunk in counted(chunks) for record in chunk.records or [])
        if sort is SortOrder.priority:
            rows = iter(sorted(rows, key=_priority, reverse=True))
        if fmt is ScoreFormat.table:
            _print_table(rows)
        elif fmt is ScoreFormat.parquet:
            from moderation.output import write_parquet

            if output in (None, "-"):
                raise OutputError("parquet needs -o FILE")
            write_parquet(rows, output, force=force, prepared=form == "parquet")
        else:
            emit(rows, output, fmt.value, force=force)
    _summary(actions, rules)


def _summary(actions: Counter[str], rules: Counter[str], suffix: str = "") -> None:
    summary = ", ".join(f"{action} {count}" for action, count in sorted(actions.items()))
    reasons = f"; reasons: {', '.join(f'{r} {n}' for r, n in rules.most_common())}" if rules else ""
    say(f"{sum(actions.values())} row(s): {summary or 'none'}{reasons}{suffix}")


def _priority(record: dict) -> tuple[int, float]:
    rank = {"hold": 3, "reject": 2, "publish": 1}.get(record.get("action") or "", 4)
    uncivil = ((record.get("scores") or {}).get("civility") or {}).get("uncivil") or 0.0
    return rank, uncivil


def _with_progress(frames: Iterator) -> Iterator:
    """A progress line on stderr for long runs, when a person is watching."""
    if not sys.stderr.isatty():
        yield from frames
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    # Redrawn once per chunk, not by rich's refresh thread: `score --jobs` forks its
    # workers inside this loop, and a thread holding stderr's lock at that moment would
    # leave that lock held in every worker.
    with Progress(SpinnerColumn(), TextColumn("{task.completed:,} rows"), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True, auto_refresh=False) as progress:  # fmt: skip
        task = progress.add_task("scoring")
        progress.refresh()
        for chunk in frames:
            yield chunk
            progress.advance(task, len(chunk))
            progress.refresh()


def _print_table(rows: Iterator[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table("action", "uncivil", "author", "text", "reasons")
    for record in rows:
        uncivil = ((record.get("scores") or {}).get("civility") or {}).get("uncivil")
        text = str(record.get("text") or "")
        table.add_row(str(record.get("action") or record.get("error")), "" if uncivil is None else f"{uncivil:.2f}",
                      str(record.get("author") or ""), text[:80] + ("…" if len(text) > 80 else ""),
                      "; ".join(reason["message"] for reason in record.get("reasons") or []))  # fmt: skip
    Console().print(table)


CHECK_EXIT = {"publish": 0, "hold": 3, "reject": 4}


@app.command()
def check(
    text: Annotated[Optional[str], typer.Argument(help="The comment; omit to read stdin (plain text, or JSON with text, author, article_title, article_url).")] = None,
    policy: Annotated[Optional[Path], typer.Option("--policy", help="Site policy TOML.")] = None,
    model_dir: Annotated[Optional[Path], typer.Option("--model", help="Model directory.")] = None,
    explain: Annotated[bool, typer.Option("--explain/--no-explain", help="Include the words behind each score.")] = False,
) -> None:
    """The pre-publish hook: print the decision as JSON and exit 0 publish, 3 hold, 4 reject.

    Exit 1 means no decision could be made (the caller must hold the comment); exit 2 is
    a usage error (invalid JSON, not an object, empty text, a field of the wrong kind).
    """
    import json

    payload: dict = {}
    if text is None:
        raw = sys.stdin.read()
        if raw.lstrip().startswith(("{", "[")):
            try:
                parsed = json.loads(raw)
            except ValueError as error:
                say(f"error: invalid JSON on stdin: {error}")
                raise typer.Exit(2) from None
            if not isinstance(parsed, dict):
                say(f"error: expected a JSON object with a text field, got a JSON {type(parsed).__name__}")
                raise typer.Exit(2)
            payload = parsed
            text = payload.get("text")
        else:
            text = raw
    from moderation.moderator import Moderator, request_row

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
    model_dir: Annotated[Optional[Path], typer.Option("--model", help="Model directory.")] = None,
    coral_secret: Annotated[Optional[str], typer.Option("--coral-secret", envvar="MODERATION_CORAL_SECRET", help="Coral Talk signing secret; enables POST /coral.")] = None,
) -> None:
    """Run the HTTP hook: POST /v1/check, POST /v1/score, GET /healthz and POST /coral.

    The model is loaded once, before the first request.
    """
    with errors_to_exit():
        import uvicorn

        from moderation.moderator import Moderator
        from moderation.serve import create_app

        moderator = Moderator.load(model_dir, policy)
        say(f"model {moderator.model.id}, policy {moderator.policy.hash}; Coral endpoint {'on' if coral_secret else 'off'}")
        uvicorn.run(create_app(moderator, coral_secret), host=host, port=port, log_level="warning")


@app.command("explain")
def explain_command(
    text: Annotated[str, typer.Argument(help="The comment.")],
    article_title: Annotated[Optional[str], typer.Option("--article-title", help="The article's title, for stance.")] = None,
    model_dir: Annotated[Optional[Path], typer.Option("--model", help="Model directory.")] = None,
    top: Annotated[int, typer.Option("--top", min=1, max=50, help="Features per label.")] = 8,
) -> None:
    """Show each score and the words that pushed it up or down (log-odds weights)."""
    import json

    with errors_to_exit():
        import pandas as pd

        from moderation import model as bundle

        loaded = bundle.load(model_dir)
        frame = pd.DataFrame([{"text": text, "article_title": article_title or ""}])
        predictions, explanations = loaded.predict_explained(frame, explain_top=top, explain_all=True)
        out = {
            task: {"scores": {label: round(float(p), 4) for label, p in zip(loaded.labels(task), proba[0], strict=True)},
                   "explain": explanations[0][task]}
            for task, (proba, _labels) in predictions.items()
        }  # fmt: skip
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))


@app.command()
def evaluate(
    model_dir: Annotated[Path, typer.Argument(help="Model directory.")],
    data: Annotated[list[str], typer.Argument(help="Labelled canonical tables.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Report directory to write.")],
    force: Annotated[bool, typer.Option("--force", help="Replace an existing report directory.")] = False,
) -> None:
    """Metrics, a Markdown report and PNG plots for a model on labelled data."""
    with errors_to_exit():
        from moderation import model as bundle
        from moderation.data import load_training
        from moderation.errors import OutputError
        from moderation.evaluate import evaluate as run, write_report

        if output.exists() and any(output.iterdir()) and not force:
            raise OutputError(f"{output} exists; pass --force to replace it")
        loaded = bundle.load(model_dir)
        results, raw = run(loaded, load_training(data))
        write_report(results, raw, output, loaded.id)
    for task, metrics in results.items():
        extra = "".join(f" {key}={metrics[key]:.3f}" for key in ("roc_auc", "fnc_weighted_score") if key in metrics)
        say(f"{task}: rows={metrics['rows']} accuracy={metrics['accuracy']:.3f} macro_f1={metrics['macro_f1']:.3f}{extra}")
    say(f"report in {output}")


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
