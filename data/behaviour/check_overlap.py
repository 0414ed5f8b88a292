"""Assert that the training set (make_train.py) and the suite (make_suite.py) share no
text, no template and no filler, and that no training row is a near copy of a suite case.

    python check_overlap.py          # exit 0 when all hold, 1 otherwise; prints the figures

Checks, each an assertion:
1. texts: no text in both (case-folded, whitespace collapsed); none repeated within a file;
2. templates: no template id in both, no template pattern in both (fields blanked), and no
   train pattern whose word-set Jaccard with a suite pattern exceeds 0.8;
3. fillers: no filler string in both (pronouns of a person filler aside), and no identity
   or insult term in both: the words of the identity and insult slots, de-obfuscated
   (leetspeak mapped, spacing and symbols inside a word removed, a plural s dropped);
4. near duplicates: no (train, suite) pair with token Jaccard above 0.8.
It also reads the written suite.jsonl and capabilities.csv, so the files on disk are
what is checked, not only what the generators would make now.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

import make_suite
import make_train
from genlib import filler_strings, jaccard, skeleton, tokens

HERE = Path(__file__).resolve().parent
NEAR = 0.8
PRONOUNS = {"he", "she", "him", "her", "his", "hers", "them", "they", "their"}
TERM_SLOTS = {"ins", "ins_pl", "adj", "q_word", "id_np", "id_adj", "grp", "obf_n", "obf_adj", "obf_pl"}
"""Slots whose words are the identity or insult terms a capability turns on."""
GENERIC = {"a", "an", "the", "of", "and", "from", "two", "three", "woman", "man", "mother", "father", "families",
           "family", "people", "young", "couple", "owner", "business", "volunteer", "student", "artist", "user",
           "person", "teacher", "nurse", "retiree", "fisherman", "grandmother", "newcomer", "shopkeeper",
           "musician", "canadian", "american", "engineer"}
LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "@": "a", "$": "s", "!": "i", "5": "s"})


def term_words(text: str) -> set[str]:
    """The words of a filler as terms: leetspeak mapped, single letters joined up
    ("i d i o t", "st.u.p.i.d"), symbols dropped, a final plural s removed."""
    mapped = text.casefold().translate(LEET)
    joined = re.sub(r"(?<=\b\w)[\s.\-](?=\w\b)", "", mapped)
    joined = re.sub(r"(?<=\w)[.*](?=\w)", "", joined)
    words = set()
    for word in re.findall(r"[a-zé]+", joined):
        word = word[:-3] + "y" if len(word) > 4 and word.endswith("ies") else word
        word = word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
        if word not in GENERIC and len(word) > 2:
            words.add(word)
    return words


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.casefold()).strip()


def main() -> int:
    failures: list[str] = []
    suite = [json.loads(line) for line in (HERE / "suite.jsonl").read_text(encoding="utf-8").splitlines() if line]
    with (HERE / "capabilities.csv").open(encoding="utf-8", newline="") as stream:
        train = list(csv.DictReader(stream))

    # the files on disk are what the generators make
    if [c["text"] for c in make_suite.build()] != [c["text"] for c in suite]:
        failures.append("suite.jsonl differs from what make_suite.py builds: re-run it")
    if [r["text"] for r in make_train.build()] != [r["text"] for r in train]:
        failures.append("capabilities.csv differs from what make_train.py builds: re-run it")

    # 1. texts
    suite_texts = [norm(c["text"]) for c in suite]
    train_texts = [norm(r["text"]) for r in train]
    shared = set(suite_texts) & set(train_texts)
    print(f"texts: suite {len(suite_texts)}, train {len(train_texts)}, shared {len(shared)}")
    if shared:
        failures.append(f"{len(shared)} texts in both, e.g. {sorted(shared)[:3]}")
    for name, texts in (("suite", suite_texts), ("train", train_texts)):
        if len(set(texts)) != len(texts):
            failures.append(f"{name} repeats {len(texts) - len(set(texts))} texts")

    # 2. templates
    suite_ids = {t.id for t in make_suite.TEMPLATES}
    train_ids = {t.id for t in make_train.TEMPLATES}
    if suite_ids & train_ids:
        failures.append(f"template ids in both: {sorted(suite_ids & train_ids)}")
    if {c["template"] for c in suite} - suite_ids:
        failures.append("suite.jsonl names templates make_suite.py does not have")
    suite_skel = {skeleton(t.pattern).casefold(): t.id for t in make_suite.TEMPLATES}
    train_skel = {skeleton(t.pattern).casefold(): t.id for t in make_train.TEMPLATES}
    same = set(suite_skel) & set(train_skel)
    if same:
        failures.append(f"template patterns in both: {[(suite_skel[s], train_skel[s]) for s in same]}")
    worst_t = max(((jaccard(tokens(s), tokens(t)), suite_skel[s], train_skel[t]) for s in suite_skel for t in train_skel))
    print(f"templates: suite {len(suite_ids)}, train {len(train_ids)}, shared ids 0/patterns {len(same)}; "
          f"highest pattern Jaccard {worst_t[0]:.3f} ({worst_t[1]} vs {worst_t[2]})")
    if worst_t[0] > NEAR:
        failures.append(f"templates {worst_t[1]} and {worst_t[2]} are near copies (Jaccard {worst_t[0]:.3f})")

    # 3. fillers
    def all_fillers(module) -> dict[str, str]:
        found: dict[str, str] = {}
        for cap, pool in module.FILLERS.items():
            for slot, values in pool.items():
                for value in values:
                    for text in filler_strings(value):
                        if norm(text) not in PRONOUNS:
                            found.setdefault(norm(text), f"{cap}.{slot}")
        return found

    def all_terms(module) -> dict[str, str]:
        found: dict[str, str] = {}
        for cap, pool in module.FILLERS.items():
            for slot in TERM_SLOTS & set(pool):
                for value in pool[slot]:
                    for text in filler_strings(value):
                        for word in term_words(text):
                            found.setdefault(word, f"{cap}.{slot}")
        return found

    suite_fill, train_fill = all_fillers(make_suite), all_fillers(make_train)
    shared_fill = set(suite_fill) & set(train_fill)
    print(f"fillers: suite {len(suite_fill)}, train {len(train_fill)}, shared {len(shared_fill)}")
    if shared_fill:
        failures.append(f"fillers in both: {[(f, suite_fill[f], train_fill[f]) for f in sorted(shared_fill)]}")
    suite_terms, train_terms = all_terms(make_suite), all_terms(make_train)
    shared_terms = set(suite_terms) & set(train_terms)
    print(f"identity and insult terms: suite {len(suite_terms)}, train {len(train_terms)}, shared {len(shared_terms)}")
    if shared_terms:
        failures.append(f"terms in both: {[(w, suite_terms[w], train_terms[w]) for w in sorted(shared_terms)]}")

    # 4. near duplicates
    suite_tok = [tokens(c["text"]) for c in suite]
    train_tok = [tokens(r["text"]) for r in train]
    best = (0.0, -1, -1)
    above = {0.5: 0, 0.6: 0, NEAR: 0}
    for i, a in enumerate(suite_tok):
        for j, b in enumerate(train_tok):
            small, large = sorted((len(a), len(b)))
            if small < 0.5 * large:  # the Jaccard of such sizes cannot reach 0.5
                continue
            value = jaccard(a, b)
            for cut in above:
                if value > cut:
                    above[cut] += 1
            if value > best[0]:
                best = (value, i, j)
    print(f"near duplicates: {len(suite_tok) * len(train_tok)} pairs; above 0.5: {above[0.5]}, above 0.6: {above[0.6]}, "
          f"above {NEAR}: {above[NEAR]}; highest {best[0]:.3f}")
    if best[1] >= 0:
        print(f"  suite: {suite[best[1]]['text']}\n  train: {train[best[2]]['text']}")
    if above[NEAR]:
        failures.append(f"{above[NEAR]} train/suite pairs with token Jaccard above {NEAR}")

    # 5. (reported, not asserted) cues that should not depend on the label
    honorific = re.compile(r"\b(Mr\.|Ms\.|Dr\.|Councillor|Alderman|Senator|Mayor|Professor)\s+[A-Z]")
    second = re.compile(r"\b(you|your|you're|you've|you'll|you'd)\b", re.I)
    for name, rows, is_uncivil in (("train", train, lambda r: r["civility"] == "uncivil"),
                                   ("suite", suite, lambda r: r["expected"] == "uncivil")):
        for want in (True, False):
            group = [r["text"] for r in rows if is_uncivil(r) == want]
            print(f"balance {name} {'uncivil' if want else 'civil'}: n={len(group)}, "
                  f"honorific name {sum(bool(honorific.search(t)) for t in group) / len(group):.2f}, "
                  f"you/your {sum(bool(second.search(t)) for t in group) / len(group):.2f}, "
                  f"mean chars {sum(map(len, group)) / len(group):.0f}")

    for failure in failures:
        print("FAIL:", failure)
    print("overlap check:", "passed" if not failures else "FAILED")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
