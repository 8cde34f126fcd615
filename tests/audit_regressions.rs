//! False alarms found by the audit on real published news (docs/precision.md,
//! "Audit on real news"), each as a draft of our own under
//! `tests/fixtures/audit/`: the quiet counterpart that raised the false
//! alarm before the fix, and a draft with the real contradiction of the same
//! shape that must still be flagged.

mod common;

use std::path::{Path, PathBuf};

use tadqiq::{CheckerBuilder, Format, Mode};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/audit")
}

/// Every error and warning of a fixture, as (rule, severity, primary span).
/// Infos (unknown-name proposals) are left out: the audit counts errors and
/// warnings.
fn findings(file: &str) -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(fixtures().join(file)).expect("fixture is UTF-8");
    let format = if file.ends_with(".md") {
        Format::Markdown
    } else {
        Format::Plain
    };
    let checker = CheckerBuilder::new()
        .build()
        .expect("the embedded gazetteer is valid");
    let report = checker.run(file, &text, format, Mode::Check);
    common::triples(
        report
            .findings
            .iter()
            .filter(|f| f.severity.as_str() != "info"),
    )
}

fn expect(file: &str, want: &[(&str, &str, &str)]) {
    let got = findings(file);
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(r, s, t)| (r.to_string(), s.to_string(), t.to_string()))
        .collect();
    assert_eq!(got, want, "{file}");
}

/// Seats of several parties listed in one sentence, one of them with a
/// demonym in its name ("كتلة النهضة العراقية"): each item has its own
/// subject, and the demonym is not the country winning seats.
#[test]
fn seats_listed_in_one_sentence_are_not_one_slot() {
    expect("ar-seats-list.md", &[]);
    expect("en-seats-list.md", &[]);
}

/// The same person's seats given twice with different numbers are still a
/// contradiction; the list in between adds nothing.
#[test]
fn seats_of_one_subject_given_twice_still_conflict() {
    expect(
        "ar-seats-conflict.md",
        &[("number-conflict", "error", "حصل على 64 مقعداً")],
    );
}

/// "الرئيس سلام", "الرئيس نواف سلام": Arabic news calls a prime minister
/// "الرئيس"; the bare title fits anyone who heads a body.
#[test]
fn bare_president_before_a_prime_minister_is_quiet() {
    expect("ar-president-honorific.md", &[]);
}

/// A specific title the person never held, and the bare "الرئيس" before a
/// minister who heads nothing, are still errors.
#[test]
fn wrong_titles_are_still_errors() {
    expect(
        "ar-president-wrong.md",
        &[
            ("role-conflict", "error", "جوزاف عون"),
            ("role-conflict", "error", "أسعد الشيباني"),
        ],
    );
}

/// "بحصده 46 مقعداً", "بحصوله على 48 مقعداً": a verbal noun with a
/// possessive suffix is the predicate, so the two counts meet in one slot.
#[test]
fn verbal_noun_with_suffix_is_a_predicate() {
    expect(
        "ar-seats-verbal-noun.md",
        &[("number-conflict", "error", "بحصوله على 48 مقعداً")],
    );
    expect("ar-seats-verbal-noun-agree.md", &[]);
}

/// Gazetteer gaps behind near-miss warnings on real news: Tawila (Darfur) was
/// taken for a misspelling of Tafila (Jordan), and "جوزف عون", the spelling
/// of many Lebanese papers, for one of "جوزاف عون". The Arabic name of
/// Tawila, طويلة ("long"), is ambiguous and stays untagged in "فترة طويلة".
#[test]
fn tawila_and_jozef_aoun_are_known() {
    expect("en-tawila.md", &[]);
    expect("ar-jozef-aoun.md", &[]);
}

/// Jim Risch, chairman of the Senate Foreign Relations Committee, was
/// missing (real news): his titles are known, and a title he never held is
/// another person's. "ريش" alone ("feathers") is not read as him.
#[test]
fn jim_risch_is_known() {
    expect(
        "en-risch-wrong-title.md",
        &[("role-conflict", "error", "Jim Risch")],
    );
    expect("en-risch.md", &[]);
    expect("ar-risch.md", &[]);
}

/// Jeanne Shaheen (the committee's ranking member) and Pope Leo XIV were
/// missing, each named in several real articles (docs/precision.md): their
/// titles are theirs, and another person given one is flagged.
#[test]
fn jeanne_shaheen_and_leo_xiv_are_known() {
    expect(
        "en-shaheen-wrong-title.md",
        &[("role-conflict", "error", "Jim Risch")],
    );
    expect(
        "ar-pope-wrong-title.md",
        &[("role-conflict", "error", "جوزيف عون")],
    );
    expect("en-shaheen.md", &[]);
    expect("ar-pope.md", &[]);
}

