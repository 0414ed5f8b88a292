"""Array building blocks of the features: sparse counts, sorted-set arithmetic, stable
hashes. Every feature block is a few of these over a whole batch, never a loop per text."""

from __future__ import annotations

import zlib
from typing import Any

import numpy as np


def csr(rows: np.ndarray, columns: np.ndarray, shape: tuple[int, int]) -> Any:
    """Counts of (row, column) pairs as a CSR matrix with sorted, summed entries.

    Rows come in order (tokens are read text by text), so the row pointers are counts and
    the pairs already lie in CSR order: built as CSR directly, this is 40 % faster than
    scipy's conversion from coordinates, which sorts them all again."""
    from scipy import sparse

    if len(rows) > 1 and not (rows[1:] >= rows[:-1]).all():
        matrix = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, columns)), shape=shape)
    else:
        indptr = np.zeros(shape[0] + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=shape[0]), out=indptr[1:])
        matrix = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), columns, indptr), shape=shape)
    matrix.sum_duplicates()
    return matrix


def l2_rows(matrix: Any) -> Any:
    """Rows scaled to unit length, in place."""
    counts = np.diff(matrix.indptr)
    nonempty = counts > 0
    sums = np.ones(matrix.shape[0])
    if nonempty.any():
        sums[nonempty] = np.add.reduceat(matrix.data * matrix.data, matrix.indptr[:-1][nonempty], dtype=np.float64)
    matrix.data /= np.repeat(np.sqrt(sums), counts).astype(matrix.data.dtype)
    return matrix



def unique(codes: np.ndarray) -> np.ndarray:
    """Sorted distinct values: by sorting, which is faster here than NumPy's hashing `unique`."""
    codes = np.sort(codes)
    return codes[np.concatenate([[True], codes[1:] != codes[:-1]])] if len(codes) else codes


def unique_counts(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted distinct values and how often each occurs."""
    codes = np.sort(codes)
    if not len(codes):
        return codes, np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.concatenate([[True], codes[1:] != codes[:-1]]))
    return codes[starts], np.diff(np.concatenate([starts, [len(codes)]]))


def member(codes: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    """Which `codes` are in `sorted_set` (sorted, distinct)."""
    if not len(sorted_set):
        return np.zeros(len(codes), dtype=bool)
    where = np.minimum(np.searchsorted(sorted_set, codes), len(sorted_set) - 1)
    return sorted_set[where] == codes


def rank_in_group(groups: np.ndarray) -> np.ndarray:
    """Position of each element within its run of equal (sorted) group values."""
    if not len(groups):
        return groups
    starts = np.concatenate([[True], groups[1:] != groups[:-1]])
    first = np.maximum.accumulate(np.where(starts, np.arange(len(groups)), 0))
    return np.arange(len(groups)) - first


def expand(owners: np.ndarray, values: np.ndarray, n_owners: int, owner_of_row: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Give each row a copy of its owner's values (owners sorted): (row, value) arrays."""
    per_owner = np.bincount(owners, minlength=n_owners)
    starts = np.concatenate([[0], np.cumsum(per_owner)])
    sizes = per_owner[owner_of_row]
    row = np.repeat(np.arange(len(owner_of_row)), sizes)
    offsets = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    return row, values[starts[owner_of_row][row] + offsets]


def stable_hash(token: str) -> int:
    """The same number for the same token in every process (Python's `hash` is salted)."""
    return zlib.crc32(token.encode("utf-8", "surrogatepass"))


def pair_codes(stems: np.ndarray, rows: np.ndarray, n_stems: int) -> np.ndarray:
    same = rows[:-1] == rows[1:]
    return rows[:-1][same] * (n_stems * n_stems) + stems[:-1][same] * n_stems + stems[1:][same]


def doc_freq(rows: np.ndarray, ids: np.ndarray, n_ids: int) -> np.ndarray:
    pairs = unique(rows * n_ids + ids)
    return np.bincount(pairs % n_ids, minlength=n_ids)


def presence_matrix(rows: np.ndarray, ids: np.ndarray, n_rows: int, n_ids: int) -> Any:
    from scipy import sparse

    keep = ids >= 0
    matrix = sparse.csr_matrix((np.ones(int(keep.sum()), dtype=np.float32), (rows[keep], ids[keep])), shape=(n_rows, n_ids))
    matrix.sum_duplicates()
    matrix.data[:] = 1
    return matrix
