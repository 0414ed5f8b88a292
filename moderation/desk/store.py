"""The desk's SQLite database: the scored queue, and every moderator decision as a new row.

Nothing is overwritten. `decisions` only grows: a moderator's action (approve, reject,
hold, skip), a label (civility, stance, constructive) or an undo is one row each, with
who, when, and the model id, policy hash and scores the comment had then. A comment's
current state is its latest decision that no later one undid. The database runs in WAL
mode and every action is one short immediate transaction, so two moderators on one
queue never lose each other's decisions; an action on a comment that changed since the
page showed it answers a conflict instead of writing over it.
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from typing import Any

from moderation.errors import DataError, InputMissingError, ModerationError

SCHEMA_VERSION = 1
ACTIONS = ("approve", "reject", "hold", "skip")
LABELS = {"civility": ("civil", "uncivil"), "stance": ("agree", "disagree", "discuss", "unrelated"),
          "constructive": ("constructive", "not_constructive")}  # fmt: skip
"""The labels a moderator may set, as the training table names them."""

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS comments (
    id INTEGER PRIMARY KEY, source_id TEXT, text TEXT, author TEXT, article_title TEXT, article_text TEXT,
    article_source TEXT, action TEXT, reasons TEXT, scores TEXT, predicted TEXT, explain TEXT, language TEXT,
    model TEXT, policy_hash TEXT, error TEXT, priority REAL NOT NULL DEFAULT 0, uncertainty REAL
);
CREATE INDEX IF NOT EXISTS comments_by_priority ON comments (priority DESC, id);
CREATE TABLE IF NOT EXISTS decisions (
    id INTEGER PRIMARY KEY, comment_id INTEGER NOT NULL REFERENCES comments (id), kind TEXT NOT NULL,
    value TEXT, reason TEXT, moderator TEXT NOT NULL, at REAL NOT NULL, model TEXT, policy_hash TEXT, scores TEXT,
    undoes INTEGER REFERENCES decisions (id)
);
CREATE INDEX IF NOT EXISTS decisions_by_comment ON decisions (comment_id, id);
"""


class DeskBusyError(ModerationError):
    """The database stayed locked by another writer longer than the timeout."""

    exit_code = 75  # EX_TEMPFAIL: try again


class Conflict(Exception):
    """The comment changed since the moderator saw it (another moderator acted)."""


