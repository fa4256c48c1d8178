// `assert_no_public_access!` that holds compiles to nothing, as an item or as a statement.

// A GitHub Actions trust policy scoped to one repository and branch: no one else may assume it.
iam_policy::assert_no_public_access!(kind = Trust, "pass/fixtures/github-oidc-trust.json");

// A bucket shared with an organization, trusted by its ID.
iam_policy::assert_no_public_access!(
    kind = S3Bucket,
    {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::docs/*",
            "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }
        }]
    },
    org = "o-a1b2c3d4e5",
);

fn main() {
    // CloudTrail may write the account's logs, for that account only.
    iam_policy::assert_no_public_access!(
        kind = S3Bucket,
        {
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Principal": { "Service": "cloudtrail.amazonaws.com" },
                "Action": "s3:PutObject",
                "Resource": "arn:aws:s3:::logs/AWSLogs/111122223333/*",
                "Condition": { "StringEquals": { "aws:SourceAccount": "111122223333" } }
            }]
        },
        accounts = ["111122223333"]
    );
}
