"""Choose how much the set written for the purpose weighs, and how large each source's copy
of the features is, for the civility head (`source_weights` and `source_scale` in
data/train.toml).

    python scripts/select_source_weights.py 1:0.5 0.3:0.5 0.3:0.35 [WEIGHT:SCALE ...] [--shared ../shared]

For each pair (the weight of `capabilities`, the source scale) it trains the civility head
alone, the lexical features only, on a validation split carved out of
`benchmarks/quality.py`'s training part (80 % of its C3 articles, OLID and Davidson tweets,
and of data/behaviour/capabilities.csv's templates) and prints one JSON line: ROC-AUC on
the other 20 % of that part's C3 and OLID rows, and the share of the other templates'
sentences the head labels as written (what the set teaches). The benchmark's held-out part
and the behavioural suite are never read, so the figures they report stay unseen. Each
pair takes a minute or two on two cores.

The shipped setting is the one with the best mean ROC-AUC among those that keep the
templates' share within a point of the full weight's (the first pair given).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def main() -> None:
    import pandas as pd
    from quality import CAPABILITIES, SETTINGS, held_out_split, split
    from sklearn.metrics import roc_auc_score

    from moderation.learn.train import TrainConfig, fit_features, train_task

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pairs", nargs="+", help="WEIGHT:SCALE, e.g. 0.3:0.35")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--C", type=float, default=2.0, help="the civility head's C (the shipped head's CV choice)")
    args = parser.parse_args()
    _parts, training, _held = held_out_split(args.shared)
    training = training[training["civility"].notna()]
    fitting, validation = [], {}
    for name, frame in (("c3", training[training["source"] == "c3"]), ("olid", training[training["source"] == "olid"]),
                        ("davidson", training[training["source"] == "davidson"]), ("capabilities", pd.read_csv(CAPABILITIES))):
        part, validation[name] = split(frame, by_group=name in ("c3", "capabilities"))
        fitting.append(part)
    fit = pd.concat(fitting, ignore_index=True)
    shared = fit_features(fit)
    for pair in args.pairs:
        weight, scale = (float(value) for value in pair.split(":"))
        started = time.perf_counter()
        config = TrainConfig.from_mapping({**tomllib.loads(SETTINGS.read_text()), "c_grid": [args.C], "folds": 3,
                                           "source_weights": {"civility": {"capabilities": weight}},
                                           "source_scale": {"civility": scale}})  # fmt: skip
        result = train_task(fit, "civility", config, shared=shared)
        uncivil = list(result.pipeline.classes_).index("uncivil")
        line: dict[str, object] = {"capabilities_weight": weight, "source_scale": scale}
        for name in ("c3", "olid"):
            rows = validation[name]
            line[name] = round(roc_auc_score(rows["civility"] == "uncivil", result.pipeline.predict_proba(rows)[:, uncivil]), 4)
        rows = validation["capabilities"]
        labelled = result.pipeline.predict_proba(rows)[:, uncivil] >= 0.5
        line["capabilities_as_written"] = round(float((labelled == (rows["civility"] == "uncivil")).mean()), 4)
        line["seconds"] = round(time.perf_counter() - started)
        print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main()
