"""Learning: the heads, how they are trained, evaluated and saved.

Owns the scikit-learn side of each head (`heads`, `pooling`, `stance`), the arrays that
scoring reads instead (`scorer`), training in memory (`train`) and out of core
(`streaming`), evaluation (`evaluate`), and the saved model directory (`bundle`, with its
card in `card`). Named `learn` so that it is not confused with the top-level `models/`,
which holds the shipped model files.

May import: `features`, `io`, `moderation.errors`, `moderation.records`.
"""
