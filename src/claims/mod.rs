//! Claims read from a draft: quantities, dates and quotes, each bound to the
//! slot it is about, for the claim rules to compare.

use serde::Serialize;

/// Everything the claim extractors read from one draft.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Claims {}

/// Reads the claims of a draft.
pub(crate) fn extract(_cx: &ExtractContext<'_>) -> Claims {
    Claims::default()
}

/// What claim extraction reads: the same analysed draft the rules see,
/// before there are claims.
pub(crate) struct ExtractContext<'a> {
    pub text: &'a str,
    pub folded: &'a crate::normalize::Folded,
    pub doc: &'a crate::segment::Document,
    pub mentions: &'a [crate::resolve::Mention],
    pub gazetteer: &'a crate::gazetteer::Gazetteer,
}
