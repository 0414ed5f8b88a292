"""Parser quality and speed on saved real pages, this project beside trafilatura.

    python benchmarks/parse_bench.py [--shared ../shared] [--json OUT] [--no-peer]

Comments: dragnet's 966 pages (gold comment text after the COMMENTS marker), scored as a
bag of lowercase \\w+ tokens, micro-averaged (method in ../shared/pages/README.md), plus
false-alarm pages (comments reported where the gold has none). The same gold is used for
dragnet's plain-text dumps, which only this project reads. Metadata: readability's 130
pages, title / byline / site name / published date against expected-metadata.json.
Speed: pages per second over the dragnet HTML pages, parse only, one process.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from moderation.parse import parse_page
from moderation.parse.decode import decode

MARKER = re.compile(r"^[ \t]*[!@#$%^&*()][!@#$%^&*() \t]{3,}(?:COMMENTS|COMMNENTS|CORRECTED)?[ \t]*$", re.M)
"""The line after which a gold file's comments stand. Three files spell it otherwise (a
typo "COMMNENTS", "CORRECTED", the symbols alone): read as pages without comments, the
comments parsed from them had counted as false alarms."""
TOKEN = re.compile(r"\w+")


def tokens(text: str) -> Counter[str]:
    return Counter(TOKEN.findall(text.lower()))


def gold_comments(corrected: Path) -> str:
    """The gold comment text: what follows the marker. A few gold files are UTF-16 or have
    CRLF line ends; read as UTF-8 with `$` before "\\n", their comments had been missed."""
    text = decode(corrected.read_bytes()).replace("\r\n", "\n").replace("\r", "\n")
    match = MARKER.search(text)
    return text[match.end() :].strip() if match else ""


def ours_comments(data: bytes) -> str:
    page = parse_page(data)
    return "\n".join(f"{c.author or ''}\n{c.text}" for c in page.comments)


def trafilatura_comments(data: bytes) -> str:
    from trafilatura import bare_extraction

    result = bare_extraction(decode(data), include_comments=True)
    if result is None:
        return ""
    comments = result.comments if hasattr(result, "comments") else result.get("comments")
    return comments or ""


def score_comments(pages: list[tuple[bytes, str]], extract: Callable[[bytes], str]) -> dict[str, float]:
    overlap = found = gold_total = 0
    false_alarms = no_gold = 0
    started = time.perf_counter()
    for data, gold in pages:
        try:
            text = extract(data)
        except Exception as error:  # a peer crashing on a page counts as finding nothing
            print(f"warning: {error!r}", file=sys.stderr)
            text = ""
        got, want = tokens(text), tokens(gold)
        overlap += sum((got & want).values())
        found += sum(got.values())
        gold_total += sum(want.values())
        if not gold:
            no_gold += 1
            false_alarms += bool(text.strip())
    seconds = time.perf_counter() - started
    precision = overlap / found if found else 0.0
    recall = overlap / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "false_alarm_pages": false_alarms,
        "pages_without_comments": no_gold,
        "pages_per_second": len(pages) / seconds,
    }


OLD_LAYOUT = re.compile(
    r"^[ \t]*(?:posted by\b|\d{1,4}\.[ \t]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ \t]+\d)", re.I | re.M
)
"""A gold comment line of an old layout: a byline ("Posted by Tom, Manhattan Beach CA") or
a numbered time header ("1. December 27th, 2007 7:51 pm")."""


def old_layouts(pages: list[tuple[bytes, str]]) -> dict[str, float]:
    """The dragnet pages whose gold comments are written in an old layout (at least two
    bylines or numbered time headers), their gold comments (counted by those lines), the
    comments parsed from them, and the share of those with an author and with a time."""
    found = gold = authored = timed = 0
    chosen = [(data, text) for data, text in pages if len(OLD_LAYOUT.findall(text)) >= 2]
    for data, text in chosen:
        comments = parse_page(data).comments
        gold += len(OLD_LAYOUT.findall(text))
        found += len(comments)
        authored += sum(bool(comment.author) for comment in comments)
        timed += sum(bool(comment.posted_at) for comment in comments)
    return {"pages": len(chosen), "gold_comments": gold, "comments": found,
            "with_author": authored / found if found else 0.0, "with_time": timed / found if found else 0.0}  # fmt: skip


def _same_title(got: str | None, want: str | None) -> bool:
    norm = lambda s: " ".join(TOKEN.findall((s or "").lower()))  # noqa: E731
    return norm(got) == norm(want)


def _same_date(got: str | None, want: str | None) -> bool:
    return (got or "")[:10] == (want or "")[:10]


def _same_byline(got: list[str] | str | None, want: str | None) -> bool:
    got_text = " ".join(got) if isinstance(got, list) else (got or "")
    if not want:
        return not got_text
    norm = lambda s: set(TOKEN.findall(s.lower())) - {"by"}  # noqa: E731
    return bool(norm(got_text)) and norm(got_text) <= norm(want) | norm(got_text) and norm(want) <= norm(got_text) | {"and"}


def ours_metadata(data: bytes) -> dict[str, object]:
    article = parse_page(data).article
    return {"title": article.title, "byline": list(article.authors), "siteName": article.site_name, "publishedTime": article.published}


def trafilatura_metadata(data: bytes) -> dict[str, object]:
    from trafilatura import bare_extraction

    result = bare_extraction(decode(data), with_metadata=True)
    if result is None:
        return {}
    get = (lambda key: getattr(result, key, None)) if not isinstance(result, dict) else result.get
    return {"title": get("title"), "byline": get("author"), "siteName": get("sitename"), "publishedTime": get("date")}


def score_metadata(cases: list[tuple[bytes, dict[str, object]]], extract: Callable[[bytes], dict[str, object]]) -> dict[str, float]:
    right: Counter[str] = Counter()
    for data, want in cases:
        try:
            got = extract(data)
        except Exception as error:
            print(f"warning: {error!r}", file=sys.stderr)
            got = {}
        right["title"] += _same_title(got.get("title"), want.get("title"))  # type: ignore[arg-type]
        right["byline"] += _same_byline(got.get("byline"), want.get("byline"))  # type: ignore[arg-type]
        right["site_name"] += _same_title(got.get("siteName"), want.get("siteName"))  # type: ignore[arg-type]
        right["published"] += _same_date(got.get("publishedTime"), want.get("publishedTime"))  # type: ignore[arg-type]
    return {key: right[key] / len(cases) for key in ("title", "byline", "site_name", "published")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--json", help="also write the results here")
    parser.add_argument("--no-peer", action="store_true", help="skip trafilatura")
    args = parser.parse_args()
    pages_dir = Path(args.shared) / "pages"
    if not pages_dir.is_dir():
        sys.exit(f"no saved pages at {pages_dir}: pass --shared")
    dragnet = pages_dir / "dragnet"
    html_pages, text_pages = [], []
    for html_path in sorted((dragnet / "HTML").glob("*.html")):
        gold = gold_comments(dragnet / "Corrected" / f"{html_path.name}.corrected.txt")
        html_pages.append((html_path.read_bytes(), gold))
        text_path = dragnet / "text" / f"{html_path.stem}.txt"
        if text_path.exists():
            text_pages.append((text_path.read_bytes(), gold))
    cases = []
    for case in sorted((pages_dir / "readability" / "test-pages").iterdir()):
        meta = case / "expected-metadata.json"
        if meta.exists():
            cases.append(((case / "source.html").read_bytes(), json.loads(meta.read_text())))

    results: dict[str, dict[str, dict[str, float]]] = {"moderation": {}, "trafilatura": {}}
    results["moderation"]["dragnet_html"] = score_comments(html_pages, ours_comments)
    results["moderation"]["dragnet_text"] = score_comments(text_pages, ours_comments)
    results["moderation"]["readability"] = score_metadata(cases, ours_metadata)
    if not args.no_peer:
        results["trafilatura"]["dragnet_html"] = score_comments(html_pages, trafilatura_comments)
        results["trafilatura"]["readability"] = score_metadata(cases, trafilatura_metadata)

    rows = [
        ("comments P (dragnet HTML)", "dragnet_html", "precision", "{:.3f}"),
        ("comments R (dragnet HTML)", "dragnet_html", "recall", "{:.3f}"),
        ("comments F1 (dragnet HTML)", "dragnet_html", "f1", "{:.3f}"),
        ("false-alarm pages (of no-comment pages)", "dragnet_html", "false_alarm_pages", "{:.0f}"),
        ("pages per second (dragnet HTML)", "dragnet_html", "pages_per_second", "{:.1f}"),
        ("comments F1 (dragnet text dumps)", "dragnet_text", "f1", "{:.3f}"),
        ("false-alarm pages (text dumps)", "dragnet_text", "false_alarm_pages", "{:.0f}"),
        ("title accuracy (readability)", "readability", "title", "{:.3f}"),
        ("byline accuracy (readability)", "readability", "byline", "{:.3f}"),
        ("site name accuracy (readability)", "readability", "site_name", "{:.3f}"),
        ("published date accuracy (readability)", "readability", "published", "{:.3f}"),
    ]
    no_gold = results["moderation"]["dragnet_html"]["pages_without_comments"]
    print(f"dragnet: {len(html_pages)} pages ({no_gold:.0f} without comments); readability: {len(cases)} pages")
    print(f"| {'measure':<42} | {'moderation':>10} | {'trafilatura':>11} |")
    print(f"|{'-' * 44}|{'-' * 12}|{'-' * 13}|")
    for label, group, key, fmt in rows:
        ours = results["moderation"].get(group, {}).get(key)
        peer = results["trafilatura"].get(group, {}).get(key)
        cell = lambda value: fmt.format(value) if value is not None else "n/a"  # noqa: E731
        print(f"| {label:<42} | {cell(ours):>10} | {cell(peer):>11} |")
    print("\nold layouts (numbered time headers, bylines under the text):")
    for kind, pages in (("HTML", html_pages), ("text dumps", text_pages)):
        layouts = results["moderation"][f"old_layouts_{kind.split()[0].lower()}"] = old_layouts(pages)
        print(f"  {kind}: {layouts['pages']} dragnet pages, {layouts['gold_comments']} gold comments by those "
              f"lines; parsed {layouts['comments']}, {layouts['with_author']:.0%} with an author, "
              f"{layouts['with_time']:.0%} with a time")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
