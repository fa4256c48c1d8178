//! What a well-formed request is, and the check that refuses the others (decision D30 in
//! `docs/semantics.md`).
//!
//! AWS never sends a malformed request to its evaluator, but an application embedding this crate
//! builds requests from its own input. A request that no AWS request could be, such as
//! `"s3:DeleteObject "`, `"s3:*"`, `"ARN:aws:s3:::b/x"` or a resource `*` for an action that takes
//! resources, could slip past a `Deny` written for the real thing while an `Allow` with wildcards
//! still matches it. Such a request is denied before any policy is read, with the reason.
//!
//! Well-formed:
//! - the action is `service:Name`: the service of ASCII letters, digits and `-`, the name of ASCII
//!   letters, digits, `-` and `_`, no wildcard, at most [`MAX_ACTION_BYTES`];
//! - the resource is an ARN with a known partition (lowercase), a known service or the action's
//!   own service (lowercase: a service newer than the catalog acts on its own resources, D32), a
//!   region of lowercase letters, digits and `-`, and no control character, at most
//!   [`MAX_RESOURCE_BYTES`]; or `*`, only for an action the service catalog lists without
//!   resource types (`s3:ListAllMyBuckets`) or an extra action declared `no-resource` by the
//!   build's extras or by a policy deciding the request (decision D38);
//! - each context key has at most [`MAX_CONTEXT_KEY_BYTES`], each value at most
//!   [`MAX_CONTEXT_VALUE_BYTES`], each key at most [`MAX_CONTEXT_VALUES`] values, and no two keys
//!   are the same key under the folding rule (`role` and `ROLE`): which of them evaluation would
//!   read is not defined, so the request is ambiguous.

mod data;

use std::fmt;

use crate::fold::{fold_cmp, fold_eq};

/// The longest action name of a well-formed request, in bytes.
pub const MAX_ACTION_BYTES: usize = 256;
/// The longest resource of a well-formed request, in bytes (AWS's ARNs have at most 2,048).
pub const MAX_RESOURCE_BYTES: usize = 4096;
/// The longest context key name, in bytes (a tag key has at most 128 characters).
pub const MAX_CONTEXT_KEY_BYTES: usize = 1024;
/// The longest context value, in bytes.
pub const MAX_CONTEXT_VALUE_BYTES: usize = 16 * 1024;
/// The most values of one multivalued context key.
pub const MAX_CONTEXT_VALUES: usize = 1024;
/// The most keys of a context.
pub const MAX_CONTEXT_KEYS: usize = 4096;
/// Up to this many keys, the ambiguity check sorts on the stack; above, it allocates once.
pub const STACK_KEYS: usize = 256;

/// The partitions AWS has.
pub const PARTITIONS: &[&str] = &[
    "aws",
    "aws-cn",
    "aws-eusc",
    "aws-iso",
    "aws-iso-b",
    "aws-iso-e",
    "aws-iso-f",
    "aws-us-gov",
];

/// Which part of the request is malformed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// The request's action name.
    Action,
    /// The request's resource ARN.
    Resource,
    /// A context key of the request.
    Context,
    /// The principal or the resource account.
    Principal,
}

/// Why a request is not well-formed. The request is denied without reading any policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Malformed {
    /// Which part of the request the finding is about.
    pub part: Part,
    /// Lowercase, one line.
    pub reason: &'static str,
}

impl Malformed {
    const fn action(reason: &'static str) -> Malformed {
        Malformed {
            part: Part::Action,
            reason,
        }
    }
    const fn resource(reason: &'static str) -> Malformed {
        Malformed {
            part: Part::Resource,
            reason,
        }
    }
    const fn context(reason: &'static str) -> Malformed {
        Malformed {
            part: Part::Context,
            reason,
        }
    }
}

impl fmt::Display for Malformed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let part = match self.part {
            Part::Action => "action",
            Part::Resource => "resource",
            Part::Context => "context",
            Part::Principal => "principal",
        };
        write!(f, "malformed request {part}: {}", self.reason)
    }
}

impl std::error::Error for Malformed {}

