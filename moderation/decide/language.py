"""Which language a comment is written in, so that a comment the English models cannot
read is held (or rejected, or published) by the policy instead of being scored as if it
were English.

`py3langid` (a port of langid.py, its model inside its wheel, 97 languages) takes about
0.18 ms for a news comment's opening 200 characters (docs/performance.md), more than all
the heads together, so a plainly English comment is not put to it (`looks_english`), nor
one that the much faster CLD2 reliably reads as English (`compact_detector_says_english`).
Very short comments say too little to tell ("ok", "lol", "+1", a name): under
`MIN_LETTERS` letters a comment's language is not judged and it is treated as the site's
language. A mixed-language comment gets the language most of its opening is in.
"""

from __future__ import annotations

import functools
import lzma
import os
import re
import shutil
import tempfile
import zipfile
from array import array
from pathlib import Path
from typing import Any

_LETTER = re.compile(r"[^\W\d_]")
MIN_LETTERS = 20
"""Fewer letters than this and the language is not judged (None)."""
SAMPLE_CHARS = 200
"""How much of a comment is read to tell its language: its opening says it, and the
detector's time grows with the length."""
MIN_CONFIDENCE = 0.9
"""Below this probability a detected language is not trusted to hold a comment."""


ENGLISH_WORDS = frozenset(
    "the and of that with this you are was not have for they their there what which would could should "
    "been from were will about your than them then when into because it's don't isn't "
    "who she his him her our has had but just why how does did doesn't can't i'm he's that's there's these those "
    "some any more very much many only its out get like people think know being since while where".split())
"""Common English words that are not common words of the other languages written in
Latin letters (no "a", "in", "is", "so", "die"): three of them tell English. The second
half of the list took the detector off about two fifths of the C3 comments the first
half left to it (docs/performance.md)."""
_ASCII_WORD = re.compile(r"[a-z']+")
_NON_ASCII_LETTER = re.compile(r"[^\W\d_a-zA-Z]")


def looks_english(text: str) -> bool:
    """Whether a comment is plainly English without asking the detector: no letter outside
    ASCII, and at least three different common English words among its first 200 characters ("the",
    "and", "that"...; other languages written in Latin letters rarely have three). Most
    comments on an English site are, and the detector would cost them more than all the
    heads together."""
    sample = text[:SAMPLE_CHARS]
    if not sample.isascii() and _NON_ASCII_LETTER.search(sample):
        return False  # curly quotes and dashes are fine; letters outside ASCII are not
    return len(ENGLISH_WORDS.intersection(_ASCII_WORD.findall(sample.lower()))) >= 3


def compact_detector_says_english(text: str) -> bool:
    """Whether CLD2 (Chromium's compact language detector, `pycld2`: C++, its tables in
    the library) reliably reads the comment's opening as English. At about 9 µs it
    settles most of what `looks_english` leaves (short comments, few function words:
    94 % of those in the shared English sets) before py3langid, at 180 µs, is asked.
    Only "English" is taken from it: any other answer, or none, goes to py3langid, whose
    answers the language rules were measured with. On 49,215 comments and tweets of the
    shared sets it called English one that py3langid reads as Tagalog; on our sentences in
    19 other languages, none (docs/performance.md)."""
    import pycld2

    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return False  # too short to tell: `detect` says so (None)
    try:
        reliable, _bytes, details = pycld2.detect(sample)
    except pycld2.error:  # text it cannot take (a lone surrogate): py3langid decides
        return False
    return bool(reliable) and details[0][1] == "en"


def load_detector() -> None:
    """Read py3langid's model now (about 0.3 s), for a service whose first comment that
    is not plainly English must not wait on it."""
    _identifier()


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    return load_identifier(cache_dir())


def cache_dir() -> Path:
    """Where an unpacked copy of py3langid's model is kept: `$MODERATION_CACHE`, else
    `$XDG_CACHE_HOME/moderation`, else `~/.cache/moderation`."""
    if os.environ.get("MODERATION_CACHE"):
        return Path(os.environ["MODERATION_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "moderation"


def load_identifier(cache: Path) -> Any:
    """py3langid's identifier, its model read from an unpacked copy in `cache`, made on
    first use.

    The wheel packs the model with LZMA: unpacking it took 0.4 to 0.9 s in every `score`
    worker process, reading the unpacked copy (68 MB) about 0.1 s. When the copy cannot be
    written or read, the model is read from the wheel as before.
    """
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    packed = MODEL_DIR / MODEL_FILE
    try:
        unpacked = _unpacked(packed, cache)
    except (OSError, lzma.LZMAError):  # no room or no right to write there
        return LanguageIdentifier.from_model_file(packed, norm_probs=True)
    try:
        with np.load(unpacked, allow_pickle=False) as data:
            return LanguageIdentifier(np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(),
                                      _stdlib_array(data["nextmove"]), data["out_feat"].tolist(),
                                      norm_probs=True, tk_row=_stdlib_array(data["nextmove_row"]))  # fmt: skip
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        unpacked.unlink(missing_ok=True)  # a damaged copy is made again by the next process
        return LanguageIdentifier.from_model_file(packed, norm_probs=True)


def _unpacked(packed: Path, cache: Path) -> Path:
    """The unpacked copy of the model file `packed` in `cache`, named after py3langid's
    version and the packed file's size, written (atomically) when missing."""
    from importlib.metadata import version

    path = cache / f"py3langid-{version('py3langid')}-{packed.stat().st_size}.npz"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=cache, suffix=".part", delete=False) as part:
            try:
                with lzma.open(packed) as source:
                    shutil.copyfileobj(source, part, length=1 << 20)
                part.close()
                os.replace(part.name, path)
            except BaseException:
                Path(part.name).unlink(missing_ok=True)
                raise
    return path


def _stdlib_array(values: Any) -> array:
    """A numpy array of unsigned integers as the stdlib array py3langid's own loader makes
    of it, and walks its DFA in."""
    out = array({2: "H", 4: "I", 8: "Q"}[values.dtype.itemsize])
    out.frombytes(values.tobytes())
    return out


def detect(text: str) -> tuple[str | None, float | None]:
    """(ISO 639-1 code, probability), or (None, None) for a comment too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None, None
    code, probability = _identifier().classify(sample)
    return str(code), round(float(probability), 3)
