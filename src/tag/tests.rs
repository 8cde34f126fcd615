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
- id: ali-test
  names: {ar: [علي, علي لاريجاني]}
  source: test
- id: adel-imam
  names: {ar: [عادل إمام]}
  family: {ar: [إمام]}
  source: test
- id: van-test
  names: {ar: [فان], en: [Van]}
  source: test
- id: jan-test
  names: {ar: [يان]}
  source: test
- id: saleh-test
  names: {ar: [صالح, دينا]}
  source: test
- id: nawaf-salam
  names: {ar: [نواف سلام], en: [Nawaf Salam]}
  family: {ar: [سلام], en: [Salam]}
  ambiguous: {ar: [سلام]}
  source: test
- id: hope-hicks
  names: {en: [Hope Hicks]}
  family: {en: [Hope]}
  ambiguous: {en: [Hope]}
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
- id: amal-town
  kind: city
  names: {ar: [أمل]}
  source: test
- id: egypt
  kind: country
  names: {ar: [مصر], en: [Egypt]}
  source: test
- id: gaza
  kind: city
  names: {ar: [غزة], en: [Gaza]}
  source: test
";
const ORGS: &str = "
- id: islamic-state
  names: {ar: [تنظيم الدولة], en: [Islamic State]}
  acronyms: {ar: [داعش], en: [ISIS, IS]}
  source: test
- id: nato
  names: {ar: [حلف شمال الأطلسي], en: [NATO]}
  acronyms: {ar: [ناتو], en: [NATO, Nato]}
  source: test
- id: ef-test
  names: {ar: [إف]}
  source: test
- id: cnn
  names: {en: [CNN]}
  source: test
- id: bbc
  names: {en: [BBC]}
  source: test
- id: dell
  names: {en: [Dell]}
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
        // سام is in the gazetteer and بسام is not (the not-clitic list of lexicon/function-words.yaml;
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

#[test]
fn latin_names_after_arabic_proclitics() {
    let cases = [
        // The proclitic is part of the span, as before an Arabic name.
        Case {
            text: "وDell وCNN",
            want: &["وDell", "وCNN"],
        },
        // Tatweel after the proclitic: "بـCNN", "لـBBC", "للـBBC".
        Case {
            text: "بـCNN لـBBC للـBBC فلـBBC",
            want: &["بـCNN", "لـBBC", "للـBBC", "فلـBBC"],
        },
        // Case still counts after a proclitic; other Arabic letters do not
        // make a proclitic.
        Case {
            text: "وcnn منCNN",
            want: &[],
        },
    ];
    for case in cases {
        let got: Vec<String> = tag(case.text).into_iter().map(|h| h.0).collect();
        assert_eq!(got, case.want, "text: {}", case.text);
    }
}

/// (text, ambiguous) of every hit.
fn tag_ambiguous(text: &str) -> Vec<(String, bool)> {
    let g = gazetteer();
    let tagger = TaggerBuilder::new().build(&g);
    let folded = fold(text);
    tagger
        .hits(text, &folded)
        .into_iter()
        .map(|h| (text[h.start..h.end].to_string(), h.ambiguous))
        .collect()
}

#[test]
fn ambiguous_hits_are_flagged() {
    // Marked in the gazetteer: سلام, Hope. Folding like a function word:
    // علي (like على), إمام (like أمام), فان (like فإن). The tagger flags them
    // and coreference decides (src/resolve.rs); full names are not flagged.
    let hits = tag_ambiguous("قال سلام ونواف سلام وعلي وإمام وفان ويان");
    assert_eq!(
        hits,
        vec![
            ("سلام".to_string(), true),
            ("ونواف سلام".to_string(), false),
            ("وعلي".to_string(), true),
            ("وإمام".to_string(), true),
            ("وفان".to_string(), true),
            ("ويان".to_string(), false),
        ]
    );
    let hits = tag_ambiguous("Hope Hicks said. Hope is a word, and Van too.");
    assert_eq!(
        hits,
        vec![
            ("Hope Hicks".to_string(), false),
            ("Hope".to_string(), true),
            ("Van".to_string(), false),
        ]
    );
}

#[test]
fn function_words_as_written() {
    let lists = super::WordLists::embedded();
    let cases = [
        // (folded token, as written, is a function word)
        ("علي", "على", true),
        // The name علي is written with ya.
        ("علي", "علي", false),
        ("امام", "أمام", true),
        ("امام", "إمام", false),
        ("فان", "فإن", true),
        // Without hamza فان is ف + ان, the common hamza-less spelling of أن:
        // a lone فان is read as the function word (Van Dyke, two words, is
        // still a name).
        ("فان", "فان", true),
        ("وفان", "وفان", false),
        // After one or two proclitics.
        ("وعلي", "وعلى", true),
        ("وبين", "وبين", true),
        ("فبان", "فبأن", true),
        // Diacritics and tatweel do not count.
        ("علي", "عَلَـى", true),
        // English: as written, so "US" is not "us".
        ("us", "us", true),
        ("us", "US", false),
    ];
    for (folded, written, want) in cases {
        assert_eq!(lists.is_function_word(folded, written), want, "{written}");
    }
    assert!(lists.not_clitic.contains("بيان"));
}

