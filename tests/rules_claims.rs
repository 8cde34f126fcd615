//! The claim rules (number-conflict, date-conflict, quote-drift,
//! fact-conflict) on short drafts: what each must flag and what it must not.

use tadqiq::gazetteer::PartialDate;
use tadqiq::{Checker, CheckerBuilder, Format, Mode};

const RULES: [&str; 4] = [
    "date-conflict",
    "fact-conflict",
    "number-conflict",
    "quote-drift",
];

struct Case {
    /// What the case shows.
    name: &'static str,
    text: &'static str,
    /// The draft date (`--date`), if any.
    date: Option<&'static str>,
    /// Findings of the claim rules, as (rule, severity), in report order.
    want: &'static [(&'static str, &'static str)],
}

fn checker(date: Option<&str>) -> Checker {
    let mut builder = CheckerBuilder::new();
    builder.date(date.and_then(PartialDate::parse));
    builder.build().expect("the embedded gazetteer is valid")
}

fn run(cases: &[Case]) {
    for case in cases {
        let report = checker(case.date).run("case.txt", case.text, Format::Plain, Mode::Check);
        let got: Vec<(&str, &str)> = report
            .findings
            .iter()
            .filter(|f| RULES.contains(&f.rule))
            .map(|f| (f.rule, f.severity.as_str()))
            .collect();
        let messages: Vec<&str> = report.findings.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(got, case.want, "case {}: {:#?}", case.name, messages);
    }
}

const COALITION: &str = "انضمت سوريا إلى التحالف الدولي ضد تنظيم الدولة.";

#[test]
fn number_conflict_flags() {
    run(&[
        Case {
            name: "the seed's shape: exact 89 in the body, more than 80 in a snippet",
            text: "انضمت سوريا إلى التحالف الدولي ضد تنظيم الدولة، الذي ويضم 89 دولة.\n\nإقرأ أيضاً:\n\nويُذكر أن التحالف الدولي ضد “داعش”، الذي تشكل عام 2014، يضم أكثر من 80 دولة.",
            date: None,
            want: &[("number-conflict", "warning")],
        },
        Case {
            name: "89 vs more than 90 is disjoint",
            text: "التحالف الدولي ضد تنظيم الدولة يضم 89 دولة. وقال مسؤول إن التحالف الدولي يضم أكثر من 90 دولة.",
            date: Some("2025-11-09"),
            want: &[("fact-conflict", "error"), ("number-conflict", "error")],
        },
        Case {
            name: "about 90 vs more than 85 overlap: info (both allow the gazetteer's 89)",
            text: "التحالف الدولي يضم نحو 90 دولة. والتحالف الدولي يضم أكثر من 85 دولة.",
            date: Some("2025-11-01"),
            want: &[("number-conflict", "info")],
        },
        Case {
            name: "English: includes 89 vs includes more than 80",
            text: "The US-led coalition includes 89 countries. Later: the coalition includes more than 80 countries.",
            date: None,
            want: &[("number-conflict", "warning")],
        },
    ]);
}

#[test]
fn number_conflict_quiet() {
    run(&[
        Case {
            name: "digits vs number words vs Arabic-Indic digits: equal",
            text: "التحالف الدولي يضم 89 دولة. والتحالف الدولي يضم تسعة وثمانين دولة. ويضم التحالف ٨٩ دولة.",
            date: None,
            want: &[],
        },
        Case {
            name: "the seed's other numbers, each given once, in other slots",
            text: "وذكرت وزارة الداخلية السورية أن الحملة أسفرت عن تنفيذ 61 عملية دهم، نتج عنها اعتقال 71 شخصاً. وتخصيص صندوق تمويل لأكثر من ألف مشروع في العراق. مراكز احتجاز تضم الآلاف من عناصر تنظيم الدولة، ومخيمات تضم الآلاف من عائلات عناصر التنظيم.",
            date: None,
            want: &[],
        },
        Case {
            name: "a range for another predicate is another slot",
            text: "التحالف الدولي ضد داعش يضم 89 دولة. ويتوقع أن يحضر ممثلو ما بين 80 و90 دولة الاجتماع.",
            date: None,
            want: &[],
        },
        Case {
            name: "no entity: a number that cannot be bound is not compared",
            text: "وقال شاهد إن الحملة انتهت باعتقال 12 شخصاً. وفي مدينة أخرى انتهت حملة باعتقال 30 شخصاً.",
            date: None,
            want: &[],
        },
        Case {
            name: "English words vs digits",
            text: "The US-led coalition includes eighty-nine countries. The coalition includes 89 countries.",
            date: None,
            want: &[],
        },
    ]);
}

