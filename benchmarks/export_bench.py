"""Reading a large WordPress export: time and peak memory of `moderation parse` against
reading the same file into one tree with the standard library, at growing sizes.

    python benchmarks/export_bench.py [--comments 20000 80000 320000]

The export is synthetic (posts of 20 comments each, a paragraph of HTML per comment), so
the sizes can grow past any real file at hand. Memory is each process's peak resident
set (ru_maxrss of the child). Streaming keeps the peak flat as the file grows; one tree
grows with it.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel><title>Bench</title>\n')  # fmt: skip
COMMENT = ("<wp:comment><wp:comment_id>{id}</wp:comment_id><wp:comment_author><![CDATA[reader{id}]]></wp:comment_author>"
           "<wp:comment_date_gmt>2026-11-01 10:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[<p>Comment {id}: the "
           "council's plan for the harbour road is {word}, and the article leaves out what the residents said at the "
           "meeting on Tuesday.</p>]]></wp:comment_content><wp:comment_approved>{approved}</wp:comment_approved>"
           "<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>\n")  # fmt: skip
TREE = "import sys, xml.etree.ElementTree as ET; root = ET.parse(sys.argv[1]).getroot(); print(sum(1 for _ in root.iter()))"


def write_export(path: Path, comments: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write(HEAD)
        for post in range(0, comments, 20):
            out.write(f"<item><title>Post {post}</title><link>https://bench.example/{post}</link><wp:post_id>{post}</wp:post_id>"
                      f"<content:encoded><![CDATA[<p>Story {post}.</p>]]></content:encoded>\n")  # fmt: skip
            for i in range(post, min(post + 20, comments)):
                out.write(COMMENT.format(id=i + 1, word=("sound", "reckless")[i % 2], approved=int(i % 7 != 0),
                                         parent=i if i % 20 else 0))  # fmt: skip
            out.write("</item>\n")
        out.write("</channel></rss>\n")


WATCH = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, "
         "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")  # fmt: skip
"""Run a command in a fresh watcher, whose only child it is: its peak is the command's own."""


def measure(command: list[str]) -> tuple[float, float]:
    """Seconds and the command's peak resident memory in MB."""
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", WATCH, *command], check=True, capture_output=True, text=True).stdout
    return time.perf_counter() - started, int(out.strip()) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--comments", type=int, nargs="+", default=[20_000, 80_000, 320_000])
    args = parser.parse_args()
    print("| comments | file MB | parse s | parse peak MB | one tree (xml.etree) s | one tree peak MB |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as workdir:
        for comments in sorted(args.comments):
            export = Path(workdir) / f"export-{comments}.xml"
            write_export(export, comments)
            ours = measure([sys.executable, "-m", "moderation", "parse", str(export), "-o", str(Path(workdir) / "out.jsonl"), "--force"])
            tree = measure([sys.executable, "-c", TREE, str(export)])
            print(f"| {comments:,} | {export.stat().st_size / 2**20:.0f} | {ours[0]:.1f} | {ours[1]:.0f} | {tree[0]:.1f} | {tree[1]:.0f} |",
                  flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
