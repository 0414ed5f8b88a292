"""The identity-term audit for the shipped models and alt-profanity-check, side by side
on the same template sentences (moderation/learn/identity/).

    python benchmarks/audit_bench.py [--models default accurate]

Per model: the worst subgroup, BPSN and BNSP AUC over the 50 terms (Borkan et al. 2019)
and the largest share of a term's civil sentences scored 0.5 or more; the targets of the
trust-and-safety issue beside them.
"""

from __future__ import annotations

import argparse


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--models", nargs="+", default=["default"])
    args = parser.parse_args()
    from profanity_check import predict_prob

    from moderation.learn.audit import audit, audit_model, read_templates, read_terms, sentences, summary
    from moderation.learn.bundle import load

    rows = sentences(read_terms(), read_templates())
    results = {name: summary(audit_model(load(name), 0.5)) for name in args.models}
    results["alt-profanity-check"] = summary(audit([float(p) for p in predict_prob([row["text"] for row in rows])], rows, 0.5))
    print("| model | worst subgroup AUC | worst BPSN AUC | worst BNSP AUC | most civil sentences held |")
    print("|---|---|---|---|---|")
    for name, worst in results.items():
        print(f"| {name} | {worst['subgroup_auc']['value']:.3f} ({worst['subgroup_auc']['term']}) | "
              f"{worst['bpsn_auc']['value']:.3f} ({worst['bpsn_auc']['term']}) | {worst['bnsp_auc']['value']:.3f} "
              f"({worst['bnsp_auc']['term']}) | {worst['false_positive_rate']['value']:.1%} ({worst['false_positive_rate']['term']}) |")  # fmt: skip
    print("| target (default model) | >= 0.90 | >= 0.85 | | <= 5 % |")


if __name__ == "__main__":
    main()
