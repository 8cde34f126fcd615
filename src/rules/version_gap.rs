//! `version-gap`: reported only by `tadqiq compare`, which reads two
//! language versions of one story (src/compare/). On one draft it finds
//! nothing; it is in the catalog for its explanation, its SARIF metadata
//! and its level in the config (`rules: {version-gap: off}`).

use super::{Context, Rule, RuleInfo};
use crate::finding::{Finding, Severity};

pub(crate) struct VersionGap;

impl Rule for VersionGap {
    fn info(&self) -> RuleInfo {
        RuleInfo {
            id: crate::compare::VERSION_GAP,
            default_severity: Severity::Info,
            summary: "tadqiq compare: an entity, a count or a dated event that one language version of a story has and the other lacks.",
            explain: "\
Reported only by `tadqiq compare A B`, which checks two language versions of one story
(an Arabic and an English one, written by different desks) against each other. Entity
ids, predicate and unit lemmas and event lemmas are the same in both languages, so each
version's claims can be matched slot by slot; what one version has and the other lacks
is listed once per slot, for an editor to see what the other desk left out:

  a person or organization named in the body of one version, nowhere in the other
  a place named twice or more in the body of one version, nowhere in the other
  a count (entity, predicate, unit) only one version gives, in a unit both
      languages share, when the other gives the same value nowhere (it may have
      written the sentence differently)
  a dated event (entity, event) only one version dates, when the other gives no
      date compatible with it anywhere

A gap is info: desks shorten and expand stories, and that is not an error. Whatever
both versions give but disagree on is reported by number-conflict, date-conflict,
name-conflict, role-conflict or quote-drift, with a span in each file.

Example: the Arabic version says \"ورافق الشرعَ وزير الخارجية أسعد الشيباني\" and the
English one never names Asaad al-Shaibani: one version-gap on the Arabic mention.",
        }
    }

    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Finding>) {}
}
