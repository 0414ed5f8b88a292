"""How parse time and memory grow with a page's comment count, beside trafilatura.

    python benchmarks/parse_scale_bench.py [--sizes 1000,4000,16000,60000] [--shapes wordpress,...]
                                           [--timeout 900] [--no-peer] [--json OUT]

Each page is synthetic, in a shape the parser recognises: a WordPress thread (flat, in
threads of replies, or one chain of replies each nested in the one before, nesting as deep
as there are comments), schema.org microdata and JSON-LD comments (flat and chained), an
unnamed `<dl>` comment section, and a plain-text dump. Every (shape, size) runs in a fresh
process, so the peak RSS reported is that run's alone (the page's own text included: the
"page" column gives its size). "seconds" is wall-clock time of the parse alone, "CPU s"
its processor time (what to compare on a machine shared with other work); ms/comment is
wall time over N; "x page" is the peak RSS over the page's size. "found" is the comments
parsed (ours) or the characters extracted (peer).

The peer is trafilatura 2.x, `extract(html, include_comments=True)` on the same HTML in
the same run, when it is installed (`pip install -e .[bench] lxml_html_clean`). It measures something
different: it returns the page's main text and one flat string of comment text, with no
per-comment records, authors, times or reply links, and trafilatura refuses documents
larger than its MAX_FILE_SIZE setting (about 20 MB) outright. Text dumps are not HTML and
have no peer row.

Run with PYTHONPATH pointing at another checkout to measure that code instead.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time

WORDS = ("harbour ferry council timetable crossing fuel mainland commute shift boat evening vote budget "
         "report road junction library hours tide school bus lane parking fare").split()  # fmt: skip
FIRST = "Ada Bram Cleo Dev Eli Fay Gus Hana Ivo Jo Kai Lia Max Noor Oli Pia Quin Rue Sol Tia".split()
LAST = "Kowal Whitfield Abara Mensah Penn Ruiz Hale Berg Osei Lund".split()
SHAPES = ("wordpress-flat", "wordpress-threads", "wordpress-chain", "microdata-flat", "microdata-chain",
          "jsonld-flat", "jsonld-chain", "section-dl", "text-dump")  # fmt: skip
DEFAULT_SHAPES = ("wordpress-flat", "wordpress-threads", "wordpress-chain", "text-dump")


def sentence(index: int) -> str:
    rng = random.Random(index)
    return " ".join(rng.choice(WORDS) for _ in range(14)).capitalize() + f" ({index})."


def name(index: int) -> str:
    return f"{FIRST[index % 20]} {LAST[index // 20 % 10]}{index // 200 or ''}"


def _head(title: str, extra: str = "") -> str:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title} | Coastline Gazette</title>{extra}"
            f"</head><body><article><h1>{title}</h1><p class='byline'>By Imogen Hale</p>"
            "<p>The operator will run four crossings a day instead of seven.</p></article>")  # fmt: skip


def _parents(n: int, shape: str) -> list[int | None]:
    """Whom each comment replies to: nobody (flat), the one before (chain), or threads of
    up to eight replies, each under the one before."""
    if shape.endswith("flat"):
        return [None] * n
    if shape.endswith("chain"):
        return [None, *range(n - 1)]
    return [None if index % 8 == 0 else index - 1 for index in range(n)]


def wordpress(n: int, shape: str) -> str:
    """The markup WordPress themes print (tests/fixtures/wordpress_thread.html), nested as
    WordPress nests replies: an `<ol class="children">` inside the parent's `<li>`."""
    parents = _parents(n, shape)
    parts = [_head("Harbour ferry timetable cut"),
             "<div id='comments' class='comments-area'><h2 class='comments-title'>Comments</h2><ol class='commentlist'>"]
    for index in range(n):
        number = index + 1
        if index and parents[index] is None:
            depth = _depth(parents, index - 1)
            parts.append("</li></ol>" * depth + "</li>")
        elif index:
            parts.append("<ol class='children'>")
        parts.append(
            f"<li class='comment depth-1' id='comment-{number}'><article id='div-comment-{number}' class='comment-body'>"
            f"<footer class='comment-meta'><div class='comment-author vcard'><b class='fn'>{name(index)}</b> "
            f"<span class='says'>says:</span></div><div class='comment-metadata'><a href='#comment-{number}'>"
            f"<time datetime='2025-04-11T09:{index % 60:02d}:00+01:00'>April 11, 2025</time></a></div></footer>"
            f"<div class='comment-content'><p>{sentence(index)}</p></div>"
            f"<div class='reply'><a class='comment-reply-link' href='#'>Reply</a></div></article>"
        )  # fmt: skip
    parts.append("</li></ol>" * _depth(parents, n - 1) + "</li>")
    parts.append("</ol><div id='respond' class='comment-respond'><h3>Leave a Reply</h3><p class='comment-notes'>"
                 "Comments are moderated. Please keep comments respectful.</p><form id='commentform'>"
                 "<textarea id='comment' name='comment' maxlength='2000'></textarea></form></div></div></body></html>")
    return "".join(parts)