#[test]
fn date_conflict_flags() {
    run(&[
        Case {
            name: "formation in 2014 vs 2015 (Arabic-Indic digits)",
            text: "التحالف الدولي ضد تنظيم الدولة، الذي تشكّل عام 2014، يضم دولاً كثيرة.\n\nإقرأ أيضاً:\n\nالتحالف الدولي ضد داعش، الذي تشكّل عام ٢٠١٥، يعمل في العراق.",
            date: None,
            want: &[("date-conflict", "error"), ("fact-conflict", "error")],
        },
        Case {
            name: "a double month whose halves disagree, on its own",
            text: "نُفذت عملية مشتركة في 18 أكتوبر/تشرين الثاني في ريف دمشق.",
            date: None,
            want: &[("date-conflict", "error")],
        },
        Case {
            name: "one operation, same day, different months",
            text: "وزارة الداخلية السورية أعلنت أن عملية نفذت في 18 أكتوبر انتهت بتفكيك خلية. وقالت وزارة الداخلية السورية إن عملية نفذت في 18 نوفمبر كانت الأولى.",
            date: None,
            want: &[("date-conflict", "error")],
        },
        Case {
            name: "AP-style abbreviated months (regression: Oct. 18 and Nov. 18 were not dates)",
            text: "The Syrian Interior Ministry said an operation carried out on Oct. 18 dismantled a cell. The Syrian Interior Ministry said the operation on Nov. 18 was the first.",
            date: None,
            want: &[("date-conflict", "error")],
        },
        Case {
            name: "English formation years",
            text: "The US-led coalition, formed in 2014, met. The coalition, formed in 2015, met again.",
            date: None,
            want: &[("date-conflict", "error"), ("fact-conflict", "error")],
        },
    ]);
}

#[test]
fn date_conflict_quiet() {
    run(&[
        Case {
            name: "the seed's dates at different precision agree",
            text: "التحالف الدولي ضد تنظيم الدولة، الذي تقوده الولايات المتحدة منذ تشكيله في سبتمبر/أيلول عام 2014، ويضم 89 دولة. سقوط نظام بشار الأسد في الثامن من ديسمبر/كانون الأول الماضي.\n\nإقرأ أيضاً:\n\nالتحالف الدولي ضد داعش، الذي تشكل عام 2014، يضم أكثر من 80 دولة. الإطاحة بالرئيس السابق بشار الأسد في ديسمبر الماضي.",
            date: None,
            want: &[("number-conflict", "warning")],
        },
        Case {
            name: "Gregorian, Levantine, double and ordinal forms of one date",
            text: "عملية مشتركة للتحالف الدولي نُفذت في 18 أكتوبر/تشرين الأول. وكانت عملية 18 تشرين الأول للتحالف الدولي الأولى. ووصف مسؤول في التحالف الدولي عملية الثامن عشر من أكتوبر بأنها نقطة تحول. وعاد التحالف الدولي إلى عملية 18 أكتوبر.",
            date: None,
            want: &[],
        },
        Case {
            name: "two different visits are no conflict",
            text: "زار الرئيس أحمد الشرع عمّان في فبراير/شباط. ثم زيارة الرئيس أحمد الشرع إلى الرياض في مايو/أيار.",
            date: None,
            want: &[],
        },
        Case {
            name: "relative month resolved with the draft date agrees with the year",
            text: "سقوط نظام بشار الأسد في الثامن من ديسمبر/كانون الأول 2024. الإطاحة ببشار الأسد في ديسمبر الماضي.",
            date: Some("2025-11-09"),
            want: &[],
        },
        Case {
            name: "one date abbreviated and in full agrees; a month abbreviation ending a sentence is no date",
            text: "The Syrian Interior Ministry said an operation carried out on Oct. 18 dismantled a cell. The Syrian Interior Ministry said the operation on October 18 was the first. Talks resume in Nov. Two officials said so.",
            date: None,
            want: &[],
        },
        Case {
            name: "مارس, نيسان and صفر are months only next to a day or year",
            text: "مارس التحالف الدولي ضغطاً كبيراً. وشارك في التشكيل نيسان وصفر.",
            date: None,
            want: &[],
        },
    ]);
}