/// Qatar's prime minister as Al Sharq writes him in full ("محمد بن
/// عبدالرحمن بن جاسم آل ثاني") was not tagged, so no title was checked on
/// him (`extends:` in gazetteer/people-gulf.yaml).
#[test]
fn qatar_pm_full_name_is_known() {
    expect(
        "ar-qatar-pm-wrong-title.md",
        &[(
            "role-conflict",
            "error",
            "محمد بن عبدالرحمن بن جاسم آل ثاني",
        )],
    );
    expect("ar-qatar-pm-full-name.md", &[]);
    // Gulf News writes "Abdel Rahman" in two words: tagged, so his titles
    // are checked too.
    expect(
        "en-qatar-pm-wrong-title.md",
        &[(
            "role-conflict",
            "error",
            "Mohammed bin Abdel Rahman Al Thani",
        )],
    );
    expect("en-qatar-pm-spelling.md", &[]);
}

/// A count's history told in one sentence ("now has 90 members, and it had
/// 60 members in 2014"): the second number has its own clause, so it is
/// neither a contradiction of the first nor of the gazetteer's 90.
#[test]
fn a_count_and_its_history_in_one_sentence_are_quiet() {
    expect("ar-members-history.md", &[]);
    expect("en-members-history.md", &[]);
}

/// REGRESSION (real news): "السوداني" is also Mohammed Shia al-Sudani's
/// family name. After a definite noun ("رئيس مجلس السيادة السوداني"), or
/// before his full name is given, it is Sudan's demonym: it was read as him
/// and gave him al-Burhan's title (a false role-conflict error).
#[test]
fn sudani_as_an_adjective_is_sudan() {
    expect("ar-sudani-demonym.md", &[]);
    expect("ar-sudani-before-name.md", &[]);
}

/// Every tagged mention of a fixture, as (text as written, entity id).
fn tagged(file: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(fixtures().join(file)).expect("fixture is UTF-8");
    let checker = CheckerBuilder::new()
        .build()
        .expect("the embedded gazetteer is valid");
    common::text_and_ids(checker.run(file, &text, Format::Markdown, Mode::Tag))
}

fn has(mentions: &[(String, String)], text: &str, id: &str) -> bool {
    mentions.iter().any(|(t, i)| t == text && i == id)
}

/// Asserts that the fixture tags each (text, entity id).
fn assert_tags(file: &str, want: &[(&str, &str)]) {
    let m = tagged(file);
    for (text, id) in want {
        assert!(has(&m, text, id), "{file}: {text} -> {id}: {m:?}");
    }
}

/// Greece's foreign minister, named in real news of his visit to Damascus
/// ("جيورجيوس جيرابتريتس") and elsewhere ("جورج جيرابيتريتيس"), was missing:
/// both spellings are him, another minister's title on him is an error, and
/// his own title before he took office (27 June 2023) is a warning.
#[test]
fn gerapetritis_is_known() {
    expect("ar-gerapetritis.md", &[]);
    let m = tagged("ar-gerapetritis.md");
    assert!(
        has(&m, "جيورجيوس جيرابتريتس", "giorgos-gerapetritis"),
        "{m:?}"
    );
    assert!(
        has(&m, "جورج جيرابيتريتيس", "giorgos-gerapetritis"),
        "{m:?}"
    );
    expect(
        "ar-gerapetritis-wrong-title.md",
        &[("role-conflict", "error", "جيورجيوس جيرابتريتس")],
    );
    expect(
        "en-gerapetritis-too-early.md",
        &[("role-conflict", "warning", "Giorgos Gerapetritis")],
    );
}

/// Russia's deputy prime minister Alexander Novak (real news: the Russian
/// delegation in Damascus, 9 September 2025): his title is quiet, the energy
/// ministry he left on 10 November 2020 is a past title.
#[test]
fn novak_is_known() {
    expect("en-novak.md", &[]);
    expect("ar-novak.md", &[]);
    assert!(has(
        &tagged("ar-novak.md"),
        "ألكساندر نوفاك",
        "alexander-novak"
    ));
    expect(
        "en-novak-energy-minister.md",
        &[("role-conflict", "warning", "Alexander Novak")],
    );
}

/// Azerbaijan's deputy prime minister Samir Sharifov (from 10 January 2025;
/// finance minister before). The deputy foreign minister of the same name is
/// not given his titles: "نائب وزير الخارجية" is no title of the gazetteer.
#[test]
fn sharifov_is_known() {
    expect("ar-sharifov.md", &[]);
    expect(
        "ar-sharifov-too-early.md",
        &[("role-conflict", "warning", "سمير شريفوف")],
    );
}

/// Congressman Darin LaHood (Illinois) led a delegation to Damascus (real
/// news, 25 November 2025). "لحود" alone is the Lebanese family name too
/// (Emile Lahoud): never read as him.
#[test]
fn lahood_is_known() {
    expect("ar-lahood.md", &[]);
    expect("en-lahood.md", &[]);
    let m = tagged("ar-lahood.md");
    assert!(has(&m, "دارين لحود", "darin-lahood"), "{m:?}");
    assert!(
        !m.iter()
            .any(|(t, i)| i == "darin-lahood" && t != "دارين لحود"),
        "{m:?}"
    );
    expect(
        "en-lahood-wrong-title.md",
        &[("role-conflict", "error", "Darin LaHood")],
    );
}

/// Nabil Fahmy, Arab League Secretary-General from 1 July 2026 (and Egypt's
/// foreign minister in 2013-2014): quiet after that day, a warning before.
#[test]
fn nabil_fahmy_is_known() {
    expect("ar-fahmy.md", &[]);
    expect(
        "ar-fahmy-too-early.md",
        &[("role-conflict", "warning", "نبيل فهمي")],
    );
}

