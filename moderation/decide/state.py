"""Authors remembered across processes, in SQLite: the repeat and flood rules for a hook
that runs one `check` process per comment (`check --state FILE`).

`serve` and `score` remember authors in memory; a process per comment forgets them at
exit, so without a state file those two rules never fire. Each call reads the author's
recent comments, decides the two rules, and records the new comment in one immediate
transaction, so hooks running side by side see each other's comments (SQLite's
write-ahead log lets them read while one writes). What is kept is what the rules need:
the author key, the time, and the comment's word pairs (not its text), for at most
`repeat_window` comments or `flood_seconds`, whichever reaches further back.
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from moderation.errors import InputMissingError

if TYPE_CHECKING:
    from moderation.decide.moderator import Moderator
    from moderation.decide.policy import Reason

SCHEMA = """
CREATE TABLE IF NOT EXISTS recent (author TEXT NOT NULL, at REAL NOT NULL, pairs TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS recent_by_author ON recent (author, at);
"""


class AuthorState:
    """One SQLite file of recent comments by author (see the module's docstring)."""

    def __init__(self, path: str | Path) -> None:
        path = Path(path)
        if path.is_dir():
            raise InputMissingError(f"{path}: is a directory; --state names an SQLite file")
        try:
            self.connection = sqlite3.connect(path, timeout=10, isolation_level=None)
            self.connection.execute("PRAGMA journal_mode=WAL")
            self.connection.executescript(SCHEMA)
        except sqlite3.DatabaseError as error:
            raise InputMissingError(f"{path}: not a state file this tool can use ({error})") from None

    def history_reasons(self, moderator: Moderator, row: dict[str, Any], now: float | None = None) -> list[Reason]:
        """The repeat and flood reasons for `row` (`text`, `author`), its author's recent
        comments read from the file and the new one written to it."""
        author = row.get("author")
        if not author:
            return []
        now = time.time() if now is None else now
        policy = moderator.policy
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            stored = self.connection.execute(
                "SELECT at, pairs FROM recent WHERE author = ? ORDER BY at DESC LIMIT ?",
                (author, max(policy["repeat_window"], policy["flood_limit"] + 1)),
            ).fetchall()  # fmt: skip
            entries = [(at, frozenset(tuple(pair) if isinstance(pair, list) else pair for pair in json.loads(pairs)))
                       for at, pairs in reversed(stored)]  # fmt: skip
            moderator.recall(author, entries)
            reasons = moderator.history_reasons([{**row, "posted_at": now}])[0]
            pairs = json.dumps(sorted(list(pair) if isinstance(pair, tuple) else pair for pair in moderator.shingles(row["text"])))
            self.connection.execute("INSERT INTO recent VALUES (?, ?, ?)", (author, now, pairs))
            self.connection.execute(
                "DELETE FROM recent WHERE author = ? AND at < ? AND rowid NOT IN "
                "(SELECT rowid FROM recent WHERE author = ? ORDER BY at DESC LIMIT ?)",
                (author, now - policy["flood_seconds"], author, max(policy["repeat_window"], policy["flood_limit"] + 1)),
            )  # fmt: skip
            self.connection.execute("COMMIT")
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        return reasons

    def close(self) -> None:
        self.connection.close()
