"""Adapting a model to a newsroom's own labels (`train --base`), against the model as it is
and against a model trained on those labels alone, on comments of other articles.

    python benchmarks/adapt_bench.py [--base build/quality/fast] [--sizes 200 500 2000] [--notion crowd|attacks]

The base must not have seen the comments: `make model` saves the held-out split's fast
tier in build/quality/fast (trained on 80 % of C3's articles). The other 20 % of C3's
articles are split by article: 70 % play the newsroom's labels (a random sample of each
size; a size larger than that part takes all of it, and says so), 30 % the comments it
is measured on. Civility ROC-AUC; the adaptation's time in seconds.

`--notion` is what the newsroom calls uncivil. `crowd` (the default) is C3's own label, the
one the base learned (a mean toxicity of 2 or more): labels that add nothing the base did
not know. `attacks` is a newsroom that holds attacks on people: uncivil when at least two
of C3's annotators marked the comment a personal attack or abusive, whatever its mean
toxicity (9 % of C3; of them 41 % are below the crowd's cut, and 37 % of the crowd's
uncivil comments attack no one). Both come from C3's own annotations
(`toxicity_characteristics`), of the same held-out comments.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default=str(Path(__file__).resolve().parents[1] / "build" / "quality" / "fast"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 500, 2000])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--notion", choices=["crowd", "attacks"], default="crowd", help="what the newsroom calls uncivil (above)")
    args = parser.parse_args()
    from quality import held_out_split
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupShuffleSplit

    from moderation.learn.adapt import adapt
    from moderation.learn.bundle import Model, load
    from moderation.learn.train import TrainConfig, train

    _parts, _training, held = held_out_split(args.shared)
    c3 = held["c3"].dropna(subset=["civility"]).reset_index(drop=True)
    if args.notion == "attacks":
        c3["civility"] = attacks(c3, args.shared)
    pool_index, test_index = next(GroupShuffleSplit(n_splits=1, test_size=0.3, random_state=13).split(c3, groups=c3["group"]))
    pool, test = c3.iloc[pool_index].reset_index(drop=True), c3.iloc[test_index].reset_index(drop=True)
    truth = (test["civility"] == "uncivil").to_numpy()
    base = load(args.base)

    def auc(model: Model) -> float:
        proba = model.predict_proba(test, ["civility"])["civility"]
        return roc_auc_score(truth, proba[:, model.labels("civility").index("uncivil")])

    print(f"| labels | base model | adapted (--base) | labels alone | adapting (s) | ({len(test)} comments of other articles) |")
    print("|---|---|---|---|---|---|")
    base_auc = auc(base)
    for size in args.sizes:
        sample = pool.sample(n=min(size, len(pool)), random_state=13)[["text", "group", "source", "civility"]]
        started = time.perf_counter()
        adapted = Model(heads={task: result.pipeline for task, result in adapt(base, sample, progress=lambda m: None).items()},
                        meta=base.meta)  # fmt: skip
        seconds = time.perf_counter() - started
        alone_results = train(sample, ["civility"], TrainConfig(n_jobs=1))
        alone = Model(heads={"civility": alone_results["civility"].pipeline},
                      meta={"tasks": {"civility": {"labels": alone_results["civility"].labels, "threshold": 0.5,
                                                   "class_counts": alone_results["civility"].class_counts}}})  # fmt: skip
        label = f"{len(sample):,}" + (" (all of that part)" if size > len(pool) else "")
        print(f"| {label} | {base_auc:.3f} | {auc(adapted):.3f} | {auc(alone):.3f} | {seconds:.1f} | |", flush=True)


def attacks(c3: pd.DataFrame, shared: Path) -> pd.Series:
    """The `attacks` newsroom's label for each prepared C3 row: uncivil when at least two
    annotators marked it `personal_attack` or `abusive` (C3's `toxicity_characteristics`,
    one "name:count" per line), matched to the raw file by article and text."""
    import pandas as pd

    raw = pd.read_csv(shared / "datasets" / "c3" / "c3_train.csv", usecols=["article_id", "comment_text", "toxicity_characteristics"])

    def attacked(marks: object) -> bool:
        counts = {name.strip(): int(count) for name, _, count in (line.partition(":") for line in str(marks).splitlines()) if count.strip().isdigit()}
        return max(counts.get("personal_attack", 0), counts.get("abusive", 0)) >= 2

    label = {("c3:" + str(article), text): "uncivil" if attacked(marks) else "civil"
             for article, text, marks in raw.itertuples(index=False)}  # fmt: skip
    return pd.Series([label[(group, text)] for group, text in zip(c3["group"], c3["text"], strict=True)], index=c3.index)


if __name__ == "__main__":
    main()
