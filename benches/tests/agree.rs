//! Every way gives every benchmark request its expected decision, and the two project paths
//! agree on the statement that decided: a benchmark of a wrong answer would measure nothing.

use iam_policy_benches::naive::Naive;
use iam_policy_benches::reference::Reference;
use iam_policy_benches::{CASES, Loaded, scaling};

#[test]
fn every_way_decides_every_case_as_expected() {
    let loaded = Loaded::new();
    let reference = Reference::new();
    #[cfg(feature = "cedar")]
    let cedar = iam_policy_benches::cedar::Cedar::new();
    for case in CASES {
        let request = case.request();
        let compiled = case.subject.compiled().explain(&request);
        let interpreted = loaded.get(case.subject).explain(&request);
        assert_eq!(compiled.decision, case.expected, "policy! on {}", case.name);
        assert_eq!(interpreted, compiled, "from_json on {}", case.name);
        assert_eq!(
            reference.decide(case),
            case.expected,
            "reference on {}",
            case.name
        );
        let naive = Naive::new(case.subject.json());
        assert_eq!(
            naive.decide(case.action, case.resource, case.context),
            case.expected,
            "naive on {}",
            case.name
        );
        #[cfg(feature = "cedar")]
        assert_eq!(
            cedar.decide(&cedar.prepare(case)),
            case.expected,
            "cedar on {}",
            case.name
        );
    }
}

/// The scaling policies are made of real catalog actions: the last pattern's action is allowed, an
/// action beyond every policy is not, and neither request is malformed, so the group measures the
/// action lookup and not the request check's refusal.
#[test]
fn scaling_requests_are_decided_by_the_policy() {
    use iam_policy::{Decision, Request};
    assert!(scaling::catalog_actions().len() > 10_000);
    let miss = scaling::miss();
    for size in scaling::SIZES {
        let policy = scaling::policy(size);
        assert_eq!(
            policy.statements()[0].actions.patterns.len(),
            size,
            "{size}"
        );
        let hit = policy.explain(&Request::new(scaling::hit(size), scaling::RESOURCE));
        assert_eq!(hit.decision, Decision::Allowed, "{size}: {hit:?}");
        let missed = policy.explain(&Request::new(miss, scaling::RESOURCE));
        assert_eq!(
            missed.decision,
            Decision::ImplicitlyDenied,
            "{size}: {miss}"
        );
        assert!(missed.malformed.is_none(), "{size}: {miss}: {missed:?}");
    }
}