/// Checks the action: `service:Name` in AWS's character set.
pub fn check_action(action: &str) -> Result<(), Malformed> {
    if action.len() > MAX_ACTION_BYTES {
        return Err(Malformed::action(
            "the action name is longer than 256 bytes",
        ));
    }
    // One pass: the service's bytes up to the first byte that is not of its class, which must be
    // the colon; then the name's. (`split_once` and a second pass cost more, names being short.)
    let bytes = action.as_bytes();
    let colon = bytes
        .iter()
        .position(|&b| ACTION_BYTES[usize::from(b)] & SERVICE_BYTE == 0)
        .unwrap_or(bytes.len());
    if bytes.get(colon) != Some(&b':') {
        return Err(Malformed::action(if action.contains(':') {
            "the service prefix is empty or has a character other than letters, digits and `-`"
        } else {
            "the action is not `service:Name`"
        }));
    }
    if colon == 0 {
        return Err(Malformed::action(
            "the service prefix is empty or has a character other than letters, digits and `-`",
        ));
    }
    let name = &action[colon + 1..];
    if name.is_empty() || !all_in(name, NAME_BYTE) {
        if action[..colon].eq_ignore_ascii_case("arn") {
            return Err(SWAPPED);
        }
        return Err(Malformed::action(
            "the action name is empty or has a character other than letters, digits, `-` and `_` (a wildcard, a space, a control or non-ASCII character)",
        ));
    }
    Ok(())
}

/// The error for an action that is an ARN: the usual slip is `Request::new(resource, action)`.
pub const SWAPPED: Malformed = Malformed::action(
    "the action is an ARN: `Request::new` takes the action first (`s3:GetObject`), then the resource",
);

/// A byte of a service prefix: ASCII letters, digits and `-`.
const SERVICE_BYTE: u8 = 1;
/// A byte of an action name: ASCII letters, digits, `-` and `_`.
const NAME_BYTE: u8 = 2;
/// The classes of every byte, one table lookup per byte of every request's action.
static ACTION_BYTES: [u8; 256] = action_bytes();

const fn action_bytes() -> [u8; 256] {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() || c == b'-' {
            table[b] |= SERVICE_BYTE | NAME_BYTE;
        }
        if c == b'_' {
            table[b] |= NAME_BYTE;
        }
        b += 1;
    }
    table
}

/// True when every byte of `text` is of `class`.
fn all_in(text: &str, class: u8) -> bool {
    text.bytes()
        .all(|b| ACTION_BYTES[usize::from(b)] & class != 0)
}

/// The error for `*` as the resource of an action not known to act on no resource.
pub const STAR_FOR_RESOURCE_ACTION: Malformed = Malformed::resource(
    "the resource `*` is only for actions without resource types, and neither the catalog nor a declaration lists this action as one: name its resource (only an action newer than the catalog can be declared `no-resource`)",
);

/// Checks the resource of a request for `action` (already checked), with the build's extras.
pub fn check_resource(action: &str, resource: &str) -> Result<(), Malformed> {
    check_resource_declared(action, resource, |_| false)
}

/// [`check_resource`], where `declared_no_resource` says whether the policies deciding the
/// request declare `action` `no-resource` (decision D38). Asked only for a resource `*` whose
/// action neither the catalog nor the build's extras list as acting on no resource, so a request
/// naming an ARN never calls it.
#[inline]
pub fn check_resource_declared(
    action: &str,
    resource: &str,
    declared_no_resource: impl FnOnce(&str) -> bool,
) -> Result<(), Malformed> {
    if resource == "*" {
        return if takes_no_resource(action)
            || crate::extras::crate_wide_acts_on_no_resource(action)
            || declared_no_resource(action)
        {
            Ok(())
        } else {
            Err(STAR_FOR_RESOURCE_ACTION)
        };
    }
    if resource.len() > MAX_RESOURCE_BYTES {
        return Err(Malformed::resource(
            "the resource is longer than 4096 bytes",
        ));
    }
    let (fields, suspect) = scan(resource);
    if suspect && resource.chars().any(char::is_control) {
        return Err(Malformed::resource("the resource has a control character"));
    }
    let Some(["arn", partition, service, region, _account]) = fields else {
        return Err(Malformed::resource(
            "the resource is not an ARN `arn:partition:service:region:account:resource` (nor `*`)",
        ));
    };
    if !is_partition(partition) {
        return Err(Malformed::resource(
            "the ARN's partition is not a known lowercase partition such as `aws`",
        ));
    }
    // An ARN of the action's own service passes even when the catalog does not know it: a service
    // newer than the catalog acts on its own resources (decision D32). Asked only of an unknown one.
    if !is_arn_service(service) && !is_own_service(action, service) {
        return Err(Malformed::resource(
            "the ARN's service is not a known lowercase service such as `s3`, nor the action's",
        ));
    }
    if !region
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(Malformed::resource(
            "the ARN's region has a character other than lowercase letters, digits and `-`",
        ));
    }
    Ok(())
}

