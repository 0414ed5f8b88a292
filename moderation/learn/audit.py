"""The identity-term bias audit: does the civility head score a sentence differently for
the group it mentions?

Template sentences (civil and uncivil, `identity/templates.tsv` beside this module) are
filled with each identity term (`identity/terms.tsv`: fifty, by gender, sexual orientation,
religion, race and ethnicity, nationality, age and disability) and scored. Per term, the
three AUCs of Borkan et al. 2019 ("Nuanced metrics for measuring unintended bias with
real data for text classification"), the figures Perspective's model card reports:

- subgroup AUC: the term's uncivil sentences against its civil ones;
- BPSN (background positive, subgroup negative): the term's civil sentences against the
  other terms' uncivil ones; low when merely naming the group raises the score;
- BNSP (background negative, subgroup positive): the term's uncivil sentences against the
  other terms' civil ones; low when abuse of the group scores below others' civility;

and the false-positive rate of the term's civil sentences at the policy's hold threshold.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from moderation.errors import DataError, InputMissingError

AUDIT_DIR = Path(__file__).resolve().parent / "identity"
"""The default terms and templates, written for this project; `audit --terms / --templates`
take a newsroom's own."""
PLACEHOLDER = "{term}"
DEFAULT_THRESHOLD = 0.5
"""The default policy's civility_hold, at which `train` audits what it trained."""


@dataclass(frozen=True)
class TermResult:
    term: str
    group: str
    subgroup_auc: float
    bpsn_auc: float
    bnsp_auc: float
    false_positive_rate: float

    @property
    def worst(self) -> float:
        return min(self.subgroup_auc, self.bpsn_auc, self.bnsp_auc)


def read_terms(path: str | Path | None = None) -> list[tuple[str, str]]:
    """(term, group) rows of a terms file: a TSV with `term` (and optionally `group`), or
    one term per line."""
    rows = _rows(path or AUDIT_DIR / "terms.tsv", "terms")
    terms = [(row.get("term") or row.get(None) or "").strip() for row in rows]
    found = [(term, (row.get("group") or "").strip()) for term, row in zip(terms, rows, strict=True) if term]
    if len(found) < 2:
        raise DataError(f"{path}: the audit needs at least two identity terms (a TSV with a term column)")
    return found


def read_templates(path: str | Path | None = None) -> list[tuple[str, str]]:
    """(template, label) rows; every template names `{term}`, labels are civil / uncivil."""
    rows = _rows(path or AUDIT_DIR / "templates.tsv", "templates")
    templates = []
    for number, row in enumerate(rows, start=2):
        template, label = (row.get("template") or "").strip(), (row.get("label") or "").strip()
        if PLACEHOLDER not in template:
            raise DataError(f"{path}: line {number}: a template must contain {PLACEHOLDER}")
        if label not in ("civil", "uncivil"):
            raise DataError(f"{path}: line {number}: label must be civil or uncivil, got {label!r}")
        templates.append((template, label))
    if not {label for _template, label in templates} >= {"civil", "uncivil"}:
        raise DataError(f"{path}: the audit needs civil and uncivil templates")
    return templates


def _rows(path: str | Path, what: str) -> list[dict[Any, Any]]:
    path = Path(path)
    if not path.is_file():
        raise InputMissingError(f"{path}: no such {what} file")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise DataError(f"{path}: not UTF-8 (byte {error.start})") from None
    if not text.strip():
        raise DataError(f"{path}: empty {what} file")
    lines = text.splitlines()
    if "\t" not in lines[0] and what == "terms" and lines[0].strip() != "term":
        return [{"term": line} for line in lines]
    return list(csv.DictReader(lines, delimiter="\t"))


def sentences(terms: list[tuple[str, str]], templates: list[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"term": term, "group": group, "text": template.replace(PLACEHOLDER, term), "label": label}
            for term, group in terms for template, label in templates]  # fmt: skip


