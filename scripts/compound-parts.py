#!/usr/bin/env python3
"""Makes crates/search/dictionary/parts.txt: the words the search splits Dutch
compounds into (wervingscampagne = werving + s + campagne).

The source is the OpenTaal word list (Debian package wdutch, BSD or CC BY 3.0;
see crates/search/dictionary/LICENSE-OpenTaal). Of its 400,000 words we keep the
ones that really are a part of another word in the list: the first or last
half of a compound there, with or without a linking s, e, en or er. That drops
inflected forms and long compounds that are never a part (a tenth is left,
about 35,000 words), so the list stays small enough to keep in the binary.

Run from the project's root:  python3 scripts/compound-parts.py
It downloads the package with apt-get (no root needed).
"""
import glob
import os
import re
import subprocess
import tempfile
import unicodedata

OUT = "crates/search/dictionary/parts.txt"
# Parts of three letters cause false splits (ver + lagen); these few are kept.
SHORT_PARTS = {"app", "dag", "wet"}
LINKS = ("", "s", "e", "en", "er")


def fold(word):
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()


def part_sized(word):
    return 4 <= len(word) <= 15 or word in SHORT_PARTS


def main():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["apt-get", "download", "wdutch"], cwd=tmp, check=True)
        deb = glob.glob(os.path.join(tmp, "wdutch_*.deb"))[0]
        subprocess.run(["dpkg-deb", "-x", deb, tmp], check=True)
        with open(os.path.join(tmp, "usr/share/dict/dutch"), encoding="utf-8") as f:
            lines = f.read().split("\n")
    words = set()
    for line in lines:
        word = line.strip()
        # Names (capital first) are not parts of compounds.
        if not word or word[0].isupper():
            continue
        folded = fold(word)
        if re.fullmatch("[a-z]{3,40}", folded):
            words.add(folded)
    used = set()
    for word in words:
        for i in range(3, len(word) - 2):
            head = word[:i]
            if not part_sized(head) or head not in words:
                continue
            for link in LINKS:
                tail = word[i + len(link):]
                if word[i:].startswith(link) and part_sized(tail) and tail in words:
                    used.add(head)
                    used.add(tail)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(sorted(used)) + "\n")
    print(f"{OUT}: {len(used)} words")


if __name__ == "__main__":
    main()