/// Kuwait's foreign minister from 1 February 2026, Sheikh Jarrah Jaber
/// al-Ahmad al-Sabah: with the honorific his name starts like the place
/// "الشيخ جراح" (Jerusalem), which must still be the place on its own. His
/// predecessor given the title after that day is a warning.
#[test]
fn jarrah_al_sabah_is_known() {
    expect("ar-jarrah.md", &[]);
    let m = tagged("ar-jarrah.md");
    assert!(
        has(
            &m,
            "الشيخ جراح جابر الأحمد الصباح",
            "jarrah-jaber-al-ahmad-al-sabah"
        ),
        "{m:?}"
    );
    assert!(has(&m, "حي الشيخ جراح", "sheikh-jarrah"), "{m:?}");
    expect(
        "ar-jarrah-predecessor.md",
        &[("role-conflict", "warning", "عبدالله اليحيا")],
    );
}

/// John Hannah (JINSA; Cheney's national security adviser 2005-2009), named
/// in real news of al-Sharaa's Washington visit, with the Middle East
/// Institute and Fox News.
#[test]
fn john_hannah_is_known() {
    expect("en-hannah.md", &[]);
    let m = tagged("en-hannah.md");
    assert!(has(&m, "John Hannah", "john-hannah"), "{m:?}");
    assert!(
        has(&m, "Middle East Institute", "middle-east-institute"),
        "{m:?}"
    );
    assert!(has(&m, "Fox News", "fox-news"), "{m:?}");
    // The institute's name is one organization, not "America" the country.
    assert!(!m.iter().any(|(t, _)| t == "America"), "{m:?}");
    expect(
        "en-hannah-wrong-title.md",
        &[("role-conflict", "error", "John Hannah")],
    );
}

/// Places and organizations real news names around these visits: the
/// palaces where leaders receive visitors, the US Treasury, Fox News, the
/// Middle East Institute, and AFP's "ليو الـ14" for Pope Leo XIV.
#[test]
fn palaces_treasury_and_leo_14_are_known() {
    expect("ar-visits-places.md", &[]);
    assert_tags(
        "ar-visits-places.md",
        &[
            ("قصر اليمامة", "al-yamamah-palace"),
            ("قصر الشعب", "peoples-palace-damascus"),
            ("وزارة الخزانة الأمريكية", "us-department-of-the-treasury"),
            ("شبكة فوكس نيوز", "fox-news"),
            ("معهد الشرق الأوسط", "middle-east-institute"),
            ("ليو الـ14", "pope-leo-xiv"),
            ("ليو الــ14", "pope-leo-xiv"),
        ],
    );
}

/// Maher al-Sharaa, the president's brother and secretary-general of the
/// presidency (real news: he received the Russian delegation, 9 September
/// 2025): his name was read as a bare "الشرع" left unresolved. His title is
/// quiet; the health ministry he left in March 2025 is a past title.
#[test]
fn maher_al_sharaa_is_known() {
    expect("ar-maher-al-sharaa.md", &[]);
    let m = tagged("ar-maher-al-sharaa.md");
    assert!(has(&m, "ماهر الشرع", "maher-al-sharaa"), "{m:?}");
    assert!(has(&m, "أحمد الشرع", "ahmed-al-sharaa"), "{m:?}");
    expect(
        "ar-maher-al-sharaa-past-title.md",
        &[("role-conflict", "warning", "ماهر الشرع")],
    );
}

/// Azerbaijan's president Ilham Aliyev, named in the real news of his deputy
/// prime minister (Azertag, 17 October 2025), was missing.
#[test]
fn ilham_aliyev_is_known() {
    expect("ar-aliyev.md", &[]);
    let m = tagged("ar-aliyev.md");
    assert!(has(&m, "إلهام علييف", "ilham-aliyev"), "{m:?}");
    expect(
        "ar-aliyev-wrong-title.md",
        &[("role-conflict", "error", "إلهام علييف")],
    );
}

/// Congressmen Cory Mills (Florida) and Abraham Hamadeh (Arizona), named in
/// real news of their visits to Damascus: each one's state is his, the other
/// state's seat is an error, and the seat before he took it a warning.
/// "عضو الكونغرس عن ولاية فلوريدا" is no title of the gazetteer (it also fits
/// a senator): Marco Rubio called so in 2020 is quiet.
#[test]
fn mills_and_hamadeh_are_known() {
    expect("ar-congress-visitors.md", &[]);
    let m = tagged("ar-congress-visitors.md");
    assert!(has(&m, "أبراهام حمادة", "abraham-hamadeh"), "{m:?}");
    assert!(has(&m, "كوري ميلز", "cory-mills"), "{m:?}");
    expect(
        "ar-congress-visitors-swapped.md",
        &[("role-conflict", "error", "أبراهام حمادة")],
    );
    expect(
        "en-hamadeh-too-early.md",
        &[("role-conflict", "warning", "Abraham Hamadeh")],
    );
    expect("ar-rubio-florida.md", &[]);
}

