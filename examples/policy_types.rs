//! Policies of three types beside identity policies, checked at compile time, decided together by
//! an `Authorizer`, and exported as JSON for deployment:
//!
//! - an S3 bucket policy that refuses plain HTTP and lets another account read;
//! - the trust policy of a role that GitHub Actions assumes through OIDC (main branch only);
//! - a service control policy that keeps accounts in the organization.
//!
//! Run with `cargo run -p iam-policy-examples --example policy_types`: it prints each policy as
//! JSON, then checks a few decisions (and exits with an error if one is not as expected).

use iam_policy::{Authorizer, Decision, Policy, PolicyKind, Request, policy};

/// The bucket `doc-bucket` in account 111122223333.
static BUCKET: Policy = policy!(kind = S3Bucket, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "DenyInsecureTransport",
            "Effect": "Deny",
            "Principal": "*",
            "Action": "s3:*",
            "Resource": ["arn:aws:s3:::doc-bucket", "arn:aws:s3:::doc-bucket/*"],
            "Condition": {"Bool": {"aws:SecureTransport": "false"}}
        },
        {
            "Sid": "PartnerAccountRead",
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::444455556666:root"},
            "Action": ["s3:GetObject", "s3:ListBucket"],
            "Resource": ["arn:aws:s3:::doc-bucket", "arn:aws:s3:::doc-bucket/*"]
        }
    ]
});

/// The trust policy of the role `deploy` in account 111122223333.
static GITHUB_TRUST: Policy = policy!(kind = Trust, {
    "Version": "2012-10-17",
    "Statement": [{
        "Sid": "GitHubActionsMainBranch",
        "Effect": "Allow",
        "Principal": {
            "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"
        },
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {
            "StringEquals": {
                "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                "token.actions.githubusercontent.com:sub": "repo:example-org/example-repo:ref:refs/heads/main"
            }
        }
    }]
});

/// Attached at the root of the organization.
static STAY_IN_ORGANIZATION: Policy = policy!(kind = Scp, {
    "Version": "2012-10-17",
    "Statement": [
        {"Sid": "FullAWSAccess", "Effect": "Allow", "Action": "*", "Resource": "*"},
        {
            "Sid": "DenyLeaveOrganization",
            "Effect": "Deny",
            "Action": "organizations:LeaveOrganization",
            "Resource": "*"
        }
    ]
});

/// The identity policy of the partner's reader role, in account 444455556666.
static PARTNER_READER: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "s3:GetObject",
        "Resource": "arn:aws:s3:::doc-bucket/*"
    }]
});

/// An administrator's identity policy in a member account. It may pass any role and create any
/// service-linked role, which `policy!` warns about (`PASS_ROLE_*`, `CREATE_SLR_*`): allowed here,
/// for this one policy, because that is what an administrator is for.
static ADMIN: Policy = policy!(allow(PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE, CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE), {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]
});

fn main() {
    for (name, policy) in [
        ("bucket policy of doc-bucket", &BUCKET),
        ("trust policy of the role deploy", &GITHUB_TRUST),
        ("SCP at the organization's root", &STAY_IN_ORGANIZATION),
    ] {
        println!(
            "{name} ({}):\n{}\n",
            policy.policy_type(),
            policy.to_json_pretty()
        );
    }

    let mut failures = 0;
    let mut expect = |what: &str, got: Decision, want: Decision| {
        let mark = if got == want { "ok" } else { "UNEXPECTED" };
        println!("{mark:>10}  {:<16}  {what}", got.as_str());
        failures += usize::from(got != want);
    };

    // Cross-account read: the bucket policy names the partner's account, and the partner's role
    // policy allows; both accounts must allow.
    let secure = [("aws:SecureTransport", "true")];
    let insecure = [("aws:SecureTransport", "false")];
    let read = Request::new("s3:GetObject", "arn:aws:s3:::doc-bucket/report.pdf")
        .principal("arn:aws:sts::444455556666:assumed-role/Reader/ci")
        .resource_account("111122223333");
    let partner = Authorizer::new()
        .identity(&PARTNER_READER)
        .resource_policy(&BUCKET);
    expect(
        "partner reads over TLS",
        partner.evaluate(&read.context(&secure)),
        Decision::Allowed,
    );
    expect(
        "partner reads over plain HTTP",
        partner.evaluate(&read.context(&insecure)),
        Decision::ExplicitlyDenied,
    );
    let bucket_only = Authorizer::new().resource_policy(&BUCKET);
    expect(
        "partner role without an identity policy",
        bucket_only.evaluate(&read.context(&secure)),
        Decision::ImplicitlyDenied,
    );
    let write = Request::new("s3:PutObject", "arn:aws:s3:::doc-bucket/report.pdf")
        .principal("arn:aws:sts::444455556666:assumed-role/Reader/ci")
        .resource_account("111122223333")
        .context(&secure);
    expect(
        "partner writes",
        partner.evaluate(&write),
        Decision::ImplicitlyDenied,
    );

    // GitHub Actions assumes the role, from the main branch only.
    let assume = Request::new(
        "sts:AssumeRoleWithWebIdentity",
        "arn:aws:iam::111122223333:role/deploy",
    )
    .principal("arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com");
    let main = [
        (
            "token.actions.githubusercontent.com:aud",
            "sts.amazonaws.com",
        ),
        (
            "token.actions.githubusercontent.com:sub",
            "repo:example-org/example-repo:ref:refs/heads/main",
        ),
    ];
    let branch = [
        (
            "token.actions.githubusercontent.com:aud",
            "sts.amazonaws.com",
        ),
        (
            "token.actions.githubusercontent.com:sub",
            "repo:example-org/example-repo:ref:refs/heads/feature",
        ),
    ];
    let role = Authorizer::new().resource_policy(&GITHUB_TRUST);
    expect(
        "GitHub Actions on main assumes deploy",
        role.evaluate(&assume.context(&main)),
        Decision::Allowed,
    );
    expect(
        "GitHub Actions on a feature branch",
        role.evaluate(&assume.context(&branch)),
        Decision::ImplicitlyDenied,
    );

    // Even an administrator of a member account cannot leave the organization.
    let leave = Request::new("organizations:LeaveOrganization", "*")
        .principal("arn:aws:sts::222233334444:assumed-role/Admin/alice");
    let member = Authorizer::new()
        .identity(&ADMIN)
        .scp(&STAY_IN_ORGANIZATION);
    let verdict = member.explain(&leave);
    expect(
        "member-account admin leaves the organization",
        verdict.decision,
        Decision::ExplicitlyDenied,
    );
    println!("\n{verdict}");
    if verdict.statement.map(|at| at.kind) != Some(PolicyKind::ServiceControl) {
        eprintln!("the SCP should be what denied");
        failures += 1;
    }

    if failures > 0 {
        eprintln!("{failures} decision(s) not as expected");
        std::process::exit(1);
    }
}