/// True when `service` is, in lowercase, the service prefix of `action` (decision D32).
fn is_own_service(action: &str, service: &str) -> bool {
    action
        .split_once(':')
        .is_some_and(|(prefix, _)| prefix == service)
        && service
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// True for a service of the catalog's ARNs (`s3`, `ec2`), spelt exactly. Every decision asks it
/// of its resource: a hash, a slot of an open-addressing table built at compile time (most often
/// the first probe), and one string comparison. A binary search over the names cost a third of a
/// simple decision, and one over sorted hashes still about 120 instructions.
fn is_arn_service(service: &str) -> bool {
    let mut slot = action_hash(service) as usize & (SERVICE_SLOTS.len() - 1);
    loop {
        match SERVICE_SLOTS[slot] {
            0 => return false,
            entry if data::ARN_SERVICES[usize::from(entry - 1)] == service => return true,
            _ => slot = (slot + 1) & (SERVICE_SLOTS.len() - 1),
        }
    }
}

/// `data::ARN_SERVICES` by hash: slot `hash & (len - 1)`, or the next free one; 1 + the name's
/// index, 0 for a free slot. A quarter to a half full, so that a search ends soon.
static SERVICE_SLOTS: [u16; service_slots_len()] = service_slots();

const fn service_slots_len() -> usize {
    (data::ARN_SERVICES.len() * 2).next_power_of_two()
}

const fn service_slots() -> [u16; service_slots_len()] {
    let services = data::ARN_SERVICES;
    let mut table = [0u16; service_slots_len()];
    let mut i = 0;
    while i < services.len() {
        let mut slot = action_hash(services[i]) as usize & (table.len() - 1);
        while table[slot] != 0 {
            slot = (slot + 1) & (table.len() - 1);
        }
        table[slot] = i as u16 + 1;
        i += 1;
    }
    table
}

/// One pass over a request's resource or principal, eight bytes at a time: its five fields before
/// the resource ([`arn_fields`]), and whether it may hold a control character (a byte below
/// 0x20, 0x7f or a non-ASCII byte; only then is it read again by `char`, which decides). Every
/// decision runs it: two passes, and `splitn` with memchr on fields of a few bytes, cost twice
/// as much.
fn scan(text: &str) -> (Option<[&str; 5]>, bool) {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    const LOW: u64 = u64::from_ne_bytes([0x7f; 8]);
    const COLONS: u64 = u64::from_ne_bytes([b':'; 8]);
    let bytes = text.as_bytes();
    let mut colons = [0usize; 5];
    let mut found = 0;
    let mut suspect = 0u64;
    // One word at `base`, of which only the bytes whose high bit `valid` has are read.
    let mut step = |w: u64, base: usize, valid: u64| {
        // The high bit of a byte is set where the byte is below 0x20, is 0x7f, or is not ASCII.
        let below_space = w.wrapping_sub(0x20 * ONES) & !w;
        let del = (w ^ (0x7f * ONES)).wrapping_sub(ONES) & !(w ^ (0x7f * ONES));
        suspect |= (below_space | del | w) & valid;
        if found < colons.len() {
            // The high bit of each byte of `mask` is set exactly where the byte is a colon (the
            // exact zero-byte test on `w ^ COLONS`).
            let y = w ^ COLONS;
            let mut mask = !(((y & LOW).wrapping_add(LOW)) | y | LOW) & valid;
            while mask != 0 && found < colons.len() {
                colons[found] = base + (mask.trailing_zeros() / 8) as usize;
                found += 1;
                mask &= mask - 1;
            }
        }
    };
    let mut at = 0;
    while at + 8 <= bytes.len() {
        step(crate::words::word(bytes, at), at, HIGH);
        at += 8;
    }
    let rest = bytes.len() - at;
    if rest > 0 && bytes.len() >= 8 {
        // The last eight bytes, overlapping the words read: only the `rest` new ones count.
        step(
            crate::words::word(bytes, bytes.len() - 8),
            bytes.len() - 8,
            HIGH << (8 * (8 - rest)),
        );
    } else if rest > 0 {
        step(
            crate::words::short_word(bytes, 0, rest),
            0,
            HIGH >> (8 * (8 - rest)),
        );
    }
    let suspect = suspect != 0;
    if found < colons.len() {
        return (None, suspect);
    }
    let [a, b, c, d, e] = colons;
    let fields = [
        &text[..a],
        &text[a + 1..b],
        &text[b + 1..c],
        &text[c + 1..d],
        &text[d + 1..e],
    ];
    (Some(fields), suspect)
}

/// True when `text` has a control character (C0, DEL or C1).
#[cfg(test)]
fn has_control(text: &str) -> bool {
    scan(text).1 && text.chars().any(char::is_control)
}

/// The old definition, kept for the test that the fast one agrees with it.
#[cfg(test)]
fn has_control_by_char(text: &str) -> bool {
    text.chars().any(char::is_control)
}

/// The five fields before an ARN's resource (`arn`, partition, service, region, account), or
/// `None` with fewer than six fields.
#[cfg(test)]
fn arn_fields(text: &str) -> Option<[&str; 5]> {
    scan(text).0
}

/// True for a partition of [`PARTITIONS`] (a `match` compiles to a length switch; a test checks
/// that the two lists agree).
fn is_partition(partition: &str) -> bool {
    matches!(
        partition,
        "aws"
            | "aws-cn"
            | "aws-eusc"
            | "aws-iso"
            | "aws-iso-b"
            | "aws-iso-e"
            | "aws-iso-f"
            | "aws-us-gov"
    )
}

/// True when the service catalog lists `action` without resource types, so that the request
/// resource is `*`. Looked up by a 32-bit hash of the lowercase name in a sorted table generated
/// from the catalog (27 KB instead of the catalog's megabyte); the generator checks that no action
/// with resource types shares a hash with one without.
#[must_use]
pub fn takes_no_resource(action: &str) -> bool {
    data::RESOURCELESS
        .binary_search(&action_hash(action))
        .is_ok()
}

/// FNV-1a over the ASCII-lowercased action name.
#[must_use]
pub const fn action_hash(action: &str) -> u32 {
    let bytes = action.as_bytes();
    let mut hash: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i].to_ascii_lowercase() as u32;
        hash = hash.wrapping_mul(0x0100_0193);
        i += 1;
    }
    hash
}