/// "army chief Abdel Fattah al-Burhan" (real news, Shafaq News, 25 October
/// 2025) was an error: the bare title was Joseph Aoun's alone. Burhan
/// commands Sudan's army, and the bare forms are his too; another country's
/// army on him is still an error.
#[test]
fn burhan_is_army_chief() {
    expect("en-burhan-army-chief.md", &[]);
    expect("ar-burhan-army-chief.md", &[]);
    expect(
        "en-burhan-wrong-army.md",
        &[("role-conflict", "error", "Abdel Fattah al-Burhan")],
    );
}

/// "أوروجواي", Uruguay with ج for the g (real news: the World Cup draw,
/// 5 December 2025), was a near-miss warning against "أوروغواي".
#[test]
fn uruguay_with_jim_is_known() {
    expect("ar-uruguay-jim.md", &[]);
    let m = tagged("ar-uruguay-jim.md");
    assert!(has(&m, "أوروجواي", "uruguay"), "{m:?}");
}

/// Princess Reema bint Bandar, Saudi ambassador to the United States since
/// the royal order of 23 February 2019.
#[test]
fn reema_bint_bandar_is_known() {
    expect("en-reema.md", &[]);
    let m = tagged("en-reema.md");
    assert!(has(&m, "Reema bint Bandar", "reema-bint-bandar"), "{m:?}");
    expect(
        "en-reema-wrong-title.md",
        &[("role-conflict", "error", "Reema bint Bandar")],
    );
}

/// Nouri al-Maliki, Iraq's prime minister from 20 May 2006 to 8 September
/// 2014: right in 2010, a former title (warning) in 2020.
#[test]
fn nouri_al_maliki_is_known() {
    expect("en-maliki.md", &[]);
    let m = tagged("en-maliki.md");
    assert!(has(&m, "Nouri al-Maliki", "nouri-al-maliki"), "{m:?}");
    assert!(has(&m, "Maliki", "nouri-al-maliki"), "{m:?}");
    expect(
        "en-maliki-wrong-date.md",
        &[("role-conflict", "warning", "Nouri al-Maliki")],
    );
}

/// Massad Boulos, senior adviser to the US president on Arab affairs and,
/// from 1 April 2025, for Africa.
#[test]
fn massad_boulos_is_known() {
    expect("en-boulos.md", &[]);
    let m = tagged("en-boulos.md");
    assert!(has(&m, "Massad Boulos", "massad-boulos"), "{m:?}");
    assert!(has(&m, "Boulos", "massad-boulos"), "{m:?}");
    expect(
        "en-boulos-wrong-title.md",
        &[("role-conflict", "error", "Massad Boulos")],
    );
}

/// The Central Bank of Egypt by its full name; the bare "البنك المركزي" is
/// left untagged.
#[test]
fn central_bank_of_egypt_is_known() {
    expect("ar-cbe.md", &[]);
    let m = tagged("ar-cbe.md");
    assert!(
        has(&m, "البنك المركزي المصري", "central-bank-of-egypt"),
        "{m:?}"
    );
    assert!(!m.iter().any(|(t, _)| t == "البنك المركزي"), "{m:?}");
}

/// Rafic Hariri and his son Saad, both former Lebanese prime ministers, and
/// Beirut's airport named after the father (real news, seventh pass): the
/// airport's name is the place, not a mention of the person inside it; a lone
/// "الحريري" links to the nearest full mention and stays unlinked, with both
/// candidates, when the draft names neither. A past title with "الأسبق" and
/// the Lebanese courtesy "الرئيس" are quiet; "رئيس الوزراء" on Saad in 2025 is
/// a former title (warning).
#[test]
fn hariris_and_beirut_airport_are_known() {
    expect("ar-hariri.md", &[]);
    let m = tagged("ar-hariri.md");
    assert!(
        has(
            &m,
            "مطار رفيق الحريري الدولي",
            "rafic-hariri-international-airport"
        ),
        "{m:?}"
    );
    assert!(has(&m, "رفيق الحريري", "rafic-hariri"), "{m:?}");
    assert!(has(&m, "سعد الحريري", "saad-hariri"), "{m:?}");
    assert!(has(&m, "الحريري", "saad-hariri"), "{m:?}");
    // Only the father's own mention is his: none inside the airport's name.
    let rafic = m.iter().filter(|(_, id)| id == "rafic-hariri").count();
    assert_eq!(rafic, 1, "{m:?}");
    expect("en-hariri.md", &[]);
    let m = tagged("en-hariri.md");
    assert!(has(&m, "Hariri", "saad-hariri"), "{m:?}");
    assert!(has(&m, "Rafik Hariri", "rafic-hariri"), "{m:?}");
    assert!(
        has(
            &m,
            "Rafik Hariri International Airport",
            "rafic-hariri-international-airport"
        ),
        "{m:?}"
    );
    assert!(
        has(&m, "National News Agency", "national-news-agency-lebanon"),
        "{m:?}"
    );
    // No antecedent: the family name is nobody in particular.
    let m = tagged("ar-airport-alone.md");
    assert!(has(&m, "الحريري", ""), "{m:?}");
    expect(
        "ar-hariri-past-title.md",
        &[("role-conflict", "warning", "سعد الحريري")],
    );
}

