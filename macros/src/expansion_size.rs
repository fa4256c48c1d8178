//! A guard on what `policy!` hands rustc for a large policy: rustc's time and memory on the
//! expansion follow its size (docs/performance.md, "Compiling `policy!`"), so the tokens emitted
//! per action pattern are counted here, where they do not depend on the machine or its load.

use iam_policy_core::catalog::{AccessLevel, catalog};
use iam_policy_core::codes::lookup;
use iam_policy_core::extras::Extras;
use iam_policy_core::validate::PolicyType;
use proc_macro2::{Span, TokenStream, TokenTree};

use crate::{Leading, expand};

/// Tokens per action pattern above which a change to the emitted data fails this test: 12 now,
/// 7 for the pattern (a call of `emit.rs`'s local macros; 57 when each pattern was written out)
/// and 5 for an exact name's entry in the action index (`(hash, position)`).
const TOKENS_PER_PATTERN: usize = 16;

/// One Allow statement of the first `n` read and list actions of the catalog (exact names; no
/// other finding than its size, allowed below, so the expansion is the data and the evaluator).
fn policy(n: usize) -> String {
    let actions: Vec<String> = catalog()
        .services()
        .flat_map(|s| s.actions())
        .filter(|a| matches!(a.access_level(), AccessLevel::Read | AccessLevel::List))
        .take(n)
        .map(|a| format!("\"{}:{}\"", a.service().prefix(), a.name()))
        .collect();
    assert_eq!(
        actions.len(),
        n,
        "the catalog has fewer read and list actions"
    );
    format!(
        r#"{{"Version": "2012-10-17", "Statement": [{{"Effect": "Allow", "Action": [{}], "Resource": "*"}}]}}"#,
        actions.join(", ")
    )
}

fn count(tokens: TokenStream) -> usize {
    tokens
        .into_iter()
        .map(|t| match t {
            TokenTree::Group(g) => 1 + count(g.stream()),
            _ => 1,
        })
        .sum()
}

/// The expansion's tokens, its text's bytes, and its `Cow::Borrowed` calls whose type arguments
/// rustc must infer.
fn expansion_size(n: usize) -> (usize, usize, usize) {
    let text = policy(n);
    let root = iam_policy_core::json::parse(&text).expect("the policy is JSON");
    let leading = Leading {
        policy_type: PolicyType::default(),
        // Thousands of actions are larger than IAM lets an identity policy be (AWS's managed
        // policies have their own quota): the test is about the emitted data, not that warning.
        allowed: vec![lookup("POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA").expect("a code")],
        extras: Extras::new(),
    };
    let tokens = expand(
        &root,
        &leading,
        &|_| Span::call_site(),
        &|_| String::new(),
        TokenStream::new(),
    );
    let text = tokens.to_string();
    assert!(
        !text.contains("compile_error") && !text.contains("deprecated ("),
        "the test policy has findings: the count would include them: {}",
        &text[text
            .find("deprecated (")
            .or(text.find("compile_error"))
            .unwrap_or(0)..][..400]
    );
    let inferred = text.matches("__B (").count() + text.matches("Borrowed (").count();
    (count(tokens), text.len(), inferred)
}

#[test]
fn the_expansion_grows_by_a_fixed_number_of_tokens_per_action_pattern() {
    let sizes: Vec<(usize, (usize, usize, usize))> = [300, 1200, 2400]
        .into_iter()
        .map(|n| (n, expansion_size(n)))
        .collect();
    let per_pattern = |a: usize, b: usize| {
        let ((n0, (t0, _, _)), (n1, (t1, _, _))) = (sizes[a], sizes[b]);
        (t1 - t0) as f64 / (n1 - n0) as f64
    };
    let (first, second) = (per_pattern(0, 1), per_pattern(1, 2));
    // Past the output capture: the figures docs/performance.md quotes.
    use std::io::Write as _;
    let _ = writeln!(
        std::io::stderr().lock(),
        "expansion of N action patterns (N, (tokens, bytes, inferred Cows)): {sizes:?}; \
         tokens per pattern {first:.1} then {second:.1}"
    );
    assert!(
        second <= TOKENS_PER_PATTERN as f64,
        "policy! emits {second:.1} tokens per action pattern (guard: {TOKENS_PER_PATTERN})"
    );
    // Linear: the cost of a pattern does not depend on how many there are.
    assert!(
        (second - first).abs() <= 1.0,
        "tokens per pattern grow with the policy: {first:.1} then {second:.1}"
    );
    // What rustc spends most on per pattern: a `Cow` whose type it must infer. None per pattern.
    let inferred: Vec<usize> = sizes.iter().map(|(_, (_, _, i))| *i).collect();
    assert!(
        inferred.windows(2).all(|w| w[0] == w[1]),
        "the number of `Cow::Borrowed` without type arguments grows with the policy: {inferred:?}"
    );
}