/// Checks the principal of a request (when it names one): `*`, an ARN with a known lowercase
/// partition and service (`arn:aws:iam::111122223333:user/alice`, `arn:aws:sts::...`), or a
/// lowercase host name for a service or identity provider (`s3.amazonaws.com`).
pub fn check_principal(principal: &str) -> Result<(), Malformed> {
    const PRINCIPAL: Part = Part::Principal;
    let malformed = |reason| Malformed {
        part: PRINCIPAL,
        reason,
    };
    if principal == "*" {
        return Ok(());
    }
    if principal.len() > MAX_RESOURCE_BYTES {
        return Err(malformed("the principal is longer than 4096 bytes"));
    }
    let (fields, suspect) = scan(principal);
    if suspect && principal.chars().any(char::is_control) {
        return Err(malformed("the principal has a control character"));
    }
    if principal.contains(':') {
        let Some(["arn", partition, service, _, _]) = fields else {
            return Err(malformed(
                "the principal is not `*`, an ARN `arn:partition:service:region:account:resource` nor a host name",
            ));
        };
        if !is_partition(partition) {
            return Err(malformed(
                "the principal ARN's partition is not a known lowercase partition such as `aws`",
            ));
        }
        if !is_arn_service(service) {
            return Err(malformed(
                "the principal ARN's service is not a known lowercase service such as `iam` or `sts`",
            ));
        }
        return Ok(());
    }
    let host = !principal.is_empty()
        && principal
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-');
    if !host {
        return Err(malformed(
            "the principal is not `*`, an ARN nor a lowercase host name such as `s3.amazonaws.com`",
        ));
    }
    Ok(())
}