/// Two Saudi princes are "فيصل بن بندر" and two "فيصل بن خالد": the Riyadh
/// governor is the short form, the esports federation's head keeps his "بن
/// سلطان", the Northern Borders governor is named only in full, and the King's
/// adviser "فيصل بن خالد" (another prince) is not read as him. The Riyadh
/// governor given the Northern Borders is an error.
#[test]
fn saudi_governors_are_told_apart() {
    expect("ar-saudi-governors.md", &[]);
    let m = tagged("ar-saudi-governors.md");
    assert!(
        has(&m, "فيصل بن بندر", "faisal-bin-bandar-bin-abdulaziz"),
        "{m:?}"
    );
    assert!(
        has(&m, "فيصل بن بندر بن سلطان", "faisal-bin-bandar-bin-sultan"),
        "{m:?}"
    );
    assert!(
        has(&m, "فيصل بن خالد بن سلطان", "faisal-bin-khalid-bin-sultan"),
        "{m:?}"
    );
    assert!(!m.iter().any(|(t, _)| t == "فيصل بن خالد"), "{m:?}");
    expect(
        "ar-saudi-governors-swapped.md",
        &[("role-conflict", "error", "فيصل بن بندر بن عبدالعزيز")],
    );
}

/// Hassan Rashad, head of Egypt's General Intelligence since 16 October 2024
/// (real news of the Sharm el-Sheikh talks): his titles name Egypt, so
/// Turkey's intelligence chief beside him is quiet; his title before he took
/// office is a warning.
#[test]
fn hassan_rashad_is_known() {
    expect("ar-rashad.md", &[]);
    let m = tagged("ar-rashad.md");
    assert!(has(&m, "حسن رشاد", "hassan-rashad"), "{m:?}");
    expect(
        "ar-rashad-too-early.md",
        &[("role-conflict", "warning", "حسن رشاد")],
    );
}

/// Volker Türk, UN High Commissioner for Human Rights since 17 October 2022,
/// and Sudan's Sovereignty Council and Blue Nile State (real news of El
/// Fasher's fall): the river and a lower-case "national news agency" are no
/// entity; the title before he took office is a warning.
#[test]
fn volker_turk_and_sudan_bodies_are_known() {
    expect("en-turk.md", &[]);
    let m = tagged("en-turk.md");
    assert!(has(&m, "Volker Turk", "volker-turk"), "{m:?}");
    assert!(has(&m, "Turk", "volker-turk"), "{m:?}");
    assert!(has(&m, "Blue Nile State", "blue-nile-state"), "{m:?}");
    assert!(
        has(&m, "Sovereignty Council", "sudan-sovereignty-council"),
        "{m:?}"
    );
    assert!(
        !m.iter()
            .any(|(t, _)| t.eq_ignore_ascii_case("national news agency")),
        "{m:?}"
    );
    expect(
        "en-turk-too-early.md",
        &[("role-conflict", "warning", "Volker Turk")],
    );
    expect("ar-sudan-council.md", &[]);
    assert_tags(
        "ar-sudan-council.md",
        &[
            ("مجلس السيادة الانتقالي", "sudan-sovereignty-council"),
            ("مجلس السيادة", "sudan-sovereignty-council"),
            // The demonym after the council's name is still Sudan's.
            ("السوداني", "sudan"),
            ("ولاية النيل الأزرق", "blue-nile-state"),
            ("فولكر تورك", "volker-turk"),
            ("تورك", "volker-turk"),
            ("وكالة أنباء الأناضول", "anadolu-agency"),
            ("الوكالة الوطنية للإعلام", "national-news-agency-lebanon"),
        ],
    );
    // The river, and Anatolia before any full name of the agency, are none.
    assert!(!m.iter().any(|(t, _)| t == "النيل الأزرق"), "{m:?}");
    assert!(!m.iter().any(|(t, _)| t == "الأناضول"), "{m:?}");
}

/// "The Washington Post reported..." (held-out real news) tagged Washington,
/// the city: the newspapers' names are longer matches and win; the city
/// alone is still the city, and "S.D.F." (full stops kept) is the SDF.
#[test]
fn newspapers_are_not_their_cities() {
    expect("en-washington-post.md", &[]);
    assert_tags(
        "en-washington-post.md",
        &[
            ("The Washington Post", "washington-post"),
            ("The New York Times", "new-york-times"),
            ("Wall Street Journal", "wall-street-journal"),
            ("Washington", "washington"),
            ("S.D.F.", "syrian-democratic-forces"),
        ],
    );
    // Washington is named once as the city, never inside the paper's name.
    let m = tagged("en-washington-post.md");
    assert_eq!(
        m.iter().filter(|(_, id)| id == "washington").count(),
        1,
        "{m:?}"
    );
}

