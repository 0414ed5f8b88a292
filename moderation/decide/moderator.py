"""Decisions: a comment in, publish / hold / reject out, with every reason named.

`Moderator` joins the policy (cheap rules first) and the model (scores, explanations) and
remembers each author's recent comments for the repeat and flood rules. The model is
loaded on first need, so a comment the rules already reject costs no model load.
"""

from __future__ import annotations

import contextlib
import gc
import math
import time
from collections import defaultdict, deque
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from moderation.errors import DataError
from moderation.decide.language import MIN_CONFIDENCE, compact_detector_says_english, detect, looks_english
from moderation.decide.policy import Policy, Reason, action_of, load_policy, rules_and_length, score_reasons
from moderation.decide.terms import could_match_many
from moderation.decide.history import History as _History
from moderation.decide.history import could_reach as _could_reach
from moderation.decide.history import jaccard as _jaccard
from moderation.decide.history import shingles as _shingles

if TYPE_CHECKING:
    import pandas as pd

    from moderation.learn.bundle import Model

DECISION_COLUMNS = ("action", "reasons", "scores", "predicted", "explain", "not_scored", "language", "featured", "model",
                    "policy_hash", "error")  # fmt: skip
OUTPUT_COLUMNS = (*DECISION_COLUMNS, "length")
NO_ARTICLE = "no article title or text to take a stance toward"
"""The keys `score` adds to each row, in this order."""