#[test]
fn quote_drift_flags() {
    run(&[
        Case {
            name: "the seed's Trump quote reworded: warning",
            text: "وعلق الرئيس الأمريكي دونالد ترامب قائلاً: “إنها منطقة صعبة، لكنه رجل قوي وقد انسجمت معه جيداً، وتم تحقيق تقدم كبير مع سوريا.”\n\nوعلق ترامب قائلاً: “إنها منطقة صعبة، لكنه رجل قوي وقد انسجمت معه بشكل جيد، وتم تحقيق تقدم كبير مع سوريا.”",
            date: None,
            want: &[("quote-drift", "warning")],
        },
        Case {
            name: "a negation dropped: error",
            text: "وقال المبعوث الأمريكي توم باراك للصحفيين: «لن ننسحب من سوريا قبل أن تتسلم دمشق مراكز الاحتجاز».\n\nونقلت وكالة رويترز عن باراك قوله: «سننسحب من سوريا قبل أن تتسلم دمشق مراكز الاحتجاز».",
            date: None,
            want: &[("quote-drift", "error")],
        },
        Case {
            name: "a number changed: error (English); the counts also disagree",
            text: "Tom Barrack said: \"we arrested 71 people in seven provinces last week\".\n\nBarrack told reporters: \"we arrested 17 people in seven provinces last week\".",
            date: None,
            want: &[("quote-drift", "error"), ("number-conflict", "error")],
        },
        Case {
            name: "one quote only cuts the other short: info",
            text: "Donald Trump said: \"He's a strong guy. It's a tough neighborhood, and I got along with him very well.\"\n\nTrump said: \"He's a strong guy. It's a tough neighborhood.\"",
            date: None,
            want: &[("quote-drift", "info")],
        },
    ]);
}

#[test]
fn quote_drift_quiet() {
    run(&[
        Case {
            name: "the same words, different diacritics and quote marks",
            text: "قال دونالد ترامب: «سوف نلتقي أنا والشرع قريباً جداً».\n\nوقال ترامب: “سوف نلتقي أنا والشرع قريباً جدًا”.",
            date: None,
            want: &[],
        },
        Case {
            name: "two different statements of one speaker",
            text: "Donald Trump said: \"We want to see Syria become a very successful country.\"\n\nTrump said: \"It is a tough neighborhood and he is a strong guy.\"",
            date: None,
            want: &[],
        },
        Case {
            name: "scare quotes and names are not statements",
            text: "مرحلة \"الوكلاء\" و\"الفاعلين دون الدولة\" قد اقتربت من نهايتها، وقانون \"قيصر\" و\"قسد\".",
            date: None,
            want: &[],
        },
        Case {
            name: "near-identical quotes of two different speakers",
            text: "قال دونالد ترامب: «سوف نلتقي قريباً في البيت الأبيض لبحث العقوبات».\n\nوقال أسعد الشيباني: «سوف نلتقي قريباً في البيت الأبيض لبحث الاستثمار».",
            date: None,
            want: &[],
        },
    ]);
}

