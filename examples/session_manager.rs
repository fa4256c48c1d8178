use iam_policy::{Decision, Policy, Request, policy};

static SESSIONS: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": ["ssm:TerminateSession", "ssm:ResumeSession"],
        "Resource": ["arn:aws:ssm:*:*:session/${aws:username}-*"]
    }]
});

fn main() {
    let ctx = [("aws:username", "alice")];
    let req = Request::new("ssm:TerminateSession", "arn:aws:ssm:us-east-2:123456789012:session/alice-0a1b")
        .context(&ctx);
    assert_eq!(SESSIONS.evaluate(&req), Decision::Allowed);
    println!("{}", SESSIONS.to_json_pretty());
}