/// UNIFIL, the Lebanese army and the Litani River (held-out real news of
/// south Lebanon), by every name news uses, and Iraq's Coordination
/// Framework; "قائد الجيش اللبناني" stays a title (`burhan_is_army_chief`).
#[test]
fn unifil_and_lebanese_army_are_known() {
    expect("ar-unifil-lebanese-army.md", &[]);
    assert_tags(
        "ar-unifil-lebanese-army.md",
        &[
            ("قوات اليونيفيل", "unifil"),
            ("قوة الأمم المتحدة المؤقتة في لبنان", "unifil"),
            ("اليونيفيل", "unifil"),
            ("الجيش اللبناني", "lebanese-armed-forces"),
            ("نهر الليطاني", "litani-river"),
            ("الليطاني", "litani-river"),
            ("صحيفة واشنطن بوست", "washington-post"),
            ("الإطار التنسيقي", "coordination-framework"),
        ],
    );
    expect("en-unifil-lebanese-army.md", &[]);
    assert_tags(
        "en-unifil-lebanese-army.md",
        &[
            ("UNIFIL", "unifil"),
            ("United Nations Interim Force in Lebanon", "unifil"),
            ("Lebanese Armed Forces", "lebanese-armed-forces"),
            ("Lebanese army", "lebanese-armed-forces"),
            ("Litani River", "litani-river"),
            ("Coordination Framework", "coordination-framework"),
        ],
    );
}

/// Ninth pass: people real news named whom the gazetteer lacked (unknown-name
/// proposals). Each with the title he or she held on the draft's date is
/// quiet; Jared Kushner's White House title, which ended on 20 January 2021,
/// is a former title in 2025; Rodolphe Haykal's army command, from
/// 13 March 2025, is not yet his in December 2024 (Joseph Aoun's ended on
/// 9 January 2025). "مبعوثا الرئيس ستيف ويتكوف" (the president's two
/// envoys, real news) gives "الرئيس" to no one: it was an error on Witkoff.
#[test]
fn ninth_pass_people_are_known() {
    expect("ar-ninth-pass.md", &[]);
    expect("en-ninth-pass.md", &[]);
    let m = tagged("ar-ninth-pass.md");
    for (text, id) in [
        ("نيجيرفان بارزاني", "nechirvan-barzani"),
        ("ستيف ويتكوف", "steve-witkoff"),
        ("ويتكوف", "steve-witkoff"),
        ("مسرور بارزاني", "masrour-barzani"),
        ("رافائيل غروسي", "rafael-grossi"),
        ("رودولف هيكل", "rodolphe-haykal"),
        ("نعمان قورتولموش", "numan-kurtulmus"),
        ("كارولين ليفيت", "karoline-leavitt"),
    ] {
        assert!(has(&m, text, id), "{text} {m:?}");
    }
    let m = tagged("en-ninth-pass.md");
    assert!(has(&m, "Witkoff", "steve-witkoff"), "{m:?}");
    assert!(has(&m, "Rafael Grossi", "rafael-grossi"), "{m:?}");
    expect(
        "ar-ninth-pass-wrong-date.md",
        &[("role-conflict", "warning", "جاريد كوشنر")],
    );
    expect(
        "ar-haykal-too-early.md",
        &[("role-conflict", "warning", "رودولف هيكل")],
    );
}

/// Tenth pass: entities real news needed and the gazetteer lacked. Each is
/// tagged in Arabic (with its clitics: والحزب، ومنظمة، لمنظمة) and English;
/// names that hold another entry's name (حكومة إقليم كردستان, صحيفة الشرق
/// الأوسط) are the longer entity, and a title holding one (رئيس حكومة إقليم
/// كردستان) still goes to the person. Bare "قوى الأمن الداخلي" (also north-east
/// Syria's Asayish) is the Lebanese force only after its full name. With the
/// titles they held on the draft's date the drafts are quiet ("رئيس الوزراء
/// البريطاني الأسبق توني بلير" is past); Tony Blair as prime minister in 2016,
/// Faiq Zaidan before January 2017, Tedros before 1 July 2017 and Tom
/// Fletcher before 18 November 2024 are warnings, and a title Blair never
/// held is an error.
#[test]
fn tenth_pass_entities_are_known() {
    expect("ar-tenth-pass.md", &[]);
    expect("en-tenth-pass.md", &[]);
    assert_tags(
        "ar-tenth-pass.md",
        &[
            ("حكومة إقليم كردستان", "kurdistan-regional-government"),
            ("مسرور بارزاني", "masrour-barzani"),
            ("الاتحاد الوطني الكردستاني", "patriotic-union-of-kurdistan"),
            ("والحزب الديمقراطي الكردستاني", "kurdistan-democratic-party"),
            ("فائق زيدان", "faiq-zaidan"),
            ("ائتلاف دولة القانون", "state-of-law-coalition"),
            ("ومنظمة بدر", "badr-organization"),
            ("لمنظمة بدر", "badr-organization"),
            ("تيدروس أدهانوم غيبريسوس", "tedros-adhanom-ghebreyesus"),
            ("توم فليتشر", "tom-fletcher"),
            ("فليتشر", "tom-fletcher"),
            ("فايننشال تايمز", "financial-times"),
            ("الخليج العربي", "persian-gulf"),
            ("توني بلير", "tony-blair"),
            ("الشرق الأوسط", "middle-east"),
            (
                "المديرية العامة لقوى الأمن الداخلي",
                "lebanon-internal-security-forces",
            ),
            ("قوى الأمن الداخلي", "lebanon-internal-security-forces"),
            ("برج خليفة", "burj-khalifa"),
        ],
    );
    assert_tags(
        "en-tenth-pass.md",
        &[
            (
                "Kurdistan Regional Government",
                "kurdistan-regional-government",
            ),
            ("KRG", "kurdistan-regional-government"),
            ("Kurdistan Democratic Party", "kurdistan-democratic-party"),
            ("KDP", "kurdistan-democratic-party"),
            (
                "Patriotic Union of Kurdistan",
                "patriotic-union-of-kurdistan",
            ),
            ("PUK", "patriotic-union-of-kurdistan"),
            ("Faiq Zaidan", "faiq-zaidan"),
            ("State of Law Coalition", "state-of-law-coalition"),
            ("Badr Organization", "badr-organization"),
            ("Tedros Adhanom Ghebreyesus", "tedros-adhanom-ghebreyesus"),
            ("Tedros", "tedros-adhanom-ghebreyesus"),
            ("Tom Fletcher", "tom-fletcher"),
            ("The Financial Times", "financial-times"),
            ("Persian Gulf", "persian-gulf"),
            ("Tony Blair", "tony-blair"),
            ("Middle East", "middle-east"),
            (
                "Lebanese Internal Security Forces",
                "lebanon-internal-security-forces",
            ),
            ("Burj Khalifa", "burj-khalifa"),
        ],
    );
    expect(
        "ar-tenth-pass-wrong-date.md",
        &[
            ("role-conflict", "warning", "توني بلير"),
            ("role-conflict", "warning", "فائق زيدان"),
            ("role-conflict", "warning", "تيدروس أدهانوم غيبريسوس"),
        ],
    );
    expect(
        "ar-fletcher-too-early.md",
        &[("role-conflict", "warning", "توم فليتشر")],
    );
    expect(
        "en-blair-wrong-title.md",
        &[
            ("role-conflict", "error", "Tony Blair"),
            ("role-conflict", "warning", "Tedros Adhanom Ghebreyesus"),
        ],
    );
}

