"""Trust and safety rules measured: the language detector and the personal-data rule.

    python benchmarks/trust_bench.py [--shared ../shared]

- Language: accuracy on this project's own sentences in the web's 20 most common
  languages (data/languages/sentences.tsv, four each), and milliseconds per comment on
  them and on C3's news comments (opening 200 characters, as the rule reads them); how many
  C3 comments (English news comments, some in French) would be held as not English.
- Personal data: e-mail addresses and phone numbers found in the C3 comments (each
  printed, to check by eye that it is one), and the time per comment.

alt-profanity-check, the peer of the other benchmarks, has neither: a German comment is
scored as English by it, and it has no notion of personal data.
"""

from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    from moderation.decide.language import MIN_CONFIDENCE, compact_detector_says_english, detect, looks_english
    from moderation.decide.moderator import Moderator
    from moderation.decide.personal import find_personal_data
    from moderation.io.datasets import prepare

    with (ROOT / "data" / "languages" / "sentences.tsv").open(encoding="utf-8", newline="") as stream:
        sentences = list(csv.DictReader(stream, delimiter="\t"))
    detect("Warm the model up before timing it, so loading it is not counted.")
    started = time.perf_counter()
    found = [detect(row["text"])[0] for row in sentences]
    per_sentence = (time.perf_counter() - started) / len(sentences) * 1000
    right = sum(code == row["language"] for code, row in zip(found, sentences, strict=True))
    comments = list(prepare("c3", [str(args.shared / "datasets" / "c3")])["text"])
    started = time.perf_counter()
    languages = [detect(text) for text in comments]
    per_comment = (time.perf_counter() - started) / len(comments) * 1000
    held = sum(1 for code, confidence in languages if code not in (None, "en") and confidence >= MIN_CONFIDENCE)
    moderator = Moderator()
    started = time.perf_counter()
    ruled = [moderator._language(text) for text in comments]  # as every decision asks it
    rule_ms = (time.perf_counter() - started) / len(comments) * 1000
    held_by_rule = sum(reason is not None for _language, reason in ruled)
    plain = sum(looks_english(text) for text in comments) / len(comments)
    compact = sum(not looks_english(text) and compact_detector_says_english(text) for text in comments) / len(comments)
    started = time.perf_counter()
    personal = [(text, find_personal_data(text)) for text in comments]
    personal_ms = (time.perf_counter() - started) / len(comments) * 1000
    hits = [(text, items) for text, items in personal if items]
    print("| measure | value | target |")
    print("|---|---|---|")
    print(f"| language accuracy, own sentences in 20 languages ({len(sentences)}) | {right / len(sentences):.1%} | >= 97 % |")
    print(f"| language, ms per sentence (29 to 109 characters) | {per_sentence:.3f} | < 0.2 |")
    print(f"| language, ms per C3 comment (opening 200 characters) | {per_comment:.3f} | < 0.2 |")
    print(f"| language rule, ms per C3 comment ({plain:.0%} plainly English and {compact:.0%} English to CLD2, "
          f"not put to py3langid) | {rule_ms:.3f} | < 0.2 |")
    print(f"| C3 comments the rule holds as not English (9,606) | {held_by_rule} | the same as the detector |")
    print(f"| C3 comments held as not English ({len(comments):,}) | {held} | only those not in English |")
    print(f"| personal data found in C3 comments | {len(hits)} | real ones only (below) |")
    print(f"| personal data, ms per C3 comment | {personal_ms:.3f} | |")
    for text, items in hits:
        print(f"- {', '.join(f'{item.kind} {item.text!r}' for item in items)} in: {text[:90]!r}")


if __name__ == "__main__":
    main()
