//! One criterion group per request, every way side by side in one run:
//!
//!     cd benches && nice cargo bench --bench decisions               # without Cedar
//!     cd benches && nice cargo bench --bench decisions --features cedar
//!
//! `scripts/bench-table.py` turns the run's medians into the tables of docs/performance.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use iam_policy::{Authorizer, Policy, Request};
use iam_policy_benches::naive::Naive;
use iam_policy_benches::reference::Reference;
use iam_policy_benches::{CASES, Loaded, scaling};

fn decisions(c: &mut Criterion) {
    let loaded = Loaded::new();
    let reference = Reference::new();
    #[cfg(feature = "cedar")]
    let cedar = iam_policy_benches::cedar::Cedar::new();
    for case in CASES {
        let request = case.request();
        let compiled = case.subject.compiled();
        let interpreted = loaded.get(case.subject);
        let naive = Naive::new(case.subject.json());
        let mut group = c.benchmark_group(case.name);
        group.bench_function("policy!", |b| {
            b.iter(|| black_box(compiled).evaluate(black_box(&request)))
        });
        group.bench_function("from_json", |b| {
            b.iter(|| black_box(interpreted).evaluate(black_box(&request)))
        });
        group.bench_function("reference", |b| {
            b.iter(|| reference.decide(black_box(case)))
        });
        group.bench_function("naive", |b| {
            b.iter(|| {
                naive.decide(
                    black_box(case.action),
                    black_box(case.resource),
                    black_box(case.context),
                )
            })
        });
        #[cfg(feature = "cedar")]
        {
            let prepared = cedar.prepare(case);
            group.bench_function("cedar", |b| b.iter(|| cedar.decide(black_box(&prepared))));
        }
        group.finish();
    }
}

/// An identity policy under a permissions boundary and two levels of SCPs (root and OU).
fn authorizer(c: &mut Criterion) {
    use iam_policy_benches::seeds::{P1_INSTANCES, P4_ADMIN};
    static FULL_ACCESS: Policy = iam_policy::policy!({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]
    });
    static OU_GUARD: Policy = iam_policy::policy!({
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Action": "*", "Resource": "*"},
            {"Effect": "Deny", "Action": "ssm:SendCommand", "Resource": "*"}
        ]
    });
    let loaded = Loaded::new();
    let full = Policy::from_json(&FULL_ACCESS.to_json()).unwrap();
    let guard = Policy::from_json(&OU_GUARD.to_json()).unwrap();
    let request = Request::new(
        "ssm:StartSession",
        "arn:aws:ec2:us-east-2:123456789012:instance/i-1234567890EXAMPLE",
    );
    let compiled = Authorizer::new()
        .identity(&P1_INSTANCES)
        .boundary(&P4_ADMIN)
        .scp(&FULL_ACCESS)
        .scp(&OU_GUARD);
    let interpreted = Authorizer::new()
        .identity(&loaded.p1)
        .boundary(&loaded.p4)
        .scp(&full)
        .scp(&guard);
    assert_eq!(compiled.evaluate(&request), iam_policy::Decision::Allowed);
    assert_eq!(
        interpreted.evaluate(&request),
        iam_policy::Decision::Allowed
    );
    let mut group = c.benchmark_group("authorizer_boundary_two_scps");
    group.bench_function("policy!", |b| {
        b.iter(|| black_box(&compiled).evaluate(black_box(&request)))
    });
    group.bench_function("from_json", |b| {
        b.iter(|| black_box(&interpreted).evaluate(black_box(&request)))
    });
    group.finish();
}

/// The cost of one decision against policies of 1 to 10,000 action patterns (run-time path).
fn index_scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("action_index_scaling");
    for size in scaling::SIZES {
        let policy = scaling::policy(size);
        for (label, action) in [("hit", scaling::hit(size)), ("miss", scaling::miss())] {
            let request = Request::new(action, scaling::RESOURCE);
            group.bench_function(format!("{label}/{size}"), |b| {
                b.iter(|| black_box(&policy).evaluate(black_box(&request)))
            });
        }
    }
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(900))
        .sample_size(30)
}

criterion_group! {
    name = benches;
    config = config();
    targets = decisions, authorizer, index_scaling
}
criterion_main!(benches);
