"""Files more than one step reads: a file's sha256, read in blocks so that a model file
of any size costs no more memory than one block, and TOML settings files with the same
errors wherever they are read."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from moderation.errors import ConfigError, InputMissingError


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_settings(path: str | Path, what: str) -> dict[str, Any]:
    """A TOML settings file (`what` names it in messages: "policy", "training settings"):
    missing, a directory, or unreadable is exit 66; not TOML or not UTF-8 is exit 78."""
    import tomllib

    path = Path(path)
    if path.is_dir():
        raise InputMissingError(f"{path}: is a directory; the {what} is a TOML file")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputMissingError(f"{path}: no such {what} file") from None
    except PermissionError:
        raise InputMissingError(f"{path}: cannot read the {what} file (permission denied)") from None
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: {what} file is not UTF-8 (byte {error.start})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None


def user_mode(mode: int) -> int:
    """`mode` (0o666 for a file, 0o777 for a directory) under the user's umask: what an
    ordinary `open` or `mkdir` would give. Temporary files and directories are created
    private (0600, 0700); the finished output must not stay so."""
    umask = os.umask(0)
    os.umask(umask)
    return mode & ~umask
