//! Condition values that are valid but say less, or something else, than they seem to:
//! `REDUNDANT_CONDITION_VALUE_NUM` (several bounds where one says the same) and
//! `INVALID_DATE_VALUE` (a date written as epoch seconds).

use super::Validator;
use super::document::{ConditionEntry, Document};
use crate::codes;
use crate::compiled::ConditionValues;
use crate::diagnostic::Finding;
use crate::operator::{BaseOperator, Family};
use crate::values::{self, Decimal};

pub(crate) fn check(v: &mut Validator, document: &Document) {
    for s in &document.statements {
        for c in &s.conditions {
            redundant_bounds(v, c);
            epoch_dates(v, c);
        }
    }
}

/// The values of one key are ORed, so `NumericLessThan` with `[2700, 3600]` is `< 3600`: only the
/// greatest upper bound (or the least lower bound) counts.
fn redundant_bounds(v: &mut Validator, c: &ConditionEntry) {
    let ConditionValues::Numbers(numbers) = &c.values else {
        return;
    };
    let greatest = match c.operator.value.base {
        BaseOperator::NumericLessThan | BaseOperator::NumericLessThanEquals => true,
        BaseOperator::NumericGreaterThan | BaseOperator::NumericGreaterThanEquals => false,
        _ => return,
    };
    if numbers.len() < 2 {
        return;
    }
    let Some(best) = numbers.iter().reduce(|best, n| {
        let order = compare(n, best);
        if (greatest && order.is_gt()) || (!greatest && order.is_lt()) {
            n
        } else {
            best
        }
    }) else {
        return;
    };
    let which = if greatest { "greatest" } else { "least" };
    v.report(
        Finding::new(
            codes::REDUNDANT_CONDITION_VALUE_NUM,
            format!(
                "the {} values of `{}` under `{}` are redundant: any of them is met when the {which} one, `{best}`, is",
                numbers.len(),
                c.key.text,
                c.operator.text
            ),
        )
        .with_help(format!("keep only `{best}`")),
        &c.key.path,
        c.key.loc,
    );
}

fn compare(a: &Decimal, b: &Decimal) -> std::cmp::Ordering {
    values::compare_decimal(&a.as_decimal_ref(), b)
}

/// A `Date` value written as epoch seconds: valid, but easy to get wrong by a factor of 1,000 or a
/// time zone, so AWS recommends `YYYY-MM-DD`. `aws:EpochTime` is compared to epoch seconds on
/// purpose and is not reported.
fn epoch_dates(v: &mut Validator, c: &ConditionEntry) {
    if c.operator.value.base.family() != Family::Date
        || c.key.text.eq_ignore_ascii_case("aws:EpochTime")
    {
        return;
    }
    for t in &c.value_texts {
        let text = t.text.as_ref();
        let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
        let epoch = !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && !(digits.len() == 4 && digits.len() == text.len());
        if !epoch {
            continue;
        }
        // A value that does not parse is reported by the reader (TYPE_MISMATCH_DATE).
        let Ok(instant) = values::parse_date_policy(text) else {
            continue;
        };
        v.report(
            Finding::new(
                codes::INVALID_DATE_VALUE,
                format!(
                    "the date `{text}` is read as epoch seconds, `{instant}`, which might not be what you meant"
                ),
            )
            .with_help(format!(
                "write the date as `YYYY-MM-DD` or `YYYY-MM-DDThh:mm:ssZ`: `{instant}`"
            )),
            &t.path,
            t.loc,
        );
    }
}
