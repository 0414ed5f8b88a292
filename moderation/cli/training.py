"""`moderation data prepare`, `train` and `evaluate`: the commands that make and measure models."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from moderation.cli.app import app, errors_to_exit, progress_line, say
from moderation.errors import OutputError, UsageError

data_app = typer.Typer(help="Prepare training data.", no_args_is_help=True)
app.add_typer(data_app, name="data")


class Recipe(str, Enum):
    c3 = "c3"
    davidson = "davidson"
    olid = "olid"
    arc = "arc"
    fnc1 = "fnc1"
    youtube_spam = "youtube_spam"


@data_app.command("prepare")
def data_prepare(
    recipe: Annotated[Recipe, typer.Argument(help="Which public dataset SRC holds.")],
    sources: Annotated[list[str], typer.Argument(help="The dataset's folder or files.")],
    output: Annotated[str, typer.Option("-o", "--output", help="Canonical table to write (.csv, .jsonl or .parquet).")],
    force: Annotated[bool, typer.Option("--force", help="Replace an existing output.")] = False,
) -> None:
    """Convert a public dataset to the canonical training table (see data/README.md).

    Examples:

    \b
    moderation data prepare c3 ../shared/datasets/c3 -o build/c3.parquet
    """
    with errors_to_exit():
        from moderation.io.datasets import prepare
        from moderation.io.tables import write_table

        frame = prepare(recipe.value, sources)
        write_table(frame, output, force=force)
    say(f"{recipe.value}: {len(frame)} rows -> {output}")


@app.command()
def train(
    data: Annotated[list[str], typer.Argument(help="Canonical tables (.csv, .jsonl, .parquet), or desk databases (.sqlite).")],
    output: Annotated[str, typer.Option("-o", "--output", help="Model directory to write, e.g. models/mine.")],
    tasks: Annotated[Optional[list[str]], typer.Option("--tasks", help="Train only these tasks (repeatable).")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="TOML file: c_grid, folds, balance_sources, pool_sources, n_jobs.")] = None,
    streaming: Annotated[bool, typer.Option("--streaming", help="Train out of core: read the data in chunks, hashed word n-grams, SGD; for histories larger than memory.")] = False,
    epochs: Annotated[int, typer.Option("--epochs", min=1, help="With --streaming: passes over the data.")] = 2,
    chunk_rows: Annotated[int, typer.Option("--chunk-rows", min=100, help="With --streaming: rows read at a time.")] = 20_000,
    encoder: Annotated[bool, typer.Option("--encoder", help="Also read each comment's meaning with the shipped sentence encoder (the accurate tier; slower to train and score).")] = False,
    embeddings_cache: Annotated[Optional[Path], typer.Option("--embeddings-cache", help="With --encoder: a directory that keeps the training texts' embeddings between runs.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing model directory.")] = False,
    base: Annotated[Optional[str], typer.Option("--base", help="Adapt this model (default, accurate, or a directory) to the labels instead of training from them alone.")] = None,
) -> None:
    """Train a head for each task the data has labels for, and save the bundle atomically.

    Writes model.joblib (the fitted pipelines), scoring.joblib (the heads as scoring
    reads them, without scikit-learn), meta.json (labels, library versions, hashes,
    grouped cross-validation metrics) and a README.md model card. With --streaming the data is
    never held whole; metrics are then those of held-out groups (one in ten).

    Examples:

    \b
    moderation train examples/labels.csv -o models/mine
    moderation train examples/labels.csv -o tuned --config examples/train.toml
    """
    with errors_to_exit():
        from moderation.learn import bundle
        from moderation.learn.train import TrainConfig
        from moderation.learn.train import train as train_heads

        if Path(output).exists() and not force:
            raise OutputError(f"{output} exists; pass --force to replace it")
        settings = TrainConfig()
        if config is not None:
            from moderation.io.files import read_settings

            settings = TrainConfig.from_mapping(read_settings(config, "training settings"))
        if encoder:
            settings.meaning = True
        settings.embeddings_store = embeddings_cache
        if base is not None and (streaming or encoder or config is not None or tasks):
            raise UsageError("--base adapts the base model's heads as they are: not with --streaming, --encoder, --config or --tasks")
        if streaming:
            if encoder or embeddings_cache is not None:
                raise UsageError("--streaming trains lexical heads only; --encoder needs the in-memory path")
            if config is not None:
                raise UsageError("--config sets the in-memory path's search; --streaming does not use it")
            from moderation.learn.streaming import train_streaming

            results = train_streaming(data, tasks, progress=say, chunk_rows=chunk_rows, epochs=epochs)
        else:
            from moderation.learn.train import tasks_in

            frame = _training_table(data)
        if base is not None and not streaming:
            from moderation.learn.adapt import adapt

            results = adapt(bundle.load(base), frame, progress=say)
        elif not streaming:
            with progress_line(len(tasks or tasks_in(frame)), "heads") as advance:
                def report(message: str) -> None:
                    say(message)
                    if ": done in " in message:
                        advance(1)

                results = train_heads(frame, tasks, settings, progress=report)
        command = "moderation train " + " ".join(data) + f" -o {output}" + (f" --streaming --epochs {epochs}" if streaming else "") \
            + (" --encoder" if settings.meaning else "") + (f" --base {base}" if base else "")  # fmt: skip
        bundle.save(results, output, training_files=data, force=force, extra_meta={"command": command})
    say(f"saved {output}")


DESK_SUFFIXES = (".sqlite", ".sqlite3", ".db")


def _training_table(data: list[str]) -> object:
    """The canonical tables named, with a desk database's labels (`moderation desk`) read
    as a table of its own (source `desk`)."""
    import pandas as pd

    from moderation.io.tables import load_training

    desks = [name for name in data if Path(name).suffix.lower() in DESK_SUFFIXES]
    tables = [name for name in data if name not in desks]
    frames = [load_training(tables)] if tables else []
    for name in desks:
        from moderation.desk.store import DeskStore
        from moderation.errors import DataError, InputMissingError

        if not Path(name).is_file():
            raise InputMissingError(f"{name}: no such desk database")
        rows = DeskStore(name).labelled()
        if not rows:
            raise DataError(f"{name}: the desk holds no labelled comment yet")
        frames.append(pd.DataFrame(rows))
    return pd.concat(frames, ignore_index=True)


@app.command()
def evaluate(
    model_dir: Annotated[Path, typer.Argument(help="The shipped model (default, accurate) or a model directory.")],
    data: Annotated[list[str], typer.Argument(help="Labelled canonical tables.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Report directory to write.")],
    compare: Annotated[Optional[Path], typer.Option("--compare", help="A second model: both side by side, and the comments whose civility label would change.")] = None,
    target_precision: Annotated[Optional[float], typer.Option("--target-precision", min=0.0, max=1.0, help="Suggest the thresholds that reach this precision, as a policy-suggestion.toml.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing report directory.")] = False,
) -> None:
    """Metrics, a Markdown report and PNG plots for a model on labelled data.

    It warns when rows of the data were in the model's training data (their figures are
    not held-out figures). With --compare, a second model is measured on the same rows
    and the report lists the comments whose label would change by adopting it.

    Examples:

    \b
    moderation evaluate default examples/held-out.csv -o report
    moderation evaluate default examples/held-out.csv -o both --compare accurate
    """
    with errors_to_exit():
        from moderation.errors import OutputError
        from moderation.learn import bundle
        from moderation.learn.evaluate import evaluate as run
        from moderation.learn.evaluate import training_overlap, write_report

        if output.exists() and not output.is_dir():
            raise OutputError(f"{output}: a file; the report is a directory, name a new one")
        if output.exists() and any(output.iterdir()) and not force:
            raise OutputError(f"{output} exists; pass --force to replace it")
        frame = _training_table(data)
        models = [bundle.load(model_dir)] + ([bundle.load(compare)] if compare is not None else [])
        for index, loaded in enumerate(models):
            overlap, why = training_overlap(loaded.meta, frame, loaded.path)
            if overlap:
                say(f"warning: {overlap} of {len(frame)} rows were in {loaded.id}'s training data: their figures are not held-out figures")
            elif overlap is None:
                say(f"note: cannot check {loaded.id}'s training data for overlap: {why}")
            results, raw = run(loaded, frame)
            write_report(results, raw, output / loaded.id.split("@")[0] if compare is not None else output, loaded.id, target_precision)
            for task, metrics in results.items():
                extra = "".join(f" {key}={metrics[key]:.3f}" for key in ("roc_auc", "fnc_weighted_score") if key in metrics)
                say(f"{loaded.id} {task}: rows={metrics['rows']} accuracy={metrics['accuracy']:.3f} macro_f1={metrics['macro_f1']:.3f}{extra}")
        if compare is not None:
            _write_changes(models, frame, output)
    say(f"report in {output}")


def _write_changes(models: list, frame: object, output: Path) -> None:
    import json

    from moderation.io.output import atomic_open
    from moderation.learn.evaluate import changed_decisions

    if "civility" not in models[0].tasks or "civility" not in models[1].tasks:
        return
    changes = changed_decisions(models[0], models[1], frame)
    with atomic_open(output / "changes.json", force=True) as stream:
        json.dump({"first": models[0].id, "second": models[1].id, "task": "civility", "changed": changes}, stream, indent=2, default=str)
    say(f"{len(changes)} comment(s) would change their civility label from {models[0].id} to {models[1].id} (changes.json)")


@app.command()
def info(
    model_dir: Annotated[Optional[str], typer.Argument(help="The shipped model's name (default, fast) or a model directory.", metavar="MODEL")] = None,
) -> None:
    """What a model is: where it lives, what it was trained on and under which licences,
    its heads, its pretrained parts and its held-out figures (the card: README.md in
    the model directory).

    Examples:

    \b
    moderation info
    moderation info default
    """
    with errors_to_exit():
        from moderation.learn.bundle import verify
        from moderation.learn.card import training_sets

        directory, meta = verify(model_dir)
        typer.echo(f"model     {meta.get('name')} ({meta.get('name')}@{meta.get('model_sha256', '')[:12]}) in {directory}")
        typer.echo(f"created   {meta.get('created')} with " + ", ".join(f"{k} {v}" for k, v in meta.get("versions", {}).items()))
        encoder = meta.get("encoder")
        typer.echo(f"encoder   {encoder['id'] + ' (' + encoder.get('source', {}).get('package', '') + ')' if encoder else 'none (the fast tier)'}")
        for task, head in meta.get("tasks", {}).items():
            typer.echo(f"head      {task}: {', '.join(head['labels'])} ({head['rows']:,} training rows)")
        for name, licence in training_sets(meta):
            typer.echo(f"trained   {name}: {licence}")
        for row in (meta.get("heldout") or {}).get("rows", []):
            peer = row.get("peer_alt_profanity_check")
            typer.echo(f"held out  {row['metric']}, {row['data']}: {row['value']:.3f}" + (f" (alt-profanity-check {peer:.3f})" if peer is not None else ""))
        typer.echo(f"card      {directory / 'README.md'}")


@app.command()
def audit(
    model_dir: Annotated[Optional[str], typer.Argument(help="The shipped model's name (default, fast) or a model directory.", metavar="MODEL")] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write audit.json, audit.md and audit.png here.")] = None,
    terms: Annotated[Optional[Path], typer.Option("--terms", help="Identity terms: a TSV with term (and group) columns, or one term per line.")] = None,
    templates: Annotated[Optional[Path], typer.Option("--templates", help="A TSV of template (with {term}) and label (civil / uncivil).")] = None,
    policy: Annotated[Optional[Path], typer.Option("--policy", help="Site policy TOML: its civility_hold is the threshold for false positives.")] = None,
) -> None:
    """Audit the civility head for identity-term bias: per term, subgroup, BPSN and BNSP
    AUC (Borkan et al. 2019) and the false-positive rate at the hold threshold, worst
    terms first. The default terms and templates are in moderation/learn/identity/.

    Examples:

    \b
    moderation audit default
    moderation audit default -o audit
    """
    with errors_to_exit():
        from moderation.decide.policy import load_policy
        from moderation.learn.audit import audit_model, summary, write_report
        from moderation.learn.bundle import load

        threshold = load_policy(policy)["civility_hold"]
        model = load(model_dir)
        results = audit_model(model, threshold, terms, templates)
        if output is not None:
            write_report(results, output, model.id, threshold)
        worst = summary(results)
        typer.echo(f"{worst['terms']} terms; worst subgroup AUC {worst['subgroup_auc']['value']:.3f} ({worst['subgroup_auc']['term']}), "
                   f"BPSN {worst['bpsn_auc']['value']:.3f} ({worst['bpsn_auc']['term']}), BNSP {worst['bnsp_auc']['value']:.3f} "
                   f"({worst['bnsp_auc']['term']}); false positives at {threshold} up to {worst['false_positive_rate']['value']:.1%} "
                   f"({worst['false_positive_rate']['term']})")  # fmt: skip
        for result in results[:5]:
            typer.echo(f"  {result.term:<14} subgroup {result.subgroup_auc:.3f}  BPSN {result.bpsn_auc:.3f}  "
                       f"BNSP {result.bnsp_auc:.3f}  false positives {result.false_positive_rate:.1%}")  # fmt: skip
        if output is not None:
            say(f"report in {output}")
