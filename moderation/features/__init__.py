"""Features: what every head reads of a comment, computed once per batch.

Owns tokens (`tokens`), the hash tables that turn them into ids (`tables`, `vocabulary`),
the blocks of the one feature space all heads share (`grams`, `shape`, `pair`), and that
space itself (`space.FeatureSpace`). Array helpers are in `arrays`, and what the features
read of a frame (its columns, the cue words) in `inputs`.

May import: `moderation.errors`, `moderation.records`. Never scikit-learn at import time:
scoring loads a model without it.
"""
