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

/// The scaling policies name synthetic services (`svc12:Action3`). Since the request check (D30)
/// refuses a service the catalog does not know, every scaling request is malformed and denied before
/// the policy is read: the scaling group measures that refusal, not the action index, until it is
/// rebuilt on real catalog actions. This test keeps that fact visible and fails once it changes.
#[test]
fn scaling_requests_are_refused_as_unknown_services() {
    use iam_policy::{Decision, Request};
    for size in scaling::SIZES {
        let policy = scaling::policy(size);
        for action in [scaling::hit(size), scaling::MISS.to_owned()] {
            let evaluation = policy.explain(&Request::new(&action, "*"));
            assert_eq!(evaluation.decision, Decision::ImplicitlyDenied, "{size}");
            assert!(evaluation.malformed.is_some(), "{size}: {action}");
        }
    }
}
