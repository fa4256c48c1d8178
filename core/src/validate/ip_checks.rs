//! IP ranges in conditions: `PRIVATE_IP_ADDRESS` and `PRIVATE_NOT_IP_ADDRESS` (every value of
//! `aws:SourceIp` private, so the condition never or always holds), their `_SUBSET` suggestions
//! (some values private), and `IMPROVE_IP_RANGE` (a block written with host bits set).
//!
//! `aws:SourceIp` holds the public address a request came from; a request through a VPC endpoint
//! has `aws:VpcSourceIp` instead, and `aws:SourceIp` is then absent. So a private block (RFC 1918,
//! `fc00::/7`, loopback, link-local: [`values::is_private`]) never matches it.

use std::net::{Ipv4Addr, Ipv6Addr};

use super::Validator;
use super::document::{ConditionEntry, Document};
use crate::codes;
use crate::compiled::ConditionValues;
use crate::diagnostic::Finding;
use crate::operator::BaseOperator;
use crate::values::{self, IpNet};

pub(crate) fn check(v: &mut Validator, document: &Document) {
    for s in &document.statements {
        for c in &s.conditions {
            let ConditionValues::Ips(nets) = &c.values else {
                continue;
            };
            host_bits(v, c, nets);
            if c.key.text.eq_ignore_ascii_case("aws:SourceIp") {
                private_source(v, c, nets);
            }
        }
    }
}

/// `aws:SourceIp` values that are private: all of them (an error: the condition is decided before
/// any request), or some (a suggestion, at each such value).
fn private_source(v: &mut Validator, c: &ConditionEntry, nets: &[IpNet]) {
    // The values as read, with their text; a value that did not parse is not among `nets`.
    let read: Vec<(usize, &IpNet)> = c
        .value_texts
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let net = values::parse_cidr(&t.text).ok()?;
            nets.iter().find(|n| **n == net).map(|n| (i, n))
        })
        .collect();
    let private: Vec<usize> = read
        .iter()
        .filter(|(_, n)| values::is_private(n))
        .map(|(i, _)| *i)
        .collect();
    if private.is_empty() {
        return;
    }
    let negated = match c.operator.value.base {
        BaseOperator::IpAddress => false,
        BaseOperator::NotIpAddress => true,
        _ => return,
    };
    let operator = &c.operator.text;
    let help = "`aws:SourceIp` is the public address a request comes from; for the address inside a VPC, test `aws:VpcSourceIp` in a condition of its own";
    if private.len() == read.len() {
        let (code, outcome) = if negated {
            (codes::PRIVATE_NOT_IP_ADDRESS, "always holds")
        } else {
            (codes::PRIVATE_IP_ADDRESS, "never holds")
        };
        v.report(
            Finding::new(
                code,
                format!(
                    "every value of `aws:SourceIp` under `{operator}` is a private range, and `aws:SourceIp` is never private: the condition {outcome}"
                ),
            )
            .with_help(help),
            &c.key.path,
            c.key.loc,
        );
        return;
    }
    let code = if negated {
        codes::PRIVATE_NOT_IP_ADDRESS_SUBSET
    } else {
        codes::PRIVATE_IP_ADDRESS_SUBSET
    };
    for i in private {
        let t = &c.value_texts[i];
        v.report(
            Finding::new(
                code,
                format!(
                    "`{}` is a private range, and `aws:SourceIp` is never private: this value of `{operator}` has no effect",
                    t.text
                ),
            )
            .with_help(help),
            &t.path,
            t.loc,
        );
    }
}

/// A block whose address has bits set after the prefix (`10.1.2.3/8`): AWS ignores them, so the
/// block is another than it reads.
fn host_bits(v: &mut Validator, c: &ConditionEntry, nets: &[IpNet]) {
    for t in &c.value_texts {
        let Some((address, _)) = t.text.split_once('/') else {
            continue;
        };
        let Ok(net) = values::parse_cidr(&t.text) else {
            continue;
        };
        let written = if net.v6 {
            address.parse::<Ipv6Addr>().ok().map(u128::from)
        } else {
            address
                .parse::<Ipv4Addr>()
                .ok()
                .map(|a| u128::from(u32::from(a)))
        };
        if written.is_none_or(|bits| bits == net.addr) || !nets.contains(&net) {
            continue;
        }
        v.report(
            Finding::new(
                codes::IMPROVE_IP_RANGE,
                format!(
                    "the bits of `{}` after the first {} are ignored: the block is `{net}`",
                    t.text, net.prefix
                ),
            )
            .with_help(format!("write `{net}`")),
            &t.path,
            t.loc,
        );
    }
}
