"""Model quality on held-out articles and claims, beside alt-profanity-check, and speed.

    python benchmarks/quality.py [--shared ../shared] [--json OUT]

Splits every dataset by group (C3 article, ARC claim, FNC-1 headline; OLID and Davidson
tweets by row, each tweet being its own item), 80 % to train and 20 % held out, with a
fixed seed. Trains the three heads on the training parts exactly as `moderation train`
does, and scores the held-out parts:

- civility ROC-AUC on C3 held-out articles and on OLID held-out tweets, for this model and
  for alt-profanity-check's `predict_prob` on the same rows;
- stance macro-F1 on ARC held-out claims and the FNC-1 weighted score on held-out headlines;
- constructiveness ROC-AUC on C3 held-out articles;
- training time of the three heads on all training parts; scoring speed (comments per
  second, all heads, in this process) beside alt-profanity-check on the same 5,000 C3
  comments: three alternating rounds, medians, and the median of the per-round ratios.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from moderation.io.datasets import prepare
from moderation.learn.evaluate import fnc_score
from moderation.learn.bundle import Model
from moderation.learn.train import train

SEED = 13


def split(frame: pd.DataFrame, by_group: bool) -> tuple[pd.DataFrame, pd.DataFrame]:
    from sklearn.model_selection import GroupShuffleSplit, ShuffleSplit

    splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED) if by_group \
        else ShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)  # fmt: skip
    train_index, test_index = next(splitter.split(frame, groups=frame["group"] if by_group else None))
    return frame.iloc[train_index].reset_index(drop=True), frame.iloc[test_index].reset_index(drop=True)


def held_out_split(shared: Path) -> tuple[dict[str, pd.DataFrame], pd.DataFrame, dict[str, pd.DataFrame]]:
    """Every prepared dataset, the training part (80 % of each one's groups) and the
    held-out part of each, by `split`."""
    datasets = shared / "datasets"
    if not datasets.is_dir():
        sys.exit(f"no datasets at {datasets}: pass --shared")
    parts = {name: prepare(name, [str(datasets / name)]) for name in ("c3", "davidson", "olid", "arc", "fnc1")}
    held: dict[str, pd.DataFrame] = {}
    training = []
    for name, frame in parts.items():
        fit, test = split(frame, by_group=name in ("c3", "arc", "fnc1"))
        training.append(fit)
        held[name] = test
    return parts, pd.concat(training, ignore_index=True), held


def attach(directory: Path, rows: list[tuple[str, str, float, float | None]]) -> None:
    """Write the held-out figures into a model's meta.json and regenerate its card.

    The shipped model is trained on all of the shared data, so its held-out figures are
    those of the same recipe trained on 80 % of the groups and scored on the rest.
    """
    from moderation.learn.bundle import CARD_FILE, META_FILE, card

    meta = json.loads((directory / META_FILE).read_text())
    meta["heldout"] = {
        "description": "The same recipe trained on 80 % of each dataset's groups (C3 articles, ARC claims, "
                       "FNC-1 headlines; OLID and Davidson tweets by row), seed 13, scored on the other 20 % "
                       "by `python benchmarks/quality.py`.",
        "rows": [{"task": measure, "data": data, "metric": measure, "value": round(float(ours), 4),
                  "peer_alt_profanity_check": None if peer is None else round(float(peer), 4)}
                 for measure, data, ours, peer in rows],
    }  # fmt: skip
    (directory / META_FILE).write_text(json.dumps(meta, indent=2) + "\n")
    (directory / CARD_FILE).write_text(card(meta))


def main() -> None:
    from sklearn.metrics import f1_score, roc_auc_score

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--json", help="also write the results here")
    parser.add_argument("--attach", help="record the held-out figures in this model's meta.json and card")
    args = parser.parse_args()
    parts, training_part, held = held_out_split(Path(args.shared))
    started = time.perf_counter()
    results = train(training_part, progress=lambda m: print(m, file=sys.stderr))
    train_seconds = time.perf_counter() - started
    model = Model(heads={t: r.pipeline for t, r in results.items()},
                  meta={"tasks": {t: {"labels": r.labels, "class_counts": r.class_counts, "threshold": r.threshold}
                                  for t, r in results.items()}})  # fmt: skip

    from profanity_check import predict_prob

    rows = []

    def civility_row(name: str) -> None:
        test = held[name].dropna(subset=["civility"])
        truth = (test["civility"] == "uncivil").to_numpy()
        ours = model.heads["civility"].predict_proba(test)[:, list(model.heads["civility"].classes_).index("uncivil")]
        peer = predict_prob(test["text"].astype(str).tolist())
        rows.append(("civility ROC-AUC", f"{name} held-out ({len(test)} rows)", roc_auc_score(truth, ours), roc_auc_score(truth, peer)))

    civility_row("c3")
    civility_row("olid")
    arc = held["arc"]
    predicted = model.predict(arc, ["stance"])["stance"][1]
    rows.append(("stance macro-F1 (4 classes)", f"ARC held-out claims ({len(arc)} pairs)", f1_score(arc["stance"], predicted, average="macro"), None))
    fnc = held["fnc1"]
    predicted = model.predict(fnc, ["stance"])["stance"][1]
    rows.append(("stance FNC-1 weighted score", f"FNC-1 held-out headlines ({len(fnc)} pairs)", fnc_score(list(fnc["stance"]), list(predicted)), None))
    rows.append(("stance macro-F1 (4 classes)", "FNC-1 held-out headlines", f1_score(fnc["stance"], predicted, average="macro"), None))
    c3 = held["c3"]
    constructive = model.heads["constructive"]
    proba = constructive.predict_proba(c3)[:, list(constructive.classes_).index("constructive")]
    rows.append(("constructive ROC-AUC", f"C3 held-out articles ({len(c3)} rows)", roc_auc_score(c3["constructive"] == "constructive", proba), None))

    # Speed: three alternating rounds on the same 5,000 C3 comments (held-out ones first),
    # medians, and the ratio within each round, since this machine's speed drifts.
    texts = held["c3"]["text"].astype(str).tolist() + parts["c3"]["text"].astype(str).tolist()
    texts = texts[:5000]
    frame = pd.DataFrame({"text": texts})
    model.predict(frame.head(100))
    ours_rates, peer_rates = [], []
    for _ in range(3):
        started = time.perf_counter()
        model.predict(frame)
        ours_rates.append(len(frame) / (time.perf_counter() - started))
        started = time.perf_counter()
        predict_prob(texts)
        peer_rates.append(len(frame) / (time.perf_counter() - started))
    ours_rate, peer_rate = float(np.median(ours_rates)), float(np.median(peer_rates))
    ratio = float(np.median(np.asarray(ours_rates) / np.asarray(peer_rates)))

    print(f"| {'measure':<30} | {'data':<42} | {'moderation':>10} | {'alt-profanity-check':>19} |")
    print(f"|{'-' * 32}|{'-' * 44}|{'-' * 12}|{'-' * 21}|")
    for measure, data, ours, peer in rows:
        peer_cell = f"{peer:.3f}" if peer is not None else "n/a"
        print(f"| {measure:<30} | {data:<42} | {ours:>10.3f} | {peer_cell:>19} |")
    print(f"| {'training, 3 heads (s)':<30} | {'all training parts':<42} | {train_seconds:>10.0f} | {'n/a':>19} |")
    print(f"| {'scoring (comments/s)':<30} | {'5,000 C3 comments, all heads vs peer':<42} | {ours_rate:>10.0f} | {peer_rate:>19.0f} |")
    print(f"| {'scoring speed ratio':<30} | {'median of 3 alternating rounds':<42} | {ratio:>10.2f} | {'1.00':>19} |")
    if args.attach:
        attach(Path(args.attach), rows)
    if args.json:
        Path(args.json).write_text(json.dumps({"rows": [dict(zip(("measure", "data", "moderation", "peer"), row)) for row in rows],
                                               "train_seconds": train_seconds, "score_rate": ours_rate, "peer_rate": peer_rate,
                                               "score_ratio": ratio}, indent=2))


if __name__ == "__main__":
    main()
