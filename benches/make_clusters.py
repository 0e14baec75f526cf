#!/usr/bin/env python3
"""Writes N five-article clusters built from seeds/ as `summarize --jsonl` input.

Copy k of every seed has " the " replaced by " the {k} ", so no two clusters are
identical (no cache can help) while each stays a realistic news cluster.

    python3 benches/make_clusters.py 400 > /tmp/clusters.jsonl     # ~10 MB
    /usr/bin/time -f "%U s user" target/release/brief summarize --jsonl --threads 1 /tmp/clusters.jsonl > /dev/null

Input MB divided by user seconds is the per-core throughput the end-to-end
target of issue 2 speaks of (>= 20 MB/s).
"""

import json
import os
import sys


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    here = os.path.dirname(os.path.abspath(__file__))
    seed_dir = os.path.join(here, "..", "seeds")
    names = sorted(os.listdir(seed_dir))
    texts = []
    for name in names:
        with open(os.path.join(seed_dir, name), encoding="utf-8") as f:
            texts.append(f.read())
    out = sys.stdout
    for k in range(n):
        docs = [{"id": f"{k}-{i}", "text": t.replace(" the ", f" the {k} ")} for i, t in enumerate(texts)]
        out.write(json.dumps({"id": f"c{k}", "docs": docs}) + "\n")


if __name__ == "__main__":
    main()
