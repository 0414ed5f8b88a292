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
from typing import Annotated, Optional

import typer

from moderation.errors import ModerationError

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
    config: Annotated[Optional[Path], typer.Option("--config", help="TOML file: c_grid, folds, balance_sources.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing model directory.")] = False,
) -> None:
    """Train a head for each task the data has labels for, and save the bundle atomically.

    Writes model.joblib, meta.json (labels, library versions, hashes, grouped
    cross-validation metrics) and a README.md model card.
    """
    with errors_to_exit():
        from moderation import model as bundle
        from moderation.data import load_training
        from moderation.errors import DataError, OutputError
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
        frame = load_training(data)
        results = train_heads(frame, tasks, settings, progress=say)
        command = "moderation train " + " ".join(data) + f" -o {output}"
        bundle.save(results, output, training_files=data, force=force, extra_meta={"command": command})
    say(f"saved {output}")


class ScoreFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    json = "json"


@app.command()
def score(
    inputs: Annotated[list[str], typer.Argument(help="Tables (.csv, .jsonl, .parquet) with a text column, or pages / directories of pages.")],
    output: Annotated[Optional[str], typer.Option("-o", "--output", help="Write here (atomically) instead of stdout.")] = None,
    model_dir: Annotated[Optional[Path], typer.Option("--model", help="Model directory (default: models/default or $MODERATION_MODEL).")] = None,
    fmt: Annotated[ScoreFormat, typer.Option("--format", "-f", help="Output format.")] = ScoreFormat.jsonl,
    explain: Annotated[bool, typer.Option("--explain/--no-explain", help="Include the words behind each score.")] = True,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing output file.")] = False,
) -> None:
    """Score every comment: one record per input row with scores.TASK.LABEL probabilities.

    Every input column is kept. A row that cannot be scored (empty text, a page that
    failed to parse) is kept with its `error`.
    """
    with errors_to_exit():
        from moderation import model as bundle
        from moderation.output import emit
        from moderation.scoring import frames_from_inputs, score_frame

        loaded = bundle.load(model_dir)
        counts = {"rows": 0, "errors": 0}

        def records() -> Iterator[dict]:
            for frame in frames_from_inputs(inputs):
                for record in score_frame(loaded, frame, explain=explain):
                    counts["rows"] += 1
                    counts["errors"] += record.get("error") is not None
                    record["model"] = loaded.id
                    yield record

        emit(records(), output, fmt.value, force=force)
    say(f"{counts['rows']} row(s) scored with {loaded.id}, {counts['errors']} with an error")


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
        scores = loaded.predict_proba(frame)
        reasons = loaded.explain(frame, top=top)[0]
        out = {
            task: {"scores": {label: round(float(p), 4) for label, p in zip(loaded.labels(task), scores[task][0], strict=True)},
                   "explain": reasons[task]}
            for task in scores
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