/// Checks the account given as the resource's owner: twelve digits.
pub fn check_account(account: &str) -> Result<(), Malformed> {
    if account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(Malformed {
            part: Part::Principal,
            reason: "the resource account is not a 12-digit account ID",
        })
    }
}

/// Checks one context key and its values' sizes.
pub fn check_context_entry<'a>(
    key: &str,
    values: impl IntoIterator<Item = &'a str>,
) -> Result<(), Malformed> {
    if key.len() > MAX_CONTEXT_KEY_BYTES {
        return Err(Malformed::context(
            "a context key name is longer than 1024 bytes",
        ));
    }
    let mut count = 0;
    for value in values {
        count += 1;
        if count > MAX_CONTEXT_VALUES {
            return Err(Malformed::context(
                "a context key has more than 1024 values",
            ));
        }
        if value.len() > MAX_CONTEXT_VALUE_BYTES {
            return Err(Malformed::context("a context value is longer than 16 KiB"));
        }
    }
    Ok(())
}

/// The error for two keys that are one key under the folding rule.
pub const AMBIGUOUS: Malformed = Malformed {
    part: Part::Context,
    reason: "two context keys differ only in case, so which value a policy reads is not defined",
};

/// The error for a context with too many keys.
pub const TOO_MANY_KEYS: Malformed = Malformed {
    part: Part::Context,
    reason: "the context has more than 4096 keys",
};

/// Checks that no two keys are the same key under the fold. Sorts `keys` in place.
pub fn check_unambiguous(keys: &mut [&str]) -> Result<(), Malformed> {
    if keys.len() <= 8 {
        if keys.iter().all(|k| k.is_ascii()) {
            // ASCII keys are one key exactly when they are equal ignoring ASCII case: keys of
            // different lengths, most pairs, differ without reading them.
            for (i, a) in keys.iter().enumerate() {
                if keys[i + 1..]
                    .iter()
                    .any(|b| a.len() == b.len() && a.eq_ignore_ascii_case(b))
                {
                    return Err(AMBIGUOUS);
                }
            }
            return Ok(());
        }
        for (i, a) in keys.iter().enumerate() {
            if keys[i + 1..].iter().any(|b| fold_eq(a, b)) {
                return Err(AMBIGUOUS);
            }
        }
        return Ok(());
    }
    keys.sort_unstable_by(|a, b| fold_cmp(a, b));
    crate::work::add(crate::work::Counter::KeyCompares, keys.len() as u64);
    if keys.windows(2).any(|w| fold_eq(w[0], w[1])) {
        return Err(AMBIGUOUS);
    }
    Ok(())
}

/// Checks the action and the resource of a request.
pub fn check_target(action: &str, resource: &str) -> Result<(), Malformed> {
    check_target_declared(action, resource, |_| false)
}

/// [`check_target`] with the `no-resource` declarations of the policies deciding the request
/// ([`check_resource_declared`]).
#[inline]
pub fn check_target_declared(
    action: &str,
    resource: &str,
    declared_no_resource: impl FnOnce(&str) -> bool,
) -> Result<(), Malformed> {
    check_action(action)?;
    check_resource_declared(action, resource, declared_no_resource)
}

#[cfg(test)]
mod tests;
