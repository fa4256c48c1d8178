//! Evaluation allocates nothing: a counting global allocator over every seed policy, through both
//! paths (the `policy!` evaluator and the run-time interpreter), for allowed and denied requests.
#![allow(unsafe_code)] // a global allocator cannot be written without it

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use iam_policy::{Authorizer, ContextMap, Decision, Policy, Request, Values};
use iam_policy_tests::VALID_SEEDS;

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator unchanged; it only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations made by `f`.
fn allocations_of(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.load(Ordering::SeqCst);
    f();
    ALLOCATIONS.load(Ordering::SeqCst) - before
}

const SESSION: &str = "arn:aws:ssm:us-east-2:123456789012:session/alice-0a1b2c3d";
const OTHER_SESSION: &str = "arn:aws:ssm:us-east-2:123456789012:session/bob-0a1b2c3d";
const INSTANCE: &str = "arn:aws:ec2:us-east-2:123456789012:instance/i-1234567890EXAMPLE";
const OTHER_INSTANCE: &str = "arn:aws:ec2:us-east-2:123456789012:instance/i-0000000000EXAMPLE";

#[test]
fn evaluation_does_not_allocate() {
    // The counter sees allocations (else the zero below would prove nothing).
    assert!(allocations_of(|| drop(std::hint::black_box(vec![1u8; 8]))) > 0);
    let actions = [
        "ssm:StartSession",
        "ssm:TerminateSession",
        "SSM:terminatesession",
        "ssm:ResumeSession",
        "ssm:DescribeSessions",
        "ssm:GetConnectionStatus",
        "s3:GetObject",
        "not-an-action",
    ];
    let resources = [
        SESSION,
        OTHER_SESSION,
        INSTANCE,
        OTHER_INSTANCE,
        "*",
        "not-an-arn",
        "",
    ];
    let user = [("aws:username", "alice")];
    let role = [("aws:userid", "AROAEXAMPLE:alice")];
    let tags = [
        ("ssm:resourceTag/Finance", "WebServers"),
        ("ssm:resourceTag/tag-key1", "tag-value1"),
        ("ssm:resourceTag/tag-key2", "tag-value2"),
        ("ssm:resourceTag/aws:ssmmessages:target-id", "instance-id"),
        ("ssm:resourceTag/aws:ssmmessages:session-id", "alice-0a1b"),
        ("aws:username", "alice"),
    ];
    let mut owned = ContextMap::new();
    owned
        .insert("aws:username", "alice")
        .insert_set("aws:TagKeys", ["a", "b"]);
    let multi = [("aws:username", Values::Strs(&["alice", "bob"]))];

    let loaded: Vec<Policy> = VALID_SEEDS
        .iter()
        .map(|s| Policy::from_json(s.text).unwrap())
        .collect();
    let mut authorizer = Authorizer::new();
    for policy in &loaded {
        authorizer = authorizer.identity(policy);
    }
    let mut evaluations = 0;
    let mut allowed = 0;
    let count = allocations_of(|| {
        for action in actions {
            for resource in resources {
                let requests = [
                    Request::new(action, resource),
                    Request::new(action, resource).context(&user),
                    Request::new(action, resource).context(&role),
                    Request::new(action, resource).context(&tags),
                    Request::new(action, resource).context(&owned),
                    Request::new(action, resource).context(&multi),
                ];
                for request in &requests {
                    for (seed, runtime) in VALID_SEEDS.iter().zip(&loaded) {
                        let specialized = seed.compiled.explain(request);
                        let interpreted = runtime.explain(request);
                        let compiled_interpreted = seed.compiled.explain_interpreted(request);
                        assert_eq!(specialized, interpreted);
                        assert_eq!(specialized, compiled_interpreted);
                        allowed += usize::from(specialized.decision == Decision::Allowed);
                        evaluations += 3;
                    }
                    std::hint::black_box(authorizer.explain(request));
                }
            }
        }
    });
    assert_eq!(
        count, 0,
        "evaluation allocated {count} times over {evaluations} evaluations"
    );
    // The requests exercise both outcomes, so the zero is not vacuous.
    assert!(
        allowed > 50 && allowed < evaluations / 3,
        "{allowed} allowed of {}",
        evaluations / 3
    );
}
