// `assert_no_public_access!`: a bucket anyone may read, a bucket shared with an organization
// when only one account is trusted, and a policy given without its kind.

iam_policy::assert_no_public_access!(
    kind = S3Bucket,
    {
        "Version": "2012-10-17",
        "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::docs/*" }]
    }
);

iam_policy::assert_no_public_access!(
    kind = S3Bucket,
    {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::docs/*",
            "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }
        }]
    },
    accounts = ["111122223333"]
);

iam_policy::assert_no_public_access!("seed/ex4_admin.json");

iam_policy::assert_no_public_access!(
    kind = S3Bucket,
    {
        "Version": "2012-10-17",
        "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::docs/*" }]
    },
    org = "org"
);

fn main() {}
