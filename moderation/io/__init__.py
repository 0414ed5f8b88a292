"""Tables in, records out: reading CSV / JSON Lines / Parquet queues and training tables
(`tables`), making the canonical training table from the public datasets (`datasets`),
writing results atomically (`output`), and the sha256 of a file (`files`).

May import: `moderation.errors`, `moderation.records`. Nothing here knows about models or
policies.
"""