def _depth(parents: list[int | None], index: int) -> int:
    depth = 0
    while parents[index] is not None:
        index = parents[index]
        depth += 1
    return depth


def microdata(n: int, shape: str) -> str:
    """schema.org Comment items (tests/fixtures/microdata_comments.html), a reply inside its parent."""
    parents = _parents(n, shape)
    parts = [_head("Readers react to the stadium vote"), "<section>"]
    for index in range(n):
        if index and parents[index] is None:
            parts.append("</div>" * (_depth(parents, index - 1) + 1))
        parts.append(
            "<div itemprop='comment' itemscope itemtype='https://schema.org/Comment'>"
            f"<span itemprop='author'>{name(index)}</span> <meta itemprop='dateCreated' content='2024-11-02T10:00:00Z'>"
            f"<p itemprop='text'>{sentence(index)}</p>"
        )  # fmt: skip
    parts.append("</div>" * (_depth(parents, n - 1) + 1) + "</section></body></html>")
    return "".join(parts)


def jsonld(n: int, shape: str) -> str:
    """A DiscussionForumPosting whose Comments hold their replies under "comment"."""
    parents = _parents(n, shape)
    nodes = [{"@type": "Comment", "text": sentence(index), "author": {"name": name(index)},
              "dateCreated": "2025-01-02T03:04:05Z"} for index in range(n)]  # fmt: skip
    top = []
    for index, parent in enumerate(parents):
        if parent is None:
            top.append(nodes[index])
        else:
            nodes[parent].setdefault("comment", []).append(nodes[index])
    data = {"@context": "https://schema.org", "@type": "DiscussionForumPosting", "headline": "Bus lanes", "comment": top}
    # json.dumps recurses too: build the text of a deep chain from the inside out.
    text = _dumps_iteratively(data)
    return _head("Bus lanes", f"<script type='application/ld+json'>{text}</script>") + "</body></html>"


def _dumps_iteratively(value: object) -> str:
    out: list[str] = []
    stack: list[object] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str) and item.startswith("\0"):
            out.append(item[1:])
        elif isinstance(item, dict):
            out.append("{")
            pending: list[object] = []
            for position, (key, child) in enumerate(item.items()):
                pending += ["\0" + ("," if position else "") + json.dumps(key) + ":", child]
            stack += ["\0}", *reversed(pending)]
        elif isinstance(item, list):
            out.append("[")
            pending = []
            for position, child in enumerate(item):
                pending += (["\0,"] if position else []) + [child]
            stack += ["\0]", *reversed(pending)]
        else:
            out.append(json.dumps(item))
    return "".join(out)


def section_dl(n: int, shape: str) -> str:
    """A comment section whose items carry no telling names: `<dt>` headers over `<dd>` texts."""
    rows = "".join(f"<dt>{index + 1}. {name(index)} - March 3, 2025</dt><dd><p>{sentence(index)}</p></dd>" for index in range(n))
    return _head("Library extends weekend hours") + f"<div id='comments'><dl>{rows}</dl></div></body></html>"


