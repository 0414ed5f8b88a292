"""The recipes that turn the public datasets (C3, Davidson, OLID, ARC, FNC-1, the YouTube
Spam Collection) into the
canonical training table of `io.tables`; `data/README.md` says what each maps to what."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from moderation.errors import DataError, InputMissingError
from moderation.io.tables import read_table, require_columns

if TYPE_CHECKING:
    import pandas as pd


def _files(sources: list[str], names: tuple[str, ...]) -> list[Path]:
    """The dataset files: named directly, or found by name inside a named directory."""
    found: list[Path] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            for name in names:
                found.extend(sorted(path.glob(name)))
        elif path.exists():
            found.append(path)
        else:
            raise InputMissingError(f"{path}: no such file or directory")
    if not found:
        raise InputMissingError(f"none of {', '.join(names)} found in {', '.join(sources)}")
    return found


def _c3(sources: list[str]) -> pd.DataFrame:
    import pandas as pd

    frames = [read_table(path) for path in _files(sources, ("c3_train.csv", "*.csv"))[:1]]
    raw = pd.concat(frames)
    require_columns(raw, ("comment_text", "article_id", "crowd_toxicity_level", "constructive_binary"), "c3")
    level = pd.to_numeric(raw["crowd_toxicity_level"], errors="coerce")
    constructive = pd.to_numeric(raw["constructive_binary"], errors="coerce")
    return pd.DataFrame({
        "text": raw["comment_text"],
        "group": "c3:" + raw["article_id"].astype(str),
        "source": "c3",
        # Mean toxicity of 1 ("not toxic") to 4; 2 or more means at least "mildly toxic" on average.
        "civility": level.map(lambda v: None if pd.isna(v) else ("uncivil" if v >= 2 else "civil")),
        # Soft label around the hard cut: 0 up to a mean level of 1.5 (most comments, which
        # nobody rated more than mildly toxic), 0.5 at 2, 1 from 2.5 up.
        "civility_score": (level - 1.5).clip(0, 1),
        "constructive": constructive.map(lambda v: None if pd.isna(v) else ("constructive" if v >= 0.5 else "not_constructive")),
        "threat": level.map(_not_threat_below(1.5)),
        # Reader comments on opinion articles, moderated for publication: not spam. They
        # teach the spam head that figures, sources and links to reporting are not.
        "spam": "ham",
    })  # fmt: skip


def _youtube_spam(sources: list[str]) -> pd.DataFrame:
    """The YouTube Spam Collection: comments on four videos, each video a group (so a
    held-out video is one the spam head never saw)."""
    import pandas as pd

    frames = []
    for path in _files(sources, ("Youtube0*.csv",)):
        raw = read_table(path)
        require_columns(raw, ("CONTENT", "CLASS"), str(path))
        kind = pd.to_numeric(raw["CLASS"], errors="coerce")
        frames.append(pd.DataFrame({"text": raw["CONTENT"], "group": f"youtube:{path.stem}", "source": "youtube_spam",
                                    "spam": kind.map({1: "spam", 0: "ham"})}))  # fmt: skip
    return pd.concat(frames, ignore_index=True)


def _not_threat_below(level: float) -> Callable[[float], str | None]:
    """No public set here labels threats, but a comment that nobody found offensive is
    not one: those rows are the threat head's negatives (`threat` left empty on the rest).
    Its positives are the threats written for the purpose (data/behaviour/)."""
    return lambda value: "not_threat" if value == value and value <= level else None


def _davidson(sources: list[str]) -> pd.DataFrame:
    import pandas as pd

    raw = read_table(_files(sources, ("labeled_data.csv",))[0])
    require_columns(raw, ("tweet", "class"), "davidson")
    kind = pd.to_numeric(raw["class"], errors="coerce")
    return pd.DataFrame({
        "text": raw["tweet"],
        "group": "davidson:" + raw.index.astype(str),
        "source": "davidson",
        "civility": kind.map({0: "uncivil", 1: "uncivil", 2: "civil"}),
        "threat": kind.map({2: "not_threat"}),
    })  # fmt: skip


def _olid(sources: list[str]) -> pd.DataFrame:
    import pandas as pd

    raw = read_table(_files(sources, ("olid-training-v1.0.tsv", "*.tsv"))[0])
    require_columns(raw, ("tweet", "subtask_a"), "olid")
    return pd.DataFrame({
        "text": raw["tweet"],
        "group": "olid:" + raw.get("id", raw.index.to_series()).astype(str),
        "source": "olid",
        "civility": raw["subtask_a"].map({"OFF": "uncivil", "NOT": "civil"}),
        "threat": raw["subtask_a"].map({"NOT": "not_threat"}),
    })  # fmt: skip


def _pairs(sources: list[str], prefix: str, stances: str, bodies: str) -> pd.DataFrame:
    import pandas as pd

    stance_path = _files(sources, (stances,))[0]
    body_path = _files(sources, (bodies,))[0]
    pairs, texts = read_table(stance_path), read_table(body_path)
    require_columns(pairs, ("Headline", "Body ID", "Stance"), str(stance_path))
    require_columns(texts, ("Body ID", "articleBody"), str(body_path))
    merged = pairs.merge(texts, on="Body ID", how="left")
    return pd.DataFrame({
        "text": merged["articleBody"],
        "article_title": merged["Headline"],
        "group": f"{prefix}:" + merged["Headline"].astype(str),
        "source": prefix,
        "stance": merged["Stance"].str.strip().str.lower(),
    })  # fmt: skip


RECIPES: dict[str, Callable[[list[str]], pd.DataFrame]] = {
    "c3": _c3,
    "davidson": _davidson,
    "olid": _olid,
    "arc": lambda sources: _pairs(sources, "arc", "arc_stances.csv", "arc_bodies.csv"),
    "fnc1": lambda sources: _pairs(sources, "fnc1", "train_stances.csv", "train_bodies.csv"),
    "youtube_spam": _youtube_spam,
}


def prepare(recipe: str, sources: list[str]) -> pd.DataFrame:
    """Convert one public dataset to the canonical table (see data/README.md)."""
    if recipe not in RECIPES:
        raise DataError(f"unknown dataset {recipe!r}; known: {', '.join(RECIPES)}")
    frame = RECIPES[recipe](sources)
    frame = frame[frame["text"].notna() & frame["text"].astype(str).str.strip().ne("")]
    return frame.reset_index(drop=True)
