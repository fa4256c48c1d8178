//! Every policy type compiles through `policy!` / `policy_file!` with `kind = ..`, keeps its type,
//! and its principals decide.

#![deny(warnings)]

use iam_policy::{Decision, Policy, PolicyType, Request, policy, policy_file};

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
            "Sid": "PartnerRead",
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::444455556666:root"},
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::doc-bucket/*"
        }
    ]
});

static TRUST: Policy = policy_file!(kind = Trust, "pass/fixtures/github-oidc-trust.json");

static EC2_TRUST: Policy = policy!(kind = iam_policy::PolicyType::Trust, {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Principal": {"Service": "ec2.amazonaws.com"},
        "Action": "sts:AssumeRole"
    }]
});

static SCP: Policy = policy!(kind = Scp, {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Deny",
        "Action": "organizations:LeaveOrganization",
        "Resource": "*"
    }]
});

static RCP: Policy = policy!(kind = Rcp, {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Deny",
        "Principal": "*",
        "Action": "s3:*",
        "Resource": "*",
        "Condition": {"BoolIfExists": {"aws:SecureTransport": "false"}}
    }]
});

static KEY: Policy = policy!(kind = KmsKey, {
    "Version": "2012-10-17",
    "Statement": [{
        "Sid": "EnableIamPolicies",
        "Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
        "Action": "kms:*",
        "Resource": "*"
    }]
});

static QUEUE: Policy = policy!(kind = SqsQueue, {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Principal": {"Service": "sns.amazonaws.com"},
        "Action": "sqs:SendMessage",
        "Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:sns:us-east-1:111122223333:alerts"}}
    }]
});

static ENDPOINT: Policy = policy!(kind = VpcEndpoint, {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Principal": "*",
        "Action": "s3:GetObject",
        "Resource": "arn:aws:s3:::doc-bucket/*"
    }]
});

static SESSION: Policy = policy!(kind = Session, {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]
});

static TOPIC: Policy = policy!(kind = SnsTopic, {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Principal": {"Service": "events.amazonaws.com"},
        "Action": "sns:Publish",
        "Resource": "arn:aws:sns:us-east-1:111122223333:alerts",
        "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:events:us-east-1:111122223333:rule/*"}}
    }]
});

static FUNCTION: Policy = policy!(kind = LambdaFunction, {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Principal": {"Service": "s3.amazonaws.com"},
        "Action": "lambda:InvokeFunction",
        "Resource": "arn:aws:lambda:us-east-1:111122223333:function:thumbnails",
        "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}
    }]
});

static SECRET: Policy = policy!(kind = SecretsManagerSecret, {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Deny",
        "Principal": "*",
        "Action": "secretsmanager:GetSecretValue",
        "Resource": "*",
        "Condition": {"StringNotEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}
    }]
});

static REPOSITORY: Policy = policy!(kind = EcrRepository, {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::444455556666:root"},
        "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    }]
});

static GENERIC: Policy = policy!(kind = Resource, {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Principal": {"AWS": "arn:aws:sts::444455556666:assumed-role/Partner/p1"},
        "Action": "sqs:ReceiveMessage"
    }]
});

static INLINE: [Policy; 3] = [
    policy!(kind = User, {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}),
    policy!(kind = Group, {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}),
    policy!(kind = Role, {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}),
];

fn main() {
    for (policy, kind) in [
        (&TOPIC, PolicyType::SnsTopic),
        (&FUNCTION, PolicyType::LambdaFunction),
        (&SECRET, PolicyType::SecretsManagerSecret),
        (&REPOSITORY, PolicyType::EcrRepository),
        (&GENERIC, PolicyType::Resource),
        (&INLINE[0], PolicyType::User),
        (&INLINE[1], PolicyType::Group),
        (&INLINE[2], PolicyType::Role),
    ] {
        assert_eq!(policy.policy_type(), kind);
        // Each compiled document loads at run time as the same type, to the same compiled form.
        let loaded = Policy::from_json_as(&policy.to_json(), kind).unwrap();
        assert_eq!(loaded.compiled(), policy.compiled());
    }
    // A statement without `Resource` applies to the resource the policy is attached to.
    let any_repo = Request::new("ecr:BatchGetImage", "arn:aws:ecr:us-east-1:111122223333:repository/app")
        .principal("arn:aws:iam::444455556666:user/ci");
    assert_eq!(REPOSITORY.evaluate(&any_repo), Decision::Allowed);

    assert_eq!(BUCKET.policy_type(), PolicyType::S3Bucket);
    assert_eq!(TRUST.policy_type(), PolicyType::Trust);
    assert_eq!(SCP.policy_type(), PolicyType::Scp);
    assert_eq!(RCP.policy_type(), PolicyType::Rcp);
    assert_eq!(KEY.policy_type(), PolicyType::KmsKey);
    assert_eq!(QUEUE.policy_type(), PolicyType::SqsQueue);
    assert_eq!(ENDPOINT.policy_type(), PolicyType::VpcEndpoint);
    assert_eq!(SESSION.policy_type(), PolicyType::Session);

    // Principals decide, in the compiled path and the interpreter alike.
    let partner = Request::new("s3:GetObject", "arn:aws:s3:::doc-bucket/report.pdf")
        .principal("arn:aws:sts::444455556666:assumed-role/Reader/s1");
    let stranger = Request::new("s3:GetObject", "arn:aws:s3:::doc-bucket/report.pdf")
        .principal("arn:aws:iam::777788889999:user/mallory");
    for (request, expected) in [(partner, Decision::Allowed), (stranger, Decision::ImplicitlyDenied)] {
        assert_eq!(BUCKET.evaluate(&request), expected);
        assert_eq!(BUCKET.explain_interpreted(&request).decision, expected);
    }
    let ec2 = Request::new("sts:AssumeRole", "arn:aws:iam::111122223333:role/web").principal("ec2.amazonaws.com");
    assert_eq!(EC2_TRUST.evaluate(&ec2), Decision::Allowed);
    let lambda = Request::new("sts:AssumeRole", "arn:aws:iam::111122223333:role/web").principal("lambda.amazonaws.com");
    assert_eq!(EC2_TRUST.evaluate(&lambda), Decision::ImplicitlyDenied);

    let github = Request::new("sts:AssumeRoleWithWebIdentity", "arn:aws:iam::111122223333:role/deploy")
        .principal("arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com");
    let ctx = [
        ("token.actions.githubusercontent.com:aud", "sts.amazonaws.com"),
        ("token.actions.githubusercontent.com:sub", "repo:example-org/example-repo:ref:refs/heads/main"),
    ];
    assert_eq!(TRUST.evaluate(&github.context(&ctx)), Decision::Allowed);
    assert_eq!(TRUST.evaluate(&github), Decision::ImplicitlyDenied);
}