class DeskStore:
    def __init__(self, path: str | Path) -> None:
        path = Path(path)
        if path.is_dir():
            raise InputMissingError(f"{path}: is a directory; --db names an SQLite file")
        try:
            self.connection = sqlite3.connect(path, timeout=5, isolation_level=None, check_same_thread=False)
            self.connection.row_factory = sqlite3.Row
            self.connection.execute("PRAGMA journal_mode=WAL")
            self.connection.executescript(SCHEMA)
            found = self.connection.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.OperationalError as error:
            raise DeskBusyError(f"{path}: {error}") from None
        except sqlite3.DatabaseError as error:
            raise DataError(f"{path}: not a desk database ({error})") from None
        if found is None:
            self.connection.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        elif int(found["value"]) > SCHEMA_VERSION:
            raise DataError(f"{path}: written by a newer moderation (desk schema {found['value']}, this one reads "
                            f"{SCHEMA_VERSION}); upgrade moderation")  # fmt: skip
        self.path = path

    def add(self, records: list[dict[str, Any]]) -> int:
        """Scored records (`score`'s output) into the queue; how many were added."""
        rows = []
        for record in records:
            scores = record.get("scores") or {}
            uncivil = (scores.get("civility") or {}).get("uncivil")
            uncertainty = None if uncivil is None else 1 - 2 * abs(uncivil - 0.5)
            rank = {"hold": 3, "reject": 1, "publish": 2}.get(record.get("action") or "", 0)
            rows.append((_text(record.get("id") or record.get("comment_id")), record.get("text"), _text(record.get("author")),
                         _text(record.get("article_title")), _text(record.get("article_text")), _text(record.get("article_source")),
                         record.get("action"), json.dumps(record.get("reasons") or []), json.dumps(scores),
                         json.dumps(record.get("predicted") or {}), json.dumps(record.get("explain")),
                         json.dumps(record.get("language")), record.get("model"), record.get("policy_hash"), record.get("error"),
                         rank + (uncertainty or 0), uncertainty))  # fmt: skip
        with self._write():
            self.connection.executemany(
                "INSERT INTO comments (source_id, text, author, article_title, article_text, article_source, action, reasons,"
                " scores, predicted, explain, language, model, policy_hash, error, priority, uncertainty)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)  # fmt: skip
        return len(rows)

    def queue(self, action: str | None = None, search: str | None = None, reviewed: bool | None = None,
              limit: int = 50) -> list[dict[str, Any]]:  # fmt: skip
        """Comments by priority (the model's holds first, then what it is least sure of),
        each with its current decision and labels. Read a page at a time, with the
        decisions of a whole page in one query, so a queue of any length opens at once."""
        where, params = [], []
        if action:
            where.append("action = ?")
            params.append(action)
        if search:
            where.append("(text LIKE ? OR article_title LIKE ?)")
            params += [f"%{search}%"] * 2
        query = "SELECT * FROM comments" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY priority DESC, id"
        out: list[dict[str, Any]] = []
        cursor = self.connection.execute(query, params)
        while len(out) < limit and (batch := cursor.fetchmany(max(limit, 200))):
            rows = [dict(row) for row in batch]
            decisions = self._decisions([row["id"] for row in rows])
            for row in rows:
                self._state(row, decisions.get(row["id"], []))
                if reviewed is None or (row["decision"] is not None) == reviewed:
                    out.append(row)
        return out[:limit]

    def comment(self, comment_id: int) -> dict[str, Any]:
        row = self.connection.execute("SELECT * FROM comments WHERE id = ?", (comment_id,)).fetchone()
        if row is None:
            raise KeyError(comment_id)
        return self._with_state(dict(row))

    def decide(self, comment_id: int, kind: str, value: str | None, moderator: str, reason: str | None = None,
               seen: int | None = None) -> dict[str, Any]:  # fmt: skip
        """Record one action or label (`kind` is an action of `ACTIONS`, or a task of
        `LABELS` with `value` its label). `seen` is the last decision id the moderator's
        page showed: if another was made since, `Conflict` and nothing is written."""
        if kind not in ACTIONS and kind not in LABELS:
            raise ValueError(f"unknown action {kind!r}; known: {', '.join(ACTIONS + tuple(LABELS))}")
        if kind in LABELS and value not in LABELS[kind]:
            raise ValueError(f"{kind} label must be one of {', '.join(LABELS[kind])}, got {value!r}")
        with self._write():
            comment = self.connection.execute("SELECT model, policy_hash, scores FROM comments WHERE id = ?", (comment_id,)).fetchone()
            if comment is None:
                raise KeyError(comment_id)
            self._check_seen(comment_id, seen)
            self.connection.execute(
                "INSERT INTO decisions (comment_id, kind, value, reason, moderator, at, model, policy_hash, scores)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (comment_id, kind, value if kind in LABELS else kind, reason, moderator, time.time(), comment["model"],
                 comment["policy_hash"], comment["scores"]))  # fmt: skip
        return self.comment(comment_id)

    def undo(self, comment_id: int, moderator: str, seen: int | None = None) -> dict[str, Any]:
        """Undo the comment's latest standing decision, by a new row that names it."""
        with self._write():
            self._check_seen(comment_id, seen)
            standing = self._standing(comment_id)
            if not standing:
                raise ValueError("nothing to undo")
            self.connection.execute("INSERT INTO decisions (comment_id, kind, moderator, at, undoes) VALUES (?, 'undo', ?, ?, ?)",
                                    (comment_id, moderator, time.time(), standing[-1]["id"]))  # fmt: skip
        return self.comment(comment_id)

    def history(self, comment_id: int) -> list[dict[str, Any]]:
        return [dict(row) for row in self.connection.execute("SELECT * FROM decisions WHERE comment_id = ? ORDER BY id", (comment_id,))]

    def articles(self) -> list[dict[str, Any]]:
        """Each article's title and how many of its comments the model published, held and
        rejected, most comments first."""
        query = ("SELECT article_title AS title, COUNT(*) AS comments, SUM(action = 'publish') AS publish,"
                 " SUM(action = 'hold') AS hold, SUM(action = 'reject') AS reject FROM comments"
                 " GROUP BY article_title ORDER BY comments DESC, article_title")  # fmt: skip
        return [dict(row) for row in self.connection.execute(query)]

    def article(self, title: str | None) -> list[dict[str, Any]]:
        """The comments of one article (None: those without one), with their state."""
        rows = [dict(row) for row in self.connection.execute(
            "SELECT * FROM comments WHERE article_title IS ? ORDER BY id", (title,))]  # fmt: skip
        decisions = self._decisions([row["id"] for row in rows]) if rows else {}
        return [self._state(row, decisions.get(row["id"], [])) for row in rows]

    def reviewed(self) -> list[dict[str, Any]]:
        """Every comment a moderator has labelled, with its current labels and the scores
        the model gave it."""
        ids = [row["comment_id"] for row in self.connection.execute("SELECT DISTINCT comment_id FROM decisions ORDER BY comment_id")]
        rows = [dict(row) for row in self.connection.execute(
            f"SELECT * FROM comments WHERE id IN ({','.join('?' * len(ids))}) ORDER BY id", ids)] if ids else []  # fmt: skip
        decisions = self._decisions(ids) if ids else {}
        return [state for state in (self._state(row, decisions.get(row["id"], [])) for row in rows) if state["labels"]]

    def labelled(self) -> list[dict[str, Any]]:
        """Each reviewed comment with its current labels, for the training table."""
        out = []
        for row in self.connection.execute("SELECT DISTINCT comment_id FROM decisions ORDER BY comment_id"):
            comment = self.comment(row["comment_id"])
            labels = comment["labels"]
            if comment["decision"] in ("approve", "reject") and "civility" not in labels:
                continue  # an action says what to do, not what the comment is: only labels are training data
            if labels:
                out.append({"text": comment["text"], "article_title": comment["article_title"], "article_text": comment["article_text"],
                            "group": f"desk:{comment['article_title'] or comment['id']}", "source": "desk", **labels})  # fmt: skip
        return out

    def _decisions(self, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
        found: dict[int, list[dict[str, Any]]] = {}
        marks = ",".join("?" * len(ids))
        for row in self.connection.execute(f"SELECT * FROM decisions WHERE comment_id IN ({marks}) ORDER BY id", ids):
            found.setdefault(row["comment_id"], []).append(dict(row))
        return found

    def _standing(self, comment_id: int) -> list[dict[str, Any]]:
        return _standing(self._decisions([comment_id]).get(comment_id, []))

    def _with_state(self, row: dict[str, Any]) -> dict[str, Any]:
        return self._state(row, self._decisions([row["id"]]).get(row["id"], []))

    def _state(self, row: dict[str, Any], decisions: list[dict[str, Any]]) -> dict[str, Any]:
        standing = _standing(decisions)
        last = decisions[-1]["id"] if decisions else None
        actions = [entry for entry in standing if entry["kind"] in ACTIONS]
        row["decision"] = actions[-1]["kind"] if actions else None
        row["labels"] = {entry["kind"]: entry["value"] for entry in standing if entry["kind"] in LABELS}
        row["seen"] = last or 0
        for key in ("reasons", "scores", "predicted", "explain", "language"):
            row[key] = json.loads(row[key]) if row.get(key) else None
        return row

    def _check_seen(self, comment_id: int, seen: int | None) -> None:
        if seen is None:
            return
        last = self.connection.execute("SELECT MAX(id) FROM decisions WHERE comment_id = ?", (comment_id,)).fetchone()[0] or 0
        if last != seen:
            raise Conflict(f"comment {comment_id} was decided by someone else since you saw it; reload to see their decision")

    def _write(self) -> Any:
        return _Immediate(self.connection, self.path)

    def close(self) -> None:
        self.connection.close()


class _Immediate:
    """One immediate transaction: committed on success, rolled back on any error."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.connection, self.path = connection, path

    def __enter__(self) -> None:
        try:
            self.connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise DeskBusyError(f"{self.path}: {error}; another process holds the database") from None

    def __exit__(self, kind: Any, error: Any, trace: Any) -> None:
        self.connection.execute("COMMIT" if kind is None else "ROLLBACK")


def _standing(decisions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The decisions no later undo took back, oldest first."""
    undone = {row["undoes"] for row in decisions if row["kind"] == "undo"}
    return [row for row in decisions if row["kind"] != "undo" and row["id"] not in undone]


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    return str(value)