// REGRESSION: bugs once found stay fixed.
#[test]
fn regression() {
    let cases = [
        // A rejected match inside a word must not hide a good one after it.
        Case {
            text: "الشرعيةوالشرع ترامب",
            want: &["ترامب"],
        },
        // Function words as written are never names, however they fold:
        // على is not علي, أمام not إمام, فإن not فان, with or without a
        // proclitic (وعلى، بأن، لأي). Written as the name, they are (علي).
        Case {
            text: "وقف على الباب أمام الناس، فإن وعلى وبين بأن",
            want: &[],
        },
        Case {
            text: "قال علي لاريجاني ثم علي وفان",
            want: &["علي لاريجاني", "علي", "وفان"],
        },
        // Diacritics do not hide a function word: عَلَى.
        Case {
            text: "عَلَى",
            want: &[],
        },
        // A two-letter remainder is never a name: آلاف is not ال + إف.
        Case {
            text: "آلاف والاف بإف",
            want: &[],
        },
        // Everyday words that start with a proclitic: بيان is not ب + يان,
        // لصالح is not ل + صالح, لدينا is not ل + دينا; the names alone
        // and with a real proclitic still are (ويان، وصالح).
        Case {
            text: "بيان لصالح لدينا ويان وصالح يان",
            want: &["ويان", "وصالح", "يان"],
        },
        // The article before a place or a person is not stripped: الأمل is
        // not ال + أمل (a place here); before a demonym or an organization it
        // still is (السوري، الناتو).
        Case {
            text: "الأمل والأمل بالأمل أمل السوري الناتو",
            want: &["أمل", "السوري", "الناتو"],
        },
        // A bare demonym after بن، بنت، ابن is a given name in a chain of
        // names ("عبدالعزيز بن تركي"), not the country; elsewhere, and with
        // a proclitic, the article or an ending, it is still the demonym.
        Case {
            text: "فيصل بن سوري وهند بنت سوري وقال ابن سوري ووفد سوري بن السوري",
            want: &["سوري", "السوري"],
        },
        // Three-letter names keep their proclitics: ومصر، بغزة.
        Case {
            text: "ومصر بغزة لمصر",
            want: &["ومصر", "بغزة", "لمصر"],
        },
        // Two spellings of one acronym that fold alike each match as
        // written ("Nato" was lost behind "NATO"); neither matches a
        // third casing.
        Case {
            text: "NATO and Nato, not nato or NaTo.",
            want: &["NATO", "Nato"],
        },
    ];
    for case in cases {
        let got: Vec<String> = tag(case.text).into_iter().map(|h| h.0).collect();
        assert_eq!(got, case.want, "text: {}", case.text);
    }
}

