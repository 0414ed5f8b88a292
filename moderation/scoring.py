"""The rows to score: queues read in chunks (memory stays flat on millions of rows), and
pages parsed to one row per comment with their article's fields and stated policy.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet"}


def frames_from_inputs(inputs: list[str], chunk_rows: int = 20_000) -> Iterator[pd.DataFrame]:
    """Tables are read as they are; pages are parsed to one row per comment."""
    import pandas as pd

    from moderation.data import iter_table
    from moderation.parse import iter_pages

    pages: list[str] = []
    for name in inputs:
        if name == "-" or (Path(name).suffix.lower() in TABLE_SUFFIXES and not Path(name).is_dir()):
            yield from iter_table(name, chunk_rows)
        else:
            pages.append(name)
    if pages:
        rows = []
        for result in iter_pages(pages):
            if result.page is None:
                rows.append({"article_source": result.source, "text": None, "parse_error": result.error})
                continue
            for comment in result.page.comments:
                rows.append(comment.to_dict())
        if rows:
            yield pd.DataFrame(rows)
