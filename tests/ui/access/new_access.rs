// `assert_no_new_access!`: the new policy adds `s3:PutObject`; the build fails with a request the
// new policy allows and the reference does not.

iam_policy::assert_no_new_access!(
    {
        "Version": "2012-10-17",
        "Statement": [{ "Effect": "Allow", "Action": ["s3:Get*", "s3:PutObject"], "Resource": "arn:aws:s3:::reports/*" }]
    },
    reference = {
        "Version": "2012-10-17",
        "Statement": [{ "Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::reports/*" }]
    }
);

fn main() {}
