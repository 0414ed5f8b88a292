"""Labels that look wrong: confident learning (Northcutt et al. 2021, the method cleanlab
implements), written out for the two or four labels a head has.

Each label's threshold is the model's average probability for it over the rows given that
label (how sure the model usually is when that label is right). A row is suspect when
another label's probability reaches that label's threshold and beats the given one's: the
model is as sure of the other label as it usually is when right. Suspects come out most
confident first, for a moderator's second look; nothing is changed.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def likely_mislabelled(given: Sequence[str], proba: np.ndarray, classes: Sequence[str]) -> list[tuple[int, str, float]]:
    """(row, the label the model would give, by how much it beats the given one), most
    confident first, for the rows whose given label looks wrong."""
    given = np.asarray(given)
    index = {label: column for column, label in enumerate(classes)}
    known = np.fromiter((label in index for label in given), dtype=bool, count=len(given))
    thresholds = np.full(len(classes), np.inf)
    for label, column in index.items():
        rows = known & (given == label)
        if rows.any():
            thresholds[column] = proba[rows, column].mean()
    suspects = []
    for row in np.flatnonzero(known):
        mine = index[given[row]]
        above = [column for column in range(len(classes)) if column != mine and proba[row, column] >= thresholds[column]]
        if not above:
            continue
        other = max(above, key=lambda column: proba[row, column])
        margin = float(proba[row, other] - proba[row, mine])
        if margin > 0:
            suspects.append((int(row), classes[other], round(margin, 4)))
    return sorted(suspects, key=lambda item: -item[2])
