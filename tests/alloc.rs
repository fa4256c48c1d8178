//! Evaluation allocates nothing: a counting global allocator over every seed policy, through both
//! paths (the `policy!` evaluator and the run-time interpreter), for allowed and denied requests.
#![allow(unsafe_code)] // a global allocator cannot be written without it

use std::alloc::{GlobalAlloc, Layout, System};

use iam_policy::{Authorizer, ContextMap, Decision, Policy, Request, Values};
use iam_policy_tests::VALID_SEEDS;

struct Counting;

thread_local! {
    // Per thread, so that tests running in parallel do not count each other's allocations. A
    // `const` cell of a plain integer has no destructor to register, so the allocator may use it.
    static THREAD_ALLOCATIONS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn count() {
    THREAD_ALLOCATIONS.with(|c| c.set(c.get() + 1));
}

// SAFETY: forwards to the system allocator unchanged; it only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations made by `f` on this thread.
fn allocations_of(f: impl FnOnce()) -> usize {
    let before = THREAD_ALLOCATIONS.with(|c| c.get());
    f();
    THREAD_ALLOCATIONS.with(|c| c.get()) - before
}

const SESSION: &str = "arn:aws:ssm:us-east-2:123456789012:session/alice-0a1b2c3d";
const OTHER_SESSION: &str = "arn:aws:ssm:us-east-2:123456789012:session/bob-0a1b2c3d";
const INSTANCE: &str = "arn:aws:ec2:us-east-2:123456789012:instance/i-1234567890EXAMPLE";
const OTHER_INSTANCE: &str = "arn:aws:ec2:us-east-2:123456789012:instance/i-0000000000EXAMPLE";

/// One test: the counter is global, and a second test running beside it (or the harness reporting
/// it) would be counted.
#[test]
fn deciding_does_not_allocate() {
    evaluation_does_not_allocate();
    every_policy_kind_decides_without_allocating();
}

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
                    let _ = std::hint::black_box(authorizer.explain(request));
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

/// The request check (sizes, ambiguous keys) allocates nothing for contexts of up to 256 keys, in
/// both paths and the `Authorizer`, whether the keys are ambiguous or not.
#[test]
fn the_request_check_does_not_allocate_up_to_256_keys() {
    for count in [1, 17, 100, 256] {
        let names: Vec<String> = (0..count).map(|i| format!("app:Key{i}")).collect();
        for ambiguous in [false, true] {
            let mut pairs: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "v")).collect();
            if ambiguous {
                pairs[count - 1] = ("APP:KEY0", "w");
            }
            let request = Request::new("ssm:TerminateSession", SESSION).context(&pairs);
            for seed in VALID_SEEDS {
                let n = allocations_of(|| {
                    let specialized = seed.compiled.explain(&request);
                    let interpreted = seed.compiled.explain_interpreted(&request);
                    let authorizer = Authorizer::<&Policy>::new();
                    let verdict = authorizer.explain(&request);
                    assert_eq!(specialized.malformed.is_some(), ambiguous && count > 1);
                    assert_eq!(interpreted.malformed, specialized.malformed);
                    let _ = std::hint::black_box(verdict);
                });
                assert_eq!(n, 0, "{count} keys, ambiguous: {ambiguous}, {}", seed.name);
            }
        }
    }
}

static BUCKET: Policy = iam_policy::policy!(kind = S3Bucket, {
    "Version": "2012-10-17",
    "Statement": [
        {"Sid": "DenyInsecure", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
         "Resource": "arn:aws:s3:::doc-bucket/*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
        {"Sid": "Partner", "Effect": "Allow", "Principal": {"AWS": ["444455556666", "arn:aws:iam::111122223333:role/Reader"]},
         "Action": "s3:GetObject", "Resource": "arn:aws:s3:::doc-bucket/*"},
        {"Sid": "Keep", "Effect": "Deny", "NotPrincipal": {"AWS": ["arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:user/alice"]},
         "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::doc-bucket/*"}
    ]
});

/// Every policy kind and both accounts, through both paths: no allocation per decision.
fn every_policy_kind_decides_without_allocating() {
    let json = |text: &str, policy_type| Policy::from_json_as(text, policy_type).unwrap();
    use iam_policy::PolicyType;
    let identity = json(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#,
        PolicyType::Managed,
    );
    let boundary = json(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}"#,
        PolicyType::Managed,
    );
    let session = json(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#,
        PolicyType::Session,
    );
    let scp = json(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"s3:PutObject","Resource":"*"}]}"#,
        PolicyType::Scp,
    );
    let rcp = json(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:DeleteBucket","Resource":"*"}]}"#,
        PolicyType::Rcp,
    );
    let endpoint = json(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}"#,
        PolicyType::VpcEndpoint,
    );
    let bucket = json(&BUCKET.to_json(), PolicyType::S3Bucket);
    let authorizers = [
        Authorizer::new().resource_policy(&BUCKET),
        Authorizer::new()
            .identity(&identity)
            .boundary(&boundary)
            .session_policy(&session)
            .scp(&scp)
            .scp_level([&scp, &identity])
            .rcp(&rcp)
            .endpoint_policy(&endpoint)
            .resource_policy(&BUCKET),
        Authorizer::new()
            .identity(&identity)
            .session_policy(&session)
            .resource_policy(&bucket),
    ];
    let principals = [
        "arn:aws:iam::111122223333:user/alice",
        "arn:aws:sts::111122223333:assumed-role/Reader/s1",
        "arn:aws:iam::111122223333:role/Reader",
        "arn:aws:sts::444455556666:assumed-role/Partner/p1",
        "arn:aws:iam::444455556666:user/bob",
        "arn:aws:sts::111122223333:federated-user/fed",
        "arn:aws:iam::111122223333:root",
        "cloudtrail.amazonaws.com",
        "*",
        "not a principal",
    ];
    let actions = [
        "s3:GetObject",
        "s3:PutObject",
        "s3:DeleteObject",
        "sts:GetCallerIdentity",
    ];
    let secure = [("aws:SecureTransport", "true")];
    let insecure = [("aws:SecureTransport", "false")];
    let mut decisions = [0usize; 3];
    let count = allocations_of(|| {
        for principal in principals {
            for action in actions {
                for context in [&secure, &insecure] {
                    let request = Request::new(action, "arn:aws:s3:::doc-bucket/report.pdf")
                        .principal(principal)
                        .resource_account("111122223333")
                        .context(context);
                    for authorizer in &authorizers {
                        let compiled = authorizer.explain(&request);
                        let interpreted = authorizer.explain_interpreted(&request);
                        assert_eq!(compiled, interpreted);
                        decisions[compiled.decision as usize] += 1;
                    }
                }
            }
        }
    });
    assert_eq!(count, 0, "deciding allocated {count} times");
    assert!(decisions.iter().all(|&n| n > 5), "{decisions:?}");
}
