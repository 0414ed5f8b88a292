"""The comment policy an HTML page states around its comments.

Reads the lines of the elements named for comments (or the reply form, `#respond`) that
state rules: length limits, moderation, guidelines; and the length limits set on the
comment field itself (`<textarea minlength maxlength>`). `common.policy_from_lines` turns
those lines into a `CommentPolicy`, as it does for text dumps.
"""

from __future__ import annotations

from typing import Any

from moderation.parse.common import is_policy_line, policy_from_lines
from moderation.parse.tree import BLOCK_TAGS, DROP_TAGS, TreeFold, element_text, iter_elements
from moderation.records import CommentPolicy

def read_policy(root: Any) -> CommentPolicy:
    """The policy stated in the elements named for comments and set on their comment fields."""
    elements = [element for element in iter_elements(root) if _named_for_comments(element)]
    named = set(elements)

    def reads_blocks_below(element: Any, above: bool) -> bool:
        # A named element's text holds every line of a block inside it, unless something
        # between them is left out of the text (a form, a script...).
        return element.tag not in DROP_TAGS and element.tag != "form" and (above or element in named)

    def outermost_named(element: Any, above: Any) -> Any:
        return above if above is not None or element not in named else element

    covered = TreeFold(reads_blocks_below, False)
    owner = TreeFold(outermost_named, None)
    # A field's limits used to be listed under every named element around it; only the
    # first listing, under the outermost, survived the de-duplication below.
    fields: dict[Any, list[Any]] = {}
    for field in root.iter("textarea"):
        if field.get("minlength") is None and field.get("maxlength") is None:
            continue
        outermost = owner.above(field)
        if outermost is not None:
            fields.setdefault(outermost, []).append(field)
    lines: list[str] = []
    judged: dict[str, bool] = {}  # "Reply", "says:"... come once per comment
    for element in elements:
        # A block already read as part of a named element around it adds no new line:
        # reading it again made a thread nested N deep cost N squared.
        if not (element.tag in BLOCK_TAGS and covered.above(element)):
            for line in element_text(element).splitlines():
                verdict = judged.get(line)
                if verdict is None:
                    verdict = judged[line] = is_policy_line(line)
                if verdict:
                    lines.append(line)
        for field in fields.get(element, ()):
            lines.append(f"minimum {field.get('minlength')} characters" if field.get("minlength") else "")
            lines.append(f"maximum {field.get('maxlength')} characters" if field.get("maxlength") else "")
    return policy_from_lines(list(dict.fromkeys(line for line in lines if line)))


def _named_for_comments(element: Any) -> bool:
    """Whether the class or id names comments, or the id the reply form, in any case.

    XPath's translate(@class, "COMENT", "coment") folded only those letters; lower()
    folds others too, but no other character lowers into one of them.
    """
    classes = element.get("class")
    if classes and "comment" in classes.lower():
        return True
    element_id = element.get("id")
    return bool(element_id) and ("comment" in (lowered := element_id.lower()) or "respond" in lowered)
