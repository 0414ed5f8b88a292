"""JSON of any nesting depth: `json.loads`, and a decoder that iterates where it gives up.

The standard decoder recurses once per nested object or array and raises RecursionError
near 1,000 levels. JSON-LD nests one `comment` inside another for each reply, so a thread
a few hundred replies deep was enough to stop the whole page with a traceback.
"""

from __future__ import annotations

import json
import re
from json.decoder import JSONDecodeError, scanstring
from typing import Any

_SPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"(-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?")
_CONSTANTS = {"null": None, "true": True, "false": False, "NaN": float("nan"),
              "Infinity": float("inf"), "-Infinity": float("-inf")}  # fmt: skip


def loads(text: str) -> Any:
    """What `json.loads(text)` gives, at any depth; ValueError for text that is not JSON."""
    try:
        return json.loads(text)
    except RecursionError:
        return _loads_iteratively(text)


def _loads_iteratively(text: str) -> Any:
    """The grammar `json.loads` accepts (NaN and Infinity too), decoded with a stack."""
    try:
        return _decode(text)
    except IndexError:
        raise JSONDecodeError("Unterminated JSON", text, len(text)) from None


def _decode(text: str) -> Any:
    # Each open container and, for an object, the key its next value goes under.
    stack: list[list[Any] | dict[str, Any]] = []
    keys: list[str | None] = []
    result: Any = None
    pos = _SPACE.match(text, 0).end()
    while True:
        # A value starts at pos.
        char = text[pos]
        opened: list[Any] | dict[str, Any] | None = None
        if char == "{":
            opened = {}
        elif char == "[":
            opened = []
        elif char == '"':
            value, pos = scanstring(text, pos + 1, True)
        else:
            value, pos = _scalar(text, pos)
        if opened is not None:
            value = opened
            pos = _SPACE.match(text, pos + 1).end()
        if stack:
            container = stack[-1]
            if isinstance(container, list):
                container.append(value)
            else:
                container[keys[-1]] = value
        else:
            result = value
        if opened is not None:
            closing = "}" if isinstance(opened, dict) else "]"
            if text[pos] == closing:
                pos += 1
            else:
                stack.append(opened)
                keys.append(None)
                if isinstance(opened, dict):
                    pos = _key(text, pos, keys)
                continue
        # After a complete value: close every container that ends here.
        while True:
            pos = _SPACE.match(text, pos).end()
            if not stack:
                if pos != len(text):
                    raise JSONDecodeError("Extra data", text, pos)
                return result
            container = stack[-1]
            closing = "}" if isinstance(container, dict) else "]"
            if text[pos] == ",":
                pos = _SPACE.match(text, pos + 1).end()
                if isinstance(container, dict):
                    pos = _key(text, pos, keys)
                break
            if text[pos] != closing:
                raise JSONDecodeError(f"Expecting ',' delimiter or {closing!r}", text, pos)
            pos += 1
            stack.pop()
            keys.pop()


def _key(text: str, pos: int, keys: list[str | None]) -> int:
    """Read `"key" :` at pos into the innermost object's slot; where its value starts."""
    if text[pos] != '"':
        raise JSONDecodeError("Expecting property name enclosed in double quotes", text, pos)
    key, pos = scanstring(text, pos + 1, True)
    pos = _SPACE.match(text, pos).end()
    if text[pos] != ":":
        raise JSONDecodeError("Expecting ':' delimiter", text, pos)
    keys[-1] = key
    return _SPACE.match(text, pos + 1).end()


def _scalar(text: str, pos: int) -> tuple[Any, int]:
    for word, value in _CONSTANTS.items():
        if text.startswith(word, pos):
            return value, pos + len(word)
    match = _NUMBER.match(text, pos)
    if not match:
        raise JSONDecodeError("Expecting value", text, pos)
    integer, fraction, exponent = match.groups()
    if fraction or exponent:
        return float(integer + (fraction or "") + (exponent or "")), match.end()
    return int(integer), match.end()