#[test]
fn fact_conflict_cases() {
    run(&[
        Case {
            name: "on the day the gazetteer gives 89, 95 contradicts it",
            text: "انضمت سوريا إلى التحالف الدولي ضد تنظيم الدولة، الذي يضم 95 دولة.",
            date: Some("2025-11-09"),
            want: &[("fact-conflict", "error")],
        },
        Case {
            name: "without a date, 89 is not compared with a count that changes over time",
            text: "انضمت سوريا إلى التحالف الدولي ضد تنظيم الدولة، الذي يضم 89 دولة.",
            date: None,
            want: &[],
        },
        Case {
            name: "without a date, 89 and more than 80 stay quiet against the gazetteer",
            text:
                "التحالف الدولي يضم 89 دولة.\n\nإقرأ أيضاً:\n\nالتحالف الدولي يضم أكثر من 80 دولة.",
            date: None,
            want: &[("number-conflict", "warning")],
        },
        Case {
            name: "the day a fact changes, yesterday's figure is still right",
            text: "التحالف الدولي ضد تنظيم الدولة يضم 89 دولة.",
            date: Some("2025-11-10"),
            want: &[],
        },
        Case {
            name: "after the change, 89 is wrong",
            text: "التحالف الدولي ضد تنظيم الدولة يضم 89 دولة.",
            date: Some("2025-12-01"),
            want: &[("fact-conflict", "error")],
        },
        Case {
            name: "founding year at another precision agrees",
            text: "التحالف الدولي ضد تنظيم الدولة تشكّل عام 2014.",
            date: None,
            want: &[],
        },
        // Facts with validity: the draft's date picks the value of a history.
        Case {
            name: "REGRESSION: a 2017 article's 68 countries is the count of its day, not an error",
            text: "The US-led coalition includes 68 countries, officials said.",
            date: Some("2017-03-22"),
            want: &[],
        },
        Case {
            name: "a 2017 article's 60 countries contradicts the count of its day (68)",
            text: "التحالف الدولي ضد تنظيم الدولة يضم 60 دولة.",
            date: Some("2017-03-22"),
            want: &[("fact-conflict", "error")],
        },
        Case {
            name: "the 2014 count holds on its own day",
            text: "التحالف الدولي ضد تنظيم الدولة يضم 60 دولة.",
            date: Some("2014-12-03"),
            want: &[],
        },
        Case {
            name: "between two stated counts nothing is judged",
            text: "The US-led coalition includes 95 countries.",
            date: Some("2016-05-01"),
            want: &[],
        },
        Case {
            name: "before the first stated count nothing is judged",
            text: "التحالف الدولي ضد تنظيم الدولة يضم 12 دولة.",
            date: Some("2014-09-20"),
            want: &[],
        },
        Case {
            name: "without a date, a value that no stated count allows is an error",
            text: "The US-led coalition includes more than 95 countries.",
            date: None,
            want: &[("fact-conflict", "error")],
        },
        Case {
            name: "without a date, any stated count of the history is quiet",
            text: "The US-led coalition includes 79 countries.",
            date: None,
            want: &[],
        },
        Case {
            name: "a less precise count is true: no fact-conflict",
            text: "The US-led coalition includes more than 80 countries.",
            date: Some("2025-11-05"),
            want: &[],
        },
    ]);
    // The note carries the fact and its source.
    let report = checker(Some("2025-11-09")).run(
        "case.txt",
        "انضمت سوريا إلى التحالف الدولي ضد تنظيم الدولة، الذي يضم 95 دولة.",
        Format::Plain,
        Mode::Check,
    );
    let finding = report.findings.iter().find(|f| f.rule == "fact-conflict");
    let notes = finding.map(|f| f.notes.join(" ")).unwrap_or_default();
    assert!(
        notes.contains("members = 89") && notes.contains("source: http"),
        "{notes}"
    );
    assert!(finding.is_some_and(|f| f.spans[0].text == "يضم 95 دولة"));
}

#[test]
fn claims_are_serialized() {
    let text = format!("{COALITION} ويضم التحالف 89 دولة منذ تشكيله في سبتمبر/أيلول عام 2014.");
    let report = checker(None).run("case.txt", &text, Format::Plain, Mode::Check);
    let json = serde_json::to_value(&report).expect("report serializes");
    let claims = &json["claims"];
    assert_eq!(claims["quantities"][0]["text"], "ويضم التحالف 89 دولة");
    assert_eq!(claims["quantities"][0]["kind"], "exact");
    assert_eq!(
        claims["quantities"][0]["slot"]["entity"],
        "global-coalition-against-isis"
    );
    assert_eq!(claims["dates"][0]["year"], 2014);
    assert_eq!(claims["dates"][0]["month"], 9);
    assert_eq!(claims["dates"][0]["slot"]["event"], "formation");
}

#[test]
fn explain_texts() {
    for id in RULES {
        let info = tadqiq::lookup(id).unwrap_or_else(|| panic!("{id} is registered"));
        assert!(!info.summary.is_empty(), "{id}");
        // An Arabic and an English example in every explain text.
        assert!(info.explain.contains("Example"), "{id}");
        assert!(
            info.explain
                .chars()
                .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
            "{id}"
        );
    }
    let drift = tadqiq::lookup("quote-drift")
        .map(|r| r.explain)
        .unwrap_or("");
    assert!(
        drift.contains("0.75"),
        "the threshold and how it was chosen"
    );
}

