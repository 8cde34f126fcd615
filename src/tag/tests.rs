//! Tagger cases: clitics, boundaries, demonyms, Latin case.

use crate::gazetteer::{EntityKind, Gazetteer};
use crate::normalize::fold;
use crate::tag::{AliasForm, TaggerBuilder};

const PEOPLE: &str = "
- id: ahmed-al-sharaa
  names: {ar: [أحمد الشرع], en: [Ahmed al-Sharaa]}
  family: {ar: [الشرع], en: [al-Sharaa, Sharaa]}
  source: test
- id: farouk-al-sharaa
  names: {ar: [فاروق الشرع], en: [Farouk al-Sharaa]}
  family: {ar: [الشرع], en: [al-Sharaa, Sharaa]}
  source: test
- id: donald-trump
  names: {ar: [دونالد ترامب, ترامب], en: [Donald Trump, Trump]}
  source: test
- id: walid-test
  names: {ar: [وليد]}
  source: test
- id: sam-test
  names: {ar: [سام], en: [Sam]}
  source: test
- id: kevin-lambert
  names: {ar: [كيفين لامبرت, لامبرت]}
  source: test
";
const PLACES: &str = "
- id: syria
  kind: country
  names: {ar: [سوريا, سورية], en: [Syria]}
  demonyms: {ar: [سوري], en: [Syrian]}
  source: test
- id: iraq
  kind: country
  names: {ar: [العراق], en: [Iraq]}
  demonyms: {ar: [عراقي], en: [Iraqi]}
  source: test
- id: united-states
  kind: country
  names: {ar: [الولايات المتحدة], en: [United States]}
  demonyms: {ar: [أميركي, أمريكي], en: [American]}
  source: test
- id: washington
  kind: city
  names: {ar: [واشنطن], en: [Washington]}
  source: test
- id: lebanon
  kind: country
  names: {ar: [لبنان], en: [Lebanon]}
  source: test
- id: iran
  kind: country
  names: {ar: [إيران], en: [Iran]}
  demonyms: {ar: [إيراني], en: [Iranian]}
  source: test
";
const ORGS: &str = "
- id: islamic-state
  names: {ar: [تنظيم الدولة], en: [Islamic State]}
  acronyms: {ar: [داعش], en: [ISIS, IS]}
  source: test
";

fn gazetteer() -> Gazetteer {
    Gazetteer::from_yaml(&[
        (EntityKind::Person, "people.yaml", PEOPLE),
        (EntityKind::Place, "places.yaml", PLACES),
        (EntityKind::Organization, "organizations.yaml", ORGS),
    ])
    .expect("test gazetteer is valid")
}

/// (text, form, entity ids) of every hit.
fn tag(text: &str) -> Vec<(String, AliasForm, Vec<String>)> {
    let g = gazetteer();
    let tagger = TaggerBuilder::new().build(&g);
    let folded = fold(text);
    tagger
        .hits(text, &folded)
        .into_iter()
        .map(|h| {
            assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
            (
                text[h.start..h.end].to_string(),
                h.form,
                h.entities.iter().map(|&e| g.entity(e).id.clone()).collect(),
            )
        })
        .collect()
}

struct Case {
    text: &'static str,
    /// The surface texts that must be tagged, in order.
    want: &'static [&'static str],
}

