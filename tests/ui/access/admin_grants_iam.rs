// `assert_access_not_granted!` on a policy that allows everything: the build fails with a request
// for an IAM action that the policy allows.

iam_policy::assert_access_not_granted!(
    {
        "Version": "2012-10-17",
        "Statement": [{ "Effect": "Allow", "Action": "*", "Resource": "*" }]
    },
    actions = ["iam:*"]
);

fn main() {}