/// Bugs once found.
#[test]
fn regression() {
    run(&[
        Case {
            name: "REGRESSION: a subject between the verb and the number binds (VSO)",
            text: "انضمت سوريا إلى التحالف الدولي ضد تنظيم الدولة.\n\nويضم التحالف 89 دولة.\n\nإقرأ أيضاً:\n\nوالتحالف الدولي ضد داعش يضم أكثر من 80 دولة.",
            date: None,
            want: &[("number-conflict", "warning")],
        },
        Case {
            name: "REGRESSION: the speaker after the verb wins over a name before it",
            text: "وتدير قسد المراكز بقيادة مظلوم عبدي. وقال المبعوث الأمريكي الخاص توم باراك: «لن ننسحب من سوريا قبل تسلم دمشق المراكز».\n\nوقال مظلوم عبدي: «سننسحب من سوريا قبل تسلم دمشق المراكز».",
            date: None,
            want: &[],
        },
        Case {
            name: "REGRESSION: 'The coalition' in a snippet stands for 'the coalition against ISIS' of the body, not for ISIS",
            text: "The coalition against ISIS, formed in 2014, includes 89 countries.\n\nRead more:\n\nThe coalition, formed in 2015, includes more than 90 countries.",
            date: Some("2025-11-09"),
            want: &[
                ("date-conflict", "error"),
                ("fact-conflict", "error"),
                ("fact-conflict", "error"),
                ("number-conflict", "error"),
            ],
        },
        Case {
            name: "REGRESSION: a relative clause between the verb and the number (with its own year) is stepped over",
            text: "ويضم التحالف الدولي ضد تنظيم الدولة، الذي تأسس في سبتمبر/أيلول 2014، تسعة وثمانين بلداً.\n\nإقرأ أيضاً:\n\nوالتحالف الدولي ضد داعش يضم أكثر من تسعين دولة.",
            date: None,
            want: &[("fact-conflict", "error"), ("number-conflict", "error")],
        },
        Case {
            name: "REGRESSION: a clause set off by commas that is not relative does not bind",
            text: "ويضم التحالف الدولي ضد تنظيم الدولة، بحسب بيان صدر عام 2014، تسعة وثمانين بلداً.\n\nإقرأ أيضاً:\n\nوالتحالف الدولي ضد داعش يضم أكثر من تسعين دولة.",
            date: None,
            want: &[("fact-conflict", "error")],
        },
        Case {
            name: "REGRESSION: 'one of' is not the number 1",
            text: "التحالف الدولي يضم 89 دولة. وأصبحت سوريا إحدى الدول التي يضمها التحالف الدولي.",
            date: None,
            want: &[],
        },
    ]);
    // An Arabic claim shows the Arabic name even when it starts with digits.
    let report = checker(None).run(
        "case.txt",
        "التحالف الدولي يضم 89 دولة.\n\nإقرأ أيضاً:\n\nالتحالف الدولي يضم أكثر من 80 دولة.",
        Format::Plain,
        Mode::Check,
    );
    let message = report
        .findings
        .iter()
        .find(|f| f.rule == "number-conflict")
        .map(|f| f.message.clone())
        .unwrap_or_default();
    assert!(message.contains("التحالف الدولي"), "{message}");
}

/// The findings of `rule` on `text`, with the number of spans of each.
fn grouped(rule: &str, text: &str) -> Vec<(String, usize, String)> {
    checker(None)
        .run("case.txt", text, Format::Plain, Mode::Check)
        .findings
        .into_iter()
        .filter(|f| f.rule == rule)
        .map(|f| (f.severity.as_str().to_string(), f.spans.len(), f.message))
        .collect()
}