class Moderator:
    """The decision maker behind `score`, `check` and `serve`."""

    def __init__(self, policy: Policy | None = None, model: Model | None = None, model_dir: str | Path | None = None) -> None:
        self.policy = policy or Policy()
        self._model = model
        self.model_dir = model_dir
        self._history = _History(window=self.policy["repeat_window"])
        self._flood: dict[str, deque[float]] = defaultdict(deque)

    @classmethod
    def load(cls, model: str | Path | None = None, policy: str | Path | Policy | None = None) -> Moderator:
        """A moderator with the model at `model` (default model if None) and a policy file."""
        rules = policy if isinstance(policy, Policy) else load_policy(policy)
        return cls(policy=rules, model_dir=model)

    def replace_model(self, model: Model) -> None:
        """Decide with `model` from the next batch on (`serve` reloading an adopted model);
        a batch being decided keeps the model it started with."""
        self._model = model

    @property
    def model(self) -> Model:
        if self._model is None:
            from moderation.learn.bundle import load

            self._model = load(self.model_dir)
        return self._model

    def _history_reasons(self, text: str, author: str, now: float) -> list[Reason]:
        reasons = []
        shingles = _shingles(text)
        recent = self._history.recent(author)
        best = max((_jaccard(shingles, old) for _t, old in recent if _could_reach(shingles, old, self.policy["repeat_similarity"])),
                   default=0.0)  # fmt: skip
        if best >= self.policy["repeat_similarity"]:
            reasons.append(Reason("repeat", "hold", round(best, 3), self.policy["repeat_similarity"],
                                  "the same or nearly the same as a recent comment by this author"))  # fmt: skip
        recent.append((now, shingles))
        times = self._flood[author]
        times.append(now)
        while times and times[0] < now - self.policy["flood_seconds"]:
            times.popleft()
        if len(times) > self.policy["flood_limit"]:
            reasons.append(Reason("flood", "hold", len(times), self.policy["flood_limit"],
                                  f"{len(times)} comments by this author within {self.policy['flood_seconds']} s"))  # fmt: skip
        return reasons

    def recall(self, author: str, entries: list[tuple[float, frozenset[Any]]]) -> None:
        """Replace what this moderator remembers of `author` with `entries` (time, word
        pairs), oldest first: the memory another process kept (`state.AuthorState`)."""
        self._history.seen[author] = deque(entries[-self._history.window :], maxlen=self._history.window)
        self._flood[author] = deque(at for at, _pairs in entries)

    @staticmethod
    def shingles(text: str) -> frozenset[Any]:
        """What the repeat rule compares of a comment (its word pairs)."""
        return _shingles(text)

    def history_reasons(self, rows: list[dict[str, Any]]) -> list[list[Reason]]:
        """The repeat and flood reasons of each row, remembering the rows as seen.

        A row's time is its `posted_at` when that reads as a date (ISO 8601) or as epoch
        seconds, else now: an archive re-scored in minutes is not a flood, but the
        comments its authors posted within `flood_seconds` of each other are.

        Split out so that a queue scored in parallel keeps one memory, in input order,
        in the process that reads it: the decisions are then those of a serial run.
        """
        now = time.time()
        return [self._history_reasons(row["text"], row["author"], _time_of(row, now)) if row.get("author") and _usable(row.get("text")) else []
                for row in rows]  # fmt: skip

    def decide_many(self, rows: list[dict[str, Any]], explain: bool = True,
                    history: list[list[Reason]] | None = None) -> list[dict[str, Any]]:  # fmt: skip
        """Decisions for rows of `text` (and optionally `author`, `article_title`,
        `article_text`, `min_chars`, `max_chars` from the page); the order is kept.
        `history` is `history_reasons(rows)` when already taken."""
        if history is None:
            history = self.history_reasons(rows)
        decisions: list[dict[str, Any] | None] = []
        needs_model: list[int] = []
        ruled: list[tuple[list[Reason], int]] = []
        suspects = self.policy["suspect_terms"]
        possible = iter(could_match_many([row["text"] for row in rows if _usable(row.get("text"))], suspects) if suspects else [])
        for row, remembered in zip(rows, history, strict=True):
            text = row.get("text")
            if not _usable(text):
                decisions.append(self._error(row.get("parse_error") or "empty text"))
                continue
            reasons, length = rules_and_length(text, self.policy, _int(row.get("min_chars")), _int(row.get("max_chars")),
                                               suspects_possible=next(possible, None))  # fmt: skip
            reasons += remembered
            language, unread = self._language(text)
            if unread is not None:
                if unread.action != "publish":
                    reasons.append(unread)
                decisions.append(self._decision(reasons, length, not_scored={"all": unread.message}, language=language))
            elif action_of(reasons) == "reject":
                decisions.append(self._decision(reasons, length, language=language))
            else:
                needs_model.append(len(decisions))
                ruled.append((reasons, length, language))
                decisions.append(None)
        if needs_model:
            model = self.model  # one model for the whole batch, even if `replace_model` runs meanwhile
            scored = self._scores([rows[i] for i in needs_model], explain, model)
            for index, (reasons, length, language), (scores, predicted, explained, more, featured, not_scored) in zip(
                    needs_model, ruled, scored, strict=True):  # fmt: skip
                decision = self._decision(reasons + more, length, scores, predicted, explained, featured, not_scored, language)
                decision["model"] = model.id
                decisions[index] = decision
        return decisions  # type: ignore[return-value]  (every None was replaced)

    def _language(self, text: str) -> tuple[dict[str, Any] | None, Reason | None]:
        """The comment's language (`language.detect`), and the reason it is not scored
        when the models do not read it (confidently another language than the policy's)."""
        if "en" in self.policy["languages"] and (looks_english(text) or compact_detector_says_english(text)):
            return {"code": "en", "confidence": None}, None  # plainly English: py3langid is not asked
        code, confidence = detect(text)
        if code is None:
            return None, None
        found = {"code": code, "confidence": confidence}
        if code in self.policy["languages"] or confidence is None or confidence < MIN_CONFIDENCE:
            return found, None
        action = self.policy["unsupported_language"]
        return found, Reason("language", action, code, None,
                             f"written in {code}; the models read {', '.join(self.policy['languages'])}")  # fmt: skip

    def _scores(self, rows: list[dict[str, Any]], explain: bool, model: Model) -> list[tuple[dict[str, Any], dict[str, Any], Any, list[Reason], bool, Any]]:
        """Per row: its scores, predicted labels, explanation, the reasons the scores give,
        whether it is a candidate to feature, and the tasks left unscored with why."""
        has_article = [bool(row.get("article_title") or row.get("article_text")) for row in rows]
        # A stance toward nothing is noise: rows without an article are not put to the
        # stance head at all (it was a fifth of a queue's model time), and say why.
        groups = [[index for index, has in enumerate(has_article) if has == wanted] for wanted in (True, False)]
        per_row: list[tuple[dict[str, Any], dict[str, Any], Any]] = [None] * len(rows)  # type: ignore[list-item]
        for indices, tasks in zip(groups, (None, [task for task in model.tasks if task != "stance"]), strict=True):
            if indices:
                for index, result in zip(indices, _predicted_rows(model, [rows[i] for i in indices], explain, tasks), strict=True):
                    per_row[index] = result
        threshold = self.policy["feature_threshold"]
        results = []
        for row, row_has_article, (scores, predicted, explained) in zip(rows, has_article, per_row, strict=True):
            not_scored = None
            if not row_has_article and "stance" in model.tasks:
                scores = {task: scores.get(task) for task in model.tasks}  # stance: None, in its place
                predicted = {task: predicted.get(task) for task in model.tasks}
                not_scored = {"stance": NO_ARTICLE}
            constructive = scores.get("constructive", {}).get("constructive")
            results.append((scores, predicted, explained, score_reasons(scores, self.policy, row_has_article, row["text"]),
                            constructive is not None and constructive >= threshold, not_scored))  # fmt: skip
        return results

    def _decision(self, reasons: list[Reason], length: int, scores: dict[str, Any] | None = None,
                  predicted: dict[str, Any] | None = None, explained: Any = None, featured: bool = False,
                  not_scored: dict[str, str] | None = None, language: dict[str, Any] | None = None) -> dict[str, Any]:  # fmt: skip
        action = action_of(reasons)
        return {
            "action": action,
            "reasons": [reason.to_dict() for reason in reasons],
            "scores": scores,
            "predicted": predicted,
            "explain": explained,
            "not_scored": not_scored,
            "language": language,
            "featured": featured and action == "publish",
            "model": self._model.id if self._model is not None and scores is not None else None,
            "policy_hash": self.policy.hash,
            "length": length,
            "error": None,
        }

    def _error(self, error: str) -> dict[str, Any]:
        return {"action": None, "reasons": [], "scores": None, "predicted": None, "explain": None, "not_scored": None,
                "language": None, "featured": False, "model": None, "policy_hash": self.policy.hash, "error": error}  # fmt: skip

    def check(self, text: str, article: dict[str, Any] | None = None, author: str | int | None = None,
              explain: bool = True) -> dict[str, Any]:  # fmt: skip
        """The decision for one comment; DataError for empty text or a field of the wrong kind."""
        article = article or {}
        row = request_row(text, author, article.get("title"), article.get("text"))
        row.update(min_chars=article.get("min_chars"), max_chars=article.get("max_chars"))
        return self.decide_many([row], explain=explain)[0]

    def score(self, frame: pd.DataFrame, explain: bool = True, history: list[list[Reason]] | None = None) -> pd.DataFrame:
        """`frame` with the decision columns added; rows in = rows out, errors kept."""
        import pandas as pd

        with collection_paused():
            decisions = self.decide_many(rows_for_decisions(frame), explain=explain, history=history)
        out = frame.reset_index(drop=True).copy()
        for column in OUTPUT_COLUMNS:
            out[column] = pd.Series([decision.get(column) for decision in decisions], dtype=object)
        return out

    def score_records(self, frame: pd.DataFrame, explain: bool = True,
                      history: list[list[Reason]] | None = None) -> list[dict[str, Any]]:  # fmt: skip
        """`score` as one dict per row (missing values as None): what a queue's output is
        written from, without building a table only to take it apart again."""
        require_text(frame.columns)
        with collection_paused():
            records = table_records(frame)
            decisions = self.decide_many(_decision_rows(records), explain=explain, history=history)
            for record, decision in zip(records, decisions, strict=True):
                for column in OUTPUT_COLUMNS:
                    record[column] = decision.get(column)
        return records


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic garbage collection while a batch is decided.

    A batch's records, reasons and explanations are many small objects that all live
    until the batch is written, so the collector found nothing in them, yet its full
    passes walked every one of them again each time the heap had grown by a quarter: 10
    to 17 % of the time of a 20,000-comment batch. Deciding makes no reference cycles
    (a test checks), so nothing waits longer to be freed; the collector runs as before
    afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def request_row(text: Any, author: Any = None, article_title: Any = None, article_text: Any = None) -> dict[str, Any]:
    """A comment from a request (`check`, the HTTP hook) as decisions read it, or DataError
    naming the field of the wrong kind: checked before the comment joins a batch, where an
    author the memory cannot key would fail every comment of the batch."""
    if not isinstance(text, str) or not text.strip():
        raise DataError("empty comment text")
    for name, value in (("article_title", article_title), ("article_text", article_text)):
        if value is not None and not isinstance(value, str):
            raise DataError(f"{name} must be a string, got {type(value).__name__}")
    return {"text": text, "author": author_key(author), "article_title": article_title, "article_text": article_text}


