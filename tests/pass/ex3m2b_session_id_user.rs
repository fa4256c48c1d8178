// Seed example 3, method 2 (session-id = a user id), as AWS corrected it
// (`"Resource": "*"` for `""`), otherwise pasted unchanged.
#![deny(warnings)]

use iam_policy::{policy, Decision, Policy, Request};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": [
                "ssm:TerminateSession"
            ],
            "Resource": "*",
            "Condition": {
                "StringLike": {
                    "ssm:resourceTag/aws:ssmmessages:session-id": [
                        "AIDIODR4TAW7CSEXAMPLE"
                    ]
                }
            }
        }
    ]
});

fn main() {
    // The pasted document is the file, as the run-time reader reads it.
    let from_file = Policy::from_json(include_str!("fixtures/ex3m2b_session_id_user.json")).unwrap();
    assert_eq!(P.to_json(), from_file.to_json());
    assert!(P.is_specialized());

    let session = "arn:aws:ssm:us-east-2:123456789012:session/AIDIODR4TAW7CSEXAMPLE-0a1b2c3d";
    let own = [("ssm:resourceTag/aws:ssmmessages:session-id", "AIDIODR4TAW7CSEXAMPLE")];
    let other = [("ssm:resourceTag/aws:ssmmessages:session-id", "AIDAOTHERUSEREXAMPLE")];
    assert_eq!(P.evaluate(&Request::new("ssm:TerminateSession", session).context(&own)), Decision::Allowed);
    assert_eq!(P.evaluate(&Request::new("ssm:TerminateSession", session).context(&other)), Decision::ImplicitlyDenied);
}