#[test]
fn the_binary_table_reads_back_and_refuses_damage() {
    use crate::tag::TaggerTable;
    let g = gazetteer();
    let table = TaggerTable::build(&g);
    let bytes = table.to_bytes();
    let back = TaggerTable::from_bytes(&bytes, g.len()).expect("reads back");
    assert_eq!(back.to_bytes(), bytes, "same table after a round trip");
    // The read-back table tags as the built one does.
    let text = "وقال الرئيس السوري أحمد الشرع في دمشق إن السوريين والأمريكيين اتفقوا.";
    let folded = fold(text);
    let spans = |tagger: &crate::tag::Tagger| -> Vec<(usize, usize, Vec<usize>)> {
        tagger
            .hits(text, &folded)
            .into_iter()
            .map(|h| (h.start, h.end, h.entities.to_vec()))
            .collect()
    };
    let built = TaggerBuilder::new().build(&g);
    let read = crate::tag::Tagger::from_table(std::sync::Arc::new(back));
    assert!(!spans(&built).is_empty());
    assert_eq!(spans(&read), spans(&built));
    // Truncated, trailing bytes, a foreign header, or targets past the
    // gazetteer's entities: refused, never a panic.
    for cut in [0, 10, bytes.len() / 2, bytes.len() - 1] {
        assert!(
            TaggerTable::from_bytes(&bytes[..cut], g.len()).is_none(),
            "cut at {cut}"
        );
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(TaggerTable::from_bytes(&longer, g.len()).is_none());
    assert!(TaggerTable::from_bytes(b"tadqiq-compiled-gazetteer", g.len()).is_none());
    assert!(TaggerTable::from_bytes(&bytes, 1).is_none());
}

/// Every hit of `text` as (span, folded span, entities, form, alias,
/// clitic, ambiguous).
fn all_hits(tagger: &crate::tag::Tagger, text: &str) -> Vec<String> {
    let folded = fold(text);
    tagger
        .hits(text, &folded)
        .into_iter()
        .map(|h| format!("{h:?}"))
        .collect()
}

/// The texts of every fixture and example, one by one and all together.
fn fixture_texts() -> Vec<String> {
    let mut texts = crate::test_texts::fixtures_and_examples();
    let all = texts.concat();
    texts.push(all);
    texts
}

// The automaton in parts (a gazetteer past `PART_KEYS` keys) finds exactly
// what one automaton over every key finds: the shipped gazetteer built in
// 2, 3 and 7 parts tags every fixture and example as the one-part table does.
#[test]
fn an_automaton_in_parts_tags_exactly_as_one_automaton() {
    use crate::gazetteer::GazetteerSources;
    use crate::tag::{Tagger, TaggerTable};
    use std::sync::Arc;
    let g = GazetteerSources::default().load().expect("embedded");
    let one = TaggerTable::build_in_parts(&g, 1);
    assert_eq!(one.automata.len(), 1);
    let one = Tagger::from_table(Arc::new(one));
    let texts = fixture_texts();
    let want: Vec<Vec<String>> = texts.iter().map(|t| all_hits(&one, t)).collect();
    assert!(
        want.last().expect("all").len() > 1000,
        "the fixtures have mentions"
    );
    for parts in [2, 3, 7] {
        let table = TaggerTable::build_in_parts(&g, parts);
        assert_eq!(table.automata.len(), parts);
        // The parts survive the binary form.
        let table = TaggerTable::from_bytes(&table.to_bytes(), g.len()).expect("reads back");
        assert_eq!(table.automata.len(), parts);
        let tagger = Tagger::from_table(Arc::new(table));
        for (text, want) in texts.iter().zip(&want) {
            assert_eq!(
                &all_hits(&tagger, text),
                want,
                "{parts} parts, text starting {:?}",
                text.chars().take(60).collect::<String>()
            );
        }
    }
}

// Keys that match at one start with different lengths, in different parts:
// the longest wins whichever part holds it, and a part whose match starts
// earlier wins over a longer one that starts later.
#[test]
fn overlapping_keys_in_different_parts_give_the_leftmost_longest() {
    use crate::tag::{Tagger, TaggerTable};
    use std::sync::Arc;
    let people = "
- id: abd
  names: {ar: [عبد]}
  source: test
- id: abdallah
  names: {ar: [عبد الله]}
  source: test
- id: abdallah-bin
  names: {ar: [عبد الله بن]}
  source: test
- id: abdallah-bin-salman
  names: {ar: [عبد الله بن سلمان]}
  source: test
- id: abdallah-bin-salman-al-saud
  names: {ar: [عبد الله بن سلمان آل سعود]}
  source: test
- id: salman-al-saud
  names: {ar: [سلمان آل سعود]}
  source: test
- id: beirut-person
  names: {ar: [بيروتي]}
  source: test
- id: damascus-person
  names: {ar: [دمشقي]}
  source: test
";
    let g = Gazetteer::from_yaml(&[(EntityKind::Person, "people.yaml", people)]).expect("valid");
    let cases: [(&str, &[&str]); 5] = [
        (
            "قال عبد الله بن سلمان آل سعود اليوم",
            &["abdallah-bin-salman-al-saud"],
        ),
        ("قال عبد الله بن سلمان اليوم", &["abdallah-bin-salman"]),
        ("قال عبد الله بن خالد", &["abdallah-bin"]),
        ("قال عبد الله وعبد", &["abdallah", "abd"]),
        // A rejected match (a clitic the name does not take) does not hide
        // the one that starts inside it, in another part.
        (
            "التقى دمشقي بعبد الله بن سلمان آل سعود وسلمان آل سعود",
            &[
                "damascus-person",
                "abdallah-bin-salman-al-saud",
                "salman-al-saud",
            ],
        ),
    ];
    for parts in [1, 2, 3, 7] {
        let table = TaggerTable::build_in_parts(&g, parts);
        assert_eq!(table.automata.len(), parts);
        let tagger = Tagger::from_table(Arc::new(table));
        for (text, want) in cases {
            let folded = fold(text);
            let got: Vec<String> = tagger
                .hits(text, &folded)
                .into_iter()
                .map(|h| g.entity(h.entities[0]).id.clone())
                .collect();
            assert_eq!(got, want, "{parts} parts: {text}");
        }
    }
    // With 7 parts the nested keys do sit in different parts: the longest
    // match at "عبد" comes from a later part than the shortest.
    let table = TaggerTable::build_in_parts(&g, 7);
    let at = |text: &str, part: usize| {
        table.automata[part]
            .leftmost_find_iter(text)
            .next()
            .map(|m| m.end())
    };
    let text = "عبد الله بن سلمان آل سعود";
    let ends: Vec<Option<usize>> = (0..7).map(|part| at(text, part)).collect();
    assert!(
        ends.iter()
            .flatten()
            .collect::<std::collections::HashSet<_>>()
            .len()
            >= 3,
        "{ends:?}"
    );
}

// A table written before the automaton came in parts (format 1: one
// automaton, no count) still reads and tags the same; an unknown format is
// refused.
#[test]
fn a_table_of_the_one_automaton_format_still_reads() {
    use crate::tag::{Tagger, TaggerTable};
    use std::sync::Arc;
    let g = gazetteer();
    let table = TaggerTable::build(&g);
    let automaton = table.automata[0].serialize();
    let bytes = table.to_bytes();
    let body = &bytes[b"tadqiq-tagger-2\n".len()..bytes.len() - automaton.len() - 8 - 4];
    let mut old = b"tadqiq-tagger-1\n".to_vec();
    old.extend_from_slice(body);
    old.extend_from_slice(&(automaton.len() as u64).to_le_bytes());
    old.extend_from_slice(&automaton);
    let read = TaggerTable::from_bytes(&old, g.len()).expect("format 1 reads");
    assert_eq!(read.to_bytes(), bytes, "the same table");
    let text = "وقال الرئيس السوري أحمد الشرع في دمشق إن السوريين والأمريكيين اتفقوا.";
    let built = Tagger::from_table(Arc::new(table));
    let read = Tagger::from_table(Arc::new(read));
    assert!(!all_hits(&built, text).is_empty());
    assert_eq!(all_hits(&read, text), all_hits(&built, text));
    // Format 1 with a part count in it, or a format this build does not
    // know: refused.
    let mut wrong = b"tadqiq-tagger-1\n".to_vec();
    wrong.extend_from_slice(&bytes[b"tadqiq-tagger-2\n".len()..]);
    assert!(TaggerTable::from_bytes(&wrong, g.len()).is_none());
    let mut unknown = b"tadqiq-tagger-9\n".to_vec();
    unknown.extend_from_slice(&bytes[b"tadqiq-tagger-2\n".len()..]);
    assert!(TaggerTable::from_bytes(&unknown, g.len()).is_none());
    // No parts at all: refused.
    let mut none = bytes[..bytes.len() - automaton.len() - 8 - 4].to_vec();
    none.extend_from_slice(&0u32.to_le_bytes());
    assert!(TaggerTable::from_bytes(&none, g.len()).is_none());
}

#[test]
fn word_edges_are_looked_for_within_a_bound() {
    use crate::tag::{word_end_within, word_start_within};
    let text = "قال دمشقدمشقدمشق أمس";
    let start = text.find("دمشق").unwrap();
    let second = start + "دمشق".len();
    // Inside the bound the word's edge is found.
    assert_eq!(word_start_within(text, second, 5), start);
    assert_eq!(word_start_within(text, second + "دمشق".len(), 9), start);
    assert_eq!(word_start_within(text, start, 5), start);
    let end = start + "دمشقدمشقدمشق".len();
    assert_eq!(word_end_within(text, end - "دمشق".len(), 9), end);
    // A word that goes on past the bound stops there (one char past the
    // longest prefix or suffix, which the tagger then refuses).
    assert_eq!(word_end_within(text, start, 3), start + "دمش".len());
    assert_eq!(word_start_within(text, second, 3), start + "د".len());
    assert_eq!(word_end_within(text, text.len(), 3), text.len());
}

#[test]
fn a_name_run_into_one_long_word_is_not_tagged() {
    // A name written thousands of times with no space: every match has a
    // prefix or suffix longer than any clitic, so nothing is tagged (and
    // each match looks only a few chars to each side).
    let text = format!("قال {} أمس", "ترامب".repeat(3000));
    assert!(tag(&text).is_empty());
    let text = format!("قال ل{}ها أمس", "ترامب");
    assert!(tag(&text).is_empty(), "a suffix is refused");
    assert_eq!(tag("وقال لترامب أمس").len(), 1);
}

#[test]
fn word_lists_read_the_same_from_json_and_yaml() {
    crate::lexicon::assert_json_reads_as_yaml::<super::WordListsFile>(
        "lexicon/function-words.yaml",
    );
}
