//! Evaluation speed on the Session Manager seed policies: the `policy!` evaluator (specialized
//! code) against the interpreter over the same compiled form (`Policy::from_json`).

use criterion::{Criterion, criterion_group, criterion_main};
use iam_policy::{Policy, Request, policy};
use std::hint::black_box;

static EX1: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": ["ssm:StartSession"],
            "Resource": [
                "arn:aws:ec2:us-east-2:123456789012:instance/i-1234567890EXAMPLE",
                "arn:aws:ec2:us-east-2:123456789012:instance/i-abcdefghijEXAMPLE",
                "arn:aws:ec2:us-east-2:123456789012:instance/i-0e9d8c7b6aEXAMPLE"
            ]
        },
        {
            "Effect": "Allow",
            "Action": ["ssm:TerminateSession"],
            "Resource": ["arn:aws:ssm:*:*:session/${aws:username}-*"]
        }
    ]
});

static EX2C: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": ["ssm:StartSession"],
        "Resource": "*",
        "Condition": {
            "StringLike": {
                "ssm:resourceTag/tag-key1": ["tag-value1"],
                "ssm:resourceTag/tag-key2": ["tag-value2"]
            }
        }
    }]
});

fn bench(c: &mut Criterion) {
    let user = [("aws:username", "alice")];
    let tags = [
        ("ssm:resourceTag/tag-key1", "tag-value1"),
        ("ssm:resourceTag/tag-key2", "tag-value2"),
    ];
    let cases: [(&str, &Policy, Request<'_>); 4] = [
        (
            "ex1/terminate-own-session",
            &EX1,
            Request::new(
                "ssm:TerminateSession",
                "arn:aws:ssm:us-east-2:123456789012:session/alice-0a1b2c3d",
            )
            .context(&user),
        ),
        (
            "ex1/start-listed-instance",
            &EX1,
            Request::new(
                "ssm:StartSession",
                "arn:aws:ec2:us-east-2:123456789012:instance/i-0e9d8c7b6aEXAMPLE",
            ),
        ),
        (
            "ex1/denied",
            &EX1,
            Request::new("s3:GetObject", "arn:aws:s3:::bucket/key"),
        ),
        (
            "ex2c/two-tags",
            &EX2C,
            Request::new(
                "ssm:StartSession",
                "arn:aws:ec2:us-east-2:123456789012:instance/i-1",
            )
            .context(&tags),
        ),
    ];
    for (name, policy, request) in &cases {
        let runtime = Policy::from_json(&policy.to_json()).expect("the exported JSON reads back");
        assert_eq!(policy.explain(request), runtime.explain(request));
        let mut group = c.benchmark_group(*name);
        group.bench_function("specialized", |b| {
            b.iter(|| black_box(policy).evaluate(black_box(request)))
        });
        group.bench_function("interpreted", |b| {
            b.iter(|| black_box(&runtime).evaluate(black_box(request)))
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