/// Eleventh pass (docs/facts-audit.md, "Eleventh pass additions"): people,
/// bodies and places a held-out evaluation on 50 real news excerpts found
/// missing. Both drafts (our own sentences, dated 2025-06-15, when every
/// role named in them was held) tag the new entities in Arabic, with clitics
/// (لأحمد, وللمفوضية, باسطنبول, بقطر), and in English, and are quiet: Eyal
/// Zamir's title holds the IDF's name and still goes to him, "IDF Chief of
/// Staff Lt Gen Eyal Zamir" puts the title on him, "سرايا القدس" is not
/// Jerusalem, "وكالة الأنباء الألمانية" is dpa and not the German demonym, the
/// bare "حزب العدالة والتنمية" is Turkey's AKP only after its full name, and
/// "Houthi" is the group. Gallant called defence minister after November
/// 2024 and al-Rahawi called prime minister after he was killed are
/// warnings; Katz as defence minister, Zamir, Kallas and Costa before they
/// took office are warnings, and von der Leyen called European Council
/// President is an error. Both Arabic spellings of Zelensky are him (one
/// draft with both gets the spelling-variant warning).
#[test]
fn eleventh_pass_entities_are_known() {
    expect("ar-eleventh-pass.md", &[]);
    expect("en-eleventh-pass.md", &[]);
    assert_tags(
        "ar-eleventh-pass.md",
        &[
            ("يسرائيل كاتس", "israel-katz"),
            ("الجيش الإسرائيلي", "israel-defense-forces"),
            ("جيش الدفاع الإسرائيلي", "israel-defense-forces"),
            ("إيال زامير", "eyal-zamir"),
            ("زامير", "eyal-zamir"),
            ("يوآف غالانت", "yoav-gallant"),
            ("قناة المسيرة", "al-masirah"),
            ("مهدي المشاط", "mahdi-al-mashat"),
            ("أحمد غالب الرهوي", "ahmed-al-rahawi"),
            ("الرهوي", "ahmed-al-rahawi"),
            ("سرايا القدس", "al-quds-brigades"),
            ("فولوديمير زيلينسكي", "volodymyr-zelensky"),
            ("زيلينسكي", "volodymyr-zelensky"),
            ("المفوضية الأوروبية", "european-commission"),
            ("أورسولا فون دير لاين", "ursula-von-der-leyen"),
            ("المجلس الأوروبي", "european-council"),
            ("أنطونيو كوستا", "antonio-costa"),
            ("كايا كالاس", "kaja-kallas"),
            ("وكالة الأنباء الألمانية", "dpa"),
            ("حزب العدالة والتنمية التركي", "akp"),
            ("حزب العدالة والتنمية", "akp"),
            ("إسطنبول", "istanbul"),
            ("باسطنبول", "istanbul"),
            ("الأمير ويليام", "prince-william"),
            ("الدرعية", "diriyah"),
            ("عبدالعزيز بن سلمان", "abdulaziz-bin-salman"),
            ("الملك فيليبي السادس", "felipe-vi"),
            ("والأمير الحسين بن عبدالله الثاني", "hussein-bin-abdullah-ii"),
            ("قاعدة العديد الجوية", "al-udeid-air-base"),
            ("أيرلندا الشمالية", "northern-ireland"),
        ],
    );
    let ar = tagged("ar-eleventh-pass.md");
    assert!(
        !ar.iter()
            .any(|(_, id)| id == "jerusalem" || id == "germany"),
        "القدس inside سرايا القدس and الألمانية inside dpa's name: {ar:?}"
    );
    assert_tags(
        "en-eleventh-pass.md",
        &[
            ("Israel Katz", "israel-katz"),
            ("IDF", "israel-defense-forces"),
            ("Israel Defense Forces", "israel-defense-forces"),
            ("Houthi", "houthis"),
            ("Lt Gen Eyal Zamir", "eyal-zamir"),
            ("Yoav Gallant", "yoav-gallant"),
            ("Ahmed al-Rahawi", "ahmed-al-rahawi"),
            ("Al-Masirah TV", "al-masirah"),
            ("Mahdi al-Mashat", "mahdi-al-mashat"),
            ("Al-Quds Brigades", "al-quds-brigades"),
            ("Volodymyr Zelenskyy", "volodymyr-zelensky"),
            ("Zelensky", "volodymyr-zelensky"),
            ("European Commission", "european-commission"),
            ("Ursula von der Leyen", "ursula-von-der-leyen"),
            ("European Council", "european-council"),
            ("Antonio Costa", "antonio-costa"),
            ("Kaja Kallas", "kaja-kallas"),
            ("dpa", "dpa"),
            ("AKP", "akp"),
            ("Istanbul", "istanbul"),
            ("Al Udeid Air Base", "al-udeid-air-base"),
            ("Prince William", "prince-william"),
            ("Diriyah", "diriyah"),
            ("Abdulaziz bin Salman", "abdulaziz-bin-salman"),
            ("King Felipe VI", "felipe-vi"),
            ("Crown Prince Hussein", "hussein-bin-abdullah-ii"),
            ("Mohammed Hamdan Daglo", "mohamed-hamdan-dagalo"),
            ("Northern Ireland", "northern-ireland"),
        ],
    );
    expect(
        "ar-eleventh-pass-wrong-date.md",
        &[
            ("role-conflict", "warning", "يوآف غالانت"),
            ("role-conflict", "warning", "أحمد غالب الرهوي"),
        ],
    );
    expect(
        "en-eleventh-pass-wrong-date.md",
        &[
            ("role-conflict", "warning", "Israel Katz"),
            ("role-conflict", "warning", "Eyal Zamir"),
            ("role-conflict", "warning", "Kaja Kallas"),
            ("role-conflict", "warning", "Antonio Costa"),
            ("role-conflict", "error", "Ursula von der Leyen"),
        ],
    );
    assert_tags(
        "ar-zelensky-spellings.md",
        &[
            ("فولوديمير زيلنسكي", "volodymyr-zelensky"),
            ("زيلينسكي", "volodymyr-zelensky"),
        ],
    );
    expect(
        "ar-zelensky-spellings.md",
        &[("spelling-variant", "warning", "زيلنسكي")],
    );
}

