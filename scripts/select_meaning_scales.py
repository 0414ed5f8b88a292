"""Choose the scales of the encoder's blocks (`features.meaning`) for the accurate tier.

    python scripts/select_meaning_scales.py 0.3 0.4 [0.12 0.15 ...] [--shared ../shared]

For each pair of scales (comment meaning, comment against article) it trains the stance
head alone on a validation split carved out of `benchmarks/quality.py`'s training part
(80 % of the ARC claims and FNC-1 headlines of that part, by group) and prints one JSON
line: ARC macro-F1, related/unrelated accuracy and FNC-1 score on the other 20 %. The
benchmark's held-out part is never read, so the figures it reports stay unseen. Each
pair takes about two minutes on two cores with the embeddings cached (`make model`
fills `build/embeddings`).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def main() -> None:
    import numpy as np
    import pandas as pd
    from quality import STORE, held_out_split, split
    from sklearn.metrics import accuracy_score, f1_score

    from moderation.features import meaning
    from moderation.learn.bundle import Model
    from moderation.learn.evaluate import fnc_score
    from moderation.learn.train import TrainConfig, train

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scales", nargs="+", type=float, help="pairs: meaning scale, pair scale")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--C", type=float, default=8.0, help="the stance head's C (the lexical head's CV choice)")
    args = parser.parse_args()
    if len(args.scales) % 2:
        parser.error("scales come in pairs")
    _parts, training, _held = held_out_split(args.shared)
    training = training[training["stance"].notna()]
    fitting, validation = [], {}
    for source in ("arc", "fnc1"):
        part, validation[source] = split(training[training["source"] == source], by_group=True)
        fitting.append(part)
    fit = pd.concat(fitting, ignore_index=True)
    for meaning_scale, pair_scale in zip(args.scales[::2], args.scales[1::2], strict=True):
        meaning.MEANING_SCALE, meaning.PAIR_SCALE = meaning_scale, pair_scale
        started = time.perf_counter()
        config = TrainConfig(meaning=True, embeddings_store=STORE, c_grid=(args.C,), folds=2)
        result = train(fit, ["stance"], config)["stance"]
        model = Model(heads={"stance": result.pipeline}, meta={"tasks": {"stance": {
            "labels": result.labels, "class_counts": result.class_counts, "threshold": result.threshold}}})  # fmt: skip
        line: dict[str, object] = {"scales": [meaning_scale, pair_scale], "C": args.C}
        for name, rows in validation.items():
            predicted = np.asarray(model.predict(rows, ["stance"])["stance"][1])  # the labels `score` gives
            truth = rows["stance"].to_numpy()
            line[name] = {"macro_f1": round(f1_score(truth, predicted, average="macro"), 4),
                          "related_accuracy": round(accuracy_score(truth == "unrelated", np.asarray(predicted) == "unrelated"), 4),
                          "fnc_score": round(fnc_score(list(truth), list(predicted)), 4)}  # fmt: skip
        line["seconds"] = round(time.perf_counter() - started)
        print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main()
