"""How well the desk's "second look" list finds wrong labels: labels of held-out C3
comments flipped at random, found again by confident learning (`learn.confident`) and by
the plain rule "the model's top label differs from the given one", side by side.

    python benchmarks/mislabel_bench.py [--noise 0.1] [--model build/quality/fast]

The model must not have seen these comments: `make model` saves the held-out split's
fast tier in build/quality/fast (trained on 80 % of C3's articles; these are the other 20 %).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--noise", type=float, default=0.1)
    parser.add_argument("--model", default=str(Path(__file__).resolve().parents[1] / "build" / "quality" / "fast"))
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = parser.parse_args()
    from quality import held_out_split

    from moderation.learn.bundle import load
    from moderation.learn.confident import likely_mislabelled

    _parts, _training, held = held_out_split(args.shared)
    rows = held["c3"].dropna(subset=["civility"]).reset_index(drop=True)
    model = load(args.model)
    classes = model.labels("civility")
    proba = model.predict_proba(rows, ["civility"])["civility"]
    rng = np.random.default_rng(13)
    given = rows["civility"].to_numpy().copy()
    flipped = rng.random(len(given)) < args.noise
    given[flipped] = np.where(given[flipped] == "civil", "uncivil", "civil")
    confident = {row for row, _label, _margin in likely_mislabelled(list(given), proba, classes)}
    naive = set(np.flatnonzero(np.asarray(classes)[proba.argmax(axis=1)] != given).tolist())
    truth = set(np.flatnonzero(flipped).tolist())
    print(f"| method | rows flagged | precision | recall | ({len(rows)} held-out C3 comments, {len(truth)} labels flipped) |")
    print("|---|---|---|---|---|")
    for name, found in (("confident learning", confident), ("top label differs", naive)):
        hit = len(found & truth)
        print(f"| {name} | {len(found)} | {hit / max(len(found), 1):.3f} | {hit / max(len(truth), 1):.3f} | |")


if __name__ == "__main__":
    main()
