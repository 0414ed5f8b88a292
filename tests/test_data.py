"""Reading queues and histories in chunks: memory stays that of a chunk."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from moderation.io.tables import iter_table


def test_parquet_chunks_do_not_pile_up_in_arrow_memory(tmp_path):
    path = tmp_path / "history.parquet"
    texts = [f"comment {n} " + "words to make the row long enough " * 8 for n in range(2_000)]
    table = pa.Table.from_pandas(pd.DataFrame({"text": texts, "civility": ["civil"] * len(texts)}))
    with pq.ParquetWriter(path, table.schema) as writer:
        for _ in range(30):
            writer.write_table(table, row_group_size=2_000)
    before = pa.total_allocated_bytes()
    held_at_the_end = 0
    rows = 0
    for chunk in iter_table(path, chunk_rows=2_000):
        rows += len(chunk)
        held_at_the_end = pa.total_allocated_bytes() - before
    assert rows == 60_000
    # The file holds about 20 MB of text; a reader that keeps what it read (pyarrow's
    # pre_buffer) ends holding most of it, one that does not holds a chunk or two.
    assert held_at_the_end < 4 * table.nbytes, held_at_the_end