#[test]
fn clitics_and_boundaries() {
    let cases = [
        // Each accepted proclitic before a name.
        Case {
            text: "وترامب",
            want: &["وترامب"],
        },
        Case {
            text: "فترامب",
            want: &["فترامب"],
        },
        Case {
            text: "بترامب",
            want: &["بترامب"],
        },
        Case {
            text: "لترامب",
            want: &["لترامب"],
        },
        Case {
            text: "كترامب",
            want: &["كترامب"],
        },
        Case {
            text: "وبترامب ولترامب وكترامب",
            want: &["وبترامب", "ولترامب", "وكترامب"],
        },
        Case {
            text: "فبترامب فلترامب فكترامب",
            want: &["فبترامب", "فلترامب", "فكترامب"],
        },
        // Keys that begin with ال: و/ف/ب/ك + key, ل + key without its alef.
        Case {
            text: "والشرع فالشرع بالعراق كالعراق",
            want: &["والشرع", "فالشرع", "بالعراق", "كالعراق"],
        },
        Case {
            text: "للشرع وللشرع فللعراق للعراق",
            want: &["للشرع", "وللشرع", "فللعراق", "للعراق"],
        },
        // "لالعراق" is not a spelling; neither is "لشرع" without its clitic.
        Case {
            text: "لالعراق لشرع",
            want: &[],
        },
        // The article is never accepted before a person's name.
        Case {
            text: "الترامب والترامب",
            want: &[],
        },
        // The article and its combinations are fine before demonyms.
        Case {
            text: "السوري والأمريكية للإيراني بالعراقي فالسوريون",
            want: &["السوري", "والأمريكية", "للإيراني", "بالعراقي", "فالسوريون"],
        },
        // Demonym suffixes ة ون ين ان ات.
        Case {
            text: "سورية السوريين الأميركيات الأمريكيان",
            want: &["سورية", "السوريين", "الأميركيات", "الأمريكيان"],
        },
        // Never inside a longer word: الشرعية, شرعيتها, الشرعي are not الشرع.
        Case {
            text: "الشرعية وشرعيتها الشرعي مشروع",
            want: &[],
        },
        // No suffix after a name.
        Case {
            text: "ترامبي واشنطنية",
            want: &[],
        },
        // Full names win over family names; family names alone are tagged.
        Case {
            text: "أحمد الشرع ثم الشرع",
            want: &["أحمد الشرع", "الشرع"],
        },
        // Diacritics and tatweel inside the name, the span keeps them.
        Case {
            text: "أَحْمَد الشَّرَعُ",
            want: &["أَحْمَد الشَّرَعُ"],
        },
        // Quotes and punctuation are boundaries.
        Case {
            text: "«الشرع»، (داعش)",
            want: &["الشرع", "داعش"],
        },
        // A line break inside a paragraph does not split a name.
        Case {
            text: "أحمد\nالشرع",
            want: &["أحمد\nالشرع"],
        },
        // Latin: case-insensitive names but capitalised; exact acronyms.
        Case {
            text: "Trump met Sharaa; trump cards. IS and ISIS, this is",
            want: &["Trump", "Sharaa", "IS", "ISIS"],
        },
        Case {
            text: "Syrians and the Syrian army",
            want: &["Syrians", "Syrian"],
        },
        Case {
            text: "Ahmed al-Sharaa's visit",
            want: &["Ahmed al-Sharaa"],
        },
    ];
    for case in cases {
        let got: Vec<String> = tag(case.text).into_iter().map(|h| h.0).collect();
        assert_eq!(got, case.want, "text: {}", case.text);
    }
}

#[test]
fn names_that_begin_with_clitic_letters() {
    let cases = [
        // وليد is a name in the gazetteer: not و + ليد.
        Case {
            text: "قال وليد",
            want: &["وليد"],
        },
        // بسام and فريد are given names, not ب + سام or ف + ريد, even though
        // سام is in the gazetteer and بسام is not (the NEVER_STRIP list;
        // وسام is a given name too); ولسام is still ول + سام.
        Case {
            text: "قال بسام ووسام ولسام",
            want: &["ولسام"],
        },
        // لبنان is a name: not ل + بنان, and وللبنان still takes clitics.
        Case {
            text: "لبنان ولبنان",
            want: &["لبنان", "ولبنان"],
        },
    ];
    for case in cases {
        let got: Vec<String> = tag(case.text).into_iter().map(|h| h.0).collect();
        assert_eq!(got, case.want, "text: {}", case.text);
    }
}

#[test]
fn forms_and_candidates() {
    // A shared family name carries both candidates.
    let hits = tag("زيارة الشرع");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].1, AliasForm::Family);
    assert_eq!(hits[0].2, vec!["ahmed-al-sharaa", "farouk-al-sharaa"]);
    // "السورية" is the demonym سوري + ة, not the place name سورية.
    let hits = tag("الحكومة السورية في سورية");
    assert_eq!(hits[0].0, "السورية");
    assert_eq!(hits[0].1, AliasForm::Demonym);
    assert_eq!(hits[1].0, "سورية");
    assert_eq!(hits[1].1, AliasForm::Name);
    // Acronyms are their own form.
    assert_eq!(tag("وداعش")[0].1, AliasForm::Acronym);
}

// REGRESSION: bugs once found stay fixed.
#[test]
fn regression() {
    let cases: [Case; 1] = [
        // A rejected match inside a word must not hide a good one after it.
        Case {
            text: "الشرعيةوالشرع ترامب",
            want: &["ترامب"],
        },
    ];
    for case in cases {
        let got: Vec<String> = tag(case.text).into_iter().map(|h| h.0).collect();
        assert_eq!(got, case.want, "text: {}", case.text);
    }
}