def audit(uncivil: list[float], rows: list[dict[str, str]], threshold: float) -> list[TermResult]:
    """Per term, its AUCs and false-positive rate from each sentence's incivility score."""
    import numpy as np
    from sklearn.metrics import roc_auc_score

    scores = np.asarray(uncivil, dtype=float)
    terms = np.asarray([row["term"] for row in rows])
    positive = np.asarray([row["label"] == "uncivil" for row in rows])
    results = []
    for term, group in dict.fromkeys((row["term"], row["group"]) for row in rows):
        inside = terms == term

        def auc(mask: Any) -> float:
            return float(roc_auc_score(positive[mask], scores[mask]))

        results.append(TermResult(
            term=term, group=group, subgroup_auc=auc(inside), bpsn_auc=auc((inside & ~positive) | (~inside & positive)),
            bnsp_auc=auc((inside & positive) | (~inside & ~positive)),
            false_positive_rate=float((scores[inside & ~positive] >= threshold).mean()),
        ))  # fmt: skip
    return sorted(results, key=lambda result: result.worst)


def summary(results: list[TermResult]) -> dict[str, Any]:
    """The worst figure of each kind and the term it belongs to."""
    worst = {}
    for name in ("subgroup_auc", "bpsn_auc", "bnsp_auc"):
        low = min(results, key=lambda result: getattr(result, name))
        worst[name] = {"value": round(getattr(low, name), 4), "term": low.term}
    high = max(results, key=lambda result: result.false_positive_rate)
    worst["false_positive_rate"] = {"value": round(high.false_positive_rate, 4), "term": high.term}
    worst["terms"] = len(results)
    return worst


def write_report(results: list[TermResult], directory: Path, model_id: str, threshold: float) -> None:
    """audit.json, audit.md and audit.png (terms sorted by their worst figure), atomically each."""
    from moderation.io.output import atomic_open

    directory.mkdir(parents=True, exist_ok=True)
    data = {"model": model_id, "hold_threshold": threshold, "summary": summary(results),
            "terms": [{**result.__dict__, "worst": result.worst} for result in results]}  # fmt: skip
    with atomic_open(directory / "audit.json", force=True) as stream:
        json.dump(data, stream, indent=2)
    lines = [f"# Identity-term audit of {model_id}", "",
             f"{len(results)} terms; the civility head's incivility score; false positives at the hold threshold {threshold}.", "",
             "| term | group | subgroup AUC | BPSN AUC | BNSP AUC | false positives |", "|---|---|---|---|---|---|"]  # fmt: skip
    lines += [f"| {r.term} | {r.group} | {r.subgroup_auc:.3f} | {r.bpsn_auc:.3f} | {r.bnsp_auc:.3f} | {r.false_positive_rate:.1%} |"
              for r in results]  # fmt: skip
    with atomic_open(directory / "audit.md", force=True) as stream:
        stream.write("\n".join(lines) + "\n")
    _plot(results, directory / "audit.png")


def _plot(results: list[TermResult], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axis = plt.subplots(figsize=(7, max(4, 0.22 * len(results))), constrained_layout=True)
    positions = range(len(results))
    for name, marker in (("subgroup_auc", "o"), ("bpsn_auc", "s"), ("bnsp_auc", "^")):
        axis.scatter([getattr(result, name) for result in results], positions, marker=marker, label=name.replace("_auc", " AUC"), s=18)
    axis.set_yticks(list(positions), [result.term for result in results], fontsize=7)
    axis.invert_yaxis()
    axis.set_xlim(0.4, 1.01)
    axis.axvline(0.9, color="grey", linewidth=0.5)
    axis.set_xlabel("AUC (1 is perfect, 0.5 chance); worst terms first")
    axis.set_title("Identity-term audit of the civility head")
    axis.legend(loc="lower left", fontsize=7)
    temporary = path.with_name(f".{path.name}.tmp")
    figure.savefig(temporary, dpi=120, format="png")
    plt.close(figure)
    temporary.replace(path)  # atomically, as every output


def audit_model(model: Any, threshold: float, terms: str | Path | None = None,
                templates: str | Path | None = None) -> list[TermResult]:  # fmt: skip
    """The audit of a loaded model's civility head (`bundle.Model`)."""
    import pandas as pd

    if "civility" not in model.tasks:
        raise DataError("the model has no civility head to audit")
    rows = sentences(read_terms(terms), read_templates(templates))
    proba, _labels = model.predict(pd.DataFrame({"text": [row["text"] for row in rows]}), ["civility"])["civility"]
    uncivil = [float(value) for value in proba[:, model.labels("civility").index("uncivil")]]
    return audit(uncivil, rows, threshold)