/// Many values in one slot are one finding that lists them, not one per
/// pair: output stays linear in the draft.
#[test]
fn one_finding_per_slot() {
    // Three counts for one slot: one error naming its worst pair, the third
    // value listed too.
    let three = "التحالف الدولي يضم 89 دولة. وقال مسؤول إن التحالف الدولي يضم أكثر من 80 دولة. والتحالف الدولي يضم 95 دولة.";
    let got = grouped("number-conflict", three);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!((got[0].0.as_str(), got[0].1), ("error", 3));
    assert!(got[0].2.contains("3 different values"), "{}", got[0].2);

    // REGRESSION: 200 counts for one slot gave 19,900 findings (23 MB of JSON).
    let many: String = (0..200)
        .map(|i| format!("التحالف الدولي يضم {} دولة.\n\n", 50 + i))
        .collect();
    let got = grouped("number-conflict", &many);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1, 10, "spans are capped");

    // Quiet: one count given 200 times in its different spellings.
    let same: String = (0..200)
        .map(|i| {
            let n = ["89", "٨٩", "تسعة وثمانين"][i % 3];
            format!("التحالف الدولي يضم {n} دولة.\n\n")
        })
        .collect();
    assert_eq!(grouped("number-conflict", &same), Vec::new());

    // Three formation years: one date-conflict listing all three.
    let years = "التحالف الدولي ضد تنظيم الدولة، الذي تشكّل عام 2014، يضم دولاً كثيرة.\n\nالتحالف الدولي ضد داعش، الذي تشكّل عام 2015، يعمل في العراق.\n\nالتحالف الدولي ضد داعش، الذي تشكّل عام 2016، يعمل في سوريا.";
    let got = grouped("date-conflict", years);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].1, 3);

    // Two disputed visits of one man are two findings (one per visit); two
    // undisputed visits stay quiet.
    let visits = "زار الرئيس أحمد الشرع عمّان في 3 فبراير/شباط. ثم زيارة الرئيس أحمد الشرع إلى عمّان في 4 فبراير/شباط.\n\nزار الرئيس أحمد الشرع الرياض في 5 مايو/أيار. ثم زيارة الرئيس أحمد الشرع إلى الرياض في 6 مايو/أيار.";
    let got = grouped("date-conflict", visits);
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(got.iter().all(|g| g.1 == 2));

    // REGRESSION: 100 formation years gave 4,950 findings.
    let many: String = (0..100)
        .map(|i| format!("التحالف الدولي، الذي تشكّل عام {}، يعمل.\n\n", 1900 + i))
        .collect();
    assert_eq!(grouped("date-conflict", &many).len(), 1);
}

#[test]
fn one_finding_per_statement() {
    // One statement in four wordings, and another in two: two findings, the
    // first an error (a negation) listing the other wordings.
    let text = "وقال دونالد ترامب: «سوف نلتقي قريباً في البيت الأبيض لبحث العقوبات والاستثمار».\n\nوقال ترامب: «سوف نلتقي قريباً في البيت الأبيض لبحث العقوبات والإعمار».\n\nوقال ترامب: «سوف نلتقي قريباً في البيت الأبيض لبحث العقوبات والتجارة».\n\nوقال ترامب: «لن نلتقي قريباً في البيت الأبيض لبحث العقوبات والاستثمار».\n\nوقال ترامب: «إنها منطقة صعبة، لكنه رجل قوي وقد انسجمت معه جيداً».\n\nوقال ترامب: «إنها منطقة صعبة، لكنه رجل قوي وقد انسجمت معه بشكل جيد».\n\nوقال ترامب: «نريد أن نرى سوريا ناجحة جداً في المستقبل».";
    let got = grouped("quote-drift", text);
    assert_eq!(got.len(), 2, "{got:#?}");
    assert_eq!((got[0].0.as_str(), got[0].1), ("error", 4));
    assert!(got[0].2.contains("quoted 4 times"), "{}", got[0].2);
    assert_eq!((got[1].0.as_str(), got[1].1), ("warning", 2));
    assert!(got[1].2.contains("quoted twice"), "{}", got[1].2);

    // REGRESSION: 100 rewordings of one statement gave 4,950 findings.
    let many: String = (0..100)
        .map(|i| {
            format!(
                "وقال دونالد ترامب: «سوف نلتقي قريباً في البيت الأبيض لبحث {} ملفات مهمة».\n\n",
                i + 3
            )
        })
        .collect();
    let got = grouped("quote-drift", &many);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].1, 10, "spans are capped");

    // Quiet: one statement quoted 100 times in the same words.
    let same = "وقال دونالد ترامب: «سوف نلتقي قريباً في البيت الأبيض لبحث العقوبات».\n\n".repeat(100);
    assert_eq!(grouped("quote-drift", &same), Vec::new());

    // REGRESSION: two statements that only share one word where one ends and
    // the other starts were called a truncation (info).
    let overlap = "Donald Trump said: \"we want peace and prosperity for the region\".\n\nTrump said: \"region leaders must decide their own future\".";
    assert_eq!(grouped("quote-drift", overlap), Vec::new());
}
