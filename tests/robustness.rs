//! No input makes the pipeline panic, and every span it reports slices the
//! original text exactly: deterministic pseudo-random drafts built from the
//! characters that stress folding, segmentation and tagging (diacritics, bidi
//! controls, ligatures, Arabic-Indic digits, quotes, Markdown markers).

use tadqiq::{CheckerBuilder, Format, Mode};

const PIECES: &[&str] = &[
    "ا",
    "ل",
    "و",
    "ب",
    "ف",
    "ك",
    "ة",
    "ى",
    "أ",
    "إ",
    "آ",
    "ء",
    "ئ",
    "ي",
    "ه",
    "ش",
    "ر",
    "ع",
    "\u{064B}",
    "\u{064E}",
    "\u{0651}",
    "\u{0640}",
    "\u{200F}",
    "\u{202B}",
    "\u{2067}",
    "\u{FEFF}",
    "\u{FEFB}",
    "\u{FEF7}",
    "ﷺ",
    "٣",
    "٫",
    "٬",
    "«",
    "»",
    "“",
    "”",
    "\"",
    "'",
    " ",
    "\n",
    "\n\n",
    ".",
    "،",
    "؟",
    ":",
    "-",
    "/",
    "(",
    ")",
    "<!--",
    "-->",
    "```",
    "---\n",
    "# ",
    "* ",
    "İ",
    "ß",
    "\u{0301}",
    "7",
    ",",
    "أحمد الشرع",
    "فاروق الشرع",
    "الشرع",
    "للشرع",
    "ترامب",
    "الأمريكية",
    "يضم 89 دولة",
    "أكثر من 80 دولة",
    "عام 2014",
    "أكتوبر/تشرين الثاني",
    "قال: «",
    "»",
    "إقرأ أيضاً:",
    "جميع الحقوق محفوظة",
    "Ahmed al-Sharaa",
    "ISIS",
    "more than 90 countries",
    "الرئيس السوري ",
    "المتحدث باسم وزارة الداخلية، ",
    "<!-- tadqiq-ignore name-conflict -->",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn random_drafts_never_panic_and_spans_slice_exactly() {
    let checker = CheckerBuilder::new()
        .build()
        .expect("embedded gazetteer is valid");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for round in 0..300 {
        let len = (rng.next() % 400) as usize;
        let text: String = (0..len)
            .map(|_| PIECES[(rng.next() % PIECES.len() as u64) as usize])
            .collect();
        let format = if round % 2 == 0 {
            Format::Plain
        } else {
            Format::Markdown
        };
        let report = checker.run("random.txt", &text, format, Mode::Check);
        let spans = report
            .mentions
            .iter()
            .map(|m| (m.start, m.end, &*m.text))
            .chain(
                report
                    .findings
                    .iter()
                    .flat_map(|f| &f.spans)
                    .map(|s| (s.start, s.end, s.text.as_str())),
            );
        for (start, end, written) in spans {
            assert_eq!(
                text.get(start..end),
                Some(written),
                "round {round}: {text:?}"
            );
        }
    }
}