def text_dump(n: int, shape: str) -> str:
    """What a browser's select-all-and-copy gives (tests/fixtures/dump_name_time.txt): every
    third comment a reply ("Replying to ..."), every fourth with a "N replies" line, which
    reads like a section header."""
    lines = ["City council approves new cycling lanes on Harbour Road", "", "By Jane Okafor", "Published: March 3, 2025",
             "", "The council voted 7-2 on Tuesday to approve protected cycling lanes.", "", f"{n} Comments", ""]
    for index in range(n):
        if index % 3 == 2:
            lines.append(f"Replying to {name(index - 1)}")
        lines += [f"{name(index)} · {index % 23 + 1} hours ago", sentence(index),
                  f"{index % 5} replies" if index % 4 == 0 else "Reply", f"Like ({index % 7})", ""]
    lines += ["Leave a comment", "Comments are moderated and must be at least 20 characters."]
    return "\n".join(lines)


def page(shape: str, n: int) -> str:
    kind = shape.split("-")[0]
    build = {"wordpress": wordpress, "microdata": microdata, "jsonld": jsonld, "section": section_dl, "text": text_dump}[kind]
    return build(n, shape)


def child(shape: str, n: int, peer: bool) -> None:
    """One measurement, in its own process: prints one JSON line."""
    text = page(shape, n)
    started, cpu_started = time.perf_counter(), time.process_time()
    if peer:
        import trafilatura

        result = trafilatura.extract(text, include_comments=True)
        found = None if result is None else len(result)
    else:
        from moderation.parse import parse_page

        found = len(parse_page(text).comments)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "found": found, "peak_rss": peak, "page_bytes": len(text.encode())}))


def measure(shape: str, n: int, peer: bool, timeout: float) -> dict[str, object]:
    command = [sys.executable, __file__, "--child", shape, str(n)] + (["--peer"] if peer else [])
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"error": f"over {timeout:.0f} s"}
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1][:60]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,4000,16000,60000")
    parser.add_argument("--shapes", default=",".join(DEFAULT_SHAPES), help=f"any of {', '.join(SHAPES)}")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds allowed for one run")
    parser.add_argument("--no-peer", action="store_true")
    parser.add_argument("--json", help="also write the rows here")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--peer", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]), args.peer)
        return
    peer = not args.no_peer
    if peer:
        try:
            import trafilatura  # noqa: F401
        except ImportError as error:
            # With lxml 5.2 and later trafilatura also needs lxml_html_clean, which the
            # bench extra does not list.
            print(f"no peer rows: trafilatura does not import ({error}); pip install -e .[bench] lxml_html_clean",
                  file=sys.stderr)  # fmt: skip
            peer = False
    sizes = [int(size) for size in args.sizes.split(",")]
    rows = []
    print(f"{'shape':<18} {'who':<12} {'N':>7} {'page MB':>8} {'seconds':>9} {'CPU s':>8} {'ms/comment':>11} "
          f"{'peak RSS MB':>12} {'x page':>7} {'found':>10}")
    for shape in args.shapes.split(","):
        for n in sizes:
            runners = ["moderation"] + (["trafilatura"] if peer and shape != "text-dump" else [])
            for who in runners:
                result = measure(shape, n, who == "trafilatura", args.timeout)
                rows.append({"shape": shape, "who": who, "n": n, **result})
                if "error" in result:
                    print(f"{shape:<18} {who:<12} {n:>7} {'':>8} {result['error']:>9}", flush=True)
                    continue
                found = result["found"]
                found_text = "none" if found is None else (f"{found:,} ch" if who == "trafilatura" else f"{found:,}")
                print(f"{shape:<18} {who:<12} {n:>7} {result['page_bytes'] / 2**20:>8.1f} {result['seconds']:>9.2f} "
                      f"{result.get('cpu_seconds', float('nan')):>8.2f} {result['seconds'] / n * 1000:>11.3f} "
                      f"{result['peak_rss'] / 2**20:>12.0f} {result['peak_rss'] / result['page_bytes']:>7.1f} "
                      f"{found_text:>10}", flush=True)  # fmt: skip
    print("moderation: parse_page() records per comment; trafilatura: extract(include_comments=True), one string "
          "(its length in characters under 'found'), no per-comment records.", file=sys.stderr)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"python": sys.version.split()[0], "cpus": os.cpu_count(), "rows": rows}, out, indent=1)


if __name__ == "__main__":
    main()
