//! How long the service catalog takes to load, and what a lookup costs once it is loaded.
//! Run with `cargo bench -p iam-policy-core --features catalog --bench catalog`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use iam_policy_core::catalog::{catalog, check_condition_key, parse_embedded};

fn parse(c: &mut Criterion) {
    c.bench_function("catalog/parse", |b| {
        b.iter(|| parse_embedded().map(|c| c.version()))
    });
}

fn lookup(c: &mut Criterion) {
    let catalog = catalog();
    c.bench_function("catalog/action_lookup", |b| {
        b.iter(|| {
            catalog
                .action(black_box("ssm:terminatesession"))
                .map(|a| a.name())
        })
    });
    c.bench_function("catalog/condition_key_lookup", |b| {
        b.iter(|| {
            catalog
                .condition_key(black_box("ssm:resourceTag/Finance"))
                .map(|k| k.name())
        })
    });
    c.bench_function("catalog/check_condition_key", |b| {
        b.iter(|| {
            check_condition_key(
                black_box(&["ssm:TerminateSession"]),
                black_box("ssm:resourceTag/Finance"),
            )
        })
    });
}

criterion_group!(benches, parse, lookup);
criterion_main!(benches);
