#!/usr/bin/env python3
"""Compares two result stores (REPROSPECS_RESULTS folders) for bit-identical numbers.

Usage: compare-result-stores.py BEFORE AFTER

Every .f32 probability file must have the same SHA-256, and every JSON file the same content once the
fields that record when, how long, or from which commit a result was computed are dropped (timings,
dates, provenance commit, and the content seals that hash those). Exits 1 on any difference.
"""
import hashlib
import json
import sys
from pathlib import Path

# Fields that vary between two runs of the same code (or of a refactoring of it) without the numbers changing.
# code_fingerprint changes with every change to the harness assembly, by design (Cells/CodeFingerprint).
VOLATILE = {"timing", "finished_at", "created_at", "git_commit", "git_dirty", "content_sha256", "code_fingerprint"}


def differences(a, b, path=""):
    """The paths at which two JSON values differ."""
    if isinstance(a, dict) and isinstance(b, dict):
        return [d for k in sorted(a.keys() | b.keys()) for d in differences(a.get(k), b.get(k), f"{path}.{k}")]
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [d for i, (x, y) in enumerate(zip(a, b)) for d in differences(x, y, f"{path}[{i}]")]
    return [] if a == b else [path or "."]


def strip(value):
    if isinstance(value, dict):
        return {k: strip(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [strip(v) for v in value]
    return value


def files(root, suffix):
    return {p.relative_to(root).as_posix(): p for p in root.rglob("*" + suffix)}


def main(before, after):
    problems = []
    counts = {}
    for suffix in (".f32", ".json"):
        a, b = files(before, suffix), files(after, suffix)
        for name in sorted(a.keys() ^ b.keys()):
            problems.append(f"only in {'before' if name in a else 'after'}: {name}")
        same = sorted(a.keys() & b.keys())
        counts[suffix] = len(same)
        for name in same:
            if suffix == ".f32":
                ha = hashlib.sha256(a[name].read_bytes()).hexdigest()
                hb = hashlib.sha256(b[name].read_bytes()).hexdigest()
                if ha != hb:
                    problems.append(f"probabilities differ: {name}")
            else:
                ja, jb = (strip(json.loads(p.read_text())) for p in (a[name], b[name]))
                if ja != jb:
                    paths = differences(ja, jb)
                    problems.append(f"json content differs: {name} at {', '.join(paths[:5])}" + (" ..." if len(paths) > 5 else ""))
    print(f"compared {counts['.f32']} .f32 files (sha256) and {counts['.json']} JSON files (ignoring {sorted(VOLATILE)})")
    for p in problems:
        print("  " + p)
    print("IDENTICAL" if not problems else f"{len(problems)} DIFFERENCES")
    return 0 if not problems else 1


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
