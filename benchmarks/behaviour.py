"""The behavioural suite (data/behaviour/suite.jsonl): each capability's pass rate for the
shipped models' decisions and for alt-profanity-check, side by side.

    python benchmarks/behaviour.py [--models default accurate] [--cases OUT.jsonl]

A case is a reader comment written for the purpose from templates of our own
(data/behaviour/make_suite.py; the training set uses other templates, check_overlap.py
holds them apart), expected to be civil or uncivil. It passes when the decision agrees:
an uncivil case is held or rejected, a civil one published, by the default policy with no
author (so no repeat or flood memory) and no article. The peer passes a case when
`predict_prob` reaches 0.5 for an uncivil one and stays below it for a civil one.
`civility alone` is the share the civility head's own 0.5 threshold gets right, for
those who read only that score.

Then the fresh threats, three sets written by hand by helpers blind to the threat rule
and to the suite: data/behaviour/threats_fresh.csv (its misses were then read to write the
rule's cues, `moderation/decide/threat_cues.py`, so it is in-sample since),
threats_fresh2.csv (written after, run once on the rule with its cues, then its misses
read for more cues: in-sample since) and threats_fresh3.csv (written after that, the one
held out now): the share of
threats held or rejected, by kind, and the share of the look-alike non-threats held or
rejected for a threat (reason `threat` or `threat_phrase`), by kind; the threat rule
alone flags a row when it finds a threat, the peer when `predict_prob` reaches 0.5.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

SUITE = Path(__file__).resolve().parents[1] / "data" / "behaviour" / "suite.jsonl"
FRESH_THREATS = [Path(__file__).resolve().parents[1] / "data" / "behaviour" / name
                 for name in ("threats_fresh.csv", "threats_fresh2.csv", "threats_fresh3.csv")]
ORDER = ("threat_direct", "threat_conditional", "threat_veiled", "negation", "quoted_abuse_denounced",
         "identity_neutral", "identity_positive", "obfuscated", "implicit_insult", "plain_insult", "civil_disagreement")  # fmt: skip


def load_suite(path: Path = SUITE) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def decisions(model_name: str, texts: list[str]) -> tuple[list[str], list[float]]:
    """Each text's action under the default policy, and its civility head's P(uncivil)."""
    from moderation.decide.moderator import Moderator
    from moderation.learn.bundle import load

    model = load(model_name)
    decided = Moderator(model=model).decide_many([{"text": text} for text in texts], explain=False)
    return [d["action"] for d in decided], [(d["scores"] or {}).get("civility", {}).get("uncivil", 0.0) for d in decided]


def pass_rates(cases: list[dict[str, Any]], passed: list[bool]) -> dict[str, float]:
    """The share of cases passed per capability, and over all threats and all cases."""
    groups: dict[str, list[bool]] = defaultdict(list)
    for case, ok in zip(cases, passed, strict=True):
        groups[case["capability"]].append(ok)
        if case["capability"].startswith("threat"):
            groups["all threats"].append(ok)
        groups["all cases"].append(ok)
    return {name: sum(values) / len(values) for name, values in groups.items()}


def run(models: list[str]) -> tuple[list[dict[str, Any]], dict[str, dict[str, float]], dict[str, float]]:
    """Every case with each model's action and the peer's probability; the pass rates of
    each (`NAME decision`, `NAME civility alone`, `alt-profanity-check`); seconds each."""
    from profanity_check import predict_prob

    cases = load_suite()
    texts = [case["text"] for case in cases]
    uncivil = [case["expected"] == "uncivil" for case in cases]
    rates: dict[str, dict[str, float]] = {}
    seconds: dict[str, float] = {}
    for name in models:
        started = time.perf_counter()
        actions, proba = decisions(name, texts)
        seconds[name] = time.perf_counter() - started
        for case, action, p in zip(cases, actions, proba, strict=True):
            case[f"{name} action"], case[f"{name} p_uncivil"] = action, round(p, 4)
        rates[f"{name} decision"] = pass_rates(cases, [(a != "publish") == u for a, u in zip(actions, uncivil, strict=True)])
        rates[f"{name} civility alone"] = pass_rates(cases, [(p >= 0.5) == u for p, u in zip(proba, uncivil, strict=True)])
    started = time.perf_counter()
    peer = [float(p) for p in predict_prob(texts)]
    seconds["alt-profanity-check"] = time.perf_counter() - started
    for case, p in zip(cases, peer, strict=True):
        case["peer p"] = round(p, 4)
    rates["alt-profanity-check"] = pass_rates(cases, [(p >= 0.5) == u for p, u in zip(peer, uncivil, strict=True)])
    return cases, rates, seconds


def fresh_threats(models: list[str], path: Path) -> tuple[dict[str, dict[str, float]], dict[str, int]]:
    """Per model (the threat rule alone, and the peer), per kind of row of a fresh set
    (`FRESH_THREATS`): the share of threats held or rejected, and of non-threats held or
    rejected for a threat (the rule: found by it); rows per kind."""
    import pandas as pd
    from profanity_check import predict_prob

    from moderation.decide.moderator import Moderator
    from moderation.learn.bundle import load

    from moderation.decide.threats import find_threats

    rows = pd.read_csv(path)
    kinds = [f"{expected}: {kind}" for expected, kind in zip(rows["expected"], rows["kind"], strict=True)]
    counts: dict[str, int] = defaultdict(int)
    for kind in kinds:
        counts[kind] += 1
    flagged: dict[str, list[bool]] = {}
    for name in models:
        decided = Moderator(model=load(name)).decide_many([{"text": text} for text in rows["text"]], explain=False)
        flagged[name] = [d["action"] != "publish" and (expected == "threat" or any(
            reason["rule"] in ("threat", "threat_phrase") for reason in d["reasons"]))
            for d, expected in zip(decided, rows["expected"], strict=True)]  # fmt: skip
    flagged["threat rule alone"] = [bool(find_threats(text)) for text in rows["text"]]
    flagged["alt-profanity-check"] = [float(p) >= 0.5 for p in predict_prob(rows["text"].tolist())]
    shares: dict[str, dict[str, float]] = {}
    for name, marks in flagged.items():
        by_kind: dict[str, list[bool]] = defaultdict(list)
        for kind, mark in zip(kinds, marks, strict=True):
            by_kind[kind].append(mark)
            by_kind["threat: all" if kind.startswith("threat") else "not_threat: all"].append(mark)
        shares[name] = {kind: sum(values) / len(values) for kind, values in by_kind.items()}
    counts["threat: all"] = sum(n for kind, n in counts.items() if kind.startswith("threat:"))
    counts["not_threat: all"] = sum(n for kind, n in counts.items() if kind.startswith("not_threat:"))
    return shares, dict(counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", nargs="+", default=["default"],
                        help="shipped names or model directories (make model leaves the accurate tier in build/quality/accurate)")
    parser.add_argument("--cases", help="also write every case with each model's decision here (JSON Lines)")
    args = parser.parse_args()
    cases, rates, seconds = run(args.models)
    columns = list(rates)
    counts = defaultdict(int)
    for case in cases:
        counts[case["capability"]] += 1
        counts["all cases"] += 1
        counts["all threats"] += case["capability"].startswith("threat")
    print("| capability | expected | n | " + " | ".join(columns) + " |")
    print("|---|---|---|" + "---|" * len(columns))
    expected = {case["capability"]: case["expected"] for case in cases}
    for name in (*ORDER, "all threats", "all cases"):
        cells = " | ".join(f"{rates[column][name]:.1%}" for column in columns)
        print(f"| {name} | {expected.get(name, 'uncivil' if name == 'all threats' else 'both')} | {counts[name]} | {cells} |")
    print("\nseconds for the whole suite: " + ", ".join(f"{name} {value:.1f}" for name, value in seconds.items()))
    for path in FRESH_THREATS:
        shares, sizes = fresh_threats(args.models, path)
        print(f"\n{path.name}: threats held or rejected; non-threats held or rejected for a threat (the rule alone: "
              "found by it; the peer: flagged)")
        print("| row kind | n | " + " | ".join(shares) + " |")
        print("|---|---|" + "---|" * len(shares))
        for kind in sorted(sizes, key=lambda k: (not k.startswith("threat"), k.endswith(": all"), k)):
            print(f"| {kind} | {sizes[kind]} | " + " | ".join(f"{shares[name][kind]:.1%}" for name in shares) + " |")
    if args.cases:
        with open(args.cases, "w", encoding="utf-8") as stream:
            for case in cases:
                stream.write(json.dumps(case, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
