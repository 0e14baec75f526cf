#!/usr/bin/env python3
"""Generates the ROUGE agreement fixtures of brief-summarize.

Scores system/reference pairs with Google's Python `rouge-score` (the
reference implementation: rouge1, rouge2, rougeL, use_stemmer=True,
multi-reference = `score_multi`, best F1 per metric) and writes
crates/summarize/tests/data/rouge_fixtures.json, plus the NLTK Porter stems of
every word of the seed articles and of a list of hard cases to
crates/summarize/tests/data/porter_fixtures.tsv.

Usage (installs rouge-score into a throw-away virtualenv):
    python3 -m venv /tmp/rougevenv && /tmp/rougevenv/bin/pip install rouge-score
    /tmp/rougevenv/bin/python scripts/rouge/make_fixtures.py
"""
import json
import random
import re
from pathlib import Path

from nltk.stem import porter
from rouge_score import rouge_scorer

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "crates" / "summarize" / "tests" / "data"

HARD_WORDS = """caresses ponies ties caress cats feed agreed disabled matting mating
meeting milling messing meetings happy sky skies dying lying tying news innings
outings cannings howe proceed exceed succeed relational conditional rational
valenci hesitanci digitizer conformabli radicalli differentli vileli analogousli
vietnamization predication operator feudalism decisiveness hopefulness
callousness formaliti sensitiviti sensibiliti triplicate formative formalize
electriciti electrical hopeful goodness revival allowance inference airliner
gyroscopic adjustable defensible irritant replacement adjustment dependent
adoption homologou communism activate angulariti homologous effective bowdlerize
probate rate cease controll roll generalizations generously analogies
analogy fully fulli logically really tried died spied cried flies skying
united states kandahar herat lashkar gah taliban's afghanistan's 2021 3,000
mazar-i-sharif evacuating evacuation deployed deploying troops ceasefire""".split()

SYSTEMS_EXTRA = [
    ("", ["The Taliban captured Kandahar."]),
    ("The Taliban captured Kandahar.", [""]),
    ("Ünïcödé naïve café — “quotes” and 65% of $1 trillion; U.S.-led forces", ["naive cafe quotes 65 1 trillion us led forces"]),
    ("İstanbul KELVIN K sign and ﬁ ligature", ["istanbul kelvin k sign and fi ligature"]),
    ("a a a b b", ["a b a b a b"]),
    ("The the THE the", ["the"]),
]


def sentences(text):
    parts = re.split(r"(?<=[.!?])\s+|\n+", text)
    return [p.strip() for p in parts if len(p.split()) >= 5]


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    pool = [s for t in texts for s in sentences(t)]
    rng = random.Random(6)
    cases = list(SYSTEMS_EXTRA)
    for i in range(60):
        system = " ".join(rng.sample(pool, rng.randint(1, 5)))
        refs = []
        for _ in range(rng.randint(1, 4)):
            ref = rng.sample(pool, rng.randint(2, 6))
            if rng.random() < 0.5:
                # Share some text with the system, as real references do.
                ref.append(system.split(". ")[0])
            rng.shuffle(ref)
            refs.append(" ".join(ref))
        cases.append((system, refs))

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    fixtures = []
    for system, refs in cases:
        best = scorer.score_multi(refs, system)
        fixtures.append({
            "system": system,
            "references": refs,
            "scores": {
                k: {"precision": v.precision, "recall": v.recall, "f1": v.fmeasure}
                for k, v in best.items()
            },
        })
    (OUT / "rouge_fixtures.json").write_text(
        json.dumps(fixtures, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    stemmer = porter.PorterStemmer()
    words = set(HARD_WORDS)
    for t in texts:
        words.update(w for w in re.split(r"[^a-z0-9]+", t.lower()) if w)
    with open(OUT / "porter_fixtures.tsv", "w", encoding="utf-8") as f:
        for w in sorted(words):
            for part in re.split(r"[^a-z0-9]+", w.lower()):
                if part:
                    f.write(f"{part}\t{stemmer.stem(part)}\n")
    print(f"{len(fixtures)} ROUGE cases, {len(words)} words")


if __name__ == "__main__":
    main()
