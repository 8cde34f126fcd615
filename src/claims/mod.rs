//! Claims read from a draft: quantities, dates and quotes, each bound to the
//! slot it is about, for the claim rules to compare.
//!
//! Extraction works on one token stream of the folded text ([`tokens`]) and
//! is linear in the draft: dates are read first (their numbers are not
//! quantities), then quantities, then quotes; every look-back is bounded.

pub(crate) mod dates;
pub(crate) mod numbers;
pub(crate) mod quotes;
pub(crate) mod slots;
pub(crate) mod tokens;
pub(crate) mod words;

use serde::Serialize;

use dates::DateClaim;
use numbers::Quantity;
use quotes::Quote;

/// Everything the claim extractors read from one draft.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Claims {
    pub quantities: Vec<Quantity>,
    pub dates: Vec<DateClaim>,
    pub quotes: Vec<Quote>,
}

/// Reads the claims of a draft.
pub(crate) fn extract(cx: &ExtractContext<'_>) -> Claims {
    let tokens = tokens::Tokens::new(cx.folded, Some(cx.doc));
    let referents = slots::Referents::new(&tokens, cx.mentions, cx.gazetteer);
    let mut used = vec![false; tokens.len()];
    let dates = dates::extract(&tokens, cx.text, &mut used, &referents, cx.gazetteer);
    let quantities = numbers::extract(&tokens, cx.text, &used, &referents, cx.gazetteer);
    let quotes = quotes::extract(&tokens, cx.text, &referents, cx.gazetteer);
    Claims {
        quantities,
        dates,
        quotes,
    }
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