/// The thirteenth pass: Narendra Modi, Shehbaz Sharif (two terms), Lai
/// Ching-te, Mansour bin Zayed, Taiwan and Kashmir, with al-Shabaab (already
/// known) by its full Arabic name; bare "الشباب" ("the youth") stays a word.
/// Titles held on the draft's date are quiet; Shehbaz Sharif as prime
/// minister between his terms, and Lai and Mansour before they took office,
/// are warnings.
#[test]
fn thirteenth_pass_entities_are_known() {
    expect("en-thirteenth-pass.md", &[]);
    expect("ar-thirteenth-pass.md", &[]);
    assert_tags(
        "en-thirteenth-pass.md",
        &[
            ("Narendra Modi", "narendra-modi"),
            ("Shehbaz Sharif", "shehbaz-sharif"),
            ("Kashmir", "kashmir"),
            ("Lai Ching-te", "lai-ching-te"),
            ("Taiwan", "taiwan"),
            ("Mansour bin Zayed", "mansour-bin-zayed"),
            ("al-Shabaab", "al-shabaab"),
        ],
    );
    assert_tags(
        "ar-thirteenth-pass.md",
        &[
            ("ناريندرا مودي", "narendra-modi"),
            ("شهباز شريف", "shehbaz-sharif"),
            ("كشمير", "kashmir"),
            ("لاي تشينغ تي", "lai-ching-te"),
            ("تايوان", "taiwan"),
            ("منصور بن زايد", "mansour-bin-zayed"),
            ("حركة الشباب الصومالية", "al-shabaab"),
        ],
    );
    let m = tagged("ar-thirteenth-pass.md");
    assert!(!has(&m, "الشباب", "al-shabaab"), "{m:?}");
    expect(
        "en-thirteenth-pass-wrong-date.md",
        &[
            ("role-conflict", "warning", "Shehbaz Sharif"),
            ("role-conflict", "warning", "Lai Ching-te"),
        ],
    );
    expect(
        "ar-thirteenth-pass-wrong-date.md",
        &[("role-conflict", "warning", "منصور بن زايد")],
    );
}