def author_key(value: Any) -> str | None:
    """An author as the repeat and flood memory keys it: text as it is, a whole number as
    text (platforms key authors by number as often as by name), or DataError."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise DataError(f"author must be a string or a whole number, got {type(value).__name__}")


def table_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """A table's rows as dicts, with pandas' missing values (NaN, NA, NaT) as None.

    Built from whole columns: `frame.to_dict(orient="records")` boxes every cell of a
    text column one at a time, which took a twentieth of a queue's time."""
    columns = list(frame.columns)
    values = []
    for index in range(len(columns)):
        column = frame.iloc[:, index]
        cells = column.tolist()
        missing = column.isna().to_numpy()
        if missing.any():
            for at in missing.nonzero()[0].tolist():
                cells[at] = None
        values.append(cells)
    return [dict(zip(columns, row, strict=True)) for row in zip(*values)]


def require_text(columns: Any) -> None:
    """DataError naming the columns present when a queue has no `text` column."""
    if "text" not in columns:
        raise DataError(f"no 'text' column to score; present: {', '.join(map(str, columns))}")


def rows_for_decisions(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The fields decisions read, from a queue or from parsed pages (article_ prefixes)."""
    require_text(frame.columns)
    return _decision_rows(table_records(frame))


def _predicted_rows(model: Model, rows: list[dict[str, Any]], explain: bool,
                    tasks: list[str] | None) -> list[tuple[dict[str, Any], dict[str, Any], Any]]:  # fmt: skip
    """Per row: its scores (label to probability, per task), predicted labels and
    explanation (None without `explain`), from the heads of `tasks` (None: all)."""
    import numpy as np

    from moderation.features.inputs import Rows

    frame = Rows({
        "text": [row["text"] for row in rows],
        "article_title": [row.get("article_title") or "" for row in rows],
        "article_text": [row.get("article_text") or "" for row in rows],
    })  # fmt: skip
    predictions, explanations = model.predict_explained(frame, tasks, explain_top=6 if explain else 0)
    # Each task's score dicts are made in one pass (its labels read once), then handed out by row.
    labels_of = {task: model.labels(task) for task in predictions}
    per_task = {task: [dict(zip(labels_of[task], values, strict=True)) for values in np.round(proba, 4).tolist()]
                for task, (proba, _labels) in predictions.items()}  # fmt: skip
    return [({task: values[offset] for task, values in per_task.items()},
             {task: labels[offset] for task, (_proba, labels) in predictions.items()},
             None if explanations is None else explanations[offset]) for offset in range(len(rows))]  # fmt: skip


def _decision_rows(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for record in records:
        policy = record.get("article_comment_policy")
        policy = policy if isinstance(policy, dict) else {}
        rows.append({
            "text": _text(record.get("text")),
            "author": _text(record.get("author")),
            "article_title": _text(record.get("article_title")),
            "article_text": _text(record.get("article_text")) or _article_text(record),
            "min_chars": policy.get("min_chars"),
            "max_chars": policy.get("max_chars"),
            "parse_error": record.get("parse_error"),
            "posted_at": record.get("posted_at"),
        })  # fmt: skip
    return rows


def _article_text(record: dict[str, Any]) -> str | None:
    """What a parsed page says of its article beyond the title, for stance: its summary,
    then its key points (`parse` records them as `article_summary`, `article_key_points`)."""
    points = record.get("article_key_points")
    parts = [_text(record.get("article_summary")), *(_text(point) for point in points if isinstance(point, str))] \
        if isinstance(points, list) else [_text(record.get("article_summary"))]  # fmt: skip
    return " ".join(part for part in parts if part) or None


def _time_of(row: dict[str, Any], now: float) -> float:
    seconds = _seconds(row.get("posted_at"))
    return now if seconds is None else seconds


def _seconds(value: Any) -> float | None:
    """Epoch seconds from a `posted_at` value: a number, or ISO 8601 text (UTC when it
    names no zone); None for anything else ("3 hours ago", empty, NaN)."""
    from datetime import datetime, timezone

    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    if hasattr(value, "timestamp"):  # datetime, pandas Timestamp
        try:
            moment = value if getattr(value, "tzinfo", None) else value.replace(tzinfo=timezone.utc)
            return float(moment.timestamp())
        except (ValueError, OverflowError, OSError):  # NaT, out of range
            return None
    text = str(value).strip()
    try:
        return _seconds(float(text))
    except ValueError:
        pass
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).timestamp()


def _usable(text: Any) -> bool:
    return isinstance(text, str) and bool(text.strip())


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    return str(value)


def _int(value: Any) -> int | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
