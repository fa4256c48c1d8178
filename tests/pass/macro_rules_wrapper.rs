// `policy!` inside `macro_rules!`: a whole document passed as a `tt` fragment, and literals passed
// as `literal` and `expr` fragments (which reach `policy!` in invisible groups).
#![deny(warnings)]

use iam_policy::{policy, Decision, Policy, Request};

macro_rules! document {
    ($doc:tt) => {
        policy!($doc)
    };
}

macro_rules! own_sessions {
    ($action:literal, $resource:expr) => {
        policy!({
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Action": [$action],
                "Resource": $resource
            }]
        })
    };
}

static WHOLE: Policy = document!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "arn:aws:ec2:*:*:instance/*"
    }]
});

static PIECES: Policy = own_sessions!("ssm:TerminateSession", "arn:aws:ssm:*:*:session/${aws:username}-*");

fn main() {
    let instance = "arn:aws:ec2:us-east-2:123456789012:instance/i-1234567890EXAMPLE";
    assert_eq!(WHOLE.evaluate(&Request::new("ssm:StartSession", instance)), Decision::Allowed);
    assert_eq!(WHOLE.evaluate(&Request::new("ssm:TerminateSession", instance)), Decision::ImplicitlyDenied);

    let session = "arn:aws:ssm:us-east-2:123456789012:session/alice-0a1b2c3d";
    let alice = [("aws:username", "alice")];
    let bob = [("aws:username", "bob")];
    assert_eq!(PIECES.evaluate(&Request::new("ssm:TerminateSession", session).context(&alice)), Decision::Allowed);
    assert_eq!(PIECES.evaluate(&Request::new("ssm:TerminateSession", session).context(&bob)), Decision::ImplicitlyDenied);
    assert!(PIECES.to_json().contains(r#""Resource":"arn:aws:ssm:*:*:session/${aws:username}-*""#));
}
